#!/usr/bin/env bash
# End-to-end: `dossier list` on small files that unpack to gigabytes, and on one huge record, under
# /usr/bin/time -v: each is refused as "too large", naming the limit, before it is held, and the
# process's peak memory stays under 300 MB.
# Usage: Tests/EndToEndTests/bombs.sh [path/to/dossier]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
binary="$(realpath "${1:-.build/debug/dossier}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Written here, streamed: 1.9 GB of one byte between a document's start and end, gzipped to 1.9 MB,
# and a plain JSON Lines file whose first record is 500 MB.
python3 - "$work" <<'PY'
import gzip, os, sys
work = sys.argv[1]
def bomb(name, head, fill, tail, megabytes):
    with gzip.open(os.path.join(work, name), "wb", compresslevel=9) as out:
        out.write(head)
        block = fill * (1 << 20)
        for _ in range(megabytes):
            out.write(block)
        out.write(tail)
bomb("page.html.gz", b"<html><body><p>", b" ", b"Envoys met.</p></body></html>", 1900)
bomb("record.jsonl.gz", b'{"title":"Big","text":"', b"a", b'"}\n', 1900)
bomb("feed.xml.gz", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item><title>Big</title><description>',
     b"a", b"</description></item></channel></rss>", 1900)
with open(os.path.join(work, "record.jsonl"), "wb") as out:
    out.write(b'{"title":"Big","text":"')
    block = b"a" * (1 << 20)
    for _ in range(500):
        out.write(block)
    out.write(b'"}\n')
PY

passed=0
failed=0
for bomb in page.html.gz record.jsonl.gz feed.xml.gz record.jsonl; do
  /usr/bin/time -v "$binary" list "$work/$bomb" >/dev/null 2>"$work/$bomb.err" || true
  peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$bomb.err")
  if [ -n "$peak" ] && [ "$peak" -lt 300000 ] && grep -q "too large: .*64 MB, the most Dossier reads of one" "$work/$bomb.err"; then
    passed=$((passed + 1)); echo "ok: $bomb refused as too large, peak $((peak / 1024)) MB"
  else
    failed=$((failed + 1)); echo "FAILED: $bomb: peak ${peak:-?} KB"; grep -v '^\s' "$work/$bomb.err" | head -5
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
