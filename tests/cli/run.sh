#!/bin/sh
# CLI tests: exit codes, messages naming the bad input, formats, stdin.
# Usage: tests/cli/run.sh path/to/newsfuse. Prints "RESULT passed failed".
nf=${1:-build/newsfuse}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*" >&2; }

# expect NAME WANT_EXIT CMD... ; output in $tmp/out, $tmp/err
expect() {
	name=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else fail "$name: exit $got, want $want"; cat "$tmp/err" >&2; fi
}
has() { # has NAME FILE PATTERN
	if grep -q -- "$3" "$2"; then ok; else fail "$1: '$3' not in $2"; fi
}

cat >"$tmp/a.txt" <<'TXT'
Floodwaters recede in Marrow Valley

MARROW, March 14 (Tidewire) - Floodwaters began to recede in Marrow Valley on Tuesday, officials said, after two days of rain broke a levee.

At least 12 people were killed, the regional governor said on Tuesday.
TXT
cat >"$tmp/b.txt" <<'TXT'
Marrow Valley counts the cost of the flood

The regional governor said 12 people had died in the flood and 40 were injured.

About 300 soldiers were deployed to help residents of Marrow Valley.
TXT
printf 'Caf\351 closed\nThe caf\351 shut.\n' >"$tmp/latin1.txt"
printf '\177ELF\000\000\001\002' >"$tmp/binary.txt"
: >"$tmp/empty.txt"
printf '{"id":"j1","title":"Levee breaks","text":"The levee broke on Monday and 12 people died."}\n{"id":"j2","text": broken\n' >"$tmp/feed.jsonl"

expect "top help" 0 "$nf" --help
has "top help" "$tmp/out" "usage: newsfuse"
expect "version" 0 "$nf" --version
has "version" "$tmp/out" "newsfuse [0-9]"
expect "no command" 2 "$nf"
expect "unknown command" 2 "$nf" frobnicate
has "unknown command" "$tmp/err" "unknown command"
expect "brief help" 0 "$nf" brief --help
has "brief help" "$tmp/out" "--summary-words"
expect "brief no files" 2 "$nf" brief
expect "bad format" 2 "$nf" brief --format pdf "$tmp/a.txt"
has "bad format" "$tmp/err" "unknown format"
expect "bad words" 2 "$nf" brief --summary-words lots "$tmp/a.txt"
expect "bad input kind" 2 "$nf" brief --input xml "$tmp/a.txt"

expect "two good" 0 "$nf" brief "$tmp/a.txt" "$tmp/b.txt"
expect "json" 0 "$nf" brief --format json "$tmp/a.txt" "$tmp/b.txt"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["schema"]=="newsfuse.brief/1"; assert len(d["sources"])==2' "$tmp/out"; then ok; else fail "json: not a valid brief"; fi
expect "markdown" 0 "$nf" brief -f markdown "$tmp/a.txt" "$tmp/b.txt"
expect "html" 0 "$nf" brief -f html "$tmp/a.txt" "$tmp/b.txt"
has "html" "$tmp/out" "<html"
expect "no colour when piped" 0 "$nf" brief "$tmp/a.txt"
if grep -q "$(printf '\033')" "$tmp/out"; then fail "colour escape in piped output"; else ok; fi

expect "missing only" 1 "$nf" brief "$tmp/nope.txt"
has "missing only" "$tmp/err" "nope.txt"
expect "missing + good" 3 "$nf" brief -f json "$tmp/nope.txt" "$tmp/a.txt"
has "missing + good" "$tmp/err" "nope.txt: No such file"
has "missing + good" "$tmp/out" "newsfuse.brief/1"
expect "invalid utf8" 3 "$nf" brief -f json "$tmp/latin1.txt" "$tmp/a.txt"
has "invalid utf8" "$tmp/err" "latin1.txt:1:4: invalid UTF-8"
expect "binary" 3 "$nf" brief -f json "$tmp/binary.txt" "$tmp/a.txt"
has "binary" "$tmp/err" "binary.txt: binary data"
expect "empty" 3 "$nf" brief -f json "$tmp/empty.txt" "$tmp/a.txt"
has "empty" "$tmp/err" "empty.txt: no article text"
expect "all bad" 1 "$nf" brief "$tmp/empty.txt" "$tmp/binary.txt"
expect "bad jsonl line" 3 "$nf" brief -f json "$tmp/feed.jsonl"
has "bad jsonl line" "$tmp/err" "feed.jsonl:2"
has "bad jsonl line" "$tmp/out" '"j1"'

