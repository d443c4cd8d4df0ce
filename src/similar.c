/*
 * similar.c - weighted sentence similarity and near-neighbour search.
 *
 * Features of a sentence: the Snowball stems of its content words (stop
 * words and one-letter words dropped), its numbers, and for names inside
 * the sentence a consonant skeleton instead of the stem, so spellings of
 * one transliterated name meet; each counted once.
 * Weight of a feature: log((N + 1) / (df + 0.5)) with N the sentences of the
 * corpus and df those holding the feature, so a shared number or name says
 * much more than a shared "police". Similarity is the cosine of the weight
 * vectors. Sentence frequency rather than document frequency because a
 * story's corpus is small (often five articles): every topic word is in
 * every article, but not in every sentence.
 *
 * Search: an inverted index lists, for every feature in at most df_cap
 * sentences, the sentences that hold it. A query accumulates the shared
 * weight of indexed features; the features left out can add at most the
 * smaller of the two sentences' unindexed weight, so a candidate whose
 * accumulated score plus that bound stays under the threshold is dropped
 * without error, and the others are scored exactly by merging the two
 * sorted feature lists. Cost per query is bounded by the features times
 * df_cap, never by the corpus size.
 *
 * Rejected: MinHash/shingles (finds verbatim copies but not translations
 * and paraphrases, which share rare words but few word n-grams); embeddings
 * (no model, and too slow for 500 articles in a second).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "similar.h"

/* Features in more than 1 in 32 sentences are left out of the index: they
 * are so common that their weight is small (under log 32), and their
 * postings would make queries quadratic. Measured on 500 articles, 1/16
 * costs twice the time and 1/64 lets too many candidates through the
 * bound; both find the same pairs above 0.3. At least 64 so small corpora
 * index everything. */
