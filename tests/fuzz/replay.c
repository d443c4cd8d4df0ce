/*
 * replay.c - runs a fuzz target over saved inputs without libFuzzer, so the
 * corpus (seeds and fixed crash reproducers) replays in the ordinary gcc
 * build and under any sanitizer.
 *
 *   replay_text tests/fuzz/corpus/text [more files or dirs...]
 *
 * Each argument is a file or a directory whose regular files are read (one
 * level, hidden files skipped). A crash or a failed check aborts; otherwise
 * the last line is "N passed, 0 failed", one per input.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Inputs larger than this are not fuzzer inputs (libFuzzer's -max_len is
 * far smaller); skipping them keeps a stray file from stalling the run. */
#define MAX_INPUT ((size_t)16 << 20)

static int replay_file(const char *path, size_t *count)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	size_t cap = 4096, n = 0, r;
	unsigned char *buf = malloc(cap);
	while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			unsigned char *p = cap < MAX_INPUT ? realloc(buf, cap * 2) : NULL;
			if (!p) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = p;
			cap *= 2;
		}
	}
	fclose(f);
	if (!buf) {
		fprintf(stderr, "%s: too large or out of memory\n", path);
		return -1;
	}
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	(*count)++;
	return 0;
}

static int replay_path(const char *path, size_t *count)
{
	struct stat st;
	if (stat(path, &st)) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path, count);
	DIR *dir = opendir(path);
	if (!dir) {
		perror(path);
		return -1;
	}
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		char *full = malloc(len);
		if (!full) {
			rc = -1;
			break;
		}
		snprintf(full, len, "%s/%s", path, e->d_name);
		if (!stat(full, &st) && S_ISREG(st.st_mode) && replay_file(full, count))
			rc = -1;
		free(full);
	}
	closedir(dir);
	return rc;
}

int main(int argc, char **argv)
{
	size_t count = 0;
	int failed = 0;
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++)
		failed += replay_path(argv[i], &count) != 0;
	printf("%s: replayed %zu inputs\n%zu passed, %d failed\n", argv[0], count,
	       count, failed);
	return failed != 0;
}
