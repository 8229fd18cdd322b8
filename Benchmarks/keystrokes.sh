#!/usr/bin/env bash
# Keystroke to frame in the reader at N articles (default 100,000), with and without a filter on the
# list: builds the release binary, makes the scale corpus (copies, not links) in a temporary folder,
# indexes it once, then runs `dossier bench` RUNS times (default 3) on the saved index and prints
# the two keystroke lines of each run.
# Usage: Benchmarks/keystrokes.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count="${1:-100000}"
runs="${2:-3}"
maker=../shared/corpora/make-scale-corpus.sh
[ -x "$maker" ] || [ -f "$maker" ] || { echo "needs $maker (the shared corpora)"; exit 1; }
work="$(mktemp -d)"
cache="$(mktemp -d)"
trap 'rm -rf "$work" "$cache"' EXIT
swift build -c release --product dossier >/dev/null
bash "$maker" "$work/corpus" "$count" >/dev/null
export XDG_CACHE_HOME="$cache"
.build/release/dossier list "$work/corpus" >/dev/null 2>&1
for run in $(seq "$runs"); do
  echo "run $run:"
  .build/release/dossier bench "$work/corpus" --queries 200 2>/dev/null | grep '^keystroke'
done
