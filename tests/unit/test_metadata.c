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
	/* modified only: it never becomes the publication date, but it is the
	 * page's date */
	CHECK(nf_page_get(p, NF_PAGE_PUBLISHED) == NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_MODIFIED), "2024-03-20");
	CHECK_STR(nf_page_get(p, NF_PAGE_DATE), "2024-03-20");
	CHECK_STR(p->meta.date_of, "modified");
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
		{"https://a.example/home/2017/7/12/story", "2017-07-12"},
		{"https://a.example/meldungen/29-10-2021", "2021-10-29"},
		/* article ids are not dates */
		{"https://a.example/article/20190802123456", NULL},
		{"https://a.example/story-1234567890.html", NULL},
		{"https://a.example/news/20191399/x", NULL},
		{"https://a.example/news/20190024/x", NULL},
		{"https://a.example/story/20190800/x", NULL},
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
		{"2022-5-5 22:17:36", "2022-05-05T22:17:36", NF_PREC_MINUTE},
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

/* The headline is the heading the page's own titles name, not an <h1>
 * of a widget; kickers in <small> or a child element are left out. */
static void test_headline_agreement(void)
{
	nf_page *p = extract("<html><head><title>Tide turns at Marrow | Valley Gazette</title>"
	                     "<meta property=\"og:title\" content=\"Tide turns at Marrow\"></head><body>"
	                     "<h1>Valley Gazette</h1><div><h1>Newsletter sign-up</h1>"
	                     "<p>Get the news every morning, in your inbox, for free.</p></div>"
	                     "<h2>Tide turns at Marrow</h2><p>The river fell a metre overnight, "
	                     "officials said, and the levee held.</p></body></html>", NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_TITLE), "Tide turns at Marrow");
	CHECK_STR(p->meta.title_source, "h2");
	nf_page_free(p);

	p = extract("<html><head><meta property=\"og:title\" content=\"Big tasks for the new government\">"
	            "</head><body><article><h1><small>Tunisia</small><br>Big tasks for the new government</h1>"
	            "<p>The new prime minister named her cabinet on Monday, officials said.</p>"
	            "</article></body></html>", NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_TITLE), "Big tasks for the new government");
	nf_page_free(p);

	/* a heading split into elements keeps the page's own separators */
	p = extract("<html><head><meta property=\"og:title\" content=\"Skoda: The long road to power\">"
	            "</head><body><article><h1><span>Skoda</span> <span>The long road to power</span></h1>"
	            "<p>The carmaker said on Monday that it would build a new plant.</p>"
	            "</article></body></html>", NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_TITLE), "Skoda: The long road to power");
	nf_page_free(p);

	/* a date stamp that opens a title is the page's, not its headline's */
	p = extract("<html><head><title>23.01.2022 - Wierer wins the last race</title></head>"
	            "<body><p>Some text of the page, long enough to be a paragraph.</p></body></html>", NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_TITLE), "Wierer wins the last race");
	nf_page_free(p);
}

/* Dates a reader sees: labelled ones, stamps by the headline, datelines;
 * never a teaser's, a comment's or the clock's. */
