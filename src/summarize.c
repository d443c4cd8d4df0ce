/*
 * summarize.c - the extractive, cited summary.
 *
 * Candidates are the sentences of every article that can stand alone: 6 to
 * 60 words, ending like a sentence, starting with a capital that is not a
 * pronoun or a connective needing the sentence before, not a bare quote,
 * and holding a run of lower-case words (so a headline, a caption credit or
 * a menu line is not one). The support of a candidate is every article with
 * a sentence similar to it (similar.c: idf-weighted cosine of stems, name
 * skeletons and numbers, so paraphrases and translations count; a lower
 * cosine will do when both give the same count, "164 people"), sharing at
 * least one word that is not a name or a number (the same people in
 * another event are no support). Its strength is the number of independent
 * groups among them (a copy counts once, through doc->group). Candidates are ranked by that, then by how
 * much of the story's shared vocabulary they hold (centrality: content
 * features found in several articles), then by how early they come in
 * their article, preferring originals to copies.
 *
 * Selection is greedy within the word budget (a sentence is never cut; the
 * first always goes in), skipping a candidate that restates a chosen one:
 * similar to the chosen sentence or to any sentence supporting it, or
 * giving only numbers the chosen one already gave. The summary reads
 * strongest-supported facts first, and within equal support in story
 * order (relative position in the articles).
 *
 * Rejected: clustering all sentences first (costly, and the greedy check
 * against the chosen clusters gives the same result for the few sentences a
 * summary holds); LexRank-style centrality alone (ranks what one verbose
 * article repeats over what many sources agree on).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "similar.h"
#include "stages.h"

/* A sentence supports another from this cosine on: paraphrases and
 * translations of one statement keep a third to a half of the weighted
 * content; sentences sharing only the topic words stay under 0.25. */
#define SUPPORT_COSINE 0.3f

/* Sentences stating the same count ("164 people were killed") support each
 * other from this lower cosine: the number is the fact, and the rest of two
 * reports' sentences (who said it, where) often differs. */
#define NUMBER_COSINE 0.15f

/* Candidate length in words: shorter ones are fragments or captions,
 * longer ones are run-ons or lists glued together by a missing period. */
#define MIN_WORDS 6
#define MAX_WORDS 60

/* Consecutive lower-case words a real sentence has somewhere ("were killed
 * in the", "said on Sunday that"); a headline or a menu has none. */
#define MIN_LOWER_RUN 3

typedef struct cand {
	uint32_t sent;      /* sentence number in nf_sim */
	uint32_t indep;     /* independent supporting groups */
	float central;      /* shared-vocabulary score */
	float pos;          /* relative position in its article, 0..1 */
	int copy;           /* 1 when its article is a copy */
	size_t h0, nh;      /* its supporting sentences in the hits vector */
} cand;

/* Words that start a sentence needing the one before it, or addressing
 * the reader ("Your email address ...", a site's text, not the story's). */
static const char *const context_words[] = {
	"he", "she", "it", "they", "this", "these", "those", "his", "her", "its",
	"their", "them", "we", "our", "i", "you", "your", "but", "and", "or", "so",
	"however", "also", "that", "then", "meanwhile", "still", "latter",
	"such", "both", "yet", "thus", "here"};

static int needs_context(const nf_corpus *c, const nf_token *t)
{
	const char *w = nf_lex_str(&c->lex, t->norm);
	for (size_t i = 0; i < sizeof context_words / sizeof *context_words; i++)
		if (!strcmp(w, context_words[i]))
			return 1;
	return 0;
}

static int is_quote(const char *s, const nf_token *t)
{
	const unsigned char *p = (const unsigned char *)s + t->off;
	if (t->len == 1)
		return p[0] == '"' || p[0] == '\'';
	if (t->len == 3) /* ‘ ’ “ ” */
		return p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9D;
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

static int is_double_quote(const char *s, const nf_token *t)
{
	const unsigned char *p = (const unsigned char *)s + t->off;
	if (t->len == 1)
		return p[0] == '"';
	if (t->len == 3)
		return p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9D);
	return t->len == 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB);
}

/* Whether the quotation marks of t[0..n) leave a whole statement: double
 * quotes paired (an odd count is a fragment of a quote split across
 * sentences), and a sentence that opens with a quote says who is quoted,
 * at least two words after the last quotation mark ("..., the office
 * said."). A quote alone says nothing about who stands behind it. */
