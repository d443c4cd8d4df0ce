/*
 * test_entities.c - people, places and organisations (entities.c) on small
 * fictional articles: variants, acronyms, possessives, sentence-initial
 * common words, titles, per-source counts, ranking and hostile input.
 *
 * Documents are given as clean text (the clean stage is not under test):
 * each article's body is tokenized and the stage runs on its own.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "stages.h"

static nf_ctx *ctx;
static nf_corpus *corpus;
static nf_brief *brief;

static void teardown(void)
{
	if (brief)
		nf_arena_free(&brief->arena);
	free(brief);
	brief = NULL;
	nf_corpus_free(corpus);
	corpus = NULL;
}

/* Entities of the n articles texts[]; titles[i] is a headline or NULL,
 * outlets[i] the article's publisher or NULL. */
static nf_status run_from(const char *const *texts, const char *const *titles,
                          const char *const *outlets, size_t n)
{
	teardown();
	if (nf_corpus_new(&corpus, ctx))
		return NF_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		nf_status st = nf_corpus_add(corpus, "t.txt", texts[i], strlen(texts[i]),
		                             NF_INPUT_TEXT);
		if (st)
			return st;
		nf_doc *d = NF_DOC(corpus, i);
		d->text = (char *)d->raw;
		d->text_len = d->raw_len;
		d->title = titles ? titles[i] : NULL;
		d->outlet = outlets ? outlets[i] : NULL;
		if ((st = nf_text_analyze(corpus, d)))
			return st;
	}
	brief = calloc(1, sizeof *brief);
	if (!brief)
		return NF_ENOMEM;
	brief->corpus = corpus;
	return nf_entities_build(brief);
}

static nf_status run(const char *const *texts, const char *const *titles, size_t n)
{
	return run_from(texts, titles, NULL, n);
}

/* The entity whose name or a variant is exactly s, or NULL. */
static const nf_entity *find(const char *s)
{
	for (size_t i = 0; brief && i < brief->nentities; i++) {
		const nf_entity *e = &brief->entities[i];
		if (!strcmp(e->name, s))
			return e;
		for (size_t v = 0; v < e->nvariants; v++)
			if (!strcmp(e->variants[v], s))
				return e;
	}
	return NULL;
}

/* Whether any entity's name or variant contains w. */
static int any_contains(const char *w)
{
	for (size_t i = 0; brief && i < brief->nentities; i++) {
		const nf_entity *e = &brief->entities[i];
		if (strstr(e->name, w))
			return 1;
		for (size_t v = 0; v < e->nvariants; v++)
			if (strstr(e->variants[v], w))
				return 1;
	}
	return 0;
}

static const char *const voronkov[] = {
	"President Aleksandr Voronkov of Veldavia met his ministers on Monday. "
	"Voronkov's office said the Northern Maritime Treaty Organisation (NMTO) "
	"would send observers to Tarsk. Mr Voronkov later spoke in Tarsk.\n",
	"Aleksandr Voronkow arrived in Tarsk on Tuesday, the Northern Maritime "
	"Treaty Organization said. Voronkow told reporters that the NMTO mission "
	"in the port was over.\n"};

static void test_variants_and_counts(void)
{
	CHECK(run(voronkov, NULL, 2) == NF_OK);
	const nf_entity *p = find("Voronkov");
	CHECK(p != NULL);
	CHECK(p == find("Voronkow"));
	CHECK(p == find("Aleksandr Voronkov") || p == find("Aleksandr Voronkow"));
	if (p) {
		CHECK(strchr(p->name, ' ') != NULL); /* the full name is canonical */
		CHECK_INT(p->kind, NF_ENT_PERSON);
		CHECK_INT(p->mentions, 5);
		CHECK_INT(p->doc_mentions[0], 3);
		CHECK_INT(p->doc_mentions[1], 2);
	}
	const nf_entity *t = find("Tarsk");
	CHECK(t != NULL);
	if (t) {
		CHECK_INT(t->kind, NF_ENT_PLACE);
		CHECK_INT(t->mentions, 3);
	}
}

