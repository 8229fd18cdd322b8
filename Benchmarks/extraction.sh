#!/usr/bin/env bash
# Dossier's article-body extraction beside the published extractors and trafilatura, on the
# Article Extraction Benchmark (../shared/corpora/aeb: 181 real pages, hand-checked bodies).
# Scores Dossier's bodies with the benchmark's own evaluate.py beside the published outputs,
# then times Dossier and trafilatura on the same pages, in memory, one thread each, in one run.
#
# Usage: Benchmarks/extraction.sh [--aeb DIR] [--runs R] [--skip-trafilatura]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
aeb=../shared/corpora/aeb runs=3 trafilatura=1
while [ $# -gt 0 ]; do
  case "$1" in
    --aeb) aeb="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --skip-trafilatura) trafilatura=0; shift ;;
    *) echo "unknown option: $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
if [ ! -f "$aeb/evaluate.py" ]; then
  echo "skipped: the Article Extraction Benchmark is not at $aeb (it comes with ../shared)" >&2
  exit 0
fi
aeb=$(cd "$aeb" && pwd)
swift build -c release --product dossier >/dev/null
dossier=$(swift build -c release --show-bin-path)/dossier

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/output"
cp "$aeb/ground-truth.json" "$aeb/evaluate.py" "$work/"
cp "$aeb"/output/*.json "$work/output/"

echo "== Dossier ($runs runs; the bodies of the last are scored)"
for _ in $(seq "$runs"); do
  "$dossier" bench --extraction "$work/output/dossier.json" "$aeb/html"
done

echo
echo "== Scored by the benchmark's evaluate.py, beside the published outputs"
(cd "$work" && python3 evaluate.py --n-bootstrap 200)

[ "$trafilatura" = 1 ] || exit 0
if ! python3 -c 'import ensurepip' 2>/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
fi
venv="${XDG_CACHE_HOME:-$HOME/.cache}/dossier-benchmarks/trafilatura-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q trafilatura lxml_html_clean
fi
echo
echo "== trafilatura, same pages, in memory, one thread ($runs runs)"
for _ in $(seq "$runs"); do
  "$venv/bin/python" - "$aeb/html" <<'PY'
import glob, gzip, sys, time
import trafilatura
pages = [gzip.open(path).read() for path in sorted(glob.glob(sys.argv[1] + "/*.html.gz"))]
trafilatura.extract(pages[0])  # its first call loads what it needs; not timed
start = time.perf_counter()
for page in pages:
    trafilatura.extract(page)
seconds = time.perf_counter() - start
print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages, {seconds:.3f} s on one thread, {seconds * 1000 / len(pages):.2f} ms a page")
PY
done
