/*
 * pages.h - memory read at random: tables on cache lines, and from a huge
 * page up on huge pages, marked for them.
 *
 * A big table read at random (the clusterer's frequencies and index, the
 * word memo) or an arena's chunk in 4 KiB pages misses the TLB on nearly
 * every read, and each page's first touch is a fault; Linux's transparent
 * huge pages (MADV_HUGEPAGE) take 2 MiB at a time. Elsewhere the advice
 * is left out and the memory is ordinary.
 */
#ifndef NF_PAGES_H
#define NF_PAGES_H

#include <stddef.h>

/* x86-64's transparent huge page. */
#define NF_HUGE_PAGE ((size_t)1 << 21)

/* Marks the whole huge pages within p[0..bytes) for transparent huge
 * pages (advice only: ignored where refused); returns p, NULL too. */
void *nf_pages_huge(void *p, size_t bytes);

/* n zeroed elements of size bytes, on a cache line, and from a huge page
 * up aligned to huge pages and marked for them (a slot then never
 * straddles two lines when its size divides 64); NULL when out of memory
 * or when n * size overflows. Free with free(). */
void *nf_table_calloc(size_t n, size_t size);

#endif
