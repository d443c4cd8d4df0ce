/*
 * stem.c - Snowball's English stemmer (Porter2) for lower-case ASCII words.
 *
 * Why not only libstemmer: callgrind on bench_text (make bench) showed
 * sb_stemmer_stem() at about 2,400 instructions a word, almost a quarter
 * of nf_text_analyze() although each distinct word of a corpus is stemmed
 * once: news corpora hold many distinct words (55,000 in one pass over the
 * benchmark's corpora). Its generic machinery (binary searches over suffix
 * tables, UTF-8 cursor steps, a copy in and out) is what costs; the
 * algorithm itself is a few suffix tests. This file is the same algorithm,
 * step for step as english.sbl of Snowball 2.2 (the libstemmer Debian
 * ships), written for bytes, at about 470 instructions a word; lexicon.c
 * still asks libstemmer for any word with a byte this file does not take,
 * and test_stem compares both on the seeds' words with every suffix the
 * steps test, on a data set's words and on random strings.
 *
 * How: the word is copied into a zeroed buffer; prelude (a leading
 * apostrophe goes, y after a vowel or at the start becomes Y), regions R1
 * and R2, then steps 1a to 5 on the end of the word, each taking the
 * longest listed suffix (a shorter one is never tried when the longest
 * fails its condition, as in Snowball), and postlude (Y back to y). A
 * suffix is tested as one compare of the word's last eight bytes, a list
 * only when the word ends in a byte the list's suffixes end in, and the
 * vowels are a bit mask that the regions and the vowel tests of steps 1a
 * and 1b read: the words new to a context in a bench_text pass (22,700)
 * took 98 ns each with loops over bytes, 55 ns so (tokenizing 5 to 6%
 * faster; a word is still stemmed once per context).
 *
 * Rejected: a table-driven copy of the Snowball runtime (it would be the
 * same cost); caching stems across corpora in global state (the context's
 * word memo does that within a context: lexicon.c).
 */
#include "stem.h"

#include <string.h>

#include "util/simd.h"
#include "util/swar.h"

/* The word sits in buf after PAD zero bytes, so the last eight bytes of a
 * word of any length load as one block (tail()): a suffix test is a shift
 * and a compare, where a loop over its bytes cost about a third of the
 * stemmer's instructions. */
#define PAD 8

typedef struct word {
	char buf[PAD + NF_STEM_MAX + 16]; /* + 16: vowels() loads whole blocks */
	char *b;       /* buf + PAD: the word */
	size_t n;      /* length */
	size_t p1, p2; /* start of R1 and R2 */
	int y_found;   /* the prelude made a y a Y */
} word;

/* Bit 0: a vowel (a e i o u y); bit 1: a y. */
static const unsigned char letter_class[256] = {
	['a'] = 1, ['e'] = 1, ['i'] = 1, ['o'] = 1, ['u'] = 1, ['y'] = 3};

static int vowel(char c)
{
	return letter_class[(unsigned char)c] & 1;
}

/* Snowball's v_WXY: a vowel, w, x or Y. */
static int vowel_wxy(char c)
{
	return vowel(c) || c == 'w' || c == 'x' || c == 'Y';
}

/* A set of lower-case letters, a bit per letter from 'a'. */
#define BIT(c) (1u << ((c) - 'a'))

static int in_letters(char c, uint32_t set)
{
	return c >= 'a' && c <= 'z' && (set >> (c - 'a') & 1);
}

/* Bits 0 to k - 1 (k <= 64). */
static uint64_t low_bits(size_t k)
{
	return k >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << k) - 1;
}

/* A listed suffix (or word) and its length, zero-padded to a block. */
typedef struct sfx {
	char s[8];
	size_t len;
} sfx;

#define SFX(x) {x, sizeof x - 1}

/* The last eight bytes of the word: byte 7 is its last, and the padding
 * makes those before a short word's start zero. */
static uint64_t tail(const word *w)
{
	return nf_load8(w->buf + w->n);
}

/* The word's last byte, the padding's 0 for an empty word. */
static char last_byte(const word *w)
{
	return w->buf[PAD - 1 + w->n];
}

/* Whether the word ends in s[0..k), 1 <= k <= 8, s zero-padded to eight
 * bytes: no listed suffix holds a zero byte, so one longer than the
 * word meets the padding and fails. */
static int ends(const word *w, const char *s, size_t k)
{
	return tail(w) >> (64 - 8 * k) == nf_load8(s);
}

