/*
 * text.c - Unicode normalisation, tokens and sentences.
 *
 * Normalisation (nf_text_normalize) runs once on input: UTF-8 is validated
 * with the position of the first bad byte, line ends become "\n", invisible
 * characters go, no-break and other spaces become " ", and the text is put
 * in NFC. NFC goes through utf8proc only when a combining character is
 * present, since most news text is already composed and a per-byte scan
 * costs far less than a full normalisation.
 *
 * Tokens are words (letters, with inner hyphens and apostrophes: "ex-Soviet",
 * "O'Brien"; a possessive "'s" is split off so "Tokayev's" counts as
 * "Tokayev"), numbers ("6,044", "2.5", "1991", "2nd") and single punctuation
 * code points. Each token carries lexicon ids of its case-folded form and
 * its Snowball stem.
 *
 * Speed: a word of ASCII bytes ended by an ASCII byte (most words of
 * English news) is scanned and folded eight bytes at a time by
 * ascii_word() (short_word() when one block holds it: sixteen bytes with
 * SSE2, util/simd.h), without utf8proc, and its folded form, zero-padded,
 * is the key of the lexicon's short-word cache (a 16-byte key in the
 * mid-word cache for 9 to 16 bytes), which also holds the stem and
 * stop-word flag: a frequent word costs one probe.
 * A word the caches do not know waits in a small batch while its lexicon
 * and memo slots load (resolve()). ASCII numbers (ascii_number()) and
 * the typographic marks of U+2010 to U+2027 (typographic_mark()) have fast
 * paths of their own. Anything else (a non-ASCII byte where a code point
 * decides) takes the general path, scan_word(), scan_number() and fold()
 * with utf8proc's classes (general_token()), which defines the behaviour
 * the fast paths copy; its tokens then go through the caches and the
 * batch as the others do. Stems and the stop-word flag are found once per
 * distinct word, cached on the lexicon entry and in the context's memo,
 * which the corpora of a stream share (lexicon.h).
 *
 * Sentences end at . ! ? or … followed by a capital, digit or quote, and at
 * every paragraph break, but not after a known abbreviation or an initial.
 * The tokenizer notes the tokens where one may end (marks), so the
 * sentence pass need not look at every token.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "stages.h"
#include "text.h"
#include "util/simd.h"
#include "util/swar.h"

/* --- UTF-8 ----------------------------------------------------------------- */

/* Decodes one code point at s (len >= 1); returns its byte length, or 0 for
 * an invalid or truncated sequence. */
static size_t decode(const unsigned char *s, size_t len, int32_t *cp)
{
	utf8proc_ssize_t n = utf8proc_iterate(s, (utf8proc_ssize_t)(len < 4 ? len : 4), cp);
	return n > 0 ? (size_t)n : 0;
}

int nf_utf8_validate(const char *s, size_t len, size_t *bad_off)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		/* ASCII, eight bytes at a time */
		while (i + 8 <= len && !(nf_load8(p + i) & NF_HIGHS))
			i += 8;
		if (i == len)
			break;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		int32_t cp;
		size_t n = decode(p + i, len - i, &cp);
		if (!n) {
			if (bad_off)
				*bad_off = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

void nf_text_position(const char *s, size_t off, size_t *line, size_t *col)
{
	size_t l = 1, c = 1;
	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

int nf_text_binary(const char *s, size_t len, size_t *where)
{
	/* Only the head is sniffed, as git does with its first 8,000 bytes:
	 * compressed, image and office files show a NUL or a run of control
	 * bytes in their headers, while crawled pages can carry a stray run
	 * of NULs deep inside (padding after an image tag) that browsers
	 * drop, and a page is not refused for those. */
	size_t head = len < 8192 ? len : 8192, n = len < 4096 ? len : 4096;
	size_t ctrl = 0, first = 0;
	for (size_t i = 0; i < head; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == 0) {
			*where = i;
			return 1;
		}
		if (i < n && ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f' &&
		    !ctrl++)
			first = i;
	}
	*where = first;
	return n && ctrl * 20 > n;
}

/* Characters that carry no text: zero-width spaces and joiners, soft
 * hyphen, byte-order mark, bidi marks. */
static int invisible(int32_t cp)
{
	return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
	       cp == 0xFEFF;
}

static int space_like(int32_t cp)
{
	return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

nf_status nf_text_normalize(nf_arena *a, const char *s, size_t len,
                            char **out, size_t *outlen, size_t *bad_off)
{
	const unsigned char *p = (const unsigned char *)s;
	char *dst = nf_arena_alloc(a, len + 1);
	if (!dst)
		return NF_ENOMEM;
	size_t o = 0, i = 0;
	int combining = 0;
	while (i < len) {
		/* printable ASCII and line feeds stay as they are: eight at a time */
		while (i + 8 <= len) {
			uint64_t x = nf_load8(p + i);
			if ((nf_bytes_in(x, 0x20, 0x7F) | nf_bytes_in(x, '\n', '\n')) != NF_HIGHS)
				break;
			memcpy(dst + o, p + i, 8);
			o += 8;
			i += 8;
		}
		if (i == len)
			break;
		unsigned char ch = p[i];
		if (ch < 0x80) {
			i++;
			if (ch == '\r') {
				if (i < len && p[i] == '\n')
					i++;
				dst[o++] = '\n';
			} else if (ch == '\t' || ch == '\f' || ch == '\v') {
				dst[o++] = ' ';
			} else if (ch >= 0x20 || ch == '\n') {
				dst[o++] = (char)ch;
			} else if (ch == 0) {
				if (bad_off)
					*bad_off = i - 1;
				return NF_EUTF8;
			}
			continue;
		}
		int32_t cp;
		size_t n = decode(p + i, len - i, &cp);
		if (!n) {
			if (bad_off)
				*bad_off = i;
			return NF_EUTF8;
		}
		if (invisible(cp)) {
			/* dropped */
		} else if (space_like(cp)) {
			dst[o++] = ' ';
		} else if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
			dst[o++] = '\n';
		} else if (cp >= 0x80 && cp < 0xA0) {
			/* C1 controls: nothing */
		} else {
			if (!combining && cp >= 0x300 &&
			    (utf8proc_get_property(cp)->combining_class ||
			     (cp >= 0x1100 && cp <= 0x11FF)))
				combining = 1;
			memcpy(dst + o, p + i, n);
			o += n;
		}
		i += n;
	}
	dst[o] = '\0';
	if (combining) {
		utf8proc_uint8_t *nfc = NULL;
		utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)dst,
		                                  (utf8proc_ssize_t)o, &nfc,
		                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (r < 0)
			return r == UTF8PROC_ERROR_NOMEM ? NF_ENOMEM : NF_EUTF8;
		char *copy = nf_arena_strndup(a, (const char *)nfc, (size_t)r);
		free(nfc);
		if (!copy)
			return NF_ENOMEM;
		dst = copy;
		o = (size_t)r;
	}
	*out = dst;
	*outlen = o;
	return NF_OK;
}

