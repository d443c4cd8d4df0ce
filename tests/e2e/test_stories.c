/*
 * test_stories.c - the clusterer end to end on real labelled news
 * (../shared/datasets): BCubed F1 against the gold stories must stay near
 * what bench/cluster measures, on the first half of gva-dev (gold
 * incident_id: many shootings, often in the same cities) and on all of
 * ECB+ (gold subtopic: two events of one kind per topic), and on CSTNews
 * (Portuguese: the clusterer is tuned on English only). The floors sit a
 * few points under the measured scores, so a change that breaks the
 * similarity fails here while the bench tracks the exact numbers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "records.h"

typedef struct labels {
	char **gold;
	long *story;
	size_t n, cap;
} labels;

static void on_item(void *ud, const nf_cluster_item *it)
{
	labels *l = ud;
	size_t i = strtoul(it->id, NULL, 10);
	if (i < l->n)
		l->story[i] = (long)it->story;
}

/* BCubed F1 of l->story against l->gold; unclustered articles count as
 * stories of their own. O(n^2), fine for a few thousand. */
static double bcubed_f1(const labels *l)
{
	double p = 0, r = 0;
	for (size_t i = 0; i < l->n; i++) {
		size_t same_pred = 0, same_gold = 0, both = 0;
		for (size_t j = 0; j < l->n; j++) {
			int g = !strcmp(l->gold[i], l->gold[j]);
			int s = i == j || (l->story[i] > 0 && l->story[i] == l->story[j]);
			same_gold += g;
			same_pred += s;
			both += g && s;
		}
		p += (double)both / same_pred;
		r += (double)both / same_gold;
	}
	p /= l->n;
	r /= l->n;
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void push(labels *l, const char *gold)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 1024;
		l->gold = realloc(l->gold, l->cap * sizeof *l->gold);
		l->story = realloc(l->story, l->cap * sizeof *l->story);
	}
	l->gold[l->n] = strdup(gold);
	l->story[l->n] = 0;
	l->n++;
}

static void free_labels(labels *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->gold[i]);
	free(l->gold);
	free(l->story);
}

/* The first max lines of a dataset file, each converted by conv into an
 * article record (JSON text) with its gold story and its "topic", if any. */
typedef struct records {
	char **json, **gold;
	long *topic;
	size_t n;
} records;

static records read_records(const char *rel, size_t max,
                            json_object *(*conv)(json_object *in, const char **gold))
{
	records r = {0};
	size_t len;
	char *data = harness_read(harness_shared(rel), &len);
	CHECK(data != NULL);
	if (!data)
		return r;
	r.json = calloc(max < 65536 ? max : 65536, sizeof *r.json);
	r.gold = calloc(max < 65536 ? max : 65536, sizeof *r.gold);
	r.topic = calloc(max < 65536 ? max : 65536, sizeof *r.topic);
	char *p = data, *end = data + len;
	while (p < end && r.n < max && r.n < 65536) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		*nl = '\0';
		json_object *in = json_tokener_parse(p), *rec, *t;
		const char *gold = NULL;
		if (in && (rec = conv(in, &gold)) && gold) {
			r.gold[r.n] = strdup(gold);
			r.topic[r.n] = json_object_object_get_ex(in, "topic", &t) ? json_object_get_int(t) : 0;
			r.json[r.n++] = strdup(json_object_to_json_string_ext(rec, JSON_C_TO_STRING_PLAIN));
			json_object_put(rec);
		}
		json_object_put(in);
		p = nl + 1;
	}
	free(data);
	return r;
}

static void free_records(records *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->json[i]);
		free(r->gold[i]);
	}
	free(r->json);
	free(r->gold);
	free(r->topic);
}

/* BCubed F1 of streaming the records r->json[pick[k]], k < n, in order,
 * through a new clusterer, each with id = k. */