static void test_text_dates(void)
{
	nf_page *p = extract("<html><body><div class=\"clock\">Aktuelle Zeit: 14.10.2020, 12:18</div>"
	                     "<h1>Levee breaks in Marrow</h1><p>The river rose two metres overnight, "
	                     "and the levee gave way before dawn.</p>"
	                     "<p class=\"info\">Erschienen am: 01.11.2023</p>"
	                     "<p class=\"info\">Letzte &Auml;nderung: 02.11.2023</p></body></html>", NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_PUBLISHED), "2023-11-01");
	CHECK_STR(p->meta.published.source, "text");
	CHECK_STR(nf_page_get(p, NF_PAGE_MODIFIED), "2023-11-02");
	nf_page_free(p);

	/* a two-digit year by the headline; the teaser's date is another article's */
	p = extract("<html><body><ul><li><a href=\"/a\">An older story about the river, its banks and the town that grew beside it</a>"
	            "<span class=\"date\">01.01.21</span></li></ul><h1>Levee breaks in Marrow</h1>"
	            "<div class=\"post-date\">Valley Gazette - 23.09.22</div><p>The river rose two metres "
	            "overnight, and the levee gave way before dawn.</p></body></html>", NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_PUBLISHED), "2022-09-23");
	nf_page_free(p);

	/* the lead's dateline; a comment's date is not the page's */
	p = extract("<html><body><h1>Levee breaks in Marrow</h1><p>Marrow, (12.11.2021). The river rose "
	            "two metres overnight, and the levee gave way before dawn, officials said on Monday "
	            "after a night of rain over the whole of the valley and the hills above it, where "
	            "the streams had been full for a week already.</p><div class=\"comments\">"
	            "<span class=\"date\">13.11.2021</span> Terrible news.</div></body></html>", NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_PUBLISHED), "2021-11-12");
	nf_page_free(p);
}

/* The page's date as a reader sees it, published and modified kept apart. */
static void test_page_date(void)
{
	/* the page shows its update: that is its date; published stays */
	nf_page *p = extract("<html><head><meta property=\"article:published_time\" "
	                     "content=\"2021-11-22T10:00:00+01:00\"><meta property=\"article:modified_time\" "
	                     "content=\"2023-01-01T09:00:00+01:00\"></head><body><h1>Wellness hotels</h1>"
	                     "<div class=\"byline\">01.01.2023</div><p>Twelve hotels to rest in, "
	                     "from the coast to the mountains.</p></body></html>", NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_PUBLISHED), "2021-11-22T10:00:00+01:00");
	CHECK_STR(nf_page_get(p, NF_PAGE_DATE), "2023-01-01T09:00:00+01:00");
	CHECK_STR(p->meta.date_of, "modified");
	char *json = NULL;
	CHECK(nf_page_render(&json, NULL, p, NF_FORMAT_JSON) == NF_OK);
	CHECK(json && strstr(json, "\"of\":\"modified\"") != NULL);
	nf_free(json);
	nf_page_free(p);

	/* a UTC time after midnight is the day before in the Americas, as shown */
	p = extract("<html><head><meta property=\"article:published_time\" "
	            "content=\"2022-05-04T00:44:52Z\"></head><body><h1>Senate votes</h1>"
	            "<div class=\"date\">03/05/2022</div><p>The senate voted late on Tuesday, "
	            "after a long debate.</p></body></html>", NULL);
	CHECK_STR(nf_page_get(p, NF_PAGE_PUBLISHED), "2022-05-04T00:44:52Z");
	CHECK_STR(nf_page_get(p, NF_PAGE_DATE), "2022-05-03");
	CHECK_STR(p->meta.date_of, "published");
	nf_page_free(p);

	/* the path's day beats a UTC time a day off, and a template's date */
	p = extract("<html><head><meta property=\"article:published_time\" "
	            "content=\"2020-02-25T02:25:54Z\"></head><body><p>Some text of the page, "
	            "long enough to be a paragraph.</p></body></html>",
	            "https://a.example/2020/02/24/story/");
	CHECK_STR(nf_page_get(p, NF_PAGE_PUBLISHED), "2020-02-24");
	CHECK_STR(p->meta.published.source, "url");
	nf_page_free(p);
	p = extract("<html><head><meta property=\"article:published_time\" "
	            "content=\"2020-02-19T18:37:32+01:00\"></head><body><p>Some text of the page, "
	            "long enough to be a paragraph.</p></body></html>",
	            "https://a.example/2020/02/18/story/");
	CHECK_STR(nf_page_get(p, NF_PAGE_PUBLISHED), "2020-02-19T18:37:32+01:00");
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
	RUN(test_headline_agreement);
	RUN(test_text_dates);
	RUN(test_page_date);
	nf_ctx_free(ctx);
	return harness_done();
}
