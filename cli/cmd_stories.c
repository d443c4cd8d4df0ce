/*
 * cmd_stories.c - `newsfuse stories`: the stories of the store, latest
 * first: headline, size, outlets, first and last seen, and whether the
 * sources' figures conflict.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void help(FILE *f)
{
	fputs("usage: newsfuse stories [OPTIONS]\n"
	      "\n"
	      "List the stories of the store, latest seen first.\n"
	      "\n"
	      "      --db PATH           the store (default $XDG_DATA_HOME/newsfuse/store.db)\n"
	      "      --since DATE        stories seen on or after DATE (YYYY-MM-DD)\n"
	      "  -s, --search WORDS      stories with an article holding all the words\n"
	      "  -n, --limit N           at most N stories (default 50; 0: all)\n"
	      "  -f, --format FORMAT     text (default), json or jsonl\n"
	      "      --no-figures        do not check the stories' figures for conflicts\n"
	      "  -h, --help              this help\n"
	      "\n"
	      "Exit status: 0 done (also when no story matches), 1 no store, 2 usage.\n", f);
}

typedef struct run {
	int format; /* 0 text, 1 json, 2 jsonl */
	size_t n;
} run;

static void json_story(const nf_story_info *s)
{
	printf("{\"story\":%llu,\"headline\":", s->id);
	if (s->headline)
		cli_json_string(stdout, s->headline);
	else
		fputs("null", stdout);
	printf(",\"size\":%zu,\"outlets\":[", s->size);
	for (const char *p = s->outlets; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *one = strndup(p, len);
		if (p != s->outlets)
			fputc(',', stdout);
		cli_json_string(stdout, one);
		free(one);
		p += len + (nl != NULL);
	}
	fputs("],\"first_seen\":", stdout);
	if (s->first_seen) cli_json_string(stdout, s->first_seen); else fputs("null", stdout);
	fputs(",\"last_seen\":", stdout);
	if (s->last_seen) cli_json_string(stdout, s->last_seen); else fputs("null", stdout);
	printf(",\"figures_conflict\":%s}",
	       s->conflict < 0 ? "null" : s->conflict ? "true" : "false");
}

static void on_story(void *ud, const nf_story_info *s)
{
	run *r = ud;
	if (r->format == 1) {
		fputs(r->n ? ",\n  " : "[\n  ", stdout);
		json_story(s);
	} else if (r->format == 2) {
		json_story(s);
		fputc('\n', stdout);
	} else {
		printf("story %llu: %s\n", s->id, s->headline ? s->headline : "(no headline)");
		printf("  %zu article%s", s->size, s->size == 1 ? "" : "s");
		if (s->first_seen)
			printf(", %s to %s", s->first_seen, s->last_seen);
		if (s->conflict > 0)
			fputs(", figures conflict", stdout);
		fputc('\n', stdout);
		if (s->outlets) {
			fputs("  outlets: ", stdout);
			for (const char *p = s->outlets; *p; p++) {
				if (*p == '\n')
					fputs(", ", stdout);
				else
					fputc(*p, stdout);
			}
			fputc('\n', stdout);
		}
	}
	r->n++;
}

static int iso_date(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return s[10] == '\0';
}

int cmd_stories(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'D'},
		{"since", required_argument, NULL, 'S'},
		{"search", required_argument, NULL, 's'},
		{"limit", required_argument, NULL, 'n'},
		{"format", required_argument, NULL, 'f'},
		{"no-figures", no_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	run r = {0};
	nf_story_query q = NF_STORY_QUERY_INIT;
	const char *db = NULL;
	int opt;
	q.limit = 50;
	q.figures = 1;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "s:n:f:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'D': db = optarg; break;
		case 'S':
			if (!iso_date(optarg)) {
				cli_error("--since: '%s' is not a date YYYY-MM-DD", optarg);
				return EXIT_USAGE;
			}
			q.since = optarg;
			break;
		case 's': q.search = optarg; break;
		case 'n': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 0) {
				cli_error("--limit: '%s' is not a number", optarg);
				return EXIT_USAGE;
			}
			q.limit = (size_t)v;
			break;
		}
		case 'f': {
			static const char *const names[] = {"text", "json", "jsonl"};
			r.format = cli_parse_format(optarg, names, 3);
			if (r.format < 0)
				return EXIT_USAGE;
			break;
		}
		case 'F': q.figures = 0; break;
		case 'h': help(stdout); return EXIT_OK;
		default: help(stderr); return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error("stories: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	char path[4096];
	if (cli_store_path(db, 0, path, sizeof path))
		return EXIT_FAIL;
	if (access(path, F_OK)) {
		cli_error("%s: no store (add articles with 'newsfuse add')", path);
		return EXIT_FAIL;
	}
	int status = EXIT_FAIL;
	nf_ctx *ctx = nf_ctx_new();
	nf_store *store = NULL;
	/* read-write when it can, to cache the figures checks */
	unsigned flags = access(path, W_OK) ? NF_STORE_READONLY : 0;
	if (!ctx || nf_store_open(&store, ctx, path, flags)) {
		cli_error("%s", ctx ? nf_ctx_errmsg(ctx) : "out of memory");
		goto done;
	}
	if (nf_store_stories(store, &q, on_story, &r)) {
		cli_error("%s", nf_ctx_errmsg(ctx));
		goto done;
	}
	if (r.format == 1)
		fputs(r.n ? "\n]\n" : "[]\n", stdout);
	if (fflush(stdout) || ferror(stdout)) {
		cli_error("standard output: %s", strerror(errno));
		goto done;
	}
	status = EXIT_OK;
done:
	nf_store_close(store);
	nf_ctx_free(ctx);
	return status;
}
