/*
 * timeline.c - dated events of the story, in order, each with its sources.
 *
 * Every sentence of every document is searched for its most precise date
 * expression (nf_date_find: absolute, weekday, relative day or week),
 * resolved against the document's publication date. A week ("last week")
 * is an event spanning seven days, kept apart from the days it covers: a
 * timeline must not pretend to know the day. Dated sentences are sorted by
 * day; within a day, a sentence joins the first event whose representative
 * shares enough content stems with it (overlap coefficient), else starts a new event.
 * Each day keeps its best-sourced events and the whole timeline its
 * best-sourced days' events, then everything is sorted by date and by the
 * number of sources.
 *
 * Rejected: comparing every pair of dated sentences (quadratic in a big
 * corpus; a day holds few events, so comparing with its event
 * representatives, capped, is linear), and the similarity index of
 * similar.c (its idf weights favour rare names, while two reports of one
 * event share plain verbs and nouns: stems suit a same-day test better).
 * Year-only dates ("in 2019") are left out: a timeline of days cannot
 * place them.
 */
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "stages.h"

/* Two sentences of the same day report one event when the shared content
 * stems are this share of the shorter sentence's (overlap coefficient)
 * and at least SAME_MIN_SHARED: a paraphrase or a shorter retelling keeps
 * about half of its words in common with the longer telling (Jaccard
 * punishes the extra clauses of the longer one), while distinct events of
 * one day share little beyond a name and the day. */
#define SAME_EVENT 0.4
#define SAME_MIN_SHARED 3
/* Content stems kept per sentence: enough for a 40-word sentence. */
#define MAX_STEMS 48
/* Events compared per day: bounds the work on a day with a flood of
 * dated sentences; later unmatched sentences of such a day are dropped. */
#define MAX_EVENTS_PER_DAY_SCAN 64
/* Events shown per day and in all: a readable timeline. */
#define MAX_PER_DAY 4
#define MAX_EVENTS 25
/* Event text length in words; longer sentences are cut at a clause. */
#define MAX_WORDS 30
#define MIN_CLAUSE_WORDS 12

typedef struct item {
	long day;
	int span;          /* days after day the expression covers: 6 for a week */
	int estimated;
	int copy;          /* from a copy of another article */
	int doc, sent;
	uint32_t st0, nst; /* stems in the scratch stem vector */
	int event;         /* event number, -1 when dropped */
} item;

typedef struct event {
	long day;
	int span;
	int rep;           /* item quoted */
	size_t nsources;
	int estimated;     /* every item resolved against an estimate */
	size_t first;      /* first item of its day, for stable order */
} event;

static int cmp_item(const void *a, const void *b)
{
	const item *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->span != y->span)
		return x->span > y->span ? -1 : 1;
	if (x->doc != y->doc)
		return x->doc - y->doc;
	return x->sent - y->sent;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* A sentence of a quotation: it opens with a quotation mark (perhaps just
 * before its span: 'said. "Today we start.'), or its first quotation mark
 * closes one ('Yesterday we were counting," she said.').
 * A speaker's "today" is the day they spoke, which the text does not
 * give, and a timeline reports what happened, not what was said of it.
 * Marks: straight, curly, and the typewriter pairs `` '' of wire copy. */
static int quotation(const char *text, size_t off, size_t n)
{
	if ((off >= 1 && text[off - 1] == '"') ||
	    (off >= 2 && text[off - 1] == '`' && text[off - 2] == '`') ||
	    (off >= 3 && !memcmp(text + off - 3, "\xE2\x80\x9C", 3)))
		return 1;
	const char *s = text + off;
	for (size_t i = 0; i < n; i++) {
		int straight = s[i] == '"';
		int open = (i + 2 < n && !memcmp(s + i, "\xE2\x80\x9C", 3)) ||
		           (i + 1 < n && s[i] == '`' && s[i + 1] == '`');
		int close = (i + 2 < n && !memcmp(s + i, "\xE2\x80\x9D", 3)) ||
		            (i + 1 < n && s[i] == '\'' && s[i + 1] == '\'');
		if (!straight && !open && !close)
			continue;
		if (i == 0 || close)
			return 1;
		/* a straight mark closes after a letter or punctuation */
		return straight && s[i - 1] != ' ' && s[i - 1] != '(';
	}
	return 0;
}

