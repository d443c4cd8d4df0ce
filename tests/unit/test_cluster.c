/*
 * test_cluster.c - the streaming clusterer (cluster.c, minhash.c): rewrites
 * of one event join, two events of one kind in one town stay apart, a
 * follow-up months on joins as one a month on would, and a short one on
 * its people's names, but months on only on a name, a note two weeks on
 * joins on the event's day it names, a note weeks on joins its event's
 * reports in one batch on its victim's name, and follow-ups weeks on in
 * one batch with them join them too, a headline without text joins, and
 * does when its one count is none of the reports' figures or, when it
 * names nothing, by its URL, undated reports that state different years
 * stay apart, copies are named, stories age out by date and by the
 * window, callbacks come in input order with true line numbers, bad
 * lines are skipped, and terms whose restored frequencies leave them no
 * weight are harmless.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "harness.h"
#include "minhash.h"
#include "newsfuse.h"

/* One fictional event: what differs between two fires in one town. */
typedef struct event {
	const char *victim, *witness, *street, *business, *chief;
	int injured, engines, age;
} event;

static const event FIRE_A = {"Orla Penhallow", "Daviot Strand", "Quarry Lane",
                             "Brackwater Timber", "Ines Marrow", 3, 14, 62};
static const event FIRE_B = {"Tobin Ashgrove", "Merrit Vale", "Canal Row",
                             "Selkirk Paints", "Ines Marrow", 5, 9, 41};

/* A text of at most 4 KB made from fmt, malloc'd. */
__attribute__((format(printf, 1, 2))) static char *textf(const char *fmt, ...)
{
	char *s = malloc(4096);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s, 4096, fmt, ap);
	va_end(ap);
	return s;
}

/* A report of event e in town Harrowgate in one of six outlets' styles:
 * each words the same facts its own way, as rewrites of one event do. */
static char *report(const event *e, int style)
{
	char *s = malloc(4096);
	switch (style % 6) {
	case 0:
		snprintf(s, 4096,
		         "Fire destroys %s warehouse on %s\n\n"
		         "A fire tore through the %s warehouse on %s in Harrowgate "
		         "early on Tuesday, injuring %d people, fire chief %s said.\n\n"
		         "%s, %d, who lives next to the yard, was treated for smoke "
		         "inhalation. Neighbour %s said the flames rose above the roofs.\n\n"
		         "%d engines fought the blaze for six hours. The cause is not known.\n",
		         e->business, e->street, e->business, e->street, e->injured, e->chief,
		         e->victim, e->age, e->witness, e->engines);
		break;
	case 1:
		snprintf(s, 4096,
		         "%d hurt as blaze guts Harrowgate depot\n\n"
		         "HARROWGATE - %d people were hurt when a blaze gutted the depot of "
		         "%s on %s, the town's fire service said.\n\n"
		         "Chief %s said %d engines were sent. Among the injured was %s, "
		         "%d, a resident of %s.\n\n"
		         "\"We heard a bang and then the whole roof was burning,\" said %s.\n",
		         e->injured, e->injured, e->business, e->street, e->chief, e->engines,
		         e->victim, e->age, e->street, e->witness);
		break;
	case 2:
		snprintf(s, 4096,
		         "Investigators look into %s fire\n\n"
		         "Investigators began looking into the cause of the fire "
		         "that destroyed the %s building on %s in Harrowgate.\n\n"
		         "Fire chief %s said the %d injured included %s, %d. %s, who called the "
		         "fire service, described thick black smoke over %s.\n\n"
		         "Crews from %d engines worked through the night.\n",
		         e->business, e->business, e->street, e->chief, e->injured, e->victim,
		         e->age, e->witness, e->street, e->engines);
		break;
	case 3:
		snprintf(s, 4096,
		         "Harrowgate blaze: %s named among injured\n\n"
		         "%s, %d, is recovering in hospital after flames engulfed %s, "
		         "the firm whose premises stand on %s.\n\n"
		         "%s told this paper she saw sparks before the fire spread. "
		         "%s confirmed %d people needed treatment.\n",
		         e->victim, e->victim, e->age, e->business, e->street, e->witness,
		         e->chief, e->injured);
		break;
	case 4:
		snprintf(s, 4096,
		         "Huge fire at %s\n\n"
		         "Firefighters with %d appliances battled a huge fire at %s in Harrowgate. "
		         "%d people were taken to hospital, among them %s.\n\n"
		         "Residents of %s were told to keep windows shut. %s filmed the "
		         "flames from across the street.\n",
		         e->business, e->engines, e->business, e->injured, e->victim, e->street,
		         e->witness);
		break;
	default:
		snprintf(s, 4096,
		         "What we know about the %s fire\n\n"
		         "The fire broke out at %s on %s. %s led the response and said "
		         "the building could not be saved.\n\n"
		         "The injured: %d, including %s, %d. The witness %s raised the alarm.\n",
		         e->street, e->business, e->street, e->chief, e->injured, e->victim,
		         e->age, e->witness);
	}
	return s;
}

