/*
 * render_text.c - the brief for an 80-column terminal.
 *
 * Layout: the headline of the best-supported source and a line of counts,
 * then SUMMARY (one bullet a sentence, citations "[1,4]" pointing into
 * SOURCES), FIGURES (a table, each figure followed by its explanation and
 * one line per claim), TIMELINE, ENTITIES and SOURCES. Every paragraph is
 * built in a scratch buffer, then word-wrapped by display width with a
 * hanging indent, so columns stay aligned for any script.
 *
 * Colour (NF_RENDER_COLOR only) is ANSI SGR: bold headings, red conflicts,
 * yellow changing counts and hedges, green agreement, dim citations. The
 * wrapper skips SGR sequences when measuring, so colour never changes the
 * layout. Without colour, conflicts are still marked by a "!" in the left
 * margin so the plain output (pipes, files) keeps the emphasis.
 *
 * Rejected: a curses-style fixed grid that truncates every cell; summary
 * sentences and claims are the content, so they wrap instead, and only
 * labels in table columns (subject, entity name) are cut with "…".
 */
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "render.h"
#include "stages.h"

#define W NF_RENDER_WIDTH

/* A terminal brief is read, not searched: past these counts a section
 * stops fitting a screen or two, and the JSON output has everything. */
#define MAX_CLAIMS 12
#define MAX_EVENTS 60
#define MAX_ENTITIES 30
/* Citation lists past this many numbers wrap into lines of bare digits
 * that bury the sentence; the rest is counted ("+12 more"). */
#define MAX_CITES 10

#define SGR_BOLD "1"
#define SGR_DIM "2"
#define SGR_RED "1;31"
#define SGR_GREEN "32"
#define SGR_YELLOW "33"

typedef struct tx {
	const nf_brief *b;
	nf_buf *out;
	nf_buf p; /* the paragraph being built */
	int color;
} tx;

static nf_status on(const tx *t, nf_buf *to, const char *code)
{
	return t->color ? nf_buf_printf(to, "\033[%sm", code) : NF_OK;
}

static nf_status off(const tx *t, nf_buf *to)
{
	return t->color ? nf_buf_puts(to, "\033[0m") : NF_OK;
}

/* Appends s to the paragraph, sanitised, in colour code (NULL: plain). */
static nf_status add(tx *t, const char *code, const char *s)
{
	if (!s || !*s)
		return NF_OK;
	nf_status st = code ? on(t, &t->p, code) : NF_OK;
	if (!st)
		st = nf_render_clean(&t->p, s, strlen(s));
	if (!st && code)
		st = off(t, &t->p);
	return st;
}

static nf_status add_cites(tx *t, const int *idx, size_t n)
{
	nf_status st = on(t, &t->p, SGR_DIM);
	if (!st)
		st = nf_render_cites(&t->p, t->b, idx, n, ",", 0, MAX_CITES);
	return st ? st : off(t, &t->p);
}

/* Wraps the paragraph onto the output and ends the line. */
static nf_status flush(tx *t, size_t col, size_t indent)
{
	nf_status st = nf_render_wrap(t->out, t->p.data ? t->p.data : "",
	                              t->p.len, col, indent, W);
	t->p.len = 0;
	return st ? st : nf_buf_putc(t->out, '\n');
}

static nf_status heading(tx *t, const char *name)
{
	nf_status st = nf_buf_putc(t->out, '\n');
	if (!st)
		st = on(t, t->out, SGR_BOLD);
	if (!st)
		st = nf_buf_puts(t->out, name);
	if (!st)
		st = off(t, t->out);
	return st ? st : nf_buf_putc(t->out, '\n');
}

static nf_status none(tx *t, const char *what)
{
	return nf_buf_printf(t->out, "  (%s)\n", what);
}

/* --- Header ---------------------------------------------------------------- */

