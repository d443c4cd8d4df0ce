/*
 * feed.h - RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one callback per item.
 */
#ifndef NF_FEED_H
#define NF_FEED_H

#include "page.h"

typedef struct nf_feed_item {
	const char *feed_title;  /* the channel's title: the outlet */
	const char *title, *link, *id, *author;
	const char *body;        /* content:encoded, content, description or summary */
	int body_is_html;        /* body is (escaped) HTML, not plain text */
	nf_page_date published, modified;
	size_t index;            /* 1-based position in the feed */
} nf_feed_item;

/* Called once per item; the strings are borrowed for the call. A non-zero
 * status stops the walk and is returned. */
typedef nf_status (*nf_feed_fn)(void *userdata, const nf_feed_item *item);

/* Parses the feed in utf8[0..len) (see encoding.h) and calls fn for each
 * item in order. NF_EPARSE when it is not a feed; *items counts them. */
nf_status nf_feed_parse(const char *utf8, size_t len, long long now,
                        nf_feed_fn fn, void *userdata, size_t *items);

/* What the bytes look like: NF_INPUT_FEED (an XML document whose root is
 * rss, feed or rdf:RDF), NF_INPUT_HTML (markup as browsers sniff it:
 * a doctype, <html>, <head>, <body>, <p>, ... first) or NF_INPUT_AUTO
 * when neither. */
nf_input nf_markup_sniff(const char *data, size_t len);

/* The plain text of an HTML fragment (a feed item's body), appended to
 * out: every block kept except junk and furniture. */
nf_status nf_fragment_text(nf_buf *out, const char *html, size_t len);

#endif
