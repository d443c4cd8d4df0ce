/*
 * pages.c - memory read at random (see pages.h).
 */
#define _DEFAULT_SOURCE /* madvise() and MADV_HUGEPAGE beside POSIX */
#include "pages.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Bytes of a cache line. */
#define LINE 64

void *nf_pages_huge(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
	uintptr_t lo = ((uintptr_t)p + NF_HUGE_PAGE - 1) & ~(uintptr_t)(NF_HUGE_PAGE - 1);
	uintptr_t hi = ((uintptr_t)p + bytes) & ~(uintptr_t)(NF_HUGE_PAGE - 1);
	if (p && hi > lo)
		madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
	(void)bytes;
#endif
	return p;
}

void *nf_table_calloc(size_t n, size_t size)
{
	if (size && n > (SIZE_MAX - NF_HUGE_PAGE) / size)
		return NULL;
	size_t bytes = n * size, align = bytes < NF_HUGE_PAGE ? LINE : NF_HUGE_PAGE;
	/* aligned_alloc() wants a multiple of the alignment */
	void *t = aligned_alloc(align, (bytes + align - 1) & ~(align - 1));
	return t ? memset(nf_pages_huge(t, bytes), 0, bytes) : NULL;
}