/* A JSONL record of text (escaped) with id and date (none when NULL). */
static char *record(const char *id, const char *date, const char *text)
{
	size_t n = strlen(text), o = 0;
	char *s = malloc(n * 2 + 256);
	o += (size_t)sprintf(s, "{\"id\":\"%s\",", id);
	if (date)
		o += (size_t)sprintf(s + o, "\"published\":\"%s\",", date);
	o += (size_t)sprintf(s + o, "\"text\":\"");
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\n') {
			s[o++] = '\\';
			s[o++] = 'n';
		} else if (text[i] == '"' || text[i] == '\\') {
			s[o++] = '\\';
			s[o++] = text[i];
		} else {
			s[o++] = text[i];
		}
	}
	strcpy(s + o, "\"}\n");
	return s;
}

typedef struct seen {
	size_t n;
	char ids[4096][32];
	unsigned long long story[4096];
	char copy_of[4096][32];
	size_t index[4096];
} seen;

static void on_item(void *ud, const nf_cluster_item *it)
{
	seen *s = ud;
	if (s->n >= 4096)
		return;
	snprintf(s->ids[s->n], sizeof s->ids[0], "%s", it->id);
	snprintf(s->copy_of[s->n], sizeof s->copy_of[0], "%s", it->copy_of ? it->copy_of : "");
	s->story[s->n] = it->story;
	s->index[s->n] = it->index;
	s->n++;
}

static size_t find(const seen *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->ids[i], id))
			return i;
	return (size_t)-1;
}

static nf_cluster *new_cluster(nf_ctx *ctx, seen *s, const nf_cluster_options *o)
{
	nf_cluster *cl = NULL;
	CHECK(nf_cluster_new(&cl, ctx, o, on_item, s) == NF_OK);
	return cl;
}

static void add(nf_cluster *cl, const char *id, const char *date, const char *text)
{
	char *r = record(id, date, text);
	CHECK(nf_cluster_add(cl, "test.jsonl", 1, r, strlen(r), NF_INPUT_JSONL) == NF_OK);
	free(r);
}

/* Unrelated local news, so term frequencies are those of a stream. */
static void background(nf_cluster *cl, int n, const char *date)
{
	static const char *const topics[] = {"budget", "library", "bus route", "school",
	                                     "market", "bridge", "festival", "election"};
	for (int i = 0; i < n; i++) {
		char id[16], text[512];
		snprintf(id, sizeof id, "bg%d", i);
		snprintf(text, sizeof text,
		         "Council debates the %s\n\nThe council of ward %d debated the %s "
		         "for the %d season. Councillor number %d said residents of "
		         "district %d had written about it, and a vote is due next month.\n",
		         topics[i % 8], i * 7 + 3, topics[i % 8], 2020 + i % 9, i * 13 + 1, i % 17);
		add(cl, id, date, text);
	}
}

/* The background, then three reports of FIRE_A (a0..a2), not yet
 * clustered. */
static void fire_a_reports(nf_cluster *cl)
{
	background(cl, 40, "2031-05-01");
	for (int i = 0; i < 3; i++) {
		char id[8], *t = report(&FIRE_A, i);
		snprintf(id, sizeof id, "a%d", i);
		add(cl, id, "2031-05-06", t);
		free(t);
	}
}

/* The same, clustered. */
static void fire_a_story(nf_cluster *cl)
{
	fire_a_reports(cl);
	CHECK(nf_cluster_flush(cl) == NF_OK);
}

/* Three reports each of two fires of one town and one week (a0..a2 of
 * FIRE_A, b0..b2 of FIRE_B, alternating), clustered; checks that the
 * rewrites join and the two fires stay apart. */
static void two_fires_apart(nf_cluster *cl, const seen *s)
{
	const char *ids[] = {"a0", "b0", "a1", "b1", "a2", "b2"};
	for (int i = 0; i < 6; i++) {
		char *t = report(i % 2 ? &FIRE_B : &FIRE_A, i % 2 ? 3 + i / 2 : i / 2);
		add(cl, ids[i], i % 2 ? "2031-05-08" : "2031-05-06", t);
		free(t);
	}
	CHECK(nf_cluster_flush(cl) == NF_OK);
	size_t a0 = find(s, "a0"), b0 = find(s, "b0");
	CHECK(a0 != (size_t)-1 && b0 != (size_t)-1);
	if (a0 < s->n && b0 < s->n) {
		CHECK(s->story[a0] != s->story[b0]);
		CHECK(s->story[find(s, "a1")] == s->story[a0]);
		CHECK(s->story[find(s, "a2")] == s->story[a0]);
		CHECK(s->story[find(s, "b1")] == s->story[b0]);
		CHECK(s->story[find(s, "b2")] == s->story[b0]);
	}
}

/* Two fires of one town and one week, each told by three outlets, in a
 * stream of other news: the rewrites join, the two fires stay apart. */
