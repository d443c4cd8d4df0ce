/*
 * lexicon.c - interned word forms with cached stems (see lexicon.h).
 *
 * Open addressing with linear probing over xxh3 hashes; the table doubles at
 * 50% load. Stems are Snowball's English stems: stem.c's for lower-case
 * ASCII words (the same stems, at a third of the cost: see there), else
 * libstemmer's, which expects lower-case UTF-8 and returns a buffer valid
 * until its next call, so the stem is interned at once.
 *
 * The memo is a second open-addressing table keyed by the same xxh3 hash
 * (kept on the entry, so a lookup hashes nothing), its slots pointing into
 * one byte array of words, each followed by its stem when that differs;
 * a slot also holds a word's first bytes and its stem's difference from
 * the word, so a hit most often reads nothing but the slot.
 * Measured on bench_text's stream of 500-article corpora: a corpus meets
 * about 8,000 words new to it, and stemming them and testing them against
 * the stop list was about a sixth of tokenizing; after the first corpus
 * most are in the memo. The memo also keeps the tables (slots, entries,
 * the short- and mid-word caches, text.c's word lists) of the last lexicon freed, the largest
 * so far, for the next one to clear and fill: no calloc of fresh pages and
 * no regrowing per corpus. Rejected: a lexicon shared by the corpora of a
 * context (ids would no longer be dense per corpus, and the stages size
 * their per-id arrays by the lexicon), and caching stems in a global table
 * (global state; a context is the unit of sharing the API promises).
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
#include "util/pages.h"

#define MAX_WORD 4096 /* longer "words" are not stemmed */

/* A memo slot: the word is bytes[off..off+len), its stem the stem_len
 * bytes after it, or the word itself when the same (keep == len ==
 * stem_len). The slot also holds what a hit needs in the common case,
 * so that a hit reads the slot's line and not the bytes' (a second load
 * out of cache, 4% of `newsfuse cluster`'s time, in memcmp()): the
 * word's first MEMO_HEAD bytes, and its stem as the word's first keep
 * bytes and a tail of stem_len - keep bytes ("polic" of "police" keeps
 * 5 and adds none, "citi" of "city" keeps 3 and adds "i"). */
/* Of the memo's hits in gva-dev, 1.4% are words longer than 12 bytes;
 * with the tail, 12 makes a slot 32 bytes, two to a cache line. */
#define MEMO_HEAD 12
/* Of the stems of those hits, 95% add nothing to what they keep of the
 * word, 5% one byte, none more than two: four fill the slot. */
#define MEMO_TAIL 4

struct memo_slot {
	uint64_t hash; /* 0 = empty */
	uint32_t off;
	uint8_t len, stem_len, keep, stop;
	char head[MEMO_HEAD]; /* the word's first bytes, zero-padded */
	char tail[MEMO_TAIL]; /* the stem's after keep, if stem_len - keep fits */
};

struct nf_lex_memo {
	struct memo_slot *slots;
	uint32_t nslots, count; /* nslots a power of two, at most 2 * WORDS */
	char *bytes;
	size_t nbytes;
	uint64_t generation; /* changes whenever a slot does */
	nf_lex spare;        /* tables of a freed lexicon (no words), or zeros */
};

/* Bytes of words and stems a memo holds: 32 a word, well over the mean of
 * news words and their stems (14). */
#define MEMO_BYTES ((size_t)NF_LEX_MEMO_WORDS * 32)
/* A word or stem longer than this is not memoised (the lengths are bytes
 * of the slot); such words are rare. */
#define MEMO_MAX_LEN 255

/* The largest tables a memo keeps for the next lexicon: those of a
 * corpus of about 30,000 words (1.5 MB). A larger one is freed, lest every
 * small corpus after it clear tables sized for the large one. */
#define SPARE_MAX_SLOTS 65536

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
	return nf_lex_init_shared(lex, arena, NULL);
}

