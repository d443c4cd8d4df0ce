/*
 * cmd_fetch.c - `newsfuse fetch`: web pages by URL, through libcurl, then
 * extracted as `newsfuse extract` does (or saved, for `newsfuse brief`).
 *
 * The network lives here, in the command, not in the library: the library
 * stays pure (bytes in, results out) and fuzzable. Each transfer is
 * bounded: http and https only, at most 5 redirects, 15 s to connect,
 * 60 s in all, and the library's input cap on the body. The charset of
 * the Content-Type header and the final URL (after redirects) go to the
 * extractor, which uses them for the encoding and for dates in the path.
 */
#include <curl/curl.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

/* Redirects followed before giving up: real sites chain two or three. */
#define MAX_REDIRECTS 5
#define CONNECT_TIMEOUT_S 15L
#define TOTAL_TIMEOUT_S 60L

static void help(FILE *f)
{
	fputs("usage: newsfuse fetch [OPTIONS] URL ...\n"
	      "\n"
	      "Downloads web pages (http and https) and prints their main text and\n"
	      "metadata as 'newsfuse extract' does, or saves them for 'newsfuse brief'.\n"
	      "\n"
	      "  -f, --format FORMAT     text (default) or json\n"
	      "  -s, --save DIR          save each page into DIR (name from the URL)\n"
	      "                          and print the saved paths instead\n"
	      "  -o, --output FILE       write to FILE instead of standard output\n"
	      "  -q, --quiet             no progress on stderr\n"
	      "  -h, --help              this help\n"
	      "\n"
	      "Exit status: 0 done, 1 nothing could be fetched, 2 usage, 3 some URLs\n"
	      "failed (see stderr).\n", f);
}

typedef struct body {
	char *data;
	size_t len, cap;
	int too_big;
} body;

static size_t on_data(char *p, size_t size, size_t n, void *ud)
{
	body *b = ud;
	size_t add = size * n;
	if (add > NF_MAX_INPUT_BYTES - b->len) {
		b->too_big = 1;
		return 0; /* stops the transfer */
	}
	if (b->len + add + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1 << 16;
		while (cap < b->len + add + 1)
			cap *= 2;
		char *q = realloc(b->data, cap);
		if (!q)
			return 0;
		b->data = q;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, add);
	b->len += add;
	b->data[b->len] = '\0';
	return add;
}

/* The charset parameter of a Content-Type value, in buf; NULL when none. */
static const char *charset_of(const char *ct, char *buf, size_t size)
{
	const char *p = ct ? strstr(ct, "charset=") : NULL;
	if (!p)
		return NULL;
	p += 8;
	if (*p == '"')
		p++;
	size_t n = strcspn(p, "\"; ");
	if (!n || n >= size)
		return NULL;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return buf;
}

/* A file name for url in dir: host and path, unsafe bytes as '_'. */
static char *save_name(const char *dir, const char *url, const char *ext)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	char name[160];
	size_t n = 0;
	for (; *p && *p != '?' && *p != '#' && n < sizeof name - 1; p++) {
		char c = *p;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		         c == '.' || c == '-';
		name[n++] = ok ? c : '_';
	}
	while (n && name[n - 1] == '_')
		n--;
	name[n] = '\0';
	size_t len = strlen(dir) + n + strlen(ext) + 3;
	char *path = malloc(len);
	if (path)
		snprintf(path, len, "%s/%s%s", dir, n ? name : "page", ext);
	return path;
}

static int fetch_one(CURL *curl, const char *url, body *b, char *final_url, size_t fsize,
                     char *charset, size_t csize, int *has_charset)
{
	b->len = 0;
	b->too_big = 0;
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, b);
	CURLcode rc = curl_easy_perform(curl);
	long status = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	if (rc != CURLE_OK) {
		cli_error("%s: %s; skipped", url,
		          b->too_big ? "page over the input size limit" : curl_easy_strerror(rc));
		return 0;
	}
	if (status >= 400) {
		cli_error("%s: HTTP status %ld; skipped", url, status);
		return 0;
	}
	char *eff = NULL, *ct = NULL;
	curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &eff);
	curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &ct);
	snprintf(final_url, fsize, "%s", eff ? eff : url);
	*has_charset = charset_of(ct, charset, csize) != NULL;
	return 1;
}

int cmd_fetch(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"save", required_argument, NULL, 's'},
		{"output", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	nf_format format = NF_FORMAT_TEXT;
	const char *save = NULL, *output = NULL;
	int quiet = 0, opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "f:s:o:qh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f': {
			static const char *const names[] = {"text", "json"};
			int k = cli_parse_format(optarg, names, 2);
			if (k < 0)
				return EXIT_USAGE;
			format = k ? NF_FORMAT_JSON : NF_FORMAT_TEXT;
			break;
		}
		case 's': save = optarg; break;
		case 'o': output = optarg; break;
		case 'q': quiet = 1; break;
		case 'h': help(stdout); return EXIT_OK;
		default: help(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		cli_error("fetch: no URLs");
		help(stderr);
		return EXIT_USAGE;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT)) {
		cli_error("libcurl could not start");
		return EXIT_FAIL;
	}
	CURL *curl = curl_easy_init();
	nf_ctx *ctx = nf_ctx_new();
	FILE *of = output ? fopen(output, "w") : stdout;
	int status = EXIT_FAIL;
	size_t done = 0, failed = 0;
	body b = {NULL, 0, 0, 0};
	if (!curl || !ctx || !of) {
		cli_error("%s", !of ? strerror(errno) : "out of memory");
		goto done;
	}
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(curl, CURLOPT_MAXREDIRS, (long)MAX_REDIRECTS);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT_S);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, TOTAL_TIMEOUT_S);
	curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "newsfuse/" NF_VERSION_STRING);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	int multi = argc - optind > 1;
	for (int i = optind; i < argc; i++) {
		char final_url[2048], charset[64];
		int has_charset = 0;
		if (!quiet)
			fprintf(stderr, "fetching %s\n", argv[i]);
		if (!fetch_one(curl, argv[i], &b, final_url, sizeof final_url, charset,
		               sizeof charset, &has_charset)) {
			failed++;
			continue;
		}
		if (save) {
			char *path = save_name(save, final_url, ".html");
			FILE *f = path ? fopen(path, "wb") : NULL;
			int ok = f && fwrite(b.data ? b.data : "", 1, b.len, f) == b.len;
			if (f && fclose(f))
				ok = 0;
			if (ok) {
				fprintf(of, "%s\n", path);
				done++;
			} else {
				cli_error("%s: %s; skipped", path ? path : save, strerror(errno));
				failed++;
			}
			free(path);
			continue;
		}
		nf_extract_options o = NF_EXTRACT_OPTIONS_INIT;
		o.url = final_url;
		o.charset = has_charset ? charset : NULL;
		int r = cli_print_page(of, ctx, final_url, b.data ? b.data : "", b.len, &o, format,
		                       multi, done);
		if (r < 0) {
			cli_error("%s: %s", output ? output : "standard output", strerror(errno));
			goto done;
		}
		if (r)
			failed++;
		else
			done++;
	}
	if (fflush(of)) {
		cli_error("%s: %s", output ? output : "standard output", strerror(errno));
		goto done;
	}
	status = !done ? EXIT_FAIL : failed ? EXIT_PARTIAL : EXIT_OK;
done:
	if (of && of != stdout)
		fclose(of);
	free(b.data);
	nf_ctx_free(ctx);
	curl_easy_cleanup(curl);
	curl_global_cleanup();
	return status;
}