if "$nf" brief -f json - <"$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"; then ok; else fail "stdin"; fi
has "stdin" "$tmp/out" '"file": "-"'
mkdir "$tmp/dir" && cp "$tmp/a.txt" "$tmp/b.txt" "$tmp/dir/"
expect "directory" 0 "$nf" brief -f json "$tmp/dir"
if python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))["sources"])==2' "$tmp/out"; then ok; else fail "directory: want 2 sources"; fi
expect "output file" 0 "$nf" brief -o "$tmp/brief.md" -f markdown "$tmp/a.txt"
if [ -s "$tmp/brief.md" ] && [ ! -s "$tmp/out" ]; then ok; else fail "output file"; fi
expect "unwritable output" 1 "$nf" brief -o "$tmp/no/such/dir/x" "$tmp/a.txt"

# Web pages, feeds, extract and fetch.
cat >"$tmp/page.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="windows-1252">
<title>Levee breaks in Marrow | Valley Gazette</title>
<meta property="article:published_time" content="2024-03-14T09:30:00Z">
<meta name="author" content="Ana Ruiz"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Levee breaks in Marrow</h1>
<p>MARROW, March 14 (Tidewire) - The levee broke before dawn on Tuesday, officials said, and at least 12 people were killed.</p>
<p>About 300 soldiers were deployed to help residents, the café owner said.</p>
<div class="share">Share on Facebook</div></article>
<div id="comments"><p>First comment here, what a day it has been.</p></div></body></html>
HTML
cat >"$tmp/feed.rss" <<'RSS'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Gazette</title>
<item><title>Flood recedes in Marrow</title><link>https://gazette.example/2024/03/15/flood</link>
<pubDate>Fri, 15 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Floodwaters began to recede on Friday, the regional governor said, after 12 people were killed.&lt;/p&gt;</description></item>
</channel></rss>
RSS

expect "extract help" 0 "$nf" extract --help
has "extract help" "$tmp/out" "--format"
expect "extract no files" 2 "$nf" extract
expect "extract bad format" 2 "$nf" extract --format pdf "$tmp/page.html"
expect "extract text" 0 "$nf" extract "$tmp/page.html"
has "extract text" "$tmp/out" "^Levee breaks in Marrow$"
has "extract text" "$tmp/out" "300 soldiers"
if grep -q -e "Share on Facebook" -e "First comment" -e "World" "$tmp/out"; then fail "extract text: furniture kept"; else ok; fi
expect "extract json" 0 "$nf" extract -f json --url https://gazette.example/news/levee "$tmp/page.html"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "newsfuse.extract/1"
assert d["title"]["value"] == "Levee breaks in Marrow"
assert d["published"]["value"] == "2024-03-14T09:30:00Z" and d["published"]["precision"] == "minute"
assert d["published"]["source"] == "meta:article:published_time"
assert d["authors"] == ["Ana Ruiz"] and d["language"] == "en"
assert d["url"] == "https://gazette.example/news/levee"
assert "soldiers" in d["text"]' "$tmp/out"; then ok; else fail "extract json: wrong metadata"; fi
if "$nf" extract - <"$tmp/page.html" >"$tmp/out" 2>"$tmp/err"; then ok; else fail "extract stdin"; fi
has "extract stdin" "$tmp/out" "300 soldiers"
expect "extract two, jsonl" 0 "$nf" extract -f json "$tmp/page.html" "$tmp/page.html"
if [ "$(wc -l <"$tmp/out")" -eq 2 ]; then ok; else fail "extract two: want 2 JSON lines"; fi
expect "extract missing + good" 3 "$nf" extract "$tmp/nope.html" "$tmp/page.html"
has "extract missing + good" "$tmp/err" "nope.html"
printf '<html><head><meta charset="iso-8859-1"></head><body><p>The caf\351 on the corner closed after the flood, its owner said on Friday.</p></body></html>' >"$tmp/latin1.html"
expect "extract latin1 page" 0 "$nf" extract "$tmp/latin1.html"
has "extract latin1 page" "$tmp/out" "$(printf 'caf\303\251 on the corner')"
expect "extract empty" 1 "$nf" extract "$tmp/empty.txt"
has "extract empty" "$tmp/err" "empty.txt: no text"
gzip -c "$tmp/page.html" >"$tmp/page.html.gz"
expect "extract gzip" 1 "$nf" extract "$tmp/page.html.gz"
has "extract gzip" "$tmp/err" "page.html.gz: binary data, not a web page (byte 0x00 at offset"
expect "extract gzip + good" 3 "$nf" extract "$tmp/page.html.gz" "$tmp/page.html"

expect "brief html + feed" 0 "$nf" brief -f json "$tmp/page.html" "$tmp/feed.rss"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = {x["title"]: x for x in d["sources"]}
assert s["Levee breaks in Marrow"]["published"] == "2024-03-14", s
assert s["Flood recedes in Marrow"]["outlet"] == "Valley Gazette", s' "$tmp/out"; then ok; else fail "brief html + feed: wrong sources"; fi
expect "brief --input feed on html" 1 "$nf" brief --input feed "$tmp/page.html"
has "brief --input feed on html" "$tmp/err" "not an RSS or Atom feed"

