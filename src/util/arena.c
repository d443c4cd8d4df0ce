/*
 * arena.c - chunked bump allocator (see arena.h).
 *
 * Chunks grow geometrically up to 2 MiB so a five-article brief touches a
 * few pages and a 500-article one does not make thousands of mallocs. A
 * request larger than a chunk gets a chunk of its own. Only chunks of the
 * full size go to a pool, so any pooled chunk serves any request up to
 * that size; the smaller first chunks are too few to matter.
 *
 * A full-size chunk is one huge page: 2 MiB, aligned to 2 MiB, marked for
 * transparent huge pages where the system offers them (Linux's
 * MADV_HUGEPAGE; elsewhere it is an ordinary allocation). A corpus of 500
 * articles holds megabytes of tokens, and in 4 KiB pages every page's
 * first touch was a page fault and every few kilobytes a TLB miss: with
 * huge pages bench_text took 6,600 page faults instead of 33,700, and
 * cleaning + tokenizing ran 7% faster on a stream of corpora, 23% with a
 * context per corpus (bench/README.md). Rejected: mmap of each chunk (a
 * system call per chunk where malloc reuses memory).
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"

#define ALIGN 16
#define FIRST_CHUNK 4096

struct nf_arena_chunk {
	nf_arena_chunk *next;
	size_t size, used;
	_Alignas(ALIGN) unsigned char data[];
};

/* The data of a full-size chunk: a huge page less the header. */
#define MAX_CHUNK (NF_HUGE_PAGE - sizeof(nf_arena_chunk))

/* alloc_raw(): size bytes, not zeroed, for copies, which write every byte;
 * nf_arena_alloc() zeroes them. */
#ifdef NF_ARENA_MALLOC
static void *alloc_raw(nf_arena *a, size_t size)
{
	if (size > SIZE_MAX - sizeof(nf_arena_chunk))
		return NULL;
	nf_arena_chunk *c = malloc(sizeof *c + size);
	if (!c)
		return NULL;
	c->size = c->used = size;
	c->next = a->head;
	a->head = c;
	a->used += size;
	return c->data;
}
#else
/* A chunk with size bytes of data; a full-size one is a huge page. */
static nf_arena_chunk *chunk_new(size_t size)
{
	if (size != MAX_CHUNK)
		return malloc(sizeof(nf_arena_chunk) + size);
	return nf_pages_huge(aligned_alloc(NF_HUGE_PAGE, NF_HUGE_PAGE), NF_HUGE_PAGE);
}

static void *alloc_raw(nf_arena *a, size_t size)
{
	if (size > SIZE_MAX / 2)
		return NULL;
	size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	nf_arena_chunk *c = a->head;
	if ((!c || c->size - c->used < size) && a->pool && a->pool->free && size <= MAX_CHUNK) {
		nf_arena_chunk *n = a->pool->free;
		a->pool->free = n->next;
		a->pool->bytes -= n->size;
		n->used = 0;
		n->next = c;
		a->head = c = n;
	}
	if (!c || c->size - c->used < size) {
		size_t want = c ? c->size * 2 : FIRST_CHUNK;
		if (want > MAX_CHUNK)
			want = MAX_CHUNK;
		if (want < size)
			want = size;
		nf_arena_chunk *n = chunk_new(want);
		if (!n)
			return NULL;
		n->size = want;
		n->used = 0;
		/* Keep filling the current chunk if the new one is a one-off
		 * for a large request. */
		if (c && want == size && c->size - c->used > 256) {
			n->next = c->next;
			c->next = n;
		} else {
			n->next = c;
			a->head = n;
		}
		c = n;
	}
	void *p = c->data + c->used;
	c->used += size;
	a->used += size;
	return p;
}
#endif

void *nf_arena_alloc(nf_arena *a, size_t size)
{
	void *p = alloc_raw(a, size);
	if (p)
		memset(p, 0, size);
	return p;
}

void *nf_arena_array(nf_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return nf_arena_alloc(a, n && size ? n * size : 1);
}

void *nf_arena_memdup(nf_arena *a, const void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	void *q = alloc_raw(a, n && size ? n * size : 1);
	if (q && n && size)
		memcpy(q, p, n * size);
	return q;
}

char *nf_arena_strndup(nf_arena *a, const char *s, size_t len)
{
	if (len == SIZE_MAX)
		return NULL;
	char *p = alloc_raw(a, len + 1);
	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *nf_arena_strdup(nf_arena *a, const char *s)
{
	return s ? nf_arena_strndup(a, s, strlen(s)) : NULL;
}

void nf_arena_free(nf_arena *a)
{
	nf_arena_chunk *c = a->head;
	while (c) {
		nf_arena_chunk *next = c->next;
#ifndef NF_ARENA_MALLOC /* there, each object is a chunk of its own size */
		nf_arena_pool *p = a->pool;
		if (p && c->size == MAX_CHUNK && p->max_bytes - p->bytes >= c->size) {
			c->next = p->free;
			p->free = c;
			p->bytes += c->size;
			c = next;
			continue;
		}
#endif
		free(c);
		c = next;
	}
	a->head = NULL;
	a->used = 0;
}

void nf_arena_pool_free(nf_arena_pool *p)
{
	while (p->free) {
		nf_arena_chunk *next = p->free->next;
		free(p->free);
		p->free = next;
	}
	p->bytes = 0;
}
