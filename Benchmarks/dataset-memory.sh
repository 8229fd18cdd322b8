#!/usr/bin/env bash
# A JSON Lines dataset against the same articles as plain files: builds both from the BBC
# corpus (../shared/corpora/bbc), loads each with `dossier list --no-cache` (release build),
# and prints each one's peak memory and time, and their ratio. With the default 500,000
# records the dataset is about 1.2 GB, and the folder as many copies of the BBC files (copies, not
# links: Dossier reads a file reached by two names once).
#
# Usage: Benchmarks/dataset-memory.sh [--records N] [--bbc DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
records=500000 bbc=../shared/corpora/bbc
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records="$2"; shift 2 ;;
    --bbc) bbc="$2"; shift 2 ;;
    *) echo "unknown option: $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
if [ ! -d "$bbc" ]; then
  echo "skipped: the BBC corpus is not at $bbc (it comes with ../shared)" >&2
  exit 0
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian's time package)" >&2; exit 2; }
swift build -c release --product dossier >/dev/null
dossier=$(swift build -c release --show-bin-path)/dossier
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same articles twice: as files (the scale corpus, hard-linked) and as one JSON Lines record
# each, in the same order, the first line of each file its title and the rest its text.
"$bbc/../make-scale-corpus.sh" "$work/files" "$records" --src "$bbc" >/dev/null
python3 - "$work/files" "$work/dataset.jsonl" <<'PY'
import json, os, sys
folder, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as dataset:
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as article:
            title, _, text = article.read().partition("\n")
        dataset.write(json.dumps({"title": title.strip(), "text": text.strip(), "source": "BBC", "id": name}) + "\n")
PY
printf 'dataset: %s records, %s bytes\n' "$records" "$(stat -c %s "$work/dataset.jsonl")"

measure() {
  local label="$1" path="$2"
  XDG_CACHE_HOME="$work/cache" /usr/bin/time -f "%M %e" -o "$work/time-$label" "$dossier" list --no-cache "$path" >/dev/null
  read -r kilobytes seconds <"$work/time-$label"
  printf '%-26s peak %6d MB  %7.1f s\n' "$label" $((kilobytes / 1024)) "$seconds"
  echo "$kilobytes" >"$work/peak-$label"
}
measure "plain files ($records)" "$work/files"
measure "JSON Lines ($records)" "$work/dataset.jsonl"
python3 -c "import sys; print(f'peak memory, JSON Lines / plain files: {int(sys.argv[2]) / int(sys.argv[1]):.2f}')" \
  "$(cat "$work/peak-plain files ($records)")" "$(cat "$work/peak-JSON Lines ($records)")"
