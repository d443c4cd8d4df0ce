/*
 * cmd_cluster.c - `newsfuse cluster`: a stream of articles in, one line per
 * article out, in input order, with the story it belongs to. No store:
 * a map step for a pipeline (docs/cluster-schema.md).
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static void help(FILE *f)
{
	fputs("usage: newsfuse cluster [OPTIONS] FILE...|-\n"
	      "\n"
	      "Group a stream of articles into stories in one pass: one line per\n"
	      "article, in input order, naming its story; near-duplicates name the\n"
	      "article they copy. Memory stays bounded however long the stream.\n"
	      "\n"
	      "  -i, --input KIND        auto (default), text or jsonl\n"
	      "  -f, --format FORMAT     jsonl (default) or text (id, story, copy_of\n"
	      "                          separated by tabs)\n"
	      "      --window-days N     join only stories seen within N days (default 1095)\n"
	      "      --threshold X       similarity to join a story, 0 to 1 (default 0.07)\n"
	      "  -q, --quiet             no progress on stderr\n"
	      "  -h, --help              this help\n"
	      "\n"
	      "JSONL output: {\"id\",\"story\"} and \"copy_of\" for a copy. Exit status:\n"
	      "0 done, 1 nothing clustered, 2 usage, 3 done but some input was skipped.\n", f);
}

typedef struct run {
	nf_ctx *ctx;
	nf_cluster *cl;
	int text, progress;
	size_t warnings, failed;
	double t0, shown;
} run;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
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
	if (r->text) {
		printf("%s\t%llu\t%s\n", it->id, it->story, it->copy_of ? it->copy_of : "");
	} else {
		cli_print_item(stdout, it, 0);
	}
	if (r->progress && (it->index + 1) % 1000 == 0) {
		double t = now();
		if (t - r->shown >= 0.25) {
			r->shown = t;
			fprintf(stderr, "\rclustered %zu articles into %llu stories, %.0f/s",
			        it->index + 1, nf_cluster_stories(r->cl),
			        (double)(it->index + 1) / (t - r->t0));
		}
	}
}

static nf_status feed(void *ud, const char *name, size_t line, const char *data,
                      size_t len, nf_input kind)
{
	run *r = ud;
	nf_status st = nf_cluster_add(r->cl, name, line, data, len, kind);
	if (st) {
		cli_error("%s; skipped", nf_ctx_errmsg(r->ctx));
		r->failed++;
	}
	return st;
}

int cmd_cluster(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"input", required_argument, NULL, 'i'},
		{"format", required_argument, NULL, 'f'},
		{"window-days", required_argument, NULL, 'W'},
		{"threshold", required_argument, NULL, 'T'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	run r = {0};
	nf_input kind = NF_INPUT_AUTO;
	nf_cluster_options opts = NF_CLUSTER_OPTIONS_INIT;
	int quiet = 0, opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "i:f:qh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'i':
			if (cli_parse_input(optarg, &kind))
				return EXIT_USAGE;
			break;
		case 'f': {
			static const char *const names[] = {"jsonl|json", "text"};
			int k = cli_parse_format(optarg, names, 2);
			if (k < 0)
				return EXIT_USAGE;
			r.text = k;
			break;
		}
		case 'W':
		case 'T':
			if (cli_parse_cluster_option(opt == 'W' ? "window-days" : "threshold", optarg, &opts))
				return EXIT_USAGE;
			break;
		case 'q': quiet = 1; break;
		case 'h': help(stdout); return EXIT_OK;
		default: help(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		cli_error("cluster: no input files (use - for standard input)");
		help(stderr);
		return EXIT_USAGE;
	}
	int status = EXIT_FAIL;
	r.ctx = nf_ctx_new();
	if (!r.ctx || nf_cluster_new(&r.cl, r.ctx, &opts, on_item, &r)) {
		cli_error("out of memory");
		goto done;
	}
	nf_ctx_set_warn(r.ctx, on_warn, &r);
	r.progress = !quiet && isatty(STDERR_FILENO);
	r.t0 = now();
	for (int i = optind; i < argc; i++) {
		int rc = cli_stream(argv[i], kind, feed, &r);
		if (rc < 0) {
			cli_error("%s: %s; skipped", argv[i], strerror(errno));
			r.failed++;
		}
	}
	if (nf_cluster_flush(r.cl)) {
		cli_error("%s", nf_ctx_errmsg(r.ctx));
		goto done;
	}
	if (r.progress)
		fputs("\r\033[K", stderr);
	if (fflush(stdout) || ferror(stdout)) {
		cli_error("standard output: %s", strerror(errno));
		goto done;
	}
	if (!nf_cluster_count(r.cl)) {
		cli_error("no articles could be read");
		goto done;
	}
	status = r.failed || r.warnings ? EXIT_PARTIAL : EXIT_OK;
done:
	nf_cluster_free(r.cl);
	nf_ctx_free(r.ctx);
	return status;
}
