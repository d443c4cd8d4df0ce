/* test_clean.c - the clean stage (clean.c): body text, boilerplate and the
 * metadata the text states, on small made-up articles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "stages.h"

static nf_ctx *ctx;
static nf_corpus *corpus;

/* Cleans texts[0..n) as plain-text articles in a fresh corpus. */
static void clean_texts(const char *const *texts, size_t n)
{
	nf_corpus_free(corpus);
	corpus = NULL;
	CHECK_INT(nf_corpus_new(&corpus, ctx), NF_OK);
	for (size_t i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof name, "doc%zu.txt", i);
		CHECK_INT(nf_corpus_add(corpus, name, texts[i], strlen(texts[i]), NF_INPUT_TEXT), NF_OK);
	}
	CHECK_INT(nf_clean(corpus), NF_OK);
}

static nf_doc *clean_one(const char *text)
{
	clean_texts(&text, 1);
	return NF_DOC(corpus, 0);
}

static int has(const nf_doc *d, const char *s)
{
	return d->text && strstr(d->text, s) != NULL;
}

static const char *LEAD =
	"The town council of Brellin voted on Tuesday to close the old ferry "
	"pier after inspectors found cracks in two of its supports.\n\n";
static const char *SECOND =
	"Harbour master Odile Fenwick said the pier would stay shut until the "
	"repairs were paid for and finished.\n\n";

static char *join(const char *a, const char *b, const char *c, const char *d)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + strlen(d) + 1;
	char *s = malloc(n);
	snprintf(s, n, "%s%s%s%s", a, b, c, d);
	return s;
}

static void test_title_and_suffix(void)
{
	char *t = join("Brellin closes its ferry pier | Coastal News\n\n", LEAD, SECOND, "");
	nf_doc *d = clean_one(t);
	CHECK_STR(d->title, "Brellin closes its ferry pier");
	CHECK(!has(d, "Coastal News"));
	CHECK(has(d, "voted on Tuesday"));
	CHECK(has(d, "finished."));
	/* paragraphs are kept apart */
	CHECK(has(d, "supports.\n\nHarbour"));
	free(t);
	/* " - Outlet" too */
	t = join("Brellin closes its ferry pier - The Daily Gull\n\n", LEAD, SECOND, "");
	d = clean_one(t);
	CHECK_STR(d->title, "Brellin closes its ferry pier");
	free(t);
	/* a lead sentence with no headline: titled from it, kept in body */
	t = join(LEAD, SECOND, "", "");
	d = clean_one(t);
	CHECK(d->title && !strncmp(d->title, "The town council of Brellin", 27));
	CHECK(has(d, "The town council of Brellin voted"));
	free(t);
}

static void test_byline(void)
{
	char *t = join("Pier closed\n\nBy Anna Velt and Joss Marrow, Staff Reporter\n\n",
	               LEAD, SECOND, "");
	nf_doc *d = clean_one(t);
	CHECK_STR(d->byline, "By Anna Velt and Joss Marrow, Staff Reporter");
	CHECK(!has(d, "Velt"));
	CHECK(has(d, "voted on Tuesday"));
	free(t);
	/* a sentence starting with "By" is not a byline */
	t = join("Pier closed\n\nBy Sunday, the ferry had stopped running to the island.\n\n",
	         LEAD, "", "");
	d = clean_one(t);
	CHECK(d->byline == NULL);
	CHECK(has(d, "By Sunday, the ferry"));
	free(t);
}

static void test_dateline_with_year(void)
{
	nf_doc *d = clean_one(
		"Pier closed\n\n"
		"BRELLIN, March 4, 2021 (Gullwire) - The town council voted to close "
		"the old ferry pier after inspectors found cracks in its supports.\n\n"
		"The harbour master said repairs would take a year to finish.\n");
	CHECK_STR(d->dateline, "BRELLIN, March 4, 2021 (Gullwire)");
	CHECK_STR(d->agency, "Gullwire");
	CHECK_INT(d->date_source, NF_DATE_DATELINE);
	CHECK_INT(d->published.y, 2021);
	CHECK_INT(d->published.m, 3);
	CHECK_INT(d->published.d, 4);
	CHECK(d->text && !strncmp(d->text, "The town council voted", 22));
}

