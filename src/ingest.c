/*
 * ingest.c - input bytes to documents.
 *
 * Two input kinds: a plain-text article (the whole input is one article; the
 * clean stage takes the headline from its first non-empty line) and JSONL
 * (one JSON object per line). AUTO picks JSONL when the first non-blank byte
 * is '{' and that line parses as a JSON object, since an article never
 * starts that way but a JSON record always does.
 *
 * Web pages and feeds (NF_INPUT_HTML, NF_INPUT_FEED; AUTO sniffs them as
 * browsers do, see feed.c) go through the page extractor first: the main
 * text becomes the body, and the title, site name, canonical URL, authors
 * and publication date the page states become the document's metadata, so
 * the clean stage keeps them instead of guessing from lines. Each feed
 * item is one document.
 *
 * Bad input never stops the run silently: a text article that is empty,
 * binary or not UTF-8 fails with the input's name, line and column; a bad
 * JSONL line is a warning naming the line and the rest are read.
 */
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "feed.h"
#include "page.h"
#include "stages.h"
#include "text.h"

/* Articles longer than this are cut at a paragraph boundary, with a warning:
 * no news article is 8 MB, and the stages' cost is linear in this bound. */
#define MAX_ARTICLE_BYTES ((size_t)8 << 20)

static const char *base_name(nf_arena *a, const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	const char *dot = strrchr(b, '.');
	size_t n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
	return nf_arena_strndup(a, b, n);
}

static int blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static nf_status new_doc(nf_corpus *c, nf_doc **out)
{
	nf_doc *d = nf_arena_alloc(&c->arena, sizeof *d);
	nf_doc **slot = d ? nf_vec_push(&c->docs, sizeof *slot) : NULL;
	if (!slot)
		return nf_error(c->ctx, NF_ENOMEM, "out of memory");
	d->index = (int)(c->docs.len - 1);
	d->copy_of = -1;
	d->group = d->index;
	*slot = d;
	*out = d;
	return NF_OK;
}

/* Validates and normalises one article body. On error the message names
 * `name` and the line and column relative to the body: as "name:line:col"
 * for a file, and for a field of a record (field != NULL; name then holds
 * the record's line) as the field's own line and column. */
static nf_status set_body(nf_corpus *c, nf_doc *d, const char *name, const char *field,
                          const char *s, size_t len)
{
	size_t bad = 0, line, col;
	if (nf_text_binary(s, len, &bad)) {
		nf_text_position(s, bad, &line, &col);
		return nf_error(c->ctx, NF_EUTF8,
		                "%s: binary data, not text (line %zu, column %zu)",
		                name, line, col);
	}
	if (!nf_utf8_validate(s, len, &bad)) {
		nf_text_position(s, bad, &line, &col);
		if (field)
			return nf_error(c->ctx, NF_EUTF8,
			                "%s: \"%s\" is not valid UTF-8 at its line %zu, column %zu "
			                "(byte 0x%02X at offset %zu)",
			                name, field, line, col, (unsigned char)s[bad], bad);
		return nf_error(c->ctx, NF_EUTF8,
		                "%s:%zu:%zu: invalid UTF-8 (byte 0x%02X at offset %zu)",
		                name, line, col, (unsigned char)s[bad], bad);
	}
	if (blank(s, len))
		return nf_error(c->ctx, NF_EEMPTY, "%s: no article text", name);
	if (len > MAX_ARTICLE_BYTES) {
		size_t cut = MAX_ARTICLE_BYTES;
		while (cut > 0 && s[cut - 1] != '\n')
			cut--;
		if (!cut)
			cut = MAX_ARTICLE_BYTES;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		nf_warn(c->ctx, "%s: article of %zu bytes cut to its first %zu",
		        name, len, cut);
		len = cut;
	}
	char *out;
	size_t outlen;
	nf_status st = nf_text_normalize(&c->arena, s, len, &out, &outlen, &bad);
	if (st == NF_EUTF8) {
		nf_text_position(s, bad, &line, &col);
		return nf_error(c->ctx, st, "%s:%zu:%zu: invalid text (byte 0x%02X at offset %zu)",
		                name, line, col, (unsigned char)s[bad], bad);
	}
	if (st)
		return nf_error(c->ctx, st, "out of memory");
	d->raw = out;
	d->raw_len = outlen;
	return NF_OK;
}

