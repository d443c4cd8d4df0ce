/*
 * lexicon.c - interned word forms with cached stems (see lexicon.h).
 *
 * Open addressing with linear probing over xxh3 hashes; the table doubles at
 * 50% load. Stems are Snowball's English stems: stem.c's for lower-case
 * ASCII words (the same stems, at a third of the cost: see there), else
 * libstemmer's, which expects lower-case UTF-8 and returns a buffer valid
 * until its next call, so the stem is interned at once.
 */
#include "lexicon.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
/* Inlined: hashing a five-byte word through a shared-library call costs
 * more than the hash itself, and this runs once per token. */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "stem.h"
#include "util/arena.h"

#define MAX_WORD 4096 /* longer "words" are not stemmed */

/* A slot holds the id and the high half of the hash, so a probe that
 * misses is settled in the slot array without reading the entry (most of
 * a large corpus's lexicon is out of cache). */
struct nf_lex_slot {
	uint32_t id, check;
};

static uint32_t check_of(uint64_t h)
{
	return (uint32_t)(h >> 32);
}

int nf_lex_init(nf_lex *lex, nf_arena *arena)
{
	memset(lex, 0, sizeof *lex);
	lex->arena = arena;
	lex->nslots = 1024;
	lex->cap = 512;
	lex->slots = calloc(lex->nslots, sizeof *lex->slots);
	lex->entries = calloc(lex->cap, sizeof *lex->entries);
	lex->small = calloc(NF_LEX_SMALL, sizeof *lex->small);
	lex->count = 1;
	if (!lex->slots || !lex->entries || !lex->small) {
		nf_lex_free(lex);
		return -1;
	}
	return 0;
}

void nf_lex_free(nf_lex *lex)
{
	free(lex->slots);
	free(lex->entries);
	free(lex->small);
	if (lex->stemmer)
		sb_stemmer_delete(lex->stemmer);
	memset(lex, 0, sizeof *lex);
}

static int grow(nf_lex *lex)
{
	uint32_t n = lex->nslots * 2;
	struct nf_lex_slot *slots = calloc(n, sizeof *slots);
	if (!slots)
		return -1;
	for (uint32_t id = 1; id < lex->count; id++) {
		uint64_t h = lex->entries[id].hash;
		uint32_t i = (uint32_t)h & (n - 1);
		while (slots[i].id)
			i = (i + 1) & (n - 1);
		slots[i] = (struct nf_lex_slot){id, check_of(h)};
	}
	free(lex->slots);
	lex->slots = slots;
	lex->nslots = n;
	return 0;
}

static uint32_t lookup(const nf_lex *lex, const char *s, size_t len,
                       uint64_t h, uint32_t *slot)
{
	uint32_t mask = lex->nslots - 1, i = (uint32_t)h & mask, id, check = check_of(h);
	while ((id = lex->slots[i].id)) {
		if (lex->slots[i].check == check) {
			const nf_lex_entry *e = &lex->entries[id];
			if (e->hash == h && e->len == len && !memcmp(e->str, s, len))
				return id;
		}
		i = (i + 1) & mask;
	}
	*slot = i;
	return 0;
}

uint32_t nf_lex_find(const nf_lex *lex, const char *s, size_t len)
{
	uint32_t slot;
	return lookup(lex, s, len, XXH3_64bits(s, len), &slot);
}

static uint32_t intern(nf_lex *lex, const char *s, size_t len)
{
	if (len > UINT32_MAX)
		return 0;
	uint64_t h = XXH3_64bits(s, len);
	uint32_t slot, id = lookup(lex, s, len, h, &slot);
	if (id)
		return id;
	if (lex->count == UINT32_MAX)
		return 0;
	if ((lex->count + 1) * 2 > lex->nslots) {
		if (grow(lex))
			return 0;
		lookup(lex, s, len, h, &slot);
	}
	if (lex->count == lex->cap) {
		nf_lex_entry *e = realloc(lex->entries, lex->cap * 2 * sizeof *e);
		if (!e)
			return 0;
		lex->entries = e;
		lex->cap *= 2;
	}
	char *str = nf_arena_strndup(lex->arena, s, len);
	if (!str)
		return 0;
	id = lex->count++;
	lex->entries[id] = (nf_lex_entry){str, (uint32_t)len, 0, 0, h};
	lex->slots[slot] = (struct nf_lex_slot){id, check_of(h)};
	return id;
}

uint32_t nf_lex_intern_miss(nf_lex *lex, const char *s, size_t len, uint64_t key)
{
	uint32_t id = intern(lex, s, len);
	if (id)
		*nf_lex_small_slot(lex, key) = (nf_lex_small){key, (uint32_t)len, id, 0, 0};
	return id;
}

uint32_t nf_lex_intern(nf_lex *lex, const char *s, size_t len)
{
	if (len == 0 || len > 8)
		return intern(lex, s, len);
	return nf_lex_intern_key(lex, s, len, nf_lex_key(s, len));
}

uint32_t nf_lex_stem(nf_lex *lex, uint32_t id)
{
	nf_lex_entry *e = &lex->entries[id];
	if (e->stem)
		return e->stem;
	uint32_t stem = id;
	char buf[NF_STEM_MAX];
	size_t n = nf_stem_ascii(e->str, e->len, buf);
	if (n != (size_t)-1) {
		/* many words are their own stem: no second lookup */
		if (n != e->len || memcmp(buf, e->str, n))
			stem = nf_lex_intern(lex, buf, n);
	} else if (e->len <= MAX_WORD) {
		if (!lex->stemmer && !(lex->stemmer = sb_stemmer_new("english", NULL)))
			return 0;
		const sb_symbol *r = sb_stemmer_stem(
			lex->stemmer, (const sb_symbol *)e->str, (int)e->len);
		if (!r)
			return 0;
		stem = nf_lex_intern(lex, (const char *)r,
		                     (size_t)sb_stemmer_length(lex->stemmer));
	}
	if (!stem)
		return 0;
	lex->entries[id].stem = stem; /* entries may have moved */
	return stem;
}