/* --- Tokens ---------------------------------------------------------------- */

/* Common English function words: they carry no topic, so copy detection,
 * summary and entity stages skip them. At most LISTED_MAX bytes each, as
 * the abbreviations (listed()). */
static const char *const stopwords[] = {
	"'s", "a", "about", "after", "again", "against", "all", "also", "am",
	"amid", "among", "an", "and", "any", "are", "as", "at", "be", "because",
	"been", "before", "being", "between", "both", "but", "by", "can", "could",
	"did", "do", "does", "doing", "down", "during", "each", "few", "for",
	"from", "further", "had", "has", "have", "having", "he", "her", "here",
	"hers", "herself", "him", "himself", "his", "how", "however", "i", "if",
	"in", "into", "is", "it", "its", "itself", "just", "may", "me", "might",
	"more", "most", "mr", "mrs", "ms", "must", "my", "myself", "no", "nor",
	"not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
	"ours", "ourselves", "out", "over", "own", "per", "said", "same", "say",
	"says", "shall", "she", "should", "since", "so", "some", "such", "than",
	"that", "the", "their", "theirs", "them", "themselves", "then", "there",
	"these", "they", "this", "those", "through", "to", "too", "under", "until",
	"up", "upon", "us", "very", "via", "was", "we", "were", "what", "when",
	"where", "whether", "which", "while", "who", "whom", "why", "will", "with",
	"within", "without", "would", "yet", "you", "your", "yours", "yourself", NULL};

const char *const nf_title_abbreviations[] = {
	"adm", "atty", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "gen",
	"gov", "insp", "lieut", "lt", "maj", "mr", "mrs", "ms", "prof", "pvt",
	"rep", "rev", "sen", "sgt", "supt", NULL};

/* Words after which a period does not end a sentence, besides the titles:
 * months, company forms, "etc". */
static const char *const abbreviations[] = {
	"approx", "apr", "aug", "co", "corp", "dec", "dept", "e.g", "est", "etc",
	"feb", "fig", "ft", "hon", "i.e", "inc", "jan", "jr", "jul", "jun", "ltd",
	"mar", "mt", "no", "nov", "oct", "pres", "sep", "sept", "sr", "st", "vs",
	NULL};

/* The lists as one hash set, which each lexicon gets on its first
 * tokenizing (and keeps with its tables for the next: lexicon.h): a word
 * new to a context is looked up in both, and a binary search of the
 * lists, its steps mispredicted and its strings out of cache, took about
 * 3% of tokenizing by the clock. */
enum { LISTED_STOP = 1, LISTED_ABBR = 2 };

/* Slots of the set: a power of two, over twice the words of both lists
 * (196), so that probes stay short. */
#define LISTED_SLOTS 512

struct nf_word_lists {
	uint64_t key[LISTED_SLOTS][2]; /* a word's bytes, zero-padded; 0 = empty */
	unsigned char what[LISTED_SLOTS]; /* LISTED_* */
};

/* The longest listed word, with room to spare: the key's sixteen bytes. */
#define LISTED_MAX 15

static size_t listed_slot(uint64_t k0, uint64_t k1)
{
	return (size_t)(((k0 ^ k1 * 0x9E3779B97F4A7C15u) * 0x9E3779B97F4A7C15u) >> 55);
}

/* The slot of the word whose key is k0, k1, or the empty slot where it
 * would go. */
static size_t listed_find(const struct nf_word_lists *wl, uint64_t k0, uint64_t k1)
{
	size_t i = listed_slot(k0, k1);
	while (wl->key[i][0] && (wl->key[i][0] != k0 || wl->key[i][1] != k1))
		i = (i + 1) & (LISTED_SLOTS - 1);
	return i;
}

/* The key of s[0..len), len <= LISTED_MAX: its bytes, zero-padded. */
static void listed_key(const char *s, size_t len, uint64_t k[2])
{
	char w[16] = {0};
	memcpy(w, s, len);
	k[0] = nf_load8(w);
	k[1] = nf_load8(w + 8);
}

/* The lists s[0..len) is in (LISTED_*), 0 for none. */
static unsigned listed(const struct nf_word_lists *wl, const char *s, size_t len)
{
	if (len > LISTED_MAX)
		return 0;
	uint64_t k[2];
	listed_key(s, len, k);
	return wl->what[listed_find(wl, k[0], k[1])];
}

static void list_add(struct nf_word_lists *wl, const char *const *list, unsigned what)
{
	for (size_t j = 0; list[j]; j++) {
		uint64_t k[2];
		listed_key(list[j], strlen(list[j]), k);
		size_t i = listed_find(wl, k[0], k[1]);
		wl->key[i][0] = k[0];
		wl->key[i][1] = k[1];
		wl->what[i] |= (unsigned char)what;
	}
}

/* lex->lists, made if not yet there; NF_ENOMEM when out of memory. */
static nf_status make_lists(nf_lex *lex)
{
	if (lex->lists)
		return NF_OK;
	if (!(lex->lists = calloc(1, sizeof *lex->lists)))
		return NF_ENOMEM;
	list_add(lex->lists, stopwords, LISTED_STOP);
	list_add(lex->lists, abbreviations, LISTED_ABBR);
	list_add(lex->lists, nf_title_abbreviations, LISTED_ABBR);
	return NF_OK;
}

