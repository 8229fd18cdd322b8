#!/usr/bin/env bash
# Fuzzes every parser with libFuzzer (swiftc -sanitize=fuzzer, with AddressSanitizer), one
# target a format: plain text (parsing, linking, quotes, query parsing, wrapping and the cell
# grid), web pages, feeds, JSON Lines and CSV; `settings`, the filter language and the
# config file; and `index`, a saved index file, sound ones edited and whole ones made up, with
# their checksums made to match or not, loaded and searched.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (default 60 s each; targets: text html feed jsonl csv settings index)
# Each starts from small inputs of its format and the kept crash inputs; a crash is saved as
# Tests/DossierUITests/FuzzRegressions/crash-<hash> (plain text) or FuzzRegressions/FORMAT/crash-<hash>,
# where `swift test` replays it from then on. Exits non-zero when the fuzzer finds something.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-60}"
shift || true
formats=("$@")
[ ${#formats[@]} -gt 0 ] || formats=(text html feed jsonl csv settings index)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A second build in a folder other than .build fails in SwiftPM with "unknown build
# description" unless its cached description is removed first; the build stays incremental.
rm -f .build-fuzz/release/description.json
swift build -c release --product dossier-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -DFUZZING >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }

# Small inputs of each format, written here in our own words, for the fuzzer to start from.
seed() {
  local format="$1" corpus="$2"
  case "$format" in
    text) cp Resources/articles/*.txt "$corpus/" ;;
    html)
      printf '%s' '<!doctype html><html><head><meta charset="utf-8"><title>Talks | Courier</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks","author":{"name":"A. Writer"},"datePublished":"2019-02-27"}</script></head><body><nav><a href="/">Home</a></nav><article><h1>Talks</h1><p>Mike Pompeo met Kim Jong Un in Hanoi, and they talked, said officials.</p><figure><img src="a"><figcaption>A caption</figcaption></figure><p>More text, with commas, follows.</p></article><div class="share">Share</div></body></html>' >"$corpus/page.html"
      printf '%s' '<html><body><div class="post">Line one, with a comma.<br><br>Line two &amp; more.<table><tr><td>Cell text in a table, long enough.</td></tr></table></div></body></html>' >"$corpus/br.html" ;;
    feed)
      printf '%s' '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Gazette</title><item><title>Talks</title><link>https://g.example/1</link><pubDate>Sat, 01 Sep 2018 23:30:00 -0400</pubDate><content:encoded><![CDATA[<p>Donald Trump spoke.</p>]]></content:encoded></item><item><title>Brief</title><description>Ri Yong Ho &lt;b&gt;spoke&lt;/b&gt;.</description></item></channel></rss>' >"$corpus/rss.xml"
      printf '%s' '<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><entry><title type="html">A &amp;amp; B</title><link href="https://a.example/1"/><published>2019-02-27T09:00:00+07:00</published><author><name>Ana</name></author><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Text.</p></div></content></entry></feed>' >"$corpus/atom.xml" ;;
    jsonl)
      printf '%s\n' '{"title":"Talks","text":"Kim Jong Un met Donald Trump.\n\nThey spoke.","date":"2018-06-12","authors":["A","B"]}' 'not json' '{"headline":"H","body":"<p>Mike Pompeo</p>","url":"https://x.example"}' >"$corpus/news.jsonl" ;;
    settings)
      printf '%s\n' '(mentions:"Ri Yong Ho" or mentions:pompeo) not source:CNN since:2018-09 until:2018 format:feed unread @a summit' \
        '[keys]' 'filter = ["f", "<C-f>"]' '[colors]' 'person = ["cyan", "red"]' 'place = "yellow"' '[filters]' 'ris = "mentions:ri-son-gwon"' \
        '[[people]]' 'name = "Choe Son Hui"' 'aliases = ["Choe Son-hui"]' 'titles = ["Vice Foreign Minister"]' 'description = "diplomat"' >"$corpus/config.toml"
      printf '%s\n' 'not (read or' '[keys' 'teleport = 42' '[[people]]' 'height = 3' >"$corpus/bad.toml" ;;
    index)
      # The first byte picks how the rest makes the file (FuzzChecks.checkIndexFile): a sound index as
      # it is, edited in a few places with and without its checksums made to match, and made up whole.
      printf '\x00' >"$corpus/sound"
      printf '\x00\x00\x00\x00\x28\x01\x00\x00\x01\x00\x80' >"$corpus/edited"
      printf '\x01\x00\x00\x02\x00\x07\x00\x00\x03\x10\xff\x00\x00\x04\x00\x01' >"$corpus/edited-resealed"
      printf '\x03DOSSIDX\n\x06\x00\x00\x00\x00\x00\x00\x00' >"$corpus/made-up" ;;
    csv)
      printf '%s\n' 'title,text,date,source' '"Talks, again","Mike Pompeo said, ""yes"".' 'Line two.",2018-07-01,Paper' 'short,row' >"$corpus/data.csv" ;;
  esac
}

status=0
for format in "${formats[@]}"; do
  artifacts=Tests/DossierUITests/FuzzRegressions
  [ "$format" = text ] || artifacts="$artifacts/$format"
  mkdir -p "$work/$format" "$artifacts"
  seed "$format" "$work/$format"
  find "$artifacts" -maxdepth 1 -type f -exec cp {} "$work/$format/" \;
  echo "fuzzing $format for ${seconds} s"
  # The leaks known and explained in .ci/lsan-suppressions.txt are not findings.
  LSAN_OPTIONS="suppressions=$PWD/.ci/lsan-suppressions.txt" DOSSIER_FUZZ_FORMAT="$format" .build-fuzz/release/dossier-fuzz "$work/$format" -max_total_time="$seconds" -max_len=8192 \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1 >"$work/$format.log" 2>&1 || status=1
  grep -E "stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" "$work/$format.log" || tail -5 "$work/$format.log"
  [ $status = 0 ] || { tail -40 "$work/$format.log"; break; }
done
exit $status