/* Lower-case content words: at least two mark a sentence of prose rather
 * than a heading, a credit or a list of names. */
static int prose_like(const nf_corpus *c, const nf_doc *d, const nf_sentence *s)
{
	static const char *const pronouns[] = {"it", "he", "she", "they", "this",
		"these", "that", "those", "we", "i"};
	/* A sentence opening with a pronoun leans on the one before it: out of
	 * context it names no one ("It gave no explanation on Sunday"). */
	for (size_t k = 0; s->ntok && k < sizeof pronouns / sizeof *pronouns; k++)
		if (nf_tok_is(c, &d->toks[s->tok0], pronouns[k]))
			return 0;
	int n = 0;
	for (uint32_t k = 0; k < s->ntok && n < 2; k++) {
		const nf_token *t = &d->toks[s->tok0 + k];
		n += (t->flags & NF_TOK_WORD) && !(t->flags & (NF_TOK_CAP | NF_TOK_STOP));
	}
	return n >= 2;
}

/* Sorted distinct stems of the sentence's content words, into stems. */
static nf_status add_stems(const nf_doc *d, const nf_sentence *s, nf_vec *stems,
                           item *it)
{
	it->st0 = (uint32_t)stems->len;
	uint32_t tmp[MAX_STEMS];
	uint32_t n = 0;
	for (uint32_t k = 0; k < s->ntok && n < MAX_STEMS; k++) {
		const nf_token *t = &d->toks[s->tok0 + k];
		if ((t->flags & (NF_TOK_WORD | NF_TOK_NUM)) && !(t->flags & NF_TOK_STOP))
			tmp[n++] = t->stem;
	}
	qsort(tmp, n, sizeof *tmp, cmp_u32);
	uint32_t m = 0;
	for (uint32_t k = 0; k < n; k++) {
		if (m && tmp[k] == tmp[m - 1])
			continue;
		tmp[m++] = tmp[k];
	}
	for (uint32_t k = 0; k < m; k++) {
		uint32_t *p = nf_vec_push(stems, sizeof *p);
		if (!p)
			return NF_ENOMEM;
		*p = tmp[k];
	}
	it->nst = m;
	return NF_OK;
}

