/*
 * vec.h - a growable array of fixed-size elements.
 *
 * nf_vec_push() returns a zeroed slot to fill, or NULL when out of memory,
 * so callers write `T *x = nf_vec_push(&v, sizeof *x); if (!x) ...`.
 * Pointers into a vec are invalidated by the next push.
 */
#ifndef NF_VEC_H
#define NF_VEC_H

#include <stddef.h>
#include <string.h>

typedef struct nf_vec {
	void *data;
	size_t len, cap;
} nf_vec;

#define NF_VEC_INIT {NULL, 0, 0}

/* Room for n more elements of elsize bytes (capacity doubles); 0 on
 * success, -1 when out of memory. For callers that fill slots themselves. */
int nf_vec_reserve(nf_vec *v, size_t n, size_t elsize);

/* Inline: the clusterer pushes a term per distinct word of an article
 * (4.5 million calls for 10,000 articles of the synthetic stream), and
 * with elsize known at the call the zeroing is a few stores instead of a
 * call to memset (the call and memset were 2% of `newsfuse cluster`). */
static inline void *nf_vec_push(nf_vec *v, size_t elsize)
{
	if (v->len == v->cap && nf_vec_reserve(v, 1, elsize))
		return NULL;
	void *slot = (char *)v->data + v->len * elsize;
	memset(slot, 0, elsize);
	v->len++;
	return slot;
}
/* The i-th element, for elements of elsize bytes. */
#define NF_VEC_AT(v, T, i) (((T *)(v)->data)[i])
void nf_vec_free(nf_vec *v);

#endif