enum cls { C_SPACE, C_NL, C_LETTER, C_DIGIT, C_MARK, C_OTHER };

/* Class of each ASCII byte (S space, N newline, L letter, D digit,
 * O other), so the common case needs no decoding and no branches. */
#define S C_SPACE
#define N C_NL
#define L C_LETTER
#define D C_DIGIT
#define O C_OTHER
static const unsigned char ascii_class[128] = {
	S, S, S, S, S, S, S, S, S, S, N, S, S, S, S, S,
	S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
	S, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	D, D, D, D, D, D, D, D, D, D, O, O, O, O, O, O,
	O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, O,
	O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, O,
};
#undef S
#undef N
#undef L
#undef D
#undef O

static enum cls classify(int32_t cp)
{
	if (cp < 0x80)
		return (enum cls)ascii_class[cp];
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return C_LETTER;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ZS:
		return C_SPACE;
	case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
		return C_NL;
	default:
		return C_OTHER;
	}
}

typedef struct scanner {
	const unsigned char *s;
	size_t len;
} scanner;

/* Class and length of the code point at i (an invalid byte is OTHER). */
static inline enum cls at(const scanner *sc, size_t i, int32_t *cp, size_t *n)
{
	if (i >= sc->len) {
		*n = 0;
		*cp = 0;
		return C_SPACE;
	}
	if (sc->s[i] < 0x80) {
		*cp = sc->s[i];
		*n = 1;
		return (enum cls)ascii_class[*cp];
	}
	*n = decode(sc->s + i, sc->len - i, cp);
	if (!*n) {
		*n = 1;
		*cp = 0xFFFD;
		return C_OTHER;
	}
	return classify(*cp);
}

static int is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static int is_hyphen(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* End of the word starting at i. */
static size_t scan_word(const scanner *sc, size_t i, int *possessive_at)
{
	int32_t cp;
	size_t n;
	*possessive_at = -1;
	for (;;) {
		while (i < sc->len && sc->s[i] < 0x80 &&
		       (ascii_class[sc->s[i]] == C_LETTER || ascii_class[sc->s[i]] == C_DIGIT))
			i++;
		enum cls c = at(sc, i, &cp, &n);
		if (c == C_LETTER || c == C_MARK || c == C_DIGIT) {
			i += n;
			continue;
		}
		int32_t cp2;
		size_t n2;
		enum cls c2 = at(sc, i + n, &cp2, &n2);
		if (is_apostrophe(cp) && c2 == C_LETTER) {
			/* "'s" at the end of a word is a possessive. */
			int32_t cp3;
			size_t n3;
			enum cls c3 = at(sc, i + n + n2, &cp3, &n3);
			if ((cp2 == 's' || cp2 == 'S') && c3 != C_LETTER && c3 != C_DIGIT) {
				*possessive_at = (int)i;
				return i;
			}
			i += n;
			continue;
		}
		if (is_hyphen(cp) && (c2 == C_LETTER || c2 == C_DIGIT)) {
			i += n;
			continue;
		}
		/* U.S., U.N.: a letter-period-letter run keeps its periods. */
		if (cp == '.' && c2 == C_LETTER && n2 == 1) {
			int32_t cp3;
			size_t n3;
			at(sc, i + n + n2, &cp3, &n3);
			if (cp3 == '.') {
				i += n + n2 + n3;
				continue;
			}
		}
		return i;
	}
}

/* End of the number starting at i: 6,044  2.5  1991  2nd */
static size_t scan_number(const scanner *sc, size_t i)
{
	int32_t cp, cp2;
	size_t n, n2;
	for (;;) {
		enum cls c = at(sc, i, &cp, &n);
		if (c == C_DIGIT) {
			i += n;
			continue;
		}
		if ((cp == ',' || cp == '.') && at(sc, i + 1, &cp2, &n2) == C_DIGIT) {
			i += 1;
			continue;
		}
		break;
	}
	/* ordinal suffix */
	if (i + 1 < sc->len) {
		const unsigned char *p = sc->s + i;
		int lc0 = p[0] | 0x20, lc1 = p[1] | 0x20;
		if (((lc0 == 's' && lc1 == 't') || (lc0 == 'n' && lc1 == 'd') ||
		     (lc0 == 'r' && lc1 == 'd') || (lc0 == 't' && lc1 == 'h')) &&
		    at(sc, i + 2, &cp, &n) != C_LETTER)
			i += 2;
	}
	return i;
}

/* Folded forms longer than this are kept as they are (see general_token()). */
#define FOLD_MAX 256

/* Case-folds s[0..len) into buf (capacity cap); returns the folded length,
 * or 0 when it does not fit. Typographic apostrophes become '. */
static size_t fold(const char *s, size_t len, char *buf, size_t cap, int *cap_first, int *all_upper)
{
	size_t o = 0, i = 0;
	int letters = 0, uppers = 0, first = 1;
	*cap_first = 0;
	while (i < len) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x80) {
			if (o + 1 > cap)
				return 0;
			if (ch >= 'A' && ch <= 'Z') {
				letters++, uppers++;
				if (first)
					*cap_first = 1;
				ch = (unsigned char)(ch + 32);
			} else if (ch >= 'a' && ch <= 'z') {
				letters++;
			}
			if (ch >= 'a' && ch <= 'z')
				first = 0;
			buf[o++] = (char)ch;
			i++;
			continue;
		}
		int32_t cp;
		size_t n = decode((const unsigned char *)s + i, len - i, &cp);
		if (!n) {
			n = 1;
			cp = 0xFFFD;
		}
		if (cp == 0x2019)
			cp = '\'';
		if (utf8proc_isupper(cp)) {
			letters++, uppers++;
			if (first)
				*cap_first = 1;
			cp = utf8proc_tolower(cp);
		} else if (utf8proc_islower(cp)) {
			letters++;
		}
		if (first && letters)
			first = 0;
		if (o + 4 > cap)
			return 0;
		o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf + o);
		i += n;
	}
	*all_upper = letters >= 2 && uppers == letters;
	return o;
}

/* A slot for one more token, not zeroed: every field is written. */
static inline nf_token *new_token(nf_vec *toks)
{
	if (toks->len == toks->cap && nf_vec_reserve(toks, 1, sizeof(nf_token)))
		return NULL;
	return (nf_token *)toks->data + toks->len++;
}

