/*
 * bench_brief.c - latency of one brief, as a library user sees it.
 *
 *   bench_brief RUNS FILE...
 *
 * Reads the files once, then RUNS times: a new context and corpus, every
 * file added (NF_INPUT_AUTO: text articles or JSONL), the brief built and
 * rendered as JSON, everything freed. File reading is outside the clock;
 * ingest, every stage and the renderer are inside, since that is what a
 * caller holding the bytes waits for. Prints one line:
 *
 *   articles=N runs=R best_ms=B median_ms=M
 *
 * The best run is the headline number (least disturbed by the machine); the
 * median shows how noisy the run was. Rejected: timing the command (process
 * start, dynamic linking and file I/O dominate below ~5 ms).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_common.h"
#include "newsfuse.h"

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* One brief of every file; returns seconds, or -1 on failure. */
static double one_run(char **data, size_t *lens, char **names, int nfiles,
                      size_t *articles)
{
	double t0 = bench_now();
	nf_ctx *ctx = nf_ctx_new();
	nf_corpus *c = NULL;
	nf_brief *b = NULL;
	char *out = NULL;
	size_t outlen;
	double t = -1;
	if (!ctx || nf_corpus_new(&c, ctx))
		goto done;
	for (int i = 0; i < nfiles; i++)
		nf_corpus_add(c, names[i], data[i], lens[i], NF_INPUT_AUTO);
	if (nf_brief_build(&b, c, NULL) ||
	    nf_brief_render(&out, &outlen, b, NF_FORMAT_JSON, 0)) {
		fprintf(stderr, "bench_brief: %s\n", nf_ctx_errmsg(ctx));
		goto done;
	}
	*articles = nf_corpus_count(c);
	t = bench_now() - t0;
done:
	nf_free(out);
	nf_brief_free(b);
	nf_corpus_free(c);
	nf_ctx_free(ctx);
	return t;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_brief RUNS FILE...\n");
		return 2;
	}
	int runs = atoi(argv[1]), nfiles = argc - 2;
	if (runs < 1 || runs > 1000) {
		fprintf(stderr, "bench_brief: RUNS must be 1..1000\n");
		return 2;
	}
	char **data = calloc((size_t)nfiles, sizeof *data);
	size_t *lens = calloc((size_t)nfiles, sizeof *lens);
	double *times = calloc((size_t)runs, sizeof *times);
	int rc = 1;
	if (!data || !lens || !times)
		goto done;
	for (int i = 0; i < nfiles; i++)
		if (!(data[i] = bench_read(argv[i + 2], &lens[i])))
			goto done;
	size_t articles = 0;
	for (int r = 0; r < runs; r++)
		if ((times[r] = one_run(data, lens, argv + 2, nfiles, &articles)) < 0)
			goto done;
	qsort(times, (size_t)runs, sizeof *times, cmp_double);
	printf("articles=%zu runs=%d best_ms=%.2f median_ms=%.2f\n", articles, runs,
	       times[0] * 1e3, times[runs / 2] * 1e3);
	rc = 0;
done:
	for (int i = 0; data && i < nfiles; i++)
		free(data[i]);
	free(data);
	free(lens);
	free(times);
	return rc;
}