/* Whether the word, n <= 8 bytes, is s (zero-padded to eight bytes). */
static int is(const word *w, const char *s)
{
	return (nf_load8(w->b) & nf_low_bytes(w->n)) == nf_load8(s);
}

/* Replaces the last k bytes by s[0..m). */
static void replace(word *w, size_t k, const char *s, size_t m)
{
	w->n -= k;
	memcpy(w->b + w->n, s, m);
	w->n += m;
}

/* The first of the count suffixes of list (longest first) that ends the
 * word: its index, or -1. */
static int suffix(const word *w, const sfx *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (ends(w, list[i].s, list[i].len))
			return (int)i;
	return -1;
}

#define SUFFIX(w, list) suffix((w), (list), sizeof (list) / sizeof *(list))

/* A suffix rule of steps 2 to 4: the suffix, its replacement, and what
 * else must hold besides the step's region. */
enum {
	IF_REGION,   /* nothing else */
	IF_R2,       /* also in R2 (step 3's "ative") */
	IF_AFTER_L,  /* after an l ("ogi") */
	IF_VALID_LI, /* after one of c d e g h k m n r t ("li") */
	IF_AFTER_ST  /* after an s or a t ("ion") */
};

/* The letters before which "li" goes (Snowball's valid_LI). */
#define VALID_LI (BIT('c') | BIT('d') | BIT('e') | BIT('g') | BIT('h') | BIT('k') | BIT('m') | \
                  BIT('n') | BIT('r') | BIT('t'))

typedef struct rule {
	sfx from, to;
	int cond;
} rule;

#define RULE(from, to, cond) {SFX(from), SFX(to), cond}
#define GROUP(g) (g), sizeof (g) / sizeof *(g)

/* Applies the first rule of group (all ending in the word's last byte,
 * longest first) whose suffix ends the word, if that suffix starts at or
 * after region and its condition holds; a shorter rule is not tried
 * when the longest fails, as in Snowball. */
static void apply(word *w, const rule *group, size_t count, size_t region)
{
	for (size_t i = 0; i < count; i++) {
		const rule *r = &group[i];
		if (!ends(w, r->from.s, r->from.len))
			continue;
		size_t bra = w->n - r->from.len;
		char before = bra ? w->b[bra - 1] : 0;
		if (bra < region || (r->cond == IF_R2 && bra < w->p2) ||
		    (r->cond == IF_AFTER_L && before != 'l') ||
		    (r->cond == IF_VALID_LI && !in_letters(before, VALID_LI)) ||
		    (r->cond == IF_AFTER_ST && before != 's' && before != 't'))
			return;
		replace(w, r->from.len, r->to.s, r->to.len);
		return;
	}
}

/* A short syllable ending at k: non-vowel (not w, x, Y), vowel,
 * non-vowel; or vowel, non-vowel at the start of the word. */
static int short_syllable(const word *w, size_t k)
{
	const char *b = w->b;
	if (k >= 3 && !vowel_wxy(b[k - 1]) && vowel(b[k - 2]) && !vowel(b[k - 3]))
		return 1;
	return k == 2 && !vowel(b[1]) && vowel(b[0]);
}

/* Whole words with a fixed stem (exception1), by length (3 to 6). */
static const struct {
	sfx word, stem;
} exceptions[] = {
	{SFX("sky"), SFX("sky")},
	{SFX("skis"), SFX("ski")}, {SFX("idly"), SFX("idl")}, {SFX("ugly"), SFX("ugli")},
	{SFX("only"), SFX("onli")}, {SFX("news"), SFX("news")}, {SFX("howe"), SFX("howe")},
	{SFX("bias"), SFX("bias")},
	{SFX("skies"), SFX("sky")}, {SFX("dying"), SFX("die")}, {SFX("lying"), SFX("lie")},
	{SFX("tying"), SFX("tie")}, {SFX("early"), SFX("earli")}, {SFX("atlas"), SFX("atlas")},
	{SFX("andes"), SFX("andes")},
	{SFX("gently"), SFX("gentl")}, {SFX("singly"), SFX("singl")},
	{SFX("cosmos"), SFX("cosmos")}};

/* The exceptions of length n start at exceptions[exceptions_from[n - 3]]. */
static const unsigned char exceptions_from[] = {0, 1, 8, 15, 18};

/* Words left as they are after step 1a (exception2), 6 or 7 letters. */
static const sfx invariants[] = {
	SFX("inning"), SFX("outing"), SFX("canning"), SFX("herring"), SFX("earring"),
	SFX("proceed"), SFX("exceed"), SFX("succeed")};

