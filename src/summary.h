/*
 * summary.h - what the summary's files share. summarize.c runs the stage
 * and orders and cites the result; summary_units.c makes the candidate
 * units (sentences that stand alone, and their compressed forms);
 * summary_concepts.c weighs the story's concepts (words and word pairs)
 * and lists each unit's; summary_select.c picks the units that cover the
 * most concept weight within the word budget.
 */
#ifndef NF_SUMMARY_H
#define NF_SUMMARY_H

#include <stddef.h>
#include <stdint.h>

#include "similar.h"

/* Runs of kept tokens a compressed sentence may have: without two
 * parentheses and a trailing attribution it is four; a sentence that
 * would need more is not compressed. */
#define NF_UNIT_RUNS 4

/* A run of tokens of one document: doc->toks[tok0 .. tok0 + ntok). */
typedef struct nf_run {
	uint32_t tok0, ntok;
} nf_run;

/* A candidate summary unit: a whole sentence, or a sentence with some of
 * its tokens dropped. */
typedef struct nf_unit {
	uint32_t sent;              /* sentence number in nf_sim */
	uint32_t doc, pos;          /* document index, sentence index in it */
	nf_run runs[NF_UNIT_RUNS];  /* the kept tokens, in order */
	uint8_t nruns;
	uint8_t cap;                /* the first letter is to be capitalised */
	uint32_t words;             /* white-space separated words of its text */
	uint32_t c0, nc;            /* its concepts: ids[c0 .. c0 + nc) */
	float value;                /* concept weight it holds */
	float bonus;                /* its own worth, beside its concepts */
} nf_unit;

/* summary_units.c: the units of every sentence of c that can stand alone,
 * appended to units (nf_unit), whole sentence first. */
nf_status nf_units_make(const nf_corpus *c, const nf_sim *s, nf_vec *units);

/* The text of unit u: its runs joined, white space made single spaces,
 * the first letter capitalised where u->cap says; in arena a. */
char *nf_unit_text(nf_arena *a, const nf_corpus *c, const nf_unit *u);

/* Concept weights of a corpus and the concepts of its units. */
typedef struct nf_concepts {
	float *weight;    /* by concept id */
	size_t n;         /* concepts kept */
	uint32_t *ids;    /* the units' concept ids, unit after unit */
	size_t nids;
	size_t sources;   /* independent sources (copy groups) of the corpus */
} nf_concepts;

/* summary_concepts.c: weighs the words and word pairs of every sentence
 * of c and fills each unit's c0, nc and value. Free with
 * nf_concepts_free(). */
nf_status nf_concepts_build(nf_concepts *k, const nf_corpus *c, nf_unit *units,
                            size_t nunits);
void nf_concepts_free(nf_concepts *k);

/* Something ranked by a score, and qsort's order for it: highest score
 * first, then lowest id (summary_concepts.c). */
typedef struct nf_ranked {
	float score;
	uint32_t id;
} nf_ranked;

int nf_ranked_cmp(const void *x, const void *y);

/* Two units that may not both be chosen (restating each other). */
typedef struct nf_conflict {
	uint32_t a, b;
} nf_conflict;

/* summary_select.c: the units (indexes into units, ascending) whose
 * concepts and bonuses weigh most within budget words, no two of one
 * sentence (the units of a sentence must be adjacent in units) and no
 * conflicting pair, appended to chosen (uint32_t). When no unit fits the
 * budget, the most valuable one goes in alone, so a summary is never
 * empty. */
nf_status nf_select(const nf_concepts *k, const nf_unit *units, size_t nunits,
                    const nf_conflict *conflicts, size_t nconflicts,
                    size_t budget, nf_vec *chosen);

#endif
