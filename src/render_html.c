/*
 * render_html.c - the brief as one self-contained HTML page.
 *
 * One file with inline CSS and nothing else: no scripts, fonts, images or
 * links outside the page, so it can be mailed, archived or opened offline
 * and shows the same everywhere. Sections: the headline and counts, the
 * summary with citations linking to the sources table (#src-N), a figures
 * table (conflicts marked in red, each figure's explanation visible and its
 * claims behind a <details> disclosure, which needs no script), the
 * timeline, the entities and the sources. Light and dark colour schemes
 * follow the reader's preference.
 *
 * Every string from the articles goes through nf_render_html_escape(),
 * which also drops control characters; the page holds no markup built
 * from input. Rejected: a template file (an extra install artifact for a
 * page of a few tags) and JavaScript sorting/filtering (the page must work
 * with scripts disabled, and the JSON is there for tools).
 */
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "render.h"
#include "stages.h"

static const char css[] =
	":root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#5f6770;"
	"--line:#d8dee4;--head:#f6f8fa;--red:#b42318;--redbg:#fdeceb;"
	"--amber:#8a5300;--amberbg:#fff4d6;--green:#1a7f37;--greenbg:#e7f5ea;"
	"--link:#0b57d0}\n"
	"@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;"
	"--muted:#9198a1;--line:#30363d;--head:#161b22;--red:#ff7b72;"
	"--redbg:#3a1618;--amber:#e3b341;--amberbg:#2e2410;--green:#56d364;"
	"--greenbg:#12261a;--link:#58a6ff}}\n"
	"body{font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
	"color:var(--fg);background:var(--bg);max-width:64rem;margin:2rem auto;"
	"padding:0 1rem}\n"
	"h1{font-size:1.7rem;line-height:1.25;margin:0 0 .3rem}\n"
	"h2{font-size:1.2rem;margin:2.2rem 0 .6rem;padding-bottom:.25rem;"
	"border-bottom:1px solid var(--line)}\n"
	"a{color:var(--link)}\n"
	".meta,.muted,footer{color:var(--muted)}\n"
	".meta{margin:0}\n"
	"ul.summary{padding-left:1.2rem}ul.summary li{margin:.35rem 0}\n"
	".cite{font-size:.85em;color:var(--muted);white-space:nowrap}\n"
	".cite a{text-decoration:none}\n"
	"table{border-collapse:collapse;width:100%;font-size:.95rem}\n"
	"th,td{text-align:left;vertical-align:top;padding:.4rem .55rem;"
	"border-bottom:1px solid var(--line)}\n"
	"th{background:var(--head);font-weight:600;font-size:.85rem;"
	"color:var(--muted)}\n"
	"td.num{text-align:right;white-space:nowrap;"
	"font-variant-numeric:tabular-nums}\n"
	".nowrap{white-space:nowrap}\n"
	"code{overflow-wrap:anywhere}\n"
	"tr.conflict>td:first-child{box-shadow:inset 4px 0 var(--red)}\n"
	"tr.changing>td:first-child{box-shadow:inset 4px 0 var(--amber)}\n"
	".status{display:inline-block;padding:0 .5rem;border-radius:.7rem;"
	"font-size:.8rem;font-weight:600;background:var(--head)}\n"
	".status.conflict{color:var(--red);background:var(--redbg)}\n"
	".status.changing{color:var(--amber);background:var(--amberbg)}\n"
	".status.agreed{color:var(--green);background:var(--greenbg)}\n"
	".value{font-weight:600}\n"
	".expl{margin:0 0 .3rem}\n"
	"details summary{cursor:pointer;color:var(--muted);font-size:.9rem}\n"
	"ul.claims{margin:.4rem 0;padding-left:1.1rem}ul.claims li{margin:.4rem 0}\n"
	".hedge{color:var(--amber);font-weight:600}\n"
	".note{font-size:.8rem;color:var(--muted);border:1px solid var(--line);"
	"border-radius:.3rem;padding:0 .3rem;margin-left:.2rem}\n"
	"q{display:block;color:var(--muted);font-style:italic;margin-top:.1rem}\n"
	"tr:target>td{background:var(--amberbg)}\n"
	"footer{margin:2.5rem 0 1rem;font-size:.85rem}\n";

typedef struct hp {
	const nf_brief *b;
	nf_buf *out;
} hp;

static nf_status put(hp *h, const char *s)
{
	return nf_buf_puts(h->out, s);
}

static nf_status esc(hp *h, const char *s)
{
	return nf_render_html_escape(h->out, s);
}

/* Citations as links: <span class="cite">[<a href="#src-1">1</a>]</span>. */
static nf_status cites(hp *h, const int *idx, size_t n)
{
	if (!n)
		return NF_OK;
	nf_status st = put(h, " <span class=\"cite\">");
	if (!st)
		st = nf_render_cites(h->out, h->b, idx, n, ", ", 1, 0);
	return st ? st : put(h, "</span>");
}

