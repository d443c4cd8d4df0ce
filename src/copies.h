/*
 * copies.h - coverage of one article by another, for tests and tools (the
 * stage itself is nf_copies_link in stages.h).
 */
#ifndef NF_COPIES_H
#define NF_COPIES_H

#include "model.h"

typedef struct nf_coverage {
	int copy, orig;   /* document indexes */
	double coverage;  /* share of copy's content in sentences that have a
	                     match in orig, 0..1 */
	double verbatim;  /* share in sentences matched almost word for word */
	size_t matched;   /* content features in those sentences */
	size_t content;   /* content features of the copy, matched or not */
} nf_coverage;

/* Appends an nf_coverage to out for every ordered pair of documents with
 * at least one matched sentence; documents must be analysed (tokens and
 * sentences). */
nf_status nf_copies_coverage(nf_corpus *c, nf_vec *out);

#endif
