/*
 * cmd_extract.c - `newsfuse extract`: the article of a web page, as text
 * (title, blank line, main text) or as JSON with the metadata
 * (docs/extract-schema.md).
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(FILE *f)
{
	fputs("usage: newsfuse extract [OPTIONS] FILE.html|- ...\n"
	      "\n"
	      "The main text of web pages (paragraphs, headings, lists, quotes and\n"
	      "tables kept; navigation, ads, related links, comments, captions and\n"
	      "share boxes left out) and, in JSON, what each page says about itself:\n"
	      "title, site, authors, publication and modification dates with their\n"
	      "sources and precision, language, canonical URL and description.\n"
	      "\n"
	      "  -f, --format FORMAT     text (default) or json\n"
	      "  -u, --url URL           where the page came from (dates in the path)\n"
	      "      --charset NAME      the page's encoding, when known from elsewhere\n"
	      "  -o, --output FILE       write to FILE instead of standard output\n"
	      "  -q, --quiet             no progress on stderr\n"
	      "  -h, --help              this help\n"
	      "\n"
	      "With several pages, text output separates them with a form feed line\n"
	      "and JSON output is one object per line (JSON Lines).\n"
	      "Exit status: 0 done, 1 no page could be read, 2 usage, 3 some pages\n"
	      "could not be read.\n", f);
}

int cli_print_page(FILE *of, nf_ctx *ctx, const char *name, const char *data, size_t len,
                   const nf_extract_options *opts, nf_format format, int multi, size_t done)
{
	nf_page *page = NULL;
	char *out = NULL;
	size_t outlen = 0;
	nf_status st = nf_page_extract(&page, ctx, name, data, len, opts);
	if (!st)
		st = nf_page_render(&out, &outlen, page, format);
	int r = 0;
	if (st) {
		cli_error("%s; skipped", nf_ctx_errmsg(ctx));
		r = 1;
	} else {
		if (format == NF_FORMAT_JSON && multi) {
			/* one object a line: the pretty rendering's line breaks are
			 * all between tokens, so they can go */
			for (size_t k = 0; k + 1 < outlen; k++)
				if (out[k] == '\n')
					out[k] = ' ';
		}
		if ((multi && format == NF_FORMAT_TEXT && done && fputs("\f\n", of) == EOF) ||
		    fwrite(out, 1, outlen, of) != outlen)
			r = -1;
	}
	nf_free(out);
	nf_page_free(page);
	return r;
}

int cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"url", required_argument, NULL, 'u'},
		{"charset", required_argument, NULL, 'c'},
		{"output", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	nf_format format = NF_FORMAT_TEXT;
	nf_extract_options opts = NF_EXTRACT_OPTIONS_INIT;
	const char *output = NULL;
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "f:u:o:qh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f': {
			static const char *const names[] = {"text", "json"};
			int k = cli_parse_format(optarg, names, 2);
			if (k < 0)
				return EXIT_USAGE;
			format = k ? NF_FORMAT_JSON : NF_FORMAT_TEXT;
			break;
		}
		case 'u': opts.url = optarg; break;
		case 'c': opts.charset = optarg; break;
		case 'o': output = optarg; break;
		case 'q': break;
		case 'h': help(stdout); return EXIT_OK;
		default: help(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		cli_error("extract: no input files (use - for standard input)");
		help(stderr);
		return EXIT_USAGE;
	}
	nf_ctx *ctx = nf_ctx_new();
	if (!ctx) {
		cli_error("out of memory");
		return EXIT_FAIL;
	}
	FILE *of = output ? fopen(output, "w") : stdout;
	if (!of) {
		cli_error("%s: %s", output, strerror(errno));
		nf_ctx_free(ctx);
		return EXIT_FAIL;
	}
	size_t done = 0, failed = 0;
	int multi = argc - optind > 1, write_error = 0;
	for (int i = optind; i < argc && !write_error; i++) {
		size_t len = 0;
		char *data = cli_read_file(argv[i], &len);
		if (!data) {
			cli_error("%s: %s; skipped", argv[i], strerror(errno));
			failed++;
			continue;
		}
		int r = cli_print_page(of, ctx, argv[i], data, len, &opts, format, multi, done);
		free(data);
		if (r < 0) {
			write_error = 1;
		} else if (r) {
			failed++;
		} else {
			done++;
		}
	}
	if (fflush(of) || write_error || (of != stdout && fclose(of))) {
		cli_error("%s: %s", output ? output : "standard output", strerror(errno));
		nf_ctx_free(ctx);
		return EXIT_FAIL;
	}
	nf_ctx_free(ctx);
	if (!done)
		return EXIT_FAIL;
	return failed ? EXIT_PARTIAL : EXIT_OK;
}
