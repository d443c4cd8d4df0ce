/*
 * records.h - how a record of the clustering data sets becomes the JSONL
 * article newsfuse is given, and which story it belongs to: gva-dev (gold
 * incident_id) and clustering-ecbplus (gold subtopic; the text is its
 * sentences, a line each). Shared by tests/e2e/test_stories.c and
 * bench/bench_cluster.c so the test's floors and the bench's scores are
 * of the same articles. Header-only: each includes it once.
 */
#ifndef NF_TEST_RECORDS_H
#define NF_TEST_RECORDS_H

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

/* The string at key of o, or NULL; borrowed from o. */
static const char *record_get(json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) && v ? json_object_get_string(v) : NULL;
}

/* A gva-dev record as an article: title, text, published. *gold is
 * borrowed from in, which must outlive its use. */
static json_object *record_gva(json_object *in, const char **gold)
{
	json_object *rec = json_object_new_object();
	const char *keys[][2] = {{"title", "title"}, {"content", "text"}, {"dct", "published"}, {"uri", "url"}};
	for (size_t i = 0; i < 4; i++)
		if (record_get(in, keys[i][0]))
			json_object_object_add(rec, keys[i][1],
			                       json_object_new_string(record_get(in, keys[i][0])));
	*gold = record_get(in, "incident_id");
	return rec;
}

/* A clustering-ecbplus record as an article: its sentences a line each
 * (the set gives no title or date). */
static json_object *record_ecb(json_object *in, const char **gold)
{
	json_object *sents, *rec = json_object_new_object();
	size_t cap = 1 << 12, len = 0;
	char *text = malloc(cap);
	text[0] = '\0';
	if (json_object_object_get_ex(in, "sentences", &sents)) {
		for (size_t i = 0; i < json_object_array_length(sents); i++) {
			const char *s = record_get(json_object_array_get_idx(sents, i), "text");
			size_t n = s ? strlen(s) : 0;
			while (len + n + 2 >= cap)
				text = realloc(text, cap *= 2);
			memcpy(text + len, s ? s : "", n);
			len += n;
			text[len++] = '\n';
			text[len] = '\0';
		}
	}
	json_object_object_add(rec, "text", json_object_new_string(text));
	free(text);
	*gold = record_get(in, "subtopic");
	return rec;
}

#endif
