/*
 * fuzz_cluster.c - libFuzzer target: the streaming clusterer on hostile
 * JSONL. The input is cut at NUL bytes into blocks given to
 * nf_cluster_add() one by one (so batches, blocks and line numbers vary);
 * the first byte picks the window (bits 0-2: 2^(bits+1) articles, so
 * articles leave it and stories close). Checks that every article read comes back once, in order, with
 * a story that exists, that a copy names an article seen before, and that
 * the same input clustered twice gives the same stories. Replays the jsonl
 * corpus.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#define MAX_ITEMS 4096

typedef struct run {
	nf_cluster *cl;
	size_t n;
	unsigned long long story[MAX_ITEMS];
	int bad;
} run;

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz check failed: %s\n", what);
		abort();
	}
}

static void on_item(void *ud, const nf_cluster_item *it)
{
	run *r = ud;
	check(it->index == r->n, "items come in input order");
	check(it->story >= 1 && it->story <= nf_cluster_stories(r->cl), "story exists");
	check(!it->new_story || it->story == nf_cluster_stories(r->cl), "a new story is the last");
	check(it->id != NULL && it->name != NULL, "id and name");
	if (r->n < MAX_ITEMS)
		r->story[r->n] = it->story;
	r->n++;
}

static void cluster(const uint8_t *data, size_t size, run *r)
{
	nf_ctx *ctx = nf_ctx_new();
	nf_cluster_options o = NF_CLUSTER_OPTIONS_INIT;
	o.window_articles = 2 << (size ? data[0] & 7 : 0);
	check(ctx && nf_cluster_new(&r->cl, ctx, &o, on_item, r) == NF_OK, "new");
	size_t pos = size ? 1 : 0, line = 1;
	while (pos < size) {
		const uint8_t *nul = memchr(data + pos, 0, size - pos);
		size_t len = nul ? (size_t)(nul - (data + pos)) : size - pos;
		nf_status st = nf_cluster_add(r->cl, "fuzz.jsonl", line, (const char *)data + pos, len,
		                              NF_INPUT_JSONL);
		check(st != NF_EINVAL, "add never NF_EINVAL");
		for (size_t i = 0; i < len; i++)
			line += data[pos + i] == '\n';
		pos += len + 1;
	}
	check(nf_cluster_flush(r->cl) == NF_OK, "flush");
	check(nf_cluster_count(r->cl) == r->n, "every article comes back");
	nf_cluster_free(r->cl);
	nf_ctx_free(ctx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
	cluster(data, size, a);
	cluster(data, size, b);
	check(a->n == b->n, "same count twice");
	for (size_t i = 0; i < a->n && i < MAX_ITEMS; i++)
		check(a->story[i] == b->story[i], "same stories twice");
	free(a);
	free(b);
	return 0;
}
