/* test_figures.c - claims read from sentences (figures.c): one test per
 * kind of expression, on sentences written for these tests. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "stages.h"

static nf_ctx *ctx;
static nf_corpus *corpus;
static nf_brief *brief;

typedef struct art {
	const char *title, *text;
	nf_date date;
	int group; /* -1: its own */
} art;

/* Builds the figures of arts[0..n) without the other stages: the text is
 * the body as given, dates and copy groups as stated. */
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
		d->title = arts[i].title;
		d->published = arts[i].date;
		d->group = arts[i].group >= 0 ? arts[i].group : (int)i;
		CHECK(nf_text_analyze(corpus, d) == NF_OK);
	}
	brief = calloc(1, sizeof *brief);
	brief->corpus = corpus;
	CHECK(nf_figures_extract(brief) == NF_OK);
	CHECK(nf_figures_reconcile(brief) == NF_OK);
}

static void one(const char *text)
{
	art a = {NULL, text, {2024, 5, 12}, -1};
	run(&a, 1);
}

static size_t nclaims(void)
{
	size_t n = 0;
	for (size_t i = 0; i < brief->nfigures; i++)
		n += brief->figures[i].nclaims;
	return n;
}

/* The first claim of measure with value v (any figure). */
static const nf_claim *claim(const char *measure, double v)
{
	for (size_t i = 0; i < brief->nfigures; i++) {
		const nf_figure *f = &brief->figures[i];
		for (size_t k = 0; f->measure && !strcmp(f->measure, measure) && k < f->nclaims; k++)
			if (f->claims[k].value == v)
				return &f->claims[k];
	}
	return NULL;
}

static const nf_figure *figure(const char *measure, const char *subject)
{
	for (size_t i = 0; i < brief->nfigures; i++)
		if (!strcmp(brief->figures[i].measure, measure) &&
		    !strcmp(brief->figures[i].subject, subject))
			return &brief->figures[i];
	return NULL;
}

/* The main figure of a measure (the brief's first). */
static const nf_figure *main_figure(const char *measure)
{
	for (size_t i = 0; i < brief->nfigures; i++)
		if (!strcmp(brief->figures[i].measure, measure))
			return &brief->figures[i];
	return NULL;
}

static double main_value(const char *measure)
{
	const nf_figure *f = main_figure(measure);
	return f ? f->value : 0;
}

static void test_digits(void)
{
	one("Harbour police said 3,218 people had been arrested during the strike.");
	const nf_claim *c = claim("detained", 3218);
	CHECK(c != NULL);
	if (!c)
		return;
	CHECK_STR(c->subject, "people");
	CHECK_STR(c->said_by, "Harbour police");
	CHECK(c->low == 3218 && c->high == 3218 && !c->qualifier && !c->hedged);
	CHECK(strstr(c->text, "3,218") != NULL);
	one("The cyclone displaced 1.5 million people along the coast.");
	CHECK(claim("displaced", 1.5e6) != NULL);
}

static void test_number_words(void)
{
	one("Three children were injured when the stand collapsed.");
	const nf_claim *c = claim("injured", 3);
	CHECK(c && !strcmp(c->subject, "children"));
	one("A dozen shops were looted on the high street.");
	c = claim("damaged", 12);
	CHECK(c && !strcmp(c->subject, "stores"));
	one("Rebels killed twenty-two villagers overnight.");
	CHECK(claim("killed", 22) != NULL);
}

static void test_vague(void)
{
	one("Dozens of fans were arrested outside the stadium.");
	const nf_claim *c = claim("detained", 24);
	CHECK(c != NULL);
	if (c) {
		CHECK(c->is_vague && c->low == 24 && c->high == 99);
		CHECK_STR(c->qualifier, "dozens");
	}
	one("Thousands of residents were evacuated from the valley.");
	c = claim("displaced", 2000);
	CHECK(c && c->is_vague && c->high == 9999);
}

static void test_qualifiers(void)
{
	one("At least 12 people died in the fire.");
	const nf_claim *c = claim("killed", 12);
	CHECK(c && !strcmp(c->qualifier, "at least") && c->low == 12 && isnan(c->high));
	one("Nearly 300 people were evacuated by boat.");
	c = claim("displaced", 300);
	CHECK(c && !strcmp(c->qualifier, "nearly") && c->high == 300 && c->low == 270);
	one("The ministry sent about 400 soldiers to the border town.");
	c = claim("deployed", 400);
	CHECK(c && !strcmp(c->qualifier, "about") && !strcmp(c->subject, "troops"));
	CHECK(c && c->low == 360 && c->high == 440);
	one("A blogger wrote that \"as many as 70\" people had died.");
	c = claim("killed", 70);
	CHECK(c && !strcmp(c->qualifier, "as many as") && isnan(c->low) && c->high == 70);
	one("Some 2,000 people were detained, the agency said.");
	c = claim("detained", 2000);
	CHECK(c && !strcmp(c->qualifier, "some"));
}

static void test_negation(void)
{
	one("No one was hurt when the crane fell.");
	const nf_claim *c = claim("injured", 0);
	CHECK(c != NULL);
	one("There were no deaths among the passengers.");
	CHECK(claim("killed", 0) != NULL);
}

