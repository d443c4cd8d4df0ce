/*
 * summary_concepts.c - what the summary should cover: the story's concepts
 * and their weights.
 *
 * A concept is a pair of adjacent words in one sentence (Snowball stems;
 * numbers as written; punctuation skipped; pairs of two function words
 * left out): "storm kill", "19 peopl", "kill 19"; and, at a third of the
 * weight, a single content word. Its weight grows with the number of
 * independent sources that use it (a copy counts once, through
 * doc->group), each source counting more when it uses the concept early
 * in its article, where news puts what matters: 1 + 4 * 0.5^k for its
 * earliest use in sentence k, so 5 in the first sentence, 3 in the
 * second, about 1 from the sixth on. Concepts used by too few sources are
 * left out: they are one outlet's detail, and leaving them out keeps the
 * selection problem small.
 *
 * This is the concept model of Gillick and Favre's ILP summarizer
 * (ICSISumm, 2009), which on the DUC and TAC news clusters beat the
 * graph-based (LexRank) and centroid methods, with word position as the
 * later concept-weighting work found it (Boudin et al., 2015; the early
 * position of a word is the strongest single feature of RegSum, Hong and
 * Nenkova, 2014). On DUC 2002 the position factor adds 0.024 / 0.036 to
 * ROUGE-1 / ROUGE-2 at 100 words and 0.029 / 0.054 at 200 over counting
 * sources alone. A bonus of 2 instead of 4 scored lower throughout, 8
 * lower at 100 words and higher at 200; a decay of 0.3 or 0.7 instead of
 * 0.5 scored lower.
 *
 * Rejected: idf-weighted terms (a story's corpus is too small for idf to
 * tell much, while the number of sources using a pair is exactly what
 * "reported by many outlets" means); counting headlines as first
 * sentences (no gain on DUC 2002: a headline's words are in its lead).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"
#include "summary.h"

/* A concept being counted. */
typedef struct concept {
	uint64_t key;
	float weight;
	uint32_t groups;    /* independent sources using it */
	uint32_t sents;     /* sentences using it */
	int32_t cur_group;  /* the source being counted, -1 before any */
	uint32_t cur_pos;   /* its earliest sentence in that source */
	uint32_t stamp;     /* last sentence counted + 1; later its kept id */
} concept;

typedef struct table {
	concept *c;         /* by concept id */
	size_t n, cap;
	uint32_t *slots;    /* id + 1, 0 = empty; power-of-two size */
	size_t nslots;
} table;

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	return x ^ (x >> 33);
}

static int grow_table(table *t)
{
	size_t cap = t->cap ? t->cap * 2 : 1024;
	concept *c = realloc(t->c, cap * sizeof *c);
	if (!c)
		return 0;
	t->c = c;
	t->cap = cap;
	size_t nslots = cap * 2;
	uint32_t *slots = calloc(nslots, sizeof *slots);
	if (!slots)
		return 0;
	free(t->slots);
	t->slots = slots;
	t->nslots = nslots;
	for (size_t id = 0; id < t->n; id++) {
		size_t h = mix(t->c[id].key) & (nslots - 1);
		while (slots[h])
			h = (h + 1) & (nslots - 1);
		slots[h] = (uint32_t)id + 1;
	}
	return 1;
}

/* Id of key; with add, a new concept when absent. UINT32_MAX when absent
 * (or out of memory: *oom set). */
static uint32_t lookup(table *t, uint64_t key, int add, int *oom)
{
	if (t->nslots) {
		size_t h = mix(key) & (t->nslots - 1);
		for (; t->slots[h]; h = (h + 1) & (t->nslots - 1))
			if (t->c[t->slots[h] - 1].key == key)
				return t->slots[h] - 1;
	}
	if (!add)
		return UINT32_MAX;
	if (t->n == t->cap && !grow_table(t)) {
		*oom = 1;
		return UINT32_MAX;
	}
	uint32_t id = (uint32_t)t->n++;
	t->c[id] = (concept){.key = key, .cur_group = -1};
	size_t h = mix(key) & (t->nslots - 1);
	while (t->slots[h])
		h = (h + 1) & (t->nslots - 1);
	t->slots[h] = id + 1;
	return id;
}

static void table_free(table *t)
{
	free(t->c);
	free(t->slots);
}

/* Lexicon id standing for token t in a concept: the stem of a word, the
 * form of a number; 0 for punctuation. */
static uint32_t term(const nf_token *t)
{
	if (t->flags & NF_TOK_NUM)
		return t->norm;
	if (t->flags & NF_TOK_WORD)
		return t->stem;
	return 0;
}

/* The key of a single-word concept: its term with the top bit set (a
 * pair's key is the two terms, each a lexicon id under 2^32, side by
 * side; lexicon ids never reach 2^31). */
