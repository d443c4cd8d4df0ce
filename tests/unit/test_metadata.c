/*
 * test_metadata.c - what pages say about themselves (metadata.c): title,
 * site, authors, published and modified kept apart with their sources and
 * precision, language, canonical URL, description; never a future date or
 * an article id read as a date.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "page.h"

static nf_ctx *ctx;
/* 2024-06-01T00:00:00Z: dates after it are in the future. */
#define NOW 1717200000LL

static nf_page *extract(const char *html, const char *url)
{
	nf_page *p = NULL;
	nf_extract_options o = NF_EXTRACT_OPTIONS_INIT;
	o.url = url;
	o.now = NOW;
	CHECK(nf_page_extract(&p, ctx, "m.html", html, strlen(html), &o) == NF_OK);
	return p;
}

static const char BODY[] =
	"<body><article><h1>Levee breaks in Marrow</h1><p>The river rose two metres overnight, "
	"and the levee gave way before dawn, officials said on Monday.</p></article></body></html>";

static void test_json_ld(void)
{
	char html[4096];
	snprintf(html, sizeof html,
	         "<html lang=\"en\"><head><title>Levee breaks in Marrow | Valley Gazette</title>"
	         "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
	         "{\"@type\":\"WebSite\",\"name\":\"Valley Gazette\"},"
	         "{\"@type\":\"NewsArticle\",\"headline\":\"Levee breaks in Marrow\","
	         "\"datePublished\":\"2024-03-14T09:30:00+01:00\",\"dateModified\":\"2024-03-15T08:00:00Z\","
	         "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},{\"@type\":\"Person\",\"name\":\"Ben Ode\"}],"
	         "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Valley Gazette\"},"
	         "\"description\":\"A levee broke.\"}]}</script>"
	         "<meta property=\"article:published_time\" content=\"2024-03-13\">"
	         "</head>%s", BODY);
	nf_page *p = extract(html, NULL);
	const nf_page_meta *m = &p->meta;
	CHECK_STR(m->title, "Levee breaks in Marrow");
	CHECK_STR(m->site_name, "Valley Gazette");
	CHECK_INT(m->nauthors, 2);
	CHECK_STR(nf_page_get(p, NF_PAGE_AUTHORS), "Ana Ruiz; Ben Ode");
	/* JSON-LD beats the meta tag; the time and zone are kept */
	CHECK_STR(nf_page_get(p, NF_PAGE_PUBLISHED), "2024-03-14T09:30:00+01:00");
	CHECK_STR(m->published.source, "json-ld:datePublished");
	CHECK_INT(m->published.precision, NF_PREC_MINUTE);
	CHECK_STR(nf_page_get(p, NF_PAGE_MODIFIED), "2024-03-15T08:00:00Z");
	CHECK_STR(m->modified.source, "json-ld:dateModified");
	CHECK_STR(nf_page_get(p, NF_PAGE_LANGUAGE), "en");
	CHECK_STR(nf_page_get(p, NF_PAGE_DESCRIPTION), "A levee broke.");
	nf_page_free(p);
}

static void test_meta_tags(void)
{
	char html[4096];
	snprintf(html, sizeof html,
	         "<html><head><title>Levee breaks - Valley Gazette</title>"
	         "<meta property=\"og:title\" content=\"Levee breaks in Marrow - Valley Gazette\">"
	         "<meta property=\"og:site_name\" content=\"Valley Gazette\">"
	         "<meta property=\"og:locale\" content=\"de_DE\">"
	         "<meta name=\"author\" content=\"By Ana Ruiz and Ben Ode\">"
	         "<meta property=\"article:modified_time\" content=\"2024-03-20\">"
	         "<meta name=\"description\" content=\"  A levee\n broke.  \">"
	         "<link rel=\"canonical\" href=\"https://gazette.example/levee\">"
	         "</head>%s", BODY);
	nf_page *p = extract(html, NULL);
	/* the site's name goes from the end of the title */
	CHECK_STR(nf_page_get(p, NF_PAGE_TITLE), "Levee breaks in Marrow");
	CHECK_STR(nf_page_get(p, NF_PAGE_SITE_NAME), "Valley Gazette");
	CHECK_STR(nf_page_get(p, NF_PAGE_AUTHORS), "Ana Ruiz; Ben Ode");
	CHECK_STR(nf_page_get(p, NF_PAGE_LANGUAGE), "de-DE");
	CHECK_STR(nf_page_get(p, NF_PAGE_URL), "https://gazette.example/levee");
	CHECK_STR(nf_page_get(p, NF_PAGE_DESCRIPTION), "A levee broke.");
	/* modified only: it never becomes the publication date */
	CHECK(nf_page_get(p, NF_PAGE_PUBLISHED) == NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_MODIFIED), "2024-03-20");
	nf_page_free(p);
}

