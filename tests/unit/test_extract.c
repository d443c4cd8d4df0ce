/*
 * test_extract.c - main text of web pages (html.c, extract.c, page.c):
 * what is kept (headings, paragraphs, lists, quotes, tables), what goes
 * (navigation, related links, ads, sign-up boxes, cookie notices,
 * comments, captions, share widgets), and the public nf_page calls.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static nf_ctx *ctx;

/* The main text of html, in a static buffer ("" when extraction failed). */
static const char *text_of(const char *html)
{
	static char out[1 << 16];
	nf_page *p = NULL;
	out[0] = '\0';
	if (nf_page_extract(&p, ctx, "t.html", html, strlen(html), NULL) == NF_OK) {
		size_t n;
		const char *t = nf_page_text(p, &n);
		snprintf(out, sizeof out, "%s", t);
		CHECK_INT(strlen(t), n);
	}
	nf_page_free(p);
	return out;
}

static const char PARA1[] =
	"<p>The river rose two metres overnight, and the town's levee, built in 1961, gave way "
	"shortly before dawn on Monday, officials said.</p>";
static const char PARA2[] =
	"<p>Rescue teams, backed by about 300 soldiers, reached the flooded districts by boat, "
	"while residents waited on rooftops for help.</p>";
static const char PARA3[] =
	"<p>The regional governor said that at least 12 people had died, and that the number "
	"could rise as the water went down.</p>";

static char *page(const char *before, const char *inside, const char *after)
{
	static char buf[1 << 15];
	snprintf(buf, sizeof buf,
	         "<!DOCTYPE html><html><head><title>Levee breaks in Marrow - Valley Gazette</title>"
	         "</head><body>%s<div class=\"article-body\"><h1>Levee breaks in Marrow</h1>%s%s%s%s</div>%s"
	         "</body></html>",
	         before, PARA1, inside, PARA2, PARA3, after);
	return buf;
}

static void test_boilerplate_goes(void)
{
	const char *t = text_of(page(
		"<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/w\">World news</a></li></ul></nav>"
		"<div id=\"cookie-banner\">We use cookies to improve your experience. Accept all cookies?</div>",
		"<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>"
		"<figure><img src=\"a.jpg\"><figcaption>Soldiers carry sandbags. Photo: Agency</figcaption></figure>"
		"<div class=\"newsletter-signup\"><p>Sign up for our morning newsletter, it is free and you can "
		"unsubscribe at any time.</p><form><input type=\"email\"><button>Go</button></form></div>"
		"<div class=\"ad-slot\">Advertisement</div>",
		"<aside class=\"related-articles\"><h2>Related</h2><ul><li><a href=\"/1\">Storm hits the "
		"coast overnight</a></li><li><a href=\"/2\">Dam inspection ordered by the regional "
		"council</a></li></ul></aside>"
		"<section id=\"comments\"><h3>3 comments</h3><p>This is terrible, my thoughts are with "
		"everyone in the town, truly awful news.</p></section>"
		"<footer><p>Copyright 2024 Valley Gazette. All rights reserved.</p></footer>"));
	CHECK(strstr(t, "gave way shortly before dawn") != NULL);
	CHECK(strstr(t, "waited on rooftops") != NULL);
	CHECK(strstr(t, "could rise as the water went down") != NULL);
	static const char *const gone[] = {
		"World news", "cookies", "Share on Facebook", "Photo: Agency", "newsletter",
		"Advertisement", "Storm hits", "Related", "thoughts are with", "comments",
		"rights reserved", "Levee breaks in Marrow"};
	for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
		if (strstr(t, gone[i])) {
			fprintf(stderr, "  kept: %s\n", gone[i]);
			CHECK(!"furniture kept");
		}
	/* paragraphs stay paragraphs */
	CHECK(strstr(t, "officials said.\n\nRescue teams") != NULL);
}