static void test_parts(void)
{
	one("The ministry said 20 of the deaths occurred in Velmont, the capital.");
	const nf_claim *c = claim("killed", 20);
	CHECK(c && c->is_part);
	CHECK(c && c->place && !strcmp(c->place, "Velmont"));
	one("Grocer Fenwick said 4 of its 30 warehouses had been looted.");
	c = claim("damaged", 4);
	CHECK(c && c->is_part);
	CHECK(claim("damaged", 30) == NULL);
	one("Nine people were killed in the attack, including two children.");
	const nf_figure *f = figure("killed", "people");
	CHECK(f && f->nclaims == 2);
	c = claim("killed", 2);
	CHECK(c && c->is_part && !strcmp(c->subject, "children"));
	CHECK(f && f->status == NF_FIG_SINGLE && f->value == 9);
	one("The clinic treated 40 injured people, eleven of them children.");
	c = claim("injured", 11);
	CHECK(c && c->is_part && !strcmp(c->subject, "children"));
}

static void test_components(void)
{
	one("Officials say 7 miners were killed by the blast and 2 firefighters "
	    "were killed during the rescue.");
	const nf_claim *sum = claim("killed", 9);
	CHECK(sum && sum->is_sum && !strcmp(sum->subject, "people"));
	CHECK(sum && !strcmp(sum->said_by, "Officials"));
	CHECK(figure("killed", "miners") && figure("killed", "rescuers"));
	/* a stated total is not summed again */
	one("The toll is 9: 7 miners and two firefighters.");
	CHECK(claim("killed", 9) && !claim("killed", 9)->is_sum);
	CHECK_INT(nclaims(), 3);
	one("The mayor laid wreaths for 5 officers killed in the riot.");
	const nf_claim *c = claim("killed", 5);
	CHECK(c && !strcmp(c->subject, "officers"));
	/* counts by place add up to the event's toll, each a part in its place */
	one("The cyclone killed 31 people in Port Alden and six in the Upper Vale.");
	sum = claim("killed", 37);
	CHECK(sum && sum->is_sum && !sum->place);
	c = claim("killed", 6);
	CHECK(c && c->is_part && c->place && !strcmp(c->place, "Upper Vale"));
	c = claim("killed", 31);
	CHECK(c && c->is_part && c->place && !strcmp(c->place, "Port Alden"));
	/* a name after the place is no one more killed */
	one("The flood killed 12 people in Elm Bay and Storm Ida brought more rain.");
	CHECK(!claim("killed", 13) && !claim("killed", 1));
	/* those along with the subject had it happen too */
	one("Tom Reyes was hurt along with a 15-year-old girl and a man.");
	CHECK(main_value("injured") == 3);
	one("A boy was hurt in a crash that also injured a woman.");
	CHECK(main_value("injured") == 2);
}

/* The same dead under another noun are one figure; a small count of
 * another group, or a count nobody states of people, stays its own. */
static void test_same_count_other_noun(void)
{
	art a[] = {{NULL, "The ambush killed 12 people, officials said.", {2024, 5, 12}, -1},
	           {NULL, "Twelve soldiers were killed in the ambush.", {2024, 5, 12}, -1},
	           {NULL, "Officials said 15 villagers and 2 guards were injured, and "
	                  "2 people were injured in the town.", {2024, 5, 13}, -1}};
	run(a, 3);
	const nf_figure *f = figure("killed", "people");
	CHECK(f && f->nclaims == 2 && f->value == 12);
	CHECK(!figure("killed", "troops"));
	CHECK(figure("injured", "guards") != NULL);
	CHECK(figure("injured", "villagers") != NULL || figure("injured", "residents") != NULL);
}

static void test_said_by(void)
{
	one("According to the coast guard, 14 sailors are still missing.");
	CHECK(claim("missing", 14) && !strcmp(claim("missing", 14)->said_by, "coast guard"));
	one("The governor's office said 61 homes were destroyed.");
	CHECK(claim("damaged", 61) && !strcmp(claim("damaged", 61)->said_by, "governor's office"));
	one("Regional and local radio reported 8 people were killed.");
	CHECK(claim("killed", 8) && !strcmp(claim("killed", 8)->said_by, "Regional and local radio"));
	one("Eleven people were injured, said the health department.");
	CHECK(claim("injured", 11) && !strcmp(claim("injured", 11)->said_by, "health department"));
	one("The Flood Relief Agency (FRA) said 30 people were evacuated.");
	CHECK(claim("displaced", 30) &&
	      !strcmp(claim("displaced", 30)->said_by, "Flood Relief Agency (FRA)"));
}

/* The speaker is who spoke, never the count, a day or an ordinal; an
 * aside between a name and its verb is skipped; a body after "in" or "to"
 * is part of the speaker. */