static void test_future_and_impossible_dates(void)
{
	char html[4096];
	snprintf(html, sizeof html,
	         "<html><head><meta property=\"article:published_time\" content=\"2031-01-01\">"
	         "<meta name=\"date\" content=\"2024-02-30\">"
	         "<meta name=\"pubdate\" content=\"1970-01-01\"></head>%s", BODY);
	nf_page *p = extract(html, "https://gazette.example/2024/03/14/levee");
	/* the future, a day that does not exist and the epoch all lose to the path */
	CHECK_STR(nf_page_get(p, NF_PAGE_PUBLISHED), "2024-03-14");
	CHECK_STR(p->meta.published.source, "url");
	nf_page_free(p);
}

static void test_url_dates(void)
{
	static const struct { const char *url, *want; } cases[] = {
		{"https://a.example/2019/08/02/story/", "2019-08-02"},
		{"https://a.example/news/2019-08-02-story", "2019-08-02"},
		{"https://a.example/news/20190802/story", "2019-08-02"},
		{"https://a.example/2019/08/story", "2019-08"},
		/* article ids are not dates */
		{"https://a.example/article/20190802123456", NULL},
		{"https://a.example/story-1234567890.html", NULL},
		{"https://a.example/news/20191399/x", NULL},
		{"https://a.example/id/2019080/x", NULL},
		{"https://a.example/2035/01/01/future", NULL},
		/* the host is not the path */
		{"https://20190802.example/x", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		nf_page *p = extract("<html><body><p>Just a short paragraph of text, with a comma.</p></body></html>",
		                     cases[i].url);
		const char *got = nf_page_get(p, NF_PAGE_PUBLISHED);
		if (cases[i].want)
			CHECK_STR(got, cases[i].want);
		else if (got) {
			fprintf(stderr, "  %s -> %s\n", cases[i].url, got);
			CHECK(!"an id or a future date read from the URL");
		}
		nf_page_free(p);
	}
}

static void test_date_forms(void)
{
	static const struct { const char *in, *want; int prec; } cases[] = {
		{"2019-08-02", "2019-08-02", NF_PREC_DAY},
		{"2019-08-02T14:05:09.123+02:00", "2019-08-02T14:05:09+02:00", NF_PREC_MINUTE},
		{"2019-08-02 14:05", "2019-08-02T14:05:00", NF_PREC_MINUTE},
		{"2019/08/02", "2019-08-02", NF_PREC_DAY},
		{"2019-08", "2019-08", NF_PREC_MONTH},
		{"2019", "2019", NF_PREC_YEAR},
		{"Fri, 02 Aug 2019 14:05:00 GMT", "2019-08-02T14:05:00Z", NF_PREC_MINUTE},
		{"Fri, 2 Aug 2019 14:05:00 -0500", "2019-08-02T14:05:00-05:00", NF_PREC_MINUTE},
		{"August 2, 2019", "2019-08-02", NF_PREC_DAY},
		{"02.08.2019", "2019-08-02", NF_PREC_DAY},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		nf_page_date d;
		CHECK(nf_page_date_parse(cases[i].in, strlen(cases[i].in), NOW, &d));
		CHECK_STR(d.iso, cases[i].want);
		CHECK_INT(d.precision, cases[i].prec);
	}
	nf_page_date d;
	CHECK(!nf_page_date_parse("yesterday", 9, NOW, &d));
	CHECK(!nf_page_date_parse("2024-06-03", 10, NOW, &d)); /* after now */
	CHECK(nf_page_date_parse("2024-06-01", 10, NOW, &d));  /* today */
	CHECK(!nf_page_date_parse("1989-12-31", 10, NOW, &d));
}

static void test_time_element_and_title_fallbacks(void)
{
	nf_page *p = extract("<html><head><title>Only a title tag here | Site</title></head><body>"
	                     "<time datetime=\"2020-05-06\">6 May</time>"
	                     "<p>Some text of the page, long enough to be a paragraph.</p></body></html>",
	                     NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_TITLE), "Only a title tag here");
	CHECK_STR(nf_page_get(p, NF_PAGE_PUBLISHED), "2020-05-06");
	CHECK_STR(p->meta.published.source, "time");
	nf_page_free(p);
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_json_ld);
	RUN(test_meta_tags);
	RUN(test_future_and_impossible_dates);
	RUN(test_url_dates);
	RUN(test_date_forms);
	RUN(test_time_element_and_title_fallbacks);
	nf_ctx_free(ctx);
	return harness_done();
}
