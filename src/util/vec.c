/* vec.c - growable array (see vec.h). */
#include "vec.h"

#include <stdint.h>
#include <stdlib.h>

int nf_vec_reserve(nf_vec *v, size_t n, size_t elsize)
{
	if (n <= v->cap - v->len)
		return 0;
	if (n > SIZE_MAX - v->len)
		return -1;
	size_t cap = v->cap ? v->cap : 16;
	while (cap < v->len + n) {
		if (cap > SIZE_MAX / 2)
			return -1;
		cap *= 2;
	}
	if (cap > SIZE_MAX / elsize)
		return -1;
	void *p = realloc(v->data, cap * elsize);
	if (!p)
		return -1;
	v->data = p;
	v->cap = cap;
	return 0;
}

void nf_vec_free(nf_vec *v)
{
	free(v->data);
	v->data = NULL;
	v->len = v->cap = 0;
}