static void test_structure_kept(void)
{
	const char *t = text_of(page("",
		"<h2>What happened</h2>"
		"<ul><li>The levee broke at 5 a.m.</li><li>Roads to the north were closed.</li></ul>"
		"<blockquote><p>We have never seen water like this in the valley, said one farmer.</p></blockquote>"
		"<table><tr><th>District</th><th>Homes flooded</th></tr><tr><td>North</td><td>420</td></tr></table>"
		"<pre>level  7.2 m\nlevel  7.9 m</pre>",
		""));
	CHECK(strstr(t, "What happened") != NULL);
	CHECK(strstr(t, "The levee broke at 5 a.m.\nRoads to the north were closed.") != NULL);
	CHECK(strstr(t, "never seen water like this") != NULL);
	/* cells a tab apart, which the text normaliser makes one space */
	CHECK(strstr(t, "District Homes flooded\nNorth 420") != NULL);
	CHECK(strstr(t, "level 7.2 m\nlevel 7.9 m") != NULL);
}

static void test_heading_without_content(void)
{
	/* "More on this" announced a link list that went as furniture */
	const char *t = text_of(page("", "",
		"<h2>More on this story</h2><ul><li><a href=\"/a\">A quite long headline of another "
		"story</a></li><li><a href=\"/b\">And yet another long headline here</a></li></ul>"));
	CHECK(strstr(t, "More on this story") == NULL);
	CHECK(strstr(t, "yet another") == NULL);
	CHECK(strstr(t, "could rise") != NULL);
}

static void test_hidden_and_scripts(void)
{
	const char *t = text_of(page("<script>var x = '<p>not text, from a script</p>';</script>",
		"<p style=\"display: none\">A hidden paragraph that should not appear at all.</p>"
		"<p hidden>Another hidden paragraph that should not appear either.</p>"
		"<style>p { color: red }</style>"
		"<p style=\"display: hidden\">Invalid CSS does not hide this paragraph, browsers show it.</p>",
		""));
	CHECK(strstr(t, "not text") == NULL);
	CHECK(strstr(t, "hidden paragraph") == NULL);
	CHECK(strstr(t, "color") == NULL);
	CHECK(strstr(t, "browsers show it") != NULL);
}

static void test_whole_page_in_broken_nav(void)
{
	/* an unclosed <nav> leaves the article inside it */
	char html[4096];
	snprintf(html, sizeof html,
	         "<html><body><nav class=\"navbar\"><a href=\"/\">Home</a><div><h1>Title here</h1>%s%s%s</div>"
	         "</body></html>", PARA1, PARA2, PARA3);
	const char *t = text_of(html);
	CHECK(strstr(t, "gave way") != NULL);
	CHECK(strstr(t, "rooftops") != NULL);
}

static void test_layout_named_as_furniture(void)
{
	/* a layout wrapper named for its sidebar holds the whole article, while
	 * the page's menu and footer hold much of its text */
	char html[8192], links[2048] = "";
	for (int i = 0; i < 30; i++)
		strcat(links, "<a href=\"/x\">Section link</a> ");
	snprintf(html, sizeof html,
	         "<html><body><div class=\"menu\">%s</div><div class=\"row fixed-sidebar-layout\">"
	         "<div class=\"main\"><h1>Title here</h1>%s%s%s</div>"
	         "<div class=\"rail\">Most read today</div></div><div class=\"links\">%s</div>"
	         "</body></html>", links, PARA1, PARA2, PARA3, links);
	const char *t = text_of(html);
	CHECK(strstr(t, "gave way") && strstr(t, "rooftops") && strstr(t, "could rise"));
}

static void test_announcing_lines_go(void)
{
	/* a line that announces other articles is not the article's */
	char html[4096];
	snprintf(html, sizeof html,
	         "<html><body><article><h1>Title here</h1>%s%s<h3>Mehr zum Thema</h3>%s"
	         "<p>Lade weitere Inhalte</p></article></body></html>", PARA1, PARA2, PARA3);
	const char *t = text_of(html);
	CHECK(strstr(t, "gave way") && strstr(t, "rooftops") && strstr(t, "could rise"));
	CHECK(strstr(t, "Mehr zum Thema") == NULL);
	CHECK(strstr(t, "Lade weitere") == NULL);
}

