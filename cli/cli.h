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

int cmd_cluster(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_stories(int argc, char **argv);

/* Called by cli_stream() with each block of input: a whole text article,
 * or whole JSONL lines from line number `line` of the input on. */
typedef nf_status (*cli_feed_fn)(void *ud, const char *name, size_t line,
                                 const char *data, size_t len, nf_input kind);
/* Reads path ("-" = stdin) and feeds it in blocks (stream.c). Returns 0
 * when every block was taken, 1 when a block failed (the library's message
 * is on its context), -1 with errno set when the input could not be read. */
int cli_stream(const char *path, nf_input kind, cli_feed_fn feed, void *ud);
/* --format's value: its index in names[0..n), each name perhaps with
 * aliases after a '|' ("markdown|md"); -1 after a message listing the
 * names when it is none of them. */
int cli_parse_format(const char *value, const char *const *names, size_t n);
/* --input's value; -1 after a message when it is not a kind. */
int cli_parse_input(const char *s, nf_input *kind);
/* The store's path into buf: db when given, else the XDG data directory's
 * newsfuse/store.db, whose directories are made when create is 1 (dbpath.c).
 * -1 after a message when there is none. */
int cli_store_path(const char *db, int create, char *buf, size_t n);
/* --window-days or --threshold (name without dashes) into opts; -1 after
 * a message when value is out of range. */
int cli_parse_cluster_option(const char *name, const char *value, nf_cluster_options *opts);
/* Writes an article's assignment as a JSONL line (docs/cluster-schema.md):
 * {"id","story"}, "new" when with_new, "copy_of" for a copy. */
void cli_print_item(FILE *f, const nf_cluster_item *it, int with_new);
/* Writes s as a JSON string, quoted and escaped. */
void cli_json_string(FILE *f, const char *s);

/* The whole of path ("-" = stdin) in a malloc'd buffer; NULL with errno set. */
char *cli_read_file(const char *path, size_t *len);
/* Prints "newsfuse: " and the formatted message on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