expect "fetch help" 0 "$nf" fetch --help
expect "fetch no urls" 2 "$nf" fetch
expect "fetch bad scheme" 1 "$nf" fetch -q ftp://example.invalid/x
has "fetch bad scheme" "$tmp/err" "ftp://example.invalid/x"
# a local server only: the tests never leave the machine
if command -v python3 >/dev/null 2>&1; then
	mkdir -p "$tmp/www/2024/03/14" && cp "$tmp/page.html" "$tmp/www/2024/03/14/levee.html"
	port=$((20000 + $$ % 20000))
	(cd "$tmp/www" && exec python3 -m http.server "$port" --bind 127.0.0.1) >/dev/null 2>&1 &
	srv=$!
	for i in 1 2 3 4 5 6 7 8 9 10; do
		python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$port" 2>/dev/null && break
		sleep 0.3
	done
	expect "fetch local" 0 "$nf" fetch -q -f json "http://127.0.0.1:$port/2024/03/14/levee.html"
	has "fetch local" "$tmp/out" "300 soldiers"
	has "fetch local" "$tmp/out" '"url":"http://127.0.0.1'
	mkdir "$tmp/saved"
	expect "fetch save" 0 "$nf" fetch -q --save "$tmp/saved" "http://127.0.0.1:$port/2024/03/14/levee.html"
	expect "brief saved" 0 "$nf" brief "$tmp/saved"
	expect "fetch 404" 1 "$nf" fetch -q "http://127.0.0.1:$port/nope.html"
	has "fetch 404" "$tmp/err" "HTTP status 404"
	kill "$srv" 2>/dev/null
	wait "$srv" 2>/dev/null
fi
# stories: cluster (no store), add / stories / brief --story (a store)
expect "cluster help" 0 "$nf" cluster --help
has "cluster help" "$tmp/out" "--window-days"
expect "cluster no files" 2 "$nf" cluster
expect "cluster bad threshold" 2 "$nf" cluster --threshold 2 "$tmp/a.txt"
expect "cluster bad format" 2 "$nf" cluster -f xml "$tmp/a.txt"
expect "cluster two" 0 "$nf" cluster "$tmp/a.txt" "$tmp/b.txt"
if [ "$(grep -c '"story":' "$tmp/out")" -eq 2 ]; then ok; else fail "cluster two: want 2 lines"; fi
has "cluster two" "$tmp/out" '^{"id":"a","story":1}$'
expect "cluster bad line" 3 "$nf" cluster "$tmp/feed.jsonl"
has "cluster bad line" "$tmp/err" "feed.jsonl:2"
has "cluster bad line" "$tmp/out" '"id":"j1"'
expect "cluster nothing" 1 "$nf" cluster "$tmp/empty.txt"
if "$nf" cluster -f text - <"$tmp/feed.jsonl" >"$tmp/out" 2>"$tmp/err"; [ $? -eq 3 ]; then ok; else fail "cluster stdin"; fi
has "cluster stdin" "$tmp/out" "^j1	1	$"
db="$tmp/store/s.db"
mkdir -p "$tmp/store"
expect "add" 0 "$nf" add --db "$db" "$tmp/a.txt" "$tmp/b.txt"
has "add" "$tmp/out" "added 2 articles"
expect "add again" 0 "$nf" add --db "$db" "$tmp/a.txt" "$tmp/b.txt"
has "add again" "$tmp/out" "added 0 articles.*2 already stored"
expect "add jsonl" 3 "$nf" add --db "$db" -f jsonl "$tmp/feed.jsonl"
has "add jsonl" "$tmp/out" '"id":"j1","story":[0-9]*,"new":'
expect "stories" 0 "$nf" stories --db "$db"
has "stories" "$tmp/out" "^story [0-9]*: "
expect "stories json" 0 "$nf" stories --db "$db" -f json --search Marrow
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d and all("figures_conflict" in s for s in d)' "$tmp/out"; then ok; else fail "stories json"; fi
expect "stories bad since" 2 "$nf" stories --db "$db" --since yesterday
expect "stories no store" 1 "$nf" stories --db "$tmp/nope.db"
story=$("$nf" stories --db "$db" -f jsonl --search Marrow | head -n 1 | sed 's/^{"story":\([0-9]*\).*/\1/')
expect "brief story" 0 "$nf" brief --db "$db" --story "$story" -f json
has "brief story" "$tmp/out" "newsfuse.brief/1"
expect "brief no story" 1 "$nf" brief --db "$db" --story 999
has "brief no story" "$tmp/err" "no story 999"
if XDG_DATA_HOME="$tmp/xdg" "$nf" add -q "$tmp/a.txt" >/dev/null 2>&1 &&
	[ -s "$tmp/xdg/newsfuse/store.db" ]; then ok; else fail "default store not under XDG_DATA_HOME"; fi

echo "RESULT $passed $failed"
[ "$failed" -eq 0 ]