static nf_status date(hp *h, nf_date d, int estimated)
{
	nf_status st = estimated ? put(h, "<span title=\"estimated\">") : NF_OK;
	if (!st)
		st = nf_render_date(h->out, d, estimated);
	return st || !estimated ? st : put(h, "</span>");
}

static nf_status event_date(hp *h, const nf_event *ev)
{
	nf_status st = ev->estimated ? put(h, "<span title=\"estimated\">") : NF_OK;
	if (!st)
		st = nf_render_event_date(h->out, ev, ev->estimated);
	return st || !ev->estimated ? st : put(h, "</span>");
}

static nf_status head(hp *h)
{
	const nf_brief *b = h->b;
	size_t n = NF_NDOCS(b->corpus);
	int lead = nf_render_lead_doc(b);
	const char *title = lead >= 0 ? NF_DOC(b->corpus, lead)->title : NULL;
	nf_status st = put(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	                      "<meta charset=\"utf-8\">\n"
	                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	                      "<meta name=\"generator\" content=\"newsfuse " NF_VERSION_STRING "\">\n"
	                      "<title>");
	if (!st && title)
		st = esc(h, title);
	else if (!st)
		st = put(h, "Brief");
	if (!st)
		st = put(h, " \u2014 newsfuse brief</title>\n<style>\n");
	if (!st)
		st = put(h, css);
	if (!st)
		st = put(h, "</style>\n</head>\n<body>\n<header>\n<h1>");
	if (!st && title)
		st = esc(h, title);
	else if (!st)
		st = nf_buf_printf(h->out, "Brief of %zu report%s", n, n == 1 ? "" : "s");
	if (!st)
		st = nf_buf_printf(h->out, "</h1>\n<p class=\"meta\">%zu source%s, "
		                   "%zu independent", n, n == 1 ? "" : "s", b->independent);
	nf_date first, last;
	if (!st && nf_render_date_span(b, &first, &last)) {
		st = put(h, " \u00b7 published ");
		if (!st)
			st = nf_render_date(h->out, first, 0);
		if (!st && nf_date_cmp(first, last)) {
			st = put(h, " to ");
			if (!st)
				st = nf_render_date(h->out, last, 0);
		}
	}
	return st ? st : put(h, "</p>\n</header>\n");
}

static nf_status summary(hp *h)
{
	const nf_brief *b = h->b;
	nf_status st = put(h, "<section id=\"summary\">\n<h2>Summary</h2>\n");
	if (!st && !b->nsummary)
		st = put(h, "<p class=\"muted\">No sentence to summarise.</p>\n");
	if (!st && b->nsummary)
		st = put(h, "<ul class=\"summary\">\n");
	for (size_t i = 0; !st && i < b->nsummary; i++) {
		const nf_summary_item *s = &b->summary[i];
		st = put(h, "<li>");
		if (!st)
			st = esc(h, s->text);
		if (!st)
			st = cites(h, s->sources, s->nsources);
		if (!st)
			st = put(h, "</li>\n");
	}
	if (!st && b->nsummary)
		st = put(h, "</ul>\n");
	return st ? st : put(h, "</section>\n");
}

static nf_status note(hp *h, const char *s)
{
	return nf_buf_printf(h->out, " <span class=\"note\">%s</span>", s);
}

static nf_status claim(hp *h, const nf_figure *f, const nf_claim *c)
{
	nf_status st = put(h, "<li><span class=\"value\">");
	nf_buf v = NF_BUF_INIT;
	if (!st)
		st = nf_render_claim_value(&v, c);
	if (!st)
		st = esc(h, v.data ? v.data : "");
	nf_buf_free(&v);
	if (!st)
		st = put(h, "</span>");
	if (!st && c->subject && (!f->subject || strcmp(c->subject, f->subject))) {
		st = put(h, " ");
		if (!st)
			st = esc(h, c->subject);
	}
	if (!st && c->place) {
		st = put(h, " in ");
		if (!st)
			st = esc(h, c->place);
	}
	if (!st && c->said_by) {
		st = put(h, " per ");
		if (!st)
			st = esc(h, c->said_by);
	}
	if (!st)
		st = cites(h, &c->doc, 1);
	if (!st && c->sent < 0)
		st = note(h, "headline");
	if (!st && c->is_part)
		st = note(h, "part");
	if (!st && c->is_sum)
		st = note(h, "sum of parts");
	if (!st && c->is_vague)
		st = note(h, "vague");
	if (!st && c->is_shot)
		st = note(h, "shot: dead and wounded");
	if (!st && c->is_aggregate)
		st = note(h, "over several events");
	if (!st && c->is_other)
		st = note(h, "another event");
	if (!st && c->hedged) {
		st = put(h, " <span class=\"hedge\">hedged");
		if (!st && c->hedge) {
			st = put(h, ": ");
			if (!st)
				st = esc(h, c->hedge);
		}
		if (!st)
			st = put(h, "</span>");
	}
	if (!st && c->date.y) {
		st = put(h, " <span class=\"muted nowrap\">");
		if (!st)
			st = nf_render_date(h->out, c->date, 0);
		if (!st)
			st = put(h, "</span>");
	}
	if (!st && c->text) {
		st = put(h, "<q>");
		if (!st)
			st = esc(h, c->text);
		if (!st)
			st = put(h, "</q>");
	}
	return st ? st : put(h, "</li>\n");
}

