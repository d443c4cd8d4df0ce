/*
 * cluster.h - the clusterer's insides that the store (store.c) needs: an
 * article's term vector, hooks around each assignment, and restoring the
 * state a store saved. The public interface is nf_cluster_* in newsfuse.h.
 */
#ifndef NF_CLUSTER_H
#define NF_CLUSTER_H

#include <stdint.h>

#include "minhash.h"
#include "model.h"

/* Terms kept in an article's vector: its most telling ones. News articles
 * of 200-800 words have 60-200 distinct content terms; the 64 heaviest
 * (names, places, numbers, rare words) carry nearly all of the cosine
 * between two reports of one event. */
#define NF_CLUSTER_TERMS 64

typedef struct nf_term {
	uint64_t key; /* hash of the term's kind and text */
	float w;      /* weight; a vector has unit length */
} nf_term;

/* An article as the clusterer sees it. Terms ascend by key. */
typedef struct nf_tvec {
	uint32_t n;
	nf_term t[NF_CLUSTER_TERMS];
	uint32_t sig[NF_MINHASH]; /* shingle signature (minhash.h) */
	int32_t day;              /* days since 1970, NF_NO_DAY when unknown */
	int32_t event_day;        /* the day its text says its event was, or
	                             NF_NO_DAY (cluster.c, EVENT_SENTENCES) */
} nf_tvec;

#define NF_NO_DAY INT32_MIN

/* Called around each article by a store. skip returns 1 for an article
 * the store already holds: it is then neither clustered nor counted.
 * assigned gets the article, its assignment, its vector and its distinct
 * terms (what the document frequencies counted); a non-zero status stops
 * the batch and is returned by nf_cluster_add()/nf_cluster_flush(). */
typedef struct nf_cluster_hooks {
	int (*skip)(void *ud, const nf_doc *d);
	nf_status (*assigned)(void *ud, const nf_doc *d, const nf_cluster_item *it,
	                      const nf_tvec *v, const uint64_t *terms, size_t nterms);
	void *ud;
} nf_cluster_hooks;

void nf_cluster_set_hooks(nf_cluster *cl, const nf_cluster_hooks *h);

/* Restoring a saved state, before the first article is added: term
 * document frequencies and the number of articles they count; the next
 * story number; and the recent articles, oldest first, with their stories. */
void nf_cluster_restore_df(nf_cluster *cl, uint64_t term, uint32_t df);
void nf_cluster_restore_counts(nf_cluster *cl, uint64_t articles,
                               unsigned long long next_story);
nf_status nf_cluster_restore_article(nf_cluster *cl, const char *id,
                                     unsigned long long story, const nf_tvec *v);

/* A stable key for an article's content, for idempotent re-adding: the
 * hash of its id, headline and body. */
uint64_t nf_cluster_article_key(const nf_doc *d);

#endif
