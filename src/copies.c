/*
 * copies.c - which article copies which: syndicated copies, light rewrites
 * and machine translations.
 *
 * How: every sentence is matched to its nearest sentences in the other
 * articles (similar.c: idf-weighted cosine over content stems, name
 * skeletons and numbers, found through an inverted index, so the cost grows
 * with the matches, not with the square of the corpus). For an ordered pair
 * (B, A) each sentence of B keeps its best match in A, and
 *   coverage(B by A) = content features of B's matched sentences / all of B's,
 *   verbatim(B by A) = the same for matches that are nearly word for word.
 * B copies A when verbatim coverage is high (syndication, light edits), or
 * when coverage is fair and the two share provenance: the same wire agency
 * (clean.c's doc->agency), or a journalist named in a credit line of one
 * ("by ...", "Reporting by ...") named in the other. The second rule is
 * what finds a translation: its sentences are paraphrases, so lexically it
 * is no closer to its original than two outlets' independent write-ups of
 * one shooting, which quote the same police statement (measured on the
 * GVA articles: independent same-incident pairs reach 0.5 coverage while a
 * translated wire story has 0.4); its credits are what give it away.
 *
 * Direction: when both directions qualify (the same text twice) the earlier
 * exactly dated article, else the one with more content, else the first
 * given, is the original; otherwise the less covered one is. Each article keeps its best
 * original; links are accepted best first, refusing any that would close a
 * cycle, and every article's group is the root of its chain.
 *
 * Rejected: requiring matched sentences to keep their order (a longest
 * increasing subsequence): the translated wire story reorders half its
 * facts, so its ordered coverage fell to 0.22, below independent reports;
 * word shingles / MinHash (blind to translations and paraphrase); a
 * bag-of-words cosine of whole articles (high for any two reports of one
 * event).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copies.h"
#include "similar.h"
#include "stages.h"

/* A sentence pair counts as the same statement from this cosine on: a
 * translated-back sentence keeps about half of its original's weighted
 * content (names, numbers, rare words); two sentences that only share the
 * topic ("police", "shooting", the city) stay below a third. */
#define MATCH_COSINE 0.35f

/* Sentences this close are the same sentence with light edits (a changed
 * word, a dropped clause). */
#define STRICT_COSINE 0.7f

/* A copy without further evidence: this share of B's content is in nearly
 * verbatim sentences of A. On 500 local-news articles, independent
 * write-ups of one shooting reach at most 0.43 (quoted police statements),
 * while syndicated copies and updates of one story are above 0.5. */
#define VERBATIM_COVERAGE 0.5

/* A copy when the two articles also share a credited reporter or wire
 * agency: this share of B's content matched in A at MATCH_COSINE. The
 * translated wire story of the seeds keeps 0.40 to 0.43 (with and without
 * boilerplate); reports on the same event by other outlets share under
 * 0.2 there. */
#define CREDITED_COVERAGE 0.3

/* Below this much matched content (features) a "copy" is too small to
 * tell from a shared quote or a stock sentence. */
#define MIN_MATCHED 12

/* Sentence bsent (a number in nf_sim) of document bdoc matches a sentence
 * of document adoc with this cosine (its best match there). */
typedef struct match {
	uint32_t bdoc, adoc, bsent;
	float score;
} match;

static int cmp_match(const void *x, const void *y)
{
	const match *a = x, *b = y;
	if (a->bdoc != b->bdoc)
		return a->bdoc < b->bdoc ? -1 : 1;
	if (a->adoc != b->adoc)
		return a->adoc < b->adoc ? -1 : 1;
	return (a->bsent > b->bsent) - (a->bsent < b->bsent);
}