static int same_event(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
	uint32_t i = 0, j = 0, both = 0;
	while (i < na && j < nb) {
		if (a[i] == b[j])
			both++, i++, j++;
		else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	uint32_t shorter = na < nb ? na : nb;
	return both >= SAME_MIN_SHARED && both >= SAME_EVENT * shorter;
}

/* The dated sentences of every document. */
static nf_status collect(nf_brief *b, const nf_date_words *w, nf_vec *items,
                         nf_vec *stems)
{
	nf_corpus *c = b->corpus;
	for (size_t i = 0; i < NF_NDOCS(c); i++) {
		const nf_doc *d = NF_DOC(c, i);
		nf_date ref = nf_dates_statement(c, d);
		for (size_t s = 0; s < d->nsents; s++) {
			const nf_sentence *se = &d->sents[s];
			nf_date when;
			nf_date_kind k = nf_date_find(w, d->text, d->toks + se->tok0,
			                              se->ntok, ref, 0, &when);
			if (!k || !prose_like(c, d, se) || quotation(d->text, se->off, se->len))
				continue;
			item *it = nf_vec_push(items, sizeof *it);
			if (!it)
				return NF_ENOMEM;
			it->day = nf_date_days(when);
			it->span = k == NF_DX_WEEK ? 6 : 0;
			it->estimated = k != NF_DX_ABSOLUTE &&
			                d->date_source == NF_DATE_ESTIMATED;
			it->copy = d->copy_of >= 0;
			it->doc = (int)i;
			it->sent = (int)s;
			it->event = -1;
			if (add_stems(d, se, stems, it))
				return NF_ENOMEM;
		}
	}
	return NF_OK;
}

/* Groups the sorted items of each day into events. */
static nf_status group(nf_vec *items, const nf_vec *stems, nf_vec *events)
{
	item *it = items->data;
	const uint32_t *st = stems->data;
	size_t n = items->len;
	for (size_t a = 0; a < n;) {
		size_t z = a;
		while (z < n && it[z].day == it[a].day && it[z].span == it[a].span)
			z++;
		size_t ev0 = events->len;
		for (size_t i = a; i < z; i++) {
			for (size_t e = ev0; e < events->len; e++) {
				const item *r = &it[NF_VEC_AT(events, event, e).rep];
				if (same_event(st + r->st0, r->nst, st + it[i].st0, it[i].nst)) {
					it[i].event = (int)e;
					break;
				}
			}
			if (it[i].event >= 0 || events->len - ev0 >= MAX_EVENTS_PER_DAY_SCAN)
				continue;
			event *ev = nf_vec_push(events, sizeof *ev);
			if (!ev)
				return NF_ENOMEM;
			ev->day = it[i].day;
			ev->span = it[i].span;
			ev->rep = (int)i;
			ev->first = events->len - 1;
			ev->estimated = 1;
			it[i].event = (int)(events->len - 1);
		}
		a = z;
	}
	return NF_OK;
}

/* Sources (distinct documents), estimated flag and quoted item of every
 * event: items of one day are in document order, so a repeat is the
 * previous document seen for its event. The quote is the fullest telling
 * (most content stems), an original's before a copy's (a translation
 * reads worse), one with a stated date before an estimated one. */
static int better_quote(const item *t, const item *r)
{
	if (t->copy != r->copy)
		return r->copy;
	if (t->estimated != r->estimated)
		return r->estimated;
	return t->nst > r->nst;
}

static nf_status count_sources(nf_vec *items, nf_vec *events)
{
	int *last = malloc((events->len ? events->len : 1) * sizeof *last);
	if (!last)
		return NF_ENOMEM;
	for (size_t e = 0; e < events->len; e++)
		last[e] = -1;
	for (size_t i = 0; i < items->len; i++) {
		const item *t = &NF_VEC_AT(items, item, i);
		if (t->event < 0)
			continue;
		event *ev = &NF_VEC_AT(events, event, t->event);
		const item *r = &NF_VEC_AT(items, item, ev->rep);
		if (better_quote(t, r))
			ev->rep = (int)i;
		if (!t->estimated)
			ev->estimated = 0;
		if (last[t->event] != t->doc) {
			ev->nsources++;
			last[t->event] = t->doc;
		}
	}
	free(last);
	return NF_OK;
}

static int cmp_by_sources(const void *a, const void *b)
{
	const event *x = a, *y = b;
	if (x->nsources != y->nsources)
		return x->nsources > y->nsources ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

/* A span ("last week") starts its day: it began before the day's events. */
static int cmp_by_date(const void *a, const void *b)
{
	const event *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->span != y->span)
		return x->span > y->span ? -1 : 1;
	return cmp_by_sources(a, b);
}

/* Keeps the best-sourced MAX_PER_DAY events of each day, then the best
 * MAX_EVENTS overall, in date order. Returns the number kept. */
static size_t select_events(event *ev, size_t n)
{
	if (!n)
		return 0;
	qsort(ev, n, sizeof *ev, cmp_by_date);
	size_t m = 0, run = 0;
	for (size_t i = 0; i < n; i++) {
		run = i && ev[i].day == ev[i - 1].day && ev[i].span == ev[i - 1].span ? run + 1 : 0;
		if (run < MAX_PER_DAY)
			ev[m++] = ev[i];
	}
	if (m > MAX_EVENTS) {
		qsort(ev, m, sizeof *ev, cmp_by_sources);
		m = MAX_EVENTS;
	}
	qsort(ev, m, sizeof *ev, cmp_by_date);
	return m;
}

static int is_space(char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\t';
}

/* s[0..len) cut to MAX_WORDS words, at a clause boundary (, ; : or a dash)
 * after MIN_CLAUSE_WORDS words when there is one, with an ellipsis. */
static const char *trim_text(nf_arena *a, const char *s, size_t len)
{
	size_t words = 0, cut = len, clause = 0;
	for (size_t i = 0; i < len; i++) {
		if (!is_space(s[i]) || (i && is_space(s[i - 1])))
			continue;
		words++;
		char p = i ? s[i - 1] : ' ';
		if (words >= MIN_CLAUSE_WORDS && (p == ',' || p == ';' || p == ':'))
			clause = i - 1;
		if (words >= MAX_WORDS) {
			cut = clause ? clause : i;
			break;
		}
	}
	int more = cut < len;
	while (cut && (is_space(s[cut - 1]) || (more && strchr(",;:-", s[cut - 1]))))
		cut--;
	char *out = nf_arena_alloc(a, cut + 4);
	if (!out)
		return NULL;
	memcpy(out, s, cut);
	if (more) {
		memcpy(out + cut, "\xe2\x80\xa6", 3); /* an ellipsis */
		cut += 3;
	}
	for (size_t i = 0; i < cut; i++)
		if (out[i] == '\n')
			out[i] = ' ';
	out[cut] = '\0';
	return out;
}

/* The sources of event number e, in document order, from the brief arena. */
static int *event_sources(nf_arena *a, const nf_vec *items, int e, size_t n)
{
	int *src = nf_arena_alloc(a, (n ? n : 1) * sizeof *src);
	if (!src)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < items->len && k < n; i++) {
		const item *t = &NF_VEC_AT(items, item, i);
		if (t->event == e && (!k || src[k - 1] != t->doc))
			src[k++] = t->doc;
	}
	return src;
}