/* The word's vowels, a bit each (Y is not one): regions and the vowel
 * tests of steps 1a and 1b read them instead of looping over letters.
 * Sets *has_y when the word holds a y. Reads whole blocks of w->buf
 * (room for them past the word, whose bytes are masked off). */
#if NF_SIMD
static uint64_t vowels(const word *w, int *has_y)
{
	uint64_t v = 0, y = 0;
	for (size_t i = 0; i < w->n; i += 16) {
		__m128i x = nf_load16(w->b + i), ys = _mm_cmpeq_epi8(x, _mm_set1_epi8('y'));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('a')),
		                                      _mm_cmpeq_epi8(x, _mm_set1_epi8('e'))),
		                         _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('i')),
		                                      _mm_cmpeq_epi8(x, _mm_set1_epi8('o'))));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('u')), ys));
		v |= (uint64_t)nf_v_mask(m) << i;
		y |= nf_v_mask(ys);
	}
	*has_y = (y & low_bits(w->n)) != 0;
	return v & low_bits(w->n);
}
#else
static uint64_t vowels(const word *w, int *has_y)
{
	uint64_t v = 0;
	unsigned any = 0;
	for (size_t i = 0; i < w->n; i++) {
		unsigned c = letter_class[(unsigned char)w->b[i]];
		v |= (uint64_t)(c & 1) << i;
		any |= c;
	}
	*has_y = (any & 2) != 0;
	return v;
}
#endif

/* The prelude: a leading apostrophe goes, y after a vowel or at the start
 * becomes Y. Returns the vowels of the result. */
static uint64_t prelude(word *w)
{
	int has_y;
	w->y_found = 0;
	if (w->b[0] == '\'') {
		memmove(w->b, w->b + 1, --w->n);
	}
	uint64_t v = vowels(w, &has_y);
	if (!has_y) /* most words: nothing to do */
		return v;
	if (w->b[0] == 'y')
		w->b[0] = 'Y', w->y_found = 1;
	for (size_t i = 0; i + 1 < w->n; i++)
		if (vowel(w->b[i]) && w->b[i + 1] == 'y')
			w->b[i + 1] = 'Y', w->y_found = 1;
	return w->y_found ? vowels(w, &has_y) : v;
}

/* The end of the first vowel-then-non-vowel run from i, or n: one past
 * the first non-vowel after i whose predecessor, at i or after, is a
 * vowel. */
static size_t region(const word *w, uint64_t v, size_t i)
{
	uint64_t after_vowel = ~v & v << 1 & low_bits(w->n) & ~low_bits(i + 1);
	return after_vowel ? (size_t)__builtin_ctzll(after_vowel) + 1 : w->n;
}

static void mark_regions(word *w, uint64_t v)
{
	static const sfx gener = SFX("gener"), arsen = SFX("arsen"), commun = SFX("commun");
	uint64_t head = nf_load8(w->b), head5 = head & nf_low_bytes(5);
	if (w->n >= 5 && (head5 == nf_load8(gener.s) || head5 == nf_load8(arsen.s)))
		w->p1 = 5;
	else if (w->n >= 6 && (head & nf_low_bytes(6)) == nf_load8(commun.s))
		w->p1 = 6;
	else
		w->p1 = region(w, v, 0);
	w->p2 = w->p1 < w->n ? region(w, v, w->p1) : w->n;
}

static void step_1a(word *w, uint64_t v)
{
	static const sfx apostrophe[] = {SFX("'s'"), SFX("'s"), SFX("'")};
	static const sfx plural[] = {SFX("sses"), SFX("ied"), SFX("ies"), SFX("us"), SFX("ss"),
	                             SFX("s")};
	/* the lists by their last bytes: most words end in none of them */
	char last = last_byte(w);
	int i = last == '\'' || last == 's' ? SUFFIX(w, apostrophe) : -1;
	if (i >= 0) {
		w->n -= apostrophe[i].len;
		last = last_byte(w);
	}
	switch (last == 's' || last == 'd' ? SUFFIX(w, plural) : -1) {
	case 0: /* sses */
		w->n -= 2;
		break;
	case 1: /* ied */
	case 2: /* ies: "i" after two letters or more, else "ie" */
		w->n -= w->n >= 5 ? 2 : 1;
		break;
	case 5: /* s: dropped after a vowel that is not just before it */
		if (w->n >= 2 && (v & low_bits(w->n - 2)))
			w->n--;
		break;
	default: /* us, ss */
		break;
	}
}

