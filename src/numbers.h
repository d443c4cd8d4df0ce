/*
 * numbers.h - amounts written in English news text: digits ("6,044",
 * "2.5 million"), number words ("three", "twenty-five", "a dozen") and
 * vague amounts ("dozens", "tens of thousands").
 */
#ifndef NF_NUMBERS_H
#define NF_NUMBERS_H

#include <stddef.h>

#include "model.h"

/* One amount read from tokens. high is NAN when the amount has no upper
 * bound (never the case here; qualifiers add that in figures.c). */
typedef struct nf_number {
	double value;     /* the point value; for vague amounts, low */
	double low, high; /* equal for exact amounts */
	int vague;        /* "dozens", "hundreds": an order of magnitude */
	int word;         /* spelled out ("three"), not digits */
	const char *vague_word; /* "dozens", "tens of thousands", ... or NULL */
	size_t ntok;      /* tokens read */
} nf_number;

/* Value of a digit string "6,044", "2.5", "1,200"; 0 when s is not a plain
 * cardinal (ordinals "2nd", misplaced commas "1,2", "1.2.3"). */
int nf_num_digits(const char *s, size_t len, double *out);
/* Value of a number word: "three", "eleven", "twenty-five", "dozen"; -1 when
 * w[0..len) (lower case) is not one. "a"/"an" and "one" are not special. */
double nf_num_word(const char *w, size_t len);
/* Multiplier word: "hundred" 100, "thousand", "million", "billion"; else 0. */
double nf_num_scale(const char *w, size_t len);
/* Vague amount word ("dozens", "hundreds", "thousands", "millions",
 * "scores", "several"): sets the range and returns 1, else 0. */
int nf_num_vague(const char *w, size_t len, double *low, double *high);

/* Reads the amount that starts at toks[i] (of n) of text: digits with an
 * optional scale ("2.5 million"), number words ("three hundred", "a
 * dozen", "two dozen"), vague amounts ("dozens", "tens of thousands",
 * "hundreds of thousands"). Returns the tokens read (out->ntok), 0 when
 * there is no amount at i. Years and other non-counts are the caller's
 * concern: this only reads. */
size_t nf_num_scan(const nf_corpus *c, const char *text, const nf_token *toks,
                   size_t n, size_t i, nf_number *out);

#endif
