/*
 * test_linkage.c - average-linkage agglomeration (linkage.c): merges stop
 * at the threshold, a pair is judged by the average of all its pairs, two
 * tight groups that are merely alike stay apart under the cohesion rule,
 * one item joins a large group from a lower bar, and a group of four
 * from it when one of its pairs there is high, items given as one start
 * together and their pairs are no part of a group's own average, two
 * groups that state different years stay apart, and groups are named by
 * their lowest item.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "linkage.h"

/* Scores of n items in groups of the given sizes: within a group `in`,
 * across groups `across`. */
static float *blocks(size_t n, const size_t *sizes, size_t ngroups, float in, float across)
{
	float *s = malloc(n * n * sizeof *s);
	size_t *of = malloc(n * sizeof *of);
	for (size_t g = 0, i = 0; g < ngroups; g++)
		for (size_t k = 0; k < sizes[g]; k++)
			of[i++] = g;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			s[i * n + j] = of[i] == of[j] ? in : across;
	free(of);
	return s;
}

/* Items from..to-1 are all in the group named want. */
static void in_group(const uint32_t *g, size_t from, size_t to, uint32_t want)
{
	for (size_t i = from; i < to; i++)
		CHECK_INT(g[i], want);
}

static void test_threshold(void)
{
	nf_linkage lk = {0};
	const size_t sizes[] = {3, 2};
	float *s = blocks(5, sizes, 2, 0.5f, 0.05f);
	uint32_t g[5];
	CHECK(nf_linkage_run(&lk, s, 5, 0.1, 0, NULL, NULL, g) == NF_OK);
	CHECK(g[0] == 0 && g[1] == 0 && g[2] == 0);
	CHECK(g[3] == 3 && g[4] == 3);
	/* above every score: nothing merges */
	CHECK(nf_linkage_run(&lk, s, 5, 0.6, 0, NULL, NULL, g) == NF_OK);
	for (uint32_t i = 0; i < 5; i++)
		CHECK_INT(g[i], i);
	/* below the cross score: one group */
	CHECK(nf_linkage_run(&lk, s, 5, 0.01, 0, NULL, NULL, g) == NF_OK);
	in_group(g, 0, 5, 0);
	free(s);
	nf_linkage_free(&lk);
}

/* Item 1 likes item 0 (0.8) but not item 2 (0): 0 and 2 merge first
 * (0.9), and 1's average with them is 0.4, so it joins at a threshold of
 * 0.35 but not at 0.5, though its best pair is 0.8. */
static void test_average(void)
{
	nf_linkage lk = {0};
	float s[9] = {0, 0.8f, 0.9f, 0.8f, 0, 0, 0.9f, 0, 0};
	uint32_t g[3];
	CHECK(nf_linkage_run(&lk, s, 3, 0.35, 0, NULL, NULL, g) == NF_OK);
	CHECK(g[0] == 0 && g[1] == 0 && g[2] == 0);
	CHECK(nf_linkage_run(&lk, s, 3, 0.5, 0, NULL, NULL, g) == NF_OK);
	CHECK(g[0] == 0 && g[2] == 0 && g[1] == 1);
	nf_linkage_free(&lk);
}

/* Two groups of four, 0.5 within and 0.2 across: average linkage at 0.1
 * joins them; the cohesion rule at 0.55 (0.2 < 0.55 * 0.5) keeps them
 * apart, but still lets a single item, or a pair, join a group. */
static void test_cohesion(void)
{
	nf_linkage lk = {0};
	const size_t sizes[] = {4, 4, 1};
	float *s = blocks(9, sizes, 3, 0.5f, 0.2f);
	uint32_t g[9];
	CHECK(nf_linkage_run(&lk, s, 9, 0.1, 0, NULL, NULL, g) == NF_OK);
	in_group(g, 0, 9, 0);
	CHECK(nf_linkage_run(&lk, s, 9, 0.1, 0.55, NULL, NULL, g) == NF_OK);
	in_group(g, 0, 4, 0);
	in_group(g, 4, 8, 4);
	CHECK(g[8] == 0 || g[8] == 4);
	free(s);
	const size_t pair[] = {4, 2};
	s = blocks(6, pair, 2, 0.5f, 0.2f);
	CHECK(nf_linkage_run(&lk, s, 6, 0.1, 0.55, NULL, NULL, g) == NF_OK);
	in_group(g, 0, 6, 0);
	free(s);
	nf_linkage_free(&lk);
}

/* One item at 0.05 from each of a group's members, the threshold 0.07:
 * it joins a group of eight (its average over eight is a steadier
 * measure, and clears 0.6 of the threshold), not a group of four. */
static void test_lone_item(void)
{
	nf_linkage lk = {0};
	const size_t eight[] = {8, 1}, four[] = {4, 1};
	float *s = blocks(9, eight, 2, 0.5f, 0.05f);
	uint32_t g[9];
	CHECK(nf_linkage_run(&lk, s, 9, 0.07, 0.55, NULL, NULL, g) == NF_OK);
	in_group(g, 0, 9, 0);
	free(s);
	s = blocks(5, four, 2, 0.5f, 0.05f);
	CHECK(nf_linkage_run(&lk, s, 5, 0.07, 0.55, NULL, NULL, g) == NF_OK);
	in_group(g, 0, 4, 0);
	CHECK_INT(g[4], 4);
	free(s);
	nf_linkage_free(&lk);
}