static int quote_attributed(const char *s, const nf_token *t, size_t n)
{
	size_t doubles = 0, last = 0;
	for (size_t k = 0; k < n; k++) {
		if (is_double_quote(s, &t[k]))
			doubles++;
		if (is_quote(s, &t[k]))
			last = k;
	}
	if (doubles % 2)
		return 0;
	if (!is_quote(s, &t[0]))
		return 1;
	size_t after = 0;
	for (size_t k = last + 1; k < n; k++)
		after += (t[k].flags & NF_TOK_WORD) != 0;
	return after >= 2;
}

/* Whether sentence se of d reads as a stand-alone statement. */
static int stands_alone(const nf_corpus *c, const nf_doc *d, const nf_sentence *se,
                        uint32_t words)
{
	if (words < MIN_WORDS || words > MAX_WORDS || se->ntok < 2 ||
	    se->tok0 + se->ntok > d->ntoks)
		return 0;
	const nf_token *t = d->toks + se->tok0;
	size_t n = se->ntok;
	if (!quote_attributed(d->text, t, n))
		return 0;
	if (is_quote(d->text, &t[0])) {
		t++; /* judge the quoted words' start */
		n--;
	}
	if ((t[0].flags & NF_TOK_PUNCT) || !(t[0].flags & (NF_TOK_CAP | NF_TOK_NUM)) ||
	    needs_context(c, &t[0]))
		return 0; /* a bullet, a bracketed credit, a continuation */
	size_t last = n - 1;
	while (last > 0 && is_quote(d->text, &t[last]))
		last--;
	if (!is_terminal(d->text, &t[last]))
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
		/* addresses, links and phone numbers are contact lines, not facts */
		if ((t[k].flags & NF_TOK_PUNCT) && d->text[t[k].off] == '@')
			return 0;
		if (k + 2 < n && phone_like(d->text, &t[k]))
			return 0;
		if (nf_tok_is(c, &t[k], "http") || nf_tok_is(c, &t[k], "https") ||
		    nf_tok_is(c, &t[k], "www"))
			return 0;
	}
	return best >= MIN_LOWER_RUN && upper * 2 < words;
}

/* Documents holding each feature, by lexicon id (for centrality). */
static uint32_t *feature_docs(const nf_sim *s)
{
	uint32_t *df = calloc(s->nids ? s->nids : 1, sizeof *df);
	uint32_t *last = malloc((s->nids ? s->nids : 1) * sizeof *last);
	if (!df || !last) {
		free(df);
		free(last);
		return NULL;
	}
	memset(last, 0xFF, (s->nids ? s->nids : 1) * sizeof *last);
	for (size_t i = 0; i < s->nsents; i++) {
		const nf_sim_sent *ss = &s->sents[i];
		for (uint32_t k = 0; k < ss->nf; k++) {
			uint32_t id = s->feats[ss->f0 + k];
			if (last[id] != ss->doc) {
				last[id] = ss->doc;
				df[id]++;
			}
		}
	}
	free(last);
	return df;
}

/* Mean over the sentence's features of the share of other articles that
 * use it, so a sentence made of the story's common vocabulary scores high
 * and one made of a single article's details scores low. */
static float centrality(const nf_sim *s, const uint32_t *docs, size_t ndocs, size_t i)
{
	const nf_sim_sent *ss = &s->sents[i];
	if (!ss->nf || ndocs < 2)
		return 0;
	double sum = 0;
	for (uint32_t k = 0; k < ss->nf; k++)
		sum += (double)(docs[s->feats[ss->f0 + k]] - 1) / (double)(ndocs - 1);
	return (float)(sum / sqrt((double)ss->nf));
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

static int cmp_cand(const void *x, const void *y)
{
	const cand *a = x, *b = y;
	if (a->indep != b->indep)
		return a->indep < b->indep ? 1 : -1;
	if (a->copy != b->copy)
		return a->copy - b->copy;
	if (a->central != b->central)
		return a->central < b->central ? 1 : -1;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return (a->sent > b->sent) - (a->sent < b->sent);
}

/* Whether feature id is a count: a number of 10 or more that does not
 * look like a year (small numbers and years are in too many sentences to
 * tie two of them together). */
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

/* Whether sentences a and b give the same count. */
static int same_count(const nf_corpus *c, const nf_sim *s, size_t a, size_t b)
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
			if (is_count(c, p[i]))
				return 1;
			i++, j++;
		}
	}
	return 0;
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

