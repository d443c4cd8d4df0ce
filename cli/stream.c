/*
 * stream.c - reading inputs for the commands that take a stream of
 * articles (cluster, add): a JSONL input is read in blocks of whole lines,
 * so a file of a million articles never sits in memory; any other input is
 * one article and is read whole. Also the JSON those commands print.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Bytes read at a time from a JSONL input; a line longer than this grows
 * the buffer up to the library's input limit. */
#define BLOCK ((size_t)1 << 20)

static int first_nonblank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return (unsigned char)s[i];
	return -1;
}

int cli_stream(const char *path, nf_input kind, cli_feed_fn feed, void *ud)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f)
		return -1;
	size_t cap = BLOCK, len = 0, line = 1;
	char *buf = malloc(cap);
	int jsonl = -1, err = 0;
	nf_status st = NF_OK;
	while (buf) {
		/* read(), not fread(): a pipe's articles are clustered as they
		 * come, not when a whole block has arrived */
		ssize_t r = read(fileno(f), buf + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = errno;
			break;
		}
		len += (size_t)r;
		int eof = r == 0;
		if (jsonl < 0) {
			int c = first_nonblank(buf, len);
			if (c >= 0 || eof)
				jsonl = kind == NF_INPUT_JSONL || (kind == NF_INPUT_AUTO && c == '{');
		}
		if (jsonl == 1) {
			/* whole lines go now; a partial last line waits for more */
			size_t cut = len;
			while (!eof && cut > 0 && buf[cut - 1] != '\n')
				cut--;
			if (cut) {
				nf_status s1 = feed(ud, path, line, buf, cut, NF_INPUT_JSONL);
				if (s1)
					st = s1;
				/* memchr, not a loop over every byte: that loop was 3%
				 * of `newsfuse cluster` on the synthetic stream */
				for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + cut - p))); p++)
					line++;
				memmove(buf, buf + cut, len - cut);
				len -= cut;
				if (s1 == NF_ENOMEM)
					break;
			}
		}
		if (eof) {
			if (jsonl != 1)
				st = feed(ud, path, 1, buf, len, kind);
			break;
		}
		if (len == cap) {
			if (cap >= NF_MAX_INPUT_BYTES) {
				err = EFBIG;
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
	if (!buf && !err)
		err = ENOMEM;
	if (f != stdin)
		fclose(f);
	free(buf);
	if (err) {
		errno = err;
		return -1;
	}
	return st ? 1 : 0;
}

void cli_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

int cli_parse_input(const char *s, nf_input *kind)
{
	if (!strcmp(s, "auto")) *kind = NF_INPUT_AUTO;
	else if (!strcmp(s, "text")) *kind = NF_INPUT_TEXT;
	else if (!strcmp(s, "jsonl")) *kind = NF_INPUT_JSONL;
	else if (!strcmp(s, "html")) *kind = NF_INPUT_HTML;
	else if (!strcmp(s, "feed")) *kind = NF_INPUT_FEED;
	else {
		cli_error("--input: unknown kind '%s' (auto, text, jsonl, html, feed)", s);
		return -1;
	}
	return 0;
}

int cli_parse_cluster_option(const char *name, const char *value, nf_cluster_options *opts)
{
	char *end;
	if (!strcmp(name, "window-days")) {
		long v = strtol(value, &end, 10);
		if (*end || v < 1 || v > 100000) {
			cli_error("--window-days: '%s' is not a number of days from 1 to 100000", value);
			return -1;
		}
		opts->window_days = (int)v;
		return 0;
	}
	double v = strtod(value, &end);
	if (*end || !(v > 0 && v <= 1)) {
		cli_error("--threshold: '%s' is not a number above 0 and at most 1", value);
		return -1;
	}
	opts->threshold = v;
	return 0;
}

void cli_print_item(FILE *f, const nf_cluster_item *it, int with_new)
{
	fputs("{\"id\":", f);
	cli_json_string(f, it->id);
	fprintf(f, ",\"story\":%llu", it->story);
	if (with_new)
		fprintf(f, ",\"new\":%s", it->new_story ? "true" : "false");
	if (it->copy_of) {
		fputs(",\"copy_of\":", f);
		cli_json_string(f, it->copy_of);
	}
	fputs("}\n", f);
}
