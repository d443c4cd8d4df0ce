/*
 * summary_units.c - the candidate units of the summary: every sentence that
 * can stand alone, and a compressed form of it.
 *
 * A unit stands alone when it is 6 to 60 words, ends like a sentence,
 * starts with a capital or a number that is not a pronoun or a connective
 * needing the sentence before, is not a bare or broken quote, holds a run
 * of lower-case words (so a headline, a caption credit or a menu line is
 * not one), is not mostly capitals, and holds no address, link or phone
 * number (contact lines, not facts).
 *
 * Compression drops what a reader of a summary can do without and keeps
 * what is left a grammatical sentence, using only token shapes and a few
 * word lists (no parser):
 *   - a leading connective: "However, the dam held." -> "The dam held.";
 *   - a short parenthesis: "(about 90 miles)";
 *   - a trailing attribution: "..., the county fire service said." or
 *     "..., according to the ministry."
 * A sentence holding a quotation keeps its attribution (a quote needs its
 * speaker), so does one whose speaker is a share of people ("..., five
 * percent said"), and what remains must still stand alone. Who said it is
 * not lost: the summary item cites the sentence's article and every other
 * that states it. Each sentence gives at most two units, whole and
 * compressed; at most one of them is chosen, by what it covers per word.
 * On DUC 2002 compression adds 0.006 / 0.010 to ROUGE-1 / ROUGE-2 at 100
 * and 200 words (against extracts, whose references keep the
 * attributions; more is to be expected against written abstracts, which
 * drop them).
 *
 * Rejected: dropping a leading attribution ("Officials said (that) X" ->
 * "X"): it asserts what a partisan source claims ("A newspaper said the
 * United States is to blame") and gained nothing on DUC 2002; dropping
 * relative clauses and appositions (", who ...,"): without a parser the
 * cut too often takes the verb of the sentence with it; every subset of
 * the cuts as its own unit: the selection nearly always takes the fullest
 * cut, and the units would triple.
 */
#include <stdlib.h>
#include <string.h>

#include "stages.h"
#include "summary.h"

/* Unit length in words: shorter ones are fragments or captions, longer
 * ones are run-ons or lists glued together by a missing period. */
#define MIN_WORDS 6
#define MAX_WORDS 60

/* Consecutive lower-case words a real sentence has somewhere ("were killed
 * in the", "said on Sunday that"); a headline or a menu has none. */
#define MIN_LOWER_RUN 3

/* An attribution is short: its speaker is a name or a title of at most
 * this many tokens ("the county fire service", "John Smith, a spokesman
 * for the agency"); anything longer is a clause of its own. */
#define MAX_SPEAKER 6
#define MAX_TAIL 12

/* A parenthesis of at most this many tokens is an aside ("(145 km)",
 * "(AP)"); a longer one may carry the point of the sentence. */
#define MAX_ASIDE 12

static int word_in(const nf_corpus *c, const nf_token *t, const char *const *list,
                   size_t n)
{
	if (!(t->flags & NF_TOK_WORD))
		return 0;
	const char *w = nf_lex_str(&c->lex, t->norm);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(w, list[i]))
			return 1;
	return 0;
}

#define IN(c, t, list) word_in((c), (t), (list), sizeof(list) / sizeof *(list))

/* Words that start a sentence needing the one before it, or addressing
 * the reader ("Your email address ...", a site's text, not the story's). */
static const char *const context_words[] = {
	"he", "she", "it", "they", "this", "these", "those", "his", "her", "its",
	"their", "them", "we", "our", "i", "you", "your", "but", "and", "or", "so",
	"however", "also", "that", "then", "meanwhile", "still", "latter",
	"such", "both", "yet", "thus", "here", "there", "who", "which"};

/* Connectives that may simply be dropped from the start of a sentence. */
static const char *const connectives[] = {
	"but", "and", "however", "meanwhile", "also", "moreover", "furthermore",
	"nevertheless", "nonetheless", "still", "yet", "besides", "instead"};