static void test_same_kind_events_apart(void)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	nf_cluster *cl = new_cluster(ctx, s, NULL);
	background(cl, 40, "2031-05-01");
	two_fires_apart(cl, s);
	CHECK_INT(s->n, 46);
	CHECK_INT(nf_cluster_count(cl), 46);
	for (size_t i = 0; i < s->n; i++) /* callbacks in input order */
		CHECK_INT(s->index[i], i);
	CHECK_STR(s->ids[40], "a0");
	CHECK_STR(s->ids[45], "b2");
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
}

/* A few reports with no stream around them: the words all of them share
 * (the town, the street, the victim) still weigh, so one fire's five
 * reports are one story, and two fires' reports two. */
static void test_a_few_reports_alone(void)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	nf_cluster *cl = new_cluster(ctx, s, NULL);
	for (int i = 0; i < 5; i++) {
		char id[8], *t = report(&FIRE_A, i);
		snprintf(id, sizeof id, "a%d", i);
		add(cl, id, "2031-05-06", t);
		free(t);
	}
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK_INT(s->n, 5);
	for (size_t i = 1; i < s->n; i++)
		CHECK(s->story[i] == s->story[0]);
	nf_cluster_free(cl);

	memset(s, 0, sizeof *s);
	cl = new_cluster(ctx, s, NULL);
	two_fires_apart(cl, s);
	CHECK_INT(s->n, 6);
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
}

/* One fire's story is in the window when four reports of a second fire of
 * the same town and week arrive together: they open a story of their own
 * (reports of one event are more alike among themselves than either is to
 * the other event), and a fifth, later, joins them. */
static void test_new_event_after_story(void)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	nf_cluster *cl = new_cluster(ctx, s, NULL);
	fire_a_story(cl);
	for (int i = 0; i < 5; i++) {
		char id[8], *t = report(&FIRE_B, 1 + i);
		snprintf(id, sizeof id, "b%d", i);
		add(cl, id, "2031-05-08", t);
		free(t);
		if (i == 3)
			CHECK(nf_cluster_flush(cl) == NF_OK);
	}
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK_INT(s->n, 48);
	size_t a0 = find(s, "a0"), b0 = find(s, "b0");
	CHECK(a0 < s->n && b0 < s->n);
	if (a0 < s->n && b0 < s->n) {
		CHECK(s->story[find(s, "a2")] == s->story[a0]);
		CHECK(s->story[b0] != s->story[a0]);
		for (int i = 1; i < 5; i++) {
			char id[8];
			snprintf(id, sizeof id, "b%d", i);
			CHECK(s->story[find(s, id)] == s->story[b0]);
		}
	}
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
}

/* A reprint with one added line is a copy of the original, whether it
 * comes in the original's batch or in a later one; the same text months
 * on is no copy, in a later batch or its own. */
static void test_copy_named(void)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	nf_cluster *cl = new_cluster(ctx, s, NULL);
	char *t = report(&FIRE_A, 0);
	add(cl, "orig", "2031-05-06", t);
	char *t2 = malloc(strlen(t) + 128);
	sprintf(t2, "%sThe warehouse had been empty since March, its owner said.\n", t);
	add(cl, "reprint", "2031-05-07", t2);
	char *other = report(&FIRE_A, 1);
	add(cl, "rewrite", "2031-05-07", other);
	CHECK(nf_cluster_flush(cl) == NF_OK);
	sprintf(t2, "%sNeighbours said the yard had been for sale.\n", t);
	add(cl, "later", "2031-05-08", t2);
	CHECK(nf_cluster_flush(cl) == NF_OK);
	/* the same text two months on is a page of furniture or a crawl
	 * again, not a wire's copy */
	add(cl, "months", "2031-07-08", t2);
	add(cl, "months-batch", "2031-07-08", t);
	add(cl, "months-batch2", "2031-09-08", t);
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK_INT(s->n, 7);
	CHECK_STR(s->copy_of[find(s, "months")], "");
	CHECK_STR(s->copy_of[find(s, "months-batch")], "months");
	CHECK_STR(s->copy_of[find(s, "months-batch2")], "");
	CHECK_STR(s->copy_of[find(s, "reprint")], "orig");
	/* the window keeps the latest article of a band key: the reprint */
	CHECK_STR(s->copy_of[find(s, "later")], "reprint");
	CHECK_STR(s->copy_of[find(s, "rewrite")], ""); /* a rewrite, not a copy */
	CHECK(s->story[find(s, "reprint")] == s->story[find(s, "orig")]);
	CHECK(s->story[find(s, "later")] == s->story[find(s, "orig")]);
	free(t);
	free(t2);
	free(other);
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
}

