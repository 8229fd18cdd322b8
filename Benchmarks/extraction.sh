#!/usr/bin/env bash
# Dossier's article-body extraction beside trafilatura and readability-lxml, in one run, on two sets:
# - the Article Extraction Benchmark (../shared/corpora/aeb: 181 real pages, hand-checked bodies),
#   scored by its own evaluate.py beside the published outputs, and titles against hand-checked
#   headlines kept as hashes (Benchmarks/aeb-titles.tsv);
# - Mozilla Readability's test pages (../shared/corpora/readability: 105 pages, Readability's own
#   extractions as reference), scored by the set's score.py, every page's figure printed.
# Every extractor runs in memory on one thread, on the same pages, and is timed.
#
# Usage: Benchmarks/extraction.sh [--aeb DIR] [--readability DIR] [--runs R] [--skip-peers]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
aeb=../shared/corpora/aeb readability=../shared/corpora/readability runs=3 peers=1
while [ $# -gt 0 ]; do
  case "$1" in
    --aeb) aeb="$2"; shift 2 ;;
    --readability) readability="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --skip-peers) peers=0; shift ;;
    *) echo "unknown option: $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
if [ ! -f "$aeb/evaluate.py" ] || [ ! -f "$readability/score.py" ]; then
  echo "skipped: the Article Extraction Benchmark ($aeb) or the Readability pages ($readability) are not there (they come with ../shared)" >&2
  exit 0
fi
aeb=$(cd "$aeb" && pwd)
readability=$(cd "$readability" && pwd)
benchmarks=$(pwd)/Benchmarks
swift build -c release --product dossier >/dev/null
dossier=$(swift build -c release --show-bin-path)/dossier

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/aeb/output" "$work/readability/pages" "$work/readability/output"
cp "$aeb/ground-truth.json" "$aeb/evaluate.py" "$work/aeb/"
cp "$aeb"/output/*.json "$work/aeb/output/"
# The Readability pages are folders holding source.html.gz; each extractor reads them as NAME.html.gz.
for folder in "$readability"/pages/*/; do
  name=$(basename "$folder")
  [ -f "$folder/source.html.gz" ] && ln -s "$folder/source.html.gz" "$work/readability/pages/$name.html.gz"
done

if [ "$peers" = 1 ]; then
  if ! python3 -c 'import ensurepip' 2>/dev/null; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  fi
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/dossier-benchmarks/trafilatura-venv"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  if ! "$venv/bin/python" -c 'import trafilatura, readability, lxml_html_clean' 2>/dev/null; then
    # The pip a new virtual environment starts with fails to resolve lxml's extras, which trafilatura and
    # readability-lxml both ask for; a current one does not.
    "$venv/bin/pip" install -q --upgrade pip
    "$venv/bin/pip" install -q trafilatura readability-lxml lxml_html_clean
  fi
fi

for set in aeb readability; do
  pages="$aeb/html"; [ "$set" = readability ] && pages="$work/readability/pages"
  echo "== $set: Dossier ($runs runs; the output of the last is scored)"
  for _ in $(seq "$runs"); do
    "$dossier" bench --extraction "$work/$set/output/dossier.json" "$pages"
  done
  if [ "$peers" = 1 ]; then
    echo "== $set: trafilatura and readability-lxml ($runs runs; the output of the last is scored)"
    for _ in $(seq "$runs"); do
      "$venv/bin/python" "$benchmarks/extraction-peers.py" "$pages" "$work/$set/peers"
    done
  fi
  echo
done 2>&1 | sed '/^$/d; s/^==/\n==/'

names="dossier=$work/aeb/output/dossier.json"
readability_names="dossier=$work/readability/output/dossier.json"
if [ "$peers" = 1 ]; then
  # The live runs are scored beside the published outputs under their own names.
  cp "$work/aeb/peers/trafilatura.json" "$work/aeb/output/trafilatura-now.json"
  cp "$work/aeb/peers/readability-lxml.json" "$work/aeb/output/readability-lxml-now.json"
  names="$names trafilatura=$work/aeb/peers/trafilatura.json readability-lxml=$work/aeb/peers/readability-lxml.json"
  readability_names="$readability_names trafilatura=$work/readability/peers/trafilatura.json readability-lxml=$work/readability/peers/readability-lxml.json"
fi

echo
echo "== AEB bodies, scored by the benchmark's evaluate.py, beside the published outputs (-now: this run)"
(cd "$work/aeb" && python3 evaluate.py --n-bootstrap 200)
echo
echo "== AEB titles, against the hand-checked headlines"
# shellcheck disable=SC2086
python3 "$benchmarks/extraction-scores.py" titles "$benchmarks/aeb-titles.tsv" $names
echo
echo "== Readability pages, scored by the set's score.py: every page's F1 and title, then the totals"
# shellcheck disable=SC2086
python3 "$benchmarks/extraction-scores.py" readability "$readability/pages" "$readability/score.py" $readability_names
