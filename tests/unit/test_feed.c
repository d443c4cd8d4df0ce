/*
 * test_feed.c - RSS 2.0, RSS 1.0 and Atom feeds (feed.c) and sniffing
 * pages and feeds by content, through the corpus as a user adds them.
 */
#include <stdio.h>
#include <string.h>

#include "feed.h"
#include "harness.h"
#include "stages.h"

static nf_ctx *ctx;
static int warnings;

static void on_warn(void *ud, const char *msg)
{
	(void)ud;
	(void)msg;
	warnings++;
}

static nf_corpus *add(const char *name, const char *s, nf_input kind, nf_status *st)
{
	nf_corpus *c = NULL;
	nf_corpus_new(&c, ctx);
	warnings = 0;
	*st = nf_corpus_add(c, name, s, strlen(s), kind);
	return c;
}

static const char RSS[] =
	"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
	"<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
	"xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Valley Gazette</title>"
	"<item><title>Levee breaks in Marrow</title><link>https://gazette.example/levee</link>"
	"<guid>g-1</guid><pubDate>Thu, 14 Mar 2024 09:30:00 +0000</pubDate><dc:creator>Ana Ruiz</dc:creator>"
	"<description>Teaser only.</description>"
	"<content:encoded><![CDATA[<p>The levee broke on Monday and 12 people died, officials said.</p>"
	"<script>alert(1)</script><p>About 300 soldiers were deployed to the caf\xE9.</p>]]></content:encoded></item>"
	"<item><title>Flood recedes</title><description>&lt;p&gt;Floodwaters began to recede on "
	"Friday.&lt;/p&gt;</description></item>"
	"<item><title>Empty item</title></item>"
	"</channel></rss>";

static void test_rss(void)
{
	nf_status st;
	nf_corpus *c = add("gazette.xml", RSS, NF_INPUT_AUTO, &st);
	CHECK(st == NF_OK);
	CHECK_INT(nf_corpus_count(c), 2);
	CHECK_INT(warnings, 1); /* the item without text */
	nf_doc *d = NF_DOC(c, 0);
	CHECK_STR(d->title, "Levee breaks in Marrow");
	CHECK_STR(d->outlet, "Valley Gazette");
	CHECK_STR(d->url, "https://gazette.example/levee");
	CHECK_STR(d->byline, "By Ana Ruiz");
	CHECK_STR(d->name, "gazette.xml:item 1");
	CHECK_INT(d->published.y, 2024);
	CHECK_INT(d->published.d, 14);
	CHECK_INT(d->date_source, NF_DATE_METADATA);
	/* the full text, not the teaser; scripts gone; the declared latin1 read */
	CHECK(strstr(d->raw, "12 people died") != NULL);
	CHECK(strstr(d->raw, "caf\xC3\xA9") != NULL);
	CHECK(strstr(d->raw, "Teaser") == NULL);
	CHECK(strstr(d->raw, "alert") == NULL);
	CHECK(strstr(NF_DOC(c, 1)->raw, "began to recede") != NULL);
	nf_corpus_free(c);
}

static void test_atom_and_rdf(void)
{
	nf_status st;
	nf_corpus *c = add("wire.atom",
		"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title>"
		"<entry><title>Quake</title><link rel=\"self\" href=\"https://w.example/self\"/>"
		"<link rel=\"alternate\" href=\"https://w.example/quake\"/>"
		"<updated>2024-01-03T00:00:00Z</updated><published>2024-01-02T03:04:05Z</published>"
		"<author><name>B. Lee</name></author>"
		"<content type=\"html\">&lt;p&gt;A quake struck at dawn, killing 3 people.&lt;/p&gt;</content></entry>"
		"<entry><title>Plain</title><updated>2024-01-04T00:00:00Z</updated>"
		"<summary type=\"text\">Plain text: 5 &lt; 6 is kept as text.</summary></entry></feed>",
		NF_INPUT_AUTO, &st);
	CHECK(st == NF_OK);
	CHECK_INT(nf_corpus_count(c), 2);
	nf_doc *d = NF_DOC(c, 0);
	CHECK_STR(d->url, "https://w.example/quake");
	CHECK_STR(d->byline, "By B. Lee");
	CHECK_INT(d->published.d, 2); /* published, not updated */
	CHECK(strstr(NF_DOC(c, 1)->raw, "5 < 6 is kept") != NULL);
	/* an entry with only an update time has no publication date */
	CHECK_INT(NF_DOC(c, 1)->date_source, NF_DATE_NONE);
	nf_corpus_free(c);

	c = add("rdf.xml",
		"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
		"xmlns=\"http://purl.org/rss/1.0/\"><channel><title>RDF news</title></channel>"
		"<item><title>One</title><link>http://r.example/1</link><description>Item one has text.</description></item>"
		"</rdf:RDF>", NF_INPUT_FEED, &st);
	CHECK(st == NF_OK);
	CHECK_INT(nf_corpus_count(c), 1);
	CHECK_STR(NF_DOC(c, 0)->outlet, "RDF news");
	nf_corpus_free(c);
}