/* Every sentence's matches in other documents. */
static nf_status all_matches(nf_sim *s, nf_vec *out)
{
	nf_vec hits = NF_VEC_INIT;
	nf_status st = NF_OK;
	for (size_t i = 0; i < s->nsents && !st; i++) {
		hits.len = 0;
		if ((st = nf_sim_near(s, i, MATCH_COSINE, &hits)))
			break;
		nf_sim_best_per_doc(s, &hits, 0);
		for (size_t k = 0; k < hits.len; k++) {
			nf_sim_hit *h = &NF_VEC_AT(&hits, nf_sim_hit, k);
			match *m = nf_vec_push(out, sizeof *m);
			if (!m) {
				st = NF_ENOMEM;
				break;
			}
			m->bdoc = s->sents[i].doc;
			m->adoc = s->sents[h->sent].doc;
			m->bsent = (uint32_t)i;
			m->score = h->score;
		}
	}
	nf_vec_free(&hits);
	if (!st && out->len > 1)
		qsort(out->data, out->len, sizeof(match), cmp_match);
	return st;
}

/* Content features of every document. */
static size_t *doc_content(const nf_sim *s, size_t ndocs)
{
	size_t *w = calloc(ndocs ? ndocs : 1, sizeof *w);
	if (!w)
		return NULL;
	for (size_t i = 0; i < s->nsents; i++)
		w[s->sents[i].doc] += s->sents[i].nf;
	return w;
}

static nf_status coverage_pairs(nf_sim *s, size_t ndocs, nf_vec *out)
{
	size_t *content = doc_content(s, ndocs);
	nf_vec ms = NF_VEC_INIT;
	nf_status st = content ? all_matches(s, &ms) : NF_ENOMEM;
	const match *m = ms.data;
	for (size_t i = 0; !st && i < ms.len;) {
		size_t loose = 0, strict = 0, j = i;
		for (; j < ms.len && m[j].bdoc == m[i].bdoc && m[j].adoc == m[i].adoc; j++) {
			loose += s->sents[m[j].bsent].nf;
			if (m[j].score >= STRICT_COSINE)
				strict += s->sents[m[j].bsent].nf;
		}
		nf_coverage *cv = nf_vec_push(out, sizeof *cv);
		if (!cv) {
			st = NF_ENOMEM;
			break;
		}
		size_t all = content[m[i].bdoc];
		cv->copy = (int)m[i].bdoc;
		cv->orig = (int)m[i].adoc;
		cv->matched = loose;
		cv->content = all;
		cv->coverage = all ? (double)loose / all : 0;
		cv->verbatim = all ? (double)strict / all : 0;
		i = j;
	}
	free(content);
	nf_vec_free(&ms);
	return st;
}

nf_status nf_copies_coverage(nf_corpus *c, nf_vec *out)
{
	nf_sim s;
	nf_status st = nf_sim_build(&s, c);
	if (st)
		return st;
	st = coverage_pairs(&s, NF_NDOCS(c), out);
	nf_sim_free(&s);
	return st;
}

/* --- Links ----------------------------------------------------------------- */

/* A day the text gives; the year may still be missing ("March 9" in a
 * dateline): dates are completed after copies are known. */
static int exact_date(const nf_doc *d)
{
	return d->published.m && d->published.d &&
	       (d->date_source == NF_DATE_METADATA ||
	        d->date_source == NF_DATE_DATELINE || d->date_source == NF_DATE_TEXT);
}

