/*
 * feed.c - news feeds: RSS 2.0, RSS 1.0 (RDF) and Atom.
 *
 * What: each item of a feed becomes one article: its title, link, author,
 * dates (published and updated kept apart, as on pages) and body, the
 * full text in content:encoded or Atom <content> when the feed has it,
 * else the description or summary. HTML bodies (escaped or CDATA, the
 * usual case) go through the page extractor in fragment mode: all of it is
 * content, less scripts, forms and furniture.
 *
 * How: libxml2's XML parser in recovery mode on the UTF-8 text (the
 * encoding was decided and converted before, as for pages, so a declared
 * encoding is ignored); no network, no external entities, no DTD loading
 * (XXE), and libxml2's own limits on entity expansion and depth. Element
 * names are matched by local name, so any namespace prefix works.
 *
 * Sniffing follows the WHATWG MIME sniffing rules for HTML (the first
 * tag after white space and comments) and looks for a feed root after an
 * XML declaration.
 *
 * Rejected: a separate feed library (libmrss, ...): thin, unmaintained
 * wrappers around the same XML parser.
 */
#include <libxml/parser.h>
#include <string.h>
#include <strings.h>

#include "feed.h"

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* --- Sniffing ---------------------------------------------------------------- */

static int tag_at(const char *s, size_t n, const char *name)
{
	size_t l = strlen(name);
	if (n < l + 1 || strncasecmp(s, name, l))
		return 0;
	return n == l || is_ws(s[l]) || s[l] == '>' || s[l] == '/';
}

nf_input nf_markup_sniff(const char *s, size_t n)
{
	static const char *const html_tags[] = {
		"<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<h1",
		"<div", "<font", "<table", "<a", "<style", "<title", "<b", "<br", "<p",
		"<meta", "<link", "<article", "<section", "<header", "<main", "<nav"};
	size_t i = 0;
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	/* the first markup after white space, comments and an XML declaration */
	for (int guard = 0; guard < 64; guard++) {
		while (i < n && is_ws(s[i]))
			i++;
		if (i + 4 <= n && !memcmp(s + i, "<!--", 4)) {
			const char *e = NULL;
			for (size_t k = i + 4; k + 3 <= n; k++)
				if (!memcmp(s + k, "-->", 3)) {
					e = s + k + 3;
					break;
				}
			if (!e)
				return NF_INPUT_AUTO;
			i = (size_t)(e - s);
			continue;
		}
		if (i + 2 <= n && s[i] == '<' && s[i + 1] == '?') {
			const char *e = memchr(s + i, '>', n - i);
			if (!e)
				return NF_INPUT_AUTO;
			i = (size_t)(e - s) + 1;
			continue;
		}
		if (i + 9 <= n && !strncasecmp(s + i, "<!doctype", 9) &&
		    !(i + 14 <= n && !strncasecmp(s + i, "<!doctype html", 14))) {
			const char *e = memchr(s + i, '>', n - i); /* <!DOCTYPE rss ...> */
			if (!e)
				return NF_INPUT_AUTO;
			i = (size_t)(e - s) + 1;
			continue;
		}
		break;
	}
	if (i >= n || s[i] != '<')
		return NF_INPUT_AUTO;
	if (tag_at(s + i, n - i, "<rss") || tag_at(s + i, n - i, "<feed") ||
	    tag_at(s + i, n - i, "<rdf:rdf"))
		return NF_INPUT_FEED;
	for (size_t k = 0; k < sizeof html_tags / sizeof *html_tags; k++)
		if (tag_at(s + i, n - i, html_tags[k]))
			return NF_INPUT_HTML;
	return NF_INPUT_AUTO;
}

/* --- Items -------------------------------------------------------------------- */

static int named(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, local);
}

static int in_ns(const xmlNode *n, const char *prefix)
{
	return n->ns && n->ns->prefix && !strcmp((const char *)n->ns->prefix, prefix);
}

/* An element's text (all descendant text), trimmed; arena-free: borrowed
 * from a buffer that lives for the item. */
