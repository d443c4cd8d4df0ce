/*
 * cmd_brief.c - `newsfuse brief`: many reports of one story in, one brief
 * out. Inputs that cannot be read are reported and skipped; the brief of the
 * rest is still written (exit 3). Directories are read for *.txt, *.jsonl,
 * web pages (*.html, *.htm) and feeds (*.xml, *.rss, *.atom).
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static void help(FILE *f)
{
	fputs("usage: newsfuse brief [OPTIONS] FILE|DIR|- ...\n"
	      "\n"
	      "Brief many news reports of one story: which articles copy which, a\n"
	      "summary citing its sources, the figures reconciled across sources,\n"
	      "the people, places and organisations, and a dated timeline.\n"
	      "\n"
	      "  -i, --input KIND        auto (default), text, jsonl, html or feed\n"
	      "  -f, --format FORMAT     text (default), markdown, json or html\n"
	      "  -w, --summary-words N   summary length in words (default 120)\n"
	      "  -o, --output FILE       write to FILE instead of standard output\n"
	      "      --color WHEN        auto (default), always or never\n"
	      "      --story ID          brief story ID of the store instead of files\n"
	      "      --db PATH           the store (default $XDG_DATA_HOME/newsfuse/store.db)\n"
	      "  -q, --quiet             no progress on stderr\n"
	      "  -h, --help              this help\n"
	      "\n"
	      "A text article's headline is its first non-empty line. JSONL holds one\n"
	      "article per line: {\"id\",\"title\",\"text\",\"published\",\"url\",\"outlet\"}.\n"
	      "Exit status: 0 done, 1 nothing to brief, 2 usage, 3 done but some\n"
	      "inputs were skipped.\n", f);
}

typedef struct run {
	nf_ctx *ctx;
	nf_corpus *corpus;
	nf_input kind;
	int quiet, progress;
	size_t total, done, failed, warnings;
} run;

static void on_warn(void *ud, const char *msg)
{
	run *r = ud;
	r->warnings++;
	fprintf(stderr, "newsfuse: warning: %s\n", msg);
}

static void show_progress(run *r)
{
	if (r->progress)
		fprintf(stderr, "\rreading %zu/%zu", r->done, r->total);
}

static void add_file(run *r, const char *path)
{
	size_t len = 0;
	char *data = cli_read_file(path, &len);
	r->done++;
	if (!data) {
		cli_error("%s: %s; skipped", path, strerror(errno));
		r->failed++;
		return;
	}
	nf_status st = nf_corpus_add(r->corpus, path, data, len, r->kind);
	free(data);
	if (st) {
		cli_error("%s; skipped", nf_ctx_errmsg(r->ctx));
		r->failed++;
	}
	show_progress(r);
}

static int has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && !strcmp(s + a - b, suf);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files of a directory that look like inputs, in name order. */
static char **dir_files(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	*n = 0;
	if (!d)
		return NULL;
	size_t cap = 0;
	char **v = NULL;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !(has_suffix(e->d_name, ".txt") ||
		                             has_suffix(e->d_name, ".jsonl") ||
		                             has_suffix(e->d_name, ".html") || has_suffix(e->d_name, ".htm") ||
		                             has_suffix(e->d_name, ".xml") || has_suffix(e->d_name, ".rss") ||
		                             has_suffix(e->d_name, ".atom")))
			continue;
		if (*n == cap) {
			char **p = realloc(v, (cap = cap ? cap * 2 : 16) * sizeof *v);
			if (!p)
				break;
			v = p;
		}
		size_t l = strlen(dir) + strlen(e->d_name) + 2;
		if (!(v[*n] = malloc(l)))
			break;
		snprintf(v[*n], l, "%s/%s", dir, e->d_name);
		(*n)++;
	}
	closedir(d);
	qsort(v, *n, sizeof *v, cmp_str);
	return v;
}