static int date_cmp(nf_date a, nf_date b)
{
	if (a.y && b.y && a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	return (a.d > b.d) - (a.d < b.d);
}

/* Whether p->copy should be taken as the original of p->orig when each
 * copies the other (r is the reverse pair): the earlier exact date, else
 * the one with more content (a translation is wordier but not richer), else
 * the one given first. */
static int copy_is_original(const nf_corpus *c, const nf_coverage *p,
                            const nf_coverage *r)
{
	const nf_doc *x = NF_DOC(c, p->copy), *y = NF_DOC(c, p->orig);
	if (exact_date(x) && exact_date(y)) {
		int k = date_cmp(x->published, y->published);
		if (k)
			return k < 0;
	}
	if (p->content != r->content)
		return p->content > r->content;
	return x->index < y->index;
}

/* Coverage of the reverse pair (orig by copy), NULL when absent; pairs are
 * sorted by copy, then orig, as coverage_pairs() makes them. */
static const nf_coverage *reverse_pair(const nf_coverage *cv, size_t n,
                                       const nf_coverage *p)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cv[mid].copy < p->orig ||
		    (cv[mid].copy == p->orig && cv[mid].orig < p->copy))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && cv[lo].copy == p->orig && cv[lo].orig == p->copy)
		return &cv[lo];
	return NULL;
}

static int is_upper_start(const char *s)
{
	unsigned char ch = (unsigned char)*s;
	return (ch >= 'A' && ch <= 'Z') || ch >= 0xC0; /* non-ASCII: assume a name */
}

static int is_name_char(char ch)
{
	return ch != ' ' && ch != '\n' && ch != ',' && ch != ';' && ch != ')' &&
	       ch != '(' && ch != '\0';
}

/* Whether the whole words s[0..len) occur in text. */
static int has_words(const char *text, const char *s, size_t len)
{
	for (const char *p = strchr(text, *s); p; p = strchr(p + 1, *s))
		if (!strncmp(p, s, len) && (p == text || !is_name_char(p[-1])) &&
		    !is_name_char(p[len]))
			return 1;
	return 0;
}

/* Names looked up per article: credit lines name a few people, and each
 * look-up scans the other article. */
#define MAX_CREDITS 16

/* Where the names of a credit line start: after "by" when it is the first
 * or second word of the line ("By Jane Doe", "Reporting by Jane Doe"),
 * else NULL. */
static const char *credit_names(const char *line, const char *stop)
{
	const char *p = line;
	for (int word = 0; word < 2 && p < stop; word++) {
		while (p < stop && (*p == ' ' || *p == '('))
			p++;
		if (stop - p > 3 && (p[0] | 0x20) == 'b' && p[1] == 'y' && p[2] == ' ')
			return p + 3;
		while (p < stop && *p != ' ')
			p++;
	}
	return NULL;
}

/* Whether the words of p[0..stop) are mostly capitalised, as names are
 * (at least 60%, and at most 40 words): "Jane Doe and Piet Absalom;
 * editing by Mara Quint" is a credit, "midnight, 119 mph winds were
 * reported" is a sentence. */
static int mostly_names(const char *p, const char *stop)
{
	size_t words = 0, caps = 0;
	while (p < stop) {
		while (p < stop && *p == ' ')
			p++;
		if (p >= stop)
			break;
		words++;
		caps += is_upper_start(p);
		while (p < stop && *p != ' ')
			p++;
	}
	return words && words <= 40 && caps * 10 >= words * 6;
}

/* Whether a credit line of x names a person, as two capitalised words, who
 * is also named in y's raw text: the same journalists wrote both. */
static int shared_credit(const nf_doc *x, const nf_doc *y)
{
	size_t names = 0;
	for (const char *line = x->raw; line && *line && names < MAX_CREDITS;) {
		const char *end = strchr(line, '\n');
		const char *stop = end ? end : line + strlen(line);
		const char *p = credit_names(line, stop);
		if (p && is_upper_start(p) && mostly_names(p, stop)) {
			for (const char *q = p; q < stop && names < MAX_CREDITS; q++) {
				if ((q != p && q[-1] != ' ') || !is_upper_start(q))
					continue;
				const char *e1 = q;
				while (e1 < stop && is_name_char(*e1))
					e1++;
				if (e1 + 1 >= stop || e1[0] != ' ' || !is_upper_start(e1 + 1))
					continue;
				const char *e2 = e1 + 1;
				while (e2 < stop && is_name_char(*e2))
					e2++;
				names++;
				if (e2 - q >= 5 && has_words(y->raw, q, (size_t)(e2 - q)))
					return 1;
			}
		}
		line = end ? end + 1 : NULL;
	}
	return 0;
}

