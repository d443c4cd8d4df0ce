/* harness.c - see harness.h. */
#include "harness.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed, current_failed;

void harness_check(int ok, const char *expr, const char *file, int line)
{
	if (!ok) {
		fprintf(stderr, "  FAIL %s:%d: %s\n", file, line, expr);
		current_failed = 1;
	}
}

void harness_check_int(long long got, long long want, const char *expr,
                       const char *file, int line)
{
	if (got != want) {
		fprintf(stderr, "  FAIL %s:%d: %s == %lld, want %lld\n", file, line,
		        expr, got, want);
		current_failed = 1;
	}
}

void harness_check_str(const char *got, const char *want, const char *expr,
                       const char *file, int line)
{
	if (!got || !want ? got != want : strcmp(got, want) != 0) {
		fprintf(stderr, "  FAIL %s:%d: %s == \"%s\", want \"%s\"\n", file,
		        line, expr, got ? got : "(null)", want ? want : "(null)");
		current_failed = 1;
	}
}

void harness_run(const char *name, void (*fn)(void))
{
	current_failed = 0;
	fn();
	if (current_failed) {
		failed++;
		fprintf(stderr, "FAIL %s\n", name);
	} else {
		passed++;
	}
}

int harness_done(void)
{
	/* tests/run.sh adds these lines up. */
	printf("RESULT %d %d\n", passed, failed);
	return failed ? 1 : 0;
}

const char *harness_shared(const char *rel)
{
	static char path[4096];
	const char *base = getenv("NF_SHARED");
	snprintf(path, sizeof path, "%s/%s", base ? base : "../shared", rel);
	return path;
}

