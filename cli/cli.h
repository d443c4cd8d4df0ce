/*
 * cli.h - what the commands of the newsfuse program share. The CLI is a thin
 * client of libnewsfuse: it reads files, parses flags, calls nf_*, writes.
 */
#ifndef NF_CLI_H
#define NF_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "newsfuse.h"

/* Exit codes, documented in the man page. */
enum {
	EXIT_OK = 0,      /* done */
	EXIT_FAIL = 1,    /* nothing could be produced */
	EXIT_USAGE = 2,   /* bad command line */
	EXIT_PARTIAL = 3  /* done, but some inputs were skipped (see stderr) */
};

typedef struct command {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv);
} command;

int cmd_brief(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_fetch(int argc, char **argv);

/* Extracts one page and writes it to of as `extract` does (several pages:
 * text separated by a form feed line, JSON one object a line; done says
 * how many came before). 0 done, 1 the page was reported and skipped,
 * -1 writing failed. */
int cli_print_page(FILE *of, nf_ctx *ctx, const char *name, const char *data, size_t len,
                   const nf_extract_options *opts, nf_format format, int multi, size_t done);

/* The whole of path ("-" = stdin) in a malloc'd buffer; NULL with errno set. */
char *cli_read_file(const char *path, size_t *len);
/* Prints "newsfuse: " and the formatted message on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
