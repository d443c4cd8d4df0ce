/*
 * html.h - a parsed page: libxml2's tree plus one record per element with
 * the facts the extractor and the metadata reader share (tag, hints from
 * class and id, hidden or not, text and link amounts of the subtree).
 */
#ifndef NF_HTML_H
#define NF_HTML_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>

#include "model.h"

/* The tags that matter; every other element is T_OTHER (treated inline
 * unless block-level by its children). */
typedef enum nf_tag {
	T_OTHER = 0, T_HTML, T_HEAD, T_BODY, T_TITLE, T_META, T_LINK, T_SCRIPT,
	T_STYLE, T_NOSCRIPT, T_TEMPLATE, T_SVG, T_MATH, T_CANVAS, T_IFRAME,
	T_OBJECT, T_EMBED, T_VIDEO, T_AUDIO, T_MAP, T_BUTTON, T_SELECT,
	T_INPUT, T_TEXTAREA, T_LABEL, T_FORM, T_NAV, T_ASIDE, T_FOOTER,
	T_HEADER, T_MAIN, T_ARTICLE, T_SECTION, T_DIV, T_P, T_H1, T_H2, T_H3,
	T_H4, T_H5, T_H6, T_UL, T_OL, T_DL, T_LI, T_DT, T_DD, T_BLOCKQUOTE,
	T_PRE, T_CODE, T_TABLE, T_THEAD, T_TBODY, T_TFOOT, T_TR, T_TD, T_TH,
	T_CAPTION, T_FIGURE, T_FIGCAPTION, T_IMG, T_PICTURE, T_A, T_BR, T_HR,
	T_SPAN, T_TIME, T_ADDRESS, T_CENTER, T_FONT, T_DIALOG, T_MENU, T_DETAILS,
	T_SUMMARY, T_STRONG, T_B, T_EM, T_I, T_SUB, T_SUP, T_Q, T_CITE, T_SMALL,
	T_MARK, T_ABBR, T_U, T_S, T_DEL, T_INS, T_KBD, T_VAR, T_SAMP, T_WBR,
	T_HGROUP, T_BDI, T_BDO, T_DATA, T_RT, T_RP, T_NTAGS
} nf_tag;

/* Element flags. */
enum {
	NF_EL_JUNK = 1 << 0,    /* never content: script, nav, form controls, ... */
	NF_EL_HIDDEN = 1 << 1,  /* hidden, aria-hidden, display:none */
	NF_EL_BLOCK = 1 << 2,   /* starts a new block of text */
	NF_EL_HEADING = 1 << 3, /* h1..h6 */
	NF_EL_NEG = 1 << 4,     /* class/id says furniture (comments, share, ...) */
	NF_EL_POS = 1 << 5,     /* class/id says article body */
	NF_EL_BODYPROP = 1 << 6,/* itemprop=articleBody / articleBody class */
	NF_EL_UNLIKELY = 1 << 7,/* class/id says furniture strongly: dropped unless it holds the article */
	NF_EL_HASBODY = 1 << 8  /* is or contains an NF_EL_BODYPROP element */
};

typedef struct nf_el {
	xmlNode *node;
	uint32_t parent;   /* index of the parent element, UINT32_MAX at the root */
	uint16_t tag;      /* nf_tag */
	uint16_t flags;    /* NF_EL_* */
	int16_t weight;    /* class/id weight, + article-like, - furniture-like */
	uint16_t depth;    /* capped at 65535 */
	uint32_t text;     /* visible characters (code points, not spaces) in the subtree */
	uint32_t own;      /* the same, in this element's own text children */
	uint32_t inl;      /* the same, outside block-level descendants: its own paragraph text */
	uint32_t link;     /* of text, the characters inside <a> */
	uint32_t punct;    /* sentence punctuation (, . ; : and CJK ones) in the subtree */
	uint32_t paras;    /* <p> and <br><br> paragraphs in the subtree */
	uint32_t imgs, lis, inputs, headings, words;
	float score;       /* content score (extract.c) */
} nf_el;

typedef struct nf_html {
	htmlDocPtr doc;
	nf_el *els;        /* every element, in document order */
	size_t nels;
	uint32_t body;     /* index of <body>, or 0 */
} nf_html;

/* Parses a page (already UTF-8, see encoding.h) and fills the element
 * records and their subtree counts. NF_ENOMEM, NF_ETOOBIG or NF_EPARSE
 * (nothing parsed). Free with nf_html_free(). */
nf_status nf_html_parse(nf_html *h, const char *utf8, size_t len);
void nf_html_free(nf_html *h);

/* The record of an element node (NULL for non-elements). */
nf_el *nf_html_el(const nf_html *h, const xmlNode *n);
/* Index of e in h->els. */
#define NF_EL_INDEX(h, e) ((uint32_t)((e) - (h)->els))

/* An attribute's value, borrowed from the tree, or NULL. */
const char *nf_html_attr(const xmlNode *n, const char *name);

/* The next node in document order after n within root (pre-order), or NULL;
 * skip_children jumps over n's subtree. Iterative: depth costs nothing. */
xmlNode *nf_html_next(const xmlNode *n, const xmlNode *root, int skip_children);

/* Appends n's text (all descendant text, whitespace collapsed, junk and
 * hidden elements skipped) to out, trimmed. */
nf_status nf_html_text(const nf_html *h, const xmlNode *n, nf_buf *out);

/* 1 when the tag name of n equals t. */
int nf_html_is(const nf_html *h, const xmlNode *n, nf_tag t);

/* Counts visible characters (code points that are not white space) in
 * s[0..n). */
size_t nf_html_chars(const char *s, size_t n);

#endif
