/*
 * page.c - the public nf_page functions: one web page in, its article out.
 *
 * nf_page_fill() is the whole extraction, shared with ingest: decode the
 * bytes to UTF-8 (encoding.c), parse (html.c), read the metadata
 * (metadata.c), then the main text (extract.c), which needs the title to
 * leave the headline out of the body. The tree is freed before returning:
 * a page keeps only its strings, in its own arena.
 *
 * The JSON rendering is built with json-c so escaping is never ours to get
 * wrong; its schema is docs/extract-schema.md.
 */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "page.h"
#include "text.h"

/* A page that renders its article with scripts has it only in the
 * JSON-LD articleBody: when that says much more than the markup gave,
 * it is the text (through the fragment extractor when it is HTML). */
static nf_status prefer_article_body(const nf_page_meta *m, nf_buf *text, size_t *paras)
{
	const char *b = m->article_body;
	size_t bl = strlen(b), have = text->data ? nf_html_chars(text->data, text->len) : 0;
	if (have * 2 >= nf_html_chars(b, bl))
		return NF_OK;
	text->len = 0;
	if (strchr(b, '<'))
		return nf_fragment_text(text, b, bl);
	*paras = 1;
	for (size_t i = 0; i + 1 < bl; i++)
		*paras += b[i] == '\n' && b[i + 1] != '\n';
	return nf_buf_put(text, b, bl);
}

/* A metadata string normalised as the text is (NFC, one kind of space),
 * so a title matches the text it heads. Left as it is when it cannot be. */
static nf_status normalize_field(nf_arena *a, const char **s)
{
	char *norm;
	size_t nlen, bad;
	if (!*s)
		return NF_OK;
	nf_status st = nf_text_normalize(a, *s, strlen(*s), &norm, &nlen, &bad);
	if (st == NF_ENOMEM)
		return st;
	if (!st)
		*s = nlen ? norm : NULL;
	return NF_OK;
}

static nf_status normalize_meta(nf_arena *a, nf_page_meta *m)
{
	nf_status st = NF_OK;
	const char **fields[] = {&m->title, &m->site_name, &m->description, &m->joined_authors};
	for (size_t i = 0; i < sizeof fields / sizeof *fields && !st; i++)
		st = normalize_field(a, fields[i]);
	/* a name that normalizes to nothing (control characters only) is no
	 * author: dropped, so that the list holds no NULL for the renderers */
	size_t kept = 0;
	for (size_t i = 0; i < m->nauthors && !st; i++)
		if (!(st = normalize_field(a, &m->authors[i])) && m->authors[i])
			m->authors[kept++] = m->authors[i];
	if (st)
		return st;
	m->nauthors = kept;
	if (!kept)
		m->authors_source = NULL;
	return NF_OK;
}