static nf_status add_text(nf_corpus *c, const char *name, const char *data,
                          size_t len)
{
	nf_doc *d;
	nf_status st = new_doc(c, &d);
	if (st)
		return st;
	if ((st = set_body(c, d, name, NULL, data, len))) {
		c->docs.len--; /* the arena keeps the bytes; the doc is gone */
		return st;
	}
	d->name = nf_arena_strdup(&c->arena, name);
	d->id = base_name(&c->arena, name);
	return d->name && d->id ? NF_OK : nf_error(c->ctx, NF_ENOMEM, "out of memory");
}

/* The first of several keys that holds a string (or, for ids, a number). */
static const char *field(json_object *o, const char *const *keys)
{
	for (; *keys; keys++) {
		json_object *v;
		if (!json_object_object_get_ex(o, *keys, &v) || !v)
			continue;
		json_type t = json_object_get_type(v);
		if (t == json_type_string || t == json_type_int || t == json_type_double)
			return json_object_get_string(v);
	}
	return NULL;
}

static const char *const K_ID[] = {"id", "doc_id", NULL};
static const char *const K_TITLE[] = {"title", "headline", NULL};
static const char *const K_TEXT[] = {"text", "content", "body", NULL};
static const char *const K_DATE[] = {"published", "date", "dct", NULL};
static const char *const K_URL[] = {"url", "uri", NULL};
static const char *const K_OUTLET[] = {"outlet", "source", "site", NULL};

/* A metadata string of a record, or NULL when absent; one that is not
 * valid UTF-8 is left out with a warning naming the field and the byte
 * (json-c passes such bytes through, and they would corrupt the output). */
static const char *meta(nf_corpus *c, const char *where, json_object *o,
                        const char *const *keys)
{
	const char *s = field(o, keys);
	size_t bad;
	if (s && !nf_utf8_validate(s, strlen(s), &bad)) {
		nf_warn(c->ctx, "%s: \"%s\" is not valid UTF-8 (byte 0x%02X at offset %zu); ignored",
		        where, keys[0], (unsigned char)s[bad], bad);
		return NULL;
	}
	return s;
}

/* A copy of headline s without the wire's notes; NULL when it is all
 * note or s is NULL. */
static const char *headline(nf_corpus *c, const char *s)
{
	size_t a, n = s ? nf_headline_span(s, strlen(s), &a) : 0;
	return n ? nf_arena_strndup(&c->arena, s + a, n) : NULL;
}

static nf_status add_record(nf_corpus *c, const char *where, json_object *o,
                            size_t lineno)
{
	const char *text = field(o, K_TEXT);
	if (!text)
		return nf_error(c->ctx, NF_EPARSE, "%s: no \"text\" field", where);
	/* A headline without a body (a feed item, a page whose text did not
	 * survive the crawl) is still a report: its headline, without the
	 * wire's notes, is its text. */
	const char *id = meta(c, where, o, K_ID);
	const char *title = headline(c, meta(c, where, o, K_TITLE));
	if (title && blank(text, strlen(text)))
		text = title;
	nf_doc *d;
	nf_status st = new_doc(c, &d);
	if (st)
		return st;
	if ((st = set_body(c, d, where, K_TEXT[0], text, strlen(text)))) {
		c->docs.len--;
		return st;
	}
	const char *date = field(o, K_DATE), *url = meta(c, where, o, K_URL);
	const char *outlet = meta(c, where, o, K_OUTLET);
	char num[32];
	if (!id) {
		snprintf(num, sizeof num, "%zu", lineno);
		id = num;
	}
	d->name = nf_arena_strdup(&c->arena, where);
	d->id = nf_arena_strdup(&c->arena, id);
	d->title = title;
	if (url)
		d->url = nf_arena_strdup(&c->arena, url);
	if (outlet)
		d->outlet = nf_arena_strdup(&c->arena, outlet);
	if (date) {
		if (nf_date_parse_iso(date, strlen(date), &d->published))
			d->date_source = NF_DATE_METADATA;
		else
			nf_warn(c->ctx, "%s: \"published\" is not an ISO date (%.40s); ignored",
			        where, date);
	}
	/* A record dated more than NF_OTHER_DATE_DAYS after the day its URL's
	 * path names was dated when it was crawled or saved again (an
	 * archive's copy): the path's day is the publisher's, written when the
	 * page was made. Of gva-dev's 3,151 records, 13 (several of them dated on the
	 * same crawl days), follow-ups among them then weeks from their events'
	 * reports instead of months or years: its stories (bench/cluster)
	 * 0.9488 to 0.9504 in date order, 0.9478 to 0.9489 in file order. The
	 * other way round (a URL's day after the record's) costs 0.001: an
	 * article id read as a far date (bench/README.md, round 12). */
	nf_page_date path;
	if (url && d->date_source == NF_DATE_METADATA &&
	    nf_page_url_date(url, 0, &path) == NF_PREC_DAY &&
	    nf_date_days(d->published) - nf_date_days(path.date) > NF_OTHER_DATE_DAYS)
		d->published = path.date;
	return NF_OK;
}

