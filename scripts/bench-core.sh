#!/usr/bin/env bash
# Measures loading (without the index cache) and querying a corpus in a release build.
# Usage: scripts/bench-core.sh [CORPUS] [RUNS]   (default: ../shared/corpora/bbc, 5 runs)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
corpus="${1:-../shared/corpora/bbc}"
runs="${2:-5}"
[ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 2; }
swift build -c release --product dossier >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%d)"
for run in $(seq "$runs"); do
  .build/release/dossier bench --no-cache "$corpus" | tr '\n' ' '
  echo
done
echo "whole process, dossier list (wall seconds, peak RSS KiB):"
for run in $(seq "$runs"); do
  /usr/bin/time -f "%e s  %M KiB" .build/release/dossier list --no-cache "$corpus" 2>&1 >/dev/null | tail -1
done