static void test_bad_feeds(void)
{
	nf_status st;
	/* no external entities, no network, no expansion bomb */
	nf_corpus *c = add("xxe.xml",
		"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		"<rss><channel><item><title>T</title><description>before &x; after</description></item>"
		"</channel></rss>", NF_INPUT_FEED, &st);
	CHECK(st == NF_OK);
	CHECK(nf_corpus_count(c) == 0 || strstr(NF_DOC(c, 0)->raw, "root:") == NULL);
	nf_corpus_free(c);
	c = add("notfeed.xml", "<?xml version=\"1.0\"?><svg><g/></svg>", NF_INPUT_FEED, &st);
	CHECK(st == NF_EPARSE);
	CHECK(strstr(nf_ctx_errmsg(ctx), "notfeed.xml: not an RSS or Atom feed") != NULL);
	nf_corpus_free(c);
	c = add("empty.rss", "<rss><channel><title>x</title></channel></rss>", NF_INPUT_AUTO, &st);
	CHECK(st == NF_EEMPTY);
	CHECK(strstr(nf_ctx_errmsg(ctx), "empty.rss") != NULL);
	nf_corpus_free(c);
	/* truncated: what was read before the cut is kept */
	c = add("cut.rss", "<rss><channel><item><title>A</title><description>Text of item one."
	                   "</description></item><item><title>B</title><descr", NF_INPUT_AUTO, &st);
	CHECK(st == NF_OK);
	CHECK(nf_corpus_count(c) >= 1);
	nf_corpus_free(c);
}

static void test_sniffing(void)
{
	CHECK_INT(nf_markup_sniff("<!DOCTYPE html><p>x", 19), NF_INPUT_HTML);
	CHECK_INT(nf_markup_sniff("\xEF\xBB\xBF  <!-- c --> <HTML>", 24), NF_INPUT_HTML);
	CHECK_INT(nf_markup_sniff("<?xml version=\"1.0\"?>\n<rss>", 27), NF_INPUT_FEED);
	CHECK_INT(nf_markup_sniff("<?xml version=\"1.0\"?><feed xmlns=\"a\">", 37), NF_INPUT_FEED);
	CHECK_INT(nf_markup_sniff("<p>A paragraph", 14), NF_INPUT_HTML);
	CHECK_INT(nf_markup_sniff("<pre-election talks", 19), NF_INPUT_AUTO);
	CHECK_INT(nf_markup_sniff("Plain text <b>bold</b>", 22), NF_INPUT_AUTO);
	CHECK_INT(nf_markup_sniff("<!-- never closed", 17), NF_INPUT_AUTO);
	/* plain text stays text */
	nf_status st;
	nf_corpus *c = add("a.txt", "Headline\n\nBody text <not a tag>.\n", NF_INPUT_AUTO, &st);
	CHECK(st == NF_OK);
	CHECK_STR(NF_DOC(c, 0)->title, NULL);
	nf_corpus_free(c);
}

int main(void)
{
	ctx = nf_ctx_new();
	nf_ctx_set_warn(ctx, on_warn, NULL);
	RUN(test_rss);
	RUN(test_atom_and_rdf);
	RUN(test_bad_feeds);
	RUN(test_sniffing);
	nf_ctx_free(ctx);
	return harness_done();
}
