/*
 * extract.c - the main text of a parsed page.
 *
 * What: from the element records of html.c, the article's text with its
 * headings, paragraphs, lists, quotes and tables, without the page's
 * furniture: navigation, related links, ads, sign-up boxes, cookie
 * notices, comments, captions and share widgets.
 *
 * How, in four steps:
 *  1. Furniture is marked: junk tags (scripts, form controls, ruby
 *     readings), hidden elements, and elements whose tag (<nav>, <aside>,
 *     <footer>) or class and id (html.c's hints) name furniture, unless
 *     they hold the article body (an itemprop=articleBody or body-like
 *     class inside). When that leaves little of the page's prose, the
 *     names were misleading (broken markup left the page inside a
 *     "navbar"): only what holds most of the page is kept then.
 *  2. The container of the article is chosen by paragraph mass: every
 *     paragraph-like block (a <p>, or any block whose own inline text is
 *     long enough) scores by its length and punctuation, and gives that
 *     score to its ancestors, less with each level; a container's score is
 *     then scaled by the share of its text outside links and shifted by its
 *     class/id hints. The best container grows to its <article> close by,
 *     or up to the headline (metadata.c's choice) when a close container
 *     holds both with little other prose: the lead and the subtitle live
 *     there. With it go the siblings that score near it or read as prose.
 *  3. The region is written out block by block; inside it, containers and
 *     paragraphs that are mostly links, that hold form inputs, or whose
 *     hints say furniture are left out unless they hold real prose, as
 *     are captions, <aside> and <footer>, and the headline itself (it is
 *     the title, not the text). When the region holds much less prose than
 *     the page as a whole (the article is split over several containers),
 *     the whole body is written with the same filters instead; when the
 *     filters left next to nothing (a recipe is its lists of links), the
 *     region is written again keeping all but furniture.
 *  4. Written blocks that are not the article go: headings and "More on
 *     this:" lines with nothing under them, date stamps, advertisement
 *     labels, picture credits, calls to subscribe or accept cookies.

 * The weights follow what Readability (Arc90, then Mozilla) made standard:
 * a content score from commas and length, a link-density penalty and
 * class/id hints; they were set on whole development sets, never on pages.
 *
 * Rejected: the line-based cleaner of clean.c on the page's text (it sees
 * no markup, so it cannot tell a link list from a list); a trained block
 * classifier (no training data we may ship); site-specific rules.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page.h"

/* A block needs this many characters of its own text to count as a
 * paragraph when choosing the article: shorter blocks are labels, menu
 * items and bylines as often as prose. */
#define MIN_PARA_CHARS 25

/* A container is left out when more of its text than this is link text:
 * menus, related-article lists and tag clouds are nearly all links, prose
 * rarely more than a third. */
#define MAX_LINK_DENSITY 0.5

/* A sibling of the best container joins the region when it scores this
 * share of the best score (or 10 points, whichever is more). */
#define SIBLING_SHARE 0.2

/* When the region holds less than this share of the prose of the whole
 * page, the article is spread over several containers: write the body. */
#define MIN_REGION_SHARE 0.5

/* Less text than this from a region that scored means the filters
 * threw the article away with its link lists: a few lines at most. */
#define MIN_KEPT_CHARS 200

/* The container from the headline down may hold this much more prose than
 * the best container (a lead, a subtitle), not a second article. */
#define ANCHOR_PROSE 1.3

/* How far up from the best container an <article> still encloses it
 * rather than a list of articles. */
#define ARTICLE_LEVELS 4

/* Dropping furniture by name must leave this share of the page's prose;
 * below it the names are misleading (the page is inside a "navbar"). */
#define MIN_STRICT_SHARE 0.25

/* Prose: a block of this many characters of its own text (a sentence or
 * two) of which at most this share is link text (prose links a few words,
 * link lists are nearly all links). */
#define PROSE_CHARS 80
#define PROSE_LINK_DENSITY 0.25

/* A container with this much prose in it is part of an article, never a
 * link list or a sign-up box, whatever else it holds. */