/* Verbs of attribution. */
static const char *const said_words[] = {
	"said", "says", "say", "told", "reported", "added", "stated",
	"announced", "confirmed", "explained", "noted", "warned", "insisted"};

/* A speaker with one of these does not vouch for what follows, or is a
 * share of people asked ("Nobody said ...", "Five percent said ...",
 * "Most residents said ..."): the attribution is the news. */
static const char *const not_speakers[] = {
	"no", "not", "nobody", "never", "none", "neither", "nor", "few", "some",
	"many", "most", "several", "half", "percent", "majority", "minority",
	"poll", "survey", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten"};

/* Words that open a clause rather than an attribution after a comma
 * (", which police said was arson"). */
static const char *const clause_words[] = {
	"which", "who", "whom", "whose", "that", "and", "but", "or", "while",
	"as", "when", "after", "before", "because", "although", "though", "if",
	"where", "since", "until", "so", "with", "adding", "saying"};

static int is_punct(const char *s, const nf_token *t, char ch)
{
	return (t->flags & NF_TOK_PUNCT) && t->len == 1 && s[t->off] == ch;
}

static int is_quote(const char *s, const nf_token *t)
{
	const unsigned char *p = (const unsigned char *)s + t->off;
	if (t->len == 1)
		return p[0] == '"' || p[0] == '\'' || p[0] == '`';
	if (t->len == 3) /* ‘ ’ “ ” */
		return p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9D;
	return t->len == 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB);
}

static int is_double_quote(const char *s, const nf_token *t)
{
	const unsigned char *p = (const unsigned char *)s + t->off;
	if (t->len == 1)
		return p[0] == '"';
	if (t->len == 3)
		return p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9D);
	return t->len == 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB);
}

static int is_terminal(const char *s, const nf_token *t)
{
	return t->len == 1 && (s[t->off] == '.' || s[t->off] == '!' || s[t->off] == '?');
}

/* Whether tokens t[0..2] are a number, a hyphen and a number written
 * together as in a phone number "253-856-5808": the first has exactly 3
 * digits (an area code or exchange), the second 3 or more, so ranges such
 * as "12-15" or "1991-2019" are not taken for one. */
static int phone_like(const char *s, const nf_token *t)
{
	if (!(t[0].flags & NF_TOK_NUM) || !(t[2].flags & NF_TOK_NUM) ||
	    t[1].len != 1 || s[t[1].off] != '-' ||
	    t[0].off + t[0].len != t[1].off || t[1].off + 1 != t[2].off)
		return 0;
	return t[2].len >= 3 && t[0].len == 3;
}

/* Whether the quotation marks of t[0..n) leave a whole statement: double
 * quotes paired (an odd count is a fragment of a quote split across
 * sentences; `` and '' as the wire services write them count as a pair),
 * and a sentence that opens with a quote says who is quoted, at least two
 * words after the last quotation mark ("..., the office said."). A quote
 * alone says nothing about who stands behind it. */
static int quote_attributed(const char *s, const nf_token *t, size_t n)
{
	size_t doubles = 0, opens = 0, closes = 0, last = 0;
	for (size_t k = 0; k < n; k++) {
		if (is_double_quote(s, &t[k]))
			doubles++;
		if (is_punct(s, &t[k], '`'))
			opens++;
		if (is_punct(s, &t[k], '\'') && k + 1 < n && is_punct(s, &t[k + 1], '\'') &&
		    t[k].off + 1 == t[k + 1].off)
			closes++;
		if (is_quote(s, &t[k]))
			last = k;
	}
	if (doubles % 2 || opens != 2 * closes)
		return 0;
	if (!is_quote(s, &t[0]))
		return 1;
	size_t after = 0;
	for (size_t k = last + 1; k < n; k++)
		after += (t[k].flags & NF_TOK_WORD) != 0;
	return after >= 2;
}