static nf_status header(tx *t)
{
	const nf_brief *b = t->b;
	size_t n = NF_NDOCS(b->corpus);
	int lead = nf_render_lead_doc(b);
	nf_status st = on(t, &t->p, SGR_BOLD);
	if (!st && lead >= 0)
		st = nf_render_clean(&t->p, NF_DOC(b->corpus, lead)->title,
		                     strlen(NF_DOC(b->corpus, lead)->title));
	else if (!st)
		st = nf_buf_printf(&t->p, "Brief of %zu report%s", n,
		                   n == 1 ? "" : "s");
	if (!st)
		st = off(t, &t->p);
	if (!st)
		st = flush(t, 0, 0);
	if (!st)
		st = nf_buf_printf(&t->p, "%zu source%s, %zu independent", n,
		                   n == 1 ? "" : "s", b->independent);
	nf_date first, last;
	if (!st && nf_render_date_span(b, &first, &last)) {
		st = nf_buf_puts(&t->p, " \u00b7 ");
		if (!st)
			st = nf_render_date(&t->p, first, 0);
		if (!st && nf_date_cmp(first, last))
			st = nf_buf_puts(&t->p, " to ");
		if (!st && nf_date_cmp(first, last))
			st = nf_render_date(&t->p, last, 0);
	}
	if (!st)
		st = flush(t, 0, 0);
	for (int i = 0; !st && i < W; i++)
		st = nf_buf_puts(t->out, "\u2500");
	return st ? st : nf_buf_putc(t->out, '\n');
}

/* --- Summary --------------------------------------------------------------- */

static nf_status summary(tx *t)
{
	const nf_brief *b = t->b;
	nf_status st = heading(t, "SUMMARY");
	if (!st && !b->nsummary)
		st = none(t, "no sentence to summarise");
	for (size_t i = 0; !st && i < b->nsummary; i++) {
		const nf_summary_item *s = &b->summary[i];
		st = add(t, NULL, s->text);
		if (!st && s->nsources)
			st = nf_buf_putc(&t->p, ' ');
		if (!st)
			st = add_cites(t, s->sources, s->nsources);
		if (!st)
			st = nf_buf_puts(t->out, "  \u2022 ");
		if (!st)
			st = flush(t, 4, 4);
	}
	return st;
}

/* --- Figures --------------------------------------------------------------- */

#define COL_MEASURE 10
#define COL_SUBJECT 16
#define COL_VALUE 16
#define COL_RANGE 15
#define COL_CLAIM_VALUE 16 /* widest claim value column ("almost 10,000") */

static const char *status_color(nf_figure_status s)
{
	switch (s) {
	case NF_FIG_CONFLICT: return SGR_RED;
	case NF_FIG_CHANGING: return SGR_YELLOW;
	case NF_FIG_AGREED: return SGR_GREEN;
	default: return NULL;
	}
}

/* Appends the rendered value to `to` through a scratch buffer so it can be
 * fitted to a column. */
static nf_status fit_value(nf_buf *to, const nf_figure *f, const nf_claim *c,
                           int range, size_t width)
{
	nf_buf v = NF_BUF_INIT;
	nf_status st = c ? nf_render_claim_value(&v, c)
	               : range ? nf_render_figure_range(&v, f)
	                       : nf_render_figure_value(&v, f);
	if (!st)
		st = nf_render_fit(to, v.data ? v.data : "", width, 1);
	nf_buf_free(&v);
	return st;
}

static size_t claim_value_width(const nf_figure *f, size_t n)
{
	size_t w = 1;
	for (size_t i = 0; i < n && w < COL_CLAIM_VALUE; i++) {
		nf_buf v = NF_BUF_INIT;
		if (!nf_render_claim_value(&v, &f->claims[i]) && v.data) {
			size_t k = nf_render_width(v.data, v.len);
			w = k > w ? k : w;
		}
		nf_buf_free(&v);
	}
	return w < COL_CLAIM_VALUE ? w : COL_CLAIM_VALUE;
}