/* Whether x and y share a wire agency or a credited journalist. */
static int same_provenance(const nf_doc *x, const nf_doc *y)
{
	if (x->agency && y->agency && !strcasecmp(x->agency, y->agency))
		return 1;
	return shared_credit(x, y) || shared_credit(y, x);
}

/* Whether pair p is evidence that p->copy copies p->orig. */
static int copy_evidence(const nf_corpus *c, const nf_coverage *p)
{
	if (p->matched < MIN_MATCHED)
		return 0;
	if (p->verbatim >= VERBATIM_COVERAGE)
		return 1;
	return p->coverage >= CREDITED_COVERAGE &&
	       same_provenance(NF_DOC(c, p->copy), NF_DOC(c, p->orig));
}

static int cmp_link(const void *x, const void *y)
{
	const nf_coverage *a = x, *b = y;
	if (a->coverage != b->coverage)
		return a->coverage < b->coverage ? 1 : -1;
	if (a->copy != b->copy)
		return a->copy < b->copy ? -1 : 1;
	return (a->orig > b->orig) - (a->orig < b->orig);
}

/* Root of d's chain of copy_of links (bounded by the corpus size). */
static int root_of(const nf_corpus *c, int d)
{
	for (size_t step = 0; step < NF_NDOCS(c) && NF_DOC(c, d)->copy_of >= 0; step++)
		d = NF_DOC(c, d)->copy_of;
	return d;
}

/* Keeps the pairs that qualify as copy -> original, in `links`, best
 * first. When both directions qualify, the more original article wins;
 * otherwise the one less covered by the other is the original. */
static nf_status qualifying_links(const nf_corpus *c, const nf_vec *pairs, nf_vec *links)
{
	const nf_coverage *cv = pairs->data;
	for (size_t i = 0; i < pairs->len; i++) {
		const nf_coverage *p = &cv[i];
		if (!copy_evidence(c, p))
			continue;
		const nf_coverage *r = reverse_pair(cv, pairs->len, p);
		if (r && copy_evidence(c, r)) {
			if (copy_is_original(c, p, r))
				continue;
		} else if (r && r->coverage > p->coverage) {
			continue;
		}
		nf_coverage *l = nf_vec_push(links, sizeof *l);
		if (!l)
			return NF_ENOMEM;
		*l = *p;
	}
	if (links->len > 1)
		qsort(links->data, links->len, sizeof(nf_coverage), cmp_link);
	return NF_OK;
}

nf_status nf_copies_link(nf_corpus *c)
{
	size_t n = NF_NDOCS(c);
	for (size_t i = 0; i < n; i++) {
		NF_DOC(c, i)->copy_of = -1;
		NF_DOC(c, i)->copy_score = 0;
		NF_DOC(c, i)->group = (int)i;
	}
	nf_vec pairs = NF_VEC_INIT, links = NF_VEC_INIT;
	nf_status st = nf_copies_coverage(c, &pairs);
	if (!st)
		st = qualifying_links(c, &pairs, &links);
	for (size_t i = 0; !st && i < links.len; i++) {
		const nf_coverage *l = &NF_VEC_AT(&links, nf_coverage, i);
		nf_doc *d = NF_DOC(c, l->copy);
		if (d->copy_of >= 0 || root_of(c, l->orig) == l->copy)
			continue;
		d->copy_of = l->orig;
		d->copy_score = l->coverage;
	}
	for (size_t i = 0; !st && i < n; i++)
		NF_DOC(c, i)->group = root_of(c, (int)i);
	nf_vec_free(&pairs);
	nf_vec_free(&links);
	return st ? nf_error(c->ctx, st, "copy detection: %s", nf_status_name(st)) : st;
}