static const char *text_of(const xmlNode *n, nf_buf *b)
{
	size_t start = b->len;
	for (const xmlNode *c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			if (nf_buf_puts(b, (const char *)c->content))
				return NULL;
	if (nf_buf_putc(b, '\0'))
		return NULL;
	return b->data ? b->data + start : NULL;
}

typedef struct item_state {
	nf_feed_item it;
	nf_buf strings;
	size_t offs[8]; /* offsets into strings, resolved after the walk */
	int set[8];
	int body_rank;
} item_state;

enum { S_TITLE, S_LINK, S_ID, S_AUTHOR, S_BODY, S_NSTR };

static void keep(item_state *s, int slot, const xmlNode *n)
{
	if (s->set[slot])
		return;
	size_t off = s->strings.len;
	const char *t = text_of(n, &s->strings);
	if (!t)
		return;
	while (*t && is_ws(*t))
		t++;
	if (!*t)
		return;
	s->offs[slot] = (size_t)(t - s->strings.data);
	s->set[slot] = 1;
	(void)off;
}

/* Body candidates: full text first, then the teaser. */
static int body_rank(const xmlNode *c)
{
	if (named(c, "encoded") && in_ns(c, "content"))
		return 4;
	if (named(c, "content"))
		return 3;
	if (named(c, "description"))
		return 2;
	if (named(c, "summary"))
		return 1;
	return 0;
}

static nf_status read_item(const xmlNode *item, const char *feed_title, size_t index,
                           long long now, nf_feed_fn fn, void *ud)
{
	item_state s;
	memset(&s, 0, sizeof s);
	s.strings.max = (size_t)64 << 20;
	s.it.index = index;
	s.it.feed_title = feed_title;
	for (const xmlNode *c = item->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		int rank = body_rank(c);
		if (rank > s.body_rank) {
			s.set[S_BODY] = 0;
			keep(&s, S_BODY, c);
			if (s.set[S_BODY]) {
				s.body_rank = rank;
				const char *type = (const char *)xmlGetProp(c, (const xmlChar *)"type");
				/* Atom says; RSS bodies are HTML by convention */
				s.it.body_is_html = !type || !strcasecmp(type, "html") ||
				                    !strcasecmp(type, "xhtml") || !strcasecmp(type, "text/html");
				xmlFree((void *)type);
			}
		} else if (named(c, "title")) {
			keep(&s, S_TITLE, c);
		} else if (named(c, "link")) {
			xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
			xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
			if (href && (!rel || !strcmp((char *)rel, "alternate")) && !s.set[S_LINK]) {
				s.offs[S_LINK] = s.strings.len;
				if (!nf_buf_puts(&s.strings, (char *)href) && !nf_buf_putc(&s.strings, '\0'))
					s.set[S_LINK] = 1;
			} else if (!href) {
				keep(&s, S_LINK, c);
			}
			xmlFree(href);
			xmlFree(rel);
		} else if (named(c, "guid") || (named(c, "id") && !in_ns(c, "dc"))) {
			keep(&s, S_ID, c);
		} else if (named(c, "creator") || named(c, "author")) {
			const xmlNode *name = c;
			for (const xmlNode *k = c->children; k; k = k->next)
				if (named(k, "name"))
					name = k;
			keep(&s, S_AUTHOR, name);
		} else if (named(c, "pubDate") || named(c, "published") || named(c, "issued") ||
		           (named(c, "date") && in_ns(c, "dc"))) {
			nf_buf tmp = NF_BUF_INIT;
			const char *t = text_of(c, &tmp);
			if (t && !s.it.published.precision)
				nf_page_date_parse(t, strlen(t), now, &s.it.published);
			nf_buf_free(&tmp);
		} else if (named(c, "updated") || named(c, "modified")) {
			nf_buf tmp = NF_BUF_INIT;
			const char *t = text_of(c, &tmp);
			if (t && !s.it.modified.precision)
				nf_page_date_parse(t, strlen(t), now, &s.it.modified);
			nf_buf_free(&tmp);
		}
	}
	/* the buffer may have moved while it grew: resolve the strings now */
	const char **slots[S_NSTR] = {&s.it.title, &s.it.link, &s.it.id, &s.it.author, &s.it.body};
	for (int k = 0; k < S_NSTR; k++)
		*slots[k] = s.set[k] ? s.strings.data + s.offs[k] : NULL;
	nf_status st = fn(ud, &s.it);
	nf_buf_free(&s.strings);
	return st;
}

nf_status nf_feed_parse(const char *utf8, size_t len, long long now,
                        nf_feed_fn fn, void *ud, size_t *items)
{
	*items = 0;
	if (len > (size_t)INT32_MAX)
		return NF_ETOOBIG;
	xmlInitParser();
	int opts = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA |
	           XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC;
	xmlDocPtr doc = xmlReadMemory(utf8, (int)len, NULL, "UTF-8", opts);
	if (!doc)
		return NF_EPARSE;
	xmlNode *root = xmlDocGetRootElement(doc);
	nf_status st = NF_OK;
	if (!root || !(named(root, "rss") || named(root, "feed") || named(root, "RDF"))) {
		xmlFreeDoc(doc);
		return NF_EPARSE;
	}
	/* RSS 2.0 puts items in <channel>; Atom entries and RSS 1.0 items are
	 * children of the root */
	const xmlNode *channel = root;
	for (const xmlNode *c = root->children; c; c = c->next)
		if (named(c, "channel"))
			channel = c;
	nf_buf tb = NF_BUF_INIT;
	const char *feed_title = NULL;
	for (const xmlNode *c = channel->children; c; c = c->next)
		if (named(c, "title")) {
			feed_title = text_of(c, &tb);
			break;
		}
	for (int pass = 0; pass < 2 && !st; pass++) {
		const xmlNode *parent = pass ? root : channel;
		if (pass && parent == channel)
			break;
		for (const xmlNode *c = parent->children; c && !st; c = c->next)
			if (named(c, "item") || named(c, "entry"))
				st = read_item(c, feed_title, ++*items, now, fn, ud);
	}
	nf_buf_free(&tb);
	xmlFreeDoc(doc);
	return st;
}

nf_status nf_fragment_text(nf_buf *out, const char *html, size_t len)
{
	nf_html h;
	nf_status st = nf_html_parse(&h, html, len);
	size_t paras;
	if (!st)
		st = nf_extract_text(&h, NULL, out, &paras);
	nf_html_free(&h);
	return st == NF_EPARSE ? NF_OK : st;
}
