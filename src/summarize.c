/*
 * summarize.c - the extractive, cited summary.
 *
 * How, in four steps:
 *   1. units: every sentence that can stand alone, whole and compressed
 *      (summary_units.c);
 *   2. concepts: the words and word pairs of the story, weighted by how
 *      many independent sources use them and how early in their articles
 *      (summary_concepts.c);
 *   3. selection: the units covering the most concept weight within the
 *      word budget, no two restating each other, by an integer program
 *      (summary_select.c); a unit also earns a share of its weight for
 *      every other independent source that states it, so of two ways to
 *      say one fact the more widely reported wins, and for being among
 *      the first sentences of its article;
 *   4. citations and order: each chosen sentence cites every article with
 *      a sentence similar to it (similar.c: idf-weighted cosine of stems,
 *      name skeletons and numbers, so paraphrases and translations count;
 *      a lower cosine will do when both give the same count, "164
 *      people"), sharing a word that is not a name or a number (the same
 *      people in another event are no support); its strength is the number
 *      of independent groups among them (a copy counts once, through
 *      doc->group). The summary opens with its weightiest sentence (the
 *      most concept weight and bonus: what most sources say early) and
 *      goes on in story order: by publication date, then by position in
 *      the article.
 *
 * Two units restate each other when their sentences are similar (the same
 * cosine as support) or give the same count.
 *
 * Measured with ROUGE on the 59 DUC 2002 clusters against lead, LexRank
 * and TextRank baselines by bench/rouge; see bench/README.md.
 *
 * Rejected: ranking sentences by support then centrality and taking them
 * greedily (the previous summarizer: ROUGE-2 0.114 at 100 words, below
 * TextRank's 0.166); LexRank-style centrality alone (ranks what one verbose
 * article repeats over what many sources agree on); favouring the earliest
 * articles (on DUC 2002 it gains at 100 words only because the references
 * list the earliest articles' sentences first and ROUGE cuts them there,
 * and it costs at 200); headlines as concepts (no gain: a headline's words
 * are in its lead); ordering by support alone (jumps back and forth in
 * time).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "similar.h"
#include "stages.h"
#include "summary.h"
#include "util/hash.h"

/* A sentence supports another from this cosine on: paraphrases and
 * translations of one statement keep a third to a half of the weighted
 * content; sentences sharing only the topic words stay under 0.25. */
#define SUPPORT_COSINE 0.3f

/* Sentences stating the same count ("164 people were killed") support each
 * other from this lower cosine: the number is the fact, and the rest of two
 * reports' sentences (who said it, where) often differs. */
#define NUMBER_COSINE 0.15f

/* Units taken into the integer program, the densest first (concept weight
 * per word): DUC clusters of ten articles have 100 to 400; a story of
 * hundreds of articles is cut to what the solver does in milliseconds,
 * and what is cut holds little weight per word. */
#define MAX_UNITS 600

/* A unit's own worth, beside the concepts it covers, as a share of their
 * weight: SUPPORT_BONUS when every other independent source states it too
 * (in proportion for fewer), so of two ways to say a fact the more widely
 * reported wins; OPENING_BONUS * OPENING_DECAY^k for the k-th sentence of
 * its article, where news says what happened. Measured on DUC 2002
 * (ROUGE-1 / ROUGE-2): the support bonus adds 0.014 / 0.016 at 100 words
 * and nothing at 200, and makes the seeds' summary state what three of
 * their four sources say instead of what one does; the opening bonus adds
 * 0.013 / 0.023 at 100 words and 0.039 / 0.074 at 200; 1.0 for either
 * scored lower. */
#define SUPPORT_BONUS 0.5
#define OPENING_BONUS 0.5
#define OPENING_DECAY 0.5

/* What a unit earns for coming early in its article, in concept weight:
 * too little to outweigh any concept, it breaks ties and fills the budget
 * in article order when no concept is shared (a single article). */
#define ORDER_BONUS 0.01

