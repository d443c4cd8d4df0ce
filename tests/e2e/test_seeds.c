/*
 * test_seeds.c - end to end on the five seed reports (../shared/seeds): the
 * brief's JSON must show what the issue asks of them. The seeds are read at
 * run time; none of their text is in this repository.
 */
#include <ctype.h>
#include <string.h>

#include "harness.h"

static json_object *brief;

static json_object *source(const char *prefix)
{
	return hj_source(brief, prefix);
}

static const char *source_id(const char *prefix)
{
	return hj_str(hj_source(brief, prefix), "id");
}

static void test_sources(void)
{
	json_object *src = hj_get(brief, "sources");
	CHECK_INT(hj_len(src), 5);
	for (size_t i = 0; i < hj_len(src); i++) {
		const char *title = hj_str(hj_at(src, i), "title");
		CHECK(title && strlen(title) > 20);
		CHECK(json_object_get_int(hj_get(hj_at(src, i), "words")) > 150);
		/* Every article is dated: from its text or estimated from the rest. */
		CHECK(hj_str(hj_at(src, i), "published") != NULL);
	}
	/* 002's headline loses its " | Section" suffix. */
	CHECK(hj_str(source("002"), "title") && !strchr(hj_str(source("002"), "title"), '|'));
	/* 003 states its date in the dateline; the year comes from the story. */
	CHECK_STR(hj_str(source("003"), "published"), "2022-01-09");
	CHECK(!json_object_get_boolean(hj_get(source("003"), "estimated")));
	CHECK(json_object_get_boolean(hj_get(source("001"), "estimated")));
	CHECK(json_object_get_boolean(hj_get(source("002"), "estimated")));
	/* Boilerplate was dropped from the articles that end in it. */
	CHECK(json_object_get_int(hj_get(source("000"), "lines_dropped")) >= 8);
	CHECK(json_object_get_int(hj_get(source("004"), "lines_dropped")) >= 15);
}

static void test_copies(void)
{
	json_object *src = hj_get(brief, "sources");
	CHECK_STR(hj_str(source("003"), "copy_of"), source_id("000"));
	int links = 0;
	for (size_t i = 0; i < hj_len(src); i++)
		links += hj_str(hj_at(src, i), "copy_of") != NULL;
	CHECK_INT(links, 1);
	CHECK_INT(json_object_get_int(hj_get(brief, "independent_sources")), 4);
}

/* Web furniture that must never reach the summary, timeline or entities. */
static const char *const boilerplate[] = {
	"subscribe", "newsletter", "email address", "mailchimp", "leave a reply",
	"min read", "source link", "facebook comments", "sign up", "download our",
	"podcast", "required fields", "views and opinions", "certificate course",
	"share this", "on demand", "@", "http", "www.", NULL};

static int has_boilerplate(const char *s)
{
	for (const char *const *b = boilerplate; s && *b; b++)
		if (hj_contains(s, *b))
			return 1;
	return 0;
}

static void test_no_boilerplate(void)
{
	json_object *sum = hj_get(brief, "summary"), *tl = hj_get(brief, "timeline");
	json_object *ents = hj_get(brief, "entities");
	for (size_t i = 0; i < hj_len(sum); i++)
		CHECK(!has_boilerplate(hj_str(hj_at(sum, i), "text")));
	for (size_t i = 0; i < hj_len(tl); i++)
		CHECK(!has_boilerplate(hj_str(hj_at(tl, i), "text")));
	for (size_t i = 0; i < hj_len(ents); i++) {
		const char *name = hj_str(hj_at(ents, i), "name");
		CHECK(!has_boilerplate(name));
		/* outlets and photo agencies of the credits are not story entities */
		CHECK(!hj_contains(name, "SBS") && !hj_contains(name, "Kootneeti") &&
		      !hj_contains(name, "Sipa") && !hj_contains(name, "TASS"));
	}
}

static int words(const char *s)
{
	int n = 0, in = 0;
	for (; s && *s; s++) {
		if (isspace((unsigned char)*s))
			in = 0;
		else if (!in)
			in = 1, n++;
	}
	return n;
}

static void test_summary(void)
{
	json_object *sum = hj_get(brief, "summary");
	CHECK(hj_len(sum) >= 3);
	int total = 0;
	int multi = 0;
	for (size_t i = 0; i < hj_len(sum); i++) {
		json_object *s = hj_at(sum, i);
		total += words(hj_str(s, "text"));
		CHECK(hj_len(hj_get(s, "sources")) >= 1);
		multi += json_object_get_int(hj_get(s, "independent")) >= 2;
		for (size_t k = 0; k < i; k++)
			CHECK(strcmp(hj_str(s, "text"), hj_str(hj_at(sum, k), "text")) != 0);
	}
	CHECK(total >= 60 && total <= 150);
	/* Facts told by several independent outlets are there and cited so. */
	CHECK(multi >= 2);
}

