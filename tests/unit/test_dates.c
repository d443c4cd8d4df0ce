/* test_dates.c - calendar maths, date expressions and publication-date
 * estimation (dates.c). */
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "harness.h"
#include "stages.h"

static nf_ctx *ctx;
static nf_corpus *corpus;

static nf_date D(int y, int m, int d)
{
	nf_date x = {y, m, d};
	return x;
}

static char *fmt(nf_date d, char buf[11])
{
	nf_date_format(d, buf);
	return buf;
}

/* The first date expression of sentence s resolved against ref, as text. */
static const char *find(const char *s, nf_date ref, char buf[11])
{
	nf_vec v = NF_VEC_INIT;
	nf_date out = {0, 0, 0};
	buf[0] = '\0';
	nf_corpus_free(corpus);
	corpus = NULL;
	nf_corpus_new(&corpus, ctx);
	if (nf_text_tokenize(corpus, s, strlen(s), &v) == NF_OK &&
	    nf_date_find(NULL, s, v.data, v.len, ref, 0, &out))
		fmt(out, buf);
	nf_vec_free(&v);
	return buf;
}

static void test_calendar(void)
{
	char b[11];
	CHECK_INT(nf_date_weekday(D(2023, 3, 12)), 0); /* a Sunday */
	CHECK_STR(fmt(nf_date_add(D(2023, 12, 30), 3), b), "2024-01-02");
	CHECK_STR(fmt(nf_date_add(D(2024, 3, 1), -1), b), "2024-02-29");
	CHECK_STR(fmt(nf_date_complete(D(0, 12, 28), D(2024, 1, 3)), b), "2023-12-28");
	CHECK_STR(fmt(nf_date_complete(D(0, 1, 2), D(2023, 12, 30)), b), "2024-01-02");
	CHECK_STR(fmt(nf_date_complete(D(0, 6, 2), D(2023, 6, 9)), b), "2023-06-02");
}

static void test_scan(void)
{
	nf_date d;
	CHECK(nf_date_scan("March 14, 2021 at noon", 22, &d) == 14);
	CHECK_INT(d.y, 2021);
	CHECK(nf_date_scan("14th of March", 13, &d) == 13);
	CHECK_INT(d.m, 3);
	CHECK_INT(d.y, 0);
	CHECK(nf_date_scan("Marching on", 11, &d) == 0);
}

static void test_absolute_in_sentence(void)
{
	char b[11];
	nf_date ref = D(2023, 3, 19);
	CHECK_STR(find("The dam opened on 4 March, officials said.", ref, b), "2023-03-04");
	CHECK_STR(find("The vote was held on April 30, 2019 in the capital.", ref, b), "2019-04-30");
	CHECK_STR(find("The dam opened on 4 March, officials said.", D(0, 0, 0), b), "");
}

/* A date without a year in a report of August: the verb's tense and the
 * words after the date choose between this year and the last. */
static void test_year_of_a_past_verb(void)
{
	char b[11];
	nf_date ref = D(2021, 8, 20);
	CHECK_STR(find("The old mayor was removed from office on Oct. 3, months of protests later.", ref, b), "2020-10-03");
	CHECK_STR(find("The founder died of a stroke on Jan. 9 at age 90.", ref, b), "2021-01-09");
	CHECK_STR(find("The singer has lived abroad since Nov. 2 when her album was banned.", ref, b), "2020-11-02");
	CHECK_STR(find("On Sept. 12 the board told the bank to stop the sale.", ref, b), "2020-09-12");
	CHECK_STR(find("On Sept. 12 last year, the board wrote to the bank.", ref, b), "2020-09-12");
	CHECK_STR(find("The race is held on May 5 next year.", ref, b), "2022-05-05");
	/* a date that names a thing to come, or in a sentence of plans */
	CHECK_STR(find("The Oct. 3 election delighted nobody who voted early.", ref, b), "2021-10-03");
	CHECK_STR(find("The shop opened late, and the fair will open on Oct. 3.", ref, b), "2021-10-03");
	CHECK_STR(find("The vote was moved to Oct. 3 by the council.", ref, b), "2021-10-03");
	CHECK_STR(find("The trophy, to be presented on Oct. 3, was funded by a bank.", ref, b), "2021-10-03");
	/* days ahead: the report's date is early, not the event a year old */
	CHECK_STR(find("The driver was arrested on Aug. 25 near the border.", ref, b), "2021-08-25");
	CHECK_STR(find("Hearings ended and did not resume until Oct. 3.", ref, b), "2021-10-03");
}