#define SINGLE ((uint64_t)1 << 63)

/* A single content word weighs this much of a pair: words reward
 * sentences in the story's vocabulary, pairs hold who did what. On DUC
 * 2002, 0.3 adds 0.012 / 0.020 to ROUGE-1 / ROUGE-2 at 100 words and
 * 0.011 / 0.021 at 200 over pairs alone; as much as a pair (1.0) scored
 * below pairs alone (long sentences of topic words). */
#define SINGLE_WEIGHT 0.3

/* Calls fn(ud, key) for each concept of the tokens t[0..n): every content
 * word, and every pair of adjacent words but two function words. */
typedef int (*concept_fn)(void *ud, uint64_t key);

static int each_concept(const nf_token *t, size_t n, concept_fn fn, void *ud)
{
	const nf_token *prev = NULL;
	for (size_t k = 0; k < n; k++) {
		if (!term(&t[k]))
			continue;
		if ((t[k].flags & NF_TOK_WORD) && !(t[k].flags & NF_TOK_STOP) &&
		    !fn(ud, SINGLE | term(&t[k])))
			return 0;
		if (prev && !((prev->flags & NF_TOK_STOP) && (t[k].flags & NF_TOK_STOP)))
			if (!fn(ud, ((uint64_t)term(prev) << 32) | term(&t[k])))
				return 0;
		prev = &t[k];
	}
	return 1;
}

/* --- Weights --------------------------------------------------------------- */

/* A source's use of a concept counts 1 + LEAD_BONUS * LEAD_DECAY^k, k its
 * earliest sentence with it: the first sentences of a news article say
 * what happened. */
#define LEAD_BONUS 4.0
#define LEAD_DECAY 0.5

static double position_factor(uint32_t k)
{
	return 1.0 + LEAD_BONUS * pow(LEAD_DECAY, (double)k);
}

typedef struct counting {
	table *t;
	int32_t group;
	uint32_t pos, sent;
	int oom;
} counting;

static void flush(concept *k)
{
	if (k->cur_group >= 0) {
		k->weight += (float)(position_factor(k->cur_pos) *
		                     (k->key & SINGLE ? SINGLE_WEIGHT : 1.0));
		k->groups++;
	}
}

static int count_concept(void *ud, uint64_t key)
{
	counting *cn = ud;
	uint32_t id = lookup(cn->t, key, 1, &cn->oom);
	if (id == UINT32_MAX)
		return 0;
	concept *k = &cn->t->c[id];
	if (k->stamp != cn->sent + 1) {
		k->stamp = cn->sent + 1;
		k->sents++;
	}
	if (k->cur_group != cn->group) {
		flush(k);
		k->cur_group = cn->group;
		k->cur_pos = cn->pos;
	} else if (cn->pos < k->cur_pos) {
		k->cur_pos = cn->pos;
	}
	return 1;
}

static int group_of(const nf_corpus *c, size_t i)
{
	int g = NF_DOC(c, i)->group;
	return g >= 0 && (size_t)g < NF_NDOCS(c) ? g : (int)i;
}

typedef struct doc_order {
	int group;
	size_t doc;
} doc_order;

static int cmp_by_group(const void *x, const void *y)
{
	const doc_order *a = x, *b = y;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return (a->doc > b->doc) - (a->doc < b->doc);
}

/* Counts every concept of every sentence, source by source. */
static nf_status count_all(table *t, const nf_corpus *c, size_t *ngroups)
{
	size_t n = NF_NDOCS(c);
	doc_order *order = malloc((n ? n : 1) * sizeof *order);
	if (!order)
		return NF_ENOMEM;
	for (size_t i = 0; i < n; i++)
		order[i] = (doc_order){group_of(c, i), i};
	qsort(order, n, sizeof *order, cmp_by_group);
	counting cn = {.t = t, .group = -1};
	*ngroups = 0;
	for (size_t i = 0; i < n && !cn.oom; i++) {
		const nf_doc *d = NF_DOC(c, order[i].doc);
		int g = order[i].group;
		*ngroups += g != cn.group;
		cn.group = g;
		for (size_t k = 0; d->text && k < d->nsents; k++) {
			const nf_sentence *se = &d->sents[k];
			if (se->tok0 + se->ntok > d->ntoks)
				continue;
			cn.pos = (uint32_t)k;
			if (!each_concept(d->toks + se->tok0, se->ntok, count_concept, &cn))
				break;
			cn.sent++;
		}
	}
	free(order);
	for (size_t id = 0; id < t->n; id++)
		flush(&t->c[id]);
	return cn.oom ? NF_ENOMEM : NF_OK;
}