static void test_said_by_asides(void)
{
	const nf_claim *c;
	one("Rescue officials in Lake Orin, visited Sunday by the governor, reported six dead.");
	c = claim("killed", 6);
	CHECK(c && c->said_by && !strcmp(c->said_by, "Rescue officials in Lake Orin"));
	one("State radio, meanwhile, reported Tuesday that 4,000 people were evacuated.");
	c = claim("displaced", 4000);
	CHECK(c && c->said_by && !strcmp(c->said_by, "State radio"));
	one("Mara Quill, head of the county relief office, said nine people were hurt.");
	c = claim("injured", 9);
	CHECK(c && c->said_by && !strcmp(c->said_by, "Mara Quill"));
	one("The port's chief, Ivo Brandt, said 12 bodies were recovered.");
	c = claim("killed", 12);
	CHECK(c && c->said_by && !strcmp(c->said_by, "Ivo Brandt"));
	one("Army officers in Port Vale said 300 people fled their homes.");
	c = claim("displaced", 300);
	CHECK(c && c->said_by && !strcmp(c->said_by, "Army officers in Port Vale"));
	one("The envoy to the Arctic Council said 40 people were killed.");
	c = claim("killed", 40);
	CHECK(c && c->said_by && !strcmp(c->said_by, "envoy to the Arctic Council"));
	/* what was said is no speaker */
	one("The mayor, who toured the valley, said seven bodies were found.");
	c = claim("killed", 7);
	CHECK(c && (!c->said_by || strcmp(c->said_by, "seven bodies")));
	one("Two radio stations put the toll at 30, but a third said 25 people were killed.");
	c = claim("killed", 25);
	CHECK(c && (!c->said_by || strcmp(c->said_by, "third")));
	one("The river town was flooded, one resident reported killed.");
	c = claim("killed", 1);
	CHECK(c && !c->said_by);
	/* "said killed": the speaker said it */
	one("The blast, which firefighters said killed 5 people, levelled a shed.");
	c = claim("killed", 5);
	CHECK(c && c->said_by && !strcmp(c->said_by, "firefighters"));
	/* "the confirmed toll" is no speech */
	one("The find brought the confirmed death toll in the valley to 23.");
	c = claim("killed", 23);
	CHECK(c && !c->said_by);
	/* "claimed ... lives" is a measure, not speech */
	one("The landslide claimed 14 lives in the village.");
	c = claim("killed", 14);
	CHECK(c && !c->said_by);
	/* an abbreviated title is part of the name, after the verb or before */
	one("Nine people were hurt, said Capt. Ana Ruiz, a fire service spokeswoman.");
	c = claim("injured", 9);
	CHECK(c && c->said_by && !strcmp(c->said_by, "Capt. Ana Ruiz"));
	one("Brig. Gen. Tor Lind said 60 soldiers were deployed to the coast.");
	c = claim("deployed", 60);
	CHECK(c && c->said_by && !strcmp(c->said_by, "Brig. Gen. Tor Lind"));
	/* "many" says who, but names nobody */
	one("Four people died in the fire, but many said the toll was higher.");
	c = claim("killed", 4);
	CHECK(c && !c->said_by);
}

/* A count and its revision in one sentence are one count at two times,
 * never parts of a sum. */
static void test_revision_is_no_sum(void)
{
	one("The sheriff initially put the number of dead at 9, but his deputy later said the "
	    "toll was lowered to 8.");
	CHECK(claim("killed", 9) && claim("killed", 8) && !claim("killed", 17));
	one("Police said 6 people were killed, up from 4 on Monday.");
	CHECK(!claim("killed", 10));
	/* groups told together still add up */
	one("Nine villagers and two soldiers were killed.");
	CHECK(claim("killed", 11) && claim("killed", 11)->is_sum);
}

/* Damage counts buildings: a person is no count of it, and a sum of
 * buildings is buildings. */
static void test_damaged_buildings(void)
{
	one("The governor toured the badly damaged school on Monday.");
	CHECK(!claim("damaged", 1));
	one("Nine homes and three shops were destroyed by the fire.");
	const nf_claim *c = claim("damaged", 12);
	CHECK(c && c->is_sum && !strcmp(c->subject, "buildings"));
	one("The flood destroyed 30 barns and damaged 20 others.");
	c = claim("damaged", 20);
	CHECK(c && !strcmp(c->subject, "barns") && c->is_part);
	/* what a place's possessive is followed by is what was counted */
	one("The cyclone destroyed 700 of Port Alden's 9,000 houses, the mayor said.");
	c = claim("damaged", 700);
	CHECK(c && !strcmp(c->subject, "homes") && !c->is_part);
	CHECK(!claim("damaged", 9000));
	/* a preposition or "either" ends the phrase */
	one("Dozens of cabins near the lake were damaged.");
	c = claim("damaged", 24);
	CHECK(c && !strcmp(c->subject, "cabins"));
	one("The storm damaged 14 barns either in the hills or by the river.");
	c = claim("damaged", 14);
	CHECK(c && !strcmp(c->subject, "barns"));
}

/* A name struck or hit with no gunfire said is a place, not a person
 * shot; with gunfire it is one. */
static void test_struck_places(void)
{
	one("The storm struck Port Alden on Friday and moved inland.");
	CHECK(nclaims() == 0);
	one("A bullet struck Ada Quinn in the arm outside the bar.");
	CHECK(claim("injured", 1) != NULL);
}