/* The letters whose doubling step 1b undoes (Snowball's double). */
#define DOUBLE (BIT('b') | BIT('d') | BIT('f') | BIT('g') | BIT('m') | BIT('n') | BIT('p') | \
                BIT('r') | BIT('t'))

static void step_1b(word *w, uint64_t v)
{
	static const sfx list[] = {SFX("eedly"), SFX("ingly"), SFX("edly"), SFX("eed"), SFX("ing"),
	                           SFX("ed")};
	static const sfx add_e[] = {SFX("at"), SFX("bl"), SFX("iz")};
	char last = last_byte(w);
	int i = last == 'y' || last == 'd' || last == 'g' ? SUFFIX(w, list) : -1;
	if (i < 0)
		return;
	size_t bra = w->n - list[i].len;
	if (i == 0 || i == 3) { /* eedly, eed: "ee" in R1 */
		if (bra >= w->p1)
			w->n = bra + 2;
		return;
	}
	if (!(v & low_bits(bra))) /* no vowel before the suffix */
		return;
	w->n = bra;
	if (SUFFIX(w, add_e) >= 0) {
		w->b[w->n++] = 'e';
	} else if (w->n >= 2 && w->b[w->n - 1] == w->b[w->n - 2] &&
	           in_letters(w->b[w->n - 1], DOUBLE)) {
		w->n--;
	} else if (w->n == w->p1 && short_syllable(w, w->n)) {
		w->b[w->n++] = 'e';
	}
}

static void step_1c(word *w)
{
	char c = w->n ? w->b[w->n - 1] : 0;
	if (w->n >= 3 && (c == 'y' || c == 'Y') && !vowel(w->b[w->n - 2]))
		w->b[w->n - 1] = 'i';
}

/* Steps 2 to 4 look up the rules ending in the word's last byte. */
static void step_2(word *w)
{
	static const rule i[] = {
		RULE("biliti", "ble", IF_REGION), RULE("lessli", "less", IF_REGION),
		RULE("aliti", "al", IF_REGION), RULE("entli", "ent", IF_REGION),
		RULE("fulli", "ful", IF_REGION), RULE("iviti", "ive", IF_REGION),
		RULE("ousli", "ous", IF_REGION), RULE("abli", "able", IF_REGION),
		RULE("alli", "al", IF_REGION), RULE("anci", "ance", IF_REGION),
		RULE("enci", "ence", IF_REGION), RULE("bli", "ble", IF_REGION),
		RULE("ogi", "og", IF_AFTER_L), RULE("li", "", IF_VALID_LI)};
	static const rule l[] = {RULE("ational", "ate", IF_REGION), RULE("tional", "tion", IF_REGION)};
	static const rule m[] = {RULE("alism", "al", IF_REGION)};
	static const rule n[] = {RULE("ization", "ize", IF_REGION), RULE("ation", "ate", IF_REGION)};
	static const rule r[] = {RULE("ator", "ate", IF_REGION), RULE("izer", "ize", IF_REGION)};
	static const rule s[] = {
		RULE("fulness", "ful", IF_REGION), RULE("iveness", "ive", IF_REGION),
		RULE("ousness", "ous", IF_REGION)};
	if (w->n < w->p1 + 2) /* no suffix (2+ bytes) can be in R1 */
		return;
	switch (w->b[w->n - 1]) {
	case 'i': apply(w, GROUP(i), w->p1); break;
	case 'l': apply(w, GROUP(l), w->p1); break;
	case 'm': apply(w, GROUP(m), w->p1); break;
	case 'n': apply(w, GROUP(n), w->p1); break;
	case 'r': apply(w, GROUP(r), w->p1); break;
	case 's': apply(w, GROUP(s), w->p1); break;
	default: break;
	}
}

static void step_3(word *w)
{
	static const rule e[] = {
		RULE("alize", "al", IF_REGION), RULE("icate", "ic", IF_REGION),
		RULE("ative", "", IF_R2)};
	static const rule i[] = {RULE("iciti", "ic", IF_REGION)};
	static const rule l[] = {
		RULE("ational", "ate", IF_REGION), RULE("tional", "tion", IF_REGION),
		RULE("ical", "ic", IF_REGION), RULE("ful", "", IF_REGION)};
	static const rule s[] = {RULE("ness", "", IF_REGION)};
	if (w->n < w->p1 + 3) /* no suffix (3+ bytes) can be in R1 */
		return;
	switch (w->b[w->n - 1]) {
	case 'e': apply(w, GROUP(e), w->p1); break;
	case 'i': apply(w, GROUP(i), w->p1); break;
	case 'l': apply(w, GROUP(l), w->p1); break;
	case 's': apply(w, GROUP(s), w->p1); break;
	default: break;
	}
}