/* A concept is kept when this share of the independent sources uses it
 * (at least two: a detail one source gives is no consensus). With fewer
 * than three sources, every concept said in two sentences is kept instead.
 * On DUC 2002 (5 to 15 sources) 0.2 scores best: 0.1 costs 0.001 to 0.009
 * on ROUGE-1 and ROUGE-2 at 100 and 200 words, 0.25 and 0.3 cost 0.006 to
 * 0.015; ICSISumm kept three of ten. */
#define MIN_SOURCE_SHARE 0.2

/* At most this many concepts take part in the selection: beyond it (a
 * story of hundreds of articles) the rest weigh too little to change the
 * choice, and each one is a constraint of the integer program. */
#define MAX_CONCEPTS 3000

int nf_ranked_cmp(const void *x, const void *y)
{
	const nf_ranked *a = x, *b = y;
	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	return (a->id > b->id) - (a->id < b->id);
}

/* Renumbers the kept concepts 0..k->n-1 (new id in t->stamp, UINT32_MAX
 * for the dropped; the stamps' counting job is done) and fills k->weight. */
static nf_status keep_concepts(table *t, size_t ngroups, nf_concepts *k)
{
	uint32_t min_groups = (uint32_t)ceil(MIN_SOURCE_SHARE * (double)ngroups);
	if (min_groups < 2)
		min_groups = 2;
	nf_ranked *kept = malloc((t->n ? t->n : 1) * sizeof *kept);
	if (!kept)
		return NF_ENOMEM;
	size_t n = 0;
	for (size_t id = 0; id < t->n; id++) {
		int keep = ngroups >= 3 ? t->c[id].groups >= min_groups : t->c[id].sents >= 2;
		if (keep)
			kept[n++] = (nf_ranked){t->c[id].weight, (uint32_t)id};
		t->c[id].stamp = UINT32_MAX;
	}
	if (n > MAX_CONCEPTS) {
		qsort(kept, n, sizeof *kept, nf_ranked_cmp);
		n = MAX_CONCEPTS;
	}
	k->weight = malloc((n ? n : 1) * sizeof *k->weight);
	if (!k->weight) {
		free(kept);
		return NF_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		t->c[kept[i].id].stamp = (uint32_t)i;
		k->weight[i] = kept[i].score;
	}
	k->n = n;
	free(kept);
	return NF_OK;
}

/* --- The units' concepts --------------------------------------------------- */

typedef struct listing {
	table *t;
	nf_vec *ids;
	size_t from;
	int oom;
} listing;

static int list_concept(void *ud, uint64_t key)
{
	listing *ls = ud;
	uint32_t id = lookup(ls->t, key, 0, &ls->oom);
	if (id == UINT32_MAX || ls->t->c[id].stamp == UINT32_MAX)
		return 1;
	uint32_t kid = ls->t->c[id].stamp;
	const uint32_t *have = ls->ids->data;
	for (size_t i = ls->from; i < ls->ids->len; i++)
		if (have[i] == kid)
			return 1;
	uint32_t *slot = nf_vec_push(ls->ids, sizeof *slot);
	if (!slot) {
		ls->oom = 1;
		return 0;
	}
	*slot = kid;
	return 1;
}

nf_status nf_concepts_build(nf_concepts *k, const nf_corpus *c, nf_unit *units,
                            size_t nunits)
{
	memset(k, 0, sizeof *k);
	table t = {0};
	size_t ngroups = 0;
	nf_status st = count_all(&t, c, &ngroups);
	k->sources = ngroups;
	if (!st)
		st = keep_concepts(&t, ngroups, k);
	nf_vec ids = NF_VEC_INIT;
	listing ls = {.t = &t, .ids = &ids};
	for (size_t i = 0; !st && i < nunits; i++) {
		nf_unit *u = &units[i];
		const nf_doc *d = NF_DOC(c, u->doc);
		ls.from = ids.len;
		for (uint8_t r = 0; r < u->nruns && !ls.oom; r++)
			each_concept(d->toks + u->runs[r].tok0, u->runs[r].ntok, list_concept, &ls);
		if (ls.oom)
			st = NF_ENOMEM;
		u->c0 = (uint32_t)ls.from;
		u->nc = (uint32_t)(ids.len - ls.from);
		u->value = 0;
		for (size_t j = ls.from; j < ids.len; j++)
			u->value += k->weight[NF_VEC_AT(&ids, uint32_t, j)];
	}
	table_free(&t);
	k->ids = ids.data;
	k->nids = ids.len;
	if (st)
		nf_concepts_free(k);
	return st;
}

void nf_concepts_free(nf_concepts *k)
{
	free(k->weight);
	free(k->ids);
	memset(k, 0, sizeof *k);
}
