/*
 * cmd_add.c - `newsfuse add`: articles into the store, each joined to a
 * story old or new as it comes. Committed in batches: an interrupt (^C)
 * commits what was clustered and stops; a crash loses only the batch in
 * progress.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void help(FILE *f)
{
	fputs("usage: newsfuse add [OPTIONS] FILE...|-\n"
	      "\n"
	      "Add articles to the store, each to the story it belongs to (a story\n"
	      "of an earlier add, or a new one). An article already stored is\n"
	      "skipped, so adding the same input twice changes nothing.\n"
	      "\n"
	      "      --db PATH           the store (default $XDG_DATA_HOME/newsfuse/store.db)\n"
	      "  -i, --input KIND        auto (default), text or jsonl\n"
	      "  -f, --format FORMAT     text (default: a summary) or jsonl (one line\n"
	      "                          per article added: {\"id\",\"story\",\"new\"})\n"
	      "      --window-days N     join only stories seen within N days (default 1095)\n"
	      "      --threshold X       similarity to join a story, 0 to 1 (default 0.07)\n"
	      "  -v, --verbose           report each commit on stderr\n"
	      "  -q, --quiet             no progress on stderr\n"
	      "  -h, --help              this help\n"
	      "\n"
	      "Exit status: 0 done, 1 nothing added or the store failed, 2 usage,\n"
	      "3 done but some input was skipped, 130 interrupted (the articles\n"
	      "clustered until then are committed).\n", f);
}

typedef struct run {
	nf_ctx *ctx;
	nf_store *store;
	int jsonl, progress, verbose;
	size_t warnings, failed, reported;
} run;

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void on_warn(void *ud, const char *msg)
{
	run *r = ud;
	r->warnings++;
	if (r->progress)
		fputs("\r\033[K", stderr);
	fprintf(stderr, "newsfuse: warning: %s\n", msg);
}

static void on_item(void *ud, const nf_cluster_item *it)
{
	run *r = ud;
	if (r->jsonl)
		cli_print_item(stdout, it, 1);
}

static void report(run *r)
{
	size_t added, dups, committed;
	nf_store_counts(r->store, &added, &dups, &committed);
	if (r->verbose && committed != r->reported) {
		if (r->progress)
			fputs("\r\033[K", stderr);
		fprintf(stderr, "newsfuse: committed %zu articles\n", committed);
		r->reported = committed;
	}
	if (r->progress)
		fprintf(stderr, "\radded %zu articles, %zu already stored", added, dups);
}

static nf_status feed(void *ud, const char *name, size_t line, const char *data,
                      size_t len, nf_input kind)
{
	run *r = ud;
	if (interrupted)
		return NF_OK;
	nf_status st = nf_store_add(r->store, name, line, data, len, kind);
	if (st) {
		cli_error("%s; skipped", nf_ctx_errmsg(r->ctx));
		r->failed++;
	}
	report(r);
	return st;
}

int cmd_add(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'D'},
		{"input", required_argument, NULL, 'i'},
		{"format", required_argument, NULL, 'f'},
		{"window-days", required_argument, NULL, 'W'},
		{"threshold", required_argument, NULL, 'T'},
		{"verbose", no_argument, NULL, 'v'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	run r = {0};
	nf_input kind = NF_INPUT_AUTO;
	nf_cluster_options opts = NF_CLUSTER_OPTIONS_INIT;
	const char *db = NULL;
	int quiet = 0, opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "i:f:vqh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'D': db = optarg; break;
		case 'i':
			if (cli_parse_input(optarg, &kind))
				return EXIT_USAGE;
			break;
		case 'f': {
			static const char *const names[] = {"text", "jsonl"};
			int k = cli_parse_format(optarg, names, 2);
			if (k < 0)
				return EXIT_USAGE;
			r.jsonl = k;
			break;
		}
		case 'W':
		case 'T':
			if (cli_parse_cluster_option(opt == 'W' ? "window-days" : "threshold", optarg, &opts))
				return EXIT_USAGE;
			break;
		case 'v': r.verbose = 1; break;
		case 'q': quiet = 1; break;
		case 'h': help(stdout); return EXIT_OK;
		default: help(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		cli_error("add: no input files (use - for standard input)");
		help(stderr);
		return EXIT_USAGE;
	}
	char path[4096];
	if (cli_store_path(db, 1, path, sizeof path))
		return EXIT_FAIL;
	int status = EXIT_FAIL;
	r.ctx = nf_ctx_new();
	if (!r.ctx) {
		cli_error("out of memory");
		return EXIT_FAIL;
	}
	if (nf_store_open(&r.store, r.ctx, path, 0)) {
		cli_error("%s", nf_ctx_errmsg(r.ctx));
		goto done;
	}
	nf_ctx_set_warn(r.ctx, on_warn, &r);
	nf_store_set_options(r.store, &opts);
	nf_store_set_callback(r.store, on_item, &r);
	r.progress = !quiet && isatty(STDERR_FILENO);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	for (int i = optind; i < argc && !interrupted; i++) {
		if (cli_stream(argv[i], kind, feed, &r) < 0) {
			cli_error("%s: %s; skipped", argv[i], strerror(errno));
			r.failed++;
		}
	}
	nf_status cst = nf_store_commit(r.store);
	report(&r);
	if (r.progress)
		fputs("\r\033[K", stderr);
	if (cst) {
		cli_error("%s", nf_ctx_errmsg(r.ctx));
		goto done;
	}
	size_t added, dups;
	nf_store_counts(r.store, &added, &dups, NULL);
	if (!r.jsonl)
		printf("added %zu articles to %s, %zu already stored\n", added, path, dups);
	if (fflush(stdout) || ferror(stdout)) {
		cli_error("standard output: %s", strerror(errno));
		goto done;
	}
	if (interrupted)
		status = 130;
	else if (!added && !dups)
		status = EXIT_FAIL;
	else
		status = r.failed || r.warnings ? EXIT_PARTIAL : EXIT_OK;
done:
	nf_store_close(r.store);
	nf_ctx_free(r.ctx);
	return status;
}
