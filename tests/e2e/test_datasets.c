/*
 * test_datasets.c - end to end on real crawled news (../shared/datasets):
 * the pipeline must keep the article text of real pages, survive their
 * boilerplate, and produce a sane brief for real story clusters.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static json_object *get(json_object *o, const char *key)
{
	json_object *v = NULL;
	if (o)
		json_object_object_get_ex(o, key, &v);
	return v;
}

static size_t count_words(const char *s)
{
	size_t n = 0;
	int in = 0;
	for (; s && *s; s++) {
		if (isspace((unsigned char)*s))
			in = 0;
		else if (!in)
			in = 1, n++;
	}
	return n;
}

/* The first n lines of a JSONL file as one in-memory input. */
static char *head_lines(const char *path, size_t n, size_t *len)
{
	char *all = harness_read(path, len);
	if (!all)
		return NULL;
	size_t lines = 0, i = 0;
	while (i < *len && lines < n)
		if (all[i++] == '\n')
			lines++;
	all[i] = '\0';
	*len = i;
	return all;
}

/* gva-dev: 400 real local-news articles with crawled boilerplate. Cleaning
 * must keep most of every substantial article, and every article that has
 * text must come through as a source. */
static void test_gva_cleaning_keeps_articles(void)
{
	size_t len;
	char *data = head_lines(harness_shared("datasets/gva-dev/documents.jsonl"), 400, &len);
	CHECK(data != NULL);
	if (!data)
		return;
	/* raw word counts per id, to compare with what the brief kept */
	json_object *raw = json_object_new_object();
	for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
		json_object *o = json_tokener_parse(line);
		const char *id = json_object_get_string(get(o, "doc_id"));
		const char *text = json_object_get_string(get(o, "content"));
		if (id && text && count_words(text) > 0)
			json_object_object_add(raw, id, json_object_new_int64((int64_t)count_words(text)));
		json_object_put(o);
	}
	free(data);
	data = head_lines(harness_shared("datasets/gva-dev/documents.jsonl"), 400, &len);
	const char *names[] = {"gva-dev.jsonl"};
	const char *texts[] = {data};
	json_object *brief = harness_brief_texts(names, texts, 1);
	CHECK(brief != NULL);
	json_object *src = get(brief, "sources");
	size_t n = src ? json_object_array_length(src) : 0;
	CHECK(n + 5 >= (size_t)json_object_object_length(raw));
	size_t substantial = 0, kept_most = 0, emptied = 0;
	for (size_t i = 0; i < n; i++) {
		json_object *s = json_object_array_get_idx(src, i);
		json_object *r = get(raw, json_object_get_string(get(s, "id")));
		int64_t before = r ? json_object_get_int64(r) : 0;
		int64_t after = json_object_get_int64(get(s, "words"));
		if (before >= 150) {
			substantial++;
			kept_most += after * 2 >= before;
			emptied += after < 20;
		}
	}
	/* Boilerplate can be a large share of a crawled page, but losing
	 * more than half of most substantial articles means the cleaner cut
	 * into the story. */
	CHECK(substantial > 100);
	CHECK(kept_most * 100 >= substantial * 85);
	CHECK(emptied * 100 <= substantial * 2);
	json_object_put(brief);
	json_object_put(raw);
	free(data);
}

/* duc2002: real clusters of AP / LA Times / FT stories on one topic. */
static void test_duc_clusters_brief(void)
{
	size_t len;
	char *data = head_lines(harness_shared("datasets/summarization-duc2002/duc2002_mds.jsonl"), 6, &len);
	CHECK(data != NULL);
	if (!data)
		return;
	for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
		json_object *cluster = json_tokener_parse(line);
		json_object *docs = get(cluster, "documents");
		size_t n = docs ? json_object_array_length(docs) : 0;
		CHECK(n >= 3);
		const char **names = calloc(n, sizeof *names);
		const char **texts = calloc(n, sizeof *texts);
		for (size_t i = 0; i < n; i++) {
			json_object *d = json_object_array_get_idx(docs, i);
			json_object *paras = get(d, "paragraphs");
			size_t cap = 64;
			for (size_t k = 0; k < json_object_array_length(paras); k++)
				cap += strlen(json_object_get_string(json_object_array_get_idx(paras, k))) + 2;
			const char *headline = json_object_get_string(get(d, "headline"));
			cap += headline ? strlen(headline) : 0;
			char *t = malloc(cap);
			snprintf(t, cap, "%s\n\n", headline && *headline ? headline : "Untitled");
			for (size_t k = 0; k < json_object_array_length(paras); k++) {
				strcat(t, json_object_get_string(json_object_array_get_idx(paras, k)));
				strcat(t, "\n\n");
			}
			names[i] = json_object_get_string(get(d, "doc_id"));
			texts[i] = t;
		}
		json_object *brief = harness_brief_texts(names, texts, n);
		CHECK(brief != NULL);
		json_object *sum = get(brief, "summary");
		size_t words = 0, ns = sum ? json_object_array_length(sum) : 0;
		CHECK(ns >= 2);
		for (size_t i = 0; i < ns; i++) {
			json_object *s = json_object_array_get_idx(sum, i);
			words += count_words(json_object_get_string(get(s, "text")));
			CHECK(json_object_array_length(get(s, "sources")) >= 1);
		}
		CHECK(words >= 60 && words <= 160);
		CHECK(json_object_array_length(get(brief, "sources")) == n);
		json_object_put(brief);
		for (size_t i = 0; i < n; i++)
			free((char *)texts[i]);
		free(names);
		free(texts);
		json_object_put(cluster);
	}
	free(data);
}

int main(void)
{
	RUN(test_gva_cleaning_keeps_articles);
	RUN(test_duc_clusters_brief);
	return harness_done();
}