/* Renders a value through a scratch buffer so it can be escaped. */
static nf_status value_cell(hp *h, const nf_figure *f, int range)
{
	nf_buf v = NF_BUF_INIT;
	nf_status st = range ? nf_render_figure_range(&v, f)
	                     : nf_render_figure_value(&v, f);
	if (!st)
		st = put(h, range ? "<td class=\"num\">" : "<td class=\"num value\">");
	if (!st)
		st = esc(h, v.data ? v.data : "");
	nf_buf_free(&v);
	return st ? st : put(h, "</td>");
}

static nf_status figure_row(hp *h, const nf_figure *f)
{
	const char *status = nf_render_status_name(f->status);
	nf_status st = nf_buf_printf(h->out, "<tr class=\"%s\"><td>", status);
	if (!st)
		st = esc(h, f->measure);
	if (!st)
		st = put(h, "</td><td>");
	if (!st)
		st = esc(h, f->subject);
	if (!st)
		st = put(h, "</td>");
	if (!st)
		st = value_cell(h, f, 0);
	if (!st)
		st = value_cell(h, f, 1);
	if (!st)
		st = nf_buf_printf(h->out, "<td><span class=\"status %s\">%s</span></td>\n<td>",
		                   status, status);
	if (!st && f->explanation) {
		st = put(h, "<p class=\"expl\">");
		if (!st)
			st = esc(h, f->explanation);
		if (!st)
			st = put(h, "</p>");
	}
	if (!st && f->nclaims) {
		st = nf_buf_printf(h->out, "<details><summary>%zu claim%s</summary>\n"
		                   "<ul class=\"claims\">\n", f->nclaims,
		                   f->nclaims == 1 ? "" : "s");
		for (size_t k = 0; !st && k < f->nclaims; k++)
			st = claim(h, f, &f->claims[k]);
		if (!st)
			st = put(h, "</ul></details>");
	}
	return st ? st : put(h, "</td></tr>\n");
}