#define PROSE_CONTAINER 200

/* A paragraph mostly of links and short ("Read also: ...") is furniture;
 * a long one that links a lot is still prose. */
#define LINK_PARA_DENSITY 0.6
#define LINK_PARA_CHARS 300

/* A box named as furniture, or holding form inputs, is furniture up to
 * this size (a sign-up box has a line or two of explanation). */
#define SMALL_BOX_CHARS 200
#define FORM_BOX_PARAS 3

/* Block elements tracked while writing; deeper ones count as the deepest. */
#define MAX_OPEN 64

typedef struct extractor {
	const nf_html *h;
	unsigned char *drop;    /* per element: 1 = furniture (with its subtree) */
	uint32_t *prose;        /* per element: characters of prose in its subtree */
	uint32_t *end;          /* per element: index just past its subtree */
	uint32_t gate;          /* the headline: nothing before it is written */
	int gate_passed;        /* the headline was reached (or there is no gate) */
	const char *title;
	nf_buf *out;
	int pending;            /* breaks owed before the next text: 0, 1 (line), 2 (paragraph) */
	int space;              /* a space is owed before the next text */
	int pre;                /* inside <pre>: keep line breaks */
	int cell;               /* inside a table row after its first cell */
	size_t paras;
	nf_vec blocks;          /* block: where each written block starts */
	nf_tag open[MAX_OPEN];  /* the block elements being written, innermost last */
	size_t nopen;
} extractor;

/* One written block: its separator starts at sep, its text at start. */
typedef struct block {
	size_t sep, start;
	nf_tag tag;
	int before_furniture; /* furniture was left out right after it */
} block;

static double link_density(const nf_el *e)
{
	return e->text ? (double)e->link / e->text : 0;
}

/* --- Step 1: furniture ------------------------------------------------------- */

/* Furniture by its names that is kept all the same: what holds the article
 * body, and (lenient) what holds most of the page, as when broken markup
 * leaves everything inside an unclosed <nav>. */
static int protected_el(const nf_html *h, const nf_el *e, int lenient)
{
	const nf_el *body = &h->els[h->body];
	return (e->flags & NF_EL_HASBODY) || e->tag == T_BODY || e->tag == T_HTML ||
	       e->tag == T_MAIN || (lenient && body->text && e->text * 2 > body->text);
}

static void mark_furniture(extractor *x, int lenient)
{
	const nf_html *h = x->h;
	for (size_t i = 0; i < h->nels; i++) {
		const nf_el *e = &h->els[i];
		int d = (e->parent != UINT32_MAX && x->drop[e->parent]) ||
		        (e->flags & (NF_EL_JUNK | NF_EL_HIDDEN)) ||
		        e->tag == T_FIGCAPTION;
		if (!d && (e->flags & NF_EL_UNLIKELY) && !protected_el(h, e, lenient))
			d = 1;
		x->drop[i] = (unsigned char)d;
	}
}

/* --- Step 2: the article's container ------------------------------------------ */

static int para_tag(nf_tag t)
{
	switch (t) {
	case T_P: case T_PRE: case T_BLOCKQUOTE: case T_TD: case T_DD: case T_LI:
	case T_DIV: case T_SECTION: case T_ARTICLE: case T_MAIN: case T_CENTER:
	case T_FONT: case T_SPAN: case T_TH: case T_OTHER:
		return 1;
	default:
		return 0;
	}
}

/* A tag's prior as an article container. */
static int tag_prior(nf_tag t)
{
	switch (t) {
	case T_ARTICLE: return 10;
	case T_MAIN: return 8;
	case T_DIV: case T_SECTION: return 5;
	case T_PRE: case T_TD: case T_BLOCKQUOTE: return 3;
	case T_OL: case T_UL: case T_DL: case T_DD: case T_DT: case T_LI: case T_FORM:
	case T_ADDRESS: return -3;
	case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: case T_TH:
	case T_HEADER: case T_FOOTER: case T_ASIDE:
		return -5;
	default: return 0;
	}
}

