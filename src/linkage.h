/*
 * linkage.h - average-linkage agglomerative clustering of a few hundred
 * items with known pairwise scores: how the clusterer groups the articles
 * of one batch before they meet the stories of the window (cluster.c).
 */
#ifndef NF_LINKAGE_H
#define NF_LINKAGE_H

#include <stddef.h>
#include <stdint.h>

#include "newsfuse.h"

/* Items a cluster needs before the cohesion rule reads its own average: a
 * pair's is the one score that made it, the highest around it, too high a
 * yardstick for the later, looser reports of its event (BCubed F1 at 3:
 * ECB+ 0.949, gva-dev 0.914, from 0.945 and 0.912 at 2, both halves of
 * each set up; at 4 ECB+ joins more of its split events but merges more of
 * its pairs of events, 0.948). cluster.c's join_follow_ups() reads it too. */
#define NF_COHESION_MIN 3

/* Scratch of one run, reused across runs (grows to the largest n). */
typedef struct nf_linkage {
	size_t cap;           /* items the arrays hold */
	float *sum;           /* cap * cap: summed scores between clusters */
	unsigned char *block; /* cap * cap: pairs refused by the cohesion rule */
	double *inner;        /* per cluster: summed scores of its own pairs */
	double *pairs;        /* per cluster: how many pairs inner sums (an
	                         item and its copy, put together by pre, are
	                         not one) */
	uint32_t *size, *best;
	float *best_w;
	unsigned char *alive;
} nf_linkage;

/* Groups items 0..n-1 given score[i * n + j] (symmetric; the diagonal is
 * ignored): repeatedly merges the two clusters of highest average pair
 * score while it is at least threshold (0.6 times it for one item and a
 * cluster of eight or more, or of four or more in which one of its pairs
 * scores 1.5 times the threshold), except that two clusters of three or
 * more items each merge only when that average is also at least
 * cohesion times the lower of their own average internal scores (two
 * tight groups that are merely alike stay apart). pre, when not NULL,
 * puts item i, a copy, in the cluster of item pre[i] <= i from the
 * start; the scores of such pairs are no part of an internal average.
 * year, when not NULL, is the year item i states (0: none): two clusters
 * whose items state different years never merge (linkage.c says when a
 * cluster states one). On return group[i] is the lowest item of i's
 * cluster. score is not modified. */
nf_status nf_linkage_run(nf_linkage *lk, const float *score, size_t n, double threshold,
                         double cohesion, const uint32_t *pre, const int *year,
                         uint32_t *group);

void nf_linkage_free(nf_linkage *lk);

#endif
