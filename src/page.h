/*
 * page.h - what extraction finds in one web page: the main text and the
 * metadata, each field with where it came from. Shared by the extractor
 * (extract.c), the metadata reader (metadata.c), feeds (feed.c), ingest
 * and the public nf_page functions (page.c).
 */
#ifndef NF_PAGE_H
#define NF_PAGE_H

#include "encoding.h"
#include "html.h"
#include "model.h"

/* How precise a page date is. */
typedef enum nf_precision {
	NF_PREC_NONE = 0,
	NF_PREC_YEAR,
	NF_PREC_MONTH,
	NF_PREC_DAY,
	NF_PREC_MINUTE, /* a time of day too (seconds kept when given) */
} nf_precision;

typedef struct nf_page_date {
	nf_date date;
	int hour, minute, second;
	int tz;            /* offset from UTC in minutes, when has_tz */
	int has_tz;
	nf_precision precision;
	const char *source; /* "json-ld:datePublished", "meta:article:published_time", "time", "url", "text" */
	char iso[32];       /* rendered as precise as known */
} nf_page_date;

typedef struct nf_page_meta {
	const char *title, *title_source;
	const char *site_name, *site_source;
	const char **authors;
	size_t nauthors;
	const char *authors_source;
	nf_page_date published, modified;
	nf_page_date date;  /* the page's date as its reader sees it (metadata.c's
	                       page_date()): one of the two, or the publication
	                       in the site's zone; precision NONE when neither */
	const char *date_of; /* "published" or "modified", NULL when no date */
	const char *language, *canonical_url, *description;
	const char *joined_authors; /* "A; B" */
	const char *article_body; /* JSON-LD articleBody, as the page gives it, or NULL */
	uint32_t title_el;  /* the headline's element in the parsed page, UINT32_MAX
	                       when none; valid only while that parse lives */
} nf_page_meta;

struct nf_page {
	nf_ctx *ctx;
	nf_arena arena;
	const char *name;
	nf_encoding enc;
	char *text;         /* main text, NUL-terminated */
	size_t text_len;
	size_t paragraphs;
	nf_page_meta meta;
};

/* The whole extraction of one page into p (whose arena, ctx and name are
 * set): decode, parse, main text, metadata. opts may be NULL. Errors are
 * reported on p->ctx naming p->name: NF_EEMPTY for a page with no text,
 * NF_EUTF8 for binary data. */
nf_status nf_page_fill(nf_page *p, const char *data, size_t len,
                       const nf_extract_options *opts);

/* extract.c: the main text of a parsed page, appended to out; *paras
 * counts its paragraphs. meta (the page's, from nf_extract_meta) gives the
 * headline, left out of the text and used to find where the article
 * starts; NULL for a fragment: the whole input is content (a feed item's
 * HTML), so only junk and furniture are dropped. */
nf_status nf_extract_text(const nf_html *h, const nf_page_meta *meta, nf_buf *out,
                          size_t *paras);

/* metadata.c: everything the page says about itself. url may be NULL; now
 * is the Unix time no date may pass. */
nf_status nf_extract_meta(const nf_html *h, nf_arena *a, const char *url,
                          long long now, nf_page_meta *m);

/* metadata.c: parses a date as pages write them (ISO 8601, RFC 822 from
 * feeds, "2019-08-02 14:05", "02.08.2019") into d; 0 when it is not one or
 * lies after now. */
int nf_page_date_parse(const char *s, size_t n, long long now, nf_page_date *d);

/* A month: two dates of a page further apart than this are not the same
 * day written twice, one of them wrong by its time zone or its draft, but
 * another date (a template's, a re-save's): metadata.c's machine dates
 * against the URL's, ingest.c's records' dates against theirs. */
#define NF_OTHER_DATE_DAYS 31

/* metadata.c: the date in a URL's path: /2019/08/02/ or /2019/8/2/,
 * -2019-08-02, a lone /20190802/ segment or /02-08-2019 (day); /2019/08/
 * (month). Never a run of digits longer than a date (an article id), nor
 * one after now (0: no bound). Returns the precision found (NF_PREC_NONE,
 * MONTH or DAY) with d set. */
nf_precision nf_page_url_date(const char *url, long long now, nf_page_date *d);

#endif