static double para_score(const nf_el *e)
{
	double s = 1 + (e->punct < 30 ? e->punct : 30);
	double len = e->inl / 100.0;
	return s + (len < 3 ? len : 3);
}

static void score_paragraphs(extractor *x)
{
	const nf_html *h = x->h;
	for (size_t i = 0; i < h->nels; i++)
		h->els[i].score = 0;
	for (size_t i = 0; i < h->nels; i++) {
		const nf_el *e = &h->els[i];
		if (x->drop[i] || e->inl < MIN_PARA_CHARS || !para_tag(e->tag) ||
		    link_density(e) > MAX_LINK_DENSITY)
			continue;
		double s = para_score(e);
		uint32_t a = e->parent;
		/* the block itself when it is a container of inline prose (a div
		 * of text), then its ancestors, less at each level */
		for (int level = 1; a != UINT32_MAX && level <= 5; level++, a = h->els[a].parent) {
			double share = level == 1 ? 1 : level == 2 ? 0.5 : 1.0 / (level * 3);
			h->els[a].score += (float)(s * share);
		}
		if (e->tag != T_P && e->tag != T_LI && e->tag != T_TD)
			((nf_el *)e)->score += (float)s;
	}
}

static double final_score(const nf_el *e)
{
	return (e->score + tag_prior((nf_tag)e->tag) + e->weight) * (1 - link_density(e));
}

static uint32_t best_container(extractor *x)
{
	const nf_html *h = x->h;
	uint32_t best = UINT32_MAX;
	double top = 0;
	for (size_t i = 0; i < h->nels; i++) {
		const nf_el *e = &h->els[i];
		if (x->drop[i] || e->score <= 0 || e->tag == T_BODY || e->tag == T_HTML)
			continue;
		double s = final_score(e);
		if (s > top) {
			top = s;
			best = (uint32_t)i;
		}
	}
	return best;
}

/* Characters of prose in every subtree: paragraph-like blocks with few
 * links, outside furniture. One sweep, children before parents. */
static void count_prose(extractor *x)
{
	const nf_html *h = x->h;
	for (size_t i = 0; i < h->nels; i++)
		x->prose[i] = 0;
	for (size_t i = h->nels; i-- > 0;) {
		const nf_el *e = &h->els[i];
		if (x->drop[i]) {
			x->prose[i] = 0;
			continue;
		}
		if (e->inl >= PROSE_CHARS && para_tag((nf_tag)e->tag) &&
		    link_density(e) < PROSE_LINK_DENSITY)
			x->prose[i] += e->inl;
		if (e->parent != UINT32_MAX)
			x->prose[e->parent] += x->prose[i];
	}
}

static size_t prose_chars(const extractor *x, uint32_t root)
{
	return x->prose[root];
}

/* --- Step 3: writing ---------------------------------------------------------- */

static int headline_el(const extractor *x, const nf_el *e)
{
	if (e->tag != T_H1 || !x->title)
		return 0;
	nf_buf b = NF_BUF_INIT;
	int same = 0;
	if (!nf_html_text(x->h, e->node, &b) && b.len)
		same = strstr(x->title, b.data) != NULL;
	nf_buf_free(&b);
	return same;
}

/* Furniture found while writing: containers of links, form boxes, asides. */
static int skip_in_region(const extractor *x, const nf_el *e, int fragment)
{
	nf_tag t = (nf_tag)e->tag;
	if (t == T_ASIDE || t == T_FOOTER || t == T_FIGCAPTION)
		return 1;
	if (fragment)
		return 0;
	if (t == T_H1 && headline_el(x, e))
		return 1;
	/* a container of prose is no link list or form box, whatever else
	 * it holds: what is furniture inside it goes at its own level */
	if (!e->text || (e->flags & NF_EL_HASBODY) || x->prose[NF_EL_INDEX(x->h, e)] >= PROSE_CONTAINER)
		return 0;
	double ld = link_density(e);
	switch (t) {
	case T_P: case T_LI: case T_DD: case T_DT: case T_H2: case T_H3: case T_H4:
	case T_H5: case T_H6:
		return ld > LINK_PARA_DENSITY && e->text < LINK_PARA_CHARS;
	case T_DIV: case T_SECTION: case T_UL: case T_OL: case T_DL: case T_TABLE:
	case T_FORM: case T_HEADER: case T_FIGURE: case T_CENTER: case T_DETAILS:
	case T_ARTICLE: case T_TBODY: case T_MENU: case T_OTHER:
		if (ld > MAX_LINK_DENSITY)
			return 1;
		if (e->inputs && e->paras < FORM_BOX_PARAS)
			return 1;
		if (e->weight < 0 && e->text < SMALL_BOX_CHARS)
			return 1;
		return 0;
	default:
		return 0;
	}
}

