/*
 * test_html_pathological.c - hostile and extreme web pages and feeds, each
 * with a time limit, through nf_page_extract() and the corpus: 10 MB
 * pages (one paragraph; a million small ones), nesting 10,000 and 100,000
 * deep, tag soup, a million attributes, huge and deeply nested JSON-LD, a
 * feed of 50,000 items. Each must come back (or fail cleanly) in bounded
 * time, and the whole run within a memory bound.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "harness.h"

static nf_ctx *ctx;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sanitizer builds run several times slower; limits allow for that. */
static double limit(double seconds)
{
	return getenv("NF_SLOW") ? seconds * 8 : seconds;
}

typedef struct sbuf {
	char *s;
	size_t n, cap;
} sbuf;

static void put(sbuf *b, const char *s)
{
	size_t l = strlen(s);
	if (b->n + l + 1 > b->cap) {
		b->cap = (b->n + l + 1) * 2;
		b->s = realloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, l + 1);
	b->n += l;
}

/* Extracts b; returns seconds taken and sets *chars to the text's length
 * (0 when it failed). */
static double time_page(const sbuf *b, size_t *chars)
{
	nf_page *p = NULL;
	double t0 = now();
	nf_status st = nf_page_extract(&p, ctx, "hostile.html", b->s, b->n, NULL);
	char *json = NULL;
	size_t jl = 0;
	if (!st)
		st = nf_page_render(&json, &jl, p, NF_FORMAT_JSON);
	double t = now() - t0;
	*chars = 0;
	if (!st)
		nf_page_text(p, chars);
	nf_free(json);
	nf_page_free(p);
	return t;
}

static void test_ten_mb_paragraph(void)
{
	sbuf b = {0};
	put(&b, "<html><body><p>");
	while (b.n < (10u << 20))
		put(&b, "word, ");
	put(&b, "</p></body></html>");
	size_t chars;
	double t = time_page(&b, &chars);
	CHECK(chars > (8u << 20));
	CHECK(t < limit(5));
	free(b.s);
}

static void test_million_paragraphs(void)
{
	sbuf b = {0};
	put(&b, "<html><body><div>");
	while (b.n < (10u << 20))
		put(&b, "<p>One short line.</p>");
	put(&b, "</div></body></html>");
	size_t chars;
	double t = time_page(&b, &chars);
	CHECK(chars > 0);
	CHECK(t < limit(10));
	free(b.s);
}

static void test_deep_nesting(void)
{
	static const size_t depths[] = {10000, 100000};
	for (size_t k = 0; k < 2; k++) {
		sbuf b = {0};
		put(&b, "<html><body>");
		for (size_t i = 0; i < depths[k]; i++)
			put(&b, "<div><span>level, text</span>");
		for (size_t i = 0; i < depths[k]; i++)
			put(&b, "</div>");
		put(&b, "<p>The end of the page, after all the nesting, with a comma.</p></body></html>");
		size_t chars;
		double t = time_page(&b, &chars);
		CHECK(chars > 0);
		CHECK(t < limit(5));
		free(b.s);
	}
}

static void test_tag_soup(void)
{
	static const char *const bits[] = {
		"<div", ">", "</p>", "<p class='x", "\"", "<table><td>", "</tr>", "<!--", "-->", "<script>",
		"</script>", "&amp", "&#x", "<a href=", "text, more text. ", "<br/>", "</", "<ul><li>", "\xC3",
		"<h2>", "</div></div></div>", "<![CDATA[", "]]>", "<?php", "<svg><g>", "<math>", "<noscript>"};
	sbuf b = {0};
	unsigned seed = 12345;
	while (b.n < (2u << 20)) {
		seed = seed * 1103515245u + 12345u;
		put(&b, bits[(seed >> 16) % (sizeof bits / sizeof *bits)]);
	}
	size_t chars;
	double t = time_page(&b, &chars);
	CHECK(t < limit(5));
	free(b.s);
}

static void test_attributes_and_metadata(void)
{
	sbuf b = {0};
	put(&b, "<html><head>");
	for (int i = 0; i < 20000; i++)
		put(&b, "<meta name=\"date\" content=\"2019-08-02\"><meta property=\"og:title\" content=\"T\">");
	put(&b, "<script type=\"application/ld+json\">");
	for (int i = 0; i < 5000; i++)
		put(&b, "[{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"author\":[{\"name\":\"A\"}],");
	put(&b, "\"x\":1}</script><script type=\"application/ld+json\">{\"@graph\":[");
	for (int i = 0; i < 100000; i++)
		put(&b, "{\"@type\":\"Article\",\"datePublished\":\"2019-08-02\"},");
	put(&b, "{}]}</script></head><body><div");
	for (int i = 0; i < 200000; i++)
		put(&b, " class=\"comment share x\" data-a=\"1\"");
	put(&b, "><p>Some text of the article, with a comma.</p>");
	for (int i = 0; i < 50000; i++)
		put(&b, "<time datetime=\"2019-08-02\">x</time><a rel=\"author\">By A</a>");
	put(&b, "</div></body></html>");
	size_t chars;
	double t = time_page(&b, &chars);
	CHECK(t < limit(10));
	free(b.s);
}

static void test_big_feed(void)
{
	sbuf b = {0};
	put(&b, "<?xml version=\"1.0\"?><rss><channel><title>Big</title>");
	for (int i = 0; i < 50000; i++)
		put(&b, "<item><title>Item</title><pubDate>Thu, 14 Mar 2024 09:30:00 +0000</pubDate>"
		        "<description>&lt;p&gt;The levee broke and 12 people died.&lt;/p&gt;</description></item>");
	put(&b, "</channel></rss>");
	nf_corpus *c = NULL;
	CHECK(nf_corpus_new(&c, ctx) == NF_OK);
	double t0 = now();
	CHECK(nf_corpus_add(c, "big.rss", b.s, b.n, NF_INPUT_AUTO) == NF_OK);
	CHECK(now() - t0 < limit(10));
	CHECK_INT(nf_corpus_count(c), 50000);
	nf_corpus_free(c);
	free(b.s);
}

static void test_memory_bound(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	/* the largest input here is 10 MB; a few hundred bytes of tree per byte
	 * of markup would be a leak or a blow-up */
	if (!getenv("NF_SLOW"))
		CHECK(ru.ru_maxrss < 2L * 1024 * 1024); /* KB: 2 GB */
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_ten_mb_paragraph);
	RUN(test_million_paragraphs);
	RUN(test_deep_nesting);
	RUN(test_tag_soup);
	RUN(test_attributes_and_metadata);
	RUN(test_big_feed);
	RUN(test_memory_bound);
	nf_ctx_free(ctx);
	return harness_done();
}