/* Whether sentences a and b share a common word: two sentences about the
 * same people and day ("Putin", "Monday") but not the same event ("video
 * conference" / "deployment") are no support. */
static int shares_word(const uint8_t *common, const nf_sim *s, size_t a, size_t b)
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
			if (common[p[i]])
				return 1;
			i++, j++;
		}
	}
	return 0;
}

typedef struct scratch {
	nf_sim sim;
	nf_vec cands;  /* cand */
	nf_vec hits;   /* nf_sim_hit, the support of every candidate */
	nf_vec chosen; /* size_t indexes into cands */
	uint32_t *docs;
	uint32_t *mark;
	uint8_t *common;
} scratch;

/* The sentences supporting candidate k (NULL when there are none). */
static const nf_sim_hit *support(const scratch *w, const cand *k)
{
	return k->nh ? (const nf_sim_hit *)w->hits.data + k->h0 : NULL;
}

static nf_status gather(nf_corpus *c, scratch *w)
{
	nf_sim *s = &w->sim;
	size_t ndocs = NF_NDOCS(c);
	w->docs = feature_docs(s);
	w->mark = calloc(ndocs ? ndocs : 1, sizeof *w->mark);
	w->common = common_words(c, s->nids);
	if (!w->docs || !w->mark || !w->common)
		return NF_ENOMEM;
	for (size_t i = 0; i < s->nsents; i++) {
		const nf_sim_sent *ss = &s->sents[i];
		const nf_doc *d = NF_DOC(c, ss->doc);
		if (!stands_alone(c, d, &d->sents[ss->sent], ss->words))
			continue;
		size_t h0 = w->hits.len;
		float min = has_count(c, s, i) ? NUMBER_COSINE : SUPPORT_COSINE;
		nf_status st = nf_sim_near(s, i, min, &w->hits);
		if (st)
			return st;
		nf_sim_hit *h = w->hits.data;
		size_t keep = h0;
		for (size_t j = h0; j < w->hits.len; j++)
			if ((h[j].score >= SUPPORT_COSINE || same_count(c, s, i, h[j].sent)) &&
			    shares_word(w->common, s, i, h[j].sent))
				h[keep++] = h[j];
		w->hits.len = keep;
		nf_sim_best_per_doc(s, &w->hits, h0);
		cand *k = nf_vec_push(&w->cands, sizeof *k);
		if (!k)
			return NF_ENOMEM;
		k->sent = (uint32_t)i;
		k->h0 = h0;
		k->nh = w->hits.len - h0;
		k->indep = independent_groups(c, s, i, support(w, k), k->nh, w->mark,
		                              (uint32_t)i + 1);
		k->central = centrality(s, w->docs, ndocs, i);
		k->pos = d->nsents > 1 ? (float)ss->sent / (float)(d->nsents - 1) : 0;
		k->copy = d->copy_of >= 0;
	}
	return NF_OK;
}

/* Whether every number of sentence a is also in sentence b (a has one). */
static int numbers_within(const nf_corpus *c, const nf_sim *s, size_t a, size_t b)
{
	const nf_sim_sent *x = &s->sents[a], *y = &s->sents[b];
	int any = 0;
	for (uint32_t i = 0; i < x->nf; i++) {
		uint32_t id = s->feats[x->f0 + i];
		const char *str = nf_lex_str(&c->lex, id);
		if (str[0] < '0' || str[0] > '9')
			continue;
		any = 1;
		int found = 0;
		for (uint32_t j = 0; j < y->nf && !found; j++)
			found = s->feats[y->f0 + j] == id;
		if (!found)
			return 0;
	}
	return any;
}

/* Whether candidate k restates chosen candidate q. */
static int restates(const nf_corpus *c, scratch *w, const cand *k, const cand *q)
{
	const nf_sim_hit *h = support(w, q);
	if (nf_sim_cosine(&w->sim, k->sent, q->sent) >= SUPPORT_COSINE ||
	    numbers_within(c, &w->sim, k->sent, q->sent) ||
	    same_count(c, &w->sim, k->sent, q->sent))
		return 1;
	for (size_t i = 0; i < q->nh; i++)
		if (h[i].sent == k->sent ||
		    nf_sim_cosine(&w->sim, k->sent, h[i].sent) >= SUPPORT_COSINE)
			return 1;
	return 0;
}