static nf_tag current_block(const extractor *x)
{
	size_t n = x->nopen < MAX_OPEN ? x->nopen : MAX_OPEN;
	return n ? x->open[n - 1] : T_OTHER;
}

/* Writes what is owed before the next text: a paragraph or line break
 * (which starts a new block) or a space. */
static nf_status breaks(extractor *x)
{
	nf_status st = NF_OK;
	int new_block = x->pending || !x->out->len;
	size_t sep = x->out->len;
	if (x->out->len) {
		if (x->pending >= 2)
			st = nf_buf_put(x->out, "\n\n", 2);
		else if (x->pending == 1)
			st = nf_buf_putc(x->out, '\n');
		else if (x->space)
			st = nf_buf_putc(x->out, ' ');
	}
	if (x->pending >= 2 || !x->out->len)
		x->paras++;
	if (!st && new_block) {
		block *b = nf_vec_push(&x->blocks, sizeof *b);
		if (!b)
			return NF_ENOMEM;
		b->sep = sep;
		b->start = x->out->len;
		b->tag = current_block(x);
	}
	x->pending = 0;
	x->space = 0;
	return st;
}

static nf_status write_text(extractor *x, const unsigned char *s)
{
	size_t n = strlen((const char *)s);
	nf_status st = NF_OK;
	for (size_t i = 0; i < n && !st;) {
		unsigned c = s[i];
		size_t k = 1;
		int sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
		if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
			sp = 1;
			k = 2;
		}
		if (sp) {
			if (x->pre && c == '\n' && x->out->len)
				x->pending = x->pending > 1 ? x->pending : 1;
			else
				x->space = 1;
			i += k;
			continue;
		}
		size_t j = i;
		while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r' &&
		       s[j] != '\f' && s[j] != '\v' && !(s[j] == 0xC2 && j + 1 < n && s[j + 1] == 0xA0))
			j++;
		if (!(st = breaks(x)))
			st = nf_buf_put(x->out, (const char *)s + i, j - i);
		i = j;
	}
	return st;
}

static void open_block(extractor *x, nf_tag t)
{
	int want = t == T_LI || t == T_DT || t == T_DD || t == T_TR || t == T_BR ? 1 : 2;
	if (t == T_TD || t == T_TH) {
		if (x->cell) {
			x->space = 1; /* cells of a row on one line, a tab apart */
			if (!x->pending && x->out->len && nf_buf_putc(x->out, '\t') == NF_OK)
				x->space = 0;
		}
		x->cell = 1;
		return;
	}
	if (t == T_TR)
		x->cell = 0;
	if (x->pending < want)
		x->pending = want;
}

static void close_block(extractor *x, nf_tag t)
{
	if (t == T_PRE && x->pre)
		x->pre--;
	if (t == T_TR)
		x->cell = 0;
	if (t == T_TD || t == T_TH)
		return;
	int want = t == T_LI || t == T_DT || t == T_DD || t == T_TR ? 1 : 2;
	if (x->pending < want)
		x->pending = want;
}

/* Enters n: writes its text or opens its block; 1 when its children are
 * to be written too. */