/* Whether the n tokens t (words of them) read as a stand-alone statement;
 * cap: the first letter will be capitalised. */
static int stands_alone(const nf_corpus *c, const char *s, const nf_token *t,
                        size_t n, size_t words, int cap)
{
	if (words < MIN_WORDS || words > MAX_WORDS || n < 2 || !quote_attributed(s, t, n))
		return 0;
	size_t first = 0;
	while (first < n && is_quote(s, &t[first]))
		first++; /* judge the quoted words' start */
	if (first >= n || (t[first].flags & NF_TOK_PUNCT) ||
	    !(cap || (t[first].flags & (NF_TOK_CAP | NF_TOK_NUM))) ||
	    IN(c, &t[first], context_words))
		return 0; /* a bullet, a bracketed credit, a continuation */
	size_t last = n - 1;
	while (last > 0 && is_quote(s, &t[last]))
		last--;
	if (!is_terminal(s, &t[last]))
		return 0;
	size_t run = 0, best = 0, upper = 0;
	for (size_t k = 0; k < n; k++) {
		if (t[k].flags & NF_TOK_UPPER)
			upper++;
		if ((t[k].flags & NF_TOK_WORD) && !(t[k].flags & NF_TOK_CAP)) {
			if (++run > best)
				best = run;
		} else {
			run = 0;
		}
		if (is_punct(s, &t[k], '@') || (k + 2 < n && phone_like(s, &t[k])) ||
		    nf_tok_is(c, &t[k], "http") || nf_tok_is(c, &t[k], "https") ||
		    nf_tok_is(c, &t[k], "www"))
			return 0;
	}
	return best >= MIN_LOWER_RUN && upper * 2 < words;
}

/* --- Compression ----------------------------------------------------------- */

/* Whether the sentence holds a quotation mark. */
static int has_quote(const char *s, const nf_token *t, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (is_quote(s, &t[k]))
			return 1;
	return 0;
}

/* Tokens of a leading connective to drop ("However ,"), 0 when none. */
static size_t leading_connective(const nf_corpus *c, const char *s, const nf_token *t,
                                 size_t n)
{
	if (n < 3 || !IN(c, &t[0], connectives))
		return 0;
	return is_punct(s, &t[1], ',') ? 2 : 1;
}

/* Index of the verb of attribution in t[k+1..end) that makes it an
 * attribution ("the police said", "said John Smith"; "according" for
 * "according to X"), or 0 when none does. */
static size_t attribution_verb(const nf_corpus *c, const nf_token *t, size_t k, size_t end)
{
	if (k + 2 < end && nf_tok_is(c, &t[k + 1], "according") &&
	    nf_tok_is(c, &t[k + 2], "to"))
		return k + 1;
	for (size_t v = k + 1; v < end && v - k <= MAX_SPEAKER + 1; v++)
		if (IN(c, &t[v], said_words))
			return v;
	return 0;
}

/* Start of a trailing attribution ", the police said." / ", according to
 * X." (the comma's index), or 0 when none. end is the terminal's index. */
static size_t trailing_attribution(const nf_corpus *c, const char *s, const nf_token *t,
                                   size_t end)
{
	for (size_t k = end; k-- > 1 && end - k <= MAX_TAIL;) {
		if (!is_punct(s, &t[k], ','))
			continue;
		if (IN(c, &t[k + 1], clause_words))
			return 0;
		size_t v = attribution_verb(c, t, k, end);
		if (!v)
			continue;
		/* after the verb: a speaker or a time, no clause; a comma only in
		 * "said John Smith, a spokesman", never in "forecasters said, was
		 * the strongest" */
		for (size_t j = v + 1; j < end; j++)
			if (IN(c, &t[j], clause_words) || (is_punct(s, &t[j], ',') && v != k + 1))
				return 0;
		for (size_t j = k + 1; j < end; j++)
			if (IN(c, &t[j], not_speakers) || (t[j].flags & NF_TOK_NUM))
				return 0;
		return k;
	}
	return 0;
}

