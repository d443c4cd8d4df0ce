/*
 * bench_extract.c - newsfuse's side of bench/extract: every page of a
 * manifest (set, id, path, url; see prepare.py) read into memory, then
 * extracted REPEAT times through the public API (nf_page_extract, the
 * same call `newsfuse extract` makes); the clock covers extraction only
 * and is the process's CPU time, as the peers' are: the machine is shared,
 * and CPU time is what one core spends regardless of who else runs.
 * Writes one JSON line per page of the last run (id, text, title,
 * published, modified) for score.py, and on stdout "pages=N best_s=S median_s=S".
 *
 * usage: bench_extract MANIFEST OUT.jsonl REPEAT
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../bench_common.h"
#include "newsfuse.h"

typedef struct page {
	char *id, *path, *url, *data;
	size_t len;
} page;

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: bench_extract MANIFEST OUT.jsonl REPEAT\n");
		return 2;
	}
	int repeat = atoi(argv[3]) > 0 ? atoi(argv[3]) : 1;
	FILE *m = fopen(argv[1], "r");
	if (!m) {
		perror(argv[1]);
		return 2;
	}
	size_t n = 0, cap = 0;
	page *pages = NULL;
	char line[8192];
	while (fgets(line, sizeof line, m)) {
		line[strcspn(line, "\n")] = '\0';
		char *f[4] = {line, NULL, NULL, NULL};
		for (int k = 1; k < 4; k++) {
			char *t = f[k - 1] ? strchr(f[k - 1], '\t') : NULL;
			if (t) {
				*t = '\0';
				f[k] = t + 1;
			}
		}
		if (!f[2])
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			pages = realloc(pages, cap * sizeof *pages);
			if (!pages)
				return 1;
		}
		page *p = &pages[n];
		p->id = strdup(f[1]);
		p->path = strdup(f[2]);
		p->url = f[3] && *f[3] ? strdup(f[3]) : NULL;
		if (!(p->data = bench_read(p->path, &p->len)))
			return 1;
		n++;
	}
	fclose(m);
	nf_ctx *ctx = nf_ctx_new();
	double *times = calloc((size_t)repeat, sizeof *times);
	FILE *out = fopen(argv[2], "w");
	if (!ctx || !times || !out)
		return 1;
	for (int r = 0; r < repeat; r++) {
		int last = r == repeat - 1;
		double t = 0;
		for (size_t i = 0; i < n; i++) {
			nf_extract_options o = NF_EXTRACT_OPTIONS_INIT;
			o.url = pages[i].url;
			nf_page *pg = NULL;
			double t0 = cpu_now();
			nf_status st = nf_page_extract(&pg, ctx, pages[i].path, pages[i].data,
			                               pages[i].len, &o);
			t += cpu_now() - t0;
			if (last) {
				json_object *j = json_object_new_object();
				size_t tl = 0;
				const char *text = st ? "" : nf_page_text(pg, &tl);
				const char *title = st ? NULL : nf_page_get(pg, NF_PAGE_TITLE);
				const char *pub = st ? NULL : nf_page_get(pg, NF_PAGE_PUBLISHED);
				const char *mod = st ? NULL : nf_page_get(pg, NF_PAGE_MODIFIED);
				json_object_object_add(j, "id", json_object_new_string(pages[i].id));
				json_object_object_add(j, "text", json_object_new_string_len(text, (int)tl));
				json_object_object_add(j, "title", title ? json_object_new_string(title) : NULL);
				json_object_object_add(j, "published", pub ? json_object_new_string(pub) : NULL);
				json_object_object_add(j, "modified", mod ? json_object_new_string(mod) : NULL);
				fprintf(out, "%s\n", json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN));
				json_object_put(j);
			}
			nf_page_free(pg);
		}
		times[r] = t;
	}
	fclose(out);
	qsort(times, (size_t)repeat, sizeof *times, cmp_double);
	printf("pages=%zu best_s=%.4f median_s=%.4f\n", n, times[0], times[repeat / 2]);
	for (size_t i = 0; i < n; i++) {
		free(pages[i].id);
		free(pages[i].path);
		free(pages[i].url);
		free(pages[i].data);
	}
	free(pages);
	free(times);
	nf_ctx_free(ctx);
	return 0;
}
