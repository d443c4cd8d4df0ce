#!/bin/sh
# Source rules the compiler does not check. Prints "N passed, N failed".
#  - banned functions (unbounded copies, unchecked conversions) in the
#    library and CLI;
#  - dependency order: util/ uses only libc; the CLI only the public header;
#    stages do not reach into renderers; nothing outside store/cli does I/O,
#    and only src/store.c touches the database.
cd "$(dirname "$0")/.." || exit 1
passed=0
failed=0
rule() { # rule DESCRIPTION MATCHES
	if [ -z "$2" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'lint: %s:\n%s\n' "$1" "$2" >&2
	fi
}

rule "banned functions" "$(grep -nE '\b(sprintf|vsprintf|strcpy|strcat|gets|atoi|atol|atof|strtok)\s*\(' src/*.c src/util/*.c cli/*.c)"
rule "util/ includes only libc and util headers" \
	"$(grep -n '#include "' src/util/*.c src/util/*.h | grep -vE '#include "(arena|buf|pages|vec)\.h"|#include "newsfuse\.h"')"
rule "the CLI uses only the public header" \
	"$(grep -n '#include "' cli/*.c cli/*.h | grep -vE '#include "(newsfuse|cli)\.h"')"
rule "stages do not include renderers" \
	"$(grep -ln '#include "render' $(ls src/*.c | grep -v '/render'))"
rule "the library does no file I/O (the store, src/store.c, opens its database)" \
	"$(grep -nE '\b(fopen|open|opendir|fwrite|printf|puts|sqlite3_open\w*)\s*\(' src/*.c src/util/*.c | grep -v '^src/render_' | grep -v '^src/store\.c:')"
rule "only the store uses SQLite" \
	"$(grep -ln 'sqlite3' src/*.c src/*.h src/util/*.c src/util/*.h | grep -v '^src/store\.c$')"
echo "lint: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