static void step_4(word *w)
{
	static const rule c[] = {RULE("ic", "", IF_REGION)};
	static const rule e[] = {
		RULE("able", "", IF_REGION), RULE("ance", "", IF_REGION), RULE("ence", "", IF_REGION),
		RULE("ible", "", IF_REGION), RULE("ate", "", IF_REGION), RULE("ive", "", IF_REGION),
		RULE("ize", "", IF_REGION)};
	static const rule i[] = {RULE("iti", "", IF_REGION)};
	static const rule l[] = {RULE("al", "", IF_REGION)};
	static const rule m[] = {RULE("ism", "", IF_REGION)};
	static const rule n[] = {RULE("ion", "", IF_AFTER_ST)};
	static const rule r[] = {RULE("er", "", IF_REGION)};
	static const rule s[] = {RULE("ous", "", IF_REGION)};
	static const rule t[] = {
		RULE("ement", "", IF_REGION), RULE("ment", "", IF_REGION), RULE("ant", "", IF_REGION),
		RULE("ent", "", IF_REGION)};
	if (w->n < w->p2 + 2) /* no suffix (2+ bytes) can be in R2 */
		return;
	switch (w->b[w->n - 1]) {
	case 'c': apply(w, GROUP(c), w->p2); break;
	case 'e': apply(w, GROUP(e), w->p2); break;
	case 'i': apply(w, GROUP(i), w->p2); break;
	case 'l': apply(w, GROUP(l), w->p2); break;
	case 'm': apply(w, GROUP(m), w->p2); break;
	case 'n': apply(w, GROUP(n), w->p2); break;
	case 'r': apply(w, GROUP(r), w->p2); break;
	case 's': apply(w, GROUP(s), w->p2); break;
	case 't': apply(w, GROUP(t), w->p2); break;
	default: break;
	}
}

static void step_5(word *w)
{
	if (!w->n)
		return;
	size_t bra = w->n - 1;
	if (w->b[bra] == 'e') {
		if (bra >= w->p2 || (bra >= w->p1 && !short_syllable(w, bra)))
			w->n = bra;
	} else if (w->b[bra] == 'l') {
		if (bra >= w->p2 && bra >= 1 && w->b[bra - 1] == 'l')
			w->n = bra;
	}
}

size_t nf_stem_ascii(const char *s, size_t len, char *out)
{
	if (len > NF_STEM_MAX)
		return (size_t)-1;
	word w;
	w.b = w.buf + PAD;
	memset(w.buf, 0, sizeof w.buf); /* the padding, and the bytes after the word */
	memcpy(w.b, s, len);
	w.n = len;
	/* lower-case ASCII, no NUL: by blocks of eight, zero-padded */
	for (size_t i = 0; i < len; i += 8) {
		uint64_t x = nf_load8(w.b + i);
		uint64_t bad = (x & NF_HIGHS) | nf_bytes_in(x, 'A', 'Z') | nf_bytes_in(x, 0, 0);
		if (bad & nf_low_bytes(len - i))
			return (size_t)-1;
	}
	if (len < 3) {
		memcpy(out, s, len);
		return len;
	}
	if (len <= 6) {
		uint64_t key = nf_load8(w.b);
		for (size_t i = exceptions_from[len - 3]; i < exceptions_from[len - 2]; i++)
			if (key == nf_load8(exceptions[i].word.s)) {
				memcpy(out, exceptions[i].stem.s, exceptions[i].stem.len);
				return exceptions[i].stem.len;
			}
	}
	uint64_t v = prelude(&w);
	mark_regions(&w, v);
	step_1a(&w, v);
	int invariant = 0;
	for (size_t i = 0; w.n >= 6 && w.n <= 7 && i < sizeof invariants / sizeof *invariants; i++)
		invariant |= is(&w, invariants[i].s);
	if (!invariant) {
		step_1b(&w, v);
		step_1c(&w);
		step_2(&w);
		step_3(&w);
		step_4(&w);
		step_5(&w);
	}
	memcpy(out, w.b, w.n);
	for (size_t i = 0; w.y_found && i < w.n; i++)
		if (out[i] == 'Y')
			out[i] = 'y';
	return w.n;
}