typedef struct scratch {
	nf_sim sim;
	nf_vec units;      /* nf_unit */
	nf_concepts concepts;
	nf_vec conflicts;  /* nf_conflict */
	nf_vec chosen;     /* uint32_t, indexes into units */
	nf_vec hits;       /* nf_sim_hit: the support of every unit's sentence */
	size_t *h0, *nh;   /* by unit: its support in hits */
	uint32_t *indep;   /* by unit: independent groups stating it */
	uint32_t *mark;
	uint8_t *common;
} scratch;

/* Whether lexicon entry id is a count: a number of 10 or more that does
 * not look like a year (small numbers and years are in too many sentences
 * to tie two of them together). */
static int is_count(const nf_corpus *c, uint32_t id)
{
	const char *str = nf_lex_str(&c->lex, id);
	if (str[0] < '0' || str[0] > '9')
		return 0;
	double v = 0;
	for (const char *p = str; *p && *p != '.'; p++)
		if (*p >= '0' && *p <= '9')
			v = v * 10 + (*p - '0');
	return v >= 10 && !(v >= 1900 && v <= 2100 && !strchr(str, ','));
}

static int has_count(const nf_corpus *c, const nf_sim *s, size_t a)
{
	const nf_sim_sent *x = &s->sents[a];
	for (uint32_t i = 0; i < x->nf; i++)
		if (is_count(c, s->feats[x->f0 + i]))
			return 1;
	return 0;
}

/* The first feature sentences a and b share for which keep(ud, id) holds;
 * 0 when none. */
static uint32_t shared_feature(const nf_sim *s, size_t a, size_t b,
                               int (*keep)(const void *, uint32_t), const void *ud)
{
	const nf_sim_sent *x = &s->sents[a], *y = &s->sents[b];
	const uint32_t *p = s->feats + x->f0, *q = s->feats + y->f0;
	uint32_t i = 0, j = 0;
	while (i < x->nf && j < y->nf) {
		if (p[i] < q[j]) {
			i++;
		} else if (p[i] > q[j]) {
			j++;
		} else {
			if (keep(ud, p[i]))
				return p[i];
			i++, j++;
		}
	}
	return 0;
}

static int count_feature(const void *c, uint32_t id)
{
	return is_count(c, id);
}

static int common_feature(const void *common, uint32_t id)
{
	return ((const uint8_t *)common)[id];
}

/* Whether sentences a and b give the same count. */
static int same_count(const nf_corpus *c, const nf_sim *s, size_t a, size_t b)
{
	return shared_feature(s, a, b, count_feature, c) != 0;
}

/* Marks, by lexicon id, the stems of content words seen in lower case
 * somewhere in the corpus: common words, as opposed to names ("Russian",
 * "Monday" are never written in lower case) and numbers. */
static uint8_t *common_words(const nf_corpus *c, size_t nids)
{
	uint8_t *common = calloc(nids ? nids : 1, 1);
	if (!common)
		return NULL;
	for (size_t i = 0; i < NF_NDOCS(c); i++) {
		const nf_doc *d = NF_DOC(c, i);
		for (size_t k = 0; k < d->ntoks; k++) {
			const nf_token *t = &d->toks[k];
			if ((t->flags & NF_TOK_WORD) && !(t->flags & (NF_TOK_CAP | NF_TOK_STOP)) &&
			    t->stem < nids)
				common[t->stem] = 1;
		}
	}
	return common;
}

/* Distinct groups among the documents of sentence i and its hits. */
static uint32_t independent_groups(const nf_corpus *c, const nf_sim *s, size_t i,
                                   const nf_sim_hit *h, size_t nh, uint32_t *mark,
                                   uint32_t stamp)
{
	uint32_t n = 0;
	for (size_t k = 0; k <= nh; k++) {
		uint32_t doc = s->sents[k < nh ? h[k].sent : i].doc;
		int g = NF_DOC(c, doc)->group;
		if (g < 0 || (size_t)g >= NF_NDOCS(c))
			g = (int)doc;
		if (mark[g] != stamp) {
			mark[g] = stamp;
			n++;
		}
	}
	return n;
}

/* The sentences of other articles supporting sentence i, appended to
 * w->hits, the best of each article. */
