#!/usr/bin/env bash
# Dossier on huge single inputs. Builds the release binary and makes every file in a temporary
# folder (never in the repository):
# - one 50 MB article (random words of the BBC corpus, in paragraphs) and one 5 MB line: the
#   load, the peak memory and the keystroke latency without a saved index and with one, plus the
#   time to wrap the article whole, which the reader does off the key loop;
# - single lines of 1, 5, 10 and 20 MB of the same random words: `search government --json`
#   with the index saved, its time, peak memory and hits (placing hits is one walk over the text);
# - 200 MB of one word repeated: `list` without a saved index, and `search --json` of that word
#   (every word a hit) with one, time and peak memory.
#
# Usage: Benchmarks/huge-input.sh [BBC_FOLDER]   (default ../shared/corpora/bbc)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bbc="${1:-../shared/corpora/bbc}"
[ -d "$bbc" ] || { echo "no $bbc: pass the BBC corpus folder" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
swift build -c release --product dossier >/dev/null
dossier="$PWD/.build/release/dossier"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$bbc" "$work" <<'PY'
import pathlib, random, sys
words = [w for f in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")) for w in f.read_text("utf-8", "replace").split()]
random.seed(2026)
def text(size, paragraph_words):
    out, n, count = [], 0, 0
    while n < size:
        word = random.choice(words)
        count += 1
        separator = "\n\n" if paragraph_words and count % paragraph_words == 0 else " "
        out.append(word + separator)
        n += len(word.encode()) + len(separator)
    return "".join(out)[:size]
(pathlib.Path(sys.argv[2]) / "article-50mb.txt").write_text("A very long article\n\n" + text(50_000_000, 120))
(pathlib.Path(sys.argv[2]) / "line-5mb.txt").write_text(text(5_000_000, 0))
for megabytes in (1, 10, 20):
    (pathlib.Path(sys.argv[2]) / f"line-{megabytes}mb.txt").write_text(text(megabytes * 1_000_000, 0))
with open(pathlib.Path(sys.argv[2]) / "one-word-200mb.txt", "w") as out:
    out.write("government " * (200_000_000 // len("government ")))
# The other formats at their worst: a 60 MB web page (a page over 64 MB is refused whole), a feed of 100,000 items, a
# dataset whose one record holds 50 MB.
import html, json
with open(pathlib.Path(sys.argv[2]) / "page-60mb.html", "w") as out:
    out.write("<html><head><title>A very long page</title></head><body><article>")
    body = text(60_000_000, 120)
    for paragraph in body.split("\n\n"):
        out.write("<p>" + paragraph + "</p>\n")
    out.write("</article></body></html>")
with open(pathlib.Path(sys.argv[2]) / "feed-100000-items.xml", "w") as out:
    out.write('<rss version="2.0"><channel><title>Many items</title>')
    for number in range(100_000):
        out.write(f"<item><title>Item {number}</title><link>https://items.example/{number}</link><description>{html.escape(text(100, 0))}</description></item>")
    out.write("</channel></rss>")
with open(pathlib.Path(sys.argv[2]) / "string-50mb.jsonl", "w") as out:
    out.write(json.dumps({"title": "One long record", "text": text(50_000_000, 0)}) + "\n")
    out.write(json.dumps({"title": "A short record", "text": text(1_000, 0)}) + "\n")
PY

for input in article-50mb line-5mb; do
  file="$work/$input.txt"
  for mode in cold warm; do
    flags=(--queries 200)
    [ "$mode" = cold ] && flags+=(--no-cache)
    [ "$mode" = warm ] && XDG_CACHE_HOME="$work/cache" "$dossier" list "$file" >/dev/null
    XDG_CACHE_HOME="$work/cache" /usr/bin/time -f "%e %M" -o "$work/time" "$dossier" bench "${flags[@]}" "$file" >"$work/out"
    read -r _ kib <"$work/time"
    load=$(awk '/^load and index/ { print $4 }' "$work/out")
    keys=$(awk '/^keystroke/ { print $(NF-4), "/", $(NF-1) }' "$work/out")
    layout=$(awk '/^whole layout/ { print $(NF-1) }' "$work/out")
    echo "$input, $mode: load ${load} s, peak $((kib / 1024)) MiB ($(awk -v k="$kib" -v s="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", k * 1024 / s }')× the input), keystroke p50 / p99 ${keys} ms, whole layout ${layout:-–} ms"
  done
done

# What a command took, whole process: seconds, peak MiB, and the peak over the input's size.
# Its output is kept in $work/out unless $discard is set (every word of 200 MB a hit is 5 GB of JSON).
timed() {
  local label="$1" file="$2"; shift 2
  XDG_CACHE_HOME="$work/cache" /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"${discard:-$work/out}"
  read -r seconds kib <"$work/time"
  echo "$label: ${seconds} s, peak $((kib / 1024)) MiB ($(awk -v k="$kib" -v s="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", k * 1024 / s }')× the input)$(hits)"
}
hits() { [ -z "${discard:-}" ] && grep -q '"total"' "$work/out" && echo ", $(awk '/"total"/ { print $3 }' "$work/out") hits, $(( $(stat -c %s "$work/out") / 1000000 )) MB of JSON" || true; }

for megabytes in 1 5 10 20; do
  file="$work/line-${megabytes}mb.txt"
  XDG_CACHE_HOME="$work/cache" "$dossier" list "$file" >/dev/null
  timed "line of $megabytes MB, search government --json, index saved" "$file" "$dossier" search government --json "$file"
done
file="$work/one-word-200mb.txt"
timed "200 MB of one word, list, no saved index" "$file" "$dossier" list "$file"
discard=/dev/null timed "200 MB of one word, search government --json, index saved (18 million hits)" "$file" "$dossier" search government --json "$file"
for input in page-60mb.html feed-100000-items.xml string-50mb.jsonl; do
  timed "$input, list, no saved index" "$work/$input" "$dossier" list --no-cache "$work/$input"
done