static void test_article_split_over_containers(void)
{
	char html[4096];
	snprintf(html, sizeof html,
	         "<html><body><div class=\"col\"><div class=\"box\">%s</div></div>"
	         "<div class=\"col\"><div class=\"box\">%s</div></div>"
	         "<div class=\"col\"><div class=\"box\">%s</div></div></body></html>",
	         PARA1, PARA2, PARA3);
	const char *t = text_of(html);
	CHECK(strstr(t, "gave way") && strstr(t, "rooftops") && strstr(t, "could rise"));
}

static void test_deep_nesting(void)
{
	size_t depth = 20000, cap = depth * 11 + 1024, n = 0;
	char *s = malloc(cap);
	n += (size_t)snprintf(s + n, cap - n, "<html><body>");
	for (size_t i = 0; i < depth; i++)
		n += (size_t)snprintf(s + n, cap - n, "<div>");
	n += (size_t)snprintf(s + n, cap - n, "a label deep down");
	for (size_t i = 0; i < depth; i++)
		n += (size_t)snprintf(s + n, cap - n, "</div>");
	snprintf(s + n, cap - n, "<div>%s%s%s</div></body></html>", PARA1, PARA2, PARA3);
	const char *t = text_of(s);
	/* the article after 20,000 levels of nesting is found whole */
	CHECK(strstr(t, "gave way") != NULL);
	CHECK(strstr(t, "rooftops") != NULL);
	CHECK(strstr(t, "could rise") != NULL);
	free(s);
}

static void test_page_api(void)
{
	nf_page *p = NULL;
	const char *html = page("", "", "");
	CHECK(nf_page_extract(&p, ctx, "p.html", html, strlen(html), NULL) == NF_OK);
	CHECK_STR(nf_page_get(p, NF_PAGE_TITLE), "Levee breaks in Marrow");
	CHECK_STR(nf_page_get(p, NF_PAGE_ENCODING), "UTF-8");
	char *out = NULL;
	size_t len = 0;
	CHECK(nf_page_render(&out, &len, p, NF_FORMAT_TEXT) == NF_OK);
	CHECK(out && !strncmp(out, "Levee breaks in Marrow\n\nThe river rose", 38));
	nf_free(out);
	CHECK(nf_page_render(&out, &len, p, NF_FORMAT_JSON) == NF_OK);
	json_object *j = out ? json_tokener_parse(out) : NULL;
	CHECK_STR(hj_str(j, "schema"), "newsfuse.extract/1");
	CHECK_STR(hj_str(hj_get(j, "title"), "source"), "h1");
	CHECK(hj_contains(hj_str(j, "text"), "rooftops"));
	json_object_put(j);
	nf_free(out);
	CHECK(nf_page_render(&out, &len, p, NF_FORMAT_HTML) == NF_EINVAL);
	nf_page_free(p);
	/* no text at all: an error naming the input */
	CHECK(nf_page_extract(&p, ctx, "empty.html", "<html><body> </body></html>", 27, NULL) == NF_OK ||
	      strstr(nf_ctx_errmsg(ctx), "empty.html"));
	nf_page_free(p);
	p = NULL;
	CHECK(nf_page_extract(&p, ctx, "blank.html", "   ", 3, NULL) == NF_EEMPTY);
	CHECK(strstr(nf_ctx_errmsg(ctx), "blank.html") != NULL);
	CHECK(p == NULL);
	/* a compressed file is binary, named with the offset; UTF-16's NULs are text */
	static const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03<html>";
	CHECK(nf_page_extract(&p, ctx, "page.gz", gz, sizeof gz - 1, NULL) == NF_EUTF8);
	CHECK(strstr(nf_ctx_errmsg(ctx), "page.gz: binary data") != NULL);
	CHECK(strstr(nf_ctx_errmsg(ctx), "offset 3") != NULL);
	CHECK(p == NULL);
	/* a stray run of NULs deep in a real page is dropped, not a reason to
	 * refuse the page */
	size_t plen = 0;
	char *padded = malloc(12000);
	CHECK(padded != NULL);
	plen += (size_t)sprintf(padded, "<html><body><p>The river rose over the levee.</p><!--");
	while (plen < 9000)
		padded[plen++] = 'x';
	plen += (size_t)sprintf(padded + plen, "--><img src=\"a.gif\">");
	memset(padded + plen, 0, 10);
	plen += 10;
	plen += (size_t)sprintf(padded + plen, "<p>Crews worked through the night.</p></body></html>");
	CHECK(nf_page_extract(&p, ctx, "padded.html", padded, plen, NULL) == NF_OK);
	CHECK(strstr(nf_page_text(p, NULL), "Crews worked through the night.") != NULL);
	nf_page_free(p);
	free(padded);
	static const char u16[] = "\xff\xfe<\0p\0>\0T\0h\0e\0 \0r\0i\0v\0e\0r\0 \0r\0o\0s\0e\0.\0";
	CHECK(nf_page_extract(&p, ctx, "u16.html", u16, sizeof u16 - 1, NULL) == NF_OK);
	CHECK_STR(nf_page_text(p, NULL), "The river rose.");
	nf_page_free(p);
	nf_page_free(NULL);
}