/* The same event's words two years later, past the window: a new story. */
static void test_ages_out_by_date(void)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	nf_cluster_options o = NF_CLUSTER_OPTIONS_INIT;
	o.window_days = 30;
	nf_cluster *cl = new_cluster(ctx, s, &o);
	char *a = report(&FIRE_A, 0), *b = report(&FIRE_A, 1);
	background(cl, 40, "2031-05-01");
	add(cl, "then", "2031-05-06", a);
	add(cl, "now", "2033-05-06", b);
	add(cl, "soon", "2033-05-08", a);
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK_INT(s->n, 43);
	CHECK(s->story[find(s, "then")] != s->story[find(s, "now")]);
	CHECK(s->story[find(s, "soon")] == s->story[find(s, "now")]);
	free(a);
	free(b);
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
}

/* A court report on event e, months after it: the names, the place and
 * the firm again, in words of its own. */
static char *trial(const event *e)
{
	return textf("Owner of %s in court over Harrowgate fire\n\n"
	             "The owner of %s appeared before magistrates over the fire that "
	             "destroyed the firm's warehouse on %s.\n\n"
	             "Fire chief %s gave evidence that exits were blocked. %s, "
	             "who lives beside the yard, listened from the public gallery."
	             "\n\nThe hearing was adjourned until next month.\n",
	             e->business, e->business, e->street, e->chief, e->victim);
}

/* Whether a later article (text, which it frees), on date, joins three
 * reports of FIRE_A of 2031-05-06: their story, or in one batch with
 * them when one_batch. */
static int joins_fire_a(char *text, const char *date, int one_batch)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	nf_cluster *cl = new_cluster(ctx, s, NULL);
	if (one_batch)
		fire_a_reports(cl);
	else
		fire_a_story(cl);
	add(cl, "later", date, text);
	free(text);
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK_INT(s->n, 44);
	size_t a0 = find(s, "a0"), j = find(s, "later");
	int joined = a0 < s->n && j < s->n && s->story[j] == s->story[a0];
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
	return joined;
}

static int later_joins(char *text, const char *date)
{
	return joins_fire_a(text, date, 0);
}

/* A follow-up weeks or months after its event: whether it joins does not
 * depend on its coming one month on or ten (time says no more after a
 * month), and another fire's follow-up stays out. */
static void test_follow_up_months_on(void)
{
	CHECK(later_joins(trial(&FIRE_A), "2031-06-06"));
	CHECK(later_joins(trial(&FIRE_A), "2032-03-06"));
	CHECK(!later_joins(trial(&FIRE_B), "2031-06-06"));
	CHECK(!later_joins(trial(&FIRE_B), "2032-03-06"));
}

/* A note on event e two weeks on that names its street and, when day is
 * not NULL, its day, and little else. */
static char *cause_found(const event *e, const char *day)
{
	return textf("Heater blamed for fire\n\n"
	             "A faulty heater started the fire on %s%s%s, investigators "
	             "said in a report.\n\nThe report asks firms to have heaters checked "
	             "every year.\n",
	             e->street, day ? " on " : "", day ? day : "");
}

/* A note two weeks after its event that names the event's day joins its
 * story, where the days between the reports alone would keep it out, and
 * another fire's note with the same day stays out. */
static void test_follow_up_names_its_day(void)
{
	CHECK(later_joins(cause_found(&FIRE_A, "May 6"), "2031-05-20"));
	CHECK(later_joins(cause_found(&FIRE_A, "Tuesday, May 6"), "2031-05-20"));
	CHECK(!later_joins(cause_found(&FIRE_A, NULL), "2031-05-20"));
	CHECK(!later_joins(cause_found(&FIRE_B, "May 6"), "2031-05-20"));
}

/* A short note on event e, months after it, that shares little but its
 * people's names. */
static char *sentencing(const event *e)
{
	return textf("Jail term handed down\n\n"
	             "A man who admitted arson was jailed for six years on Tuesday. "
	             "In court were %s, who was hurt, and %s, who raised the alarm "
	             "at %s on %s.\n",
	             e->victim, e->witness, e->business, e->street);
}

/* Two names found only in one story's reports carry a follow-up across
 * months that its few other words would not: another fire's note, with
 * names of its own, stays out. */
static void test_follow_up_by_names(void)
{
	CHECK(later_joins(sentencing(&FIRE_A), "2031-08-06"));
	CHECK(!later_joins(sentencing(&FIRE_B), "2031-08-06"));
}

/* A short note on event e's victim, weeks after it: her name and street
 * and nothing else of the event. */
static char *death_notice(const event *e)
{
	return textf("Harrowgate fire victim dies\n\n"
	             "%s, of %s, has died in hospital, her family said on Sunday. "
	             "Mourners will gather at the chapel of Lowmoor on Friday, and gifts "
	             "may go to the burns unit of the county infirmary, where nurses "
	             "cared for her for three weeks.\n",
	             e->victim, e->street);
}

/* A note weeks on that shares its victim's name (found in no other
 * article) joins its event's first reports in one batch, as it does the
 * next day: a name that rare halves what the days cost (cluster.c,
 * RAREST_TIME); another fire's note stays out. */
