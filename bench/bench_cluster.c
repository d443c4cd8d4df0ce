/*
 * bench_cluster.c - story clustering scored against a gold labelling.
 *
 *     bench_cluster gva|ecb|synth FILE [file|date] [THRESHOLD]
 *
 * gva: ../shared/datasets/gva-dev/documents.jsonl, gold story = incident_id,
 * the article's "dct" its date. ecb: clustering-ecbplus/ecbplus_documents.jsonl,
 * gold story = subtopic, the text its sentences joined (no dates). synth:
 * a stream of gen_stream.c, gold story = its "story". Articles
 * are streamed through nf_cluster_add() one JSONL line each, in file order
 * or ("date") sorted by date as a news stream would bring them; articles
 * the library skips (no text) count as stories of their own, as they would
 * for any clusterer. Prints BCubed precision, recall and F1 and the time of
 * the clustering, wall and CPU (reading and converting the file is outside
 * the clock):
 *
 *     articles=N stories=S precision=P recall=R f1=F seconds=T cpu=C
 *
 * With BENCH_DUMP=path, writes "gold<TAB>story<TAB>index" per article.
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/e2e/records.h"
#include "bench_common.h"
#include "newsfuse.h"

typedef struct article {
	char *gold;
	char *line;  /* the JSONL record given to the library */
	char date[11];
	size_t index;
	long story;
} article;

/* The article of one dataset line, or 0 when the line is unusable. */
static int convert(const char *kind, json_object *o, size_t index, article *a)
{
	json_object *rec;
	const char *gold, *date;
	if (!strcmp(kind, "synth")) {
		/* gen_stream's records are articles already; "story" is the truth */
		rec = json_object_new_object();
		gold = record_get(o, "story");
		const char *keys[] = {"title", "text", "published", "outlet"};
		for (size_t k = 0; k < 4; k++)
			if (record_get(o, keys[k]))
				json_object_object_add(rec, keys[k], json_object_new_string(record_get(o, keys[k])));
		date = record_get(o, "published");
	} else {
		rec = !strcmp(kind, "gva") ? record_gva(o, &gold) : record_ecb(o, &gold);
		date = record_get(o, "dct");
	}
	if (date)
		snprintf(a->date, sizeof a->date, "%s", date);
	char id[32];
	snprintf(id, sizeof id, "%zu", index);
	json_object_object_add(rec, "id", json_object_new_string(id));
	if (!gold) {
		json_object_put(rec);
		return 0;
	}
	a->gold = strdup(gold);
	a->line = strdup(json_object_to_json_string_ext(rec, JSON_C_TO_STRING_PLAIN));
	a->index = index;
	a->story = -1;
	json_object_put(rec);
	return 1;
}

static article *arts;
static size_t narts;

static void on_item(void *ud, const nf_cluster_item *it)
{
	(void)ud;
	size_t i = strtoul(it->id, NULL, 10);
	if (i < narts)
		arts[i].story = (long)it->story;
}

