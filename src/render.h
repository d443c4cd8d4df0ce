/*
 * render.h - helpers shared by the text, Markdown and HTML renderers
 * (render.c): names of statuses and kinds, numbers and figure values,
 * dates, citations, the story's lead source, and text that is safe to put
 * on a terminal (display width, wrapping) or in HTML.
 *
 * Every function appends to an nf_buf and returns NF_OK, NF_ENOMEM or
 * NF_ETOOBIG. Text from the articles is sanitised on the way out: control
 * characters, line separators and bidirectional overrides become spaces,
 * so an article can neither move the cursor of a terminal nor break a line
 * of a table.
 */
#ifndef NF_RENDER_H
#define NF_RENDER_H

#include "model.h"

/* Terminal width the text renderer lays out for. */
#define NF_RENDER_WIDTH 80

/* Names as in the JSON output: "conflict", "organisation". */
const char *nf_render_status_name(nf_figure_status s);
const char *nf_render_kind_name(nf_entity_kind k);
/* A heading for a measure: "Killed", "Money"; an unknown measure as given. */
const char *nf_render_measure_label(const char *measure);

/* The document's id, or "?" when i is out of range. */
const char *nf_render_doc_id(const nf_brief *b, int i);
/* The publisher shown for a document: outlet, else agency, else NULL. */
const char *nf_render_doc_outlet(const nf_doc *d);

/* 1234567 as "1,234,567"; fractions with up to two decimals; NaN as "?". */
nf_status nf_render_number(nf_buf *out, double v);
/* A claim's value: "almost 10,000", "5,000-6,000" (en dash), "dozens". */
nf_status nf_render_claim_value(nf_buf *out, const nf_claim *c);
/* A figure's best value, with the qualifier of the claim that states it
 * ("about 2,500"); "dozens" when only a vague claim does. */
nf_status nf_render_figure_value(nf_buf *out, const nf_figure *f);
/* "42-164" (en dash) when the figure's bounds differ, else nothing. */
nf_status nf_render_figure_range(nf_buf *out, const nf_figure *f);

/* "2022-01-09", "~2022-01-09" when estimated, "2022-01" when partial,
 * unknown as "undated". */
nf_status nf_render_date(nf_buf *out, nf_date d, int estimated);
/* An event's date (with "~" when estimated, as nf_render_date); a span in
 * the short ISO 8601 interval form: "2025-03-02/08", "2025-02-28/03-06". */
nf_status nf_render_event_date(nf_buf *out, const nf_event *ev, int estimated);
/* The publication date of a document, "~" marking an estimate. */
nf_status nf_render_doc_date(nf_buf *out, const nf_doc *d);

/* Source numbers of document indexes, 1-based, sorted, each once, runs of
 * three or more as ranges: "[1,3-5]". Out-of-range indexes are left out;
 * nothing is written when none is left. sep goes between numbers. With
 * html set, each number links to its source's row: <a href="#src-3">3</a>.
 * With max > 0, at most max numbers or ranges are listed and the rest
 * counted: "[1,4,9 +12 more]". */
nf_status nf_render_cites(nf_buf *out, const nf_brief *b, const int *idx,
                          size_t n, const char *sep, int html, size_t max);

/* The document whose headline should head the brief: the one the summary
 * cites most (weighted by the independence of each sentence), preferring
 * originals and complete headlines; -1 when no document has a headline. */
int nf_render_lead_doc(const nf_brief *b);
/* Earliest and latest known publication dates; 0 when there is none. */
int nf_render_date_span(const nf_brief *b, nf_date *first, nf_date *last);

/* Appends s[0..len) sanitised: controls and separators as one space, runs
 * of white space collapsed, leading and trailing space dropped, invalid
 * UTF-8 as U+FFFD. */
nf_status nf_render_clean(nf_buf *out, const char *s, size_t len);
/* Terminal columns of s[0..len): wide characters count 2, combining marks
 * 0; ANSI SGR sequences ("\033[...m") count nothing. */
size_t nf_render_width(const char *s, size_t len);
/* s (sanitised) cut to at most width columns, ending in "…" when cut, and
 * padded with spaces to width when pad is set. */
nf_status nf_render_fit(nf_buf *out, const char *s, size_t width, int pad);
/* Appends the paragraph s[0..len) (sanitised first, may hold ANSI SGR
 * sequences) word-wrapped so no line exceeds width columns. The first line
 * continues at column col (what the caller already wrote on it); later
 * lines start with indent spaces. A word longer than a line is cut. No
 * newline is written after the last line. */
nf_status nf_render_wrap(nf_buf *out, const char *s, size_t len, size_t col,
                         size_t indent, size_t width);

/* s escaped for HTML text and attribute values (& < > " '), sanitised. */
nf_status nf_render_html_escape(nf_buf *out, const char *s);

#endif