static void test_acronym(void)
{
	CHECK(run(voronkov, NULL, 2) == NF_OK);
	const nf_entity *o = find("NMTO");
	CHECK(o != NULL);
	CHECK(o == find("Northern Maritime Treaty Organisation"));
	CHECK(o == find("Northern Maritime Treaty Organization"));
	if (o) {
		CHECK_INT(o->kind, NF_ENT_ORG);
		CHECK(strcmp(o->name, "NMTO") != 0); /* the expansion names it */
		CHECK_INT(o->mentions, 4);
	}
	/* An acronym joins the one name whose initials it is, even without
	 * brackets. */
	static const char *const noparen[] = {
		"The Harbour Safety Board inspected the quay on Friday.\n",
		"Inspectors from the HSB returned to the quay, the HSB said.\n"};
	CHECK(run(noparen, NULL, 2) == NF_OK);
	CHECK(find("HSB") != NULL && find("HSB") == find("Harbour Safety Board"));
}

static void test_titles_and_initial_words(void)
{
	static const char *const texts[] = {
		"Demonstrators gathered near the old harbour in Porvenna. "
		"Officials said the march was calm. Deputy Interior Minister Lena "
		"Marsh said the demonstrators had left by noon. Marsh's aides "
		"denied that police used force. Former Mayor Otto Brann said the "
		"officials had lied.\n"};
	CHECK(run(texts, NULL, 1) == NF_OK);
	CHECK(!any_contains("Demonstrators"));
	CHECK(!any_contains("Officials"));
	CHECK(!any_contains("Minister") && !any_contains("Deputy") && !any_contains("Interior"));
	CHECK(!any_contains("Former") && !any_contains("Mayor"));
	const nf_entity *m = find("Lena Marsh");
	CHECK(m != NULL && m == find("Marsh")); /* "Marsh's" is a mention */
	if (m) {
		CHECK_INT(m->kind, NF_ENT_PERSON);
		CHECK_INT(m->mentions, 2);
	}
	const nf_entity *b = find("Otto Brann");
	CHECK(b != NULL && b->kind == NF_ENT_PERSON);
	const nf_entity *p = find("Porvenna");
	CHECK(p == NULL || p->kind == NF_ENT_PLACE);
}

/* A word that opens sentences ("Despite", "Meanwhile") is no part of the
 * name after it, even in a corpus that never writes it in lower case. */
static void test_sentence_openers(void)
{
	static const char *const texts[] = {
		"Mayor Ilse Varga visited the shelters. Despite Varga's pledge, the "
		"shelters ran short of blankets. Meanwhile Kestrel Radio said the "
		"river had crested. Kestrel Radio later said the roads were open.\n"};
	CHECK(run(texts, NULL, 1) == NF_OK);
	CHECK(!any_contains("Despite"));
	CHECK(!any_contains("Meanwhile"));
	const nf_entity *v = find("Ilse Varga");
	CHECK(v != NULL && v == find("Varga"));
	CHECK(find("Kestrel Radio") != NULL);
}

static void test_distinct_people(void)
{
	static const char *const texts[] = {
		"Police detained Timur Belov and Timur Belikov on Sunday. "
		"Belov was released, while Belikov stayed in custody. "
		"A court in Dorrin will hear Belikov on Friday.\n",
		"Timur Belikov's lawyer said the charges against Belikov were false, "
		"and Timur Belov said he would testify in Dorrin.\n"};
	CHECK(run(texts, NULL, 2) == NF_OK);
	const nf_entity *a = find("Timur Belov"), *b = find("Timur Belikov");
	CHECK(a != NULL && b != NULL && a != b);
	CHECK(find("Belov") == a);
	CHECK(find("Belikov") == b);
	if (b)
		CHECK_INT(b->mentions, 5);
}

