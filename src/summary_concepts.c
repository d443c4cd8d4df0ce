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
 * Nenkova, 2014). On DUC 2002 the position factor adds 0.019 / 0.030 to
 * ROUGE-1 / ROUGE-2 at 100 words and 0.026 / 0.046 at 200 over counting
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

typedef struct table {
	uint64_t *keys;    /* by concept id */
	uint32_t *slots;   /* id + 1, 0 = empty; power-of-two size */
	size_t nslots, n, cap;
	float *weight;
	uint32_t *groups;  /* independent sources using it */
	uint32_t *sents;   /* sentences using it */
	int32_t *cur_group; /* the source being counted, -1 before any */
	uint32_t *cur_pos; /* its earliest sentence in that source */
	uint32_t *stamp;   /* last sentence counted, + 1 */
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
	uint64_t *keys = realloc(t->keys, cap * sizeof *keys);
	if (keys)
		t->keys = keys;
	float *weight = keys ? realloc(t->weight, cap * sizeof *weight) : NULL;
	if (weight)
		t->weight = weight;
	uint32_t *groups = weight ? realloc(t->groups, cap * sizeof *groups) : NULL;
	if (groups)
		t->groups = groups;
	uint32_t *sents = groups ? realloc(t->sents, cap * sizeof *sents) : NULL;
	if (sents)
		t->sents = sents;
	int32_t *cur_group = sents ? realloc(t->cur_group, cap * sizeof *cur_group) : NULL;
	if (cur_group)
		t->cur_group = cur_group;
	uint32_t *cur_pos = cur_group ? realloc(t->cur_pos, cap * sizeof *cur_pos) : NULL;
	if (cur_pos)
		t->cur_pos = cur_pos;
	uint32_t *stamp = cur_pos ? realloc(t->stamp, cap * sizeof *stamp) : NULL;
	if (!stamp)
		return 0;
	t->stamp = stamp;
	t->cap = cap;
	size_t nslots = cap * 2;
	uint32_t *slots = calloc(nslots, sizeof *slots);
	if (!slots)
		return 0;
	free(t->slots);
	t->slots = slots;
	t->nslots = nslots;
	for (size_t id = 0; id < t->n; id++) {
		size_t h = mix(t->keys[id]) & (nslots - 1);
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
			if (t->keys[t->slots[h] - 1] == key)
				return t->slots[h] - 1;
	}
	if (!add)
		return UINT32_MAX;
	if (t->n == t->cap && !grow_table(t)) {
		*oom = 1;
		return UINT32_MAX;
	}
	uint32_t id = (uint32_t)t->n++;
	t->keys[id] = key;
	t->weight[id] = 0;
	t->groups[id] = t->sents[id] = t->stamp[id] = 0;
	t->cur_group[id] = -1;
	t->cur_pos[id] = 0;
	size_t h = mix(key) & (t->nslots - 1);
	while (t->slots[h])
		h = (h + 1) & (t->nslots - 1);
	t->slots[h] = id + 1;
	return id;
}

static void table_free(table *t)
{
	free(t->keys);
	free(t->slots);
	free(t->weight);
	free(t->groups);
	free(t->sents);
	free(t->cur_group);
	free(t->cur_pos);
	free(t->stamp);
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
 * 2002, 0.3 adds 0.006 / 0.011 to ROUGE-1 / ROUGE-2 at 100 words and
 * 0.008 / 0.016 at 200 over pairs alone; as much as a pair (1.0) scores
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

static void flush(table *t, uint32_t id)
{
	if (t->cur_group[id] >= 0) {
		t->weight[id] += (float)(position_factor(t->cur_pos[id]) *
		                         (t->keys[id] & SINGLE ? SINGLE_WEIGHT : 1.0));
		t->groups[id]++;
	}
}

static int count_concept(void *ud, uint64_t key)
{
	counting *cn = ud;
	table *t = cn->t;
	uint32_t id = lookup(t, key, 1, &cn->oom);
	if (id == UINT32_MAX)
		return 0;
	if (t->stamp[id] != cn->sent + 1) {
		t->stamp[id] = cn->sent + 1;
		t->sents[id]++;
	}
	if (t->cur_group[id] != cn->group) {
		flush(t, id);
		t->cur_group[id] = cn->group;
		t->cur_pos[id] = cn->pos;
	} else if (cn->pos < t->cur_pos[id]) {
		t->cur_pos[id] = cn->pos;
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
		flush(t, (uint32_t)id);
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

typedef struct weighed {
	float weight;
	uint32_t id;
} weighed;

static int cmp_weight_desc(const void *x, const void *y)
{
	const weighed *a = x, *b = y;
	if (a->weight != b->weight)
		return a->weight < b->weight ? 1 : -1;
	return (a->id > b->id) - (a->id < b->id);
}

/* Renumbers the kept concepts 0..k->n-1 (new id in t->stamp, UINT32_MAX
 * for the dropped; the stamps' counting job is done) and fills k->weight. */
static nf_status keep_concepts(table *t, size_t ngroups, nf_concepts *k)
{
	uint32_t min_groups = (uint32_t)ceil(MIN_SOURCE_SHARE * (double)ngroups);
	if (min_groups < 2)
		min_groups = 2;
	weighed *kept = malloc((t->n ? t->n : 1) * sizeof *kept);
	if (!kept)
		return NF_ENOMEM;
	size_t n = 0;
	for (size_t id = 0; id < t->n; id++) {
		int keep = ngroups >= 3 ? t->groups[id] >= min_groups : t->sents[id] >= 2;
		if (keep)
			kept[n++] = (weighed){t->weight[id], (uint32_t)id};
		t->stamp[id] = UINT32_MAX;
	}
	if (n > MAX_CONCEPTS) {
		qsort(kept, n, sizeof *kept, cmp_weight_desc);
		n = MAX_CONCEPTS;
	}
	k->weight = malloc((n ? n : 1) * sizeof *k->weight);
	if (!k->weight) {
		free(kept);
		return NF_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		t->stamp[kept[i].id] = (uint32_t)i;
		k->weight[i] = kept[i].weight;
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
	if (id == UINT32_MAX || ls->t->stamp[id] == UINT32_MAX)
		return 1;
	uint32_t kid = ls->t->stamp[id];
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