static int enter(extractor *x, const xmlNode *n, int is_root, int fragment, nf_status *st)
{
	const nf_el *e = nf_html_el(x->h, n);
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content && x->gate_passed)
			*st = write_text(x, n->content);
		return 0;
	}
	if (!e)
		return 0;
	uint32_t idx = NF_EL_INDEX(x->h, e);
	if (idx == x->gate)
		x->gate_passed = 1;
	else if (!x->gate_passed && x->end[idx] <= x->gate)
		return 0; /* wholly before the headline */
	if (!is_root && (x->drop[NF_EL_INDEX(x->h, e)] || skip_in_region(x, e, fragment))) {
		if (e->flags & NF_EL_BLOCK) {
			close_block(x, (nf_tag)e->tag);
			/* a list of links announced by the block before it */
			if (e->text && x->blocks.len && link_density(e) > MAX_LINK_DENSITY)
				NF_VEC_AT(&x->blocks, block, x->blocks.len - 1).before_furniture = 1;
		}
		return 0;
	}
	if (e->tag == T_BR) {
		if (x->pending == 1 && !x->space)
			x->pending = 2; /* <br><br>: a paragraph break */
		else if (x->pending < 1)
			x->pending = 1;
		x->space = 0;
		return 0;
	}
	if (e->flags & NF_EL_BLOCK) {
		open_block(x, (nf_tag)e->tag);
		if (n->children) {
			if (x->nopen < MAX_OPEN)
				x->open[x->nopen] = (nf_tag)e->tag;
			x->nopen++;
		}
	}
	if (e->tag == T_PRE)
		x->pre++;
	return n->children != NULL;
}

static void leave(extractor *x, const xmlNode *n)
{
	const nf_el *e = nf_html_el(x->h, n);
	if (e && (e->flags & NF_EL_BLOCK)) {
		close_block(x, (nf_tag)e->tag);
		if (n->children && x->nopen)
			x->nopen--;
	}
}

/* Writes the subtree of root (root included) to x->out, iteratively. */
static nf_status write_region(extractor *x, const xmlNode *root, int fragment)
{
	nf_status st = NF_OK;
	const xmlNode *n = root;
	x->nopen = 0;
	int down = enter(x, n, 1, fragment, &st);
	while (!st) {
		if (down) {
			n = n->children;
		} else {
			while (n != root && !n->next) {
				n = n->parent;
				leave(x, n);
			}
			if (n == root)
				break;
			n = n->next;
		}
		down = enter(x, n, 0, fragment, &st);
		if (!down && nf_html_el(x->h, n) && n->children == NULL)
			leave(x, n);
	}
	return st;
}

/* The <article> around the best container, when there is one close by:
 * its header holds the lead and its footer nothing the filters keep. */
static uint32_t enclosing_article(const extractor *x, uint32_t best)
{
	const nf_html *h = x->h;
	uint32_t a = h->els[best].parent;
	for (int level = 0; a != UINT32_MAX && level < ARTICLE_LEVELS; level++, a = h->els[a].parent) {
		const nf_el *e = &h->els[a];
		if (x->drop[a] || e->tag == T_BODY)
			break;
		if (e->tag == T_ARTICLE && link_density(e) < 0.3)
			return a;
	}
	return best;
}

/* A sibling of the best container that belongs to the article: scores near
 * it, or is a paragraph of prose on its own. */
static int joins_region(const extractor *x, const nf_el *s, double top)
{
	if (x->drop[NF_EL_INDEX(x->h, s)] || !s->text)
		return 0;
	double ld = link_density(s);
	if (s->score > 0 && final_score(s) >= (top * SIBLING_SHARE > 10 ? top * SIBLING_SHARE : 10))
		return 1;
	if (s->flags & NF_EL_NEG)
		return 0;
	/* a container that is mostly prose: a lead or intro box beside the body */
	if (s->tag != T_P && ld < PROSE_LINK_DENSITY && s->text >= PROSE_CHARS &&
	    prose_chars(x, NF_EL_INDEX(x->h, s)) * 2 >= s->text)
		return 1;
	if (s->tag != T_P && !(para_tag((nf_tag)s->tag) && s->inl == s->text))
		return 0;
	if (s->inl >= PROSE_CHARS && ld < PROSE_LINK_DENSITY)
		return 1;
	/* a short paragraph without links that ends a sentence */
	return s->inl >= MIN_PARA_CHARS && ld == 0 && s->punct > 0;
}