/* One family in the news: the bare surname is the member the reports tell
 * of mostly, and stays apart when two are told of about as often. */
static void test_family_name(void)
{
	static const char *const texts[] = {
		("Governor Ilona Varga signed the budget on Monday. Varga said taxes would "
		 "not rise. Her husband, Peter Varga, watched from the gallery.\n"),
		"Ilona Varga vetoed the road bill, and Varga told reporters why.\n",
		"Critics of Ilona Varga marched in Sendra. Varga did not meet them.\n",
		"Pilots Tomas Brenn and Karel Brenn crossed the strait. Brenn landed first.\n",
		"Karel Brenn and Tomas Brenn flew home, and Brenn thanked the crowd.\n"};
	CHECK(run(texts, NULL, 5) == NF_OK);
	const nf_entity *ilona = find("Ilona Varga"), *peter = find("Peter Varga");
	CHECK(ilona != NULL && ilona != peter);
	CHECK(find("Varga") == ilona);
	if (ilona)
		CHECK_INT(ilona->mentions, 6);
	const nf_entity *brenn = find("Brenn");
	CHECK(brenn != NULL && brenn != find("Tomas Brenn") && brenn != find("Karel Brenn"));
}

/* A nationality used as an adjective is no person, though a misread role
 * ("rival Ostrani units") says one; a titled person who also modifies
 * nouns stays a person. */
static void test_adjective_is_no_person(void)
{
	static const char *const texts[] = {
		("Ostrani troops crossed the river at dawn. Ostrani tanks followed, and "
		 "Ostrani officials denied it. Ostrani forces held the bridge.\n"),
		("Ostrani soldiers shelled the port as rival Ostrani units watched. "
		 "Ostrani diplomats walked out, and the rival Ostrani militia cheered.\n"),
		("Ostrani guns fell silent. Ostrani ships left port, Ostrani banks shut, "
		 "Ostrani schools closed and Ostrani farmers fled. Ostrani roads emptied, "
		 "Ostrani prices rose and Ostrani markets fell.\n"),
		("President Lanz met Ostrani envoys. Lanz said the Lanz administration "
		 "would answer. Lanz flew home.\n")};
	CHECK(run(texts, NULL, 4) == NF_OK);
	const nf_entity *adj = find("Ostrani"), *lanz = find("Lanz");
	CHECK(adj != NULL && adj->kind != NF_ENT_PERSON);
	CHECK(lanz != NULL && lanz->kind == NF_ENT_PERSON);
}

/* The period of an abbreviation without a vowel ("St.", "Ft.") is part of
 * the name, not its end. */
static void test_abbreviation_in_name(void)
{
	static const char *const texts[] = {
		"Ash fell on Port St. Aubin on Sunday, and Ft. Kellam closed its gates.\n",
		"Residents of Port St. Aubin swept the streets while Ft. Kellam stayed shut.\n"};
	CHECK(run(texts, NULL, 2) == NF_OK);
	const nf_entity *port = find("Port St. Aubin");
	CHECK(port != NULL && port->mentions == 2);
	CHECK(find("Ft. Kellam") != NULL);
	CHECK(!find("Aubin") && !find("Port St"));
}

/* An abbreviated title before a name is no name of its own, however rare
 * the rank ("Brig.", "Atty."): the list is the tokenizer's. */
static void test_abbreviated_titles(void)
{
	static const char *const texts[] = {
		"\"The search goes on,\" said Brig. Omar Haddad-Selim, the harbour's "
		"deputy chief. Deputy Dist. Atty. Noor Halvik filed charges, and "
		"Halvik said more would follow.\n"};
	CHECK(run(texts, NULL, 1) == NF_OK);
	CHECK(!any_contains("Brig") && !any_contains("Atty"));
	const nf_entity *o = find("Omar Haddad-Selim");
	CHECK(o != NULL && o->kind == NF_ENT_PERSON);
	const nf_entity *h = find("Noor Halvik");
	CHECK(h != NULL && h == find("Halvik") && h->kind == NF_ENT_PERSON);
}

