/*
 * bench_text.c - throughput of cleaning + tokenizing on one core.
 *
 *   bench_text [--fresh-ctx] MIN_MB FILE...
 *
 * A FILE ending in .jsonl gives one article per line (its "content" or
 * "text" field); any other file is one plain-text article. The articles are
 * put, 500 at a time (the size of the latency target's largest brief), in
 * new corpora, and each corpus goes through the two stages that read
 * every byte of every article: nf_clean (boilerplate, metadata) and
 * nf_text_analyze (tokens, lexicon ids, stems, sentences). This is repeated
 * until at least MIN_MB megabytes (10^6 bytes of input text) have passed.
 * Ingest (UTF-8 check, NFC) is outside the clock: it is a copy, and the
 * issue's target names cleaning and tokenizing. Prints one line:
 *
 *   bytes=N clean_s=A tokenize_s=B clean_mbps=C tokenize_mbps=D total_mbps=E
 *
 * The corpora of one pass over the articles are made on one context, as
 * a stream of corpora is (the cluster command, a server): they share what
 * the context keeps (the word memo's stems, the arena pool's pages). Each
 * pass has a context of its own, so no pass gains from words or pages its
 * predecessor met on the same articles. --fresh-ctx makes a context per
 * corpus instead: the measure before contexts kept anything.
 *
 * Rejected: one corpus of all articles (a real brief never holds thousands
 * of articles, and cleaning compares lines across the corpus) and timing
 * each article alone (the clock would cost more than short articles).
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_common.h"
#include "stages.h"

/* Articles per corpus: the largest brief the issue sets a target for. */
#define BATCH 500

typedef struct text {
	const char *s;
	size_t len;
	char *own; /* what to free: s when copied out of JSON, else NULL */
} text;

typedef struct texts {
	text *v;
	size_t n, cap;
} texts;

static int push(texts *t, const char *s, size_t len, char *own)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		text *v = realloc(t->v, cap * sizeof *v);
		if (!v)
			return -1;
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n++] = (text){s, len, own};
	return 0;
}

/* Adds the "content" (or "text") of each line of a JSONL file; the strings
 * are copied so the parsed objects can go. */
static int load_jsonl(texts *t, char *buf)
{
	for (char *line = buf, *nl; line && *line; line = nl ? nl + 1 : NULL) {
		if ((nl = strchr(line, '\n')))
			*nl = '\0';
		json_object *o = json_tokener_parse(line), *v;
		if (!o)
			continue;
		if ((json_object_object_get_ex(o, "content", &v) ||
		     json_object_object_get_ex(o, "text", &v)) &&
		    json_object_is_type(v, json_type_string)) {
			size_t len = (size_t)json_object_get_string_len(v);
			char *s = malloc(len + 1);
			if (!s || push(t, s, len, s)) {
				free(s);
				json_object_put(o);
				return -1;
			}
			memcpy(s, json_object_get_string(v), len + 1);
		}
		json_object_put(o);
	}
	return 0;
}

/* Cleans and tokenizes texts[from..to) in a new corpus on ctx; adds the
 * bytes of the articles accepted and the seconds each stage took. */
static int run_batch(nf_ctx *ctx, const texts *t, size_t from, size_t to, size_t *bytes,
                     double *clean_s, double *tok_s)
{
	nf_corpus *c = NULL;
	int rc = -1;
	if (nf_corpus_new(&c, ctx))
		goto done;
	for (size_t i = from; i < to; i++)
		if (!nf_corpus_add(c, "bench.txt", t->v[i].s, t->v[i].len, NF_INPUT_TEXT))
			*bytes += t->v[i].len;
	double t0 = bench_now();
	if (nf_clean(c))
		goto done;
	double t1 = bench_now();
	for (size_t i = 0; i < NF_NDOCS(c); i++)
		if (nf_text_analyze(c, NF_DOC(c, i)))
			goto done;
	double t2 = bench_now();
	*clean_s += t1 - t0;
	*tok_s += t2 - t1;
	rc = 0;
done:
	if (rc)
		fprintf(stderr, "bench_text: %s\n", nf_ctx_errmsg(ctx));
	nf_corpus_free(c);
	return rc;
}

/* One pass over every article, in corpora of BATCH on one context, or on
 * a context each when fresh. */
static int run_pass(const texts *t, int fresh, size_t *bytes, double *clean_s,
                    double *tok_s)
{
	nf_ctx *ctx = NULL;
	int rc = 0;
	for (size_t i = 0; !rc && i < t->n; i += BATCH) {
		if (!ctx && !(ctx = nf_ctx_new())) {
			fprintf(stderr, "bench_text: out of memory\n");
			return -1;
		}
		rc = run_batch(ctx, t, i, i + BATCH < t->n ? i + BATCH : t->n, bytes, clean_s,
		               tok_s);
		if (fresh) {
			nf_ctx_free(ctx);
			ctx = NULL;
		}
	}
	nf_ctx_free(ctx);
	return rc;
}

int main(int argc, char **argv)
{
	int fresh = argc > 1 && !strcmp(argv[1], "--fresh-ctx"), first = 2 + fresh;
	if (argc <= first) {
		fprintf(stderr, "usage: bench_text [--fresh-ctx] MIN_MB FILE...\n");
		return 2;
	}
	double min_mb = atof(argv[first - 1]);
	texts t = {0};
	char **bufs = calloc((size_t)argc, sizeof *bufs);
	int rc = 1;
	if (!bufs)
		return 1;
	for (int i = first; i < argc; i++) {
		size_t len, n = strlen(argv[i]);
		if (!(bufs[i] = bench_read(argv[i], &len)))
			goto done;
		int bad = n > 6 && !strcmp(argv[i] + n - 6, ".jsonl")
			? load_jsonl(&t, bufs[i]) : push(&t, bufs[i], len, NULL);
		if (bad)
			goto done;
	}
	size_t bytes = 0;
	double clean_s = 0, tok_s = 0;
	while (t.n && (double)bytes < min_mb * 1e6) {
		size_t before = bytes;
		if (run_pass(&t, fresh, &bytes, &clean_s, &tok_s))
			goto done;
		if (bytes == before)
			break;
	}
	double mb = (double)bytes / 1e6;
	printf("bytes=%zu clean_s=%.3f tokenize_s=%.3f clean_mbps=%.1f "
	       "tokenize_mbps=%.1f total_mbps=%.1f\n", bytes, clean_s, tok_s,
	       clean_s > 0 ? mb / clean_s : 0, tok_s > 0 ? mb / tok_s : 0,
	       clean_s + tok_s > 0 ? mb / (clean_s + tok_s) : 0);
	rc = 0;
done:
	for (size_t i = 0; i < t.n; i++)
		free(t.v[i].own);
	for (int i = first; i < argc; i++)
		free(bufs[i]);
	free(bufs);
	free(t.v);
	return rc;
}
