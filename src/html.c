/*
 * html.c - parsing a page into libxml2's tree and one record per element.
 *
 * What: the page (UTF-8, see encoding.c) becomes a tree from libxml2's
 * HTML parser, the error-tolerant parser browsers' predecessors were
 * measured against, and every element gets an nf_el record: its tag, flags
 * from the markup (junk such as scripts and form controls, hidden, block
 * or inline, class/id hints) and the amounts of its subtree (visible
 * characters, characters inside links, punctuation, paragraphs, images,
 * list items). The extractor and the metadata reader both start here.
 *
 * How: one iterative pre-order walk gives the records in document order
 * (node->_private points at each), so a reverse sweep adds every record's
 * amounts to its parent's: two linear passes, no recursion, so a page
 * nested 100,000 deep costs what a flat one does. Class and id values are
 * split into words and each word is looked up in short vocabularies of
 * page furniture ("comment", "share", "sidebar", "newsletter", ...) and of
 * article bodies ("article", "content", "entry", ...), by prefix so
 * "commentlist" and "sharebar" count too; nothing names a site.
 *
 * Parser options: recover from any markup, no network, no error output,
 * and HUGE, since without it libxml2 stops at nesting depth 256 and drops
 * the rest of the page; the caller's size cap bounds the tree instead.
 *
 * Rejected: gumbo (a full HTML5 tree builder, closer to browsers on broken
 * markup but about three times slower here and a second tree to walk);
 * our own tokenizer (the issue forbids markup regexes, and a tolerant HTML
 * parser is exactly the job a library is made for).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"

/* Names sorted for bsearch; index = nf_tag. */
typedef struct tag_name {
	const char *name;
	nf_tag tag;
} tag_name;

static const tag_name tag_names[] = {
	{"a", T_A}, {"abbr", T_ABBR}, {"address", T_ADDRESS}, {"article", T_ARTICLE},
	{"aside", T_ASIDE}, {"audio", T_AUDIO}, {"b", T_B}, {"bdi", T_BDI}, {"bdo", T_BDO},
	{"blockquote", T_BLOCKQUOTE}, {"body", T_BODY}, {"br", T_BR}, {"button", T_BUTTON},
	{"canvas", T_CANVAS}, {"caption", T_CAPTION}, {"center", T_CENTER}, {"cite", T_CITE},
	{"code", T_CODE}, {"data", T_DATA}, {"dd", T_DD}, {"del", T_DEL},
	{"details", T_DETAILS}, {"dialog", T_DIALOG}, {"div", T_DIV}, {"dl", T_DL},
	{"dt", T_DT}, {"em", T_EM}, {"embed", T_EMBED}, {"figcaption", T_FIGCAPTION},
	{"figure", T_FIGURE}, {"font", T_FONT}, {"footer", T_FOOTER}, {"form", T_FORM},
	{"h1", T_H1}, {"h2", T_H2}, {"h3", T_H3}, {"h4", T_H4}, {"h5", T_H5}, {"h6", T_H6},
	{"head", T_HEAD}, {"header", T_HEADER}, {"hgroup", T_HGROUP}, {"hr", T_HR},
	{"html", T_HTML}, {"i", T_I}, {"iframe", T_IFRAME}, {"img", T_IMG},
	{"input", T_INPUT}, {"ins", T_INS}, {"kbd", T_KBD}, {"label", T_LABEL},
	{"li", T_LI}, {"link", T_LINK}, {"main", T_MAIN}, {"map", T_MAP}, {"mark", T_MARK},
	{"math", T_MATH}, {"menu", T_MENU}, {"meta", T_META}, {"nav", T_NAV},
	{"noscript", T_NOSCRIPT}, {"object", T_OBJECT}, {"ol", T_OL}, {"p", T_P},
	{"picture", T_PICTURE}, {"pre", T_PRE}, {"q", T_Q}, {"rp", T_RP}, {"rt", T_RT},
	{"s", T_S}, {"samp", T_SAMP},
	{"script", T_SCRIPT}, {"section", T_SECTION}, {"select", T_SELECT},
	{"small", T_SMALL}, {"span", T_SPAN}, {"strong", T_STRONG}, {"style", T_STYLE},
	{"sub", T_SUB}, {"summary", T_SUMMARY}, {"sup", T_SUP}, {"svg", T_SVG},
	{"table", T_TABLE}, {"tbody", T_TBODY}, {"td", T_TD}, {"template", T_TEMPLATE},
	{"textarea", T_TEXTAREA}, {"tfoot", T_TFOOT}, {"th", T_TH}, {"thead", T_THEAD},
	{"time", T_TIME}, {"title", T_TITLE}, {"tr", T_TR}, {"u", T_U}, {"ul", T_UL},
	{"var", T_VAR}, {"video", T_VIDEO}, {"wbr", T_WBR},
};