static int subject_differs(const nf_figure *f, const nf_claim *c)
{
	return c->subject && *c->subject &&
	       (!f->subject || strcmp(f->subject, c->subject));
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Claims that would print the same line: one source repeating a number
 * (dates are shown, so compared, only for changing figures). */
static int same_claim(const nf_figure *f, const nf_claim *a, const nf_claim *b)
{
	return a->doc == b->doc && a->value == b->value && a->low == b->low &&
	       a->high == b->high && (a->sent < 0) == (b->sent < 0) &&
	       a->is_part == b->is_part && a->is_sum == b->is_sum &&
	       a->is_vague == b->is_vague && a->hedged == b->hedged &&
	       a->is_shot == b->is_shot && a->is_aggregate == b->is_aggregate &&
	       a->is_other == b->is_other &&
	       same_str(a->qualifier, b->qualifier) &&
	       same_str(a->subject, b->subject) && same_str(a->place, b->place) &&
	       same_str(a->said_by, b->said_by) && same_str(a->hedge, b->hedge) &&
	       (f->status != NF_FIG_CHANGING || !nf_date_cmp(a->date, b->date));
}

/* One claim: "3  children, per Kazakh authorities [3] · part", with
 * " · ×N" when the source states it N times. */
static nf_status claim_line(tx *t, const nf_figure *f, const nf_claim *c,
                            size_t vw, size_t times)
{
	nf_status st = nf_buf_puts(t->out, "    ");
	if (!st)
		st = fit_value(t->out, f, c, 0, vw);
	if (!st)
		st = nf_buf_puts(t->out, "  ");
	int who = 0;
	if (!st && subject_differs(f, c)) {
		st = add(t, NULL, c->subject);
		who = 1;
	}
	if (!st && c->place && *c->place) {
		st = nf_buf_puts(&t->p, who ? " in " : "in ");
		if (!st)
			st = add(t, NULL, c->place);
		who = 1;
	}
	if (!st && c->said_by && *c->said_by) {
		st = nf_buf_puts(&t->p, who ? ", per " : "per ");
		if (!st)
			st = add(t, NULL, c->said_by);
		who = 1;
	}
	if (!st && who)
		st = nf_buf_putc(&t->p, ' ');
	if (!st)
		st = add_cites(t, &c->doc, 1);
	const char *notes[7] = {c->sent < 0 ? "headline" : NULL,
	                        c->is_part ? "part" : NULL,
	                        c->is_sum ? "sum of parts" : NULL,
	                        c->is_vague ? "vague" : NULL,
	                        c->is_shot ? "shot: dead and wounded" : NULL,
	                        c->is_aggregate ? "over several events" : NULL,
	                        c->is_other ? "another event" : NULL};
	for (size_t i = 0; !st && i < 7; i++)
		if (notes[i])
			st = nf_buf_printf(&t->p, " \u00b7 %s", notes[i]);
	if (!st && times > 1)
		st = nf_buf_printf(&t->p, " \u00b7 \u00d7%zu", times);
	if (!st && f->status == NF_FIG_CHANGING) {
		st = nf_buf_puts(&t->p, " \u00b7 ");
		if (!st)
			st = nf_render_date(&t->p, c->date, 0);
	}
	if (!st && c->hedged) {
		st = nf_buf_puts(&t->p, " \u00b7 ");
		if (!st)
			st = on(t, &t->p, SGR_YELLOW);
		if (!st)
			st = nf_buf_puts(&t->p, "hedged");
		if (!st && c->hedge && *c->hedge)
			st = nf_buf_puts(&t->p, ": ");
		if (!st)
			st = nf_render_clean(&t->p, c->hedge ? c->hedge : "",
			                     c->hedge ? strlen(c->hedge) : 0);
		if (!st)
			st = off(t, &t->p);
	}
	return st ? st : flush(t, 6 + vw, 6 + vw);
}

static nf_status figure_row(tx *t, const nf_figure *f)
{
	const char *sc = status_color(f->status);
	nf_buf *o = t->out;
	nf_status st = NF_OK;
	if (f->status == NF_FIG_CONFLICT) {
		st = on(t, o, SGR_RED);
		if (!st)
			st = nf_buf_puts(o, "! ");
		if (!st)
			st = off(t, o);
	} else {
		st = nf_buf_puts(o, "  ");
	}
	if (!st)
		st = nf_render_fit(o, f->measure, COL_MEASURE, 1);
	if (!st)
		st = nf_buf_putc(o, ' ');
	if (!st)
		st = nf_render_fit(o, f->subject, COL_SUBJECT, 1);
	if (!st)
		st = nf_buf_putc(o, ' ');
	if (!st)
		st = on(t, o, SGR_BOLD);
	if (!st)
		st = fit_value(o, f, NULL, 0, COL_VALUE);
	if (!st)
		st = off(t, o);
	if (!st)
		st = nf_buf_putc(o, ' ');
	if (!st)
		st = fit_value(o, f, NULL, 1, COL_RANGE);
	if (!st)
		st = nf_buf_putc(o, ' ');
	if (!st && sc)
		st = on(t, o, sc);
	if (!st)
		st = nf_buf_puts(o, nf_render_status_name(f->status));
	if (!st && sc)
		st = off(t, o);
	return st ? st : nf_buf_putc(o, '\n');
}

static nf_status figures(tx *t)
{
	const nf_brief *b = t->b;
	nf_status st = heading(t, "FIGURES");
	if (!st && !b->nfigures)
		return none(t, "no figures reported");
	if (!st)
		st = on(t, t->out, SGR_DIM);
	if (!st)
		st = nf_buf_printf(t->out, "  %-*s %-*s %-*s %-*s %s", COL_MEASURE,
		                   "measure", COL_SUBJECT, "subject", COL_VALUE,
		                   "value", COL_RANGE, "range", "status");
	if (!st)
		st = off(t, t->out);
	if (!st)
		st = nf_buf_putc(t->out, '\n');
	for (size_t i = 0; !st && i < b->nfigures; i++) {
		const nf_figure *f = &b->figures[i];
		/* A blank line between figures: each is a block of lines. */
		if (i)
			st = nf_buf_putc(t->out, '\n');
		if (!st)
			st = figure_row(t, f);
		if (!st && f->explanation && *f->explanation) {
			st = add(t, SGR_DIM, f->explanation);
			if (!st)
				st = nf_buf_puts(t->out, "    ");
			if (!st)
				st = flush(t, 4, 4);
		}
		size_t run[MAX_CLAIMS], lines = 0, k = 0;
		while (k < f->nclaims && lines < MAX_CLAIMS) {
			size_t n = 1;
			while (k + n < f->nclaims &&
			       same_claim(f, &f->claims[k], &f->claims[k + n]))
				n++;
			run[lines++] = n;
			k += n;
		}
		size_t vw = claim_value_width(f, k), at = 0;
		for (size_t l = 0; !st && l < lines; at += run[l++])
			st = claim_line(t, f, &f->claims[at], vw, run[l]);
		if (!st && k < f->nclaims)
			st = nf_buf_printf(t->out, "    \u2026 %zu more claims\n",
			                   f->nclaims - k);
	}
	return st;
}

/* --- Timeline -------------------------------------------------------------- */

static nf_status timeline(tx *t)
{
	const nf_brief *b = t->b;
	size_t shown = b->ntimeline < MAX_EVENTS ? b->ntimeline : MAX_EVENTS;
	nf_status st = heading(t, "TIMELINE");
	if (!st && !b->ntimeline)
		st = none(t, "no dated events");
	/* the text column starts after the widest date: "2025-02-28/03-06" */
	size_t width = 10;
	for (size_t i = 0; i < shown; i++)
		if (nf_date_cmp(b->timeline[i].date, b->timeline[i].end))
			width = 16;
	nf_buf d = NF_BUF_INIT;
	for (size_t i = 0; !st && i < shown; i++) {
		const nf_event *ev = &b->timeline[i];
		d.len = 0;
		st = nf_buf_puts(t->out, ev->estimated ? " " : "  ");
		if (!st)
			st = nf_render_event_date(&d, ev, ev->estimated);
		if (!st)
			st = nf_render_fit(t->out, d.data, width + (ev->estimated ? 2 : 1), 1);
		if (!st)
			st = nf_buf_puts(t->out, "  ");
		if (!st)
			st = add(t, NULL, ev->text);
		if (!st && ev->nsources)
			st = nf_buf_putc(&t->p, ' ');
		if (!st)
			st = add_cites(t, ev->sources, ev->nsources);
		if (!st)
			st = flush(t, width + 5, width + 5);
	}
	nf_buf_free(&d);
	if (!st && shown < b->ntimeline)
		st = nf_buf_printf(t->out, "  \u2026 %zu more events (see --format json)\n",
		                   b->ntimeline - shown);
	return st;
}

/* --- Entities -------------------------------------------------------------- */

#define COL_NAME 44
#define COL_KIND 12
#define VARIANTS_INDENT 6

static size_t entity_sources(const nf_brief *b, const nf_entity *e)
{
	size_t n = 0;
	for (size_t i = 0; e->doc_mentions && i < NF_NDOCS(b->corpus); i++)
		n += e->doc_mentions[i] != 0;
	return n;
}

/* "  Name   kind   40 in 5", then "      also Tokaev, Tokayev" when the
 * entity has other spellings. */
static nf_status entity(tx *t, const nf_entity *e)
{
	char m[48];
	snprintf(m, sizeof m, "%zu in %zu", e->mentions, entity_sources(t->b, e));
	nf_status st = nf_buf_puts(t->out, "  ");
	if (!st)
		st = nf_render_fit(t->out, e->name, COL_NAME, 1);
	if (!st)
		st = nf_buf_putc(t->out, ' ');
	if (!st)
		st = nf_render_fit(t->out, nf_render_kind_name(e->kind), COL_KIND, 1);
	if (!st)
		st = nf_buf_printf(t->out, " %9s\n", m);
	if (st || !e->nvariants)
		return st;
	st = on(t, &t->p, SGR_DIM);
	if (!st)
		st = nf_buf_puts(&t->p, "also");
	if (!st)
		st = off(t, &t->p);
	for (size_t k = 0; !st && k < e->nvariants; k++) {
		st = nf_buf_putc(&t->p, ' ');
		if (!st)
			st = add(t, NULL, e->variants[k]);
		if (!st && k + 1 < e->nvariants)
			st = nf_buf_putc(&t->p, ',');
	}
	if (!st)
		st = nf_buf_printf(t->out, "%*s", VARIANTS_INDENT, "");
	return st ? st : flush(t, VARIANTS_INDENT, VARIANTS_INDENT + 5);
}

static nf_status entities(tx *t)
{
	const nf_brief *b = t->b;
	size_t shown = b->nentities < MAX_ENTITIES ? b->nentities : MAX_ENTITIES;
	nf_status st = heading(t, "ENTITIES");
	if (!st && !b->nentities)
		return none(t, "no people, places or organisations");
	if (!st)
		st = on(t, t->out, SGR_DIM);
	if (!st)
		st = nf_buf_printf(t->out, "  %-*s %-*s %9s", COL_NAME, "name",
		                   COL_KIND, "kind", "mentions");
	if (!st)
		st = off(t, t->out);
	if (!st)
		st = nf_buf_putc(t->out, '\n');
	for (size_t i = 0; !st && i < shown; i++)
		st = entity(t, &b->entities[i]);
	if (!st && shown < b->nentities)
		st = nf_buf_printf(t->out, "  \u2026 %zu more (see --format json)\n",
		                   b->nentities - shown);
	return st;
}

/* --- Sources --------------------------------------------------------------- */

static nf_status source(tx *t, size_t i)
{
	const nf_doc *d = NF_DOC(t->b->corpus, i);
	char num[32];
	int nw = snprintf(num, sizeof num, "  [%zu] ", i + 1);
	nf_status st = nf_buf_puts(t->out, num);
	if (!st)
		st = add(t, SGR_BOLD, d->id ? d->id : "?");
	const char *outlet = nf_render_doc_outlet(d);
	if (!st && outlet) {
		st = nf_buf_puts(&t->p, " \u00b7 ");
		if (!st)
			st = add(t, NULL, outlet);
	}
	if (!st)
		st = nf_buf_puts(&t->p, " \u00b7 ");
	if (!st)
		st = nf_render_doc_date(&t->p, d);
	if (!st && d->copy_of >= 0) {
		st = nf_buf_puts(&t->p, " \u00b7 ");
		if (!st)
			st = on(t, &t->p, SGR_YELLOW);
		if (!st)
			st = nf_buf_puts(&t->p, "copy of ");
		if (!st)
			st = nf_render_cites(&t->p, t->b, &d->copy_of, 1, ",", 0, 0);
		if (!st)
			st = off(t, &t->p);
	}
	size_t ind = (size_t)nw;
	if (!st)
		st = flush(t, ind, ind);
	if (!st)
		st = add(t, NULL, d->title && *d->title ? d->title : "(no headline)");
	if (!st)
		st = nf_buf_printf(t->out, "%*s", (int)ind, "");
	if (!st)
		st = flush(t, ind, ind);
	if (!st)
		st = on(t, &t->p, SGR_DIM);
	if (!st)
		st = nf_buf_printf(&t->p, "%zu words, %zu lines kept, %zu dropped",
		                   d->words, d->lines_kept, d->lines_dropped);
	if (!st)
		st = off(t, &t->p);
	if (!st)
		st = nf_buf_printf(t->out, "%*s", (int)ind, "");
	return st ? st : flush(t, ind, ind);
}

static nf_status sources(tx *t)
{
	nf_status st = heading(t, "SOURCES");
	for (size_t i = 0; !st && i < NF_NDOCS(t->b->corpus); i++)
		st = source(t, i);
	return st;
}

nf_status nf_render_text(const nf_brief *b, unsigned flags, nf_buf *out)
{
	tx t = {b, out, NF_BUF_INIT, (flags & NF_RENDER_COLOR) != 0};
	nf_status st = header(&t);
	if (!st)
		st = summary(&t);
	if (!st)
		st = figures(&t);
	if (!st)
		st = timeline(&t);
	if (!st)
		st = entities(&t);
	if (!st)
		st = sources(&t);
	nf_buf_free(&t.p);
	return st;
}
