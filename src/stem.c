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
 * ships), written for bytes, at about 750 instructions a word; lexicon.c
 * still asks libstemmer for any word with a byte this file does not take,
 * and test_stem compares both on the seeds' words with every suffix the
 * steps test, on a data set's words and on random strings.
 *
 * How: the word is copied into a small buffer; prelude (a leading
 * apostrophe goes, y after a vowel or at the start becomes Y), regions R1
 * and R2, then steps 1a to 5 on the end of the word, each taking the
 * longest listed suffix (a shorter one is never tried when the longest
 * fails its condition, as in Snowball), and postlude (Y back to y).
 *
 * Rejected: a table-driven copy of the Snowball runtime (it would be the
 * same cost); caching stems across corpora in global state (the context's
 * word memo does that within a context: lexicon.c).
 */
#include "stem.h"

#include <string.h>

typedef struct word {
	char b[NF_STEM_MAX];
	size_t n;      /* length */
	size_t p1, p2; /* start of R1 and R2 */
	int y_found;   /* the prelude made a y a Y */
} word;

static int vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Snowball's v_WXY: a vowel, w, x or Y. */
static int vowel_wxy(char c)
{
	return vowel(c) || c == 'w' || c == 'x' || c == 'Y';
}

/* A listed suffix and its length. */
typedef struct sfx {
	const char *s;
	size_t len;
} sfx;

#define SFX(x) {x, sizeof x - 1}

static int ends(const word *w, const char *s, size_t k)
{
	if (w->n < k)
		return 0;
	for (size_t i = 1; i <= k; i++) /* from the last byte: most fail there */
		if (w->b[w->n - i] != s[k - i])
			return 0;
	return 1;
}