static void test_dateline_without_year(void)
{
	nf_doc *d = clean_one(
		"Pier closed\n\n"
		"NORTH BRELLIN, June 9 (Gullwire) \xE2\x80\x93 The town council voted to "
		"close the old ferry pier after inspectors found cracks.\n\n"
		"The harbour master said repairs would take a year to finish.\n");
	CHECK_STR(d->dateline, "NORTH BRELLIN, June 9 (Gullwire)");
	CHECK_INT(d->published.y, 0);
	CHECK_INT(d->published.m, 6);
	CHECK_INT(d->published.d, 9);
	CHECK_INT(d->date_source, NF_DATE_DATELINE);
	/* a place and an agency, no date */
	d = clean_one("Pier closed\n\nBRELLIN (Gullwire) \xE2\x80\x94 The council voted to "
	              "close the old ferry pier on a windy Tuesday evening.\n");
	CHECK_STR(d->dateline, "BRELLIN (Gullwire)");
	CHECK_INT(d->date_source, NF_DATE_NONE);
	CHECK(has(d, "The council voted"));
}

static void test_caption_credit(void)
{
	char *t = join(LEAD,
	               "Workers inspect the cracked supports of the pier (Mira Solk/Gullwire)\n\n"
	               "A gull sits on the railing.\n"
	               "The pier opened in 1911. Source: Tam Orrey/NPX\n\n",
	               "Divers will check the remaining supports next week, the council said.\n\n"
	               "Boats wait at the closed pier in Brellin, May 2, 2021. GULLWIRE\n\n",
	               SECOND);
	nf_doc *d = clean_one(t);
	CHECK(!has(d, "Solk"));
	CHECK(!has(d, "gull sits"));
	CHECK(!has(d, "opened in 1911"));
	CHECK(!has(d, "Boats wait"));
	CHECK(has(d, "Divers will check"));
	CHECK(has(d, "finished."));
	/* the caption's date is a lower bound for publication */
	CHECK_INT(d->date_source, NF_DATE_CAPTION);
	CHECK_INT(d->published.y, 2021);
	CHECK_INT(d->published.m, 5);
	free(t);
}

static void test_newsletter_tail(void)
{
	char *t = join(LEAD, SECOND,
	               "Reporting by Anna Velt; Editing by Joss\n\n"
	               "Marrow and Pell Quint\n\n"
	               "Subscribe to our weekly newsletter\n\n"
	               "* indicates required\n\nEmail Address *\n\nSubscribe\n\n"
	               "Get the best of our coverage delivered to your inbox every morning.\n\n"
	               "DOWNLOAD OUR FREE APP TODAY\n\n"
	               "news@example.org\n(+44) 20 7946 0018\n\n",
	               "The opinions in this column belong to its writer, not to this "
	               "site or its owners\n\n"
	               "Share\n\n4 min read\n");
	nf_doc *d = clean_one(t);
	CHECK(has(d, "finished."));
	CHECK(!has(d, "Reporting"));
	CHECK(!has(d, "Marrow"));
	CHECK(!has(d, "ubscribe"));
	CHECK(!has(d, "inbox"));
	CHECK(!has(d, "APP"));
	CHECK(!has(d, "@"));
	CHECK(!has(d, "opinions"));
	CHECK(!has(d, "min read"));
	CHECK(d->lines_dropped >= 12);
	CHECK_INT(d->lines_kept, 2);
	free(t);
}

static void test_comment_form(void)
{
	char *t = join(LEAD, SECOND, "Leave a Reply\n\n",
	               "We never show your email address to other readers. Starred fields must be filled in *\n\n"
	               "Comment\n\nName *\n\nPost Comment\n");
	nf_doc *d = clean_one(t);
	CHECK(has(d, "finished."));
	CHECK(!has(d, "Reply"));
	CHECK(!has(d, "email"));
	CHECK(!has(d, "Comment"));
	free(t);
}

/* A page whose text is a list of other stories (a video playlist: a
 * running time, then a title; teasers cut short) has no article in it,
 * even with no prose to compare; a live report's clock times open its
 * entries and stay. */
static void test_story_lists(void)
{
	nf_doc *d = clean_one("Pier closed in Brellin\n\n"
	                      "1:12 Harbour seals return to the old quay Pause\n\n"
	                      "0:48 Mayor opens the new cycle path\n\n"
	                      "03:05 'We lost everything': flood victims speak\n\n"
	                      "2:31 12 things to do this weekend\n");
	CHECK_INT(d->text_len, 0);
	d = clean_one("Storm live\n\n"
	              "10:52 p.m.: The coast guard said two boats were still missing.\n\n"
	              "10:40 PM ET: Winds reached 90 km/h at the harbour, the agency said.\n");
	CHECK(has(d, "two boats were still missing"));
	CHECK(has(d, "Winds reached"));
	/* cards of the site's other pages, each summary cut off by "[...]" */
	d = clean_one("Pier closed in Brellin\n\n"
	              "Gull Radio Welcome to Gull Radio! We bring you the best of the coast, "
	              "with news, weather and the tides every hour of the [\xE2\x80\xA6]\n\n"
	              "Harbour TVHarbour TV is part of the Coastal Group, one of the largest "
	              "station groups in the [...]\n");
	CHECK_INT(d->text_len, 0);
	char *t = join(LEAD, "He read from the report: \"the supports [...] must be replaced.\"\n\n",
	               SECOND, "");
	d = clean_one(t);
	CHECK(has(d, "must be replaced"));
	free(t);
}