/* The container from the headline to the article's end: the lowest
 * element holding both the headline and the best container, when it holds
 * little prose besides (its subtitle, lead and byline, not a sidebar). */
static uint32_t headline_anchor(const extractor *x, uint32_t best, uint32_t headline)
{
	const nf_html *h = x->h;
	if (headline == UINT32_MAX || headline >= best)
		return UINT32_MAX;
	uint32_t a = best;
	while (a != UINT32_MAX && !(a <= headline && headline < x->end[a]))
		a = h->els[a].parent;
	if (a == UINT32_MAX || a == best || x->drop[a] || h->els[a].tag == T_BODY ||
	    h->els[a].tag == T_HTML)
		return UINT32_MAX;
	if (x->prose[a] > x->prose[best] * ANCHOR_PROSE + 100)
		return UINT32_MAX;
	return a;
}

static nf_status write_best(extractor *x, uint32_t best, int fragment)
{
	const nf_html *h = x->h;
	uint32_t anchor = headline_anchor(x, best, x->gate);
	if (anchor != UINT32_MAX) {
		x->gate_passed = 0;
		nf_status st = write_region(x, h->els[anchor].node, fragment);
		x->gate_passed = 1;
		return st;
	}
	const nf_el *b = &h->els[best];
	double top = final_score(b);
	nf_status st = NF_OK;
	const xmlNode *parent = b->node->parent;
	for (const xmlNode *c = parent ? parent->children : b->node; c && !st; c = c->next) {
		const nf_el *s = nf_html_el(h, c);
		if (c == b->node || (s && joins_region(x, s, top))) {
			st = write_region(x, c, fragment);
			close_block(x, (nf_tag)s->tag);
		}
		if (!parent)
			break;
	}
	return st;
}

/* --- Step 4: blocks that are not the article ------------------------------------ */

static int heading_level(nf_tag t)
{
	return t >= T_H1 && t <= T_H6 ? (int)(t - T_H1) + 1 : 0;
}

/* A short block that asks the reader to subscribe, sign in, accept
 * cookies or turn on JavaScript: web vocabulary in the languages most of
 * the web is written in, lower case, matched anywhere in the block. */
#define PROMO_CHARS 250 /* a call to action is a line or two, not a paragraph */
static int promo_block(const char *s, size_t n)
{
	static const char *const cues[] = {
		"subscribe", "subscription", "newsletter", "sign up", "signing up", "log in",
		"logged in", "cookies", "javascript", "ad blocker", "adblock",
		"abonnieren", "abonnent", "anmelden", "eingeloggt", "registrieren",
		"abonnez", "abonné", "inscrivez", "connectez", "suscríbete", "suscribirse",
		"suscriptor", "iscriviti", "abbonati", "assine", "assinante", "subskryb",
		"zaloguj", "prenumer", "abonneer", "inloggen"};
	if (n > PROMO_CHARS)
		return 0;
	char low[PROMO_CHARS + 1];
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	low[n] = '\0';
	for (size_t i = 0; i < sizeof cues / sizeof *cues; i++)
		if (strstr(low, cues[i]))
			return 1;
	return 0;
}

/* A picture credit or source line: "Foto: ...", "Source: ...", "Titelbild:"
 * (a label word and a colon first, a short line). */
static int credit_line(const char *s, size_t n)
{
	static const char *const labels[] = {
		"foto", "fotos", "photo", "photos", "bild", "bilder", "titelbild", "image",
		"credit", "credits", "quelle", "source", "fuente", "źródło", "fonte", "bron",
		"copyright", "©", "grafik", "illustration", "video"};
	const char *colon = memchr(s, ':', n < 24 ? n : 24);
	if (!colon || n > 120)
		return 0;
	size_t l = (size_t)(colon - s);
	while (l && s[l - 1] == ' ')
		l--;
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strlen(labels[i]) == l && !strncasecmp(s, labels[i], l))
			return 1;
	return 0;
}