static void test_hedges(void)
{
	one("Local radio reported 50 people were killed, citing a blog. The "
	    "ministry would not confirm that number, and the post has since been "
	    "deleted.");
	const nf_claim *c = claim("killed", 50);
	CHECK(c && c->hedged && !strcmp(c->hedge, "unconfirmed, deleted"));
	one("Local radio reported 50 people were killed. The weather was cold.");
	c = claim("killed", 50);
	CHECK(c && !c->hedged && !c->hedge);
	one("Officials said 12 people died and the toll could rise.");
	c = claim("killed", 12);
	CHECK(c && c->hedged && !strcmp(c->hedge, "could rise"));
	one("Police confirmed 6 people were injured.");
	c = claim("injured", 6);
	CHECK(c && !c->hedged);
	/* "an estimated N" is the source's count, labelled, not doubted */
	one("The flood left an estimated 3,000 people homeless in the valley.");
	c = claim("displaced", 3000);
	CHECK(c && !c->hedged && c->hedge && !strcmp(c->hedge, "estimated"));
	one("Estimates ran as high as 40 dead, but the ministry has not confirmed it.");
	c = claim("killed", 40);
	CHECK(c && c->hedged);
}

static void test_not_counts(void)
{
	one("The 1998 flood killed many, and the dam was rebuilt in 2004.");
	CHECK_INT(nclaims(), 0);
	one("Mayor Ortiz, 64, said the storm injured residents.");
	CHECK_INT(nclaims(), 0);
	one("Police made arrests there 30 years ago.");
	CHECK_INT(nclaims(), 0);
	one("At 3:40 the bridge was damaged.");
	CHECK_INT(nclaims(), 0);
	one("Turnout fell 12% and shares worth $5 million were destroyed.");
	CHECK_INT(nclaims(), 0);
	one("A group of 9,000 raiders attacked the town, and its 2nd gate was damaged.");
	CHECK_INT(nclaims(), 0);
	one("Call 555-0192 if you saw anyone injured.");
	CHECK_INT(nclaims(), 0);
	one("The officer fired one shot, and nobody else was hurt.");
	CHECK_INT(nclaims(), 0);
	one("A mother of two was hurt.");
	CHECK(main_value("injured") == 1);
	one("Jo Marsh, 18, died; Al Reyes, 40, of Elm Bay was hurt.");
	CHECK(main_value("killed") == 1 && main_value("injured") == 1);
	one("Her 12 wounds and 64 casings were examined by the coroner.");
	CHECK_INT(nclaims(), 0);
	one("Hospital staff count 31 dead, eight more than the official count.");
	CHECK_INT(nclaims(), 1);
	CHECK(claim("killed", 31) != NULL);
	one("The 81-year-old bridge near Pier No 4 was damaged.");
	CHECK_INT(nclaims(), 0);
}

static void test_one_person(void)
{
	one("A 12-year-old boy was killed and his mother wounded.");
	const nf_claim *c = claim("killed", 1);
	CHECK(c && !strcmp(c->subject, "children"));
	CHECK(claim("injured", 1) != NULL);
	one("A Maple Grove seventh-grader died on Friday.");
	c = claim("killed", 1);
	CHECK(c && !strcmp(c->subject, "children"));
	one("A 15 year old girl was killed and a 19-year old was hurt.");
	CHECK(main_value("killed") == 1 && main_value("injured") == 1);
	one("The victim died at the scene on Friday. Two boys were killed in the crash.");
	CHECK(main_value("killed") == 2);
	one("A man was taken to a hospital. Police said four teens were wounded.");
	CHECK(main_value("injured") == 4);
	one("A girl was killed and her father was wounded.");
	CHECK(main_value("killed") == 1 && main_value("injured") == 1);
	one("A man was taken to a hospital, and an officer was hurt.");
	CHECK(!strcmp(main_figure("injured")->subject, "people"));
	one("Two ninth-graders were hurt, and a 10th-grader was killed.");
	CHECK(main_value("injured") == 2 && main_value("killed") == 1);
	one("Dana Price, 31, was shot and killed on Friday.");
	CHECK(claim("killed", 1) != NULL);
	CHECK(claim("injured", 1) == NULL);
	one("The gunfire killed 19-year-old Milo Brandt.");
	CHECK(claim("killed", 1) != NULL);
	/* shot, then died: the one shot is the one who died */
	one("A man was shot on Main Street. He died at the hospital, and the victim "
	    "was pronounced dead at 9 p.m.");
	const nf_claim *shot = claim("injured", 1);
	CHECK(shot && shot->is_shot);
	CHECK(claim("killed", 1) != NULL);
	CHECK(figure("injured", "people") && figure("injured", "people")->value == 0);
	one("Three men were shot, and one man was killed.");
	CHECK(figure("injured", "people") && figure("injured", "people")->value == 2);
	one("The officer was not injured.");
	CHECK_INT(nclaims(), 0);
}