int nf_lex_init_shared(nf_lex *lex, nf_arena *arena, nf_lex_memo *memo)
{
	memset(lex, 0, sizeof *lex);
	lex->arena = arena;
	lex->memo = memo;
	lex->count = 1;
	if (memo && memo->spare.slots) {
		/* the tables of a lexicon freed before: warm, and as large as a
		 * corpus of the stream needed, so they need not grow again */
		lex->slots = memo->spare.slots;
		lex->nslots = memo->spare.nslots;
		lex->entries = memo->spare.entries;
		lex->cap = memo->spare.cap;
		lex->small = memo->spare.small;
		lex->mid = memo->spare.mid;
		lex->stemmer = memo->spare.stemmer;
		lex->lists = memo->spare.lists;
		memset(&memo->spare, 0, sizeof memo->spare);
		memset(lex->slots, 0, lex->nslots * sizeof *lex->slots);
		memset(lex->small, 0, NF_LEX_SMALL * sizeof *lex->small);
		memset(lex->mid, 0, NF_LEX_MID * sizeof *lex->mid);
		return 0;
	}
	lex->nslots = 1024;
	lex->cap = 512;
	lex->slots = calloc(lex->nslots, sizeof *lex->slots);
	lex->entries = calloc(lex->cap, sizeof *lex->entries);
	lex->small = calloc(NF_LEX_SMALL, sizeof *lex->small);
	lex->mid = calloc(NF_LEX_MID, sizeof *lex->mid);
	if (!lex->slots || !lex->entries || !lex->small || !lex->mid) {
		nf_lex_free(lex);
		return -1;
	}
	return 0;
}

static void free_tables(nf_lex *t)
{
	free(t->slots);
	free(t->entries);
	free(t->small);
	free(t->mid);
	if (t->stemmer)
		sb_stemmer_delete(t->stemmer);
	free(t->lists);
}