static int cmp_tag(const void *k, const void *e)
{
	return strcmp(k, ((const tag_name *)e)->name);
}

static nf_tag tag_of(const xmlNode *n)
{
	const tag_name *t = bsearch(n->name, tag_names, sizeof tag_names / sizeof *tag_names,
	                            sizeof *tag_names, cmp_tag);
	return t ? t->tag : T_OTHER;
}

/* Never content, whatever their text: code, styling, embedded media,
 * form controls, and the readings over ruby text. */
static int junk_tag(nf_tag t)
{
	switch (t) {
	case T_HEAD: case T_SCRIPT: case T_STYLE: case T_TEMPLATE:
	case T_SVG: case T_MATH: case T_CANVAS: case T_IFRAME: case T_OBJECT:
	case T_EMBED: case T_VIDEO: case T_AUDIO: case T_MAP: case T_BUTTON:
	case T_SELECT: case T_INPUT: case T_TEXTAREA: case T_DIALOG:
	case T_TITLE: case T_META: case T_LINK:
	case T_RT: case T_RP: /* ruby readings: 子(こ) is read, not written */
		return 1;
	default:
		return 0;
	}
}

static int block_tag(nf_tag t)
{
	switch (t) {
	case T_P: case T_DIV: case T_SECTION: case T_ARTICLE: case T_MAIN:
	case T_HEADER: case T_FOOTER: case T_NAV: case T_ASIDE: case T_H1:
	case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: case T_UL:
	case T_OL: case T_DL: case T_LI: case T_DT: case T_DD: case T_BLOCKQUOTE:
	case T_PRE: case T_TABLE: case T_THEAD: case T_TBODY: case T_TFOOT:
	case T_TR: case T_TD: case T_TH: case T_CAPTION: case T_FIGURE:
	case T_FIGCAPTION: case T_FORM: case T_ADDRESS: case T_CENTER: case T_HR:
	case T_DETAILS: case T_SUMMARY: case T_MENU: case T_HGROUP: case T_BODY:
	case T_HTML:
		return 1;
	default:
		return 0;
	}
}

/* --- Class and id hints ---------------------------------------------------- */

/* A word of a class or id is matched when it starts with one of these, so
 * "comments", "commentlist" and "sharebar" match "comment" and "share". */
