/* test_reconcile.c - status, value and explanation of figures
 * (reconcile.c), on short articles written for these tests. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "stages.h"

static nf_ctx *ctx;
static nf_corpus *corpus;
static nf_brief *brief;

typedef struct art {
	const char *text;
	int day;   /* of May 2024 */
	int group; /* -1: its own */
} art;

static void run(const art *arts, size_t n)
{
	nf_brief_free(brief);
	nf_corpus_free(corpus);
	brief = NULL;
	corpus = NULL;
	CHECK(nf_corpus_new(&corpus, ctx) == NF_OK);
	for (size_t i = 0; i < n; i++) {
		CHECK(nf_corpus_add(corpus, "t", arts[i].text, strlen(arts[i].text),
		                    NF_INPUT_TEXT) == NF_OK);
		nf_doc *d = NF_DOC(corpus, i);
		d->text = (char *)d->raw;
		d->text_len = d->raw_len;
		d->published = (nf_date){2024, 5, arts[i].day};
		d->group = arts[i].group >= 0 ? arts[i].group : (int)i;
		CHECK(nf_text_analyze(corpus, d) == NF_OK);
	}
	brief = calloc(1, sizeof *brief);
	brief->corpus = corpus;
	CHECK(nf_figures_extract(brief) == NF_OK);
	CHECK(nf_figures_reconcile(brief) == NF_OK);
}

/* The first figure of measure (its main one). */
static const nf_figure *figure(const char *measure)
{
	for (size_t i = 0; i < brief->nfigures; i++)
		if (!strcmp(brief->figures[i].measure, measure))
			return &brief->figures[i];
	return NULL;
}

static void test_single_and_copies(void)
{
	art a[] = {{"Police said 40 people were arrested.", 3, -1},
	           {"Police said 40 people were arrested on Monday.", 3, 0}};
	run(a, 2);
	const nf_figure *f = figure("detained");
	CHECK(f && f->status == NF_FIG_SINGLE && f->value == 40);
	CHECK(f && f->explanation && strstr(f->explanation, "one independent source"));
}

static void test_agreed(void)
{
	art a[] = {{"The ministry sent about 800 soldiers to the port.", 3, -1},
	           {"A force numbering around 800 was deployed to the port.", 3, -1}};
	run(a, 2);
	const nf_figure *f = figure("deployed");
	CHECK(f && f->status == NF_FIG_AGREED && f->value == 800);
	CHECK(f && !strcmp(f->subject, "troops") && f->nclaims == 2);
}

static void test_changing(void)
{
	art a[] = {{"Another 27 people were missing on Sunday.", 3, -1},
	           {"The number of people missing grew to 38.", 4, -1},
	           {"Rescuers said 44 people are still missing.", 5, -1},
	           {"Police said 44 people are still missing.", 6, -1}};
	run(a, 4);
	const nf_figure *f = figure("missing");
	CHECK(f && f->status == NF_FIG_CHANGING && f->value == 44);
	CHECK(f && f->explanation && strstr(f->explanation, "27"));
	/* an early edition repeats the smaller count on the day the larger
	 * comes out: still a count rising */
	art b[] = {{"Officials said 120 people were killed by the quake.", 3, -1},
	           {"The quake killed 120 people, the governor said.", 4, -1},
	           {"Rescuers said the quake killed 180 people.", 4, -1},
	           {"Police said the quake killed 180 people.", 5, -1},
	           {"Officials said 250 people were killed by the quake.", 6, -1}};
	run(b, 5);
	f = figure("killed");
	CHECK(f && f->status == NF_FIG_CHANGING && f->value == 250);
	/* two counts whose reports end on the same day are rivals */
	art c[] = {{"Officials said 120 people were killed by the quake.", 3, -1},
	           {"The quake killed 120 people, the governor said.", 4, -1},
	           {"Rescuers said the quake killed 180 people.", 4, -1}};
	run(c, 3);
	f = figure("killed");
	CHECK(f && f->status == NF_FIG_CONFLICT);
}

static void test_conflict(void)
{
	art a[] = {{"Officials said 15 people died in the flood.", 4, -1},
	           {"Nurses said 23 people died in the flood.", 4, -1},
	           {"The agency says 15 people have died.", 5, -1}};
	run(a, 3);
	const nf_figure *f = figure("killed");
	CHECK(f && f->status == NF_FIG_CONFLICT && f->value == 15);
	CHECK(f && f->low == 15 && f->high == 23);
	/* a count that fell is no change over time */
	art b[] = {{"Officials said 30 people were injured.", 4, -1},
	           {"Officials said 20 people were injured.", 6, -1}};
	run(b, 2);
	f = figure("injured");
	CHECK(f && f->status == NF_FIG_CONFLICT);
}

static void test_newer_count_supersedes(void)
{
	art a[] = {{"Police said 5,800 people were detained.", 9, -1},
	           {"Police said 6,044 people were arrested overnight.", 9, -1},
	           {"Officials say almost 10,000 people are now detained.", 11, -1}};
	run(a, 3);
	const nf_figure *f = figure("detained");
	CHECK(f && f->status == NF_FIG_CONFLICT && f->value == 10000);
	CHECK(f && f->explanation && strstr(f->explanation, "latest"));
}

/* The latest count supersedes or updates only when someone is said to
 * give it or a later report leads with it: not a number in passing. */
static void test_passing_number_does_not_supersede(void)
{
	art a[] = {{"Police said 2 people were killed at the fair.", 3, -1},
	           {"The fair opened again on Friday. Ten people were killed when "
	            "the old pier fell.", 6, -1}};
	run(a, 2);
	const nf_figure *f = figure("killed");
	CHECK(f && f->value == 2);
}

