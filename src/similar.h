/*
 * similar.h - sentence similarity across the documents of a corpus.
 *
 * Every sentence becomes a set of features (stems of content words, name
 * skeletons and numbers) weighted by their inverse sentence frequency in
 * the corpus; two sentences are as similar as the cosine of those weighted
 * sets. An inverted index over the rarer features finds a sentence's near
 * neighbours in other documents without comparing all pairs. Used by the
 * copies and summarize stages; any stage may use it (nf_sim_build interns
 * name skeletons, "\1" + consonants, in the corpus lexicon).
 */
#ifndef NF_SIMILAR_H
#define NF_SIMILAR_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

typedef struct nf_sim_sent {
	uint32_t doc, sent; /* document index, sentence index in it */
	uint32_t f0, nf;    /* features feats[f0 .. f0+nf), ascending ids */
	uint32_t words;     /* word and number tokens of the sentence */
	float norm;         /* L2 norm of the feature weights */
	float unindexed;    /* sum of squared weights of unindexed features */
} nf_sim_sent;

typedef struct nf_sim_hit {
	uint32_t sent;      /* sentence number in nf_sim.sents */
	float score;        /* cosine */
} nf_sim_hit;

typedef struct nf_sim {
	nf_sim_sent *sents;  /* all sentences, document by document */
	size_t nsents;
	size_t *doc_sent0;   /* first sentence number of each doc; ndocs+1 */
	uint32_t *feats;     /* feature ids (lexicon ids) of every sentence */
	size_t nfeats;
	size_t nids;         /* lexicon size when built */
	float *weight;       /* idf weight by lexicon id */
	uint32_t *df;        /* sentences holding the feature, by lexicon id */
	uint32_t *post0;     /* postings of id: post[post0[id] .. post0[id+1]) */
	uint32_t *post;      /* sentence numbers, ascending */
	uint32_t df_cap;     /* features in more sentences are not indexed */
	float *acc;          /* query scratch, one per sentence */
	uint32_t *touched;
} nf_sim;

/* Features and index of every sentence of c. Free with nf_sim_free(). */
nf_status nf_sim_build(nf_sim *s, nf_corpus *c);
void nf_sim_free(nf_sim *s);

/* Weighted cosine of sentences a and b (numbers in s->sents). */
float nf_sim_cosine(const nf_sim *s, size_t a, size_t b);

/* Sentences of documents other than a's with cosine >= min to sentence a,
 * appended to hits (nf_sim_hit) in ascending sentence order. min must be
 * > 0: pairs sharing only very common features are never found. */
nf_status nf_sim_near(nf_sim *s, size_t a, float min, nf_vec *hits);

/* Keeps, of the hits appended from index `from` on (in ascending sentence
 * order, as nf_sim_near gives them), the best one of each document. */
void nf_sim_best_per_doc(const nf_sim *s, nf_vec *hits, size_t from);

#endif
