/*
 * render_markdown.c - the brief as GitHub-flavoured Markdown.
 *
 * Headings per section; the summary and timeline as lists ending in
 * citations like "[1, 4]" that refer to the numbered list of sources at the
 * end (an ordered list, so item N is source [N]); the figures as a GFM
 * table, then one short section per figure with its explanation and its
 * claims, each with the sentence it quotes; entities as a table.
 *
 * Article text is escaped, not trusted: every character Markdown could
 * read as syntax (emphasis, links, code, HTML, table pipes, strikethrough
 * tildes) is backslash-escaped, as is a leading "#", ">", "-", "+", "=" or
 * "1." that would start a block. Rejected: wrapping text in code spans,
 * which is safe but reads as code; and bare "[1]" links to anchors, which
 * only some renderers (not GitHub's sanitiser) keep.
 */
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "render.h"
#include "stages.h"

/* Table cells stay readable with this many source numbers; the rest is
 * counted ("+12 more"). Lists (summary, timeline) cite every source. */
#define MAX_CELL_CITES 12

typedef struct md {
	const nf_brief *b;
	nf_buf *out;
	nf_buf tmp; /* sanitised text before escaping */
} md;

static int needs_escape(const char *s, size_t i, size_t len)
{
	switch (s[i]) {
	case '\\': case '`': case '*': case '_': case '[': case ']':
	case '<': case '>': case '|': case '~': case '$':
		return 1;
	case '&':
		/* Only before what could form an entity: "&amp;", "&#38;". */
		return i + 1 < len && (s[i + 1] == '#' ||
		       ((s[i + 1] | 32) >= 'a' && (s[i + 1] | 32) <= 'z'));
	default:
		return 0;
	}
}

/* Appends s sanitised and escaped for Markdown inline text. */
static nf_status text(md *m, const char *s)
{
	if (!s)
		return NF_OK;
	m->tmp.len = 0;
	nf_status st = nf_render_clean(&m->tmp, s, strlen(s));
	const char *t = m->tmp.data;
	size_t len = m->tmp.len, i = 0;
	if (st || !len)
		return st;
	/* A block marker at the start of a list item or table cell. */
	if (strchr("#>-+=", t[0]))
		st = nf_buf_putc(m->out, '\\');
	while (i < len && t[i] >= '0' && t[i] <= '9')
		i++;
	if (!st && i && i < len && (t[i] == '.' || t[i] == ')')) {
		st = nf_buf_put(m->out, t, i);
		if (!st)
			st = nf_buf_putc(m->out, '\\');
	} else {
		i = 0;
	}
	for (size_t k = i; !st && k < len; k++) {
		if (needs_escape(t, k, len))
			st = nf_buf_putc(m->out, '\\');
		if (!st)
			st = nf_buf_putc(m->out, t[k]);
	}
	return st;
}

static nf_status puts_(md *m, const char *s)
{
	return nf_buf_puts(m->out, s);
}

static nf_status cites(md *m, const int *idx, size_t n)
{
	nf_status st = n ? puts_(m, " ") : NF_OK;
	return st ? st : nf_render_cites(m->out, m->b, idx, n, ", ", 0, 0);
}

/* A document id in a code span when it holds no backtick. */
static nf_status doc_id(md *m, const char *id)
{
	if (strchr(id, '`') || strchr(id, '\n'))
		return text(m, id);
	nf_status st = puts_(m, "`");
	if (!st)
		st = nf_render_clean(m->out, id, strlen(id));
	return st ? st : puts_(m, "`");
}

static nf_status header(md *m)
{
	const nf_brief *b = m->b;
	size_t n = NF_NDOCS(b->corpus);
	int lead = nf_render_lead_doc(b);
	nf_status st = puts_(m, "# ");
	if (!st && lead >= 0)
		st = text(m, NF_DOC(b->corpus, lead)->title);
	else if (!st)
		st = nf_buf_printf(m->out, "Brief of %zu report%s", n, n == 1 ? "" : "s");
	if (!st)
		st = nf_buf_printf(m->out, "\n\n%zu source%s, %zu independent", n,
		                   n == 1 ? "" : "s", b->independent);
	nf_date first, last;
	if (!st && nf_render_date_span(b, &first, &last)) {
		st = puts_(m, " \u00b7 published ");
		if (!st)
			st = nf_render_date(m->out, first, 0);
		if (!st && nf_date_cmp(first, last)) {
			st = puts_(m, " to ");
			if (!st)
				st = nf_render_date(m->out, last, 0);
		}
	}
	return st ? st : puts_(m, "\n");
}

static nf_status summary(md *m)
{
	const nf_brief *b = m->b;
	nf_status st = puts_(m, "\n## Summary\n\n");
	if (!st && !b->nsummary)
		st = puts_(m, "*No sentence to summarise.*\n");
	for (size_t i = 0; !st && i < b->nsummary; i++) {
		const nf_summary_item *s = &b->summary[i];
		st = puts_(m, "- ");
		if (!st)
			st = text(m, s->text);
		if (!st)
			st = cites(m, s->sources, s->nsources);
		if (!st)
			st = puts_(m, "\n");
	}
	return st;
}