static void test_note_weeks_on_in_batch(void)
{
	CHECK(joins_fire_a(death_notice(&FIRE_A), "2031-05-07", 1));
	CHECK(joins_fire_a(death_notice(&FIRE_A), "2031-05-27", 1));
	CHECK(!joins_fire_a(death_notice(&FIRE_B), "2031-05-27", 1));
}

/* s in lower case, in out of size n: a name written as plain words. */
static const char *lower_case(const char *s, char *out, size_t n)
{
	size_t i = 0;
	for (; s[i] && i + 1 < n; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	out[i] = '\0';
	return out;
}

/* Whether two notes on event e's suspect, eight weeks after FIRE_A,
 * join FIRE_A's story when they come in one batch with its three reports
 * and an arrest three weeks after them (a stream ordered by event, not
 * by date). The notes share the suspect's name with the arrest alone and
 * the event's words, not its names, with the reports: pair by pair they
 * are too far from the reports for a story, and are not from the arrest. */
static int follow_ups_join_in_batch(const event *e)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	nf_cluster *cl = new_cluster(ctx, s, NULL);
	fire_a_reports(cl);
	char *arrest = textf("Man held over %s warehouse fire on %s\n\n"
	                     "Police arrested Corin Blaylock, 34, over the fire that destroyed "
	                     "the %s warehouse on %s in Harrowgate, injuring %d people, among "
	                     "them %s. Fire chief %s and neighbour %s had told police the "
	                     "flames rose above the roofs.\n",
	                     FIRE_A.business, FIRE_A.street, FIRE_A.business, FIRE_A.street,
	                     FIRE_A.injured, FIRE_A.victim, FIRE_A.chief, FIRE_A.witness);
	add(cl, "arrest", "2031-05-27", arrest);
	free(arrest);
	static const char *const heads[] = {"Warehouse fire accused in court",
	                                    "Trial date set in warehouse fire case"};
	static const char *const dates[] = {"2031-07-01", "2031-07-03"};
	char business[64], street[64];
	for (int i = 0; i < 2; i++) {
		char id[8], *t = textf("%s\n\nA judge said %s will stand trial over the fire that "
		                       "destroyed the %s warehouse on %s in harrowgate, where %d "
		                       "people were hurt and %d engines fought the blaze.\n",
		                       heads[i], e == &FIRE_A ? "Corin Blaylock" : "Ansel Moorcroft",
		                       lower_case(e->business, business, sizeof business),
		                       lower_case(e->street, street, sizeof street), e->injured,
		                       e->engines);
		snprintf(id, sizeof id, "note%d", i);
		add(cl, id, dates[i], t);
		free(t);
	}
	CHECK(nf_cluster_flush(cl) == NF_OK);
	size_t a0 = find(s, "a0"), ar = find(s, "arrest"), n0 = find(s, "note0"),
	       n1 = find(s, "note1");
	int joined = -1;
	if (a0 < s->n && ar < s->n && n0 < s->n && n1 < s->n) {
		CHECK(s->story[ar] == s->story[a0]);
		CHECK(s->story[n0] == s->story[n1]);
		joined = s->story[n0] == s->story[a0];
	}
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
	return joined;
}

/* An event's follow-ups weeks on join its reports' story when they come
 * in one batch with them as they would in a later batch (cluster.c,
 * join_follow_ups()): each is counted the days to the report closest in
 * time, the arrest, not to each. Another fire's stay out. */
static void test_follow_ups_in_batch(void)
{
	CHECK(follow_ups_join_in_batch(&FIRE_A) == 1);
	CHECK(follow_ups_join_in_batch(&FIRE_B) == 0);
}

/* FIRE_A's kind of fire told in FIRE_A's words and figures, with no name
 * in it: another fire of the town, or the same one, for all the words
 * say. */
static const event FIRE_UNNAMED = {"a resident", "a passer-by", "the ring road",
                                   "a timber merchant", "the chief", 3, 14, 62};

/* A month on, such a report joins the story its words are like; months
 * on, an article joins a story only on a name that is rare in the stream
 * (the same district's fires months apart share all but their names). */
static void test_months_on_needs_a_name(void)
{
	CHECK(later_joins(report(&FIRE_UNNAMED, 0), "2031-06-06"));
	CHECK(!later_joins(report(&FIRE_UNNAMED, 0), "2031-10-06"));
	CHECK(later_joins(sentencing(&FIRE_A), "2031-10-06"));
}

/* The warehouse of FIRE_A burning again: the same place, business,
 * witness, chief and counts, another victim. */
static const event FIRE_A_AGAIN = {"Calum Rendle", "Daviot Strand", "Quarry Lane",
                                   "Brackwater Timber", "Ines Marrow", 3, 14, 35};

/* Three undated reports of each fire of one warehouse (ids a0..a2 and
 * b0..b2), each opening with the year when year_a / year_b is not 0,
 * into one batch; whether the two fires are told apart. */