static void test_tolls_and_forces(void)
{
	one("The death toll rose to 31 on Monday, officials said.");
	const nf_claim *c = claim("killed", 31);
	CHECK(c && !strcmp(c->said_by, "officials"));
	one("The number of people detained by police reached 400.");
	CHECK(claim("detained", 400) != NULL);
	/* a strike of mines is no one hit; people shot are */
	one("The number of striking mills rose to 40.");
	CHECK_INT(nclaims(), 0);
	one("The number of people shot rose to 12.");
	CHECK(claim("injured", 12) != NULL);
	one("The alliance agreed, and a force numbering around 3,000 is operating in the region.");
	c = claim("deployed", 3000);
	CHECK(c && !strcmp(c->subject, "troops") && !strcmp(c->qualifier, "around"));
	one("About 600 people have now left their homes.");
	CHECK(claim("displaced", 600) != NULL);
	one("Two guards from the company that owns the mine were arrested on Friday.");
	CHECK(claim("detained", 2) != NULL);
	one("The hospital sent 12 patients to other towns.");
	CHECK_INT(nclaims(), 0);
}

static void test_range(void)
{
	one("Between 10 and 15 people were injured in the stampede.");
	const nf_claim *c = claim("injured", 10);
	CHECK(c && c->low == 10 && c->high == 15);
	CHECK(c && c->qualifier && !strcmp(c->qualifier, "between"));
	one("Up to 40 fishermen are missing after the storm.");
	c = claim("missing", 40);
	CHECK(c && isnan(c->low) && c->high == 40);
}

static void test_names_and_pronouns(void)
{
	one("Police said Jo Marsh, 31, and Al Reyes, 40, were killed.");
	CHECK(main_value("killed") == 2);
	one("The blast, killing Tom Hale and Rita Voss, shook the town.");
	CHECK(main_value("killed") == 2);
	one("Rita Voss died in the fire and Voss was buried on Friday.");
	CHECK(main_value("killed") == 1); /* one person, named twice */
	one("He was shot in the leg.");
	CHECK(claim("injured", 1) && claim("injured", 1)->is_shot);
	one("A gunman burst in, killing her.");
	CHECK(main_value("killed") == 1);
	one("A statue of him was shot.");
	CHECK_INT(nclaims(), 0);
	one("The Murray State College student was wounded.");
	CHECK(main_value("injured") == 1);
}

static void test_appositives_and_lists(void)
{
	one("The victim, a 25-year-old man, was killed.");
	CHECK_INT(nclaims(), 1);
	one("Jo Marsh, a 31-year-old teacher from Elm Bay, was shot and killed.");
	CHECK(main_value("killed") == 1);
	one("A man and his 14-year-old daughter were found dead.");
	CHECK(main_value("killed") == 2);
	one("The gunman killed two men and a woman.");
	CHECK(main_value("killed") == 3);
	one("He killed his wife and son before turning the gun on himself.");
	CHECK(main_value("killed") == 3);
	one("Both men were wounded.");
	CHECK(main_value("injured") == 2);
	one("Jo Li drove up with his cousin, and both were shot dead.");
	CHECK(main_value("killed") == 2);
	one("Three people were killed and another injured.");
	CHECK(main_value("killed") == 3 && main_value("injured") == 1);
	one("Two of the victims, 19-year-old Jo Marsh and 44-year-old Al Roe, "
	    "were pronounced dead at the scene.");
	CHECK(main_value("killed") == 2);
}

static void test_active_voice(void)
{
	one("A man shot his wife.");
	CHECK_INT(nclaims(), 1); /* the wife; he shot no one but her */
	CHECK(main_value("injured") == 1);
	one("The gunman fatally shot his brother.");
	CHECK(main_value("killed") == 1 && !main_figure("injured"));
	one("A teen who allegedly killed a 15-year-old girl was arrested.");
	CHECK(main_value("killed") == 1);
	/* the doer of two verbs, or of a perfect, is no one more dead */
	one("A gunman shot and killed four hikers on the trail.");
	CHECK(main_value("killed") == 4 && !claim("killed", 5));
	one("A gunman has killed four hikers on the trail.");
	CHECK(main_value("killed") == 4 && !claim("killed", 5));
	one("Four hikers have been killed on the trail.");
	CHECK(main_value("killed") == 4);
}

static void test_self_harm(void)
{
	one("He killed his wife before killing himself.");
	CHECK(main_value("killed") == 2);
	one("A man shot himself.");
	CHECK_INT(nclaims(), 1);
	one("She tried to kill herself.");
	CHECK_INT(nclaims(), 0);
	one("The man later took his own life.");
	CHECK(main_value("killed") == 1);
	one("Police say the father killed his son, then fatally shot self.");
	CHECK(main_value("killed") == 2);
	one("A woman killed her sister before committing suicide.");
	CHECK(main_value("killed") == 2);
	one("The coach said every player should take care of self.");
	CHECK_INT(nclaims(), 0);
	/* the subject harmed by his own hand is counted once */
	one("A 4-year-old was taken to a hospital after he found a gun and shot himself.");
	CHECK(main_value("injured") == 1 && !claim("injured", 2));
	one("A man shot his 2-year-old son dead before turning the gun on himself.");
	CHECK(main_value("killed") == 2);
}