static nf_status emit(nf_brief *b, const nf_vec *items, event *ev, size_t n)
{
	nf_corpus *c = b->corpus;
	b->timeline = nf_arena_alloc(&b->arena, (n ? n : 1) * sizeof *b->timeline);
	if (!b->timeline)
		return NF_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const item *r = &NF_VEC_AT(items, item, ev[i].rep);
		const nf_doc *d = NF_DOC(c, r->doc);
		const nf_sentence *se = &d->sents[r->sent];
		nf_event *out = &b->timeline[i];
		out->date = nf_date_from_days(ev[i].day);
		out->end = nf_date_from_days(ev[i].day + ev[i].span);
		out->estimated = ev[i].estimated;
		out->text = trim_text(&b->arena, d->text + se->off, se->len);
		out->nsources = ev[i].nsources;
		out->sources = event_sources(&b->arena, items,
		                             NF_VEC_AT(items, item, ev[i].rep).event,
		                             ev[i].nsources);
		if (!out->text || !out->sources)
			return NF_ENOMEM;
	}
	b->ntimeline = n;
	return NF_OK;
}

nf_status nf_timeline_build(nf_brief *b)
{
	nf_vec items = NF_VEC_INIT, stems = NF_VEC_INIT, events = NF_VEC_INIT;
	nf_date_words w;
	if (nf_date_words_init(&w, b->corpus))
		return NF_ENOMEM;
	nf_status st = collect(b, &w, &items, &stems);
	if (!st && items.len) {
		qsort(items.data, items.len, sizeof(item), cmp_item);
		st = group(&items, &stems, &events);
	}
	if (!st)
		st = count_sources(&items, &events);
	if (!st) {
		size_t n = select_events(events.data, events.len);
		st = emit(b, &items, events.data, n);
	}
	nf_vec_free(&items);
	nf_vec_free(&stems);
	nf_vec_free(&events);
	nf_date_words_free(&w);
	return st;
}
