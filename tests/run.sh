#!/bin/sh
# Runs every test binary of one build (and the CLI tests against its
# newsfuse) and prints the totals as "N passed, N failed".
build=${1:-build}
passed=0
failed=0
log=$(mktemp)
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	printf '%s\n' "== $(basename "$t")" >&2
	"$t" >"$log" 2>&1
	rc=$?
	cat "$log" >&2
	line=$(grep '^RESULT ' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		echo "  $t crashed or exited $rc without a result" >&2
		failed=$((failed + 1))
		continue
	fi
	set -- $line
	passed=$((passed + $2))
	failed=$((failed + $3))
done
if [ -f tests/cli/run.sh ]; then
	printf '%s\n' "== cli" >&2
	sh tests/cli/run.sh "$build/newsfuse" >"$log" 2>&1
	cat "$log" >&2
	line=$(grep '^RESULT ' "$log" | tail -n 1)
	if [ -n "$line" ]; then
		set -- $line
		passed=$((passed + $2))
		failed=$((failed + $3))
	else
		failed=$((failed + 1))
	fi
fi
rm -f "$log"
echo "$build: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
