#!/bin/sh
# tests/fuzz/run.sh [SECONDS]: builds the fuzz targets, replays the saved
# corpus under the gcc build, then runs each libFuzzer target for SECONDS
# (default 30; as many at once as there are cores) starting from the saved
# corpus.
# Fails on any crash, leak, sanitizer report, hang (> 10 s on one input) or
# failed output check; the input that did it is left in build-fuzz/ as
# crash-*, leak-*, timeout-* or oom-* and its path printed. Last line:
# "N passed, N failed" (one per replay and per fuzzer run).
secs=${1:-30}
cd "$(dirname "$0")/../.." || exit 2
out=build-fuzz
if ! sh tests/fuzz/build.sh; then
	echo "fuzz build failed"
	echo "0 passed, 1 failed"
	exit 1
fi
passed=0
failed=0
# fuzz_cluster reads JSONL: it shares that corpus and dictionary
corpus_of() { if [ "$1" = cluster ]; then echo jsonl; else echo "$1"; fi; }

targets="text jsonl cluster html feed encoding"
for t in $targets; do
	if "$out/replay_$t" "tests/fuzz/corpus/$(corpus_of $t)" >"$out/replay_$t.log" 2>&1; then
		passed=$((passed + 1))
		tail -n 2 "$out/replay_$t.log"
	else
		failed=$((failed + 1))
		echo "replay_$t failed:"
		tail -n 30 "$out/replay_$t.log"
	fi
done

# The saved corpus is read-only input; new finds go to build-fuzz/work-*.
# -max_len: articles are a few KB; 16 KB lets the mutator build several
# articles and long tokens without making each run slow under ASan (pages
# get 64 KB: markup is most of a page).
# -timeout: the whole pipeline on 16 KB takes milliseconds, so 10 s is a hang.
jobs=$(nproc 2>/dev/null || echo 2)
start() {
	t=$1
	len=16384
	[ "$t" = html ] && len=65536
	mkdir -p "$out/work-$t"
	"$out/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-max_len=$len -print_final_stats=1 -dict="tests/fuzz/$(corpus_of $t).dict" \
		-artifact_prefix="$out/" "$out/work-$t" "tests/fuzz/corpus/$(corpus_of $t)" \
		>"$out/fuzz_$t.log" 2>&1 &
	eval "pid_$t=$!"
}
finish() {
	t=$1
	eval "pid=\$pid_$t"
	if wait "$pid"; then
		passed=$((passed + 1))
		echo "fuzz_$t: $(grep -E '^stat::number_of_executed_units' "$out/fuzz_$t.log" |
			sed 's/.*: *//') runs in ${secs}s, no crash"
	else
		failed=$((failed + 1))
		echo "fuzz_$t FAILED:"
		grep -E 'ERROR|SUMMARY|fuzz check failed|Test unit written|runtime error' \
			"$out/fuzz_$t.log" | head -n 20
		echo "(full log: $out/fuzz_$t.log)"
	fi
}
running=""
for t in $targets; do
	start "$t"
	running="$running $t"
	if [ "$(echo $running | wc -w)" -ge "$jobs" ]; then
		for r in $running; do finish "$r"; done
		running=""
	fi
done
for r in $running; do finish "$r"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