/* A tip line is the police's appeal, not the story: it goes, alone or
 * closing a paragraph, and the paragraph's report stays. */
static void test_tip_line(void)
{
	char *t = join(LEAD, SECOND,
	               "Divers found a second crack on Wednesday. Anyone who saw the pier that night "
	               "is asked to call the harbour police at 555-010-0199. Callers may stay anonymous.\n\n"
	               "If you know anything, contact Coast Stoppers at 555-TIPS.\n\n",
	               "The ferry's owner said a worker called the council at 7:40 a.m. to report it.\n");
	nf_doc *d = clean_one(t);
	CHECK(has(d, "finished."));
	CHECK(has(d, "second crack on Wednesday."));
	CHECK(!has(d, "555"));
	CHECK(!has(d, "anonymous"));
	CHECK(!has(d, "Coast Stoppers"));
	CHECK(has(d, "called the council at 7:40"));
	free(t);
}

static void test_broken_paragraph(void)
{
	nf_doc *d = clean_one(
		"Pier closed\n\n"
		"The council said the repairs would be paid for by a grant from the "
		"regional\n\n"
		"fund for coastal towns, which approved the money last year.\n\n"
		"Work starts in the spring.\n");
	CHECK(has(d, "from the regional fund for coastal towns"));
	CHECK(has(d, "last year.\n\nWork starts"));
}

static void test_repeated_line(void)
{
	const char *texts[3] = {
		"Pier closed in Brellin\n\n"
		"The council voted on Tuesday to close the old ferry pier after "
		"inspectors found cracks in two of its supports.\n\n"
		"Tap here to get breaking alerts from Gull Radio\n\n"
		"Divers will check the remaining supports next week, the council said.\n",
		"Bridge reopens in Oster\n\n"
		"The Oster road bridge reopened to traffic on Monday after eight "
		"months of work on its deck and railings.\n\n"
		"Tap here to get breaking alerts from Gull Radio\n\n"
		"The council said the work cost less than planned.\n",
		/* a syndicated copy shares a real sentence with the first */
		"Brellin pier shut\n\n"
		"The council voted on Tuesday to close the old ferry pier after "
		"inspectors found cracks in two of its supports.\n\n"
		"Ferries will use the fishing harbour until the repairs are done.\n"};
	clean_texts(texts, 3);
	for (size_t i = 0; i < 2; i++)
		CHECK(!has(NF_DOC(corpus, i), "Tap here"));
	CHECK(has(NF_DOC(corpus, 0), "The council voted on Tuesday"));
	CHECK(has(NF_DOC(corpus, 2), "The council voted on Tuesday"));
	CHECK(has(NF_DOC(corpus, 1), "less than planned."));
}

static void test_markdown_link_and_tidy(void)
{
	nf_doc *d = clean_one(
		"Pier closed\n\n"
		"The council closed the pier after [reports of cracks](#) in its "
		"supports, the harbour master said. ,\n\n"
		"Repairs will be finished in the spring. .\n\n"
		"The mayor said the ferry would move to the fishing harbour "
		"(http://example.org/ferry) for the summer.\n");
	CHECK(has(d, "after reports of cracks in its"));
	CHECK(!has(d, "]("));
	CHECK(has(d, "master said.\n\n"));
	CHECK(has(d, "in the spring.\n\n"));
	CHECK(!has(d, ". ."));
	CHECK(has(d, "fishing harbour for the summer."));
}

static void test_highlights_and_stamps(void)
{
	nf_doc *d = clean_one(
		"Pier closed after cracks found\n\n"
		"* Inspectors found cracks in two supports\n\n"
		"* Ferries move to the fishing harbour\n\n"
		"Published 14 April 2021\n\n"
		"The council voted on Tuesday to close the old ferry pier after "
		"inspectors found cracks in two of its supports.\n\n"
		"SAFETY FIRST\n\n"
		"The harbour master said the repairs would take a year.\n\n"
		"Share\n\nPublished\n\nSource: Gullwire, Coast Daily\n");
	CHECK(!has(d, "Inspectors found"));
	CHECK(!has(d, "SAFETY"));
	CHECK(!has(d, "Published"));
	CHECK(!has(d, "Source"));
	CHECK(has(d, "take a year."));
	CHECK_INT(d->date_source, NF_DATE_TEXT);
	CHECK_INT(d->published.y, 2021);
	CHECK_INT(d->published.m, 4);
	CHECK_INT(d->published.d, 14);
	CHECK_STR(d->outlet, "Coast Daily");
	CHECK_STR(d->agency, "Gullwire");
}