static nf_status find_support(const nf_corpus *c, scratch *w, size_t i)
{
	nf_sim *s = &w->sim;
	size_t h0 = w->hits.len;
	float min = has_count(c, s, i) ? NUMBER_COSINE : SUPPORT_COSINE;
	nf_status st = nf_sim_near(s, i, min, &w->hits);
	if (st)
		return st;
	nf_sim_hit *h = w->hits.data;
	size_t keep = h0;
	for (size_t j = h0; j < w->hits.len; j++)
		if ((h[j].score >= SUPPORT_COSINE || same_count(c, s, i, h[j].sent)) &&
		    shared_feature(s, i, h[j].sent, common_feature, w->common))
			h[keep++] = h[j];
	w->hits.len = keep;
	nf_sim_best_per_doc(s, &w->hits, h0);
	return NF_OK;
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return (a > b) - (a < b);
}

/* A hash of unit u's words (their folded forms) in order. */
static uint64_t unit_key(const nf_corpus *c, const nf_unit *u)
{
	const nf_doc *d = NF_DOC(c, u->doc);
	uint64_t h = u->words;
	for (uint8_t r = 0; r < u->nruns; r++)
		for (uint32_t k = 0; k < u->runs[r].ntok; k++)
			h = nf_hash_mix(h ^ d->toks[u->runs[r].tok0 + k].norm);
	return h;
}

/* The folded word ids of unit u in order, into ids (room for max). */
static size_t unit_words(const nf_corpus *c, const nf_unit *u, uint32_t *ids, size_t max)
{
	const nf_doc *d = NF_DOC(c, u->doc);
	size_t n = 0;
	for (uint8_t r = 0; r < u->nruns; r++)
		for (uint32_t k = 0; k < u->runs[r].ntok && n < max; k++)
			ids[n++] = d->toks[u->runs[r].tok0 + k].norm;
	return n;
}

/* Whether two units hold the same words; one of over 128 tokens never
 * does (a long sentence repeated costs the search a little, no more). */
static int same_words(const nf_corpus *c, const nf_unit *a, const nf_unit *b)
{
	uint32_t x[128], y[128];
	size_t nx = unit_words(c, a, x, 128), ny = unit_words(c, b, y, 128);
	return nx == ny && nx < 128 && !memcmp(x, y, nx * sizeof *x);
}

typedef struct keyed {
	uint64_t key;
	float worth;
	uint32_t i;
} keyed;

static int by_key_then_worth(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->worth != b->worth)
		return a->worth > b->worth ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/* Drops the units that say word for word what a unit of more worth says
 * (a syndicated copy's sentences, a line every report repeats): at most
 * one of them can be chosen, their support is counted all the same (it
 * comes from the sentences, not the units), and a story reprinted a
 * thousand times would otherwise give the integer program every pair of
 * them as a conflict (tests/e2e/test_pathological.c). */