static void test_care(void)
{
	one("The victim was taken to a hospital.");
	const nf_claim *c = claim("injured", 1);
	CHECK(c && c->is_shot); /* wounded, or dead on arrival */
	one("She is in critical condition.");
	c = claim("injured", 1);
	CHECK(c && !c->is_shot);
	one("He suffered non-life-threatening injuries.");
	CHECK(claim("injured", 1) != NULL);
	one("He was not seriously hurt.");
	CHECK(claim("injured", 1) != NULL);
	one("A 6-year-old girl shot late on Friday has died, the sheriff said.");
	CHECK(main_value("killed") == 1 && !main_figure("injured"));
}

static void test_shot_less_killed(void)
{
	one("Five students were shot, one of whom died.");
	CHECK(main_value("killed") == 1);
	const nf_claim *c = claim("injured", 5);
	CHECK(c && c->is_shot);
	CHECK(main_value("injured") == 4);
	one("Two men were shot, one of them fatally.");
	CHECK(main_value("killed") == 1 && main_value("injured") == 1);
	/* with no one dead, the shot are the wounded */
	one("Four people were shot. One man was wounded in the arm.");
	CHECK(main_value("injured") == 4);
	/* the others are counted apart from the dead */
	one("A man died after he and four others were shot.");
	CHECK(main_value("killed") == 1 && main_value("injured") == 4);
	one("A woman was killed. Three other people were shot in the legs.");
	CHECK(main_value("killed") == 1 && main_value("injured") == 3);
	/* shot and wounded: alive */
	one("A woman was killed. Two men were shot and wounded.");
	CHECK(main_value("killed") == 1 && main_value("injured") == 2);
	CHECK(claim("injured", 2) && !claim("injured", 2)->is_shot);
	/* across articles: a later death lowers an earlier count of the shot */
	art a[] = {{NULL, "Four people were shot outside the club.", {2024, 5, 11}, -1},
	           {NULL, "One of the victims died on Sunday.", {2024, 5, 12}, -1}};
	run(a, 2);
	CHECK(main_value("killed") == 1 && main_value("injured") == 3);
	const nf_figure *f = main_figure("injured");
	CHECK(f && f->explanation && strstr(f->explanation, "less the 1 killed"));
}

static void test_several_events(void)
{
	art a[] = {{NULL, "Five people were killed in weekend shootings across the city.",
	            {2024, 5, 12}, -1},
	           {NULL, "A man was killed on Elm Street on Saturday.", {2024, 5, 12}, -1}};
	run(a, 2);
	const nf_claim *c = claim("killed", 5);
	CHECK(c && c->is_aggregate);
	CHECK(main_value("killed") == 1);
	const nf_figure *f = main_figure("killed");
	CHECK(f && f->explanation && strstr(f->explanation, "over several events"));
	/* since a day before the story began: a city's total; since the day it
	 * began (2024-05-12 was a Sunday): the story's own running count */
	art b[] = {{NULL, "Four people have been shot in the city since Friday.", {2024, 5, 12}, -1},
	           {NULL, "The hospital has treated 40 injured people since Sunday.", {2024, 5, 14}, -1}};
	run(b, 2);
	c = claim("injured", 40);
	CHECK(c && !c->is_aggregate);
	c = claim("injured", 4); /* the shot are filed as injured */
	CHECK(c && c->is_aggregate);
	/* a span of days, or attacks in the plural: a city's round-up */
	one("Nine people were wounded from Friday evening to early Sunday.");
	c = claim("injured", 9);
	CHECK(c && c->is_aggregate);
	one("Six people were hurt in attacks across the county.");
	c = claim("injured", 6);
	CHECK(c && c->is_aggregate);
	one("Six people were hurt on Friday evening.");
	c = claim("injured", 6);
	CHECK(c && !c->is_aggregate);
}

static void test_headlines(void)
{
	art a = {"Lakeside woman killed in crash", "The road was closed for hours.",
	         {2024, 5, 12}, -1};
	run(&a, 1);
	CHECK(main_value("killed") == 1);
	art b = {"Accidental shooting death under investigation", "Police are asking for help.",
	         {2024, 5, 12}, -1};
	run(&b, 1);
	CHECK(main_value("killed") == 1);
}

/* A headline over a body that says nothing more, on 12 May 2024. */
static void headline(const char *title)
{
	art a = {title, "Police are asking for help.", {2024, 5, 12}, -1};
	run(&a, 1);
}

static void test_headline_people(void)
{
	headline("Police name driver killed in rockfall");
	CHECK(main_value("killed") == 1);
	headline("Youth charged with killing cousin");
	CHECK(main_value("killed") == 1);
	headline("Woman, man found dead in cabin");
	CHECK(main_value("killed") == 2);
	headline("Man, woman hurt in crash");
	CHECK(main_value("injured") == 2);
	headline("Father, two sons killed in crash");
	CHECK(main_value("killed") == 3);
	headline("Father and son hurt in crash");
	CHECK(main_value("injured") == 2);
	headline("Hunter accidentally shoots brother near cabin");
	CHECK(main_value("injured") == 1);
	headline("Gunman kills 2, injures 5 at market");
	CHECK(main_value("killed") == 2 && main_value("injured") == 5);
	headline("Third worker dies after warehouse fire");
	CHECK(main_value("killed") == 3);
	headline("Deputies report murder-suicide of aunt, nephew");
	CHECK(main_value("killed") == 2);
	headline("Farmer kills neighbour, then himself at home");
	CHECK(main_value("killed") == 2 && !figure("killed", "homes"));
	headline("Trucker kills 6-year-old nephew, himself");
	CHECK(main_value("killed") == 2);
	headline("Deputies investigate attempted murder-suicide");
	CHECK(!main_figure("killed"));
	one("Police said it was a double murder-suicide.");
	const nf_claim *c = claim("killed", 3);
	CHECK(c && isnan(c->high));
}

