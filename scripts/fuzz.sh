#!/usr/bin/env bash
# Fuzzes article parsing, linking, quotes, query parsing, wrapping and the cell
# grid with libFuzzer (swiftc -sanitize=fuzzer, with AddressSanitizer).
# Usage: scripts/fuzz.sh [SECONDS]   (default 60)
# Starts from the bundled articles and the kept crash inputs; a crash is saved
# as Tests/DossierUITests/FuzzRegressions/crash-<hash>, where `swift test`
# replays it from then on. Exits non-zero when the fuzzer finds something.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-60}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A second build in a folder other than .build fails in SwiftPM with "unknown build
# description" unless its cached description is removed first; the build stays incremental.
rm -f .build-fuzz/release/description.json
swift build -c release --product dossier-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -DFUZZING >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }
mkdir -p "$work/corpus" Tests/DossierUITests/FuzzRegressions
cp Resources/articles/*.txt Tests/DossierUITests/FuzzRegressions/* "$work/corpus/" 2>/dev/null || true
echo "fuzzing for ${seconds} s"
.build-fuzz/release/dossier-fuzz "$work/corpus" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix=Tests/DossierUITests/FuzzRegressions/ -print_final_stats=1 2>&1 | tail -25
