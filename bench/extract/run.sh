#!/bin/sh
# bench/extract/run.sh - main-text extraction scored and timed against two
# peers in one run (`make bench-extract`; run from anywhere). Not a test: it
# prints tables and exits 0 even when a goal is missed; non-zero only when
# it cannot run.
#
#   1. prepare.py unpacks the two dev sets of ../shared/datasets into
#      $BUILD/bench/extract/pages (never into the repository) and writes a
#      manifest: extraction-trafilatura-eval (990 pages) and
#      extraction-big9-chaos (720 pages);
#   2. newsfuse (bench_extract.c: nf_page_extract on every page, REPEAT
#      times, best run), Mozilla Readability with jsdom (npm, installed into
#      $BUILD/bench/extract/node, outside the tracked tree) and
#      readability-lxml (Debian's python3-readability, installed with
#      apt-get when missing) each extract every page, pinned to core 0;
#      each clock is CPU time over bytes-in to text-out, files read before;
#   3. score.py scores each tool's output: the trafilatura metric
#      (segments that must / must not appear, micro P/R/F) and the Zyte
#      benchmark's 4-word-shingle F1; and newsfuse's title and date against
#      the gold where the set has them.
#
# BUILD=dir picks the build (default build); SHARED=dir the shared data
# (default ../shared); REPEAT newsfuse runs (default 3); SAMPLE=k takes
# every k-th page (default 1: all) for a quicker look; PEERS=0 skips them.
set -e
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
shared=${SHARED:-../shared}
repeat=${REPEAT:-3}
sample=${SAMPLE:-1}
peers=${PEERS:-1}
work="$build/bench/extract"
[ -d "$shared/datasets/extraction-trafilatura-eval" ] ||
	{ echo "bench: $shared/datasets not found (set SHARED=)" >&2; exit 2; }
pin=""
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"
py=/usr/bin/python3
[ -x "$py" ] || py=python3

make -s -j"$(nproc 2>/dev/null || echo 2)" BUILD="$build" "$build/libnewsfuse.a" >&2
mkdir -p "$work"
${CC:-cc} -std=c17 -D_POSIX_C_SOURCE=200809L -O2 -g -Iinclude $(make -s print-cflags) \
	-o "$work/bench_extract" bench/extract/bench_extract.c "$build/libnewsfuse.a" \
	$(make -s print-libs)
"$py" bench/extract/prepare.py "$shared" "$work" 2>/dev/null
awk -v k="$sample" 'NR % k == 1 || k == 1' "$work/manifest.tsv" >"$work/run.tsv"
pages=$(wc -l <"$work/run.tsv")

install_peers() {
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	if ! "$py" -c 'import readability' 2>/dev/null; then
		echo "bench: installing python3-readability for the peer measure" >&2
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
			python3-readability >/dev/null 2>&1 ||
			{ $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get \
				install -y -qq --no-install-recommends python3-readability >/dev/null; } || true
	fi
	if command -v npm >/dev/null 2>&1 && [ ! -d "$work/node/node_modules/@mozilla/readability" ]; then
		echo "bench: installing @mozilla/readability and jsdom (npm) into $work/node" >&2
		mkdir -p "$work/node"
		(cd "$work/node" && npm install --silent --no-audit --no-fund @mozilla/readability jsdom \
			>/dev/null 2>&1) || true
	fi
}

echo "bench: newsfuse on $pages pages (best of $repeat)" >&2
nf_out=$($pin "$work/bench_extract" "$work/run.tsv" "$work/newsfuse.jsonl" "$repeat")
tools="newsfuse=$work/newsfuse.jsonl"
rl_out=""
rjs_total=""
if [ "$peers" = 1 ]; then
	install_peers
	if "$py" -c 'import readability' 2>/dev/null; then
		echo "bench: readability-lxml on $pages pages" >&2
		rl_out=$($pin "$py" bench/extract/peer_readability_lxml.py "$work/run.tsv" \
			"$work/readability-lxml.jsonl")
		tools="$tools readability-lxml=$work/readability-lxml.jsonl"
	fi
	if [ -d "$work/node/node_modules/@mozilla/readability" ]; then
		echo "bench: Readability.js on $pages pages (batches of 100)" >&2
		: >"$work/readability-js.jsonl"
		rjs_total=0
		first=0
		while [ "$first" -lt "$pages" ]; do
			o=$(NODE_PATH="$work/node/node_modules" $pin node --max-old-space-size=4096 \
				bench/extract/peer_readability.js "$work/run.tsv" "$work/readability-js.jsonl" \
				"$first" 100)
			rjs_total=$(awk -v a="$rjs_total" -v b="$(echo "$o" | sed -n 's/.*total_s=//p')" \
				'BEGIN { printf "%.4f", a + b }')
			first=$((first + 100))
		done
		tools="$tools readability.js=$work/readability-js.jsonl"
	fi
fi

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo
echo "newsfuse extraction bench, $(date -u '+%Y-%m-%d %H:%M UTC'), ${cpu:-unknown CPU}${pin:+, pinned to core 0}, $pages pages"
echo
"$py" bench/extract/score.py "$shared" "$work/run.tsv" $tools
echo
nf_s=$(field "$nf_out" best_s)
printf '%-22s %10s %12s %14s\n' "speed (CPU, one core)" "seconds" "pages/s" "newsfuse is"
printf '%-22s %10s %12s %14s\n' "---------------------" "-------" "-------" "-----------"
row() { # NAME SECONDS
	awk -v n="$1" -v s="$2" -v p="$pages" -v base="$nf_s" 'BEGIN {
		printf "%-22s %10.2f %12.1f %13.1fx\n", n, s, p / s, s / base }'
}
row "newsfuse" "$nf_s"
[ -n "$rl_out" ] && row "readability-lxml" "$(field "$rl_out" total_s)"
[ -n "$rjs_total" ] && row "Readability.js" "$rjs_total"
echo
echo "goals: trafilatura-eval F >= 0.93 and above every peer; big9 F1 above every peer;"
echo "       >= 10x readability-lxml's and >= 20x Readability.js's pages/s; title, date >= 0.90"