static void test_what_did_not_happen(void)
{
	one("The surgeon said the wound could have killed him.");
	CHECK(!main_figure("killed"));
	one("Officers say she was going to kill her landlord and two tenants.");
	CHECK(!main_figure("killed"));
	one("The man tried to kill three people with a knife.");
	CHECK(!main_figure("killed"));
	one("A teen was charged with attempted murder on Friday.");
	CHECK(!main_figure("killed"));
	one("One of the attempted second-degree murder counts was dropped.");
	CHECK(!main_figure("killed"));
	one("Almost 20 people died in the blaze.");
	CHECK(main_value("killed") == 20);
	one("The falling crane nearly killed two workers.");
	CHECK(!main_figure("killed"));
	one("Reporters asked whether anyone had died.");
	CHECK(!main_figure("killed"));
	one("Nine people should've been dead, the pilot said.");
	CHECK(!main_figure("killed"));
	/* an attempt to do something else that ended in a death */
	headline("Attempt to clean rifle ends in shooting death");
	CHECK(main_value("killed") == 1);
	/* which of them is not told */
	one("Nobody knew which of the four miners died first.");
	CHECK(!claim("killed", 4));
}

static void test_other_events(void)
{
	art a = {"Two hurt in bar shooting",
	         "Two people were hurt in a shooting at a bar on Saturday. In 2019, "
	         "a gunman killed 5 people at the same bar. Last year 3 people were "
	         "killed nearby. On March 2, a man was shot dead two streets away. "
	         "The fire broke out two months after a blast killed 12 workers.",
	         {2024, 5, 12}, -1};
	run(&a, 1);
	const nf_figure *f = main_figure("killed");
	CHECK(f && isnan(f->value)); /* no count of this event */
	CHECK(f && f->explanation && strstr(f->explanation, "another event"));
	for (size_t i = 0; f && i < f->nclaims; i++)
		CHECK(f->claims[i].is_other);
	CHECK(main_value("injured") == 2);
	/* a month before the first report, said without a day */
	art b = {"Man hurt in crash", "A man was hurt. In December, a crash killed 4 people.",
	         {2025, 1, 20}, -1};
	run(&b, 1);
	CHECK(!claim("killed", 4) || claim("killed", 4)->is_other);
	/* the lead is the article's own, and a later death of this event is */
	art c = {"Trial opens", "The man accused of killing 2 people at a bar went on trial. "
	         "One victim died two days after the shooting.", {2024, 5, 12}, -1};
	run(&c, 1);
	CHECK(main_value("killed") == 2);
}

static void test_later_death(void)
{
	one("Three men who were shot outside a bar on Friday have died.");
	CHECK(main_value("killed") == 3);
	one("A boy who was critically wounded in the crash on Friday died on Sunday.");
	CHECK(main_value("killed") == 1 && !main_figure("injured"));
	headline("7-year-old shot by 5-year-old cousin dies");
	CHECK(main_value("killed") == 1 && main_value("injured") == 0);
	one("Jo Marsh, 15, was taken off life support on Thursday.");
	CHECK(main_value("killed") == 1);
	one("Both climbers were pronounced deceased at the base.");
	CHECK(main_value("killed") == 2);
	one("A guard was shot four times and died at a clinic.");
	CHECK(main_value("killed") == 1);
	one("A third passenger has died since the crash.");
	const nf_claim *c = claim("killed", 3);
	CHECK(c && c->low == 3 && isnan(c->high));
	/* an ordinal of the wounded alone may follow the dead */
	one("A third passenger was hurt in the storm.");
	CHECK(main_value("injured") == 1);
	one("He fired a second shot at the car.");
	CHECK(!main_figure("injured") && !main_figure("killed"));
	one("The rifle was a single shot 308, the sheriff said.");
	CHECK_INT(nclaims(), 0);
	/* after a count of one less, the ordinal is the total of them */
	one("Three hikers were shot and a fourth was struck by a falling branch.");
	c = claim("injured", 4);
	CHECK(c && c->low == 4 && c->high == 4 && main_value("injured") == 4);
	CHECK(claim("injured", 3) && claim("injured", 3)->is_part);
}

static void test_wounded_alive(void)
{
	one("A man was killed. Another man was shot in the arm.");
	CHECK(main_value("killed") == 1 && main_value("injured") == 1);
	one("A woman was killed and a man was shot in the leg and treated and released.");
	CHECK(main_value("injured") == 1);
	one("Six guards were shot and three are being treated at a clinic.");
	CHECK(!claim("injured", 9));
}