/* A short block that only labels: an advertisement marker in one of the
 * languages of the web, or a stamp (a date, a time) with at most one word. */
static int label_block(const char *s, size_t n)
{
	static const char *const ad_words[] = {
		"anzeige", "advertisement", "advertising", "ad", "ads", "werbung",
		"publicité", "publicidad", "pubblicità", "reklama", "sponsored",
		"annonce", "annonse", "annons", "advertentie", "publicidade", "реклама"};
	if (credit_line(s, n) || promo_block(s, n))
		return 1;
	if (n > 40)
		return 0;
	char w[48];
	size_t k = 0, words = 0, digits = 0, year = 0, run = 0;
	int in_word = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
		if (letter && k < sizeof w - 1)
			w[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		if (letter && !in_word)
			words++;
		in_word = letter;
		if (c >= '0' && c <= '9') {
			digits++;
			run++;
			if (run == 4)
				year = 1;
		} else {
			run = 0;
		}
	}
	w[k] = '\0';
	for (size_t i = 0; i < sizeof ad_words / sizeof *ad_words; i++)
		if (!strcmp(w, ad_words[i]))
			return 1;

	/* "05. Februar 2020", "19:49", "12.03.2021, 14:05" */
	return digits >= 4 && words <= 1 && (year || memchr(s, ':', n));
}

/* Before an article's first paragraph and after its last come
 * breadcrumbs, stamps, bylines, tags, share and author lines: lines
 * shorter than this (in bytes) that end no sentence. */
#define EDGE_LINE_CHARS 40

static int sentence_end(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == ')'))
		n--;
	return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' ||
	             (n >= 3 && !memcmp(s + n - 3, "\xE2\x80\x9D", 3)) ||
	             (n >= 2 && !memcmp(s + n - 2, "\xC2\xBB", 2)));
}

/* Drops written blocks that are not the article: labels and stamps,
 * headings or "More on this:" lines with nothing of their own under them
 * or right before furniture that went (what they announced), and short
 * lines before the first paragraph and after the last. Compacts x->out. */
static void drop_empty_blocks(extractor *x, size_t base, int fragment)
{
	block *b = x->blocks.data;
	size_t nb = x->blocks.len;
	nf_buf *o = x->out;
	if (!nb)
		return;
	unsigned char *keep = malloc(nb);
	if (!keep)
		return; /* keeping everything is a fine answer */
	int next_level = -1; /* level of the next kept block: 0 text, -1 none */
	int tail = !fragment; /* no sentence of prose after this block (a
	                       * fragment is content to its edges) */
	for (size_t i = nb; i-- > 0;) {
		size_t end = i + 1 < nb ? b[i + 1].sep : o->len;
		const char *s = o->data + b[i].start;
		size_t n = end - b[i].start;
		int level = heading_level(b[i].tag);
		int colon = n && n <= 80 && s[n - 1] == ':';
		int k = !label_block(s, n);
		if (tail && n >= EDGE_LINE_CHARS)
			tail = 0;
		else if (tail && k && !sentence_end(s, n))
			k = 0; /* a short line after the article's last paragraph */
		if (k && (level || colon) &&
		    (b[i].before_furniture ||
		     (next_level && (next_level == -1 || level == 0 || next_level <= level))))
			k = 0;
		keep[i] = (unsigned char)k;
		if (k)
			next_level = level;
	}
	/* the same before the first paragraph: breadcrumbs, stamps, bylines */
	for (size_t i = 0; i < nb && !fragment; i++) {
		size_t end = i + 1 < nb ? b[i + 1].sep : o->len;
		size_t n = end - b[i].start;
		if (n >= EDGE_LINE_CHARS)
			break;
		if (!heading_level(b[i].tag) && !sentence_end(o->data + b[i].start, n))
			keep[i] = 0;
	}
	size_t w = base;
	int first = 1;
	for (size_t i = 0; i < nb; i++) {
		size_t end = i + 1 < nb ? b[i + 1].sep : o->len;
		if (!keep[i])
			continue;
		size_t from = first ? b[i].start : b[i].sep;
		memmove(o->data + w, o->data + from, end - from);
		w += end - from;
		first = 0;
	}
	o->len = w;
	if (o->data)
		o->data[w] = '\0';
	free(keep);
}

