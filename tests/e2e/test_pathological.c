/*
 * test_pathological.c - hostile and extreme inputs through the whole
 * pipeline, each with a time limit: a 10 MB single token, 10 MB of tiny
 * sentences, a thousand identical articles, digit and capital storms. The
 * brief must come back (or fail cleanly) within the limit, never crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Briefs n copies of text; returns seconds taken, or -1 when it failed. */
static double brief_copies(const char *text, size_t n)
{
	const char **names = calloc(n, sizeof *names);
	const char **texts = calloc(n, sizeof *texts);
	char (*ids)[16] = calloc(n, sizeof *ids);
	for (size_t i = 0; i < n; i++) {
		snprintf(ids[i], sizeof ids[i], "a%zu.txt", i);
		names[i] = ids[i];
		texts[i] = text;
	}
	double t0 = now();
	json_object *b = harness_brief_texts(names, texts, n);
	double t = now() - t0;
	json_object_put(b);
	free(names);
	free(texts);
	free(ids);
	return b ? t : -1;
}

/* Sanitizer builds run several times slower; limits allow for that. */
static double limit(double seconds)
{
	return getenv("NF_SLOW") ? seconds * 8 : seconds;
}

static char *repeat(const char *unit, size_t total)
{
	size_t ul = strlen(unit);
	char *s = malloc(total + 1);
	for (size_t i = 0; i < total; i++)
		s[i] = unit[i % ul];
	s[total] = '\0';
	return s;
}

static void test_one_huge_token(void)
{
	char *s = repeat("x", 10u << 20);
	memcpy(s, "Title\n\n", 7);
	double t = brief_copies(s, 1);
	CHECK(t >= 0 && t < limit(5));
	free(s);
}

static void test_many_tiny_sentences(void)
{
	char *s = repeat("Ab cd. ", 10u << 20);
	memcpy(s, "Title\n\n", 7);
	double t = brief_copies(s, 1);
	CHECK(t >= 0 && t < limit(20));
	free(s);
}

static void test_identical_articles(void)
{
	const char *a = "Storm floods the harbour town\n\n"
	                "HARBOURTON, May 3 (Wire) - At least 14 people were killed "
	                "and 30 injured when a storm flooded Harbourton on Sunday, "
	                "Mayor Lina Ostrova said.\n\n"
	                "About 200 soldiers were deployed to the town on Monday.\n";
	double t = brief_copies(a, 1000);
	CHECK(t >= 0 && t < limit(5));
}

static void test_digit_and_capital_storms(void)
{
	char *d = repeat("12,345 67 killed 89 of 10 detained ", 2u << 20);
	memcpy(d, "Title\n\n", 7);
	double t = brief_copies(d, 1);
	CHECK(t >= 0 && t < limit(20));
	free(d);
	char *c = repeat("Alpha Beta Gamma Delta Epsilon said. ", 2u << 20);
	memcpy(c, "Title\n\n", 7);
	t = brief_copies(c, 1);
	CHECK(t >= 0 && t < limit(20));
	free(c);
}

static void test_long_lines_no_newline(void)
{
	char *s = repeat("word ", 4u << 20);
	double t = brief_copies(s, 2);
	CHECK(t >= 0 && t < limit(10));
	free(s);
}

int main(void)
{
	RUN(test_one_huge_token);
	RUN(test_many_tiny_sentences);
	RUN(test_identical_articles);
	RUN(test_digit_and_capital_storms);
	RUN(test_long_lines_no_newline);
	return harness_done();
}
