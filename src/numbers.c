/*
 * numbers.c - reading amounts in English news text (see numbers.h).
 *
 * What: digit strings with thousands separators and decimals, scale words
 * ("2.5 million"), number words up to the billions ("three hundred and
 * twenty", "twenty-five", "two dozen"), and vague amounts.
 *
 * How: a small recursive-free reader over the tokens text.c made. Words are
 * compared as their case-folded lexicon strings; the reader only runs on
 * sentences that the figures stage has already found worth reading, so
 * string comparison here costs nothing measurable.
 *
 * Vague amounts are ranges whose point value is the low end, the least the
 * word can mean: "dozens" 24..99 (at least two dozen), "scores" 40..99,
 * "hundreds" 200..999, "thousands" 2,000..9,999, "tens of thousands"
 * 20,000..99,999, "hundreds of thousands" 200,000..999,999, "millions"
 * 2,000,000..9,999,999, "several" 3..9. ACLED's codebook instead codes fixed
 * single values (as we read it: "several"/"many" as 10, "dozens" as 12,
 * "hundreds" as 100); we keep the plural's lower bound (two of the unit) and
 * also give the range, because a brief compares claims by range, and "many"
 * or "a few" are not read at all: they carry no order of magnitude.
 *
 * Rejected: strtod on the raw token (accepts "1e5", "inf", locale commas);
 * treating "1.200" as twelve hundred (European grouping) since English news
 * writes decimals that way far more often.
 */
#include "numbers.h"

#include <math.h>
#include <string.h>

static int word_is(const char *w, size_t len, const char *lit)
{
	return strlen(lit) == len && !memcmp(w, lit, len);
}

int nf_num_digits(const char *s, size_t len, double *out)
{
	if (!len || len > 24 || s[0] < '0' || s[0] > '9')
		return 0;
	double v = 0;
	size_t i = 0, group = 0;
	int commas = 0;
	while (i < len && s[i] >= '0' && s[i] <= '9') {
		v = v * 10 + (s[i] - '0');
		i++, group++;
	}
	while (i < len && s[i] == ',') {
		/* A thousands group: exactly three digits, after 1-3 leading. */
		if ((!commas && group > 3) || i + 4 > len)
			return 0;
		for (size_t k = 1; k <= 3; k++)
			if (s[i + k] < '0' || s[i + k] > '9')
				return 0;
		v = v * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
		i += 4;
		commas = 1;
		group = 3;
		if (i < len && s[i] >= '0' && s[i] <= '9')
			return 0;
	}
	if (i < len && s[i] == '.') {
		double scale = 0.1;
		i++;
		if (i >= len || s[i] < '0' || s[i] > '9')
			return 0;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			v += (s[i] - '0') * scale;
			scale /= 10;
			i++;
		}
	}
	if (i != len)
		return 0; /* "2nd", "1.2.3" */
	*out = v;
	return 1;
}