void nf_lex_free(nf_lex *lex)
{
	nf_lex_memo *m = lex->memo;
	/* the memo keeps the larger tables for the next lexicon */
	if (m && lex->slots && lex->entries && lex->small && lex->mid &&
	    lex->nslots >= m->spare.nslots && lex->nslots <= SPARE_MAX_SLOTS) {
		free_tables(&m->spare);
		m->spare = (nf_lex){.slots = lex->slots, .nslots = lex->nslots,
		                    .entries = lex->entries, .cap = lex->cap,
		                    .small = lex->small, .mid = lex->mid, .stemmer = lex->stemmer,
		                    .lists = lex->lists};
	} else {
		free_tables(lex);
	}
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

/* n empty slots on lines of their own: a 32-byte slot from a calloc()'d
 * 16 bytes into a line would straddle two every other slot. A table of
 * a huge page or more (the memo's grows to 16 MiB) is on huge pages: in
 * 4 KiB pages nf_lex_prefetch()'s prefetch of a slot walked the page
 * tables first (its perf samples 358 and 469 against 172 and 197). */
static struct memo_slot *new_slots(uint32_t n)
{
	return nf_table_calloc(n, sizeof(struct memo_slot));
}

nf_lex_memo *nf_lex_memo_new(void)
{
	nf_lex_memo *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->nslots = 1024;
	m->slots = new_slots(m->nslots);
	m->bytes = malloc(MEMO_BYTES);
	if (!m->slots || !m->bytes) {
		nf_lex_memo_free(m);
		return NULL;
	}
	return m;
}

void nf_lex_memo_free(nf_lex_memo *m)
{
	if (!m)
		return;
	free(m->slots);
	free(m->bytes);
	free_tables(&m->spare);
	free(m);
}

/* Whether slot x, of e's hash and length, holds e's word: the bytes
 * past the head, if any, are in the byte array. The head is compared a
 * byte at a time: the word was copied into the arena a moment before,
 * and memcmp()'s wide loads of it cannot take the bytes from the stores
 * in flight, so they waited for them (2% of `newsfuse cluster`). */
static int same_word(const nf_lex_memo *m, const struct memo_slot *x, const nf_lex_entry *e)
{
	uint32_t n = e->len < MEMO_HEAD ? e->len : MEMO_HEAD;
	for (uint32_t i = 0; i < n; i++)
		if (x->head[i] != e->str[i])
			return 0;
	return e->len <= MEMO_HEAD ||
	       !memcmp(m->bytes + x->off + MEMO_HEAD, e->str + MEMO_HEAD, e->len - MEMO_HEAD);
}

/* The slot of e's word, or the empty slot where it would go. */
static struct memo_slot *memo_slot(const nf_lex_memo *m, const nf_lex_entry *e)
{
	uint32_t mask = m->nslots - 1, i = (uint32_t)(e->hash >> 32) & mask;
	struct memo_slot *x;
	while ((x = &m->slots[i])->hash) {
		if (x->hash == e->hash && x->len == e->len && same_word(m, x, e))
			return x;
		i = (i + 1) & mask;
	}
	return x;
}

/* Makes room for one more word of n bytes with its stem: grows the table
 * at half load, and starts over when the memo is full. 1 when the slots
 * moved or emptied, 0 when not, -1 when out of memory. */
static int memo_room(nf_lex_memo *m, size_t n)
{
	if (m->count + 1 >= NF_LEX_MEMO_WORDS || MEMO_BYTES - m->nbytes < n) {
		memset(m->slots, 0, m->nslots * sizeof *m->slots);
		m->count = 0;
		m->nbytes = 0;
		m->generation++;
		return 1;
	}
	if ((m->count + 1) * 2 <= m->nslots)
		return 0;
	uint32_t n2 = m->nslots * 2;
	struct memo_slot *slots = new_slots(n2);
	if (!slots)
		return -1;
	for (uint32_t k = 0; k < m->nslots; k++) {
		if (!m->slots[k].hash)
			continue;
		uint32_t i = (uint32_t)(m->slots[k].hash >> 32) & (n2 - 1);
		while (slots[i].hash)
			i = (i + 1) & (n2 - 1);
		slots[i] = m->slots[k];
	}
	free(m->slots);
	m->slots = slots;
	m->nslots = n2;
	m->generation++;
	return 1;
}

void nf_lex_remember(nf_lex *lex, uint32_t id)
{
	nf_lex_memo *m = lex->memo;
	const nf_lex_entry *e = &lex->entries[id], *st = &lex->entries[e->stem];
	int same = e->stem == id;
	if (!m || !e->stem || !e->stop || e->len > MEMO_MAX_LEN || st->len > MEMO_MAX_LEN)
		return;
	size_t n = e->len + (same ? 0 : st->len);
	int moved = memo_room(m, n);
	if (moved < 0)
		return; /* out of memory: the memo is only a saving */
	/* nf_lex_stem() has just missed this word (one load out of cache, not
	 * two): where it looked is where it goes, if the memo is unchanged */
	struct memo_slot *x = !moved && lex->miss.id == id && lex->miss.generation == m->generation
	                      ? (struct memo_slot *)lex->miss.slot : memo_slot(m, e);
	if (x->hash)
		return;
	memcpy(m->bytes + m->nbytes, e->str, e->len);
	if (!same)
		memcpy(m->bytes + m->nbytes + e->len, st->str, st->len);
	uint32_t keep = 0;
	while (keep < e->len && keep < st->len && e->str[keep] == st->str[keep])
		keep++;
	*x = (struct memo_slot){.hash = e->hash, .off = (uint32_t)m->nbytes,
	                        .len = (uint8_t)e->len, .stem_len = (uint8_t)st->len,
	                        .keep = (uint8_t)keep, .stop = (uint8_t)e->stop};
	memcpy(x->head, e->str, e->len < MEMO_HEAD ? e->len : MEMO_HEAD);
	if (st->len - keep <= MEMO_TAIL)
		memcpy(x->tail, st->str + keep, st->len - keep);
	m->nbytes += n;
	m->count++;
	m->generation++;
}

uint64_t nf_lex_hash(const char *s, size_t len)
{
	return XXH3_64bits(s, len);
}

void nf_lex_prefetch(const nf_lex *lex, uint64_t h)
{
	__builtin_prefetch(&lex->slots[(uint32_t)h & (lex->nslots - 1)]);
	if (lex->memo)
		__builtin_prefetch(&lex->memo->slots[(uint32_t)(h >> 32) & (lex->memo->nslots - 1)]);
}

void nf_lex_prefetch_memo(const nf_lex *lex, uint64_t h)
{
	const nf_lex_memo *m = lex->memo;
	if (!m)
		return;
	const struct memo_slot *x = &m->slots[(uint32_t)(h >> 32) & (m->nslots - 1)];
	if (x->hash == h && (x->len > MEMO_HEAD || x->stem_len - x->keep > MEMO_TAIL))
		__builtin_prefetch(m->bytes + x->off);
}

uint32_t nf_lex_find(const nf_lex *lex, const char *s, size_t len)
{
	uint32_t slot;
	return lookup(lex, s, len, XXH3_64bits(s, len), &slot);
}

static uint32_t intern(nf_lex *lex, const char *s, size_t len, uint64_t h)
{
	if (len > UINT32_MAX)
		return 0;
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
	lex->entries[id] = (nf_lex_entry){str, (uint32_t)len, 0, 0, 0, h};
	lex->slots[slot] = (struct nf_lex_slot){id, check_of(h)};
	return id;
}

uint32_t nf_lex_intern_hashed(nf_lex *lex, const char *s, size_t len, uint64_t hash)
{
	return intern(lex, s, len, hash);
}

uint32_t nf_lex_intern_miss(nf_lex *lex, const char *s, size_t len, uint64_t key,
                            uint64_t hash)
{
	uint32_t id = intern(lex, s, len, hash);
	if (id)
		*nf_lex_small_slot(lex, key) = (nf_lex_small){key, (uint32_t)len, id, 0, 0};
	return id;
}

uint32_t nf_lex_intern(nf_lex *lex, const char *s, size_t len)
{
	if (len == 0 || len > 8)
		return intern(lex, s, len, XXH3_64bits(s, len));
	uint64_t key = nf_lex_key(s, len);
	uint32_t id = nf_lex_cached_id(lex, len, key);
	return id ? id : nf_lex_intern_miss(lex, s, len, key, XXH3_64bits(s, len));
}

/* nf_lex_intern() for a stem: the short-word cache is read but not
 * written, as most stems ("citi", "polic") are no token's form, and a
 * slot they took was one a word's tokens then missed. */
static uint32_t intern_stem(nf_lex *lex, const char *s, size_t len)
{
	uint32_t id;
	if (len && len <= 8 && (id = nf_lex_cached_id(lex, len, nf_lex_key(s, len))))
		return id;
	return intern(lex, s, len, XXH3_64bits(s, len));
}

uint32_t nf_lex_stem(nf_lex *lex, uint32_t id)
{
	nf_lex_entry *e = &lex->entries[id];
	if (e->stem)
		return e->stem;
	uint32_t stem = id;
	const struct memo_slot *x = NULL;
	if (lex->memo && e->len <= MEMO_MAX_LEN) {
		x = memo_slot(lex->memo, e);
		/* on a miss, where nf_lex_remember() will put the word */
		lex->miss = (nf_lex_miss){x, id, lex->memo->generation};
	}
	char buf[MEMO_MAX_LEN]; /* a stem by nf_stem_ascii() or the memo */
	size_t n;
	if (x && x->hash) {
		e->stop = x->stop;
		size_t tail = (size_t)x->stem_len - x->keep;
		int same = x->keep == x->len && x->stem_len == x->len;
		if (!same && tail <= MEMO_TAIL) { /* from the word and the slot */
			memcpy(buf, e->str, x->keep);
			memcpy(buf + x->keep, x->tail, tail);
			stem = intern_stem(lex, buf, x->stem_len);
		} else if (!same) {
			stem = intern_stem(lex, lex->memo->bytes + x->off + x->len, x->stem_len);
		}
	} else if ((n = nf_stem_ascii(e->str, e->len, buf)) != (size_t)-1) {
		/* many words are their own stem: no second lookup */
		if (n != e->len || memcmp(buf, e->str, n))
			stem = intern_stem(lex, buf, n);
	} else if (e->len <= MAX_WORD) {
		if (!lex->stemmer && !(lex->stemmer = sb_stemmer_new("english", NULL)))
			return 0;
		const sb_symbol *r = sb_stemmer_stem(
			lex->stemmer, (const sb_symbol *)e->str, (int)e->len);
		if (!r)
			return 0;
		stem = intern_stem(lex, (const char *)r, (size_t)sb_stemmer_length(lex->stemmer));
	}
	if (!stem)
		return 0;
	lex->entries[id].stem = stem; /* entries may have moved */
	return stem;
}