static const char *const unlikely_words[] = {
	"comment", "disqus", "share", "sharing", "social", "related", "recommend",
	"sidebar", "cookie", "consent", "gdpr", "newsletter", "subscri",
	"signup", "advert", "sponsor", "banner", "breadcrumb", "navbar",
	"navigation", "footer", "popup", "modal", "pagination", "pager", "toolbar",
	"masthead", "outbrain", "taboola", "skiplink", "offcanvas", "paywall",
	"shoutbox", "skyscraper", "tagcloud", "login", "authorbox", "replies",
	"readmore", "overlay", "flyout", "dropdown", "lightbox", "carousel",
	"facebook", "readingtime",
};
/* Matched only as whole words: short ones that begin ordinary words. */
static const char *const unlikely_exact[] = {
	"ad", "ads", "adv", "adsense", "adslot", "menu", "nav", "navi", "tags",
	"tag", "search", "sr-only", "screen-reader-text",
	"visually-hidden", "visuallyhidden", "invisible", "rss",
	"skip-link", "skip-links", "skip-to-content", "meta", "byline", "caption", "credit", "credits",
	"copyright", "legal", "imprint", "impressum", "breaking", "ticker",
	"trending", "topics", "keywords", "categories",
	"category", "links", "sitemap", "contact", "site-header", "site-footer",
	"donate", "donation", "feedback", "survey", "poll", "weather", "promo",
	"promos", "promotion", "rating", "ratings", "reply", "slider", "jump",
	"author", "authors", "bio", "legend", "reading",
};
static const char *const likely_words[] = {
	"article", "content", "entry", "main", "post", "story", "text", "body",
	"blog", "hentry", "prose", "column", "page", "news", "richtext", "rich-text",
	"single", "detail", "inhalt", "artikel", "beitrag", "contenu", "texto",
	"cuerpo", "tresc", "articolo",
};
/* The article body itself. */
static const char *const body_classes[] = {
	"articlebody", "article-body", "article_body", "entry-content",
	"entry_content", "post-content", "post_content", "post-body", "postbody",
	"story-body", "storybody", "article-content", "article_content",
	"article-text", "articletext", "story-content", "storycontent",
	"post-entry", "entry-body", "content-body", "article__body",
	"article__content", "c-article-body", "td-post-content", "single-content",
	"body-text", "bodytext", "news-text", "newstext", "text-content",
	"article-main", "main-content", "maincontent", "post-text", "blog-content",
	"story-text", "storytext", "articleText", "field-body",
};

/* Furniture words distinctive enough to count inside a longer word
 * ("borlabscookie", "sitenewsletterbox"). */
static int infix_word(const char *w)
{
	static const char *const infixes[] = {"cookie", "newsletter", "paywall", "consent",
	                                      "subscri", "advert", "sponsor"};
	for (size_t i = 0; i < sizeof infixes / sizeof *infixes; i++)
		if (strstr(w, infixes[i]))
			return 1;
	return 0;
}

static int word_in(const char *w, size_t n, const char *const *list, size_t count,
                   int prefix)
{
	for (size_t i = 0; i < count; i++) {
		if (list[i][0] != w[0]) /* most words fail here, before any strlen */
			continue;
		size_t l = strlen(list[i]);
		if ((prefix ? n >= l : n == l) && !strncmp(w, list[i], l))
			return 1;
	}
	return 0;
}

#define COUNT(a) (sizeof a / sizeof *a)

/* Class names that carry a value of the content (its tags, categories,
 * topic) rather than the element's role. */