static double stream(const records *r, const size_t *pick, size_t n, unsigned long long *stories)
{
	nf_ctx *ctx = nf_ctx_new();
	labels l = {0};
	nf_cluster *cl = NULL;
	CHECK(nf_cluster_new(&cl, ctx, NULL, on_item, &l) == NF_OK);
	for (size_t k = 0; k < n; k++) {
		json_object *rec = json_tokener_parse(r->json[pick[k]]);
		char id[32];
		snprintf(id, sizeof id, "%zu", l.n);
		json_object_object_add(rec, "id", json_object_new_string(id));
		push(&l, r->gold[pick[k]]);
		const char *s = json_object_to_json_string_ext(rec, JSON_C_TO_STRING_PLAIN);
		nf_cluster_add(cl, "records", l.n, s, strlen(s), NF_INPUT_JSONL);
		json_object_put(rec);
	}
	CHECK(nf_cluster_flush(cl) == NF_OK);
	double f1 = l.n ? bcubed_f1(&l) : 0;
	if (stories)
		*stories = nf_cluster_stories(cl);
	nf_cluster_free(cl);
	nf_ctx_free(ctx);
	free_labels(&l);
	return f1;
}

/* BCubed F1 of the first max lines of a dataset streamed as one. */
static double run(const char *rel, size_t max,
                  json_object *(*conv)(json_object *in, const char **gold))
{
	records r = read_records(rel, max, conv);
	size_t *all = malloc((r.n ? r.n : 1) * sizeof *all);
	for (size_t i = 0; i < r.n; i++)
		all[i] = i;
	unsigned long long stories = 0;
	double f1 = stream(&r, all, r.n, &stories);
	printf("  %s: %zu articles, %llu stories, BCubed F1 %.3f\n", rel, r.n, stories, f1);
	free(all);
	free_records(&r);
	return f1;
}

static void test_gva_first_half(void)
{
	/* measured 0.944 on these 1,575 in file order */
	CHECK(run("datasets/gva-dev/documents.jsonl", 1575, record_gva) >= 0.89);
}

static void test_ecbplus(void)
{
	/* measured 0.958; the peer of bench/cluster reaches 0.870 */
	CHECK(run("datasets/clustering-ecbplus/ecbplus_documents.jsonl", 100000, record_ecb) >= 0.92);
}

/* Each ECB+ topic streamed alone: a dozen or two reports of two events
 * of one kind, too few for the stream's own document frequencies to say
 * which words are the events' own. Mean BCubed F1 over the topics:
 * measured 0.948 (0.488 before names and numbers were weighed as rare in
 * a short stream). */
static void test_ecbplus_topics_alone(void)
{
	records r = read_records("datasets/clustering-ecbplus/ecbplus_documents.jsonl", 100000,
	                         record_ecb);
	size_t *pick = malloc((r.n ? r.n : 1) * sizeof *pick);
	double sum = 0;
	size_t topics = 0;
	for (size_t i = 0; i < r.n; i++) {
		int first = 1;
		for (size_t j = 0; j < i && first; j++)
			first = r.topic[j] != r.topic[i];
		if (!first)
			continue;
		size_t n = 0;
		for (size_t j = i; j < r.n; j++)
			if (r.topic[j] == r.topic[i])
				pick[n++] = j;
		sum += stream(&r, pick, n, NULL);
		topics++;
	}
	CHECK(topics >= 40);
	double mean = topics ? sum / (double)topics : 0;
	printf("  ECB+ topics alone: %zu topics, mean BCubed F1 %.3f\n", topics, mean);
	CHECK(mean >= 0.90);
	free(pick);
	free_records(&r);
}

/* The sort key of a CSTNews source file name ("D1_C1_Outlet_04-08-2006_07h42"):
 * "2006080407h42", "~" when it names no date (those come last). */
static void cstnews_key(const char *name, char key[32], char published[11])
{
	const char *p = name;
	key[0] = '~', key[1] = '\0', published[0] = '\0';
	for (; (p = strchr(p, '_')); p++) {
		int d, m, y, n = 0;
		if (sscanf(p, "_%2d-%2d-%4d%n", &d, &m, &y, &n) == 3 && n == 11) {
			snprintf(published, 11, "%04d-%02d-%02d", y, m, d);
			snprintf(key, 32, "%04d%02d%02d%.6s", y, m, d, p + n);
			return;
		}
	}
}