/* Equally supported counts: the one the headline or lead states wins over
 * counts of some of the people told further down. */
static void test_lead_decides(void)
{
	art a[] = {{"Four people were injured in a shooting on Sunday. Two people were "
	            "injured on Elm Street. Police said two people were injured on Oak "
	            "Street.", 3, -1}};
	run(a, 1);
	const nf_figure *f = figure("injured");
	CHECK(f && f->status == NF_FIG_CONFLICT && f->value == 4);
}

/* Claims about other events are listed with the figure but never count:
 * a figure made only of them has no value. */
static void test_other_events_never_count(void)
{
	art a[] = {{"A man was hurt on Monday. In 2015, a gunman killed 8 people at the "
	            "same mall.", 3, -1}};
	run(a, 1);
	const nf_figure *f = figure("killed");
	CHECK(f && isnan(f->value) && f->nclaims == 1 && f->claims[0].is_other);
	CHECK(f && f->explanation && strstr(f->explanation, "another event"));
	art b[] = {{"Three people were killed on Monday. Last year 8 people were killed "
	            "at the same mall.", 3, -1}};
	run(b, 1);
	f = figure("killed");
	CHECK(f && f->status == NF_FIG_SINGLE && f->value == 3);
}

static void test_weak_claims_never_conflict(void)
{
	art a[] = {{"Bloggers said 90 people were killed. Police did not confirm the "
	            "figure.", 4, -1},
	           {"Dozens of people were killed in the riots.", 4, -1},
	           {"Officials said 12 people were killed, including 4 of the guards.", 4, -1},
	           {"At least 9 people were killed, a witness said.", 3, -1}};
	run(a, 4);
	const nf_figure *f = figure("killed");
	CHECK(f && f->status == NF_FIG_SINGLE && f->value == 12);
	CHECK(f && f->nclaims == 5);
	CHECK(f && f->explanation && strstr(f->explanation, "90"));
}

static void test_sum_explained(void)
{
	art a[] = {{"Officials say 26 miners were killed by the blast and 16 "
	            "firefighters were killed in the fire.", 4, -1},
	           {"State radio reported 70 people were killed.", 4, -1}};
	run(a, 2);
	const nf_figure *f = figure("killed");
	CHECK(f && !strcmp(f->subject, "people") && f->status == NF_FIG_CONFLICT);
	CHECK(f && f->explanation &&
	      strstr(f->explanation, "42 (26 miners + 16 rescuers) per Officials"));
}

static void test_one_person_is_a_lower_bound(void)
{
	/* "a man was killed" agrees with a count of two; it rivals none */
	art a[] = {{"A man was killed on Main Street.", 4, -1},
	           {"Two people were killed on Main Street.", 4, -1}};
	run(a, 2);
	const nf_figure *f = figure("killed");
	CHECK(f && f->status != NF_FIG_CONFLICT && f->value == 2);
	art b[] = {{"A man was killed on Main Street.", 4, -1},
	           {"The victim died at the scene.", 4, -1}};
	run(b, 2);
	f = figure("killed");
	CHECK(f && f->value == 1);
}

static void test_conflict_by_repetition(void)
{
	/* one source, two counts: the one it states twice */
	art a[] = {{"Three people were wounded. Police said three people were wounded. "
	            "Later a nurse said 5 people were wounded.", 4, -1}};
	run(a, 1);
	const nf_figure *f = figure("injured");
	CHECK(f && f->status == NF_FIG_CONFLICT && f->value == 3);
}

/* A count that each source states only beside a larger count of its own
 * is a part of that count ("one of them in a car"), no rival total, however
 * many sources state it. */
static void test_parts_beside_a_total(void)
{
	art a[] = {{"Police said 14 people were killed in the town. Police said one person was "
	            "killed in a car.", 3, -1},
	           {"Officials said 12 people died. Officials said one person died in a shop.", 3, -1},
	           {"The mayor said 15 people were killed. The mayor said one person was killed "
	            "on a farm.", 3, -1}};
	run(a, 3);
	const nf_figure *f = figure("killed");
	CHECK(f && f->status == NF_FIG_CONFLICT && f->value == 15);
}

/* The shot less the dead of this event, not of a city's year. */
static void test_shot_less_own_dead(void)
{
	art a[] = {{"A girl was shot in the leg on Monday. She was the 12th child shot in "
	            "the city so far this year, one fatally, police said.", 3, -1}};
	run(a, 1);
	const nf_figure *f = figure("injured");
	CHECK(f && f->value == 1);
	art b[] = {{"Two men were shot on Monday. One of them died in hospital.", 3, -1}};
	run(b, 1);
	f = figure("injured");
	CHECK(f && f->value == 1);
}

static void test_empty(void)
{
	art a[] = {{"Nothing happened today.", 4, -1}};
	run(a, 1);
	CHECK_INT(brief->nfigures, 0);
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_single_and_copies);
	RUN(test_agreed);
	RUN(test_changing);
	RUN(test_conflict);
	RUN(test_newer_count_supersedes);
	RUN(test_passing_number_does_not_supersede);
	RUN(test_lead_decides);
	RUN(test_other_events_never_count);
	RUN(test_weak_claims_never_conflict);
	RUN(test_sum_explained);
	RUN(test_one_person_is_a_lower_bound);
	RUN(test_conflict_by_repetition);
	RUN(test_parts_beside_a_total);
	RUN(test_shot_less_own_dead);
	RUN(test_empty);
	nf_brief_free(brief);
	nf_corpus_free(corpus);
	nf_ctx_free(ctx);
	return harness_done();
}
