/*
 * figures-gva-run.c - briefs every incident of a GVA-style corpus, for the
 * scorer bench/figures-gva.
 *
 *   figures-gva-run [--clean] DOCUMENTS.jsonl
 *
 * Reads the articles (one JSON object a line with "incident_id"; the other
 * fields are those nf_corpus_add() reads: doc_id, title, content, dct,
 * uri), groups them by incident in the order incidents first appear, and
 * briefs each group with the public API as a user would (one corpus per
 * incident, JSONL input). Prints one compact JSON line per incident:
 *
 *   {"incident_id": "...", "articles": N, "brief": {...} | null}
 *
 * where "brief" is the brief's JSON (docs/brief-schema.md), null when no
 * article of the incident had text. With --clean each line also holds
 * "clean": the cleaned body of each article, read through the internal
 * model (like bench_text.c), so the scorer can tell a sentence the cleaner
 * dropped from one the figures stage missed.
 *
 * Rejected: running the newsfuse command once per incident (process start
 * costs more than a brief of two articles, and the scorer is rerun often
 * while tuning).
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_common.h"
#include "model.h"

typedef struct incident {
	char *id;
	char *lines; /* the incident's JSONL lines */
	size_t len, cap;
	size_t articles;
} incident;

typedef struct incidents {
	incident *v;
	size_t n, cap;
} incidents;

/* The incident with this id (linear: a few thousand incidents, once). */
static incident *find_or_add(incidents *all, const char *id)
{
	for (size_t i = all->n; i-- > 0;)
		if (!strcmp(all->v[i].id, id))
			return &all->v[i];
	if (all->n == all->cap) {
		size_t cap = all->cap ? all->cap * 2 : 1024;
		incident *v = realloc(all->v, cap * sizeof *v);
		if (!v)
			return NULL;
		all->v = v;
		all->cap = cap;
	}
	incident *in = &all->v[all->n];
	memset(in, 0, sizeof *in);
	if (!(in->id = strdup(id)))
		return NULL;
	all->n++;
	return in;
}

static int append(incident *in, const char *s, size_t len)
{
	if (in->len + len + 2 > in->cap) {
		size_t cap = (in->len + len + 2) * 2;
		char *p = realloc(in->lines, cap);
		if (!p)
			return -1;
		in->lines = p;
		in->cap = cap;
	}
	memcpy(in->lines + in->len, s, len);
	in->len += len;
	in->lines[in->len++] = '\n';
	in->lines[in->len] = '\0';
	return 0;
}

static int load(incidents *all, char *buf)
{
	for (char *line = buf, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		size_t len = next ? (size_t)(next - line) : strlen(line);
		if (next)
			*next++ = '\0';
		json_object *o = json_tokener_parse(line), *id;
		if (!o)
			continue;
		if (json_object_object_get_ex(o, "incident_id", &id)) {
			incident *in = find_or_add(all, json_object_get_string(id));
			if (!in || append(in, line, len)) {
				json_object_put(o);
				return -1;
			}
			in->articles++;
		}
		json_object_put(o);
	}
	return 0;
}

static void drop_warning(void *ud, const char *msg)
{
	(void)ud;
	(void)msg; /* empty articles are expected; the scorer counts them */
}

/* One incident's output line. */
static int brief_one(const incident *in, int clean)
{
	nf_ctx *ctx = nf_ctx_new();
	nf_corpus *c = NULL;
	nf_brief *b = NULL;
	char *out = NULL;
	size_t outlen;
	int rc = -1;
	json_object *line = json_object_new_object();
	if (!ctx || !line || nf_corpus_new(&c, ctx))
		goto done;
	nf_ctx_set_warn(ctx, drop_warning, NULL);
	json_object_object_add(line, "incident_id", json_object_new_string(in->id));
	json_object_object_add(line, "articles", json_object_new_int64((int64_t)in->articles));
	json_object *brief = NULL;
	if (nf_corpus_add(c, in->id, in->lines, in->len, NF_INPUT_JSONL) == NF_OK) {
		if (nf_brief_build(&b, c, NULL) ||
		    nf_brief_render(&out, &outlen, b, NF_FORMAT_JSON, 0)) {
			fprintf(stderr, "figures-gva-run: %s: %s\n", in->id, nf_ctx_errmsg(ctx));
			goto done;
		}
		brief = json_tokener_parse(out);
	}
	json_object_object_add(line, "brief", brief);
	if (clean) {
		json_object *texts = json_object_new_array();
		for (size_t i = 0; b && i < NF_NDOCS(c); i++) {
			const nf_doc *d = NF_DOC(c, i);
			json_object_array_add(texts, json_object_new_string_len(
				d->text ? d->text : "", d->text ? (int)d->text_len : 0));
		}
		json_object_object_add(line, "clean", texts);
	}
	puts(json_object_to_json_string_ext(line, JSON_C_TO_STRING_PLAIN));
	rc = 0;
done:
	json_object_put(line);
	nf_free(out);
	nf_brief_free(b);
	nf_corpus_free(c);
	nf_ctx_free(ctx);
	return rc;
}

int main(int argc, char **argv)
{
	int clean = argc > 1 && !strcmp(argv[1], "--clean");
	if (argc != 2 + clean) {
		fprintf(stderr, "usage: figures-gva-run [--clean] DOCUMENTS.jsonl\n");
		return 2;
	}
	size_t len;
	char *buf = bench_read(argv[1 + clean], &len);
	incidents all = {NULL, 0, 0};
	int rc = 1;
	if (!buf || load(&all, buf)) {
		fprintf(stderr, "figures-gva-run: cannot read %s\n", argv[1 + clean]);
		goto done;
	}
	rc = 0;
	for (size_t i = 0; i < all.n && !rc; i++)
		rc = brief_one(&all.v[i], clean) ? 1 : 0;
done:
	for (size_t i = 0; i < all.n; i++) {
		free(all.v[i].id);
		free(all.v[i].lines);
	}
	free(all.v);
	free(buf);
	return rc;
}
