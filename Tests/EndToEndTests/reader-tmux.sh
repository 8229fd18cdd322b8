#!/usr/bin/env bash
# End-to-end: the real binary in tmux. Types the seed sequences, resizes, quits
# with q, Ctrl-C and SIGTERM, and checks that `stty -a` is the same before and after.
# Usage: Tests/EndToEndTests/reader-tmux.sh [path/to/dossier]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
binary="$(realpath "${1:-.build/debug/dossier}")"
source "Tests/EndToEndTests/tmux-helpers.sh"

# Runs the reader from the shell between two `stty -a` snapshots, then quits it with "$@".
run_and_quit() {
  local tag="$1"; shift
  # --fresh: each run starts where a first run does, whatever the one before left saved.
  tmux_ send-keys -t e2e "clear; stty -a > before-$tag; $binary --fresh; stty -a > after-$tag; echo done-$tag" Enter
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
# 100 KB pasted into the search prompt: the reader keeps up (each key costs the same, and keys that
# have arrived are applied before the next frame), and the prompt shows the end, where the cursor is.
paste_into_prompt() {
  python3 -c "print('x' * 99990 + ' pasted-end', end='')" > "$work/paste"
  tmux_ send-keys -t e2e '/'
  tmux_ load-buffer -b paste "$work/paste"
  tmux_ paste-buffer -b paste -d -t e2e
  wait_for "pasted-end" 10 || return 1
  tmux_ send-keys -t e2e Escape
  tmux_ send-keys -t e2e q
}
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
quit_with_sigterm() { pkill -TERM -f "^$binary( --fresh)?\$" || pkill -TERM -x dossier; }
quit_with_signal() { pkill -"$1" -f "^$binary( --fresh)?\$"; }
quit_with_ctrl_backslash() { tmux_ send-keys -t e2e 'C-\'; }
# Neither the Swift runtime's crash reporter nor its "Press space to interact" prompt may show.
no_crash_text() { ! tmux_ capture-pane -p -t e2e | grep -Ei 'crashed|press space|interact'; }

# A crash (here a SIGSEGV sent to it) gives the terminal back first, then one report on stderr,
# and ends the process: no prompt, nothing left running.
crash_and_report() {
  tmux_ send-keys -t e2e "clear; stty -a > before-s; $binary --fresh 2> crash-report; echo status-\$?; stty -a > after-s; echo done-s" Enter
  wait_for "Articles 1/2" || return 1
  pkill -SEGV -f "^$binary( --fresh)?\$"
  wait_for "done-s" 30 || return 1
  tmux_ capture-pane -p -t e2e | grep -qF "status-139" || { echo "the crash did not end the process with SIGSEGV"; return 1; }
  grep -qF "dossier: error: Dossier crashed (a bad memory access)" "$work/crash-report" || { echo "no crash line on stderr:"; cat "$work/crash-report"; return 1; }
  ! grep -qi "press space" "$work/crash-report" || { echo "the crash reporter asked for a key"; return 1; }
}

# Another program cuts the saved index short while the reader has it mapped; a search then reads pages
# that are gone. The damage is said on the status line and the reader goes on in its own mode: a key
# acts at once, without Enter, and the terminal comes back as it was.
index_cut_short_under_the_reader() {
  python3 - "$work/many" <<'PY'
import os, sys
os.makedirs(sys.argv[1], exist_ok=True)
for number in range(400):
    with open(os.path.join(sys.argv[1], f"filler-{number:03}.txt"), "w") as f:
        f.write(f"Filler {number}\n\nThe committee number {number} met on day {number * 7} and said little.\n")
PY
  # The first run saves the index once it has read the files (q while it reads leaves none); the second maps it.
  tmux_ send-keys -t e2e "clear; $binary --fresh many; echo done-m" Enter
  wait_for "Articles 1/400" 120 || return 1
  local tries=0
  while tmux_ capture-pane -p -t e2e | grep -qF "indexing"; do
    tries=$((tries + 1)); [ "$tries" -lt 600 ] || { echo "still indexing after a minute"; return 1; }
    sleep 0.1
  done
  tmux_ send-keys -t e2e q
  wait_for "done-m" || return 1
  tmux_ send-keys -t e2e "clear; stty -a > before-t; $binary --fresh many; stty -a > after-t; echo done-t" Enter
  wait_for "Articles 1/400" 60 || return 1
  local index
  for index in "$work"/.cache/dossier/*.index; do python3 -c "import os, sys; os.truncate(sys.argv[1], 64)" "$index"; done
  tmux_ send-keys -t e2e '/' && tmux_ send-keys -t e2e -l 'committee' && tmux_ send-keys -t e2e Enter
  wait_for "cut short while in use" || return 1
  tmux_ send-keys -t e2e q
  wait_for "done-t" 10 || { echo "q did not quit at once: the terminal left the reader's mode"; return 1; }
}

# A file written over in place between two runs leaves its folder's stamp where it was: the reader opens
# from the saved index at once, examines the files behind its first frame, and reads the corpus again.
file_written_over_between_runs() {
  mkdir -p "$work/edited"
  printf 'Envoys meet\n\nMike Pompeo met Kim Jong Un in Pyongyang on Friday.\n' > "$work/edited/envoys.txt"
  printf 'Summit set\n\nDonald Trump said the summit would go ahead.\n' > "$work/edited/summit.txt"
  tmux_ send-keys -t e2e "clear; $binary --fresh edited; echo done-e" Enter
  wait_for "Articles 1/2" 60 || return 1
  tmux_ send-keys -t e2e q
  wait_for "done-e" || return 1
  printf 'Summit off\n\nDonald Trump said the summit would not go ahead.\n' > "$work/edited/summit.txt"
  tmux_ send-keys -t e2e "clear; stty -a > before-w; $binary --fresh edited; stty -a > after-w; echo done-w" Enter
  wait_for "files changed since they were indexed: read again" 30 || return 1
  wait_for "Summit off" || return 1
  tmux_ send-keys -t e2e q
  wait_for "done-w" || return 1
}

# Asked for (SWIFT_BACKTRACE), the runtime's report follows on stderr, and never asks for a key.
crash_with_a_report() {
  tmux_ send-keys -t e2e "clear; SWIFT_BACKTRACE=enable=yes $binary --fresh 2> crash-report; echo status-\$?; echo done-r" Enter
  wait_for "Articles 1/2" || return 1
  pkill -SEGV -f "^$binary( --fresh)?\$"
  wait_for "done-r" 60 || return 1
  grep -qF "Program crashed" "$work/crash-report" || { echo "no report on stderr:"; cat "$work/crash-report"; return 1; }
  ! grep -qi "press space" "$work/crash-report" || { echo "the crash reporter asked for a key"; return 1; }
}

# 6,000 copies of the seed articles: the debug build takes several seconds to index them,
# long enough to use the reader before the index is ready.
make_large_corpus() {
  mkdir -p "$work/large"
  local first second i
  first="$(cat Resources/articles/000_6fb30d2b1fa199a6.txt)"
  second="$(cat Resources/articles/004_aa78b19fab688198.txt)"
  for i in $(seq -w 1 3000); do
    printf '%s\n' "$first" > "$work/large/a$i.txt"
    printf '%s\n' "$second" > "$work/large/b$i.txt"
  done
}
# The list and the open article show while indexing; a search waits for the index; the
# reader keeps its place when the index arrives, and the search then holds its matches.
read_while_indexing() {
  tmux_ send-keys -t e2e "clear; stty -a > before-i; $binary --no-cache large; stty -a > after-i; echo done-i" Enter
  wait_for "Articles 1/6,000" || return 1
  tmux_ capture-pane -p -t e2e | grep -qF "indexing" || { echo "no indexing progress beside the list"; return 1; }
  tmux_ send-keys -t e2e j j Enter
  # The status line counts the open article: the third file, a0003.
  wait_for "help 3/6,000" || return 1
  tmux_ send-keys -t e2e '/' && tmux_ send-keys -t e2e -l 'pompeo' && tmux_ send-keys -t e2e Enter
  wait_for "pompeo will be searched when indexing is done" || return 1
  tmux_ capture-pane -p -t e2e | grep -qF "People, places and organisations" || { echo "entity pane does not say it waits"; return 1; }
  # Indexing 6,000 files in a debug build takes 10 to 40 s, as the machine allows.
  wait_for "n goes to the next" 180 || return 1
  tmux_ capture-pane -p -t e2e | grep -qF "help 3/6,000" || { echo "the reader lost its article when the index arrived"; return 1; }
  tmux_ capture-pane -p -t e2e | grep -qF "Mike Pompeo" || { echo "no entities after indexing"; return 1; }
  tmux_ send-keys -t e2e q
  wait_for "done-i"
}

# A terminal type the reader cannot use is one error line naming TERM, never ncurses' own message.
term_runs=0
term_refused() {
  local setting="$1" expected="$2" tag="term$((++term_runs))"
  # The status is printed plus 100, so that the typed command line itself never matches.
  tmux_ send-keys -t e2e "clear; stty -a > before-term; $setting $binary 2> term-error; s=\$?; stty -a > after-term; echo $tag-\$((100 + s))" Enter
  wait_for "$tag-1" || return 1
  tmux_ capture-pane -p -t e2e | grep -qF "$tag-102" || { echo "exit status was not 2"; return 1; }
  [ "$(wc -l < "$work/term-error")" -eq 1 ] || { echo "not one line:"; cat "$work/term-error"; return 1; }
  grep -q "^dossier: error: .*$expected" "$work/term-error" || { echo "unexpected:"; cat "$work/term-error"; return 1; }
  same_stty term
}

# Under LANG=C the reader still draws curly quotes, the list's marker and the borders.
c_locale_keeps_characters() {
  tmux_ send-keys -t e2e "clear; LANG=C LC_ALL=C $binary --fresh; echo done-locale" Enter
  wait_for "Articles 1/2" || return 1
  local screen
  screen="$(tmux_ capture-pane -p -t e2e)"
  for expected in "▶" "│" "’"; do
    grep -qF "$expected" <<< "$screen" || { echo "no $expected under LANG=C:"; echo "$screen" | head -5; return 1; }
  done
  tmux_ send-keys -t e2e q
  wait_for "done-locale"
}

start_shell
check "TERM unset is refused in one line" term_refused "env -u TERM" "TERM is not set"
check "TERM empty is refused in one line" term_refused "TERM=" "TERM is not set"
check "an unknown TERM is refused in one line" term_refused "TERM=no-such-terminal" "TERM=no-such-terminal is a terminal type this system does not know"
check "TERM=dumb is refused in one line" term_refused "TERM=dumb" "TERM=dumb cannot move the cursor"
check "LANG=C keeps every character" c_locale_keeps_characters
check "seed sequences, resize and q" run_and_quit q seed_sequences
check "stty unchanged after q" same_stty q
check "input echoes after q" echo_works q
check "a 100 KB paste into the prompt" run_and_quit p paste_into_prompt
check "stty unchanged after the paste" same_stty p
check "Ctrl-C quits" run_and_quit c quit_with_ctrl_c
check "stty unchanged after Ctrl-C" same_stty c
check "Ctrl-Z suspends, fg redraws" run_and_quit z suspend_and_resume
check "terminal sane while suspended" suspended_terminal_is_sane
check "stty unchanged after Ctrl-Z, fg, q" same_stty z
check "SIGTERM quits" run_and_quit t quit_with_sigterm
check "stty unchanged after SIGTERM" same_stty t
check "input echoes after SIGTERM" echo_works t
check "Ctrl-\\ quits" run_and_quit backslash quit_with_ctrl_backslash
check "stty unchanged after Ctrl-\\" same_stty backslash
check "no crash report after Ctrl-\\" no_crash_text
for signal in QUIT USR1 USR2 ALRM SYS XCPU XFSZ VTALRM PROF; do
  check "SIG$signal quits" run_and_quit "$signal" quit_with_signal "$signal"
  check "stty unchanged after SIG$signal" same_stty "$signal"
  check "no crash report after SIG$signal" no_crash_text
done
check "a crash restores the terminal, reports once on stderr, and ends" crash_and_report
check "stty unchanged after a crash" same_stty s
check "input echoes after a crash" echo_works s
check "an index cut short under the reader is reported, and keys still act at once" index_cut_short_under_the_reader
check "stty unchanged after the index was cut short" same_stty t
check "a crash with SWIFT_BACKTRACE set reports on stderr, never asking for a key" crash_with_a_report
check "a file written over in place is found behind the first frame, and the corpus read again" file_written_over_between_runs
check "stty unchanged after the corpus was read again" same_stty w
# `o` hands the article's address to $BROWSER as one argument, with no shell between: the
# recording "browser" writes how many arguments it got and the first; nothing in the address runs.
open_link_in_browser() {
  mkdir -p "$work/linked"
  cat > "$work/linked/desk.xml" <<'FEED'
<rss version="2.0"><channel><title>Desk</title><item><title>Talks go on</title>
<link>https://desk.example/a b;$(touch pwned)`touch pwned2`</link><description>Mike Pompeo spoke.</description></item></channel></rss>
FEED
  printf '#!/bin/sh\nprintf "%%s\\n%%s\\n" "$#" "$1" > "%s/browser-args"\n' "$work" > "$work/record-browser"
  chmod +x "$work/record-browser"
  tmux_ send-keys -t e2e "clear; stty -a > before-o; BROWSER=$work/record-browser $binary --no-cache $work/linked; stty -a > after-o; echo done-o" Enter
  wait_for "Talks go on" || return 1
  tmux_ send-keys -t e2e o
  wait_for "opened https://desk.example" || return 1
  tmux_ send-keys -t e2e q
  wait_for "done-o" || return 1
  [ "$(head -1 "$work/browser-args")" = 1 ] || { echo "the browser got $(head -1 "$work/browser-args") arguments"; return 1; }
  [ "$(sed -n 2p "$work/browser-args")" = 'https://desk.example/a b;$(touch pwned)`touch pwned2`' ] || { echo "the browser got: $(sed -n 2p "$work/browser-args")"; return 1; }
  [ ! -e pwned ] && [ ! -e pwned2 ] && [ ! -e "$work/pwned" ] || { echo "the address ran as a command"; return 1; }
}
check "o opens the address in \$BROWSER as one argument, through no shell" open_link_in_browser
check "stty unchanged after opening a link" same_stty o

# R fetches from a server on 127.0.0.1 the test starts: with an empty library the reader shows the
# bundled articles; after R the library holds the feed's items and they join the list, and a feed
# that failed is named.
fetch_from_the_reader() {
  python3 Tests/EndToEndTests/feed-server.py > "$work/port" &
  local server=$!
  for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
  mkdir -p "$work/home/config/dossier"
  printf 'http://127.0.0.1:%s/feed.xml\nhttp://127.0.0.1:%s/no-such-feed\n' "$(cat "$work/port")" "$(cat "$work/port")" > "$work/home/config/dossier/urls"
  tmux_ send-keys -t e2e "clear; stty -a > before-r; XDG_CONFIG_HOME=$work/home/config XDG_DATA_HOME=$work/home/data $binary; stty -a > after-r; echo done-r" Enter
  wait_for "Articles 1/2" || { kill $server; return 1; }
  tmux_ send-keys -t e2e R
  # The status line names the feed that failed, and why.
  wait_for "fetched 2 feeds: 2 new articles, 1 feed failed: http://127.0.0.1:$(cat "$work/port")/no-such-feed (HTTP 404)" || { kill $server; return 1; }
  tmux_ capture-pane -p -t e2e | grep -q "Item 1" || { echo "the fetched items are not in the list"; kill $server; return 1; }
  kill $server
  tmux_ send-keys -t e2e q
  wait_for "done-r"
}
check "R fetches in the background and the new articles join the list" fetch_from_the_reader
check "stty unchanged after fetching from the reader" same_stty r

# A feed reader's day: three feeds from a server on 127.0.0.1 serving files the test changes. Three
# items are read and the reader is left partway down the third; then one feed gains an item and
# another changes one under its guid. After R, and again after `dossier fetch` and a restart: the
# same article is open at the same line, the three stay read, the new item is unread (*) and the
# changed one is marked updated (U).
write_feed() { # file title items…: each item "guid|title|day|text"
  local file="$1" title="$2"; shift 2
  {
    printf '<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>' "$title"
    local item guid heading day text
    for item in "$@"; do
      IFS='|' read -r guid heading day text <<< "$item"
      printf '<item><title>%s</title><guid>%s</guid><pubDate>%s Sep 2018 10:00:00 +0000</pubDate><description>%s</description></item>' \
        "$heading" "$guid" "$day" "$text"
    done
    printf '</channel></rss>'
  } > "$work/feeds/$file"
}
reader_column() { tmux_ capture-pane -p -t e2e | sed -n '2,37p' | awk -F'│' '{ print $2 }'; }
list_row() { tmux_ capture-pane -p -t e2e | grep -F -- "$1" | head -1; }
marks_are() { # read… -- unread… -- updated…
  local kind=read title row
  for title in "$@"; do
    if [ "$title" = "--" ]; then [ "$kind" = read ] && kind=unread || kind=updated; continue; fi
    row="$(list_row "$title")"
    case "$kind" in
      read) grep -qF -- " $title" <<< "$row" && ! grep -qF -- "*$title" <<< "$row" && ! grep -qF -- "U$title" <<< "$row" ;;
      unread) grep -qF -- "*$title" <<< "$row" ;;
      updated) grep -qF -- "U$title" <<< "$row" ;;
    esac || { echo "'$title' is not marked $kind: '$row'"; return 1; }
  done
}
fetch_keeps_the_readers_place() {
  mkdir -p "$work/feeds" "$work/day/config/dossier"
  local long="" n
  for n in $(seq 1 40); do long+="&lt;p&gt;Paragraph $n of the long story Mike Pompeo told in Seoul.&lt;/p&gt;"; done
  write_feed alpha.xml "Alpha Desk" "a1|Alpha one|01|Kim Jong Un met the envoys." "a2|Alpha two|02|$long" "a3|Alpha three|03|Ri Yong Ho spoke."
  write_feed bravo.xml "Bravo Wire" "b1|Bravo one|04|Donald Trump wrote." "b2|Bravo two|05|Mike Pompeo flew home."
  write_feed charlie.xml "Charlie Post" "c1|Charlie one|06|Moon Jae-in waited." "c2|Charlie two|07|Talks went on."
  python3 Tests/EndToEndTests/feed-server.py --folder "$work/feeds" > "$work/day-port" &
  local server=$!
  for _ in $(seq 50); do [ -s "$work/day-port" ] && break; sleep 0.1; done
  local base="http://127.0.0.1:$(cat "$work/day-port")/files"
  printf '%s/alpha.xml\n%s/bravo.xml\n%s/charlie.xml\n' "$base" "$base" "$base" > "$work/day/config/dossier/urls"
  local env="XDG_CONFIG_HOME=$work/day/config XDG_DATA_HOME=$work/day/data XDG_STATE_HOME=$work/day/state XDG_CACHE_HOME=$work/day/cache"
  tmux_ send-keys -t e2e "clear; stty -a > before-day; $env $binary; stty -a > after-day; echo done-day" Enter
  wait_for "Articles 1/2" || { kill $server; return 1; }
  tmux_ send-keys -t e2e R
  wait_for "fetched 3 feeds: 7 new articles" || { kill $server; return 1; }
  local title
  for title in "bravo one" "charlie one" "alpha two"; do
    tmux_ send-keys -t e2e ':' && tmux_ send-keys -t e2e -l "open $title" && tmux_ send-keys -t e2e Enter
    sleep 1.5
  done
  tmux_ send-keys -t e2e Space Space
  wait_for "Paragraph 30 of the long story" || { kill $server; return 1; }
  local before
  before="$(reader_column)"
  marks_are "Bravo one" "Charlie one" "Alpha two" -- "Alpha one" "Bravo two" || { kill $server; return 1; }

  write_feed alpha.xml "Alpha Desk" "a4|Alpha four|08|Mike Pompeo landed." "a1|Alpha one|01|Kim Jong Un met the envoys." \
    "a2|Alpha two|02|$long" "a3|Alpha three|03|Ri Yong Ho spoke."
  write_feed bravo.xml "Bravo Wire" "b1|Bravo one|04|Donald Trump wrote." "b2|Bravo two|05|Mike Pompeo flew home on Friday."
  tmux_ send-keys -t e2e R
  wait_for "fetched 3 feeds: 1 new article, 1 updated" || { kill $server; return 1; }
  [ "$(reader_column)" = "$before" ] || { echo "the reader moved after R:"; reader_column; kill $server; return 1; }
  marks_are "Bravo one" "Charlie one" "Alpha two" -- "Alpha four" -- "Bravo two" || { kill $server; return 1; }
  tmux_ send-keys -t e2e q
  wait_for "done-day" || { kill $server; return 1; }

  # Again from the command line, with the reader closed, and then a restart.
  write_feed alpha.xml "Alpha Desk" "a5|Alpha five|09|Kim Jong Un wrote back." "a4|Alpha four|08|Mike Pompeo landed." \
    "a1|Alpha one|01|Kim Jong Un met the envoys." "a2|Alpha two|02|$long" "a3|Alpha three|03|Ri Yong Ho spoke."
  write_feed charlie.xml "Charlie Post" "c1|Charlie one|06|Moon Jae-in waited." "c2|Charlie two|07|Talks went on until dawn."
  tmux_ send-keys -t e2e "clear; $env $binary fetch > fetched-day 2>&1; echo fetched-\$?" Enter
  wait_for "fetched-0" || { cat "$work/fetched-day"; kill $server; return 1; }
  kill $server
  grep -qF "1 new item" "$work/fetched-day" && grep -qF "0 new items, 1 updated" "$work/fetched-day" \
    || { echo "dossier fetch said:"; cat "$work/fetched-day"; return 1; }
  tmux_ send-keys -t e2e "clear; $env $binary; stty -a > after-day; echo done-day2" Enter
  wait_for "Paragraph 30 of the long story" || return 1
  [ "$(reader_column)" = "$before" ] || { echo "the reader moved after a fetch and a restart:"; reader_column; return 1; }
  marks_are "Bravo one" "Charlie one" "Alpha two" -- "Alpha four" "Alpha five" -- "Bravo two" "Charlie two" || return 1
  tmux_ send-keys -t e2e q
  wait_for "done-day2"
}
check "R and dossier fetch keep the reader's place and marks; new items unread, changed ones marked updated" fetch_keeps_the_readers_place
check "stty unchanged after a day of feeds" same_stty day

# A day's use: the place, the read marks and the filter come back after a restart; the dossier
# opens and closes; a click on the list opens that article. Its own state folder, so no other run
# disturbs it.
daily_run() {
  tmux_ send-keys -t e2e "clear; stty -a > before-$1; XDG_STATE_HOME=$work/daily $binary; stty -a > after-$1; echo done-$1" Enter
}
state_survives_a_restart() {
  daily_run d1
  wait_for "Articles 1/2" || return 1
  # The article shown at start is read after a moment, as is the one opened next.
  sleep 1.5
  tmux_ send-keys -t e2e j Enter
  sleep 1.5
  tmux_ send-keys -t e2e ':' && tmux_ send-keys -t e2e -l 'entity ri-son-gwon' && tmux_ send-keys -t e2e Enter
  wait_for "Ri Son Gwon: 4 mentions in 1 article" || return 1
  tmux_ send-keys -t e2e 'F' && tmux_ send-keys -t e2e -l 'not september' && tmux_ send-keys -t e2e Enter
  wait_for "1 of 2 articles match" || return 1
  tmux_ send-keys -t e2e q
  wait_for "done-d1" || return 1
  daily_run d2
  # The filter, the read marks, the open article and the selected entity, as they were.
  wait_for "Articles 1/1 of 2" || return 1
  local screen
  screen="$(tmux_ capture-pane -p -t e2e)"
  grep -qF "Articles 1/1 of 2 [not september]" <<< "$screen" || { echo "the read marks did not come back"; echo "$screen"; return 1; }
  grep -qF "│ North, South Korea set to meet again in September" <<< "$screen" || { echo "the open article did not come back"; echo "$screen"; return 1; }
  grep -qF "Ri Son Gwon · person" <<< "$screen" || { echo "the selected entity did not come back"; return 1; }
  tmux_ send-keys -t e2e q
  wait_for "done-d2"
}
a_filter_and_the_dossier() {
  daily_run d3
  wait_for "Articles 1/2" || return 1
  tmux_ send-keys -t e2e 'F' C-u && tmux_ send-keys -t e2e -l 'mentions:"Ri Yong Ho" or mentions:ri-son-gwon' && tmux_ send-keys -t e2e Enter
  wait_for "2 of 2 articles match" || return 1
  tmux_ send-keys -t e2e ':' && tmux_ send-keys -t e2e -l 'dossier Ri Son Gwon' && tmux_ send-keys -t e2e Enter
  wait_for "Dossier: Ri Son Gwon" || return 1
  tmux_ capture-pane -p -t e2e | grep -qF "4 mentions in 1 article · 5 quotes" || { echo "the dossier lacks its counts"; return 1; }
  tmux_ send-keys -t e2e Escape
  wait_for "Entities" || return 1
  # D opens the selected entity's: Ri Son Gwon, selected by the dossier.
  tmux_ send-keys -t e2e D
  wait_for "Dossier: Ri Son Gwon" || return 1
  tmux_ send-keys -t e2e D
  wait_for "Entities" || return 1
  tmux_ send-keys -t e2e q
  wait_for "done-d3"
}
# An SGR mouse report (what xterm sends with ncurses' mouse mode on) for a press at a 1-based cell.
click_at() {
  local bytes
  bytes="$(printf '\033[<0;%s;%sM' "$1" "$2" | od -An -tx1)"
  # shellcheck disable=SC2086 # one argument a byte
  tmux_ send-keys -t e2e -H $bytes
}
a_mouse_click() {
  daily_run d4
  # The list's title is short while d3's long filter is in force: the entity pane's title says the reader is up.
  wait_for "Entities" || return 1
  tmux_ send-keys -t e2e 'F' C-u Enter
  wait_for "filter cleared" || return 1
  # Row 2 of the screen is the list's first article; a click there opens it.
  click_at 5 2
  wait_for "│ Secretary of State Mike Pompeo will travel" || return 1
  tmux_ send-keys -t e2e q
  wait_for "done-d4"
}
# A state file that is not one (here cut short) is said in one line, and the reader starts clean.
damaged_state_is_said() {
  local file
  file="$(ls "$work/daily/dossier/"*.state.json)"
  head -c 20 "$file" > "$work/half" && mv "$work/half" "$file"
  daily_run d5
  wait_for "your saved place was not restored" || return 1
  wait_for "Articles 1/2" || return 1
  tmux_ send-keys -t e2e q
  wait_for "done-d5"
}
# A config file's bad line is said in the status line at start and, once, on stderr on leaving;
# the rest of the file applies (here F is moved to f).
config_problems_are_said() {
  mkdir -p "$work/config/dossier"
  printf '[keys]\nteleport = "t"\nfilter = "f"\n' > "$work/config/dossier/config.toml"
  tmux_ send-keys -t e2e "clear; XDG_CONFIG_HOME=$work/config $binary --fresh 2> config-errors; echo done-cfg" Enter
  wait_for "config.toml line 2: no action is named teleport" || return 1
  tmux_ send-keys -t e2e f
  wait_for "filter:" || return 1
  tmux_ send-keys -t e2e Escape q
  wait_for "done-cfg" || return 1
  [ "$(grep -c "line 2: no action is named teleport" "$work/config-errors")" = 1 ] || { echo "stderr:"; cat "$work/config-errors"; return 1; }
}
# Corrections made in the reader (a kind, a merge, a split, a quote's speaker) are what every command
# sees, at once and after a restart and an index rebuild; `dossier correct undo` takes each back.
correcting_run() {
  tmux_ send-keys -t e2e "clear; XDG_CONFIG_HOME=$work/corrections XDG_CACHE_HOME=$work/corrections-cache $binary --fresh; echo done-$1" Enter
}
prompt_line() { tmux_ send-keys -t e2e ':' && tmux_ send-keys -t e2e -l "$1" && tmux_ send-keys -t e2e "${2:-Enter}"; }
commands_see() {
  local env=(env "XDG_CONFIG_HOME=$work/corrections" "XDG_CACHE_HOME=$work/corrections-cache")
  "${env[@]}" "$binary" entities > "$work/c-entities" 2>&1
  "${env[@]}" "$binary" mentions "Ri Yong Ho" > "$work/c-mentions" 2>&1
  "${env[@]}" "$binary" quotes "Mike Pompeo" > "$work/c-quotes" 2>&1
  "${env[@]}" "$binary" profile "Mike Pompeo" > "$work/c-profile" 2>&1
  grep -qE "^kim-jong-un +Kim Jong Un +organisation " "$work/c-entities" || { echo "entities: Kim Jong Un is not an organisation"; cat "$work/c-entities"; return 1; }
  ! grep -q "^ri-son-gwon " "$work/c-entities" || { echo "entities: Ri Son Gwon is still apart"; return 1; }
  grep -qF "Ri Yong Ho: 5 mentions in 2 articles" "$work/c-mentions" || { echo "mentions:"; cat "$work/c-mentions"; return 1; }
  grep -qF "Mike Pompeo: 1 quote" "$work/c-quotes" || { echo "quotes:"; cat "$work/c-quotes"; return 1; }
  grep -qF "3 mentions in 2 articles · 1 quote" "$work/c-profile" || { echo "profile:"; cat "$work/c-profile"; return 1; }
}
corrections_stick() {
  correcting_run c1
  wait_for "Articles 1/2" || return 1
  prompt_line 'entity kim-jong-un'
  prompt_line 'kind organisation'
  wait_for "corrected: Kim Jong Un is an organisation" || return 1
  prompt_line 'entity ri-son-gwon'
  # Tab completes the name to merge into.
  prompt_line 'merge yong' Tab
  wait_for ":merge Ri Yong Ho" || return 1
  tmux_ send-keys -t e2e Enter
  wait_for "corrected: Ri Son Gwon is merged into Ri Yong Ho" || return 1
  # The second of Pompeo's mentions is written "Pompeo": split off, it is a person of its own.
  prompt_line 'entity mike-pompeo'
  tmux_ send-keys -t e2e ']' ']'
  wait_for "Mike Pompeo: mention 2/8" || return 1
  prompt_line 'split'
  wait_for "corrected: Pompeo is split off Mike Pompeo" || return 1
  # Trump's second mention stands beside his first quote, which is given to Pompeo.
  prompt_line 'entity donald-trump'
  tmux_ send-keys -t e2e ']' ']'
  wait_for "Donald Trump: mention 2/" || return 1
  prompt_line 'speaker Mike Pompeo'
  wait_for "corrected: “fell in love.” was said by Mike Pompeo" || return 1
  tmux_ send-keys -t e2e q
  wait_for "done-c1" || return 1
  commands_see || return 1
  # After a restart the reader shows them too; after an index rebuild the commands do.
  correcting_run c2
  wait_for "Articles 1/2" || return 1
  prompt_line 'entity ri son gwon'
  wait_for "Ri Yong Ho: 5 mentions in 2 articles" || return 1
  tmux_ send-keys -t e2e q
  wait_for "done-c2" || return 1
  XDG_CACHE_HOME="$work/corrections-cache" "$binary" cache clear > /dev/null || return 1
  commands_see || return 1
  local undo
  for undo in 1 2 3 4; do
    XDG_CONFIG_HOME="$work/corrections" "$binary" correct undo > "$work/c-undo-$undo" || return 1
  done
  grep -qF "took back: Kim Jong Un is an organisation" "$work/c-undo-4" || { cat "$work/c-undo-"*; return 1; }
  XDG_CONFIG_HOME="$work/corrections" XDG_CACHE_HOME="$work/corrections-cache" "$binary" entities > "$work/c-entities" || return 1
  grep -qE "^kim-jong-un +Kim Jong Un +person " "$work/c-entities" && grep -q "^ri-son-gwon " "$work/c-entities" \
    || { echo "after undo:"; cat "$work/c-entities"; return 1; }
}
check "a config file's bad line is said, and the rest applies" config_problems_are_said
check "corrections made in the reader are what every command sees, and undo takes them back" corrections_stick
check "the place, read marks, entity and filter survive a restart" state_survives_a_restart
check "a damaged state file is said in one line and the reader starts" damaged_state_is_said
check "stty unchanged after a restart" same_stty d2
check "a filter from the prompt, and the dossier view" a_filter_and_the_dossier
check "a mouse click on the list opens the article" a_mouse_click
check "stty unchanged after mouse use" same_stty d4

make_large_corpus
check "reads while indexing, keeps its place when indexed" read_while_indexing
check "stty unchanged after reading while indexing" same_stty i

finish