static int fires_apart_by_year(int year_a, int year_b)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	nf_cluster *cl = new_cluster(ctx, s, NULL);
	background(cl, 40, "2031-05-01");
	for (int i = 0; i < 6; i++) {
		const event *e = i % 2 ? &FIRE_A_AGAIN : &FIRE_A;
		int year = i % 2 ? year_b : year_a;
		char id[8], text[4608], *t = report(e, i % 2 ? 3 + i / 2 : i / 2);
		char *body = strstr(t, "\n\n");
		snprintf(id, sizeof id, "%c%d", i % 2 ? 'b' : 'a', i / 2);
		if (year && body) {
			*body = '\0';
			/* a line of its own in each: the cleaner drops lines repeated
			 * across a batch */
			static const char *const said[] = {"the Courier", "Radio North", "the Gazette"};
			snprintf(text, sizeof text, "%s\n\nIt broke out in May %d, %s reports.\n\n%s", t,
			         year, said[i / 2], body + 2);
		} else {
			snprintf(text, sizeof text, "%s", t);
		}
		add(cl, id, NULL, text);
		free(t);
	}
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK_INT(s->n, 46);
	int apart = 0;
	size_t a0 = find(s, "a0"), b0 = find(s, "b0");
	if (a0 < s->n && b0 < s->n) {
		CHECK(s->story[find(s, "a1")] == s->story[a0]);
		CHECK(s->story[find(s, "a2")] == s->story[a0]);
		CHECK(s->story[find(s, "b1")] == s->story[b0]);
		CHECK(s->story[find(s, "b2")] == s->story[b0]);
		apart = s->story[a0] != s->story[b0];
	}
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
	return apart;
}

/* Undated reports of two fires of one warehouse that share nearly all
 * their words are one story, unless their reports state different years. */
static void test_years_apart(void)
{
	CHECK(!fires_apart_by_year(0, 0));
	CHECK(!fires_apart_by_year(2029, 2029));
	CHECK(fires_apart_by_year(2029, 2031));
}

/* Whether a record with headline title and no text (a feed item, a page
 * whose text the crawl lost), and URL url when not NULL, joins the story
 * of three reports of FIRE_A. */
static int page_joins_fire_a(const char *title, const char *url)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	nf_cluster *cl = new_cluster(ctx, s, NULL);
	fire_a_story(cl);
	char r[512];
	snprintf(r, sizeof r,
	         "{\"id\":\"head\",\"published\":\"2031-05-06\",\"text\":\" \","
	         "\"title\":\"%s\",\"url\":\"%s\"}\n",
	         title, url ? url : "");
	CHECK(nf_cluster_add(cl, "feed.jsonl", 1, r, strlen(r), NF_INPUT_JSONL) == NF_OK);
	CHECK(nf_cluster_flush(cl) == NF_OK);
	size_t a0 = find(s, "a0"), h = find(s, "head");
	int joined = a0 < s->n && h < s->n && s->story[h] == s->story[a0];
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
	return joined;
}

/* A record with a headline and no text is clustered on its headline, not
 * skipped. */
static void test_headline_only(void)
{
	char title[256];
	snprintf(title, sizeof title, "%s warehouse on %s destroyed by fire, %s hurt",
	         FIRE_A.business, FIRE_A.street, FIRE_A.victim);
	CHECK(page_joins_fire_a(title, NULL));
}

/* A headline with no text joins its event's story though its one count
 * is none of the reports' figures (they give 3 hurt, 14 engines, aged
 * 62): a vector of a few terms is a headline's, whose count is most of
 * its figures, and is not weighed as a report's figures are. */
static void test_headline_count(void)
{
	CHECK(page_joins_fire_a("Harrowgate firefighters treat 2", NULL));
	CHECK(page_joins_fire_a("Harrowgate firefighters treat 5", NULL));
}

/* A page of a headline that names nothing joins its event's story by its
 * URL's words (sites write the first headline into the path), and not
 * by an id's: the slug's words are the page's terms. */
static void test_headline_and_slug(void)
{
	const char *title = "Crews called out overnight";
	CHECK(!page_joins_fire_a(title, NULL));
	CHECK(!page_joins_fire_a(title, "https://herald.example/news/local/4cf2-88a1-9e0b/"));
	CHECK(page_joins_fire_a(title, "https://web.example/web/2031/https://herald.example/"
	                               "2031/05/06/brackwater-timber-warehouse-burns-on-quarry-lane.html"));
}

/* With a window of 16 articles, an event's report after 40 other articles
 * finds no story of it: memory is the window, not the stream. */
static void test_ages_out_by_window(void)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	nf_cluster_options o = NF_CLUSTER_OPTIONS_INIT;
	o.window_articles = 16;
	nf_cluster *cl = new_cluster(ctx, s, &o);
	char *a = report(&FIRE_A, 0), *b = report(&FIRE_A, 2);
	add(cl, "first", "2031-05-06", a);
	background(cl, 40, "2031-05-06");
	add(cl, "late", "2031-05-07", b);
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK_INT(s->n, 42);
	CHECK(s->story[find(s, "late")] != s->story[find(s, "first")]);
	free(a);
	free(b);
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
}