static const char *const units[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const tens[] = {"twenty", "thirty", "forty", "fifty",
                                   "sixty", "seventy", "eighty", "ninety"};

static double simple_word(const char *w, size_t len)
{
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (word_is(w, len, units[i]))
			return (double)i;
	for (size_t i = 0; i < sizeof tens / sizeof *tens; i++)
		if (word_is(w, len, tens[i]))
			return 20.0 + 10.0 * (double)i;
	if (word_is(w, len, "dozen"))
		return 12;
	return -1;
}

double nf_num_word(const char *w, size_t len)
{
	const char *dash = memchr(w, '-', len);
	if (!dash)
		return simple_word(w, len);
	/* "twenty-five": a tens word, a hyphen, a unit word 1..9 */
	size_t a = (size_t)(dash - w);
	double t = simple_word(w, a), u = simple_word(dash + 1, len - a - 1);
	if (t >= 20 && fmod(t, 10) == 0 && u >= 1 && u <= 9)
		return t + u;
	return -1;
}

double nf_num_scale(const char *w, size_t len)
{
	if (word_is(w, len, "hundred"))
		return 100;
	if (word_is(w, len, "thousand"))
		return 1e3;
	if (word_is(w, len, "million") || word_is(w, len, "mn") || word_is(w, len, "m"))
		return 1e6;
	if (word_is(w, len, "billion") || word_is(w, len, "bn"))
		return 1e9;
	return 0;
}

int nf_num_vague(const char *w, size_t len, double *low, double *high)
{
	static const struct {
		const char *w;
		double low, high;
	} vague[] = {
		{"dozens", 24, 99},     {"scores", 40, 99},
		{"hundreds", 200, 999}, {"thousands", 2e3, 9999},
		{"millions", 2e6, 9999999}, {"several", 3, 9}};
	for (size_t i = 0; i < sizeof vague / sizeof *vague; i++)
		if (word_is(w, len, vague[i].w)) {
			*low = vague[i].low;
			*high = vague[i].high;
			return 1;
		}
	return 0;
}

/* The folded form of token t (words), or its text (numbers). */
static const char *form(const nf_corpus *c, const char *text, const nf_token *t,
                        size_t *len)
{
	if (t->flags & NF_TOK_NUM) {
		*len = t->len;
		return text + t->off;
	}
	const nf_lex_entry *e = &c->lex.entries[t->norm];
	*len = e->len;
	return e->str;
}

static int tok_word(const nf_corpus *c, const char *text, const nf_token *t,
                    const char *lit)
{
	size_t len;
	const char *w = form(c, text, t, &len);
	return (t->flags & NF_TOK_WORD) && word_is(w, len, lit);
}

/* Scale at toks[i] ("million", "dozen"), else 0. */
static double scale_at(const nf_corpus *c, const char *text, const nf_token *toks,
                       size_t n, size_t i)
{
	if (i >= n || !(toks[i].flags & NF_TOK_WORD))
		return 0;
	size_t len;
	const char *w = form(c, text, &toks[i], &len);
	if (word_is(w, len, "dozen"))
		return 12;
	return nf_num_scale(w, len);
}

/* Number words from toks[i]: "three", "twenty five", "three hundred and
 * twenty", "two million". Returns tokens read. */
static size_t words_at(const nf_corpus *c, const char *text, const nf_token *toks,
                       size_t n, size_t i, double *out)
{
	size_t len, k = i;
	if (!(toks[k].flags & NF_TOK_WORD))
		return 0;
	const char *w = form(c, text, &toks[k], &len);
	double v = nf_num_word(w, len);
	if (v < 0 || word_is(w, len, "dozen"))
		return 0;
	k++;
	if (v >= 20 && fmod(v, 10) == 0 && k < n && (toks[k].flags & NF_TOK_WORD)) {
		w = form(c, text, &toks[k], &len);
		double u = simple_word(w, len);
		if (u >= 1 && u <= 9)
			v += u, k++;
	}
	if (k < n && tok_word(c, text, &toks[k], "hundred")) {
		v *= 100, k++;
		/* "three hundred and twenty" */
		if (k + 1 < n && tok_word(c, text, &toks[k], "and") &&
		    (toks[k + 1].flags & NF_TOK_WORD)) {
			w = form(c, text, &toks[k + 1], &len);
			double r = nf_num_word(w, len);
			if (r >= 1 && r < 100 && !word_is(w, len, "dozen"))
				v += r, k += 2;
		}
	}
	double s = scale_at(c, text, toks, n, k);
	if (s > 1 && s != 100) {
		v *= s;
		k++;
	}
	*out = v;
	return k - i;
}

size_t nf_num_scan(const nf_corpus *c, const char *text, const nf_token *toks,
                   size_t n, size_t i, nf_number *out)
{
	memset(out, 0, sizeof *out);
	if (i >= n)
		return 0;
	const nf_token *t = &toks[i];
	double v;
	size_t k = i;
	if (t->flags & NF_TOK_NUM) {
		if (!nf_num_digits(text + t->off, t->len, &v))
			return 0;
		k++;
		double s = scale_at(c, text, toks, n, k);
		if (s > 1) {
			v *= s;
			k++;
		}
	} else if (t->flags & NF_TOK_WORD) {
		size_t len;
		const char *w = form(c, text, t, &len);
		double lo, hi;
		if (nf_num_vague(w, len, &lo, &hi)) {
			out->vague = 1;
			out->vague_word = word_is(w, len, "dozens") ? "dozens" :
			                  word_is(w, len, "scores") ? "scores" :
			                  word_is(w, len, "hundreds") ? "hundreds" :
			                  word_is(w, len, "thousands") ? "thousands" :
			                  word_is(w, len, "millions") ? "millions" : "several";
			k++;
			/* "tens of thousands", "hundreds of thousands" */
			if (lo >= 200 && lo < 2e3 && k + 1 < n &&
			    tok_word(c, text, &toks[k], "of") &&
			    tok_word(c, text, &toks[k + 1], "thousands")) {
				lo *= 1e3, hi = hi * 1e3 + 999, k += 2;
				out->vague_word = "hundreds of thousands";
			}
			out->value = out->low = lo;
			out->high = hi;
			out->ntok = k - i;
			return out->ntok;
		}
		if (word_is(w, len, "tens") && k + 2 < n &&
		    tok_word(c, text, &toks[k + 1], "of") &&
		    tok_word(c, text, &toks[k + 2], "thousands")) {
			out->vague = 1;
			out->vague_word = "tens of thousands";
			out->value = out->low = 2e4;
			out->high = 99999;
			out->ntok = 3;
			return 3;
		}
		if ((word_is(w, len, "a") || word_is(w, len, "an")) && k + 1 < n) {
			/* "a dozen", "a hundred", "a thousand", "a million" */
			double s = scale_at(c, text, toks, n, k + 1);
			if (s < 12)
				return 0;
			v = s;
			k += 2;
		} else {
			size_t used = words_at(c, text, toks, n, k, &v);
			if (!used)
				return 0;
			k += used;
			out->word = 1;
		}
		/* "two dozen" */
		if (scale_at(c, text, toks, n, k) == 12 && v < 100) {
			v *= 12;
			k++;
		}
	} else {
		return 0;
	}
	out->value = out->low = out->high = v;
	out->ntok = k - i;
	return out->ntok;
}