/* Marks in drop[0..n) the short parentheses after the first token. */
static int drop_asides(const char *s, const nf_token *t, size_t n, uint8_t *drop)
{
	int any = 0;
	for (size_t k = 1; k < n; k++) {
		if (!is_punct(s, &t[k], '('))
			continue;
		size_t e = k + 1;
		while (e < n && e - k <= MAX_ASIDE + 1 && !is_punct(s, &t[e], ')') &&
		       !is_punct(s, &t[e], '('))
			e++;
		if (e < n && is_punct(s, &t[e], ')') && e - k <= MAX_ASIDE + 1) {
			memset(drop + k, 1, e - k + 1);
			any = 1;
			k = e;
		}
	}
	return any;
}

/* --- Units ----------------------------------------------------------------- */

/* Whether a run starting with token t follows the one before it without a
 * space (it opens with closing punctuation). */
static int joins_tight(const char *s, const nf_token *t)
{
	if (!(t->flags & NF_TOK_PUNCT) || t->len != 1)
		return 0;
	return strchr(".,;:!?)]'", s[t->off]) != NULL;
}

/* Writes the unit's text to out (room for the sentence's bytes + runs),
 * returns its length; *words gets its white-space separated words. */
static size_t unit_text(const nf_doc *d, const nf_unit *u, char *out, uint32_t *words)
{
	size_t o = 0;
	uint32_t w = 0;
	for (uint8_t r = 0; r < u->nruns; r++) {
		const nf_token *a = &d->toks[u->runs[r].tok0];
		const nf_token *b = a + u->runs[r].ntok - 1;
		if (o && !joins_tight(d->text, a))
			out[o++] = ' ';
		for (uint32_t i = a->off; i < b->off + b->len; i++) {
			char ch = d->text[i];
			if (ch == '\n' || ch == '\t' || ch == '\r')
				ch = ' ';
			if (ch == ' ' && (o == 0 || out[o - 1] == ' '))
				continue;
			out[o++] = ch;
		}
	}
	while (o && out[o - 1] == ' ')
		o--;
	for (size_t i = 0; i < o; i++)
		w += out[i] != ' ' && (i == 0 || out[i - 1] == ' ');
	if (u->cap && o && out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
	out[o] = '\0';
	*words = w;
	return o;
}

char *nf_unit_text(nf_arena *a, const nf_corpus *c, const nf_unit *u)
{
	const nf_doc *d = NF_DOC(c, u->doc);
	const nf_sentence *se = &d->sents[u->pos];
	char *out = nf_arena_alloc(a, se->len + NF_UNIT_RUNS + 1);
	uint32_t words;
	if (out)
		unit_text(d, u, out, &words);
	return out;
}

/* Turns the kept tokens of sentence se (drop[k] == 0) into u's runs;
 * 0 when there are too many runs. */
static int set_runs(nf_unit *u, const nf_sentence *se, const uint8_t *drop)
{
	u->nruns = 0;
	for (uint32_t k = 0; k < se->ntok;) {
		if (drop[k]) {
			k++;
			continue;
		}
		uint32_t e = k;
		while (e < se->ntok && !drop[e])
			e++;
		if (u->nruns == NF_UNIT_RUNS)
			return 0;
		u->runs[u->nruns++] = (nf_run){se->tok0 + k, e - k};
		k = e;
	}
	return u->nruns > 0;
}

typedef struct scratch {
	uint8_t *drop;
	nf_token *toks;
	char *text;
	size_t cap;
} scratch;

/* The kept tokens of u, gathered in w->toks; returns their count. */
static size_t kept_tokens(const nf_doc *d, const nf_unit *u, scratch *w)
{
	size_t n = 0;
	for (uint8_t r = 0; r < u->nruns; r++)
		for (uint32_t i = 0; i < u->runs[r].ntok; i++)
			w->toks[n++] = d->toks[u->runs[r].tok0 + i];
	return n;
}

/* Appends u to units when it stands alone. */
static nf_status add_unit(const nf_corpus *c, const nf_doc *d, nf_unit *u, scratch *w,
                          nf_vec *units)
{
	unit_text(d, u, w->text, &u->words);
	size_t n = kept_tokens(d, u, w);
	/* a new start must now read as one: a capital (ASCII letters are
	 * capitalised by unit_text) or a number */
	if ((u->cap && !((w->text[0] >= 'A' && w->text[0] <= 'Z') ||
	                 (w->text[0] >= '0' && w->text[0] <= '9'))) ||
	    !stands_alone(c, d->text, w->toks, n, u->words, u->cap))
		return NF_OK;
	nf_unit *slot = nf_vec_push(units, sizeof *slot);
	if (!slot)
		return NF_ENOMEM;
	*slot = *u;
	return NF_OK;
}

/* Marks the tokens compression drops from sentence t[0..n); returns
 * whether it drops any and sets *cap when the new start needs a capital. */
static int compress(const nf_corpus *c, const char *s, const nf_token *t, size_t n,
                    uint8_t *drop, int *cap)
{
	memset(drop, 0, n);
	*cap = 0;
	if (n < 4 || has_quote(s, t, n))
		return 0;
	size_t end = n - 1;
	if (!is_terminal(s, &t[end]))
		return 0;
	int any = 0;
	size_t lead = leading_connective(c, s, t, n);
	if (lead) {
		memset(drop, 1, lead);
		*cap = 1;
		any = 1;
	}
	size_t tail = trailing_attribution(c, s, t, end);
	if (tail > lead) {
		memset(drop + tail, 1, end - tail);
		any = 1;
	}
	any |= drop_asides(s, t + lead, n - lead, drop + lead);
	return any;
}

static int grow(scratch *w, size_t ntok, size_t bytes)
{
	size_t need = ntok > bytes ? ntok : bytes;
	if (need + NF_UNIT_RUNS + 1 <= w->cap)
		return 1;
	size_t cap = (need + NF_UNIT_RUNS + 1) * 2;
	uint8_t *drop = realloc(w->drop, cap);
	nf_token *toks = drop ? realloc(w->toks, cap * sizeof *toks) : NULL;
	char *text = toks ? realloc(w->text, cap) : NULL;
	if (drop)
		w->drop = drop;
	if (toks)
		w->toks = toks;
	if (!text)
		return 0;
	w->text = text;
	w->cap = cap;
	return 1;
}

nf_status nf_units_make(const nf_corpus *c, const nf_sim *s, nf_vec *units)
{
	scratch w = {0};
	nf_status st = NF_OK;
	for (size_t i = 0; i < s->nsents && !st; i++) {
		const nf_sim_sent *ss = &s->sents[i];
		const nf_doc *d = NF_DOC(c, ss->doc);
		const nf_sentence *se = &d->sents[ss->sent];
		if (se->ntok < 2 || se->tok0 + se->ntok > d->ntoks)
			continue;
		if (!grow(&w, se->ntok, se->len)) {
			st = NF_ENOMEM;
			break;
		}
		nf_unit u = {.sent = (uint32_t)i, .doc = ss->doc, .pos = ss->sent, .nruns = 1};
		u.runs[0] = (nf_run){se->tok0, se->ntok};
		if ((st = add_unit(c, d, &u, &w, units)))
			break;
		int cap;
		if (compress(c, d->text, d->toks + se->tok0, se->ntok, w.drop, &cap) &&
		    set_runs(&u, se, w.drop)) {
			u.cap = (uint8_t)cap;
			st = add_unit(c, d, &u, &w, units);
		}
	}
	free(w.drop);
	free(w.toks);
	free(w.text);
	return st;
}