static nf_status status(md *m, nf_figure_status s)
{
	const char *name = nf_render_status_name(s);
	if (s == NF_FIG_CONFLICT)
		return nf_buf_printf(m->out, "**\u26a0 %s**", name);
	if (s == NF_FIG_CHANGING)
		return nf_buf_printf(m->out, "*%s*", name);
	return puts_(m, name);
}

/* Every document that makes a claim on f, for the table's last column. */
static nf_status figure_sources(md *m, const nf_figure *f)
{
	if (!f->nclaims)
		return NF_OK;
	int *idx = malloc(f->nclaims * sizeof *idx);
	if (!idx)
		return NF_ENOMEM;
	for (size_t i = 0; i < f->nclaims; i++)
		idx[i] = f->claims[i].doc;
	nf_status st = nf_render_cites(m->out, m->b, idx, f->nclaims, ", ", 0, MAX_CELL_CITES);
	free(idx);
	return st;
}

static nf_status figure_table(md *m)
{
	const nf_brief *b = m->b;
	nf_status st = puts_(m, "| Measure | Subject | Value | Range | Status | Sources |\n"
	                        "| --- | --- | ---: | ---: | --- | --- |\n");
	for (size_t i = 0; !st && i < b->nfigures; i++) {
		const nf_figure *f = &b->figures[i];
		st = puts_(m, "| ");
		if (!st)
			st = text(m, f->measure);
		if (!st)
			st = puts_(m, " | ");
		if (!st)
			st = text(m, f->subject);
		if (!st)
			st = puts_(m, " | ");
		if (!st)
			st = nf_render_figure_value(m->out, f);
		if (!st)
			st = puts_(m, " | ");
		if (!st)
			st = nf_render_figure_range(m->out, f);
		if (!st)
			st = puts_(m, " | ");
		if (!st)
			st = status(m, f->status);
		if (!st)
			st = puts_(m, " | ");
		if (!st)
			st = figure_sources(m, f);
		if (!st)
			st = puts_(m, " |\n");
	}
	return st;
}

/* "- **164** per Kazakh authorities [3] · hedged: unconfirmed — “...”" */
static nf_status claim(md *m, const nf_figure *f, const nf_claim *c)
{
	nf_status st = puts_(m, "- **");
	if (!st)
		st = nf_render_claim_value(m->out, c);
	if (!st)
		st = puts_(m, "**");
	if (!st && c->subject && (!f->subject || strcmp(c->subject, f->subject))) {
		st = puts_(m, " ");
		if (!st)
			st = text(m, c->subject);
	}
	if (!st && c->place) {
		st = puts_(m, " in ");
		if (!st)
			st = text(m, c->place);
	}
	if (!st && c->said_by) {
		st = puts_(m, " per ");
		if (!st)
			st = text(m, c->said_by);
	}
	if (!st)
		st = cites(m, &c->doc, 1);
	const char *notes[7] = {c->sent < 0 ? "headline" : NULL,
	                        c->is_part ? "part" : NULL,
	                        c->is_sum ? "sum of parts" : NULL,
	                        c->is_vague ? "vague" : NULL,
	                        c->is_shot ? "shot: dead and wounded" : NULL,
	                        c->is_aggregate ? "over several events" : NULL,
	                        c->is_other ? "another event" : NULL};
	for (size_t i = 0; !st && i < 7; i++)
		if (notes[i])
			st = nf_buf_printf(m->out, " \u00b7 %s", notes[i]);
	if (!st && c->hedged) {
		st = puts_(m, " \u00b7 *hedged");
		if (!st && c->hedge) {
			st = puts_(m, ": ");
			if (!st)
				st = text(m, c->hedge);
		}
		if (!st)
			st = puts_(m, "*");
	}
	if (!st && c->date.y) {
		st = puts_(m, " \u00b7 ");
		if (!st)
			st = nf_render_date(m->out, c->date, 0);
	}
	if (!st && c->text) {
		st = puts_(m, "  \n  \u201c");
		if (!st)
			st = text(m, c->text);
		if (!st)
			st = puts_(m, "\u201d");
	}
	return st ? st : puts_(m, "\n");
}

static nf_status figures(md *m)
{
	const nf_brief *b = m->b;
	nf_status st = puts_(m, "\n## Figures\n\n");
	if (!st && !b->nfigures)
		return puts_(m, "*No figures reported.*\n");
	if (!st)
		st = figure_table(m);
	for (size_t i = 0; !st && i < b->nfigures; i++) {
		const nf_figure *f = &b->figures[i];
		st = nf_buf_printf(m->out, "\n### %s", nf_render_measure_label(f->measure));
		if (!st && f->subject) {
			st = puts_(m, ": ");
			if (!st)
				st = text(m, f->subject);
		}
		if (!st)
			st = puts_(m, " (");
		if (!st)
			st = status(m, f->status);
		if (!st)
			st = puts_(m, ")\n\n");
		if (!st && f->explanation) {
			st = text(m, f->explanation);
			if (!st)
				st = puts_(m, "\n\n");
		}
		for (size_t k = 0; !st && k < f->nclaims; k++)
			st = claim(m, f, &f->claims[k]);
	}
	return st;
}

