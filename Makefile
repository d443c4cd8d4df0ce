# newsfuse - build, test, install.
#
#   make            build/libnewsfuse.a, build/libnewsfuse.so, build/newsfuse
#   make check      unit, end-to-end and CLI tests, then again under ASan+UBSan
#   make demo       brief the example corpus
#   make fuzz       libFuzzer targets (clang) in build-fuzz/
#   make bench      benchmarks (not tests)
#   make bench-extract  extraction scores and speed against peers
#   make bench-figures  figures scored on gva-dev (bench/figures-gva)
#   make bench-cluster  story clustering scored, timed, and on 1M articles
#   make install PREFIX=/usr/local
#
# BUILD=dir puts objects elsewhere (the sanitizer build uses build-asan).
# WERROR=1 turns warnings into errors, as CI does.

CC ?= cc
BUILD ?= build
PREFIX ?= /usr/local
PKGS = libutf8proc json-c libxxhash sqlite3 libxml-2.0
# The command alone fetches pages (newsfuse fetch); the library does no I/O.
CLI_PKGS = libcurl
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lglpk -lm
CLI_LIBS := $(shell pkg-config --libs $(CLI_PKGS) 2>/dev/null)

WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
ifeq ($(WERROR),1)
WARN += -Werror
endif
OPT ?= -O2 -g
CFLAGS_ALL = -std=c17 -D_POSIX_C_SOURCE=200809L $(OPT) $(WARN) -fPIC \
	-Iinclude -Isrc $(PKG_CFLAGS) $(EXTRA_CFLAGS) $(CFLAGS)
LDFLAGS_ALL = $(EXTRA_LDFLAGS) $(LDFLAGS)

LIB_SRC := $(wildcard src/*.c src/util/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_SRC := $(wildcard cli/*.c)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
E2E_SRC := $(wildcard tests/e2e/test_*.c)
E2E_BIN := $(E2E_SRC:tests/e2e/%.c=$(BUILD)/tests/%)
HARNESS := $(BUILD)/tests/harness.o

.PHONY: all check test asan-check demo fuzz bench bench-figures bench-cluster bench-extract install clean deps print-cflags print-libs
all: $(BUILD)/libnewsfuse.a $(BUILD)/libnewsfuse.so $(BUILD)/newsfuse

$(BUILD)/%.o: %.c $(wildcard include/*.h src/*.h src/util/*.h tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libnewsfuse.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libnewsfuse.so: $(LIB_OBJ)
	$(CC) -shared -o $@ $^ $(LDFLAGS_ALL) $(PKG_LIBS)

$(BUILD)/newsfuse: $(CLI_OBJ) $(BUILD)/libnewsfuse.a
	$(CC) -o $@ $(CLI_OBJ) $(BUILD)/libnewsfuse.a $(LDFLAGS_ALL) $(PKG_LIBS) $(CLI_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(HARNESS) $(BUILD)/libnewsfuse.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests -o $@ $< $(HARNESS) $(BUILD)/libnewsfuse.a $(LDFLAGS_ALL) $(PKG_LIBS)

$(BUILD)/tests/%: tests/e2e/%.c $(HARNESS) $(BUILD)/libnewsfuse.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests -o $@ $< $(HARNESS) $(BUILD)/libnewsfuse.a $(LDFLAGS_ALL) $(PKG_LIBS)

$(HARNESS): tests/harness.c tests/harness.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests -c $< -o $@

# Runs every test binary and the CLI tests of one build; prints totals.
test: all $(UNIT_BIN) $(E2E_BIN)
	@sh tests/run.sh $(BUILD)

asan-check:
	NF_SLOW=1 $(MAKE) BUILD=build-asan CC=clang \
		OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
		EXTRA_CFLAGS="-DNF_ARENA_MALLOC" EXTRA_LDFLAGS="-fsanitize=address,undefined" test

check: deps
	@sh tests/check.sh

deps:
	@sh scripts/install-deps.sh

demo: deps all
	$(BUILD)/newsfuse brief examples/*.txt

fuzz:
	@sh tests/fuzz/build.sh

bench: all
	@sh bench/run.sh

bench-figures: all
	@python3 bench/figures-gva

bench-cluster: all
	@sh bench/cluster

bench-extract: all
	@sh bench/extract/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/newsfuse $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(BUILD)/libnewsfuse.a $(BUILD)/libnewsfuse.so $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/newsfuse.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 docs/newsfuse.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|0.1.0|' newsfuse.pc.in \
		> $(DESTDIR)$(PREFIX)/lib/pkgconfig/newsfuse.pc

# What a program linking libnewsfuse.a needs: the scripts of bench/ and
# tests/fuzz/ ask here rather than repeat the package list.
print-cflags:
	@echo $(PKG_CFLAGS)

print-libs:
	@echo $(PKG_LIBS)

clean:
	rm -rf build build-asan build-fuzz
