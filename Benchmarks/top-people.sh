#!/usr/bin/env bash
# Prints the 100 most-mentioned people Dossier finds under a folder, numbered, one a line, with their
# mentions and articles, for judging by hand (docs/BENCHMARKS.md keeps the verdicts). Builds the release
# binary; reads without the user's index cache or config.
# Usage: Benchmarks/top-people.sh FOLDER [COUNT]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
folder="${1:?usage: Benchmarks/top-people.sh FOLDER [COUNT]}"
count="${2:-100}"
[ -d "$folder" ] || { echo "not a folder: $folder" >&2; exit 2; }
swift build -c release --product dossier >/dev/null
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
XDG_CACHE_HOME="$home" XDG_CONFIG_HOME="$home" XDG_STATE_HOME="$home" .build/release/dossier entities --json --no-cache "$folder" \
  | python3 -c '
import json, sys
people = [e for e in json.load(sys.stdin) if e["kind"] == "person"]
people.sort(key=lambda e: (-e["mentions"], e["name"]))
for rank, e in enumerate(people[:int(sys.argv[1])], 1):
    print("%d\t%s\t%d\t%d" % (rank, e["name"], e["mentions"], e["articles"]))
' "$count"
