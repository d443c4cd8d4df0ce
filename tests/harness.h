/*
 * harness.h - the test harness: checks that count, and helpers to read the
 * shared data sets and brief files through the public API.
 *
 * A test binary is a main() that calls RUN() on each test function and
 * returns harness_done(). Failed checks print file:line and the expression;
 * a test counts as failed if any of its checks failed.
 */
#ifndef NF_HARNESS_H
#define NF_HARNESS_H

#include <stddef.h>
#include <json-c/json.h>

#include "newsfuse.h"

void harness_check(int ok, const char *expr, const char *file, int line);
void harness_run(const char *name, void (*fn)(void));
int harness_done(void);

#define CHECK(cond) harness_check(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_INT(a, b) \
	harness_check_int((long long)(a), (long long)(b), #a, __FILE__, __LINE__)
#define CHECK_STR(a, b) harness_check_str((a), (b), #a, __FILE__, __LINE__)
#define RUN(fn) harness_run(#fn, fn)

void harness_check_int(long long got, long long want, const char *expr,
                       const char *file, int line);
void harness_check_str(const char *got, const char *want, const char *expr,
                       const char *file, int line);

/* Path of a file under the shared data folder ($NF_SHARED, else ../shared
 * beside the repository). Returns a static buffer. */
const char *harness_shared(const char *rel);
/* Whole file in a malloc'd NUL-terminated buffer, or NULL. */
char *harness_read(const char *path, size_t *len);
/* Files in dir matching suffix, sorted; NULL-terminated, malloc'd. */
char **harness_list(const char *dir, const char *suffix);
void harness_list_free(char **list);

/* Briefs the named files (text or JSONL) with default options and returns
 * the parsed JSON output (caller puts it with json_object_put()), or NULL. */
json_object *harness_brief_files(char **files, size_t n);
/* Same for in-memory articles: texts[i] named names[i]. */
json_object *harness_brief_texts(const char **names, const char **texts,
                                 size_t n);

/* Reading a brief's JSON: NULL-safe lookups. */
json_object *hj_get(json_object *o, const char *key);
const char *hj_str(json_object *o, const char *key);  /* NULL unless a string */
size_t hj_len(json_object *array);                     /* 0 unless an array */
json_object *hj_at(json_object *array, size_t i);
/* The source whose id starts with prefix. */
json_object *hj_source(json_object *brief, const char *prefix);
/* The first figure on measure (with status, unless NULL). */
json_object *hj_figure(json_object *brief, const char *measure, const char *status);
/* A claim of figure with this value that is not a part of a larger total. */
json_object *hj_claim(json_object *figure, double value);
/* The entity whose name or variants hold every one of the spellings
 * (NULL-terminated list). */
json_object *hj_entity_with(json_object *brief, const char *const *spellings);
/* The first timeline event dated to one day (not a span such as "last
 * week"), NULL when none. */
json_object *hj_first_day_event(json_object *brief);
/* Case-insensitive substring test. */
int hj_contains(const char *s, const char *w);

#endif