char *harness_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	size_t r;
	while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += r;
		if (cap - n - 1 == 0) {
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
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		if (len)
			*len = n;
	}
	return buf;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **harness_list(const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	size_t n = 0, cap = 16;
	char **list = malloc(cap * sizeof *list);
	struct dirent *e;
	size_t sl = strlen(suffix);
	while (list && (e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l < sl || strcmp(e->d_name + l - sl, suffix) || e->d_name[0] == '.')
			continue;
		if (n + 1 >= cap) {
			char **p = realloc(list, (cap *= 2) * sizeof *list);
			if (!p)
				break;
			list = p;
		}
		size_t pl = strlen(dir) + l + 2;
		list[n] = malloc(pl);
		snprintf(list[n], pl, "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (!list)
		return NULL;
	list[n] = NULL;
	qsort(list, n, sizeof *list, cmp_str);
	return list;
}

void harness_list_free(char **list)
{
	for (size_t i = 0; list && list[i]; i++)
		free(list[i]);
	free(list);
}

static json_object *brief(const char **names, const char **texts,
                          const size_t *lens, size_t n)
{
	json_object *j = NULL;
	nf_ctx *ctx = nf_ctx_new();
	nf_corpus *c = NULL;
	nf_brief *b = NULL;
	char *out = NULL;
	size_t outlen;
	if (!ctx || nf_corpus_new(&c, ctx))
		goto done;
	for (size_t i = 0; i < n; i++)
		if (nf_corpus_add(c, names[i], texts[i], lens[i], NF_INPUT_AUTO))
			fprintf(stderr, "  harness: %s\n", nf_ctx_errmsg(ctx));
	if (nf_brief_build(&b, c, NULL) ||
	    nf_brief_render(&out, &outlen, b, NF_FORMAT_JSON, 0)) {
		fprintf(stderr, "  harness: %s\n", nf_ctx_errmsg(ctx));
		goto done;
	}
	j = json_tokener_parse(out);
done:
	nf_free(out);
	nf_brief_free(b);
	nf_corpus_free(c);
	nf_ctx_free(ctx);
	return j;
}

json_object *harness_brief_texts(const char **names, const char **texts,
                                 size_t n)
{
	size_t *lens = calloc(n ? n : 1, sizeof *lens);
	for (size_t i = 0; i < n; i++)
		lens[i] = strlen(texts[i]);
	json_object *j = brief(names, texts, lens, n);
	free(lens);
	return j;
}

json_object *harness_brief_files(char **files, size_t n)
{
	const char **texts = calloc(n ? n : 1, sizeof *texts);
	size_t *lens = calloc(n ? n : 1, sizeof *lens);
	json_object *j = NULL;
	for (size_t i = 0; i < n; i++)
		if (!(texts[i] = harness_read(files[i], &lens[i]))) {
			fprintf(stderr, "  harness: cannot read %s\n", files[i]);
			goto done;
		}
	j = brief((const char **)files, texts, lens, n);
done:
	for (size_t i = 0; i < n; i++)
		free((char *)texts[i]);
	free(texts);
	free(lens);
	return j;
}

json_object *hj_get(json_object *o, const char *key)
{
	json_object *v = NULL;
	if (o && json_object_is_type(o, json_type_object))
		json_object_object_get_ex(o, key, &v);
	return v;
}

const char *hj_str(json_object *o, const char *key)
{
	json_object *v = hj_get(o, key);
	return v && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

size_t hj_len(json_object *a)
{
	return a && json_object_is_type(a, json_type_array) ? json_object_array_length(a) : 0;
}

json_object *hj_at(json_object *a, size_t i)
{
	return i < hj_len(a) ? json_object_array_get_idx(a, i) : NULL;
}

json_object *hj_source(json_object *brief, const char *prefix)
{
	json_object *src = hj_get(brief, "sources");
	for (size_t i = 0; i < hj_len(src); i++) {
		const char *id = hj_str(hj_at(src, i), "id");
		if (id && !strncmp(id, prefix, strlen(prefix)))
			return hj_at(src, i);
	}
	return NULL;
}

static int str_is(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

json_object *hj_figure(json_object *brief, const char *measure, const char *status)
{
	json_object *figs = hj_get(brief, "figures");
	for (size_t i = 0; i < hj_len(figs); i++) {
		json_object *f = hj_at(figs, i);
		if (str_is(hj_str(f, "measure"), measure) &&
		    (!status || str_is(hj_str(f, "status"), status)))
			return f;
	}
	return NULL;
}

json_object *hj_claim(json_object *f, double value)
{
	json_object *cl = hj_get(f, "claims");
	for (size_t i = 0; i < hj_len(cl); i++) {
		json_object *c = hj_at(cl, i);
		if (json_object_get_double(hj_get(c, "value")) == value &&
		    !json_object_get_boolean(hj_get(c, "part")))
			return c;
	}
	return NULL;
}

int hj_contains(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (; s && *s; s++) {
		size_t i = 0;
		while (i < n && s[i] && tolower((unsigned char)s[i]) == tolower((unsigned char)w[i]))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

json_object *hj_entity_with(json_object *brief, const char *const *spellings)
{
	json_object *ents = hj_get(brief, "entities");
	for (size_t i = 0; i < hj_len(ents); i++) {
		json_object *e = hj_at(ents, i), *v = hj_get(e, "variants");
		int all = 1;
		for (const char *const *s = spellings; *s && all; s++) {
			int found = hj_str(e, "name") && strstr(hj_str(e, "name"), *s);
			for (size_t k = 0; k < hj_len(v) && !found; k++)
				found = strstr(json_object_get_string(hj_at(v, k)), *s) != NULL;
			all = found;
		}
		if (all)
			return e;
	}
	return NULL;
}

json_object *hj_first_day_event(json_object *brief)
{
	json_object *tl = hj_get(brief, "timeline");
	for (size_t i = 0; i < hj_len(tl); i++) {
		const char *d = hj_str(hj_at(tl, i), "date"), *e = hj_str(hj_at(tl, i), "end");
		if (d && e && !strcmp(d, e))
			return hj_at(tl, i);
	}
	return NULL;
}