static nf_status choose(nf_corpus *c, scratch *w, size_t budget)
{
	cand *k = w->cands.data;
	size_t used = 0;
	for (size_t i = 0; i < w->cands.len && used < budget; i++) {
		size_t words = w->sim.sents[k[i].sent].words;
		if (w->chosen.len && used + words > budget)
			continue;
		int redundant = 0;
		for (size_t j = 0; j < w->chosen.len && !redundant; j++)
			redundant = restates(c, w, &k[i],
			                     &k[NF_VEC_AT(&w->chosen, size_t, j)]);
		if (redundant)
			continue;
		size_t *slot = nf_vec_push(&w->chosen, sizeof *slot);
		if (!slot)
			return NF_ENOMEM;
		*slot = i;
		used += words;
	}
	return NF_OK;
}

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* The sentence's text with every run of white space made one space. */
static char *flat_text(nf_arena *a, const char *s, size_t len)
{
	char *out = nf_arena_alloc(a, len + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char ch = s[i] == '\n' || s[i] == '\t' ? ' ' : s[i];
		if (ch == ' ' && (o == 0 || out[o - 1] == ' '))
			continue;
		out[o++] = ch;
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}

static nf_status fill_item(nf_brief *b, scratch *w, const cand *k, nf_summary_item *it)
{
	nf_corpus *c = b->corpus;
	const nf_sim_sent *ss = &w->sim.sents[k->sent];
	const nf_doc *d = NF_DOC(c, ss->doc);
	const nf_sentence *se = &d->sents[ss->sent];
	it->text = flat_text(&b->arena, d->text + se->off, se->len);
	it->sources = nf_arena_array(&b->arena, k->nh + 1, sizeof(int));
	if (!it->text || !it->sources)
		return NF_ENOMEM;
	const nf_sim_hit *h = support(w, k);
	size_t n = 0;
	it->sources[n++] = (int)ss->doc;
	for (size_t i = 0; i < k->nh; i++)
		it->sources[n++] = (int)w->sim.sents[h[i].sent].doc;
	qsort(it->sources, n, sizeof(int), cmp_int);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (!u || it->sources[u - 1] != it->sources[i])
			it->sources[u++] = it->sources[i];
	it->nsources = u;
	it->independent = k->indep;
	it->doc = (int)ss->doc;
	it->sent = (int)ss->sent;
	return NF_OK;
}

/* Reading order: strongest support first, then story order. */
static int cmp_reading(const void *x, const void *y)
{
	const cand *a = x, *b = y;
	if (a->indep != b->indep)
		return a->indep < b->indep ? 1 : -1;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return (a->sent > b->sent) - (a->sent < b->sent);
}

/* The chosen candidates as items of b->summary, in reading order. */
static nf_status emit(nf_brief *b, scratch *w)
{
	size_t n = w->chosen.len;
	cand *picked = malloc(n * sizeof *picked);
	b->summary = nf_arena_array(&b->arena, n, sizeof(nf_summary_item));
	if (!picked || !b->summary) {
		free(picked);
		return NF_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		picked[i] = NF_VEC_AT(&w->cands, cand, NF_VEC_AT(&w->chosen, size_t, i));
	qsort(picked, n, sizeof *picked, cmp_reading);
	nf_status st = NF_OK;
	for (size_t i = 0; !st && i < n; i++)
		st = fill_item(b, w, &picked[i], &b->summary[i]);
	free(picked);
	if (!st)
		b->nsummary = n;
	return st;
}

nf_status nf_summarize(nf_brief *b)
{
	nf_corpus *c = b->corpus;
	scratch w = {0};
	nf_status st = nf_sim_build(&w.sim, c);
	if (st)
		return nf_error(c->ctx, st, "summary: %s", nf_status_name(st));
	if (!(st = gather(c, &w))) {
		if (w.cands.len > 1)
			qsort(w.cands.data, w.cands.len, sizeof(cand), cmp_cand);
		size_t budget = b->opts.summary_words > 0 ? (size_t)b->opts.summary_words : 120;
		st = choose(c, &w, budget);
	}
	if (!st && w.chosen.len)
		st = emit(b, &w);
	nf_sim_free(&w.sim);
	nf_vec_free(&w.cands);
	nf_vec_free(&w.hits);
	nf_vec_free(&w.chosen);
	free(w.docs);
	free(w.mark);
	free(w.common);
	return st ? nf_error(c->ctx, st, "summary: %s", nf_status_name(st)) : NF_OK;
}