static json_object *figure(const char *measure, const char *status)
{
	return hj_figure(brief, measure, status);
}

static void test_deaths(void)
{
	json_object *f = figure("killed", "conflict");
	CHECK(f != NULL);
	json_object *c164 = hj_claim(f, 164), *c42 = hj_claim(f, 42);
	CHECK(c164 != NULL);
	CHECK(c42 != NULL);
	CHECK(json_object_get_boolean(hj_get(c42, "sum")));
	/* The state-media figure is flagged as unconfirmed where it is. */
	json_object *cl = hj_get(f, "claims");
	int hedged = 0;
	for (size_t i = 0; i < hj_len(cl); i++)
		hedged += json_object_get_boolean(hj_get(hj_at(cl, i), "hedged"));
	CHECK(hedged >= 1);
	CHECK(hj_str(f, "explanation") != NULL);
}

static void test_detentions(void)
{
	json_object *f = figure("detained", NULL);
	CHECK(f != NULL);
	CHECK(hj_claim(f, 5800) != NULL);
	CHECK(hj_claim(f, 6044) != NULL);
	json_object *c10k = hj_claim(f, 10000);
	CHECK(c10k != NULL);
	CHECK(hj_str(c10k, "qualifier") != NULL);
	const char *st = hj_str(f, "status");
	CHECK(st && (!strcmp(st, "changing") || !strcmp(st, "conflict")));
}

static void test_troops(void)
{
	json_object *f = figure("deployed", "agreed");
	CHECK(f != NULL);
	CHECK(json_object_get_double(hj_get(f, "value")) == 2500);
	json_object *cl = hj_get(f, "claims");
	const char *first = NULL;
	int distinct = 0;
	for (size_t i = 0; i < hj_len(cl); i++) {
		const char *s = hj_str(hj_at(cl, i), "source");
		if (json_object_get_double(hj_get(hj_at(cl, i), "value")) != 2500 || !s)
			continue;
		if (!first)
			first = s, distinct = 1;
		else if (strcmp(first, s))
			distinct = 2;
	}
	CHECK_INT(distinct, 2);
}

static json_object *entity_with(const char *const *spellings)
{
	return hj_entity_with(brief, spellings);
}

static void test_entities(void)
{
	CHECK(entity_with((const char *const[]){"Tokayev", "Tokaev", NULL}));
	CHECK(entity_with((const char *const[]){"Massimov", "Masimov", NULL}));
	CHECK(entity_with((const char *const[]){"Nazarbayev", "Nazarbaev", NULL}));
	CHECK(entity_with((const char *const[]){"Nur-Sultan", "Nure-Sultan", NULL}));
	json_object *csto = entity_with((const char *const[]){"CSTO", "Collective Security", NULL});
	CHECK(csto != NULL);
	CHECK_STR(hj_str(csto, "kind"), "organisation");
	json_object *tok = entity_with((const char *const[]){"Tokayev", NULL});
	CHECK_STR(hj_str(tok, "kind"), "person");
	/* mentioned by every source */
	json_object *per = hj_get(tok, "sources");
	CHECK(per && json_object_object_length(per) == 5);
}

static void test_timeline(void)
{
	json_object *tl = hj_get(brief, "timeline");
	CHECK(hj_len(tl) >= 4);
	CHECK_STR(hj_str(hj_first_day_event(brief), "date"), "2022-01-02");
	for (size_t i = 1; i < hj_len(tl); i++)
		CHECK(strcmp(hj_str(hj_at(tl, i - 1), "date"), hj_str(hj_at(tl, i), "date")) <= 0);
	for (size_t i = 0; i < hj_len(tl); i++)
		CHECK(hj_len(hj_get(hj_at(tl, i), "sources")) >= 1);
}

int main(void)
{
	char **files = harness_list(harness_shared("seeds"), ".txt");
	size_t n = 0;
	while (files && files[n])
		n++;
	CHECK_INT(n, 5);
	brief = harness_brief_files(files, n);
	if (!brief) {
		harness_check(0, "the seeds brief as JSON", __FILE__, __LINE__);
		harness_run("brief", test_sources);
		return harness_done();
	}
	RUN(test_sources);
	RUN(test_copies);
	RUN(test_no_boilerplate);
	RUN(test_summary);
	RUN(test_deaths);
	RUN(test_detentions);
	RUN(test_troops);
	RUN(test_entities);
	RUN(test_timeline);
	json_object_put(brief);
	harness_list_free(files);
	return harness_done();
}