/* Whether the word is s[0..k). */
static int is(const word *w, const char *s, size_t k)
{
	return w->n == k && w->b[0] == s[0] && !memcmp(w->b, s, k);
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
	if (!w->n)
		return -1;
	char last = w->b[w->n - 1];
	for (size_t i = 0; i < count; i++)
		if (list[i].s[list[i].len - 1] == last && ends(w, list[i].s, list[i].len))
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
		    (r->cond == IF_VALID_LI && !(before && strchr("cdeghkmnrt", before))) ||
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

/* Whole words with a fixed stem (exception1). */
static const struct {
	sfx word, stem;
} exceptions[] = {
	{SFX("skis"), SFX("ski")}, {SFX("skies"), SFX("sky")}, {SFX("dying"), SFX("die")},
	{SFX("lying"), SFX("lie")}, {SFX("tying"), SFX("tie")}, {SFX("idly"), SFX("idl")},
	{SFX("gently"), SFX("gentl")}, {SFX("ugly"), SFX("ugli")}, {SFX("early"), SFX("earli")},
	{SFX("only"), SFX("onli")}, {SFX("singly"), SFX("singl")}, {SFX("sky"), SFX("sky")},
	{SFX("news"), SFX("news")}, {SFX("howe"), SFX("howe")}, {SFX("atlas"), SFX("atlas")},
	{SFX("cosmos"), SFX("cosmos")}, {SFX("bias"), SFX("bias")}, {SFX("andes"), SFX("andes")}};

/* Words left as they are after step 1a (exception2), 6 or 7 letters. */
static const sfx invariants[] = {
	SFX("inning"), SFX("outing"), SFX("canning"), SFX("herring"), SFX("earring"),
	SFX("proceed"), SFX("exceed"), SFX("succeed")};

static void prelude(word *w)
{
	w->y_found = 0;
	if (w->b[0] == '\'') {
		memmove(w->b, w->b + 1, --w->n);
		if (!w->n)
			return;
	}
	if (w->b[0] == 'y')
		w->b[0] = 'Y', w->y_found = 1;
	for (size_t i = 0; i + 1 < w->n; i++)
		if (vowel(w->b[i]) && w->b[i + 1] == 'y')
			w->b[i + 1] = 'Y', w->y_found = 1;
}

/* The end of the first vowel-then-non-vowel run from i, or n. */
static size_t region(const word *w, size_t i)
{
	while (i < w->n && !vowel(w->b[i]))
		i++;
	if (i == w->n)
		return w->n;
	while (i < w->n && vowel(w->b[i]))
		i++;
	return i == w->n ? w->n : i + 1;
}

static void mark_regions(word *w)
{
	static const sfx prefixes[] = {SFX("gener"), SFX("commun"), SFX("arsen")};
	w->p1 = 0;
	for (size_t i = 0; i < 3 && !w->p1; i++)
		if (w->n >= prefixes[i].len && w->b[0] == prefixes[i].s[0] &&
		    !memcmp(w->b, prefixes[i].s, prefixes[i].len))
			w->p1 = prefixes[i].len;
	if (!w->p1)
		w->p1 = region(w, 0);
	w->p2 = w->p1 < w->n ? region(w, w->p1) : w->n;
}

static void step_1a(word *w)
{
	static const sfx apostrophe[] = {SFX("'s'"), SFX("'s"), SFX("'")};
	static const sfx plural[] = {SFX("sses"), SFX("ied"), SFX("ies"), SFX("us"), SFX("ss"),
	                             SFX("s")};
	int i = SUFFIX(w, apostrophe);
	if (i >= 0)
		w->n -= apostrophe[i].len;
	switch (SUFFIX(w, plural)) {
	case 0: /* sses */
		w->n -= 2;
		break;
	case 1: /* ied */
	case 2: /* ies: "i" after two letters or more, else "ie" */
		w->n -= w->n >= 5 ? 2 : 1;
		break;
	case 5: /* s: dropped after a vowel that is not just before it */
		for (size_t k = 0; k + 2 < w->n; k++)
			if (vowel(w->b[k])) {
				w->n--;
				break;
			}
		break;
	default: /* us, ss */
		break;
	}
}

static void step_1b(word *w)
{
	static const sfx list[] = {SFX("eedly"), SFX("ingly"), SFX("edly"), SFX("eed"), SFX("ing"),
	                           SFX("ed")};
	int i = SUFFIX(w, list);
	if (i < 0)
		return;
	size_t bra = w->n - list[i].len;
	if (i == 0 || i == 3) { /* eedly, eed: "ee" in R1 */
		if (bra >= w->p1)
			w->n = bra + 2;
		return;
	}
	size_t v = 0;
	while (v < bra && !vowel(w->b[v]))
		v++;
	if (v == bra)
		return;
	w->n = bra;
	if (ends(w, "at", 2) || ends(w, "bl", 2) || ends(w, "iz", 2)) {
		w->b[w->n++] = 'e';
	} else if (w->n >= 2 && w->b[w->n - 1] == w->b[w->n - 2] &&
	           strchr("bdfgmnprt", w->b[w->n - 1])) {
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
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80 || (s[i] >= 'A' && s[i] <= 'Z') || !s[i])
			return (size_t)-1;
	/* the exceptions are 3 to 6 letters long */
	for (size_t i = 0; len >= 3 && len <= 6 && i < sizeof exceptions / sizeof *exceptions; i++)
		if (exceptions[i].word.len == len && exceptions[i].word.s[0] == s[0] &&
		    !memcmp(exceptions[i].word.s, s, len)) {
			memcpy(out, exceptions[i].stem.s, exceptions[i].stem.len);
			return exceptions[i].stem.len;
		}
	if (len < 3) {
		memcpy(out, s, len);
		return len;
	}
	word w;
	memcpy(w.b, s, len);
	w.n = len;
	prelude(&w);
	mark_regions(&w);
	step_1a(&w);
	int invariant = 0;
	for (size_t i = 0; w.n >= 6 && w.n <= 7 && i < sizeof invariants / sizeof *invariants; i++)
		invariant |= is(&w, invariants[i].s, invariants[i].len);
	if (!invariant) {
		step_1b(&w);
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