static nf_status add_jsonl(nf_corpus *c, const char *name, const char *data,
                           size_t len)
{
	json_tokener *tok = json_tokener_new();
	if (!tok)
		return nf_error(c->ctx, NF_ENOMEM, "out of memory");
	size_t added = 0, bad = 0, lineno = c->line0, pos = 0;
	char where[256];
	nf_status st = NF_OK, last = NF_OK;
	char lastmsg[1024] = "";
	while (pos < len) {
		const char *line = data + pos;
		const char *nl = memchr(line, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - line) : len - pos;
		pos += ll + (nl != NULL);
		lineno++;
		if (blank(line, ll))
			continue;
		snprintf(where, sizeof where, "%s:%zu", name, lineno);
		if (ll > (size_t)INT32_MAX) {
			nf_warn(c->ctx, "%s: line too long; skipped", where);
			bad++;
			continue;
		}
		json_tokener_reset(tok);
		json_object *o = json_tokener_parse_ex(tok, line, (int)ll);
		enum json_tokener_error jerr = json_tokener_get_error(tok);
		if (jerr == json_tokener_continue) {
			json_object_put(o);
			o = NULL;
			snprintf(lastmsg, sizeof lastmsg,
			         "%s: malformed JSON: truncated record", where);
		} else if (!o || jerr != json_tokener_success) {
			json_object_put(o);
			o = NULL;
			snprintf(lastmsg, sizeof lastmsg, "%s:%zu: malformed JSON: %s",
			         where, json_tokener_get_parse_end(tok) + 1,
			         json_tokener_error_desc(jerr));
		} else if (json_tokener_get_parse_end(tok) < ll &&
		           !blank(line + json_tokener_get_parse_end(tok),
		                  ll - json_tokener_get_parse_end(tok))) {
			json_object_put(o);
			o = NULL;
			snprintf(lastmsg, sizeof lastmsg,
			         "%s:%zu: malformed JSON: text after the record", where,
			         json_tokener_get_parse_end(tok) + 1);
		} else if (!json_object_is_type(o, json_type_object)) {
			json_object_put(o);
			o = NULL;
			snprintf(lastmsg, sizeof lastmsg, "%s: not a JSON object", where);
		}
		if (!o) {
			nf_warn(c->ctx, "%s; skipped", lastmsg);
			last = NF_EPARSE;
			bad++;
			continue;
		}
		st = add_record(c, where, o, lineno);
		json_object_put(o);
		if (st == NF_ENOMEM)
			break;
		if (st) {
			snprintf(lastmsg, sizeof lastmsg, "%s", nf_ctx_errmsg(c->ctx));
			nf_warn(c->ctx, "%s; skipped", lastmsg);
			last = st;
			bad++;
			st = NF_OK;
			continue;
		}
		added++;
	}
	json_tokener_free(tok);
	c->skipped += bad;
	if (st)
		return st;
	if (!added) {
		if (!bad)
			return nf_error(c->ctx, NF_EEMPTY, "%s: no articles", name);
		return nf_error(c->ctx, last, "%s: no readable articles (%zu bad lines; last: %s)",
		                name, bad, lastmsg);
	}
	return NF_OK;
}