/* CSTNews: 50 Portuguese stories of 2 or 3 reports from different outlets,
 * streamed in date order, headline from each report's _titulo file; gold
 * story = the cluster's folder. Nothing was tuned on Portuguese: measured
 * 0.955 (bench/cluster_small.py; the peer at its best threshold 0.941). */
static void test_portuguese_stories(void)
{
	char base[4096];
	snprintf(base, sizeof base, "%s", harness_shared("datasets/multilingual-cstnews-pt"));
	char **folders = harness_list(base, "");
	CHECK(folders != NULL);
	records r = {0};
	size_t cap = 256;
	r.json = calloc(cap, sizeof *r.json);
	r.gold = calloc(cap, sizeof *r.gold);
	char (*keys)[32] = calloc(cap, sizeof *keys);
	for (size_t f = 0; folders && folders[f]; f++) {
		char dir[4200];
		snprintf(dir, sizeof dir, "%s/Textos-fonte", folders[f]);
		char **files = harness_list(dir, ".txt");
		for (size_t k = 0; files && files[k] && r.n < cap; k++) {
			size_t len = strlen(files[k]), tlen;
			if (len > 11 && !strcmp(files[k] + len - 11, "_titulo.txt"))
				continue;
			char *text = harness_read(files[k], &tlen), title[4300], published[11];
			snprintf(title, sizeof title, "%.*s_titulo.txt", (int)(len - 4), files[k]);
			char *head = harness_read(title, &tlen);
			const char *name = strrchr(files[k], '/') + 1;
			cstnews_key(name, keys[r.n], published);
			json_object *rec = json_object_new_object();
			json_object_object_add(rec, "text", json_object_new_string(text ? text : ""));
			if (head)
				json_object_object_add(rec, "title", json_object_new_string(head));
			if (published[0])
				json_object_object_add(rec, "published", json_object_new_string(published));
			r.json[r.n] = strdup(json_object_to_json_string_ext(rec, JSON_C_TO_STRING_PLAIN));
			r.gold[r.n++] = strdup(strrchr(folders[f], '/') + 1);
			json_object_put(rec);
			free(text);
			free(head);
		}
		harness_list_free(files);
	}
	CHECK(r.n >= 130);
	size_t *pick = malloc((r.n ? r.n : 1) * sizeof *pick);
	for (size_t i = 0; i < r.n; i++) { /* by date, an insertion sort of 140 */
		size_t j = i;
		for (; j > 0 && strcmp(keys[pick[j - 1]], keys[i]) > 0; j--)
			pick[j] = pick[j - 1];
		pick[j] = i;
	}
	unsigned long long stories = 0;
	double f1 = stream(&r, pick, r.n, &stories);
	printf("  CSTNews (Portuguese): %zu articles, %llu stories, BCubed F1 %.3f\n", r.n, stories, f1);
	CHECK(f1 >= 0.92);
	free(pick);
	free(keys);
	free_records(&r);
	harness_list_free(folders);
}

/* The five seed reports of one event, clustered alone: one story. */
static void test_seeds_one_story(void)
{
	char **files = harness_list(harness_shared("seeds"), ".txt");
	CHECK(files != NULL);
	nf_ctx *ctx = nf_ctx_new();
	labels l = {0};
	nf_cluster *cl = NULL;
	CHECK(nf_cluster_new(&cl, ctx, NULL, on_item, &l) == NF_OK);
	for (size_t i = 0; files && files[i]; i++) {
		size_t len;
		char *text = harness_read(files[i], &len);
		char id[32];
		snprintf(id, sizeof id, "%zu", l.n);
		push(&l, "seeds");
		CHECK(text && nf_cluster_add(cl, id, 1, text, len, NF_INPUT_TEXT) == NF_OK);
		free(text);
	}
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK_INT(l.n, 5);
	for (size_t i = 0; i < l.n; i++)
		CHECK(l.story[i] > 0 && l.story[i] == l.story[0]);
	nf_cluster_free(cl);
	nf_ctx_free(ctx);
	free_labels(&l);
	harness_list_free(files);
}

int main(void)
{
	RUN(test_gva_first_half);
	RUN(test_ecbplus);
	RUN(test_ecbplus_topics_alone);
	RUN(test_portuguese_stories);
	RUN(test_seeds_one_story);
	return harness_done();
}