static int value_name(const char *name)
{
	static const char *const prefixes[] = {"tag-", "tags-", "category-", "categories-",
	                                       "topic-", "term-", "taxonomy-", "post-tag-",
	                                       "format-", "status-", "type-"};
	for (size_t i = 0; i < COUNT(prefixes); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return 1;
	return 0;
}

/* Hints of one class or id value: each space-separated name is lower-cased
 * and split at '-', '_' and digits; whole names are checked against the
 * article-body list. */
static void hints(const char *v, unsigned *flags, int *weight)
{
	char name[64], w[64];
	while (*v) {
		while (*v == ' ' || *v == '\t' || *v == '\n')
			v++;
		size_t n = 0;
		while (v[n] && v[n] != ' ' && v[n] != '\t' && v[n] != '\n')
			n++;
		if (!n)
			break;
		size_t m = n < sizeof name - 1 ? n : sizeof name - 1;
		for (size_t i = 0; i < m; i++)
			name[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 : v[i]);
		name[m] = '\0';
		v += n;
		if (word_in(name, m, body_classes, COUNT(body_classes), 0)) {
			*flags |= NF_EL_BODYPROP | NF_EL_POS;
			*weight += 40;
			continue;
		}
		if (word_in(name, m, unlikely_exact, COUNT(unlikely_exact), 0)) {
			*flags |= NF_EL_NEG | NF_EL_UNLIKELY;
			*weight -= 25;
			continue;
		}
		/* words of the name; the furniture word wins over a body word
		 * ("post-comments", "article-share" are furniture). A name that
		 * carries a value ("tag-local-elections", "category-news" on a
		 * post) says nothing of the element's role. */
		if (value_name(name))
			continue;
		int neg = 0, pos = 0;
		for (size_t i = 0; i < m;) {
			while (i < m && (name[i] == '-' || name[i] == '_' || (name[i] >= '0' && name[i] <= '9')))
				i++;
			size_t k = 0;
			while (i < m && name[i] != '-' && name[i] != '_' && !(name[i] >= '0' && name[i] <= '9'))
				w[k++] = name[i++];
			if (!k)
				continue;
			w[k] = '\0';
			if (word_in(w, k, unlikely_words, COUNT(unlikely_words), 1) || infix_word(w) ||
			    word_in(w, k, unlikely_exact, COUNT(unlikely_exact), 0))
				neg = 1;
			else if (word_in(w, k, likely_words, COUNT(likely_words), 1))
				pos = 1;
		}
		if (neg) {
			*flags |= NF_EL_NEG | NF_EL_UNLIKELY;
			*weight -= 25;
		} else if (pos) {
			*flags |= NF_EL_POS;
			*weight += 25;
		}
	}
}

static int has_ci(const char *s, const char *w)
{
	size_t l = strlen(w);
	for (; *s; s++)
		if (!strncasecmp(s, w, l))
			return 1;
	return 0;
}

/* display:none or visibility:hidden in a style attribute (other values,
 * even invalid ones such as "display: hidden", show the element). */
static int hidden_style(const char *s)
{
	for (; *s; s++) {
		int d = !strncasecmp(s, "display", 7), v = !d && !strncasecmp(s, "visibility", 10);
		if (!d && !v)
			continue;
		const char *p = s + (d ? 7 : 10);
		while (*p == ' ')
			p++;
		if (*p != ':')
			continue;
		p++;
		while (*p == ' ')
			p++;
		if ((d && !strncasecmp(p, "none", 4)) || (v && !strncasecmp(p, "hidden", 6)))
			return 1;
	}
	return 0;
}

/* --- Text amounts ------------------------------------------------------------ */

static int is_space_at(const unsigned char *s, size_t n, size_t i, size_t *k)
{
	unsigned c = s[i];
	*k = 1;
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) { /* no-break space */
		*k = 2;
		return 1;
	}
	if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
	    ((s[i + 2] >= 0x80 && s[i + 2] <= 0x8B) || s[i + 2] == 0xAF)) {
		*k = 3; /* en/em/thin/zero-width spaces */
		return 1;
	}
	if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
		*k = 3; /* ideographic space */
		return 1;
	}
	return 0;
}

size_t nf_html_chars(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t chars = 0, k;
	for (size_t i = 0; i < n; i += k)
		if (!is_space_at(u, n, i, &k) && (u[i] & 0xC0) != 0x80)
			chars++;
	return chars;
}

/* Characters, words and sentence punctuation of one text node. */
static void count_text(const unsigned char *s, nf_el *e)
{
	size_t n = strlen((const char *)s), k;
	int in_word = 0;
	for (size_t i = 0; i < n; i += k) {
		if (is_space_at(s, n, i, &k)) {
			in_word = 0;
			continue;
		}
		unsigned c = s[i];
		if ((c & 0xC0) == 0x80)
			continue;
		e->own++;
		if (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?')
			e->punct++;
		else if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x81 || s[i + 2] == 0x82))
			e->punct++; /* 、 。 */
		else if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBC && s[i + 2] == 0x8C)
			e->punct++; /* ， */
		if (!in_word)
			e->words++;
		in_word = 1;
	}
}

/* --- Walking ------------------------------------------------------------------ */

xmlNode *nf_html_next(const xmlNode *n, const xmlNode *root, int skip_children)
{
	if (!skip_children && n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

nf_el *nf_html_el(const nf_html *h, const xmlNode *n)
{
	(void)h;
	return n && n->type == XML_ELEMENT_NODE ? n->_private : NULL;
}

int nf_html_is(const nf_html *h, const xmlNode *n, nf_tag t)
{
	const nf_el *e = nf_html_el(h, n);
	return e && e->tag == t;
}

const char *nf_html_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, name)) {
			const xmlNode *c = a->children;
			return c && c->type == XML_TEXT_NODE && c->content ? (const char *)c->content : "";
		}
	return NULL;
}