/* --- Pages and feeds --------------------------------------------------------- */

typedef struct page_meta {
	const char *title, *outlet, *url;
	const char *const *authors;
	size_t nauthors;
	const nf_page_date *published;
} page_meta;

/* "By A", "By A and B", "By A, B and C": the byline as clean.c keeps it. */
static const char *byline(nf_arena *a, const char *const *names, size_t n)
{
	nf_buf b = NF_BUF_INIT;
	nf_status st = n ? nf_buf_puts(&b, "By ") : NF_OK;
	for (size_t i = 0; i < n && !st; i++) {
		if (i)
			st = nf_buf_puts(&b, i + 1 == n ? " and " : ", ");
		if (!st)
			st = nf_buf_puts(&b, names[i]);
	}
	const char *r = !st && b.len ? nf_arena_strndup(a, b.data, b.len) : NULL;
	nf_buf_free(&b);
	return r;
}

static const char *copy_meta(nf_corpus *c, const char *s)
{
	size_t bad;
	return s && *s && nf_utf8_validate(s, strlen(s), &bad) ? nf_arena_strdup(&c->arena, s) : NULL;
}

/* One document from extracted text and the metadata found with it. */
static nf_status add_extracted(nf_corpus *c, const char *name, const char *id,
                               const char *text, size_t len, const page_meta *m)
{
	nf_doc *d;
	nf_status st = new_doc(c, &d);
	if (st)
		return st;
	if ((st = set_body(c, d, name, NULL, text, len))) {
		c->docs.len--;
		return st;
	}
	d->extracted = 1;
	d->name = nf_arena_strdup(&c->arena, name);
	d->id = id ? nf_arena_strdup(&c->arena, id) : base_name(&c->arena, name);
	d->title = headline(c, copy_meta(c, m->title));
	d->outlet = copy_meta(c, m->outlet);
	d->url = copy_meta(c, m->url);
	if (m->nauthors)
		d->byline = byline(&c->arena, m->authors, m->nauthors);
	/* only a whole day is a publication date to the later stages */
	if (m->published && m->published->precision >= NF_PREC_DAY) {
		d->published = m->published->date;
		d->date_source = NF_DATE_METADATA;
	}
	return d->name && d->id ? NF_OK : nf_error(c->ctx, NF_ENOMEM, "out of memory");
}

static nf_status add_html(nf_corpus *c, const char *name, const char *data,
                          size_t len)
{
	nf_page p;
	memset(&p, 0, sizeof p);
	p.ctx = c->ctx;
	p.name = name;
	nf_status st = nf_page_fill(&p, data, len, NULL);
	if (!st) {
		if (p.enc.replaced)
			nf_warn(c->ctx, "%s: %zu bytes that are not %s replaced", name,
			        p.enc.replaced, p.enc.name);
		page_meta m = {p.meta.title, p.meta.site_name, p.meta.canonical_url,
		               p.meta.authors, p.meta.nauthors, &p.meta.date};
		st = add_extracted(c, name, NULL, p.text, p.text_len, &m);
		if (st == NF_EEMPTY)
			st = nf_error(c->ctx, st, "%s: no article text in the page", name);
	}
	nf_arena_free(&p.arena);
	return st;
}

typedef struct feed_run {
	nf_corpus *c;
	const char *name;
	size_t added, bad;
	nf_buf text;
} feed_run;