static nf_status timeline(md *m)
{
	const nf_brief *b = m->b;
	nf_status st = puts_(m, "\n## Timeline\n\n");
	if (!st && !b->ntimeline)
		st = puts_(m, "*No dated events.*\n");
	for (size_t i = 0; !st && i < b->ntimeline; i++) {
		const nf_event *ev = &b->timeline[i];
		/* A lone "~" is strikethrough in GFM. */
		st = puts_(m, ev->estimated ? "- **\\~" : "- **");
		if (!st)
			st = nf_render_event_date(m->out, ev, 0);
		if (!st)
			st = puts_(m, "** ");
		if (!st)
			st = text(m, ev->text);
		if (!st)
			st = cites(m, ev->sources, ev->nsources);
		if (!st)
			st = puts_(m, "\n");
	}
	if (!st && b->ntimeline)
		st = puts_(m, "\n\\~ the date was worked out from an estimated "
		              "publication date.\n");
	return st;
}

static nf_status entity_row(md *m, const nf_entity *e)
{
	size_t n = NF_NDOCS(m->b->corpus);
	nf_status st = puts_(m, "| ");
	if (!st)
		st = text(m, e->name);
	if (!st)
		st = nf_buf_printf(m->out, " | %s | %zu | ", nf_render_kind_name(e->kind),
		                   e->mentions);
	int *idx = n ? malloc(n * sizeof *idx) : NULL;
	size_t k = 0;
	if (!st && n && !idx)
		st = NF_ENOMEM;
	for (size_t i = 0; !st && e->doc_mentions && i < n; i++)
		if (e->doc_mentions[i])
			idx[k++] = (int)i;
	if (!st)
		st = nf_render_cites(m->out, m->b, idx, k, ", ", 0, MAX_CELL_CITES);
	free(idx);
	if (!st)
		st = puts_(m, " | ");
	for (size_t v = 0; !st && v < e->nvariants; v++) {
		if (v)
			st = puts_(m, ", ");
		if (!st)
			st = text(m, e->variants[v]);
	}
	return st ? st : puts_(m, " |\n");
}

static nf_status entities(md *m)
{
	const nf_brief *b = m->b;
	nf_status st = puts_(m, "\n## Entities\n\n");
	if (!st && !b->nentities)
		return puts_(m, "*No people, places or organisations.*\n");
	if (!st)
		st = puts_(m, "| Name | Kind | Mentions | Sources | Also written |\n"
		              "| --- | --- | ---: | --- | --- |\n");
	for (size_t i = 0; !st && i < b->nentities; i++)
		st = entity_row(m, &b->entities[i]);
	return st;
}

static nf_status source(md *m, size_t i)
{
	const nf_doc *d = NF_DOC(m->b->corpus, i);
	nf_status st = nf_buf_printf(m->out, "%zu. ", i + 1);
	if (!st)
		st = doc_id(m, d->id ? d->id : "?");
	const char *outlet = nf_render_doc_outlet(d);
	if (!st && outlet) {
		st = puts_(m, " \u00b7 ");
		if (!st)
			st = text(m, outlet);
	}
	if (!st)
		st = puts_(m, d->date_source == NF_DATE_ESTIMATED ? " \u00b7 \\~" : " \u00b7 ");
	if (!st)
		st = nf_render_date(m->out, d->published, 0);
	if (!st && d->copy_of >= 0) {
		st = puts_(m, " \u00b7 copy of ");
		if (!st)
			st = nf_render_cites(m->out, m->b, &d->copy_of, 1, ", ", 0, 0);
	}
	if (!st)
		st = puts_(m, "  \n   *");
	if (!st)
		st = d->title && *d->title ? text(m, d->title) : puts_(m, "no headline");
	if (!st)
		st = nf_buf_printf(m->out, "*  \n   %zu words, %zu lines kept, %zu dropped\n",
		                   d->words, d->lines_kept, d->lines_dropped);
	return st;
}

static nf_status sources(md *m)
{
	nf_status st = puts_(m, "\n## Sources\n\n");
	for (size_t i = 0; !st && i < NF_NDOCS(m->b->corpus); i++)
		st = source(m, i);
	return st;
}

nf_status nf_render_markdown(const nf_brief *b, unsigned flags, nf_buf *out)
{
	(void)flags;
	md m = {b, out, NF_BUF_INIT};
	nf_status st = header(&m);
	if (!st)
		st = summary(&m);
	if (!st)
		st = figures(&m);
	if (!st)
		st = timeline(&m);
	if (!st)
		st = entities(&m);
	if (!st)
		st = sources(&m);
	nf_buf_free(&m.tmp);
	return st;
}