/* The stem and stop-word flag of word token t whose folded form is
 * form[0..flen) and lexicon id t->norm: both are cached on the lexicon
 * entry, and in the context's memo, so the stemmer and the list run once
 * per distinct word of a stream of corpora. */
static nf_status word_ids(nf_lex *lex, nf_token *t, const char *form, size_t flen)
{
	nf_lex_entry *e = &lex->entries[t->norm];
	if (!(t->stem = e->stem)) {
		if (!(t->stem = nf_lex_stem(lex, t->norm)))
			return NF_ENOMEM;
		e = &lex->entries[t->norm]; /* entries may have moved */
	}
	if (!e->stop) {
		e->stop = listed(lex->lists, form, flen) & LISTED_STOP ? 2 : 1;
		nf_lex_remember(lex, t->norm);
	}
	if (e->stop == 2)
		t->flags |= NF_TOK_STOP;
	return NF_OK;
}

/* The general path, where the fast paths gave up at sc->s[i]: the token
 * there (scan_word(), scan_number(), or one code point) and its folded form
 * by fold(), with utf8proc's classes. Returns the token's end, or where
 * the scan goes on past a space or a mark (*form NULL). *form is buf
 * (FOLD_MAX + 8 bytes), zero-padded to sixteen bytes, or the token's
 * bytes as they are when too long to fold; *plen is the length of a
 * possessive after a word ("'s" or "’s"), or 0. */
static size_t general_token(const scanner *sc, size_t i, char *buf, const char **form,
                            size_t *flen, uint32_t *flags, size_t *plen)
{
	size_t n, end;
	int32_t cp;
	enum cls cl = at(sc, i, &cp, &n);
	*form = NULL;
	if (cl == C_SPACE || cl == C_NL || cl == C_MARK)
		return i + n;
	if (cl == C_LETTER) {
		int poss_at;
		end = scan_word(sc, i, &poss_at);
		if (poss_at >= 0) {
			at(sc, end, &cp, &n);
			*plen = n + 1;
		}
		*flags = NF_TOK_WORD;
	} else if (cl == C_DIGIT) {
		end = scan_number(sc, i);
		*flags = NF_TOK_NUM;
	} else {
		end = i + n;
		*flags = NF_TOK_PUNCT;
	}
	const char *s = (const char *)sc->s + i;
	int cap_first = 0, all_upper = 0;
	memset(buf, 0, 16);
	*form = buf;
	if (!(*flen = fold(s, end - i, buf, FOLD_MAX, &cap_first, &all_upper))) {
		/* too long to fold: kept as it is */
		*form = s;
		*flen = end - i;
	}
	if (*flags == NF_TOK_WORD)
		*flags |= (cap_first ? NF_TOK_CAP : 0) | (all_upper ? NF_TOK_UPPER : 0);
	return end;
}

