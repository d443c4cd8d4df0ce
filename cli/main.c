/*
 * main.c - the newsfuse command: a table of subcommands, each in its own
 * cmd_<name>.c.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const command commands[] = {
	{"brief", "brief many reports of one story: summary, figures, entities, timeline", cmd_brief},
	{"extract", "the main text and metadata of web pages", cmd_extract},
	{"fetch", "download web pages and extract (or save) them", cmd_fetch},
	{"cluster", "group a stream of articles into stories, one line per article", cmd_cluster},
	{"add", "add articles to the store, grouped into stories as they come", cmd_add},
	{"stories", "list the stories of the store", cmd_stories},
};

#define NCOMMANDS (sizeof commands / sizeof *commands)

static void usage(FILE *f)
{
	fprintf(f, "usage: newsfuse COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'newsfuse COMMAND --help' for a command's options; "
	           "'man newsfuse' for the manual.\n");
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("newsfuse: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

int cli_parse_format(const char *value, const char *const *names, size_t n)
{
	char list[160] = "";
	for (size_t i = 0; i < n; i++) {
		for (const char *name = names[i]; *name;) {
			size_t len = strcspn(name, "|");
			if (strlen(value) == len && !strncmp(value, name, len))
				return (int)i;
			name += len + (name[len] == '|');
		}
		size_t len = strcspn(names[i], "|"), at = strlen(list);
		snprintf(list + at, sizeof list - at, "%s%.*s", i ? ", " : "", (int)len, names[i]);
	}
	cli_error("--format: unknown format '%s' (%s)", value, list);
	return -1;
}

char *cli_read_file(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, r;
	char *buf = malloc(cap);
	while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			if (cap > NF_MAX_INPUT_BYTES) { /* the library refuses it anyway */
				free(buf);
				buf = NULL;
				errno = EFBIG;
				break;
			}
			char *p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = p;
			cap *= 2;
		}
	}
	int err = ferror(f) ? errno : 0;
	if (f != stdin)
		fclose(f);
	if (err) {
		free(buf);
		errno = err;
		return NULL;
	}
	if (buf)
		*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(name, "--version")) {
		printf("newsfuse %s\n", NF_VERSION_STRING);
		return EXIT_OK;
	}
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(name, commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	cli_error("unknown command '%s'", name);
	usage(stderr);
	return EXIT_USAGE;
}
