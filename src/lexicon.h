/*
 * lexicon.h - interned word forms.
 *
 * Every distinct case-folded word of a corpus is stored once and named by a
 * small integer, so stages compare and count words as integers. Each entry
 * also caches its Snowball stem (another entry), computed the first time the
 * word is seen: stemming runs once per distinct word, not once per token.
 * Id 0 means "none".
 *
 * A lexicon lives as long as its corpus, but a stream of corpora meets the
 * same words again and again: a memo (nf_lex_memo), owned by the context
 * and shared by the lexicons of its corpora, keeps each word's stem and
 * stop flag, so a word met by an earlier corpus costs a lookup instead of
 * a stemming. Ids stay per corpus and are given in the same order with or
 * without a memo (a word, then its stem), so no stage sees a difference.
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
	uint32_t abbr;  /* text.c's abbreviation cache, the same way */
	uint64_t hash;  /* nf_lex_hash() of str */
} nf_lex_entry;

/* A direct-mapped cache of short words (up to 8 bytes, the bytes are the
 * key): most tokens are short and frequent, and a hit here costs neither a
 * hash nor a miss in the large table. It also copies the entry's stem
 * once known (0 before) and, with it, the flag the stop list gives the
 * word's tokens (text.c's NF_TOK_STOP or 0: or'ed into a token as it is),
 * so a hit need not read the entry.
 * Size: a corpus of 500 articles holds about 10,000 words; with 4,096
 * slots 15% of short tokens missed (mostly collisions), with 8,192 12%,
 * measured faster; 16,384 (384 KB) missed 10% but ran slower, the table
 * crowding the L2 cache. */
#define NF_LEX_SMALL 8192

typedef struct nf_lex_small {
	uint64_t key;
	uint32_t len, id;
	uint32_t stem, stop_flag;
} nf_lex_small;

/* The same for words of 9 to 16 bytes, filled by the tokenizer (text.c):
 * one token in fifteen, each of which would otherwise be hashed and
 * looked up in the large table, reading an entry and its string. */
#define NF_LEX_MID 1024

typedef struct nf_lex_mid {
	uint64_t key[2];
	uint32_t len, id;
	uint32_t stem, stop_flag;
} nf_lex_mid;

/* Words -> stems and stop flags, shared by lexicons (see above). Bounded:
 * NF_LEX_MEMO_WORDS words (about 16 MB of table and 8 MB of bytes at the
 * most); when full it starts over empty, so a long stream keeps the words
 * of its recent corpora. Not thread-safe, as the context that owns it. */
typedef struct nf_lex_memo nf_lex_memo;

/* Words a memo holds at most: eight times the distinct words of the 3,100
 * gva-dev articles (30,000). At 65,536 a stream of news on many topics
 * started over every few thousand articles (bench_cluster's synthetic
 * stream, a 150,000-word vocabulary: 417,049 stemmings in its first
 * 10,000 articles, 98,723 at this size, `newsfuse cluster` 3% fewer
 * instructions); the table and bytes are 24 MB at the most. */
#define NF_LEX_MEMO_WORDS 262144

/* An empty memo, or NULL when out of memory; free with nf_lex_memo_free(). */
nf_lex_memo *nf_lex_memo_new(void);
void nf_lex_memo_free(nf_lex_memo *memo);

/* Where the memo last missed a word: nf_lex_stem() to nf_lex_remember(). */
typedef struct nf_lex_miss {
	const void *slot;
	uint32_t id;
	uint64_t generation; /* of the memo then */
} nf_lex_miss;

typedef struct nf_lex {
	nf_lex_small *small;   /* NF_LEX_SMALL slots */
	nf_lex_mid *mid;       /* NF_LEX_MID slots */
	nf_lex_entry *entries; /* entries[0] unused */
	uint32_t count, cap;
	struct nf_lex_slot *slots; /* open addressing: entry ids, 0 = empty */
	uint32_t nslots;       /* power of two */
	struct nf_arena *arena; /* where strings live (the corpus arena) */
	struct sb_stemmer *stemmer;
	nf_lex_memo *memo;     /* borrowed, NULL for none (nf_lex_init_shared()) */
	/* text.c's word lists as a hash set, made on its first tokenizing;
	 * freed, or kept for the next lexicon, with the tables */
	struct nf_word_lists *lists;
	nf_lex_miss miss;
} nf_lex;