nf_status nf_page_fill(nf_page *p, const char *data, size_t len,
                       const nf_extract_options *opts)
{
	nf_extract_options o = NF_EXTRACT_OPTIONS_INIT;
	if (opts)
		o = *opts;
	nf_buf utf8 = NF_BUF_INIT, text = NF_BUF_INIT;
	nf_html h;
	memset(&h, 0, sizeof h);
	nf_status st = nf_decode_utf8(&utf8, &p->enc, data, len, o.charset);
	size_t at;
	/* UTF-16's NULs are text; any other encoding's are a file that is no page */
	if (!st && strncmp(p->enc.name, "UTF-16", 6) && nf_text_binary(data, len, &at)) {
		nf_buf_free(&utf8);
		return nf_error(p->ctx, NF_EUTF8, "%s: binary data, not a web page (byte 0x%02X at offset %zu)",
		                p->name, (unsigned char)data[at], at);
	}
	if (!st && !utf8.len)
		st = NF_EEMPTY;
	if (!st)
		st = nf_html_parse(&h, utf8.data, utf8.len);
	if (st == NF_EPARSE)
		st = NF_EEMPTY; /* nothing but white space or comments */
	if (!st)
		st = nf_extract_meta(&h, &p->arena, o.url, o.now, &p->meta);
	if (!st)
		st = nf_extract_text(&h, &p->meta, &text, &p->paragraphs);
	if (!st)
		st = normalize_meta(&p->arena, &p->meta);
	if (!st && p->meta.article_body)
		st = prefer_article_body(&p->meta, &text, &p->paragraphs);
	if (!st) {
		char *norm;
		size_t nlen, bad;
		/* NFC and one kind of line end, as every other input gets */
		st = nf_text_normalize(&p->arena, text.data ? text.data : "", text.len, &norm, &nlen, &bad);
		p->text = norm;
		p->text_len = nlen;
	}
	nf_html_free(&h);
	nf_buf_free(&utf8);
	nf_buf_free(&text);
	if (st == NF_EEMPTY)
		return nf_error(p->ctx, st, "%s: no text in the page", p->name);
	if (st)
		return nf_error(p->ctx, st, "%s: %s", p->name,
		                st == NF_ENOMEM ? "out of memory" : nf_status_name(st));
	return NF_OK;
}

nf_status nf_page_extract(nf_page **out, nf_ctx *ctx, const char *name,
                          const char *data, size_t len,
                          const nf_extract_options *opts)
{
	*out = NULL;
	if (!ctx || (!data && len))
		return NF_EINVAL;
	ctx->errmsg[0] = '\0';
	if (!name)
		name = "-";
	if (len > NF_MAX_INPUT_BYTES)
		return nf_error(ctx, NF_ETOOBIG, "%s: page of %zu bytes is over the %zu-byte limit",
		                name, len, NF_MAX_INPUT_BYTES);
	nf_page *p = calloc(1, sizeof *p);
	if (!p)
		return nf_error(ctx, NF_ENOMEM, "out of memory");
	p->ctx = ctx;
	p->name = nf_arena_strdup(&p->arena, name);
	nf_status st = p->name ? nf_page_fill(p, data ? data : "", len, opts)
	                       : nf_error(ctx, NF_ENOMEM, "out of memory");
	if (st) {
		nf_page_free(p);
		return st;
	}
	*out = p;
	return NF_OK;
}

void nf_page_free(nf_page *p)
{
	if (!p)
		return;
	nf_arena_free(&p->arena);
	free(p);
}

const char *nf_page_text(const nf_page *p, size_t *len)
{
	if (len)
		*len = p ? p->text_len : 0;
	return p && p->text ? p->text : "";
}

const char *nf_page_get(const nf_page *p, nf_page_field f)
{
	if (!p)
		return NULL;
	const nf_page_meta *m = &p->meta;
	switch (f) {
	case NF_PAGE_TITLE: return m->title;
	case NF_PAGE_SITE_NAME: return m->site_name;
	case NF_PAGE_AUTHORS: return m->joined_authors;
	case NF_PAGE_PUBLISHED: return m->published.precision ? m->published.iso : NULL;
	case NF_PAGE_MODIFIED: return m->modified.precision ? m->modified.iso : NULL;
	case NF_PAGE_LANGUAGE: return m->language;
	case NF_PAGE_URL: return m->canonical_url;
	case NF_PAGE_DESCRIPTION: return m->description;
	case NF_PAGE_ENCODING: return p->enc.name;
	case NF_PAGE_DATE: return m->date.precision ? m->date.iso : NULL;
	}
	return NULL;
}