static nf_status dedupe_units(const nf_corpus *c, scratch *w)
{
	nf_unit *u = w->units.data;
	size_t n = w->units.len;
	keyed *k = malloc((n ? n : 1) * sizeof *k);
	uint8_t *drop = calloc(n ? n : 1, 1);
	if (!k || !drop) {
		free(k);
		free(drop);
		return NF_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		k[i] = (keyed){unit_key(c, &u[i]), u[i].value + u[i].bonus, (uint32_t)i};
	qsort(k, n, sizeof *k, by_key_then_worth);
	for (size_t g = 0, e; g < n; g = e)
		for (e = g + 1; e < n && k[e].key == k[g].key; e++)
			drop[k[e].i] = same_words(c, &u[k[g].i], &u[k[e].i]);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (!drop[i])
			u[kept++] = u[i];
	w->units.len = kept;
	free(k);
	free(drop);
	return NF_OK;
}

/* Keeps the MAX_UNITS densest units in their original order (so the
 * units of a sentence stay adjacent). */
static nf_status prune_units(scratch *w)
{
	nf_unit *u = w->units.data;
	size_t n = w->units.len;
	if (n <= MAX_UNITS)
		return NF_OK;
	nf_ranked *r = malloc(n * sizeof *r);
	uint32_t *keep = malloc(n * sizeof *keep);
	if (!r || !keep) {
		free(r);
		free(keep);
		return NF_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		r[i] = (nf_ranked){u[i].words ? (u[i].value + u[i].bonus) / (float)u[i].words : 0,
		                   (uint32_t)i};
	qsort(r, n, sizeof *r, nf_ranked_cmp);
	for (size_t i = 0; i < MAX_UNITS; i++)
		keep[i] = r[i].id;
	qsort(keep, MAX_UNITS, sizeof *keep, cmp_u32);
	for (size_t i = 0; i < MAX_UNITS; i++)
		u[i] = u[keep[i]];
	w->units.len = MAX_UNITS;
	free(r);
	free(keep);
	return NF_OK;
}

/* The sentences supporting unit i (NULL when there are none). */
static const nf_sim_hit *support_of(const scratch *w, size_t i)
{
	return w->nh[i] ? (const nf_sim_hit *)w->hits.data + w->h0[i] : NULL;
}

/* The bonus every unit earns for its position. */
static void position_bonus(nf_corpus *c, scratch *w)
{
	nf_unit *u = w->units.data;
	for (size_t i = 0; i < w->units.len; i++) {
		const nf_doc *d = NF_DOC(c, u[i].doc);
		u[i].bonus = (float)(u[i].value * OPENING_BONUS * pow(OPENING_DECAY, u[i].pos) +
		                     ORDER_BONUS / (1.0 + u[i].pos) *
		                     (d->copy_of >= 0 ? 0.5 : 1.0));
	}
}

/* Support and strength of every unit, and the bonus of its sources (units
 * of one sentence share their sentence's support). */
static nf_status weigh_units(nf_corpus *c, scratch *w)
{
	nf_unit *u = w->units.data;
	size_t n = w->units.len;
	w->h0 = malloc((n ? n : 1) * sizeof *w->h0);
	w->nh = malloc((n ? n : 1) * sizeof *w->nh);
	w->indep = malloc((n ? n : 1) * sizeof *w->indep);
	if (!w->h0 || !w->nh || !w->indep)
		return NF_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		if (i && u[i].sent == u[i - 1].sent) {
			w->h0[i] = w->h0[i - 1];
			w->nh[i] = w->nh[i - 1];
			w->indep[i] = w->indep[i - 1];
		} else {
			w->h0[i] = w->hits.len;
			nf_status st = find_support(c, w, u[i].sent);
			if (st)
				return st;
			w->nh[i] = w->hits.len - w->h0[i];
			w->indep[i] = independent_groups(c, &w->sim, u[i].sent, support_of(w, i),
			                                  w->nh[i], w->mark, (uint32_t)i + 1);
		}
		if (w->concepts.sources > 1)
			u[i].bonus += (float)(SUPPORT_BONUS * u[i].value * (w->indep[i] - 1) /
			                      (double)(w->concepts.sources - 1));
	}
	return NF_OK;
}

/* Pairs of units of different sentences that restate each other. */
static nf_status find_conflicts(const nf_corpus *c, scratch *w)
{
	const nf_unit *u = w->units.data;
	size_t n = w->units.len;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			if (u[i].sent == u[j].sent ||
			    (nf_sim_cosine(&w->sim, u[i].sent, u[j].sent) < SUPPORT_COSINE &&
			     !same_count(c, &w->sim, u[i].sent, u[j].sent)))
				continue;
			nf_conflict *cf = nf_vec_push(&w->conflicts, sizeof *cf);
			if (!cf)
				return NF_ENOMEM;
			*cf = (nf_conflict){(uint32_t)i, (uint32_t)j};
		}
	return NF_OK;
}

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

static nf_status fill_item(nf_brief *b, scratch *w, uint32_t ui, nf_summary_item *it)
{
	nf_corpus *c = b->corpus;
	const nf_unit *u = &NF_VEC_AT(&w->units, nf_unit, ui);
	it->text = nf_unit_text(&b->arena, c, u);
	it->sources = nf_arena_array(&b->arena, w->nh[ui] + 1, sizeof(int));
	if (!it->text || !it->sources)
		return NF_ENOMEM;
	const nf_sim_hit *h = support_of(w, ui);
	size_t n = 0;
	it->sources[n++] = (int)u->doc;
	for (size_t i = 0; i < w->nh[ui]; i++)
		it->sources[n++] = (int)w->sim.sents[h[i].sent].doc;
	qsort(it->sources, n, sizeof(int), cmp_int);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!k || it->sources[k - 1] != it->sources[i])
			it->sources[k++] = it->sources[i];
	it->nsources = k;
	it->independent = w->indep[ui];
	it->doc = (int)u->doc;
	it->sent = (int)u->pos;
	return NF_OK;
}

