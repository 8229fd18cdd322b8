#!/usr/bin/env bash
# End-to-end: the real binary in tmux on the hostile corpus. Opens every article,
# checks that the terminal's title never changes (escape sequences did not reach
# it) and that the pane borders stay in their columns, then quits with SIGTERM and
# compares `stty -a` before and after.
# Usage: Tests/EndToEndTests/hostile-tmux.sh [path/to/dossier] [path/to/dossier-test-corpus]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
binary="$(realpath "${1:-.build/debug/dossier}")"
writer="$(realpath "${2:-.build/debug/dossier-test-corpus}")"
source "Tests/EndToEndTests/tmux-helpers.sh"
corpus="$("$writer")"
trap 'cleanup; rm -rf "$corpus"' EXIT

# The display columns of every border character on each row, measured with wcwidth
# so wide characters count as two; every row must put its borders where row 1 does.
borders_aligned() {
  tmux_ capture-pane -p -t e2e > "$work/screen"
  python3 - "$work/screen" <<'PY'
import sys, unicodedata
def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"): return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-2]   # the status row is free text
def borders(row):
    columns, column = [], 0
    for ch in row:
        if ch in "│┃◆•": columns.append(column)
        column += width(ch)
    return columns
expected = [c for c in borders(rows[0]) if c > 0]
bad = [i for i, row in enumerate(rows[1:], 2) if not set(expected) <= set(borders(row))]
if bad:
    print("borders moved on rows", bad[:10], "expected columns", expected)
    sys.exit(1)
PY
}

title_unchanged() {
  local now
  now="$(tmux_ display-message -p -t e2e '#{pane_title}')"
  [ "$now" = "$title" ] || { echo "pane title changed to: $now"; return 1; }
}

# What a sequence carries must vanish with it, not show up as text on the screen.
no_sequence_text() {
  ! tmux_ capture-pane -p -t e2e | grep -E 'pwned|another title|\[31m|\[2J|app command|c1 title'
}

# Each article by its id, and the headline the reader's title row then shows.
open_each_article() {
  local pair id headline
  for pair in "escapes:Escape sequences" "invalid-utf8:Bad bytes" "cjk:日本の記事" "emoji:Emoji" "combining:Combining" \
              "crlf:Windows headline" "cr:Old Mac headline" "tabs:Tabs" "formfeed:Form feed" "bom:Headline after a BOM" "deep:Deep down"; do
    id="${pair%%:*}" headline="${pair#*:}"
    tmux_ send-keys -t e2e ':' && tmux_ send-keys -t e2e -l "open $id" && tmux_ send-keys -t e2e Enter
    wait_for "│ $headline" || return 1
    tmux_ send-keys -t e2e Space
    sleep 0.2
    check "title unchanged after opening $id" title_unchanged
    check "borders aligned in $id" borders_aligned
    check "no escape sequence text in $id" no_sequence_text
  done
}

start_shell
title="$(tmux_ display-message -p -t e2e '#{pane_title}')"
tmux_ send-keys -t e2e "clear; stty -a > before-h; $binary '$corpus'; stty -a > after-h; echo done-h" Enter
# The corpus holds a 5 MB line, which a debug build takes a while to index on a slow machine.
wait_for "files skipped" 180
open_each_article
pkill -TERM -f "^$binary " || true
wait_for "done-h"
check "stty unchanged after SIGTERM" same_stty h
check "input echoes after SIGTERM" echo_works h
check "title unchanged at the end" title_unchanged
finish