nf_status nf_html_text(const nf_html *h, const xmlNode *root, nf_buf *out)
{
	size_t start = out->len;
	int space = 0;
	nf_status st = NF_OK;
	for (const xmlNode *n = root->children; n && !st;) {
		const nf_el *e = nf_html_el(h, n);
		if (e && (e->flags & (NF_EL_JUNK | NF_EL_HIDDEN))) {
			n = nf_html_next(n, root, 1);
			continue;
		}
		if (e && (e->flags & NF_EL_BLOCK || e->tag == T_BR))
			space = 1;
		if (n->type == XML_TEXT_NODE && n->content) {
			const unsigned char *s = n->content;
			size_t len = strlen((const char *)s), k;
			for (size_t i = 0; i < len && !st; i += k) {
				if (is_space_at(s, len, i, &k)) {
					space = 1;
					continue;
				}
				if (space && out->len > start)
					st = nf_buf_putc(out, ' ');
				space = 0;
				if (!st)
					st = nf_buf_put(out, (const char *)s + i, k);
			}
		}
		n = nf_html_next(n, root, 0);
	}
	return st;
}

/* The attributes the records need, in one pass over the element's. */
typedef struct attrs {
	const char *class_, *id, *style, *hidden, *aria_hidden, *itemprop, *role;
} attrs;

static void read_attrs(const xmlNode *n, attrs *a)
{
	memset(a, 0, sizeof *a);
	for (const xmlAttr *p = n->properties; p; p = p->next) {
		const char *name = (const char *)p->name;
		const xmlNode *c = p->children;
		const char *v = c && c->type == XML_TEXT_NODE && c->content ? (const char *)c->content : "";
		switch (name[0]) {
		case 'c': if (!strcmp(name, "class")) a->class_ = v; break;
		case 'i':
			if (!strcmp(name, "id")) a->id = v;
			else if (!strcmp(name, "itemprop")) a->itemprop = v;
			break;
		case 's': if (!strcmp(name, "style")) a->style = v; break;
		case 'h': if (!strcmp(name, "hidden")) a->hidden = v; break;
		case 'a': if (!strcmp(name, "aria-hidden")) a->aria_hidden = v; break;
		case 'r': if (!strcmp(name, "role")) a->role = v; break;
		default: break;
		}
	}
}

/* --- Parsing ------------------------------------------------------------------- */

