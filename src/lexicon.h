/*
 * lexicon.h - interned word forms.
 *
 * Every distinct case-folded word of a corpus is stored once and named by a
 * small integer, so stages compare and count words as integers. Each entry
 * also caches its Snowball stem (another entry), computed the first time the
 * word is seen: stemming runs once per distinct word, not once per token.
 * Id 0 means "none".
 */
#ifndef NF_LEXICON_H
#define NF_LEXICON_H

#include <stddef.h>
#include <stdint.h>

typedef struct nf_lex_entry {
	const char *str;
	uint32_t len;
	uint32_t stem;  /* id of the stem; 0 until computed */
	uint32_t stop;  /* text.c's stopword cache: 0 unknown, 1 no, 2 yes */
	uint64_t hash;
} nf_lex_entry;

/* A direct-mapped cache of short words (up to 8 bytes, the bytes are the
 * key): most tokens are short and frequent, and a hit here costs neither a
 * hash nor a miss in the large table. It also copies the entry's stem and
 * stop fields once known (0 before), so a hit need not read the entry. */
#define NF_LEX_SMALL 4096

typedef struct nf_lex_small {
	uint64_t key;
	uint32_t len, id;
	uint32_t stem, stop;
} nf_lex_small;

typedef struct nf_lex {
	nf_lex_small *small;   /* NF_LEX_SMALL slots */
	nf_lex_entry *entries; /* entries[0] unused */
	uint32_t count, cap;
	struct nf_lex_slot *slots; /* open addressing: entry ids, 0 = empty */
	uint32_t nslots;       /* power of two */
	struct nf_arena *arena; /* where strings live (the corpus arena) */
	struct sb_stemmer *stemmer;
} nf_lex;

/* Prepares an empty lexicon whose strings live in arena. */
int nf_lex_init(nf_lex *lex, struct nf_arena *arena);
void nf_lex_free(nf_lex *lex);

/* Id of s[0..len), adding it if new; 0 when out of memory. */
uint32_t nf_lex_intern(nf_lex *lex, const char *s, size_t len);
/* The same for a word of 1 to 8 bytes whose key is nf_lex_key(): the
 * tokenizer builds the key in passing, so a word in the short-word cache
 * costs one probe and no call. */
uint32_t nf_lex_intern_miss(nf_lex *lex, const char *s, size_t len, uint64_t key);
/* Id of s[0..len) if present, else 0. */
uint32_t nf_lex_find(const nf_lex *lex, const char *s, size_t len);
/* Id of the stem of word id; 0 when out of memory. */
uint32_t nf_lex_stem(nf_lex *lex, uint32_t id);

/* The short-word cache key of s[0..len), len <= 8: the bytes, zero-padded
 * to eight, as an integer. Callers with eight readable bytes at s, zero
 * from s[len] on, may load them with one memcpy instead. */
static inline uint64_t nf_lex_key(const char *s, size_t len)
{
	uint64_t key = 0;
	for (size_t i = 0; i < len; i++)
		((unsigned char *)&key)[i] = (unsigned char)s[i];
	return key;
}

/* The cache slot of key: Fibonacci hashing, the top 12 bits (NF_LEX_SMALL
 * slots) of key * 2^64/phi. */
static inline nf_lex_small *nf_lex_small_slot(const nf_lex *lex, uint64_t key)
{
	return &lex->small[(key * 0x9E3779B97F4A7C15u) >> 52];
}

static inline uint32_t nf_lex_intern_key(nf_lex *lex, const char *s, size_t len,
                                         uint64_t key)
{
	const nf_lex_small *e = nf_lex_small_slot(lex, key);
	if (e->len == len && e->key == key)
		return e->id;
	return nf_lex_intern_miss(lex, s, len, key);
}

static inline const char *nf_lex_str(const nf_lex *lex, uint32_t id)
{
	return lex->entries[id].str;
}

#endif