static void test_jsonl_metadata_kept(void)
{
	const char *jl =
		"{\"id\":\"a1\",\"title\":\"Brellin pier shut after cracks - Coast Daily\",\"published\":\"2021-04-15\","
		"\"outlet\":\"Coast Daily\",\"text\":\"Brellin pier shut after cracks\\n\\nBRELLIN, April 13 (Gullwire) - "
		"The council closed the old ferry pier after inspectors found cracks in "
		"two of its supports.\\n\\nThe harbour master said repairs would take a year.\"}\n"
		"{\"id\":\"a2\",\"title\":\"Ferry moves\",\"text\":\"The ferry will use the fishing "
		"harbour from Monday.\\n\\nThe harbour master said the move was temporary.\"}\n";
	nf_corpus_free(corpus);
	corpus = NULL;
	CHECK_INT(nf_corpus_new(&corpus, ctx), NF_OK);
	CHECK_INT(nf_corpus_add(corpus, "a.jsonl", jl, strlen(jl), NF_INPUT_JSONL), NF_OK);
	CHECK_INT(nf_clean(corpus), NF_OK);
	nf_doc *d = NF_DOC(corpus, 0);
	CHECK_STR(d->title, "Brellin pier shut after cracks");
	CHECK_STR(d->outlet, "Coast Daily");
	CHECK_INT(d->date_source, NF_DATE_METADATA);
	CHECK_INT(d->published.d, 15);
	CHECK_STR(d->agency, "Gullwire");
	CHECK(!has(d, "pier shut"));
	/* the first line is body when it is not the title */
	d = NF_DOC(corpus, 1);
	CHECK(has(d, "The ferry will use"));
	CHECK_INT(d->lines_kept, 2);
}

static void test_hostile(void)
{
	/* no prose at all: the text is kept rather than emptied */
	nf_doc *d = clean_one("Ferry timetable\n\nMonday 9:00\n\nTuesday 10:30\n");
	CHECK(d->text_len > 0);
	/* one enormous line and many short ones must not hang or crash */
	size_t n = 1 << 20;
	char *big = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = i % 7 == 6 ? ' ' : i % 5000 == 4999 ? '\n' : (char)('a' + i % 26);
	big[n] = '\0';
	d = clean_one(big);
	CHECK(d->text != NULL);
	for (size_t i = 0; i < n; i++)
		big[i] = i % 2 ? '\n' : (i % 6 ? '-' : '(');
	d = clean_one(big);
	CHECK(d->text != NULL);
	free(big);
}

/* A page's main text from the DOM keeps lines the plain-text cues would
 * drop (a short line without English function words, one that names
 * "share" and "comments"), and loses only what the corpus repeats. */
static void test_extracted_page(void)
{
	static const char *const page =
		"<html><head><title>Fähre Brellin</title></head><body><article>"
		"<h1>Die Fähre von Brellin bleibt im Hafen</h1>"
		"<p>Der Gemeinderat von Brellin hat am Dienstag beschlossen, den alten Anleger "
		"zu schliessen, nachdem Prüfer Risse an zwei Stützen gefunden hatten.</p>"
		"<p>Kommentare und Teilen</p>"
		"<p>Hafenmeisterin Odile Fenwick sagte, der Anleger bleibe gesperrt, bis die "
		"Reparatur bezahlt und abgeschlossen sei.</p></article></body></html>";
	nf_corpus_free(corpus);
	corpus = NULL;
	CHECK_INT(nf_corpus_new(&corpus, ctx), NF_OK);
	CHECK_INT(nf_corpus_add(corpus, "page.html", page, strlen(page), NF_INPUT_AUTO), NF_OK);
	CHECK_INT(nf_clean(corpus), NF_OK);
	nf_doc *d = NF_DOC(corpus, 0);
	CHECK(d->extracted);
	CHECK(has(d, "Risse an zwei"));
	CHECK(has(d, "Kommentare und Teilen"));
	CHECK(has(d, "abgeschlossen sei."));
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_title_and_suffix);
	RUN(test_byline);
	RUN(test_dateline_with_year);
	RUN(test_dateline_without_year);
	RUN(test_caption_credit);
	RUN(test_newsletter_tail);
	RUN(test_comment_form);
	RUN(test_story_lists);
	RUN(test_tip_line);
	RUN(test_broken_paragraph);
	RUN(test_repeated_line);
	RUN(test_markdown_link_and_tidy);
	RUN(test_highlights_and_stamps);
	RUN(test_jsonl_metadata_kept);
	RUN(test_hostile);
	RUN(test_extracted_page);
	nf_corpus_free(corpus);
	nf_ctx_free(ctx);
	return harness_done();
}