/* One item at 0.04 from a group's members but one, and 0.11 from that
 * one (above 1.5 times the threshold of 0.07): it joins a group of four
 * on its average of 0.0575, not a group of three on its 0.063. */
static void test_lone_item_one_pair(void)
{
	nf_linkage lk = {0};
	for (size_t n = 4; n <= 5; n++) {
		const size_t sizes[] = {n - 1, 1};
		float *s = blocks(n, sizes, 2, 0.5f, 0.04f);
		s[0 * n + (n - 1)] = s[(n - 1) * n + 0] = 0.11f;
		uint32_t g[5];
		CHECK(nf_linkage_run(&lk, s, n, 0.07, 0.55, NULL, NULL, g) == NF_OK);
		in_group(g, 0, n - 1, 0);
		CHECK_INT(g[n - 1], n == 5 ? 0 : n - 1);
		free(s);
	}
	nf_linkage_free(&lk);
}

/* pre puts item 3 with item 1 from the start, though they score nothing:
 * a copy stays with its original. */
static void test_pre(void)
{
	nf_linkage lk = {0};
	const size_t sizes[] = {4};
	float *s = blocks(4, sizes, 1, 0.0f, 0.0f);
	uint32_t pre[4] = {0, 1, 2, 1}, g[4];
	CHECK(nf_linkage_run(&lk, s, 4, 0.5, 0.55, pre, NULL, g) == NF_OK);
	CHECK_INT(g[0], 0);
	CHECK_INT(g[1], 1);
	CHECK_INT(g[2], 2);
	CHECK_INT(g[3], 1);
	CHECK(nf_linkage_run(&lk, s, 0, 0.5, 0, NULL, NULL, g) == NF_OK);
	free(s);
	nf_linkage_free(&lk);
}

/* Item 1 is a copy of item 0 (0.95), item 2 their event's other report
 * (0.4 with each); items 3 to 5 a tighter group (0.7), 0.3 from the first
 * three. Given as a copy (pre), its pair is no part of the first group's
 * own average, 0.4, and 0.3 clears 0.55 of it: one group. Given as plain
 * items, that average is 0.58 and 0.3 falls short of 0.55 of it: apart. */
static void test_copy_cohesion(void)
{
	nf_linkage lk = {0};
	float s[36];
	for (size_t i = 0; i < 6; i++)
		for (size_t j = 0; j < 6; j++)
			s[i * 6 + j] = (i < 3) != (j < 3) ? 0.3f : i < 3 ? 0.4f : 0.7f;
	s[0 * 6 + 1] = s[1 * 6 + 0] = 0.95f;
	uint32_t pre[6] = {0, 0, 2, 3, 4, 5}, g[6];
	CHECK(nf_linkage_run(&lk, s, 6, 0.07, 0.55, pre, NULL, g) == NF_OK);
	in_group(g, 0, 6, 0);
	CHECK(nf_linkage_run(&lk, s, 6, 0.07, 0.55, NULL, NULL, g) == NF_OK);
	in_group(g, 0, 3, 0);
	in_group(g, 3, 6, 3);
	nf_linkage_free(&lk);
}

/* Two groups of three (0.6 within, 0.5 across: the cohesion rule lets
 * them join). When two reports of each state a different year, they stay
 * apart; one report's year, or a year stated by too few of a group's
 * reports that state one, is no group's, and they join. */
static void test_years(void)
{
	nf_linkage lk = {0};
	size_t sizes[] = {3, 3};
	float *s = blocks(6, sizes, 2, 0.6f, 0.5f);
	uint32_t g[6];
	int differ[6] = {2005, 2005, 0, 2008, 0, 2008};
	CHECK(nf_linkage_run(&lk, s, 6, 0.07, 0.55, NULL, differ, g) == NF_OK);
	in_group(g, 0, 3, 0);
	in_group(g, 3, 6, 3);
	int one[6] = {2005, 0, 0, 2008, 0, 2008};
	CHECK(nf_linkage_run(&lk, s, 6, 0.07, 0.55, NULL, one, g) == NF_OK);
	in_group(g, 0, 6, 0);
	int same[6] = {2005, 2005, 0, 2005, 0, 2005};
	CHECK(nf_linkage_run(&lk, s, 6, 0.07, 0.55, NULL, same, g) == NF_OK);
	in_group(g, 0, 6, 0);
	free(s);
	/* two of four reports that state a year are too few for it */
	size_t four[] = {4, 3};
	s = blocks(7, four, 2, 0.6f, 0.5f);
	uint32_t g7[7];
	int mixed[7] = {2005, 2005, 2001, 2002, 2008, 0, 2008};
	CHECK(nf_linkage_run(&lk, s, 7, 0.07, 0.55, NULL, mixed, g7) == NF_OK);
	in_group(g7, 0, 7, 0);
	free(s);
	nf_linkage_free(&lk);
}

int main(void)
{
	RUN(test_threshold);
	RUN(test_average);
	RUN(test_cohesion);
	RUN(test_lone_item);
	RUN(test_lone_item_one_pair);
	RUN(test_pre);
	RUN(test_copy_cohesion);
	RUN(test_years);
	return harness_done();
}