/* Prepares an empty lexicon whose strings live in arena. */
int nf_lex_init(nf_lex *lex, struct nf_arena *arena);
/* The same, sharing memo (NULL for none): its stems and stop flags, and
 * the tables of the lexicon freed before (up to a size: see lexicon.c),
 * reused (cleared) instead of allocated and grown anew. memo must outlive
 * the lexicon. */
int nf_lex_init_shared(nf_lex *lex, struct nf_arena *arena, nf_lex_memo *memo);
/* Frees the lexicon; a shared one gives its tables to the memo. */
void nf_lex_free(nf_lex *lex);

/* Id of s[0..len), adding it if new; 0 when out of memory. */
uint32_t nf_lex_intern(nf_lex *lex, const char *s, size_t len);
/* The same for s[0..len) whose nf_lex_hash() is hash: the tokenizer
 * hashes a word as it notes it, and need not hash it twice. */
uint32_t nf_lex_intern_hashed(nf_lex *lex, const char *s, size_t len, uint64_t hash);
/* The same for a word of 1 to 8 bytes whose key is nf_lex_key(): the
 * tokenizer builds the key in passing, so a word in the short-word cache
 * costs one probe and no call. */
uint32_t nf_lex_intern_miss(nf_lex *lex, const char *s, size_t len, uint64_t key,
                            uint64_t hash);
/* Id of s[0..len) if present, else 0. */
uint32_t nf_lex_find(const nf_lex *lex, const char *s, size_t len);
/* The hash nf_lex_intern() gives s[0..len); nf_lex_prefetch() starts
 * loading what interning a word of that hash and stemming it will read
 * first (its slot, its memo slot), and nf_lex_prefetch_memo() then the
 * memo's copy of the word, if its slot does not hold all a hit needs.
 * Hints only: they change nothing. */
uint64_t nf_lex_hash(const char *s, size_t len);
void nf_lex_prefetch(const nf_lex *lex, uint64_t hash);
void nf_lex_prefetch_memo(const nf_lex *lex, uint64_t hash);
/* Id of the stem of word id; 0 when out of memory. With a memo that knows
 * the word, its stop field is set from the memo too. */
uint32_t nf_lex_stem(nf_lex *lex, uint32_t id);
/* Records word id, whose stem and stop field are known, in the memo (if
 * any) for the lexicons that come after. */
void nf_lex_remember(nf_lex *lex, uint32_t id);

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

/* The cache slot of key: Fibonacci hashing, the top 13 bits (NF_LEX_SMALL
 * slots) of key * 2^64/phi. */
static inline nf_lex_small *nf_lex_small_slot(const nf_lex *lex, uint64_t key)
{
	return &lex->small[(key * 0x9E3779B97F4A7C15u) >> 51];
}

/* The cache slot of the 16-byte key k0, k1 (see nf_lex_small_slot()). */
static inline nf_lex_mid *nf_lex_mid_slot(const nf_lex *lex, uint64_t k0, uint64_t k1)
{
	return &lex->mid[((k0 ^ k1 * 0x9E3779B97F4A7C15u) * 0x9E3779B97F4A7C15u) >> 54];
}

/* The id the short-word cache holds for the word of len bytes (1 to 8)
 * and key, or 0. */
static inline uint32_t nf_lex_cached_id(const nf_lex *lex, size_t len, uint64_t key)
{
	const nf_lex_small *e = nf_lex_small_slot(lex, key);
	return e->len == len && e->key == key ? e->id : 0;
}

static inline uint32_t nf_lex_intern_key(nf_lex *lex, const char *s, size_t len,
                                         uint64_t key, uint64_t hash)
{
	uint32_t id = nf_lex_cached_id(lex, len, key);
	return id ? id : nf_lex_intern_miss(lex, s, len, key, hash);
}

static inline const char *nf_lex_str(const nf_lex *lex, uint32_t id)
{
	return lex->entries[id].str;
}

#endif