static void test_weekdays(void)
{
	char b[11];
	/* 2024-01-02 is a Tuesday: Sundays and Fridays fall in the old year. */
	nf_date ref = D(2024, 1, 2);
	CHECK_STR(find("The ferry sank on Sunday near the coast.", ref, b), "2023-12-31");
	CHECK_STR(find("Late on Friday the crowd gathered again.", ref, b), "2023-12-29");
	CHECK_STR(find("The mayor spoke on Tuesday to reporters.", ref, b), "2024-01-02");
	CHECK_STR(find("The mayor spoke last Tuesday to reporters.", ref, b), "2023-12-26");
	CHECK_STR(find("The council will meet on Thursday to vote.", ref, b), "2024-01-04");
	CHECK_STR(find("Talks resume next Tuesday in the city.", ref, b), "2024-01-09");
	/* a day declared something is the nearest: Wednesday to come, Sunday past */
	CHECK_STR(find("The mayor declared Wednesday a day of mourning.", ref, b), "2024-01-03");
	CHECK_STR(find("The mayor declared Sunday a day of mourning.", ref, b), "2023-12-31");
	CHECK_STR(find("Police said Wednesday a man was held.", ref, b), "2023-12-27");
	/* the future's weekday may be the report's own day; a week on is "next" */
	CHECK_STR(find("Snow was expected to fall Tuesday, forecasters said.", ref, b), "2024-01-02");
	/* a possessive weekday names a day that happened, whatever the tense */
	CHECK_STR(find("Insurers will not pay for Sunday's flood, owners said.", ref, b),
	          "2023-12-31");
	/* "early" on the day after the report's: the event's own day, ahead
	 * of the newsroom's; any other past weekday is before the report */
	CHECK_STR(find("Troops cleared the plaza early Wednesday, witnesses said.", ref, b),
	          "2024-01-03");
	CHECK_STR(find("Troops cleared the plaza early Saturday, witnesses said.", ref, b),
	          "2023-12-30");
	CHECK_STR(find("Troops cleared the plaza Wednesday, witnesses said.", ref, b),
	          "2023-12-27");
	/* 2024-03-01 is a Friday after a leap day. */
	CHECK_STR(find("The bridge closed on Thursday for repairs.", D(2024, 3, 1), b), "2024-02-29");
}

static void test_relative(void)
{
	char b[11];
	nf_date ref = D(2024, 1, 1);
	CHECK_STR(find("Rescuers found the hikers yesterday morning.", ref, b), "2023-12-31");
	CHECK_STR(find("The strike began three days ago at the port.", ref, b), "2023-12-29");
	CHECK_STR(find("The storm hit the island last week, killing two.", ref, b), "2023-12-25");
	CHECK_STR(find("Ships will sail in two days' time, the port said.", ref, b), "2024-01-03");
	/* a weekday is more precise than a week */
	CHECK_STR(find("Crowds that gathered last week dispersed on Saturday.", ref, b), "2023-12-30");
	CHECK_STR(find("Police came on Wednesday, July 9, 2014, at dawn.", ref, b), "2014-07-09");
	CHECK_STR(find("Nothing happened in the valley.", ref, b), "");
}