static char lastwarn[512];
static int nwarn;
static void on_warn(void *ud, const char *msg)
{
	(void)ud;
	nwarn++;
	snprintf(lastwarn, sizeof lastwarn, "%s", msg);
}

/* A bad line in a block that starts at line 11 is reported as line 12;
 * the other lines are clustered; 600 records in one call come back in
 * order (the input is split into batches). */
static void test_lines_and_blocks(void)
{
	nf_ctx *ctx = nf_ctx_new();
	nf_ctx_set_warn(ctx, on_warn, NULL);
	seen *s = calloc(1, sizeof *s);
	nf_cluster *cl = new_cluster(ctx, s, NULL);
	const char *block = "{\"id\":\"ok1\",\"text\":\"The ferry to Lusk Island ran late on Monday.\"}\n"
	                    "{\"id\":\"bad\",\"text\": oops\n"
	                    "{\"id\":\"ok2\",\"text\":\"The ferry to Lusk Island was late again on Tuesday.\"}\n";
	CHECK(nf_cluster_add(cl, "feed.jsonl", 11, block, strlen(block), NF_INPUT_AUTO) == NF_OK);
	CHECK(nwarn == 1 && strstr(lastwarn, "feed.jsonl:12") != NULL);
	size_t cap = 600 * 160, len = 0;
	char *big = malloc(cap);
	for (int i = 0; i < 600; i++)
		len += (size_t)snprintf(big + len, cap - len,
		                        "{\"id\":\"r%d\",\"text\":\"Report %d on the harbour works at pier %d.\"}\n",
		                        i, i, i * 3);
	CHECK(nf_cluster_add(cl, "big.jsonl", 1, big, len, NF_INPUT_JSONL) == NF_OK);
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK_INT(s->n, 602);
	CHECK_STR(s->ids[0], "ok1");
	CHECK_STR(s->ids[1], "ok2");
	CHECK_STR(s->ids[2], "r0");
	CHECK_STR(s->ids[601], "r599");
	const char *allbad = "{\"id\":1,\n{nope\n";
	CHECK(nf_cluster_add(cl, "junk.jsonl", 1, allbad, strlen(allbad), NF_INPUT_JSONL) == NF_EPARSE);
	CHECK(strstr(nf_ctx_errmsg(ctx), "junk.jsonl") != NULL);
	free(big);
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
}

/* 2,000 copies of one article: one story, every later one a copy, and no
 * quadratic blow-up (the postings of a term on every article are skipped). */
static void test_identical_articles(void)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	nf_cluster *cl = new_cluster(ctx, s, NULL);
	char *t = report(&FIRE_B, 1);
	char *r = record("x", "2031-05-06", t);
	size_t rl = strlen(r);
	char *all = malloc(rl * 2000 + 1);
	for (int i = 0; i < 2000; i++)
		memcpy(all + (size_t)i * rl, r, rl);
	CHECK(nf_cluster_add(cl, "same.jsonl", 1, all, rl * 2000, NF_INPUT_JSONL) == NF_OK);
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK_INT(nf_cluster_count(cl), 2000);
	CHECK_INT(nf_cluster_stories(cl), 1);
	CHECK_STR(s->copy_of[1999], "x");
	free(all);
	free(r);
	free(t);
	nf_cluster_free(cl);
	free(s);
	nf_ctx_free(ctx);
}

static void test_api_edges(void)
{
	nf_ctx *ctx = nf_ctx_new();
	nf_cluster *cl = NULL;
	nf_cluster_free(NULL);
	CHECK(nf_cluster_new(&cl, NULL, NULL, NULL, NULL) == NF_EINVAL && cl == NULL);
	CHECK(nf_cluster_new(&cl, ctx, NULL, NULL, NULL) == NF_OK);
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK(nf_cluster_add(cl, "x", 1, NULL, 3, NF_INPUT_TEXT) == NF_EINVAL);
	CHECK(nf_cluster_add(cl, "empty.txt", 1, "", 0, NF_INPUT_TEXT) == NF_EEMPTY);
	CHECK(nf_cluster_add(cl, "bin.txt", 1, "\x7f" "ELF\0\0", 6, NF_INPUT_TEXT) == NF_EUTF8);
	CHECK_INT(nf_cluster_count(cl), 0);
	nf_cluster_free(cl);
	nf_ctx_free(ctx);
}

/* Text number i over one vocabulary of 80 words in an order of its own:
 * the same terms in every text, few shingles in common. */
static void shuffled(int i, char *out, size_t cap)
{
	static const char *const words[] = {"quarry", "timber", "canal", "ladder", "engine",
	                                    "harbour", "lantern", "orchard", "pewter", "granite"};
	static const char *const ends[] = {"", "s", "ing", "ed", "er", "ly", "ness", "ful"};
	size_t o = (size_t)snprintf(out, cap, "Notes %d\n\n", i);
	unsigned x = (unsigned)i * 2654435761u + 1;
	for (int k = 0; k < 80 && o + 32 < cap; k++) {
		x = x * 1103515245u + 12345u;
		unsigned w = (x >> 8) % 80;
		o += (size_t)snprintf(out + o, cap - o, "%s%s%s", words[w % 10], ends[w / 10],
		                      k % 9 == 8 ? ". " : " ");
	}
}

