/*
 * test_examples.c - end to end on the project's own example corpus
 * (examples/, described in examples/README.md): a fictional dam collapse
 * told by nine outlets, with a syndicated copy, a machine-translated
 * rewrite, conflicting, changing and agreed figures, spelling variants and
 * relative dates. The brief must show what the README says it shows.
 */
#include <string.h>

#include "harness.h"

static json_object *brief;

static const char *id_of(const char *prefix)
{
	return hj_str(hj_source(brief, prefix), "id");
}

static void test_sources_and_copies(void)
{
	json_object *src = hj_get(brief, "sources");
	CHECK_INT(hj_len(src), 9);
	CHECK_STR(hj_str(hj_source(brief, "02"), "copy_of"), id_of("01"));
	CHECK_STR(hj_str(hj_source(brief, "03"), "copy_of"), id_of("01"));
	int links = 0;
	for (size_t i = 0; i < hj_len(src); i++)
		links += hj_str(hj_at(src, i), "copy_of") != NULL;
	CHECK_INT(links, 2);
	CHECK_INT(json_object_get_int(hj_get(brief, "independent_sources")), 7);
}

static void test_dates(void)
{
	CHECK_STR(hj_str(hj_source(brief, "01"), "published"), "2025-03-09");
	CHECK_STR(hj_str(hj_source(brief, "04"), "published"), "2025-03-10");
	CHECK_STR(hj_str(hj_source(brief, "05"), "published"), "2025-03-11");
	CHECK_STR(hj_str(hj_source(brief, "09"), "published"), "2025-03-12");
	CHECK(json_object_get_boolean(hj_get(hj_source(brief, "07"), "estimated")));
	CHECK(json_object_get_boolean(hj_get(hj_source(brief, "08"), "estimated")));
	CHECK(!json_object_get_boolean(hj_get(hj_source(brief, "01"), "estimated")));
	CHECK_STR(hj_str(hj_source(brief, "01"), "byline") ? "set" : NULL, "set");
}

static void test_figures(void)
{
	json_object *killed = hj_figure(brief, "killed", "conflict");
	CHECK(killed != NULL);
	CHECK(hj_claim(killed, 15) != NULL);
	CHECK(hj_claim(killed, 23) != NULL);
	json_object *missing = hj_figure(brief, "missing", "changing");
	CHECK(missing != NULL);
	CHECK(json_object_get_double(hj_get(missing, "value")) == 44);
	json_object *evac = hj_figure(brief, "displaced", "changing");
	CHECK(evac != NULL);
	CHECK(json_object_get_double(hj_get(evac, "value")) == 7100);
	json_object *deployed = hj_figure(brief, "deployed", "agreed");
	CHECK(deployed != NULL);
	CHECK(json_object_get_double(hj_get(deployed, "value")) == 1200);
}

static void test_entities(void)
{
	CHECK(hj_entity_with(brief, (const char *const[]){"Zolotivka", "Zolotovka", NULL}));
	CHECK(hj_entity_with(brief, (const char *const[]){"Hordiienko", "Gordienko", NULL}));
	CHECK(hj_entity_with(brief, (const char *const[]){"Pavlyk", "Pavlik", NULL}));
	json_object *ncpa = hj_entity_with(brief, (const char *const[]){"NCPA", "National Civil Protection Agency", NULL});
	CHECK(ncpa != NULL);
	CHECK_STR(hj_str(ncpa, "kind"), "organisation");
	json_object *ents = hj_get(brief, "entities");
	for (size_t i = 0; i < hj_len(ents); i++) {
		const char *name = hj_str(hj_at(ents, i), "name");
		CHECK(!hj_contains(name, "WordPress") && !hj_contains(name, "Licensing"));
	}
}

static void test_timeline_and_summary(void)
{
	json_object *tl = hj_get(brief, "timeline");
	CHECK(hj_len(tl) >= 4);
	CHECK_STR(hj_str(hj_first_day_event(brief), "date"), "2025-03-04");
	/* "last week" in the Sunday wire story: the seven days before it, a
	 * span, not a day; its copies resolve it against the same Sunday */
	CHECK_STR(hj_str(hj_at(tl, 0), "date"), "2025-03-02");
	CHECK_STR(hj_str(hj_at(tl, 0), "end"), "2025-03-08");
	CHECK_INT(hj_len(hj_get(hj_at(tl, 0), "sources")), 3);
	int burst = 0;
	for (size_t i = 0; i < hj_len(tl); i++)
		burst |= hj_str(hj_at(tl, i), "date") &&
		         !strcmp(hj_str(hj_at(tl, i), "date"), "2025-03-09");
	CHECK(burst);
	json_object *sum = hj_get(brief, "summary");
	CHECK(hj_len(sum) >= 3);
	CHECK(json_object_get_int(hj_get(hj_at(sum, 0), "independent")) >= 3);
}

int main(void)
{
	char **files = harness_list("examples", ".txt");
	size_t n = 0;
	while (files && files[n])
		n++;
	brief = harness_brief_files(files, n);
	CHECK(brief != NULL);
	if (brief) {
		RUN(test_sources_and_copies);
		RUN(test_dates);
		RUN(test_figures);
		RUN(test_entities);
		RUN(test_timeline_and_summary);
	}
	json_object_put(brief);
	harness_list_free(files);
	return harness_done();
}