/* The folded byte of an ASCII letter or digit; 0 for every other byte. */
static const unsigned char ascii_fold[256] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e',
	['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j',
	['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o',
	['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
	['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y',
	['Z'] = 'z', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd',
	['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i',
	['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
	['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's',
	['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x',
	['y'] = 'y', ['z'] = 'z'};

/* ASCII bytes after a run of letters and digits that may join it to more
 * of the word (ascii_word() also looks at every non-ASCII byte). */
static const unsigned char word_joiner[128] = {['.'] = 1, ['\''] = 1, ['-'] = 1};

/* The ASCII fast path: a word made of ASCII bytes and ended by one, which
 * is most words of English news. It scans as scan_word() does and folds
 * as fold() does, in one pass, into buf (FOLD_MAX + 8 bytes, the folded
 * form zero-padded to eight bytes for the lexicon's short-word key): each
 * byte folds to one byte, so the form is as long as the word. Returns the
 * end of the word, or 0 when the general path must take it: a non-ASCII
 * byte where scan_word() would look at a code point, or a word longer than
 * FOLD_MAX. *poss is 1 when a possessive "'s" (ASCII apostrophe) follows
 * the end. */
static size_t ascii_word(const unsigned char *p, size_t len, size_t i, char *buf,
                         uint32_t *flags, int *poss)
{
	size_t j = i, lim = len - i > FOLD_MAX ? i + FOLD_MAX : len;
	*poss = 0;
	for (;;) {
		/* the run of letters and digits, a block of eight at a time, lower-
		 * cased into buf with the bytes after it zeroed (the first store
		 * is at buf[0]: the key's padding needs no other zeroing) */
		while (j < lim) {
			uint64_t x = nf_load_upto8(p + j, lim - j);
			uint64_t letters = nf_letters(x);
			uint64_t stop = ~(letters | nf_bytes_in(x, '0', '9')) & NF_HIGHS;
			/* (the zero padding of a short block stops the run) */
			size_t m = stop ? nf_first_marked(stop) : 8;
			uint64_t keep = nf_low_bytes(m);
			nf_store8(buf + (j - i), (x | nf_upper(x, letters) >> 2) & keep);
			j += m;
			if (m < 8)
				break;
		}
		if (j == len)
			break;
		if (j == lim) /* FOLD_MAX bytes: fold() would give up */
			return 0;
		unsigned char b = p[j];
		if (b < 0x80 && !word_joiner[b]) /* a space or a mark: most words end so */
			break;
		unsigned char b2 = j + 1 < len ? p[j + 1] : ' ';
		if (b == '.') {
			/* U.S., a.m.: a period, one letter, a period */
			if (b2 >= 0x80 || ascii_class[b2] != C_LETTER || j + 2 >= len || p[j + 2] != '.')
				break;
			if (j + 3 > lim)
				return 0;
			buf[j - i] = '.';
			buf[j + 1 - i] = (char)ascii_fold[b2];
			buf[j + 2 - i] = '.';
			j += 3;
			continue;
		}
		if (b >= 0x80)
			return 0;
		if (b != '\'' && b != '-')
			break;
		if (b2 >= 0x80)
			return 0;
		if (b == '\'') {
			if (ascii_class[b2] != C_LETTER)
				break;
			if (b2 == 's' || b2 == 'S') {
				unsigned char b3 = j + 2 < len ? p[j + 2] : ' ';
				if (b3 >= 0x80)
					return 0;
				if (!ascii_fold[b3]) {
					*poss = 1;
					break;
				}
			}
		} else if (!ascii_fold[b2]) {
			break;
		}
		buf[j++ - i] = (char)b;
	}
	*flags = NF_TOK_WORD;
	if ((unsigned)(p[i] - 'A') < 26) {
		/* all upper case: 2+ letters, none in lower case; by blocks */
		size_t letters = 0;
		uint64_t lower = 0;
		for (size_t k = i; k < j; k += 8) {
			uint64_t x = nf_load_upto8(p + k, j - k), l = nf_letters(x);
			letters += nf_count_marked(l);
			lower |= l & ~nf_upper(x, l);
		}
		*flags |= NF_TOK_CAP;
		if (letters >= 2 && !lower)
			*flags |= NF_TOK_UPPER;
	}
	return j;
}

/* Word token t from a cache slot's id, stem and stop flag: a cached word
 * with its stem and stop flag needs no entry read. 0 while the stem is not
 * known. */
static inline int cached_word(nf_token *t, uint32_t id, uint32_t stem, uint32_t stop_flag)
{
	if (!stem)
		return 0;
	t->norm = id;
	t->stem = stem;
	/* function words come and go at random: the flag as the slot keeps it,
	 * or'ed in without a test (4 instructions a token fewer than from the
	 * entry's 1 or 2) */
	t->flags |= stop_flag;
	return 1;
}

/* The ids of token t (flags set) from the short-word cache, when it has
 * them: the folded form is form[0..flen), flen <= 8, eight readable bytes
 * zero from form[flen] on. Returns 0 when the cache cannot tell. Inlined
 * into the tokenizer's loop: this is the path of most tokens. */
static inline int ids_cached(const nf_lex *lex, nf_token *t, const char *form, size_t flen)
{
	uint64_t key;
	memcpy(&key, form, 8);
	const nf_lex_small *e = nf_lex_small_slot(lex, key);
	if (e->len != flen || e->key != key)
		return 0;
	if (!(t->flags & NF_TOK_WORD)) {
		t->norm = t->stem = e->id;
		return 1;
	}
	return cached_word(t, e->id, e->stem, e->stop_flag);
}

/* The 16-byte key of form[0..flen), 8 < flen <= 16, sixteen readable
 * bytes at form (those after flen need not be zero). */
static inline void mid_key(const char *form, size_t flen, uint64_t k[2])
{
	k[0] = nf_load8(form);
	k[1] = nf_load8(form + 8) & nf_low_bytes(flen - 8);
}

/* ids_cached() for a word of 9 to 16 bytes. */
static inline int mid_cached(const nf_lex *lex, nf_token *t, const char *form, size_t flen)
{
	uint64_t k[2];
	mid_key(form, flen, k);
	const nf_lex_mid *e = nf_lex_mid_slot(lex, k[0], k[1]);
	if (e->len != flen || e->key[0] != k[0] || e->key[1] != k[1])
		return 0;
	return cached_word(t, e->id, e->stem, e->stop_flag);
}

/* The ids of token t (flags set) whose folded form is form[0..flen), of
 * nf_lex_hash() hash, by the lexicon, when ids_cached() could not give
 * them; form has eight readable bytes, zero from form[flen] on, when
 * flen <= 8, and sixteen when flen <= 16. */
static nf_status ids_interned(nf_lex *lex, nf_token *t, const char *form, size_t flen,
                              uint64_t hash)
{
	if (flen > 8) {
		if (!(t->norm = nf_lex_intern_hashed(lex, form, flen, hash)))
			return NF_ENOMEM;
		if (!(t->flags & NF_TOK_WORD)) {
			t->stem = t->norm;
			return NF_OK;
		}
		nf_status st = word_ids(lex, t, form, flen);
		if (!st && flen <= 16) {
			uint64_t k[2];
			mid_key(form, flen, k);
			*nf_lex_mid_slot(lex, k[0], k[1]) = (nf_lex_mid){
				{k[0], k[1]}, (uint32_t)flen, t->norm, t->stem, t->flags & NF_TOK_STOP};
		}
		return st;
	}
	uint64_t key;
	memcpy(&key, form, 8);
	if (!(t->norm = nf_lex_intern_key(lex, form, flen, key, hash)))
		return NF_ENOMEM;
	if (!(t->flags & NF_TOK_WORD)) {
		t->stem = t->norm;
		return NF_OK;
	}
	nf_status st = word_ids(lex, t, form, flen);
	nf_lex_small *e = nf_lex_small_slot(lex, key);
	if (!st && e->id == t->norm && e->len == flen && e->key == key) {
		e->stem = t->stem;
		e->stop_flag = t->flags & NF_TOK_STOP;
	}
	return st;
}

/* ascii_word() for the common word: fewer than SHORT_BLOCK letters and
 * digits then an ASCII byte that joins nothing more to them, all in the
 * block at p (SHORT_BLOCK readable bytes). Returns the word's length, 0
 * for any other word; folds it into buf (SHORT_BLOCK bytes, zero-padded)
 * and sets *flags as ascii_word() does, from the block's masks alone.
 *
 * With SSE2 the block is sixteen bytes (util/simd.h): a word of eight to
 * fifteen bytes, about one token in eight, takes this path instead of
 * ascii_word()'s loop over blocks of eight (15 million instructions of
 * tokenizing a bench_text pass, tokenize 5% faster). */
#if NF_SIMD
#define SHORT_BLOCK 16
static inline size_t short_word(const unsigned char *p, char *buf, uint32_t *flags)
{
	__m128i x = nf_load16(p);
	__m128i letters = nf_v_letters(x);
	unsigned word = nf_v_mask(_mm_or_si128(letters, nf_v_in(x, '0', '9')));
	if (word == 0xFFFF)
		return 0;
	unsigned m = (unsigned)__builtin_ctz(~word); /* 1 or more: p[0] is a letter */
	if (p[m] >= 0x80 || word_joiner[p[m]])
		return 0;
	__m128i up = nf_v_upper(x, letters);
	_mm_storeu_si128((__m128i *)buf, _mm_and_si128(nf_v_fold(x, up), nf_v_first(m)));
	/* the flags as the eight-byte path sets them, from the masks' bits */
	unsigned keep = (1u << m) - 1, lbits = nf_v_mask(letters) & keep;
	unsigned ubits = nf_v_mask(up) & keep;
	uint32_t cap = ubits & 1;
	uint32_t upper = cap & ((lbits & (lbits - 1)) != 0) & !(lbits & ~ubits);
	*flags = NF_TOK_WORD | cap * NF_TOK_CAP | upper * NF_TOK_UPPER;
	return m;
}
#else
#define SHORT_BLOCK 8
static inline size_t short_word(const unsigned char *p, char *buf, uint32_t *flags)
{
	uint64_t x = nf_load8(p);
	uint64_t letters = nf_letters(x);
	uint64_t stop = ~(letters | nf_bytes_in(x, '0', '9')) & NF_HIGHS;
	if (!stop)
		return 0;
	size_t m = nf_first_marked(stop); /* 1 or more: p[0] is a letter */
	if (p[m] >= 0x80 || word_joiner[p[m]])
		return 0;
	uint64_t keep = nf_low_bytes(m), up = nf_upper(x, letters) & keep;
	nf_store8(buf, (x | up >> 2) & keep);
	/* capitalised or not is as random as text: the flags without a branch;
	 * upper case is a capital, 2+ letters and none in lower case */
	letters &= keep;
	uint32_t cap = (up & 0x80) != 0;
	uint32_t upper = cap & ((letters & (letters - 1)) != 0) & !(letters & ~up);
	*flags = NF_TOK_WORD | cap * NF_TOK_CAP | upper * NF_TOK_UPPER;
	return m;
}
#endif

/* Whether s[0..2) is an ordinal suffix (st nd rd th), in either case;
 * a byte from 0x80 up matches none. */
static inline int ordinal_suffix(const unsigned char *s)
{
	int a = s[0] | 0x20, b = s[1] | 0x20;
	return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
	       (a == 't' && b == 'h');
}

/* The ASCII fast path for numbers, as scan_number() and fold() take them:
 * a number of ASCII bytes up to sixteen long, ended by an ASCII byte.
 * About one token in forty is a number, which the general path would
 * scan and fold by code points. Returns the end, the folded form in buf
 * (sixteen bytes, zero-padded), or 0 when the general path must take it: a byte
 * from 0x80 up where scan_number() would look at a code point's class, or
 * more than sixteen bytes. */
static size_t ascii_number(const unsigned char *p, size_t len, size_t i, char *buf)
{
	size_t j = i;
	for (;;) {
		while (j < len && (unsigned)(p[j] - '0') < 10)
			j++;
		if (j + 1 >= len || (p[j] != ',' && p[j] != '.'))
			break;
		if (p[j + 1] >= 0x80)
			return 0;
		if ((unsigned)(p[j + 1] - '0') >= 10)
			break;
		j++;
	}
	if (j < len && p[j] >= 0x80)
		return 0;
	size_t n = j - i;
	int ord = j + 1 < len && ordinal_suffix(p + j);
	if (ord) {
		unsigned char after = j + 2 < len ? p[j + 2] : ' ';
		if (after >= 0x80)
			return 0;
		ord = ascii_class[after] != C_LETTER;
	}
	n += 2 * (size_t)ord;
	if (n > 16)
		return 0;
	memset(buf, 0, 16);
	memcpy(buf, p + i, n);
	if (ord) { /* fold() lower-cases the suffix */
		buf[n - 2] |= 0x20;
		buf[n - 1] |= 0x20;
	}
	return i + n;
}

/* The fast path for a typographic mark at p[i], U+2010 to U+2027 (dashes,
 * curly quotes, bullet, ellipsis: E2 80 90 to E2 80 A7), common in news
 * text: the general path classes them OTHER, one token each, and fold()
 * leaves them as they are but for the apostrophe U+2019, folded to '.
 * Returns the folded length, the form in buf (sixteen bytes, zero-padded),
 * or 0 for any other code point. */
static size_t typographic_mark(const unsigned char *p, size_t len, size_t i, char *buf)
{
	if (len - i < 3 || p[i] != 0xE2 || p[i + 1] != 0x80 || p[i + 2] < 0x90 || p[i + 2] > 0xA7)
		return 0;
	memset(buf, 0, 16);
	if (p[i + 2] == 0x99) {
		buf[0] = '\'';
		return 1;
	}
	memcpy(buf, p + i, 3);
	return 3;
}

/* Tokens whose ids wait for the lexicon. A word the caches do not know is
 * most often new to the corpus, and interning and stemming it reads three
 * or four places out of cache (its slot, the memo's slot and copy, its
 * stem's slot): one after another, that was about 40% of tokenizing. So
 * the tokenizer notes such a token, starts those loads, and goes on; every
 * PENDING tokens, before a form longer than sixteen bytes (interned at
 * once), and at the text's end, the noted ones are resolved in order,
 * their loads done together. The order of interning is the order of the
 * tokens, so ids are those of resolving each at once. 64 tokens were no
 * faster. */
#define PENDING 32

typedef struct pending {
	uint32_t tok, flen;  /* the token's index; its folded form's length */
	uint64_t hash;
	char form[16];       /* the folded form (up to 16 bytes), zero-padded */
} pending;

/* Tokens where a sentence may end, noted by the tokenizer for the
 * sentence pass (nf_text_analyze()), which then looks at those alone
 * instead of at every token: a terminal mark (. ! ? …) and every token
 * before a gap the tokenizer skipped beyond one space (a paragraph break
 * needs two bytes), a superset of the tokens the pass must look at. Most
 * documents have a few dozen; one with more than MARKS_MAX is passed over
 * token by token, as without marks. */
#define MARKS_MAX 1024

typedef struct marks {
	uint32_t at[MARKS_MAX]; /* token indices, ascending */
	size_t n;
	int all;      /* overflowed: the pass must look at every token */
	size_t punct; /* punctuation tokens, for the count of words */
} marks;

static inline void mark(marks *mk, size_t tok)
{
	if (mk->n && mk->at[mk->n - 1] == tok)
		return;
	if (mk->n == MARKS_MAX)
		mk->all = 1;
	else
		mk->at[mk->n++] = (uint32_t)tok;
}

typedef struct tokenizer {
	nf_lex *lex;
	nf_vec *toks;
	pending wait[PENDING];
	size_t nwait;
	marks *mk; /* NULL when the caller needs no sentences */
} tokenizer;

/* Notes, when marking, that a gap beyond one space follows the last token. */
static inline void mark_gap(tokenizer *z)
{
	if (z->mk && z->toks->len)
		mark(z->mk, z->toks->len - 1);
}

/* Terminal marks, as is_terminal() has them: the ASCII ones. */
static const unsigned char ascii_terminal[128] = {['.'] = 1, ['!'] = 1, ['?'] = 1};

static nf_status resolve(tokenizer *z)
{
	for (size_t k = 0; k < z->nwait; k++)
		nf_lex_prefetch_memo(z->lex, z->wait[k].hash);
	for (size_t k = 0; k < z->nwait; k++) {
		const pending *w = &z->wait[k];
		nf_status st = ids_interned(z->lex, (nf_token *)z->toks->data + w->tok, w->form, w->flen,
		                            w->hash);
		if (st)
			return st;
	}
	z->nwait = 0;
	return NF_OK;
}

/* Pushes a token whose folded form is form[0..flen), with flags; form has
 * sixteen readable bytes, zero from form[flen] to form[8] when flen <= 8.
 * Its ids come from the caches, else later (resolve()). */
static inline nf_status push_folded(tokenizer *z, size_t off, size_t len, const char *form,
                                    size_t flen, uint32_t flags)
{
	nf_token *t = new_token(z->toks);
	if (!t)
		return NF_ENOMEM;
	t->off = (uint32_t)off;
	t->len = (uint32_t)len;
	t->flags = flags;
	if (flen <= 8 ? ids_cached(z->lex, t, form, flen)
	              : flen <= 16 && (flags & NF_TOK_WORD) && mid_cached(z->lex, t, form, flen))
		return NF_OK;
	nf_status st;
	if (flen > 16) { /* rare: at once, after those waiting */
		if ((st = resolve(z)))
			return st;
		return ids_interned(z->lex, t, form, flen, nf_lex_hash(form, flen));
	}
	if (z->nwait == PENDING && (st = resolve(z)))
		return st;
	pending *w = &z->wait[z->nwait++];
	w->tok = (uint32_t)(t - (nf_token *)z->toks->data);
	w->flen = (uint32_t)flen;
	memcpy(w->form, form, 16);
	w->hash = nf_lex_hash(form, flen);
	nf_lex_prefetch(z->lex, w->hash);
	return NF_OK;
}

/* nf_text_tokenize(), noting marks in mk (NULL for none). */
static nf_status tokenize(nf_corpus *c, const char *s, size_t len, nf_vec *toks, marks *mk)
{
	if (len > UINT32_MAX)
		return NF_ETOOBIG;
	nf_status st = make_lists(&c->lex);
	if (st)
		return st;
	scanner sc = {(const unsigned char *)s, len};
	const unsigned char *p = sc.s;
	char buf[FOLD_MAX + 8]; /* + 8: the key's padding, or a block's store */
	size_t i = 0;
	tokenizer z = {.lex = &c->lex, .toks = toks, .mk = mk};
	while (i < len) {
		size_t end = 0, flen = 0, m;
		uint32_t flags = 0;
		int poss = 0;
		if (p[i] < 0x80) {
			enum cls cl = (enum cls)ascii_class[p[i]];
			/* letters first: four tokens in five start with one */
			if (cl == C_LETTER) {
				if (len - i >= SHORT_BLOCK && (m = short_word(p + i, buf, &flags)))
					end = i + m;
				else
					end = ascii_word(p, len, i, buf, &flags, &poss);
			} else if (cl == C_SPACE || cl == C_NL) {
				mark_gap(&z);
				i++;
				continue;
			} else if (cl == C_OTHER) {
				memset(buf, 0, 8);
				buf[0] = (char)p[i];
				end = i + 1;
				flags = NF_TOK_PUNCT;
				if (mk) {
					mk->punct++;
					if (ascii_terminal[p[i]])
						mark(mk, toks->len);
				}
			} else if ((end = ascii_number(p, len, i, buf))) { /* a digit */
				flags = NF_TOK_NUM;
			}
			flen = end - i;
		} else if ((flen = typographic_mark(p, len, i, buf))) {
			end = i + 3;
			flags = NF_TOK_PUNCT;
			if (mk) {
				mk->punct++;
				if (p[i + 2] == 0xA6) /* … */
					mark(mk, toks->len);
			}
		}
		const char *form = buf;
		size_t plen = 2 * (size_t)poss;
		if (!end) {
			/* the general path: its tokens wait with the others for the
			 * lexicon, rather than resolving those first (about half of
			 * the early resolves) */
			end = general_token(&sc, i, buf, &form, &flen, &flags, &plen);
			if (!form) {
				mark_gap(&z);
				i = end;
				continue;
			}
			if (mk && flags == NF_TOK_PUNCT)
				mk->punct++;
		}
		/* one call site for every token: a third one made the compiler
		 * stop inlining push_folded() (19 million instructions) */
		if ((st = push_folded(&z, i, end - i, form, flen, flags)))
			return st;
		if (plen) {
			memset(buf, 0, 8);
			memcpy(buf, "'s", 2);
			flags = NF_TOK_WORD | (p[end + plen - 1] == 'S' ? NF_TOK_CAP : 0);
			if ((st = push_folded(&z, end, plen, buf, 2, flags)))
				return st;
			end += plen;
		}
		/* the space after a token: one test, not a turn of the loop */
		i = end + (end < len && p[end] == ' ');
	}
	return resolve(&z);
}

nf_status nf_text_tokenize(nf_corpus *c, const char *s, size_t len, nf_vec *toks)
{
	return tokenize(c, s, len, toks, NULL);
}

int nf_tok_is(const nf_corpus *c, const nf_token *t, const char *w)
{
	return !strcmp(nf_lex_str(&c->lex, t->norm), w);
}

/* --- Sentences ------------------------------------------------------------- */

static int is_closer(const char *s, const nf_token *t)
{
	if (t->len == 1)
		return s[t->off] == '"' || s[t->off] == '\'' || s[t->off] == ')' ||
		       s[t->off] == ']';
	if (t->len == 3) { /* ’ ” » in UTF-8 */
		const unsigned char *p = (const unsigned char *)s + t->off;
		return p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x99 || p[2] == 0x9D);
	}
	return t->len == 2 && (unsigned char)s[t->off] == 0xC2 &&
	       (unsigned char)s[t->off + 1] == 0xBB;
}

static int is_terminal(const char *s, const nf_token *t)
{
	if (t->len == 1)
		return s[t->off] == '.' || s[t->off] == '!' || s[t->off] == '?';
	/* … */
	return t->len == 3 && (unsigned char)s[t->off] == 0xE2 &&
	       (unsigned char)s[t->off + 1] == 0x80 &&
	       (unsigned char)s[t->off + 2] == 0xA6;
}

/* Whether a token can begin a sentence: a capital, a digit, a quote. */
static int can_start(const char *s, const nf_token *t)
{
	if (t->flags & (NF_TOK_CAP | NF_TOK_NUM))
		return 1;
	if (t->flags & NF_TOK_PUNCT) {
		unsigned char ch = (unsigned char)s[t->off];
		return ch == '"' || ch == '\'' || ch == '(' || ch == '[' || ch == 0xE2 ||
		       ch == 0xC2 || ch == '-';
	}
	return 0;
}

/* Whether the period at token i follows an abbreviation or an initial. */
static int after_abbreviation(nf_corpus *c, const char *s, const nf_token *toks, size_t i)
{
	if (i == 0 || s[toks[i].off] != '.')
		return 0;
	const nf_token *w = &toks[i - 1];
	if (w->off + w->len != toks[i].off || !(w->flags & NF_TOK_WORD))
		return 0;
	/* a period follows one word in twenty: the list is searched once a
	 * distinct word, the answer kept on its entry */
	nf_lex_entry *e = &c->lex.entries[w->norm];
	if (!e->abbr)
		e->abbr = listed(c->lex.lists, e->str, e->len) & LISTED_ABBR ? 2 : 1;
	if (e->abbr == 2)
		return 1;
	/* A single capital letter: an initial, as in "John F. Kennedy". */
	return w->len == 1 && (w->flags & NF_TOK_CAP);
}

/* Whether the gap s[from..to) between two tokens holds a blank line (most
 * gaps are one space or none). */
static inline int para_break(const char *s, uint32_t from, uint32_t to)
{
	if (to - from < 2)
		return 0;
	int nl = 0;
	for (uint32_t i = from; i < to; i++)
		if (s[i] == '\n' && ++nl >= 2)
			return 1;
	return 0;
}

nf_status nf_text_analyze(nf_corpus *c, nf_doc *d)
{
	/* Scratch vectors live on the corpus so that a thousand documents do
	 * not grow a thousand vectors from nothing. */
	nf_vec toks = c->scratch_toks, sents = c->scratch_sents;
	toks.len = sents.len = 0;
	marks mk; /* not zeroed whole: its array is written before it is read */
	mk.n = 0;
	mk.all = 0;
	mk.punct = 0;
	nf_status st = tokenize(c, d->text ? d->text : "", d->text_len, &toks, &mk);
	if (st)
		goto done;
	const char *s = d->text;
	nf_token *tk = toks.data;
	size_t n = toks.len, start = 0;
	uint32_t para = 0;
	size_t words = n - mk.punct; /* a token is a word, a number or punctuation */
	if (n)
		mark(&mk, n - 1);
	/* the marked tokens (see marks), or every token after an overflow */
	size_t nlook = mk.all ? n : mk.n;
	for (size_t k = 0; k < nlook; k++) {
		size_t i = mk.all ? k : mk.at[k];
		if (i < start)
			continue; /* inside the sentence just cut */
		/* most tokens end nothing: not punctuation, and at most one
		 * byte (a space) before the next, so no paragraph break */
		if (i + 1 < n && !(tk[i].flags & NF_TOK_PUNCT) &&
		    tk[i + 1].off - (tk[i].off + tk[i].len) < 2)
			continue;
		size_t last = i;
		int cut = i + 1 == n || para_break(s, tk[i].off + tk[i].len, tk[i + 1].off);
		if (!cut && (tk[i].flags & NF_TOK_PUNCT) && is_terminal(s, &tk[i]) &&
		    !after_abbreviation(c, s, tk, i)) {
			/* A closing quote or bracket belongs to the sentence it ends. */
			while (last + 1 < n && is_closer(s, &tk[last + 1]) &&
			       !para_break(s, tk[last].off + tk[last].len, tk[last + 1].off))
				last++;
			cut = last + 1 == n ||
			      para_break(s, tk[last].off + tk[last].len, tk[last + 1].off) ||
			      can_start(s, &tk[last + 1]);
			if (!cut)
				last = i;
		}
		if (!cut)
			continue;
		nf_sentence *se = nf_vec_push(&sents, sizeof *se);
		if (!se) {
			st = NF_ENOMEM;
			goto done;
		}
		se->off = tk[start].off;
		se->len = tk[last].off + tk[last].len - tk[start].off;
		se->tok0 = (uint32_t)start;
		se->ntok = (uint32_t)(last + 1 - start);
		se->para = para;
		tk[start].flags |= NF_TOK_SSTART;
		if (last + 1 < n &&
		    para_break(s, tk[last].off + tk[last].len, tk[last + 1].off))
			para++;
		start = last + 1;
	}
	d->words = words;
	d->ntoks = toks.len;
	d->nsents = sents.len;
	d->toks = nf_arena_memdup(&c->arena, toks.data, toks.len, sizeof(nf_token));
	d->sents = nf_arena_memdup(&c->arena, sents.data, sents.len, sizeof(nf_sentence));
	if (!d->toks || !d->sents)
		st = NF_ENOMEM;
done:
	c->scratch_toks = toks;
	c->scratch_sents = sents;
	return st;
}