static nf_status figures(hp *h)
{
	const nf_brief *b = h->b;
	nf_status st = put(h, "<section id=\"figures\">\n<h2>Figures</h2>\n");
	if (!st && !b->nfigures)
		st = put(h, "<p class=\"muted\">No figures reported.</p>\n");
	if (!st && b->nfigures)
		st = put(h, "<table>\n<thead><tr><th>Measure</th><th>Subject</th>"
		            "<th>Value</th><th>Range</th><th>Status</th>"
		            "<th>Explanation and claims</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; !st && i < b->nfigures; i++)
		st = figure_row(h, &b->figures[i]);
	if (!st && b->nfigures)
		st = put(h, "</tbody>\n</table>\n");
	return st ? st : put(h, "</section>\n");
}

static nf_status timeline(hp *h)
{
	const nf_brief *b = h->b;
	nf_status st = put(h, "<section id=\"timeline\">\n<h2>Timeline</h2>\n");
	if (!st && !b->ntimeline)
		st = put(h, "<p class=\"muted\">No dated events.</p>\n");
	if (!st && b->ntimeline)
		st = put(h, "<table>\n<thead><tr><th>Date</th><th>Event</th></tr>"
		            "</thead>\n<tbody>\n");
	for (size_t i = 0; !st && i < b->ntimeline; i++) {
		const nf_event *ev = &b->timeline[i];
		st = put(h, "<tr><td class=\"nowrap\">");
		if (!st)
			st = event_date(h, ev);
		if (!st)
			st = put(h, "</td><td>");
		if (!st)
			st = esc(h, ev->text);
		if (!st)
			st = cites(h, ev->sources, ev->nsources);
		if (!st)
			st = put(h, "</td></tr>\n");
	}
	if (!st && b->ntimeline)
		st = put(h, "</tbody>\n</table>\n<p class=\"muted\">~ the date was "
		            "worked out from an estimated publication date.</p>\n");
	return st ? st : put(h, "</section>\n");
}

static nf_status entity_row(hp *h, const nf_entity *e)
{
	size_t n = NF_NDOCS(h->b->corpus), k = 0;
	nf_status st = put(h, "<tr><td>");
	if (!st)
		st = esc(h, e->name);
	if (!st)
		st = nf_buf_printf(h->out, "</td><td>%s</td><td class=\"num\">%zu</td><td>",
		                   nf_render_kind_name(e->kind), e->mentions);
	int *idx = n ? malloc(n * sizeof *idx) : NULL;
	if (!st && n && !idx)
		st = NF_ENOMEM;
	for (size_t i = 0; !st && e->doc_mentions && i < n; i++)
		if (e->doc_mentions[i])
			idx[k++] = (int)i;
	if (!st && k)
		st = put(h, "<span class=\"cite\">");
	if (!st && k)
		st = nf_render_cites(h->out, h->b, idx, k, ", ", 1, 0);
	if (!st && k)
		st = put(h, "</span>");
	free(idx);
	if (!st)
		st = put(h, "</td><td>");
	for (size_t v = 0; !st && v < e->nvariants; v++) {
		if (v)
			st = put(h, ", ");
		if (!st)
			st = esc(h, e->variants[v]);
	}
	return st ? st : put(h, "</td></tr>\n");
}

static nf_status entities(hp *h)
{
	const nf_brief *b = h->b;
	nf_status st = put(h, "<section id=\"entities\">\n<h2>People, places and organisations</h2>\n");
	if (!st && !b->nentities)
		st = put(h, "<p class=\"muted\">None found.</p>\n");
	if (!st && b->nentities)
		st = put(h, "<table>\n<thead><tr><th>Name</th><th>Kind</th>"
		            "<th>Mentions</th><th>Sources</th><th>Also written</th>"
		            "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; !st && i < b->nentities; i++)
		st = entity_row(h, &b->entities[i]);
	if (!st && b->nentities)
		st = put(h, "</tbody>\n</table>\n");
	return st ? st : put(h, "</section>\n");
}

static nf_status source_row(hp *h, size_t i)
{
	const nf_doc *d = NF_DOC(h->b->corpus, i);
	const char *outlet = nf_render_doc_outlet(d);
	nf_status st = nf_buf_printf(h->out, "<tr id=\"src-%zu\"><td class=\"num\">%zu</td>"
	                             "<td><code title=\"", i + 1, i + 1);
	if (!st)
		st = esc(h, d->name);
	if (!st)
		st = put(h, "\">");
	if (!st)
		st = esc(h, d->id ? d->id : "?");
	if (!st)
		st = put(h, "</code></td><td>");
	if (!st && outlet)
		st = esc(h, outlet);
	if (!st)
		st = put(h, "</td><td class=\"nowrap\">");
	if (!st)
		st = date(h, d->published, d->date_source == NF_DATE_ESTIMATED);
	if (!st)
		st = put(h, "</td><td>");
	if (!st)
		st = d->title && *d->title ? esc(h, d->title) : put(h, "<span class=\"muted\">no headline</span>");
	if (!st && d->copy_of >= 0) {
		st = put(h, "<br><span class=\"muted\">copy of</span>");
		if (!st)
			st = cites(h, &d->copy_of, 1);
	}
	if (!st)
		st = nf_buf_printf(h->out, "</td><td class=\"num\">%zu</td>"
		                   "<td class=\"num\">%zu / %zu</td></tr>\n",
		                   d->words, d->lines_kept, d->lines_dropped);
	return st;
}

static nf_status sources(hp *h)
{
	nf_status st = put(h, "<section id=\"sources\">\n<h2>Sources</h2>\n"
	                      "<table>\n<thead><tr><th>#</th><th>Id</th><th>Outlet</th>"
	                      "<th>Published</th><th>Headline</th><th>Words</th>"
	                      "<th>Lines kept / dropped</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; !st && i < NF_NDOCS(h->b->corpus); i++)
		st = source_row(h, i);
	return st ? st : put(h, "</tbody>\n</table>\n</section>\n");
}

nf_status nf_render_html(const nf_brief *b, unsigned flags, nf_buf *out)
{
	(void)flags;
	hp h = {b, out};
	nf_status st = head(&h);
	if (!st)
		st = summary(&h);
	if (!st)
		st = figures(&h);
	if (!st)
		st = timeline(&h);
	if (!st)
		st = entities(&h);
	if (!st)
		st = sources(&h);
	if (!st)
		st = put(&h, "<footer>Made by newsfuse " NF_VERSION_STRING
		             " \u00b7 the same brief as data: <code>newsfuse brief "
		             "--format json</code> (schema newsfuse.brief/1)</footer>\n"
		             "</body>\n</html>\n");
	return st;
}
