#!/bin/sh
# Builds the fuzz targets into build-fuzz/ (run from anywhere; `make fuzz`):
#
#   build-fuzz/fuzz_{text,jsonl,cluster,html,feed,   libFuzzer + ASan + UBSan
#   encoding}
#                                                   (clang), library built with
#                                                   -DNF_ARENA_MALLOC so ASan
#                                                   sees every arena object
#   build-fuzz/replay_{text,...}                    the same targets driven by
#                                                   replay.c, plain gcc build
#
# The library objects come from the project Makefile (BUILD=build-fuzz/lib
# and build-fuzz/gcc), so they are rebuilt only when sources change.
set -e
cd "$(dirname "$0")/../.."
out=build-fuzz
jobs=$(nproc 2>/dev/null || echo 2)
libs="$(make -s print-libs)"
cflags="-std=c17 -D_POSIX_C_SOURCE=200809L -g -Wall -Wextra -Iinclude -Isrc -Itests/fuzz $(make -s print-cflags)"
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
srcs="tests/fuzz/fuzz_common.c"
mkdir -p "$out"

make -s -j"$jobs" BUILD=$out/lib CC=clang \
	OPT="-O1 -g -fsanitize=fuzzer-no-link $san" \
	EXTRA_CFLAGS=-DNF_ARENA_MALLOC "$out/lib/libnewsfuse.a"
make -s -j"$jobs" BUILD=$out/gcc CC=gcc "$out/gcc/libnewsfuse.a"

for t in text jsonl cluster html feed encoding; do
	clang $cflags -O1 -fsanitize=fuzzer $san -DNF_ARENA_MALLOC \
		-o "$out/fuzz_$t" tests/fuzz/fuzz_$t.c $srcs "$out/lib/libnewsfuse.a" $libs
	gcc $cflags -O2 -o "$out/replay_$t" tests/fuzz/replay.c tests/fuzz/fuzz_$t.c \
		$srcs "$out/gcc/libnewsfuse.a" $libs
done
echo "fuzz targets in $out/: fuzz_{text,jsonl,cluster,html,feed,encoding} replay_{...}" >&2