static nf_status add_item(void *ud, const nf_feed_item *it)
{
	feed_run *r = ud;
	char where[300], id[64];
	snprintf(where, sizeof where, "%s:item %zu", r->name, it->index);
	snprintf(id, sizeof id, "%.40s-%zu", base_name(&r->c->arena, r->name), it->index);
	r->text.len = 0;
	nf_status st = NF_OK;
	if (it->body && it->body_is_html)
		st = nf_fragment_text(&r->text, it->body, strlen(it->body));
	else if (it->body)
		st = nf_buf_puts(&r->text, it->body);
	if (st)
		return nf_error(r->c->ctx, st, "%s: %s", where, nf_status_name(st));
	/* as for pages: the item's date is its update when it has no other */
	page_meta m = {it->title, it->feed_title, it->link, &it->author, it->author ? 1 : 0,
	               it->published.precision ? &it->published : &it->modified};
	st = add_extracted(r->c, where, id, r->text.data ? r->text.data : "", r->text.len, &m);
	if (st == NF_ENOMEM)
		return st;
	if (st) {
		nf_warn(r->c->ctx, "%s; skipped", nf_ctx_errmsg(r->c->ctx));
		r->bad++;
		return NF_OK;
	}
	r->added++;
	return NF_OK;
}

static nf_status add_feed(nf_corpus *c, const char *name, const char *data,
                          size_t len)
{
	nf_buf utf8 = NF_BUF_INIT;
	nf_encoding enc;
	feed_run r = {c, name, 0, 0, NF_BUF_INIT};
	size_t items = 0;
	nf_status st = nf_decode_utf8(&utf8, &enc, data, len, NULL);
	if (!st)
		st = nf_feed_parse(utf8.data ? utf8.data : "", utf8.len, 0, add_item, &r, &items);
	nf_buf_free(&utf8);
	nf_buf_free(&r.text);
	c->skipped += r.bad;
	if (st == NF_EPARSE)
		return nf_error(c->ctx, st, "%s: not an RSS or Atom feed", name);
	if (st)
		return st == NF_ENOMEM ? nf_error(c->ctx, st, "out of memory") : st;
	if (!r.added)
		return nf_error(c->ctx, NF_EEMPTY, "%s: no articles in the feed (%zu items)", name, items);
	return NF_OK;
}

/* JSONL when the first non-blank line is a JSON object. */
static int sniff_jsonl(const char *data, size_t len)
{
	size_t i = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' ||
	                   data[i] == '\t'))
		i++;
	if (i >= len || data[i] != '{')
		return 0;
	const char *nl = memchr(data + i, '\n', len - i);
	size_t ll = nl ? (size_t)(nl - (data + i)) : len - i;
	if (ll > (size_t)INT32_MAX)
		return 0;
	json_tokener *tok = json_tokener_new();
	if (!tok)
		return 0;
	json_object *o = json_tokener_parse_ex(tok, data + i, (int)ll);
	int ok = o && json_object_is_type(o, json_type_object);
	json_object_put(o);
	json_tokener_free(tok);
	return ok;
}

nf_input nf_ingest_kind(const char *data, size_t len, nf_input kind)
{
	if (kind != NF_INPUT_AUTO)
		return kind;
	if (len <= NF_MAX_INPUT_BYTES && sniff_jsonl(data, len))
		return NF_INPUT_JSONL;
	kind = nf_markup_sniff(data, len);
	return kind == NF_INPUT_AUTO ? NF_INPUT_TEXT : kind;
}

nf_status nf_ingest(nf_corpus *c, const char *name, const char *data,
                    size_t len, nf_input kind)
{
	if (len > NF_MAX_INPUT_BYTES)
		return nf_error(c->ctx, NF_ETOOBIG, "%s: input of %zu bytes is over the %zu-byte limit",
		                name, len, NF_MAX_INPUT_BYTES);
	kind = nf_ingest_kind(data, len, kind);
	if (kind == NF_INPUT_HTML)
		return add_html(c, name, data, len);
	if (kind == NF_INPUT_FEED)
		return add_feed(c, name, data, len);
	/* bad bytes in JSONL are reported line by line: a body that is not
	 * UTF-8 skips its record, a metadata field is left out */
	if (kind == NF_INPUT_JSONL)
		return add_jsonl(c, name, data, len);
	if (kind != NF_INPUT_TEXT)
		return nf_error(c->ctx, NF_EINVAL, "unknown input kind");
	return add_text(c, name, data, len);
}