nf_status nf_html_parse(nf_html *h, const char *utf8, size_t len)
{
	memset(h, 0, sizeof *h);
	if (len > (size_t)INT32_MAX)
		return NF_ETOOBIG;
	xmlInitParser();
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	           HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
	           XML_PARSE_HUGE;
	h->doc = htmlReadMemory(utf8, (int)len, NULL, "UTF-8", opts);
	if (!h->doc)
		return NF_EPARSE;
	xmlNode *root = xmlDocGetRootElement(h->doc);
	if (!root)
		return NF_EPARSE;
	size_t cap = 256;
	h->els = malloc(cap * sizeof *h->els);
	if (!h->els)
		return NF_ENOMEM;
	/* pass 1: records in document order */
	for (xmlNode *n = root; n; n = nf_html_next(n, NULL, 0)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (h->nels == cap) {
			nf_el *p = realloc(h->els, (cap *= 2) * sizeof *h->els);
			if (!p)
				return NF_ENOMEM;
			h->els = p;
			/* records moved: point the nodes at the new ones */
			for (size_t i = 0; i < h->nels; i++)
				h->els[i].node->_private = &h->els[i];
		}
		nf_el *e = &h->els[h->nels];
		memset(e, 0, sizeof *e);
		e->node = n;
		n->_private = e;
		const nf_el *pe = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent->_private : NULL;
		e->parent = pe ? (uint32_t)(pe - h->els) : UINT32_MAX;
		e->depth = pe && pe->depth < UINT16_MAX ? (uint16_t)(pe->depth + 1) : pe ? UINT16_MAX : 0;
		nf_tag t = tag_of(n);
		e->tag = (uint16_t)t;
		unsigned flags = 0;
		int weight = 0;
		if (junk_tag(t) || (pe && (pe->flags & NF_EL_JUNK)))
			flags |= NF_EL_JUNK;
		if (pe && (pe->flags & NF_EL_HIDDEN))
			flags |= NF_EL_HIDDEN;
		if (block_tag(t))
			flags |= NF_EL_BLOCK;
		if (t >= T_H1 && t <= T_H6)
			flags |= NF_EL_HEADING;
		if (t == T_BODY)
			h->body = (uint32_t)h->nels;
		const char *v;
		attrs a;
		read_attrs(n, &a);
		if (a.hidden || (a.aria_hidden && !strcasecmp(a.aria_hidden, "true")) ||
		    (a.style && hidden_style(a.style)))
			flags |= NF_EL_HIDDEN;
		/* furniture by tag, but droppable only as a whole: broken markup
		 * can leave the whole page inside an unclosed <nav>, and a page
		 * written by scripts may have its only text in <noscript> */
		if (t == T_NAV || t == T_ASIDE || t == T_FOOTER || t == T_NOSCRIPT) {
			flags |= NF_EL_NEG | NF_EL_UNLIKELY;
			weight -= 25;
		}
		if (t != T_BODY && t != T_HTML) {
			if (a.class_)
				hints(a.class_, &flags, &weight);
			if (a.id)
				hints(a.id, &flags, &weight);
			if ((v = a.itemprop) && has_ci(v, "articleBody")) {
				flags |= NF_EL_BODYPROP | NF_EL_POS;
				weight += 40;
			}
			if ((v = a.role) &&
			    (!strcasecmp(v, "navigation") || !strcasecmp(v, "complementary") ||
			     !strcasecmp(v, "banner") || !strcasecmp(v, "contentinfo") ||
			     !strcasecmp(v, "search") || !strcasecmp(v, "dialog") ||
			     !strcasecmp(v, "alert") || !strcasecmp(v, "menu") || !strcasecmp(v, "menubar")))
				flags |= NF_EL_NEG | NF_EL_UNLIKELY;
		}
		/* as many article names as furniture names: not furniture */
		if ((flags & NF_EL_UNLIKELY) && ((flags & NF_EL_BODYPROP) || weight >= 0) &&
		    t != T_NAV && t != T_ASIDE && t != T_FOOTER && t != T_NOSCRIPT)
			flags &= ~(unsigned)NF_EL_UNLIKELY;
		if (flags & NF_EL_BODYPROP)
			flags |= NF_EL_HASBODY;
		e->weight = (int16_t)(weight < -100 ? -100 : weight > 100 ? 100 : weight);
		e->flags = (uint16_t)flags;
		for (xmlNode *c = n->children; c; c = c->next)
			if (c->type == XML_TEXT_NODE && c->content && !(flags & NF_EL_JUNK))
				count_text(c->content, e);
		e->text = e->inl = e->own;
		if (t == T_P)
			e->paras = 1;
		else if (t == T_IMG || t == T_PICTURE)
			e->imgs = 1;
		else if (t == T_LI)
			e->lis = 1;
		else if (t == T_INPUT || t == T_SELECT || t == T_TEXTAREA || t == T_BUTTON)
			e->inputs = 1;
		if (flags & NF_EL_HEADING)
			e->headings = 1;
		h->nels++;
	}
	/* pass 2: subtree amounts, children before parents */
	for (size_t i = h->nels; i-- > 0;) {
		nf_el *e = &h->els[i];
		if (e->tag == T_A)
			e->link = e->text;
		if (e->parent == UINT32_MAX)
			continue;
		nf_el *p = &h->els[e->parent];
		p->inputs += e->inputs;
		if (e->flags & (NF_EL_JUNK | NF_EL_HIDDEN))
			continue;
		p->flags |= e->flags & NF_EL_HASBODY;
		if (!(e->flags & NF_EL_BLOCK))
			p->inl += e->inl;
		p->text += e->text;
		p->link += e->link;
		p->punct += e->punct;
		p->paras += e->paras;
		p->imgs += e->imgs;
		p->lis += e->lis;
		p->headings += e->headings;
		p->words += e->words;
	}
	return NF_OK;
}

void nf_html_free(nf_html *h)
{
	if (!h)
		return;
	free(h->els);
	if (h->doc)
		xmlFreeDoc(h->doc);
	memset(h, 0, sizeof *h);
}