typedef struct keys {
	uint64_t k[4096];
	size_t n;
} keys;

static nf_status keep_keys(void *ud, const nf_doc *d, const nf_cluster_item *it,
                           const nf_tvec *v, const uint64_t *terms, size_t nterms)
{
	(void)d, (void)it, (void)v;
	keys *ks = ud;
	for (size_t i = 0; i < nterms && ks->n < 4096; i++)
		ks->k[ks->n++] = terms[i];
	return NF_OK;
}

/* Restored frequencies above the number of articles (counts of terms that
 * share a counter can be) leave terms an idf of 0: vectors of weight 0
 * are indexed and looked up without harm and join nothing (the candidate
 * search once took an article once per posting of weight 0, past the end
 * of its list of one entry per article). */
static void test_terms_without_weight(void)
{
	nf_ctx *ctx = nf_ctx_new();
	seen *s = calloc(1, sizeof *s);
	keys *ks = calloc(1, sizeof *ks);
	char text[1024], id[16];
	nf_cluster *cl = new_cluster(ctx, s, NULL);
	nf_cluster_hooks h = {.assigned = keep_keys, .ud = ks};
	nf_cluster_set_hooks(cl, &h);
	for (int i = 0; i < 4; i++) {
		shuffled(i, text, sizeof text);
		add(cl, "k", "2031-05-06", text);
	}
	CHECK(nf_cluster_flush(cl) == NF_OK);
	nf_cluster_free(cl);
	CHECK(ks->n > 20);
	memset(s, 0, sizeof *s);
	cl = new_cluster(ctx, s, NULL);
	for (size_t i = 0; i < ks->n; i++)
		nf_cluster_restore_df(cl, ks->k[i], 1000000);
	nf_cluster_restore_counts(cl, 10, 1);
	for (int i = 0; i < 600; i++) {
		snprintf(id, sizeof id, "z%d", i);
		shuffled(i, text, sizeof text);
		add(cl, id, "2031-05-06", text);
	}
	CHECK(nf_cluster_flush(cl) == NF_OK);
	CHECK_INT(nf_cluster_count(cl), 600);
	CHECK_INT(nf_cluster_stories(cl), 600);
	nf_cluster_free(cl);
	free(ks);
	free(s);
	nf_ctx_free(ctx);
}

/* Signatures: equal texts are equal, disjoint ones share nothing, a short
 * text has no band keys but still compares. */
static void test_minhash(void)
{
	uint64_t w[200], x[200];
	for (int i = 0; i < 200; i++) {
		w[i] = (uint64_t)i * 7919 + 1;
		x[i] = (uint64_t)i * 104729 + 5;
	}
	uint32_t a[NF_MINHASH], b[NF_MINHASH], c[NF_MINHASH];
	CHECK_INT(nf_minhash_sign(w, 200, a), 197);
	nf_minhash_sign(w, 200, b);
	nf_minhash_sign(x, 200, c);
	CHECK(nf_minhash_similarity(a, b) == 1.0);
	CHECK(nf_minhash_similarity(a, c) < 0.1);
	CHECK(nf_minhash_band(a, 0) == nf_minhash_band(b, 0) && nf_minhash_band(a, 0) != 0);
	w[100] = 99; /* one changed word changes 4 of 197 shingles */
	nf_minhash_sign(w, 200, b);
	CHECK(nf_minhash_similarity(a, b) > 0.85);
	CHECK_INT(nf_minhash_sign(w, 3, b), 0);
	CHECK(nf_minhash_band(b, 0) == 0);
	nf_minhash_sign(w, 6, b);
	nf_minhash_sign(w, 6, c);
	CHECK(nf_minhash_similarity(b, c) == 1.0);
}

int main(void)
{
	RUN(test_same_kind_events_apart);
	RUN(test_a_few_reports_alone);
	RUN(test_new_event_after_story);
	RUN(test_copy_named);
	RUN(test_ages_out_by_date);
	RUN(test_follow_up_months_on);
	RUN(test_follow_up_names_its_day);
	RUN(test_follow_up_by_names);
	RUN(test_months_on_needs_a_name);
	RUN(test_note_weeks_on_in_batch);
	RUN(test_follow_ups_in_batch);
	RUN(test_headline_only);
	RUN(test_headline_count);
	RUN(test_headline_and_slug);
	RUN(test_years_apart);
	RUN(test_ages_out_by_window);
	RUN(test_lines_and_blocks);
	RUN(test_identical_articles);
	RUN(test_api_edges);
	RUN(test_terms_without_weight);
	RUN(test_minhash);
	return harness_done();
}