static int cmp_date(const void *x, const void *y)
{
	const article *a = *(article *const *)x, *b = *(article *const *)y;
	int c = strcmp(a->date, b->date);
	return c ? c : (a->index > b->index) - (a->index < b->index);
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Number of a string in a sorted table of distinct strings. */
static size_t rank(char **sorted, size_t n, const char *s)
{
	char **p = bsearch(&s, sorted, n, sizeof *sorted, cmp_str);
	return p ? (size_t)(p - sorted) : 0;
}

/* BCubed precision and recall of pred against gold (dense labels). */
static void bcubed(const size_t *gold, const size_t *pred, size_t n, double *p, double *r)
{
	/* counts of (gold, pred) pairs, of gold and of pred labels, via sorting */
	size_t *gc = calloc(n, sizeof *gc), *pc = calloc(n, sizeof *pc);
	size_t *key = malloc(n * sizeof *key);
	for (size_t i = 0; i < n; i++) {
		gc[gold[i]]++;
		pc[pred[i]]++;
	}
	double sp = 0, sr = 0;
	/* pair counts through a hash of gold * n + pred */
	size_t cap = 1;
	while (cap < 2 * n)
		cap *= 2;
	size_t *hk = malloc(cap * sizeof *hk), *hv = calloc(cap, sizeof *hv);
	for (size_t i = 0; i < cap; i++)
		hk[i] = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t k = gold[i] * n + pred[i], h = (k * 0x9e3779b97f4a7c15ull) & (cap - 1);
		while (hk[h] != (size_t)-1 && hk[h] != k)
			h = (h + 1) & (cap - 1);
		hk[h] = k;
		hv[h]++;
		key[i] = h;
	}
	for (size_t i = 0; i < n; i++) {
		double both = (double)hv[key[i]];
		sp += both / (double)pc[pred[i]];
		sr += both / (double)gc[gold[i]];
	}
	*p = sp / (double)n;
	*r = sr / (double)n;
	free(gc);
	free(pc);
	free(key);
	free(hk);
	free(hv);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_cluster gva|ecb|synth FILE [file|date] [THRESHOLD]\n");
		return 2;
	}
	const char *kind = argv[1], *order = argc > 3 ? argv[3] : "file";
	size_t len;
	char *data = bench_read(argv[2], &len);
	if (!data)
		return 1;
	size_t cap = 1024;
	arts = calloc(cap, sizeof *arts);
	for (char *p = data, *nl; p < data + len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(data + len - p));
		if (!nl)
			nl = data + len;
		*nl = '\0';
		json_object *o = json_tokener_parse(p);
		if (!o)
			continue;
		if (narts == cap)
			arts = realloc(arts, (cap *= 2) * sizeof *arts);
		memset(&arts[narts], 0, sizeof *arts);
		narts += convert(kind, o, narts, &arts[narts]);
		json_object_put(o);
	}
	free(data);
	article **seq = malloc(narts * sizeof *seq);
	for (size_t i = 0; i < narts; i++)
		seq[i] = &arts[i];
	if (!strcmp(order, "date"))
		qsort(seq, narts, sizeof *seq, cmp_date);

	nf_ctx *ctx = nf_ctx_new();
	nf_cluster *cl;
	nf_cluster_options opts = NF_CLUSTER_OPTIONS_INIT;
	if (argc > 4)
		opts.threshold = atof(argv[4]);
	if (nf_cluster_new(&cl, ctx, &opts, on_item, NULL))
		return 1;
	double t0 = bench_now();
	clock_t c0 = clock();
	for (size_t i = 0; i < narts; i++)
		nf_cluster_add(cl, argv[2], i + 1, seq[i]->line, strlen(seq[i]->line), NF_INPUT_JSONL);
	nf_cluster_flush(cl);
	double secs = bench_now() - t0, cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
	unsigned long long stories = nf_cluster_stories(cl);
	nf_cluster_free(cl);
	nf_ctx_free(ctx);

	/* dense labels: gold by rank among distinct golds; skipped articles
	 * get stories of their own after the library's */
	char **golds = malloc(narts * sizeof *golds);
	for (size_t i = 0; i < narts; i++)
		golds[i] = arts[i].gold;
	qsort(golds, narts, sizeof *golds, cmp_str);
	size_t ng = 0;
	for (size_t i = 0; i < narts; i++)
		if (!ng || strcmp(golds[ng - 1], golds[i]))
			golds[ng++] = golds[i];
	size_t *g = malloc(narts * sizeof *g), *pr = malloc(narts * sizeof *pr);
	size_t extra = (size_t)stories + 1;
	for (size_t i = 0; i < narts; i++) {
		g[i] = rank(golds, ng, arts[i].gold);
		pr[i] = arts[i].story > 0 ? (size_t)arts[i].story : extra++;
	}
	/* pred labels must be < n for bcubed's tables */
	for (size_t i = 0; i < narts; i++)
		pr[i] %= narts;
	double p, r;
	bcubed(g, pr, narts, &p, &r);
	const char *dump = getenv("BENCH_DUMP");
	if (dump) {
		FILE *f = fopen(dump, "w");
		for (size_t i = 0; f && i < narts; i++)
			fprintf(f, "%s\t%ld\t%zu\n", arts[i].gold, arts[i].story, i);
		if (f)
			fclose(f);
	}
	printf("articles=%zu stories=%llu precision=%.4f recall=%.4f f1=%.4f seconds=%.4f cpu=%.4f\n",
	       narts, stories, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, secs, cpu);
	for (size_t i = 0; i < narts; i++) {
		free(arts[i].gold);
		free(arts[i].line);
	}
	free(arts);
	free(seq);
	free(golds);
	free(g);
	free(pr);
	return 0;
}
