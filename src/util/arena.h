/*
 * arena.h - bump allocation for objects that live as long as their owner.
 *
 * A corpus and a brief each own one arena: every string, token and claim
 * they hold is carved from it and freed at once with the owner. Built with
 * -DNF_ARENA_MALLOC (the sanitizer build), every allocation is a separate
 * malloc so AddressSanitizer sees the bounds of each object.
 *
 * A pool keeps the full-size chunks of freed arenas for the next arenas
 * to use, up to a byte cap: a stream of corpora (a server, the cluster
 * command) then reuses warm pages instead of faulting in fresh ones for
 * every corpus (page faults were about a tenth of cleaning and tokenizing
 * a corpus). An arena with no pool mallocs and frees its chunks itself.
 */
#ifndef NF_ARENA_H
#define NF_ARENA_H

#include <stddef.h>

typedef struct nf_arena_chunk nf_arena_chunk;

typedef struct nf_arena_pool {
	nf_arena_chunk *free; /* chunks to reuse, all of the full chunk size */
	size_t bytes, max_bytes; /* held, and the most it may hold */
} nf_arena_pool;

#define NF_ARENA_POOL_INIT(max_bytes) {NULL, 0, (max_bytes)}

typedef struct nf_arena {
	nf_arena_chunk *head;
	size_t used; /* total bytes handed out, for limits and statistics */
	nf_arena_pool *pool; /* borrowed; NULL for none */
} nf_arena;

#define NF_ARENA_INIT {NULL, 0, NULL}

/* size bytes aligned for any object, zero-filled; NULL when out of memory. */
void *nf_arena_alloc(nf_arena *a, size_t size);
/* n objects of size each, with overflow checked; zero-filled. */
void *nf_arena_array(nf_arena *a, size_t n, size_t size);
/* A copy of the n objects of size bytes each at p (p may be NULL when n is
 * 0); NULL when out of memory. */
void *nf_arena_memdup(nf_arena *a, const void *p, size_t n, size_t size);
/* A NUL-terminated copy of s[0..len). */
char *nf_arena_strndup(nf_arena *a, const char *s, size_t len);
char *nf_arena_strdup(nf_arena *a, const char *s);
/* Frees everything (full-size chunks go to the pool while it has room);
 * the arena can be used again, with the same pool. */
void nf_arena_free(nf_arena *a);
/* Frees the chunks the pool holds; it can be used again. */
void nf_arena_pool_free(nf_arena_pool *p);

#endif