static uint32_t df_cap_for(size_t nsents)
{
	size_t cap = nsents / 32;
	return (uint32_t)(cap < 64 ? 64 : cap);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

static int cmp_hit(const void *a, const void *b)
{
	const nf_sim_hit *x = a, *y = b;
	return (x->sent > y->sent) - (x->sent < y->sent);
}

/* Whether token t is a feature: a number, or a content word of 2+ bytes. */
static int is_feature(const nf_token *t)
{
	if (t->flags & NF_TOK_NUM)
		return 1;
	return (t->flags & NF_TOK_WORD) && !(t->flags & NF_TOK_STOP) && t->len >= 2;
}

static int vowel(char ch)
{
	return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u' || ch == 'y';
}

/* Lexicon id of the consonant skeleton of a name: first letter, then the
 * consonants with doubles collapsed, so transliteration variants meet
 * (Tokayev / Tokaev, Massimov / Masimov, Kassym / Kassim). 0 when the
 * skeleton is too short to tell names apart (under 3 letters) or the name
 * is long enough to be anything but a name. The "\1" prefix keeps
 * skeletons apart from real words in the lexicon. */
static uint32_t skeleton(nf_lex *lex, uint32_t norm)
{
	const char *w = nf_lex_str(lex, norm);
	char buf[64];
	size_t o = 0;
	buf[o++] = '\1';
	for (size_t i = 0; w[i]; i++) {
		if (o + 1 >= sizeof buf)
			return 0;
		if (i && vowel(w[i]))
			continue;
		if (o > 1 && buf[o - 1] == w[i])
			continue;
		buf[o++] = w[i];
	}
	return o >= 4 ? nf_lex_intern(lex, buf, o) : 0;
}

/* Feature id of token t (a feature): numbers by their form, names that are
 * not first in their sentence by their skeleton, other words by stem. */
static uint32_t feature_id(nf_lex *lex, const nf_token *t)
{
	if (t->flags & NF_TOK_NUM)
		return t->norm;
	if ((t->flags & NF_TOK_CAP) && !(t->flags & NF_TOK_SSTART)) {
		uint32_t k = skeleton(lex, t->norm);
		if (k)
			return k;
	}
	return t->stem;
}

/* Appends the sorted, unique features of sentence se of d to feats. */
static nf_status sentence_features(nf_lex *lex, const nf_doc *d,
                                   const nf_sentence *se, nf_vec *feats,
                                   uint32_t *nf, uint32_t *words)
{
	size_t start = feats->len;
	*words = 0;
	for (uint32_t k = 0; k < se->ntok && se->tok0 + k < d->ntoks; k++) {
		const nf_token *t = &d->toks[se->tok0 + k];
		if (t->flags & (NF_TOK_WORD | NF_TOK_NUM))
			(*words)++;
		if (!is_feature(t))
			continue;
		uint32_t *f = nf_vec_push(feats, sizeof *f);
		if (!f)
			return NF_ENOMEM;
		if (!(*f = feature_id(lex, t)))
			return NF_ENOMEM;
	}
	size_t n = feats->len - start, u = 0;
	if (n) {
		uint32_t *base = (uint32_t *)feats->data + start;
		qsort(base, n, sizeof *base, cmp_u32);
		for (size_t i = 0; i < n; i++)
			if (!u || base[u - 1] != base[i])
				base[u++] = base[i];
	}
	feats->len = start + u;
	*nf = (uint32_t)u;
	return NF_OK;
}

static nf_status collect(nf_sim *s, nf_corpus *c, nf_vec *sents, nf_vec *feats)
{
	size_t ndocs = NF_NDOCS(c);
	s->doc_sent0 = calloc(ndocs + 1, sizeof *s->doc_sent0);
	if (!s->doc_sent0)
		return NF_ENOMEM;
	for (size_t i = 0; i < ndocs; i++) {
		const nf_doc *d = NF_DOC(c, i);
		s->doc_sent0[i] = sents->len;
		for (size_t j = 0; d->text && j < d->nsents; j++) {
			nf_sim_sent *ss = nf_vec_push(sents, sizeof *ss);
			if (!ss)
				return NF_ENOMEM;
			ss->doc = (uint32_t)i;
			ss->sent = (uint32_t)j;
			ss->f0 = (uint32_t)feats->len;
			nf_status st = sentence_features(&c->lex, d, &d->sents[j], feats,
			                                 &ss->nf, &ss->words);
			if (st)
				return st;
		}
	}
	s->doc_sent0[ndocs] = sents->len;
	return NF_OK;
}

/* Weights, norms and the inverted index. */
static nf_status index_features(nf_sim *s)
{
	size_t n = s->nids;
	s->weight = calloc(n, sizeof *s->weight);
	s->df = calloc(n, sizeof *s->df);
	s->post0 = calloc(n + 1, sizeof *s->post0);
	s->acc = calloc(s->nsents ? s->nsents : 1, sizeof *s->acc);
	s->touched = calloc(s->nsents ? s->nsents : 1, sizeof *s->touched);
	if (!s->weight || !s->df || !s->post0 || !s->acc || !s->touched)
		return NF_ENOMEM;
	for (size_t i = 0; i < s->nfeats; i++)
		s->df[s->feats[i]]++;
	double N = (double)s->nsents;
	for (size_t id = 0; id < n; id++)
		if (s->df[id])
			s->weight[id] = (float)log((N + 1) / (s->df[id] + 0.5));
	s->df_cap = df_cap_for(s->nsents);
	size_t total = 0;
	for (size_t id = 0; id < n; id++) {
		s->post0[id] = (uint32_t)total;
		if (s->df[id] <= s->df_cap)
			total += s->df[id];
	}
	s->post0[n] = (uint32_t)total;
	s->post = malloc((total ? total : 1) * sizeof *s->post);
	uint32_t *fill = malloc((n ? n : 1) * sizeof *fill);
	if (!s->post || !fill) {
		free(fill);
		return NF_ENOMEM;
	}
	memcpy(fill, s->post0, n * sizeof *fill);
	for (size_t i = 0; i < s->nsents; i++) {
		nf_sim_sent *ss = &s->sents[i];
		double norm2 = 0, un = 0;
		for (uint32_t k = 0; k < ss->nf; k++) {
			uint32_t id = s->feats[ss->f0 + k];
			double w = s->weight[id];
			norm2 += w * w;
			if (s->df[id] <= s->df_cap)
				s->post[fill[id]++] = (uint32_t)i;
			else
				un += w * w;
		}
		ss->norm = (float)sqrt(norm2);
		ss->unindexed = (float)un;
	}
	free(fill);
	return NF_OK;
}

nf_status nf_sim_build(nf_sim *s, nf_corpus *c)
{
	memset(s, 0, sizeof *s);
	nf_vec sents = NF_VEC_INIT, feats = NF_VEC_INIT;
	nf_status st = collect(s, c, &sents, &feats);
	if (st) {
		nf_vec_free(&sents);
		nf_vec_free(&feats);
		nf_sim_free(s);
		return st;
	}
	if (feats.len > UINT32_MAX || sents.len > UINT32_MAX) {
		nf_vec_free(&sents);
		nf_vec_free(&feats);
		nf_sim_free(s);
		return NF_ETOOBIG;
	}
	s->sents = sents.data;
	s->nsents = sents.len;
	s->feats = feats.data;
	s->nfeats = feats.len;
	s->nids = c->lex.count;
	if ((st = index_features(s)))
		nf_sim_free(s);
	return st;
}

void nf_sim_free(nf_sim *s)
{
	free(s->sents);
	free(s->doc_sent0);
	free(s->feats);
	free(s->weight);
	free(s->df);
	free(s->post0);
	free(s->post);
	free(s->acc);
	free(s->touched);
	memset(s, 0, sizeof *s);
}

float nf_sim_cosine(const nf_sim *s, size_t a, size_t b)
{
	const nf_sim_sent *x = &s->sents[a], *y = &s->sents[b];
	if (x->norm <= 0 || y->norm <= 0)
		return 0;
	const uint32_t *p = s->feats + x->f0, *q = s->feats + y->f0;
	uint32_t i = 0, j = 0;
	double dot = 0;
	while (i < x->nf && j < y->nf) {
		if (p[i] < q[j]) {
			i++;
		} else if (p[i] > q[j]) {
			j++;
		} else {
			double w = s->weight[p[i]];
			dot += w * w;
			i++, j++;
		}
	}
	return (float)(dot / ((double)x->norm * y->norm));
}

nf_status nf_sim_near(nf_sim *s, size_t a, float min, nf_vec *hits)
{
	const nf_sim_sent *x = &s->sents[a];
	if (x->norm <= 0 || min <= 0)
		return NF_OK;
	size_t ntouched = 0, first = hits->len;
	for (uint32_t k = 0; k < x->nf; k++) {
		uint32_t id = s->feats[x->f0 + k];
		if (s->df[id] > s->df_cap)
			continue;
		float w2 = s->weight[id] * s->weight[id];
		for (uint32_t p = s->post0[id]; p < s->post0[id + 1]; p++) {
			uint32_t b = s->post[p];
			if (s->sents[b].doc == x->doc)
				continue;
			if (s->acc[b] == 0)
				s->touched[ntouched++] = b;
			s->acc[b] += w2;
		}
	}
	nf_status st = NF_OK;
	for (size_t t = 0; t < ntouched; t++) {
		uint32_t b = s->touched[t];
		const nf_sim_sent *y = &s->sents[b];
		float missed = x->unindexed < y->unindexed ? x->unindexed : y->unindexed;
		float bound = (s->acc[b] + missed) / (x->norm * y->norm);
		s->acc[b] = 0;
		if (st || bound < min)
			continue;
		float cos = nf_sim_cosine(s, a, b);
		if (cos < min)
			continue;
		nf_sim_hit *h = nf_vec_push(hits, sizeof *h);
		if (!h) {
			st = NF_ENOMEM;
			continue;
		}
		h->sent = b;
		h->score = cos;
	}
	if (!st && hits->len - first > 1)
		qsort((nf_sim_hit *)hits->data + first, hits->len - first,
		      sizeof(nf_sim_hit), cmp_hit);
	return st;
}

void nf_sim_best_per_doc(const nf_sim *s, nf_vec *hits, size_t from)
{
	nf_sim_hit *h = hits->data;
	size_t keep = from;
	for (size_t i = from; i < hits->len; i++) {
		if (keep > from && s->sents[h[keep - 1].sent].doc == s->sents[h[i].sent].doc) {
			if (h[i].score > h[keep - 1].score)
				h[keep - 1] = h[i];
			continue;
		}
		h[keep++] = h[i];
	}
	hits->len = keep;
}
