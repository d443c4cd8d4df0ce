/* vec.c - growable array (see vec.h). */
#include "vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *nf_vec_push(nf_vec *v, size_t elsize)
{
	if (v->len == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;
		if (cap > SIZE_MAX / elsize)
			return NULL;
		void *p = realloc(v->data, cap * elsize);
		if (!p)
			return NULL;
		v->data = p;
		v->cap = cap;
	}
	void *slot = (char *)v->data + v->len * elsize;
	memset(slot, 0, elsize);
	v->len++;
	return slot;
}

void nf_vec_free(nf_vec *v)
{
	free(v->data);
	v->data = NULL;
	v->len = v->cap = 0;
}
