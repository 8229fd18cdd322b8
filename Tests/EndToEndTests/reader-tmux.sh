#!/usr/bin/env bash
# End-to-end: the real binary in tmux. Types the seed sequences, resizes, quits
# with q, Ctrl-C and SIGTERM, and checks that `stty -a` is the same before and after.
# Usage: Tests/EndToEndTests/reader-tmux.sh [path/to/dossier]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
binary="$(realpath "${1:-.build/debug/dossier}")"
socket="dossier-e2e-$$"
work="$(mktemp -d)"
passed=0
failed=0
tmux_() { tmux -L "$socket" "$@"; }
cleanup() { tmux_ kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Polls the pane until it shows $1, or fails after 20 s printing the last capture.
wait_for() {
  local deadline=$((SECONDS + 20))
  while ((SECONDS < deadline)); do
    if tmux_ capture-pane -p -t e2e | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  echo "--- timed out waiting for: $1"; tmux_ capture-pane -p -t e2e; return 1
}
check() {
  local name="$1"; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

start_shell() {
  tmux_ kill-server 2>/dev/null || true
  tmux_ -f /dev/null new-session -d -s e2e -x 140 -y 40 "env -i PATH=/usr/bin:/bin HOME=$work TERM=xterm-256color LANG=C.UTF-8 bash --norc --noprofile"
  tmux_ send-keys -t e2e "cd $work && PS1='$ '" Enter
  wait_for '$'
}

# Runs the reader from the shell between two `stty -a` snapshots, then quits it with "$@".
run_and_quit() {
  local tag="$1"; shift
  tmux_ send-keys -t e2e "clear; stty -a > before-$tag; $binary; stty -a > after-$tag; echo done-$tag" Enter
  wait_for "Articles 1/2"
  "$@"
  wait_for "done-$tag"
}

seed_sequences() {
  tmux_ send-keys -t e2e ':' && tmux_ send-keys -t e2e -l 'entity mike-pompeo' && tmux_ send-keys -t e2e Enter
  for _ in 1 2 3 4 5 6 7 8; do tmux_ send-keys -t e2e ']'; done
  wait_for "Mike Pompeo: mention 8/8" || return 1
  tmux_ capture-pane -p -t e2e | grep -qF "Ri Son Gwon" || { echo "entity pane lacks Ri Son Gwon"; return 1; }
  tmux_ send-keys -t e2e ']'
  wait_for "Mike Pompeo: mention 1/8" || return 1
  tmux_ send-keys -t e2e '/' && tmux_ send-keys -t e2e -l 'denuclearization' && tmux_ send-keys -t e2e Enter
  wait_for "8 matches in 2 articles" || return 1
  for _ in 1 2 3 4; do tmux_ send-keys -t e2e n; done
  wait_for "match 5/8" || return 1
  tmux_ send-keys -t e2e N
  wait_for "match 4/8" || return 1
  tmux_ resize-window -t e2e -x 60 -y 20
  wait_for "Articles 1/2" || return 1
  local width
  width=$(tmux_ capture-pane -p -t e2e | head -1 | wc -L)
  [ "$width" -le 60 ] || { echo "first row is $width columns after resize to 60"; return 1; }
  tmux_ resize-window -t e2e -x 140 -y 40
  wait_for "Entities" || return 1
  tmux_ send-keys -t e2e q
}
quit_with_ctrl_c() { tmux_ send-keys -t e2e C-c; }
# Ctrl-Z gives the shell back; `fg` brings the reader back drawn; then q.
suspend_and_resume() {
  tmux_ send-keys -t e2e C-z
  wait_for "Stopped" || return 1
  tmux_ send-keys -t e2e "stty -a > suspended-z" Enter
  tmux_ send-keys -t e2e "fg" Enter
  wait_for "Entities" || return 1
  tmux_ send-keys -t e2e q
}
suspended_terminal_is_sane() { cmp -s <(grep -v rows "$work/before-z") <(grep -v rows "$work/suspended-z"); }
quit_with_sigterm() { pkill -TERM -f "^$binary\$" || pkill -TERM -x dossier; }

same_stty() { cmp -s "$work/before-$1" "$work/after-$1" || { diff "$work/before-$1" "$work/after-$1"; return 1; }; }
echo_works() {
  tmux_ send-keys -t e2e "echo typed-$1" Enter
  wait_for "typed-$1"
}

start_shell
check "seed sequences, resize and q" run_and_quit q seed_sequences
check "stty unchanged after q" same_stty q
check "input echoes after q" echo_works q
check "Ctrl-C quits" run_and_quit c quit_with_ctrl_c
check "stty unchanged after Ctrl-C" same_stty c
check "Ctrl-Z suspends, fg redraws" run_and_quit z suspend_and_resume
check "terminal sane while suspended" suspended_terminal_is_sane
check "stty unchanged after Ctrl-Z, fg, q" same_stty z
check "SIGTERM quits" run_and_quit t quit_with_sigterm
check "stty unchanged after SIGTERM" same_stty t
check "input echoes after SIGTERM" echo_works t

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