static void test_counting_people(void)
{
	one("Police said three men and three women were hurt near the pier.");
	CHECK(main_value("injured") == 6);
	one("A five-year-old and two adults were hurt in the crash.");
	CHECK(main_value("injured") == 3);
	one("Staff said Ann Bee, Cy Dee, and Ed Fay all suffered injuries.");
	CHECK(main_value("injured") == 3);
	one("Seven sailors were hurt, including one in critical condition and one "
	    "in fair condition.");
	CHECK(main_value("injured") == 7);
	one("Her nephew was among six hurt in the collapse.");
	CHECK(main_value("injured") == 6);
	one("A crew of four was found dead. Caption: a crew of four was found dead "
	    "and a crew of four was found dead.");
	CHECK(main_value("killed") == 4);
	one("A son who later killed himself was found in the barn.");
	CHECK(main_value("killed") == 1);
	one("A 15-year-old girl shot and killed herself with a pistol.");
	CHECK(main_value("killed") == 1);
	headline("Neighbours say shooting victim, suspect had argued");
	CHECK(!claim("injured", 2));
	one("The rampage left 6 dead, wounded 2 others.");
	CHECK(main_value("killed") == 6 && main_value("injured") == 2);
	one("Detectives reopened the fatal shooting of a clerk.");
	CHECK(main_value("killed") == 1);
}

static void test_more_not_counts(void)
{
	one("A total of 8 workers, including a foreman, were hurt.");
	CHECK(!main_figure("killed") && main_value("injured") == 8);
	one("The pilot \u2014 Jo Brandt, 62 \u2014 died of his injuries.");
	CHECK(!claim("killed", 62));
	one("Police said Al Reyes Jr., 44, shot his neighbour.");
	CHECK(!claim("injured", 44) && main_value("injured") == 1);
	one("The other riders, ages 21, 34 and 40, were hurt.");
	CHECK(!claim("injured", 34));
	one("The two girls, 7 and 9, were hurt.");
	CHECK(main_value("injured") == 2 && !claim("injured", 7));
	one("Two sons, 10 and 12, and their father were found dead.");
	CHECK(!claim("killed", 10) && !claim("killed", 12) && !claim("killed", 23));
	one("She said a man who went by \"212\" was there when the clerk was shot.");
	CHECK(!claim("injured", 212) && main_value("injured") == 1);
	one("Troopers found the driver on Hwy 61 with a gunshot wound.");
	CHECK(!claim("injured", 61));
	one("Her aunt said she was worried about him getting hurt.");
	CHECK(main_figure("injured") && !main_figure("injured")->claims[0].qualifier);
}

/* A run-on list of 2,000 counts: claims are capped per document and each
 * quotes the words around it, not the whole run. */
static void test_long_sentence(void)
{
	nf_buf b = NF_BUF_INIT;
	for (int i = 1; i <= 2000; i++)
		nf_buf_printf(&b, "%d people were hurt and ", i);
	nf_buf_puts(&b, "none died.");
	one(b.data);
	size_t n = nclaims();
	CHECK(n > 100 && n <= 256 + 1); /* and their sum */
	for (size_t i = 0; i < brief->nfigures; i++)
		for (size_t k = 0; k < brief->figures[i].nclaims; k++)
			CHECK(strlen(brief->figures[i].claims[k].text) < 700);
	nf_buf_free(&b);
}

static void test_headline_and_date(void)
{
	art a = {"Storm leaves 17 dead in coastal towns",
	         "The storm hit on Saturday. On May 11, 2024, rescuers said 4 people "
	         "were missing.",
	         {2024, 5, 12}, -1};
	run(&a, 1);
	const nf_claim *c = claim("killed", 17);
	CHECK(c && c->sent == -1);
	c = claim("missing", 4);
	CHECK(c && c->sent == 1 && c->date.d == 11);
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_digits);
	RUN(test_number_words);
	RUN(test_vague);
	RUN(test_qualifiers);
	RUN(test_negation);
	RUN(test_parts);
	RUN(test_components);
	RUN(test_same_count_other_noun);
	RUN(test_said_by);
	RUN(test_said_by_asides);
	RUN(test_revision_is_no_sum);
	RUN(test_damaged_buildings);
	RUN(test_struck_places);
	RUN(test_hedges);
	RUN(test_not_counts);
	RUN(test_one_person);
	RUN(test_tolls_and_forces);
	RUN(test_range);
	RUN(test_names_and_pronouns);
	RUN(test_appositives_and_lists);
	RUN(test_active_voice);
	RUN(test_self_harm);
	RUN(test_care);
	RUN(test_shot_less_killed);
	RUN(test_several_events);
	RUN(test_headlines);
	RUN(test_headline_people);
	RUN(test_what_did_not_happen);
	RUN(test_other_events);
	RUN(test_later_death);
	RUN(test_wounded_alive);
	RUN(test_counting_people);
	RUN(test_more_not_counts);
	RUN(test_long_sentence);
	RUN(test_headline_and_date);
	nf_brief_free(brief);
	nf_corpus_free(corpus);
	nf_ctx_free(ctx);
	return harness_done();
}