typedef struct reading {
	nf_date date;
	uint32_t doc, pos, unit;
	float worth;
} reading;

static int date_cmp(nf_date a, nf_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	return (a.d > b.d) - (a.d < b.d);
}

/* Story order: publication date (undated articles after the dated), the
 * article, the sentence in it. */
static int cmp_story(const void *x, const void *y)
{
	const reading *a = x, *b = y;
	int ka = a->date.y == 0, kb = b->date.y == 0;
	if (ka != kb)
		return ka - kb;
	int k = date_cmp(a->date, b->date);
	if (k)
		return k;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return (a->pos > b->pos) - (a->pos < b->pos);
}

/* The chosen units as items of b->summary: the weightiest first, then
 * the rest in story order. */
static nf_status emit(nf_brief *b, scratch *w)
{
	size_t n = w->chosen.len;
	reading *r = malloc(n * sizeof *r);
	b->summary = nf_arena_array(&b->arena, n, sizeof(nf_summary_item));
	if (!r || !b->summary) {
		free(r);
		return NF_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t ui = NF_VEC_AT(&w->chosen, uint32_t, i);
		const nf_unit *u = &NF_VEC_AT(&w->units, nf_unit, ui);
		r[i] = (reading){NF_DOC(b->corpus, u->doc)->published, u->doc, u->pos, ui,
		                 u->value + u->bonus};
	}
	qsort(r, n, sizeof *r, cmp_story);
	size_t lead = 0;
	for (size_t i = 1; i < n; i++)
		if (r[i].worth > r[lead].worth)
			lead = i;
	reading first = r[lead];
	memmove(r + 1, r, lead * sizeof *r);
	r[0] = first;
	nf_status st = NF_OK;
	for (size_t i = 0; !st && i < n; i++)
		st = fill_item(b, w, r[i].unit, &b->summary[i]);
	free(r);
	if (!st)
		b->nsummary = n;
	return st;
}

static nf_status run(nf_brief *b, scratch *w)
{
	nf_corpus *c = b->corpus;
	nf_status st;
	if ((st = nf_sim_build(&w->sim, c)) || (st = nf_units_make(c, &w->sim, &w->units)))
		return st;
	if (!w->units.len)
		return NF_OK;
	w->mark = calloc(NF_NDOCS(c), sizeof *w->mark);
	w->common = common_words(c, w->sim.nids);
	if (!w->mark || !w->common)
		return NF_ENOMEM;
	if ((st = nf_concepts_build(&w->concepts, c, w->units.data, w->units.len)))
		return st;
	position_bonus(c, w);
	if ((st = dedupe_units(c, w)) || (st = prune_units(w)) || (st = weigh_units(c, w)) ||
	    (st = find_conflicts(c, w)))
		return st;
	size_t budget = b->opts.summary_words > 0 ? (size_t)b->opts.summary_words : 120;
	if ((st = nf_select(&w->concepts, w->units.data, w->units.len, w->conflicts.data,
	                    w->conflicts.len, budget, &w->chosen)))
		return st;
	return w->chosen.len ? emit(b, w) : NF_OK;
}

nf_status nf_summarize(nf_brief *b)
{
	scratch w = {0};
	nf_status st = run(b, &w);
	nf_sim_free(&w.sim);
	nf_vec_free(&w.units);
	nf_concepts_free(&w.concepts);
	nf_vec_free(&w.conflicts);
	nf_vec_free(&w.chosen);
	nf_vec_free(&w.hits);
	free(w.h0);
	free(w.nh);
	free(w.indep);
	free(w.mark);
	free(w.common);
	return st ? nf_error(b->corpus->ctx, st, "summary: %s", nf_status_name(st)) : NF_OK;
}
