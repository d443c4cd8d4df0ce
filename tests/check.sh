#!/bin/sh
# The whole test suite, as CI runs it: source lint, the gcc build with -Werror, the same
# tests under AddressSanitizer + UndefinedBehaviorSanitizer (clang), the
# fuzz corpus replayed and each fuzzer run briefly. Ends with the totals on
# a line of its own: "N passed, N failed".
jobs=$(nproc 2>/dev/null || echo 2)
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# tally LABEL CMD...: runs CMD, adds the "X passed, Y failed" it prints last.
tally() {
	label=$1
	shift
	echo "== $label" >&2
	"$@" >"$log" 2>&1
	rc=$?
	tail -n 40 "$log" >&2
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		echo "$label: no result (exit $rc)" >&2
		failed=$((failed + 1))
		return
	fi
	p=$(echo " $line" | sed -E 's/.*[^0-9]([0-9]+) passed, ([0-9]+) failed.*/\1/')
	f=$(echo " $line" | sed -E 's/.*[^0-9]([0-9]+) passed, ([0-9]+) failed.*/\2/')
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$label: exit $rc" >&2
		failed=$((failed + 1))
	fi
}

tally "lint" sh scripts/lint.sh
tally "gcc -Werror" make -j"$jobs" WERROR=1 CC=gcc test
tally "clang -Werror" make -j"$jobs" WERROR=1 CC=clang BUILD=build-clang test
tally "asan+ubsan" make -j"$jobs" WERROR=1 asan-check
if [ -f tests/fuzz/run.sh ]; then
	tally "fuzz" sh tests/fuzz/run.sh "${NF_FUZZ_SECONDS:-20}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
