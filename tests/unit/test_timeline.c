/* test_timeline.c - dated events, grouping across sources (timeline.c). */
#include <string.h>

#include "dates.h"
#include "harness.h"
#include "stages.h"

static nf_ctx *ctx;
static nf_corpus *corpus;
static nf_brief *brief;

/* Two reports of a dam breach, one dated, one a day later; both tell the
 * evacuation of Monday in their own words. */
static const char *JSONL =
	"{\"id\":\"a\",\"title\":\"Dam breach floods valley\",\"published\":\"2023-05-17\","
	"\"text\":\"Engineers said the old dam gave way on Monday after a week of heavy rain. "
	"Thousands of villagers were evacuated from the valley on Monday night, officials said. "
	"The regional governor will visit the area on Friday, his office said. "
	"The dam was completed on 12 June 1961 by a state company.\"}\n"
	"{\"id\":\"b\",\"title\":\"Villagers count losses after dam failure\",\"published\":\"2023-05-18\","
	"\"text\":\"Thousands of villagers were evacuated from the flooded valley on Monday, "
	"the officials said. Farmers said yesterday that their harvest was lost.\"}\n";

static void build(const char *data)
{
	nf_brief_free(brief);
	nf_corpus_free(corpus);
	brief = NULL;
	corpus = NULL;
	nf_corpus_new(&corpus, ctx);
	CHECK(nf_corpus_add(corpus, "t.jsonl", data, strlen(data), NF_INPUT_JSONL) == NF_OK);
	nf_brief_options opts = NF_BRIEF_OPTIONS_INIT;
	CHECK(nf_brief_build(&brief, corpus, &opts) == NF_OK);
}

/* The event on day ymd whose text contains word, or NULL. */
static const nf_event *event_on(const char *ymd, const char *word)
{
	for (size_t i = 0; brief && i < brief->ntimeline; i++) {
		char buf[11];
		nf_date_format(brief->timeline[i].date, buf);
		if (!strcmp(buf, ymd) && strstr(brief->timeline[i].text, word))
			return &brief->timeline[i];
	}
	return NULL;
}

static void test_events_resolved_and_grouped(void)
{
	build(JSONL);
	CHECK(brief != NULL);
	if (!brief)
		return;
	/* 2023-05-17 is a Wednesday: "on Monday" is the 15th in both. */
	const nf_event *ev = event_on("2023-05-15", "evacuated");
	CHECK(ev != NULL);
	if (ev) {
		CHECK_INT(ev->nsources, 2);
		CHECK_INT(ev->estimated, 0);
	}
	CHECK(event_on("2023-05-19", "governor") != NULL); /* future: forward */
	CHECK(event_on("2023-05-17", "harvest") != NULL);  /* yesterday */
	CHECK(event_on("1961-06-12", "completed") != NULL);
	/* sorted by date */
	for (size_t i = 1; i < brief->ntimeline; i++)
		CHECK(nf_date_cmp(brief->timeline[i - 1].date, brief->timeline[i].date) <= 0);
}

static void test_trimmed_text(void)
{
	const char *data =
		"{\"id\":\"a\",\"title\":\"Long sentence\",\"published\":\"2023-05-17\","
		"\"text\":\"On Tuesday the harbour master, who had warned for years about the "
		"state of the northern pier and its rotten timber, closed the pier to all "
		"boats, fishermen and tourists, and asked the council for money to repair "
		"it before the summer season begins in earnest.\"}\n";
	build(data);
	CHECK(brief && brief->ntimeline == 1);
	if (brief && brief->ntimeline == 1) {
		const char *t = brief->timeline[0].text;
		size_t words = 1;
		for (const char *p = t; *p; p++)
			words += *p == ' ';
		CHECK(words <= 31);
		CHECK(strstr(t, "\xe2\x80\xa6") != NULL);
	}
}

static void test_no_dates(void)
{
	const char *data =
		"{\"id\":\"a\",\"title\":\"Undated\",\"text\":\"The harbour master closed the pier "
		"on Tuesday after a storm damaged it.\"}\n";
	build(data);
	CHECK(brief && brief->ntimeline == 0);
}

/* What a speaker says is no event: a quotation's "today" is the day they
 * spoke, which the text does not give. */
static void test_quotations_left_out(void)
{
	const char *data =
		"{\"id\":\"a\",\"title\":\"Clean-up starts\",\"published\":\"2023-05-17\","
		"\"text\":\"The mayor toured the flooded streets on Tuesday with engineers. "
		"\\\"Today we start clearing the mud. Yesterday we were still rescuing people,\\\" "
		"she said.\"}\n";
	build(data);
	CHECK(event_on("2023-05-16", "toured") != NULL);
	CHECK(event_on("2023-05-17", "clearing") == NULL);
	CHECK(event_on("2023-05-16", "rescuing") == NULL);
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_events_resolved_and_grouped);
	RUN(test_trimmed_text);
	RUN(test_no_dates);
	RUN(test_quotations_left_out);
	nf_brief_free(brief);
	nf_corpus_free(corpus);
	nf_ctx_free(ctx);
	return harness_done();
}