/* A legislator's party and state after the name ("D-Ore.") is no entity. */
static void test_party_affiliation(void)
{
	static const char *const texts[] = {
		("Sen. Jo Lind, D-Ore., asked for a vote, and Sen. Amos Tully, R-Pa., "
		 "agreed with Lind on Tuesday.\n"),
		"Rep. Mara Quist (D-Ill.) said Tully and Lind would meet again.\n"};
	CHECK(run(texts, NULL, 2) == NF_OK);
	CHECK(find("Jo Lind") != NULL && find("Amos Tully") != NULL);
	CHECK(!any_contains("D-Ore") && !any_contains("R-Pa") && !any_contains("D-Ill"));
}

/* A name standing alone in reports that never give the longer name it
 * ends ("Marova" beside "Port de Marova"), or the first name of another
 * person, keeps its own entity; a surname the full name introduces joins
 * it. */
static void test_short_name_of_its_own(void)
{
	static const char *const texts[] = {
		("Floods reached Port de Marova overnight, and Port de Marova lost power. "
		 "Forecaster Ilse Hanning said the rain would ease. Hanning expects calm.\n"),
		"Marova braced for more rain on Tuesday, and Marova opened shelters.\n",
		"Farmers near the coast lost crops as Marova counted the cost of the storm.\n",
		"Chairman Dan Quo met Quo Feng on Monday. Quo Feng later thanked Quo warmly.\n"};
	CHECK(run(texts, NULL, 4) == NF_OK);
	const nf_entity *town = find("Port de Marova"), *land = find("Marova");
	CHECK(town != NULL && land != NULL && town != land);
	CHECK(find("Hanning") == find("Ilse Hanning"));
	CHECK(find("Quo") != find("Dan Quo"));
}

static void test_demonym_and_lists(void)
{
	static const char *const texts[] = {
		"Veldavian troops crossed into Veldavia from Ostmark on Monday. "
		"Envoys from Ostmark, Brelland and Quarra met in Tarsk. "
		"Veldavian officials in Tarsk said the talks failed.\n"};
	CHECK(run(texts, NULL, 1) == NF_OK);
	const nf_entity *v = find("Veldavian"), *p = find("Veldavia");
	CHECK(v == NULL || v != p);
	if (v)
		CHECK_INT(v->kind, NF_ENT_OTHER);
	/* Brelland only appears in a list with places: it is one too. */
	const nf_entity *b = find("Brelland");
	CHECK(b == NULL || b->kind == NF_ENT_PLACE);
	const nf_entity *o = find("Ostmark");
	CHECK(o != NULL && o->kind == NF_ENT_PLACE);
}

static void test_ranking_and_headline(void)
{
	static const char *const texts[] = {
		"Rescuers reached Kolvik on Monday. Kolvik was cut off. Engineers said "
		"Kolvik would get power back. Halmar Energy said Kolvik had no "
		"power.\n",
		"Halmar Energy restored power on Tuesday, the company said.\n",
		"Halmar Energy crews worked through the night.\n"};
	static const char *const titles[] = {
		"Storm cuts off Kolvik", "Power back after storm", NULL};
	CHECK(run(texts, titles, 3) == NF_OK);
	CHECK(brief->nentities >= 2);
	if (brief->nentities >= 2) {
		/* three sources outrank five mentions in one */
		CHECK_STR(brief->entities[0].name, "Halmar Energy");
		CHECK_STR(brief->entities[1].name, "Kolvik");
		CHECK_INT(brief->entities[1].mentions, 5); /* 4 in the body, 1 in the headline */
	}
}