/* An author whose name is control characters only normalizes to nothing:
 * the page has no author, and every format renders (a fuzzer found the
 * JSON renderer reading the NULL left in the list). */
static void test_author_of_nothing(void)
{
	const char *base = page("", "", ""), *head = strstr(base, "</head>");
	CHECK(head != NULL);
	if (!head)
		return;
	char html[1 << 15];
	snprintf(html, sizeof html, "%.*s<meta name=\"author\" content=\"\x12\x12\x12\">%s",
	         (int)(head - base), base, head);
	nf_page *p = NULL;
	CHECK(nf_page_extract(&p, ctx, "a.html", html, strlen(html), NULL) == NF_OK);
	CHECK(nf_page_get(p, NF_PAGE_AUTHORS) == NULL);
	char *out = NULL;
	size_t len = 0;
	CHECK(nf_page_render(&out, &len, p, NF_FORMAT_JSON) == NF_OK);
	json_object *j = out ? json_tokener_parse(out) : NULL, *authors = NULL;
	CHECK(json_object_object_get_ex(j, "authors", &authors) && json_object_array_length(authors) == 0);
	json_object_put(j);
	nf_free(out);
	CHECK(nf_page_render(&out, &len, p, NF_FORMAT_TEXT) == NF_OK);
	nf_free(out);
	nf_page_free(p);
}

static void test_html_into_corpus(void)
{
	nf_corpus *c = NULL;
	CHECK(nf_corpus_new(&c, ctx) == NF_OK);
	const char *html = page("", "", "");
	CHECK(nf_corpus_add(c, "news/levee.html", html, strlen(html), NF_INPUT_AUTO) == NF_OK);
	CHECK(nf_corpus_add(c, "bad.html", "<html><body></body></html>", 26, NF_INPUT_HTML) != NF_OK);
	CHECK(strstr(nf_ctx_errmsg(ctx), "bad.html") != NULL);
	CHECK_INT(nf_corpus_count(c), 1);
	nf_brief *b = NULL;
	CHECK(nf_brief_build(&b, c, NULL) == NF_OK);
	char *out = NULL;
	size_t len;
	CHECK(nf_brief_render(&out, &len, b, NF_FORMAT_JSON, 0) == NF_OK);
	json_object *j = out ? json_tokener_parse(out) : NULL;
	json_object *src = hj_at(hj_get(j, "sources"), 0);
	CHECK_STR(hj_str(src, "title"), "Levee breaks in Marrow");
	CHECK_STR(hj_str(src, "id"), "levee");
	json_object_put(j);
	nf_free(out);
	nf_brief_free(b);
	nf_corpus_free(c);
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_boilerplate_goes);
	RUN(test_structure_kept);
	RUN(test_heading_without_content);
	RUN(test_hidden_and_scripts);
	RUN(test_whole_page_in_broken_nav);
	RUN(test_layout_named_as_furniture);
	RUN(test_announcing_lines_go);
	RUN(test_article_split_over_containers);
	RUN(test_deep_nesting);
	RUN(test_page_api);
	RUN(test_author_of_nothing);
	RUN(test_html_into_corpus);
	nf_ctx_free(ctx);
	return harness_done();
}