/* Adds plain-text articles and runs the stages before estimation. */
static void load(const char *const *texts, size_t n)
{
	nf_corpus_free(corpus);
	corpus = NULL;
	nf_corpus_new(&corpus, ctx);
	for (size_t i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof name, "t%zu.txt", i);
		CHECK(nf_corpus_add(corpus, name, texts[i], strlen(texts[i]), NF_INPUT_TEXT) == NF_OK);
	}
	CHECK(nf_clean(corpus) == NF_OK);
	for (size_t i = 0; i < NF_NDOCS(corpus); i++) {
		nf_doc *d = NF_DOC(corpus, i);
		d->published = D(0, 0, 0);
		d->date_source = NF_DATE_NONE;
		d->copy_of = -1;
		d->group = (int)i;
		CHECK(nf_text_analyze(corpus, d) == NF_OK);
	}
}

static const char *const STORY[] = {
	"Harbour crane collapses\n\nA crane fell onto a cargo ship at the harbour "
	"and injured four dock workers, the port authority said in a statement.\n",
	"Dock workers strike after crane accident\n\nDock workers walked out at "
	"the harbour after the crane accident of October 3, 2022, their union "
	"said on Tuesday.\n",
	"Port inspectors begin inquiry\n\nInspectors started their inquiry into "
	"the harbour crane at the request of the minister, who promised a full "
	"report.\n"};

static void test_year_completion_and_estimate(void)
{
	load(STORY, 3);
	nf_doc *a = NF_DOC(corpus, 0), *b = NF_DOC(corpus, 1), *c = NF_DOC(corpus, 2);
	a->published = D(0, 10, 5); /* a dateline without a year */
	a->date_source = NF_DATE_DATELINE;
	c->copy_of = 0;
	c->group = 0;
	a->group = 0;
	CHECK(nf_dates_estimate(corpus) == NF_OK);
	char buf[11];
	CHECK_STR(fmt(a->published, buf), "2022-10-05");
	CHECK_INT(a->date_source, NF_DATE_DATELINE);
	/* the consensus, but not before the accident it mentions */
	CHECK_STR(fmt(b->published, buf), "2022-10-05");
	CHECK_INT(b->date_source, NF_DATE_ESTIMATED);
	CHECK_STR(fmt(c->published, buf), "2022-10-05");
	CHECK_INT(c->date_source, NF_DATE_ESTIMATED);
}

static void test_caption_is_lower_bound(void)
{
	load(STORY, 3);
	nf_doc *a = NF_DOC(corpus, 0), *b = NF_DOC(corpus, 1), *c = NF_DOC(corpus, 2);
	a->published = D(2022, 10, 2);
	a->date_source = NF_DATE_CAPTION;
	c->published = D(2022, 10, 7);
	c->date_source = NF_DATE_METADATA;
	CHECK(nf_dates_estimate(corpus) == NF_OK);
	char buf[11];
	CHECK_STR(fmt(a->published, buf), "2022-10-07");
	CHECK_INT(a->date_source, NF_DATE_ESTIMATED);
	CHECK_STR(fmt(b->published, buf), "2022-10-07");
	CHECK_STR(fmt(c->published, buf), "2022-10-07");
	CHECK_INT(c->date_source, NF_DATE_METADATA);
}

static void test_no_dates_no_invention(void)
{
	const char *t[] = {STORY[0], STORY[2]};
	load(t, 2);
	CHECK(nf_dates_estimate(corpus) == NF_OK);
	CHECK_INT(NF_DOC(corpus, 0)->date_source, NF_DATE_NONE);
	CHECK_INT(NF_DOC(corpus, 1)->published.y, 0);
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_calendar);
	RUN(test_scan);
	RUN(test_absolute_in_sentence);
	RUN(test_year_of_a_past_verb);
	RUN(test_weekdays);
	RUN(test_relative);
	RUN(test_year_completion_and_estimate);
	RUN(test_caption_is_lower_bound);
	RUN(test_no_dates_no_invention);
	nf_corpus_free(corpus);
	nf_ctx_free(ctx);
	return harness_done();
}
