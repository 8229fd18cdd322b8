# Shared by the end-to-end scripts: a private tmux server, waiting with a deadline,
# a shell to run the reader from, and counted checks. Source it; set $binary first.
socket="dossier-e2e-$$"
work="$(mktemp -d)"
passed=0
failed=0
tmux_() { tmux -L "$socket" "$@"; }
cleanup() { tmux_ kill-server 2>/dev/null || true; rm -rf "$work" 2>/dev/null || true; }
trap cleanup EXIT

# wait_for TEXT [SECONDS]: polls the pane until it shows TEXT, or fails after SECONDS (20 unless
# told) printing the last capture.
wait_for() {
  local deadline=$((SECONDS + ${2:-20}))
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

same_stty() { cmp -s "$work/before-$1" "$work/after-$1" || { diff "$work/before-$1" "$work/after-$1"; return 1; }; }

echo_works() {
  tmux_ send-keys -t e2e "echo typed-$1" Enter
  wait_for "typed-$1"
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