static void test_no_boilerplate(void)
{
	static const char *const texts[] = {
		"Write to Desk@Newsroom.example or visit Newsroom.example/Contact for "
		"more. Photo: Ann Lee/Wire Agency\n\nSHARE THIS STORY WITH FRIENDS\n\n"
		"Subscribe Now\n\nThe Lorne Bridge reopened on Monday, the Lorne Bridge "
		"Authority said.\n"};
	CHECK(run(texts, NULL, 1) == NF_OK);
	CHECK(!any_contains("Newsroom") && !any_contains("Desk"));
	CHECK(!any_contains("Ann Lee") && !any_contains("Wire Agency"));
	CHECK(!any_contains("SHARE") && !any_contains("Subscribe"));
	CHECK(find("Lorne Bridge") != NULL);
}

static void test_hostile_input(void)
{
	static const char *const plain[] = {"it rained all day.\n"};
	CHECK(run(plain, NULL, 1) == NF_OK);
	CHECK_INT(brief->nentities, 0);
	nf_doc *d = NF_DOC(corpus, 0);
	d->text = NULL; /* a document that cleaning emptied */
	d->ntoks = d->nsents = 0;
	CHECK(nf_entities_build(brief) == NF_OK);
	CHECK_INT(brief->nentities, 0);
	/* Long capitalised runs, many hyphens, odd Unicode. */
	size_t n = 60000;
	char *big = malloc(n + 1);
	CHECK(big != NULL);
	if (!big)
		return;
	const char *chunk = "Aa-Bb-Cc-Dd-Ee-Ff-Gg-Hh-Ii-Jj-Kk-Ll-Mm-Nn-Oo-Pp-Qq-Rr Zürich "
	                    "Ōsaka ÉCOLE said in Łódź that O'Brien and al-Rashid met. ";
	size_t cl = strlen(chunk), o = 0;
	while (o + cl < n) {
		memcpy(big + o, chunk, cl);
		o += cl;
	}
	big[o] = '\0';
	const char *texts[] = {big, "Capital Capital Capital Capital Capital Capital "
	                            "Capital Capital Capital Capital went home.\n"};
	CHECK(run(texts, NULL, 2) == NF_OK);
	CHECK(brief->nentities <= 40);
	CHECK(find("Łódź") != NULL);
	free(big);
}

/* The outlets of the sources are not actors of the story, under their
 * full name or their core ("Harbour Wire" of "Harbour Wire News Agency"),
 * but a place that shares a word with one ("Ostrava" of "Ostrava Today")
 * stays. */
static void test_publishers(void)
{
	const char *const texts[] = {
		"The mayor of Ostrava, Lenka Dvorak, told Harbour Wire on Monday that the "
		"bridge over the river would stay closed. Ostrava has two other bridges.",
		"Lenka Dvorak said the bridge was unsafe, according to Harbour Wire. Ostrava "
		"Today readers sent photographs of the cracks, and Ostrava Today asked the "
		"council for the inspection report."};
	const char *const outlets[] = {"Harbour Wire News Agency", "Ostrava Today"};
	CHECK(run_from(texts, NULL, outlets, 2) == NF_OK);
	CHECK(find("Lenka Dvorak") != NULL);
	CHECK(find("Ostrava") != NULL);
	CHECK(find("Harbour Wire") == NULL);
	CHECK(find("Ostrava Today") == NULL);
	teardown();
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_variants_and_counts);
	RUN(test_acronym);
	RUN(test_titles_and_initial_words);
	RUN(test_sentence_openers);
	RUN(test_distinct_people);
	RUN(test_family_name);
	RUN(test_adjective_is_no_person);
	RUN(test_abbreviation_in_name);
	RUN(test_abbreviated_titles);
	RUN(test_party_affiliation);
	RUN(test_short_name_of_its_own);
	RUN(test_demonym_and_lists);
	RUN(test_ranking_and_headline);
	RUN(test_no_boilerplate);
	RUN(test_hostile_input);
	RUN(test_publishers);
	teardown();
	nf_ctx_free(ctx);
	return harness_done();
}