static json_object *jstring(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static json_object *jdate(const nf_page_date *d)
{
	static const char *const precision[] = {"none", "year", "month", "day", "minute"};
	if (!d->precision)
		return NULL;
	json_object *o = json_object_new_object();
	json_object_object_add(o, "value", json_object_new_string(d->iso));
	json_object_object_add(o, "precision", json_object_new_string(precision[d->precision]));
	json_object_object_add(o, "source", jstring(d->source));
	return o;
}

static json_object *jfield(const char *value, const char *source)
{
	if (!value)
		return NULL;
	json_object *o = json_object_new_object();
	json_object_object_add(o, "value", json_object_new_string(value));
	json_object_object_add(o, "source", jstring(source));
	return o;
}

static const char *enc_source(nf_enc_source s)
{
	switch (s) {
	case NF_ENC_BOM: return "bom";
	case NF_ENC_HINT: return "transport";
	case NF_ENC_DECLARED: return "declared";
	case NF_ENC_SNIFFED: return "sniffed";
	}
	return "sniffed";
}

static nf_status render_json(const nf_page *p, nf_buf *b)
{
	const nf_page_meta *m = &p->meta;
	json_object *o = json_object_new_object();
	if (!o)
		return NF_ENOMEM;
	json_object_object_add(o, "schema", json_object_new_string("newsfuse.extract/1"));
	json_object_object_add(o, "input", json_object_new_string(p->name));
	json_object_object_add(o, "title", jfield(m->title, m->title_source));
	json_object_object_add(o, "site_name", jfield(m->site_name, m->site_source));
	json_object *authors = json_object_new_array();
	for (size_t i = 0; i < m->nauthors; i++)
		json_object_array_add(authors, json_object_new_string(m->authors[i]));
	json_object_object_add(o, "authors", authors);
	json_object_object_add(o, "authors_source", jstring(m->authors_source));
	json_object_object_add(o, "published", jdate(&m->published));
	json_object_object_add(o, "modified", jdate(&m->modified));
	json_object *jd = jdate(&m->date);
	if (jd)
		json_object_object_add(jd, "of", json_object_new_string(m->date_of));
	json_object_object_add(o, "date", jd);
	json_object_object_add(o, "language", jstring(m->language));
	json_object_object_add(o, "url", jstring(m->canonical_url));
	json_object_object_add(o, "description", jstring(m->description));
	json_object *enc = json_object_new_object();
	json_object_object_add(enc, "name", json_object_new_string(p->enc.name));
	json_object_object_add(enc, "source", json_object_new_string(enc_source(p->enc.source)));
	json_object_object_add(enc, "replaced_bytes", json_object_new_int64((int64_t)p->enc.replaced));
	json_object_object_add(o, "encoding", enc);
	json_object_object_add(o, "paragraphs", json_object_new_int64((int64_t)p->paragraphs));
	json_object_object_add(o, "text", json_object_new_string_len(p->text ? p->text : "", (int)p->text_len));
	const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
	                                                      JSON_C_TO_STRING_NOSLASHESCAPE);
	nf_status st = s ? nf_buf_puts(b, s) : NF_ENOMEM;
	if (!st)
		st = nf_buf_putc(b, '\n');
	json_object_put(o);
	return st;
}

nf_status nf_page_render(char **out, size_t *outlen, const nf_page *p,
                         nf_format format)
{
	*out = NULL;
	if (outlen)
		*outlen = 0;
	if (!p)
		return NF_EINVAL;
	nf_buf b = NF_BUF_INIT;
	nf_status st;
	if (format == NF_FORMAT_JSON) {
		st = render_json(p, &b);
	} else if (format == NF_FORMAT_TEXT) {
		st = NF_OK;
		if (p->meta.title)
			st = nf_buf_printf(&b, "%s\n\n", p->meta.title);
		if (!st && p->text_len)
			st = nf_buf_put(&b, p->text, p->text_len);
		if (!st)
			st = nf_buf_putc(&b, '\n');
	} else {
		return nf_error(p->ctx, NF_EINVAL, "pages render as text or json only");
	}
	if (st) {
		nf_buf_free(&b);
		return nf_error(p->ctx, st, "rendering failed: %s", nf_status_name(st));
	}
	*out = nf_buf_detach(&b, outlen);
	return *out ? NF_OK : NF_ENOMEM;
}