/* Characters written to out since start. */
static size_t written_chars(const nf_buf *out, size_t start)
{
	return out->data ? nf_html_chars(out->data + start, out->len - start) : 0;
}

/* Empties what was written since start, to write it again another way. */
static void restart(extractor *x, size_t start)
{
	x->out->len = start;
	if (x->out->data)
		x->out->data[start] = '\0';
	x->pending = x->space = x->pre = x->cell = 0;
	x->paras = 0;
	x->blocks.len = 0;
}

nf_status nf_extract_text(const nf_html *h, const nf_page_meta *meta, nf_buf *out,
                          size_t *paras)
{
	int fragment = meta == NULL;
	const char *title = meta ? meta->title : NULL;
	*paras = 0;
	if (!h->nels)
		return NF_OK;
	extractor x;
	memset(&x, 0, sizeof x);
	x.h = h;
	x.out = out;
	x.title = title;
	x.drop = calloc(h->nels, 1);
	x.prose = calloc(h->nels, sizeof *x.prose);
	x.end = malloc(h->nels * sizeof *x.end);
	if (!x.drop || !x.prose || !x.end) {
		free(x.drop);
		free(x.prose);
		free(x.end);
		return NF_ENOMEM;
	}
	for (size_t i = 0; i < h->nels; i++)
		x.end[i] = (uint32_t)i + 1;
	for (size_t i = h->nels; i-- > 0;) {
		uint32_t p = h->els[i].parent;
		if (p != UINT32_MAX && x.end[p] < x.end[i])
			x.end[p] = x.end[i];
	}
	x.gate = meta && meta->title_el < h->nels ? meta->title_el : UINT32_MAX;
	x.gate_passed = 1;
	uint32_t root = h->body;
	nf_status st = NF_OK;
	size_t start = out->len;
	mark_furniture(&x, 1);
	count_prose(&x);
	size_t page = prose_chars(&x, root);
	mark_furniture(&x, fragment);
	count_prose(&x);
	if (fragment) {
		st = write_region(&x, h->els[root].node, 1);
	} else {
		/* furniture by name goes, unless that leaves little of the page's
		 * prose: then only what holds most of the page is kept */
		if (prose_chars(&x, root) < (size_t)((double)page * MIN_STRICT_SHARE)) {
			mark_furniture(&x, 1);
			count_prose(&x);
		} else
			page = prose_chars(&x, root);
		score_paragraphs(&x);
		uint32_t best = best_container(&x);
		if (best != UINT32_MAX)
			best = enclosing_article(&x, best);
		if (best != UINT32_MAX)
			st = write_best(&x, best, 0);
		size_t got = written_chars(out, start);
		/* the region lacks much of the page's prose: the article is split
		 * over containers the scores did not join, so take the body */
		if (!st && (best == UINT32_MAX || got < (size_t)((double)page * MIN_REGION_SHARE))) {
			restart(&x, start);
			st = write_region(&x, h->els[root].node, 0);
			got = written_chars(out, start);
		}
		/* the filters left next to nothing of a region that scored as
		 * prose: its lists of links are the content (a recipe's
		 * ingredients, a table of results), so keep all but furniture */
		if (!st && best != UINT32_MAX && got < MIN_KEPT_CHARS &&
		    got * 5 < h->els[best].text) {
			restart(&x, start);
			st = write_best(&x, best, 1);
		}
	}
	if (!st)
		drop_empty_blocks(&x, start, fragment);
	*paras = x.paras;
	free(x.drop);
	free(x.prose);
	free(x.end);
	nf_vec_free(&x.blocks);
	return st;
}