int cmd_brief(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"input", required_argument, NULL, 'i'},
		{"format", required_argument, NULL, 'f'},
		{"summary-words", required_argument, NULL, 'w'},
		{"output", required_argument, NULL, 'o'},
		{"color", required_argument, NULL, 'c'},
		{"colour", required_argument, NULL, 'c'},
		{"quiet", no_argument, NULL, 'q'},
		{"story", required_argument, NULL, 'S'},
		{"db", required_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	run r = {0};
	nf_format format = NF_FORMAT_TEXT;
	nf_brief_options opts = NF_BRIEF_OPTIONS_INIT;
	const char *output = NULL, *color = "auto", *db = NULL;
	unsigned long long story = 0;
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "i:f:w:o:qh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'i':
			if (!strcmp(optarg, "auto")) r.kind = NF_INPUT_AUTO;
			else if (!strcmp(optarg, "text")) r.kind = NF_INPUT_TEXT;
			else if (!strcmp(optarg, "jsonl")) r.kind = NF_INPUT_JSONL;
			else if (!strcmp(optarg, "html")) r.kind = NF_INPUT_HTML;
			else if (!strcmp(optarg, "feed")) r.kind = NF_INPUT_FEED;
			else {
				cli_error("--input: unknown kind '%s' (auto, text, jsonl, html, feed)", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'f': {
			/* in nf_format's order */
			static const char *const names[] = {"text", "markdown|md", "json", "html"};
			int k = cli_parse_format(optarg, names, 4);
			if (k < 0)
				return EXIT_USAGE;
			format = (nf_format)k;
			break;
		}
		case 'w': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 10 || v > 100000) {
				cli_error("--summary-words: '%s' is not a number from 10 to 100000", optarg);
				return EXIT_USAGE;
			}
			opts.summary_words = (int)v;
			break;
		}
		case 'o': output = optarg; break;
		case 'c':
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never")) {
				cli_error("--color: '%s' is not auto, always or never", optarg);
				return EXIT_USAGE;
			}
			color = optarg;
			break;
		case 'q': r.quiet = 1; break;
		case 'S': {
			char *end;
			story = strtoull(optarg, &end, 10);
			if (*end || !story) {
				cli_error("--story: '%s' is not a story number", optarg);
				return EXIT_USAGE;
			}
			break;
		}
		case 'D': db = optarg; break;
		case 'h': help(stdout); return EXIT_OK;
		default: help(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc && !story) {
		cli_error("brief: no input files (use - for standard input)");
		help(stderr);
		return EXIT_USAGE;
	}

	int status = EXIT_FAIL;
	nf_ctx *ctx = nf_ctx_new();
	nf_brief *brief = NULL;
	char *out = NULL;
	FILE *of = NULL;
	r.ctx = ctx;
	if (story) {
		char path[4096];
		nf_store *store = NULL;
		if (cli_store_path(db, 0, path, sizeof path))
			goto done;
		if (!ctx || nf_store_open(&store, ctx, path, NF_STORE_READONLY) ||
		    nf_store_story_corpus(&r.corpus, store, story)) {
			cli_error("%s", ctx ? nf_ctx_errmsg(ctx) : "out of memory");
			nf_store_close(store);
			goto done;
		}
		nf_store_close(store);
	}
	if (!ctx || (!r.corpus && nf_corpus_new(&r.corpus, ctx))) {
		cli_error("out of memory");
		goto done;
	}
	nf_ctx_set_warn(ctx, on_warn, &r);
	r.total = (size_t)(argc - optind);
	r.progress = !r.quiet && isatty(STDERR_FILENO) && r.total > 20;
	for (int i = optind; i < argc; i++) {
		struct stat sb;
		if (strcmp(argv[i], "-") && !stat(argv[i], &sb) && S_ISDIR(sb.st_mode)) {
			size_t n;
			char **files = dir_files(argv[i], &n);
			r.total += n;
			for (size_t k = 0; k < n; k++) {
				add_file(&r, files[k]);
				free(files[k]);
			}
			free(files);
			r.done++;
			continue;
		}
		add_file(&r, argv[i]);
	}
	if (r.progress)
		fputs("\r\033[K", stderr);
	if (!nf_corpus_count(r.corpus)) {
		cli_error("no articles could be read");
		goto done;
	}
	if (nf_brief_build(&brief, r.corpus, &opts)) {
		cli_error("%s", nf_ctx_errmsg(ctx));
		goto done;
	}
	of = output ? fopen(output, "w") : stdout;
	if (!of) {
		cli_error("%s: %s", output, strerror(errno));
		goto done;
	}
	unsigned flags = 0;
	if (!strcmp(color, "always") ||
	    (!strcmp(color, "auto") && !output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR")))
		flags |= NF_RENDER_COLOR;
	size_t outlen;
	if (nf_brief_render(&out, &outlen, brief, format, flags)) {
		cli_error("%s", nf_ctx_errmsg(ctx));
		goto done;
	}
	if (fwrite(out, 1, outlen, of) != outlen || fflush(of)) {
		cli_error("%s: %s", output ? output : "standard output", strerror(errno));
		goto done;
	}
	status = r.failed || r.warnings ? EXIT_PARTIAL : EXIT_OK;
done:
	if (of && of != stdout && fclose(of) && status != EXIT_FAIL) {
		cli_error("%s: %s", output, strerror(errno));
		status = EXIT_FAIL;
	}
	nf_free(out);
	nf_brief_free(brief);
	nf_corpus_free(r.corpus);
	nf_ctx_free(ctx);
	return status;
}
