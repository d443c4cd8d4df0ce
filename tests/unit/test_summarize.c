/* test_summarize.c - the cited extractive summary (summarize.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "stages.h"
#include "summary.h"

static nf_ctx *ctx;
static nf_corpus *corpus;
static nf_brief *brief;

/* Three outlets' own reports of a fictional plant fire, and a reprint of
 * the first. The evacuation (38 workers) is in all three; the injured
 * firefighters in two; the rest is each outlet's own. */
static const char REPORT_A[] =
	"Fire at Halvorsen plant\n\n"
	"A fire broke out at the Halvorsen solvent plant in Brennick on Monday "
	"night and 38 workers were evacuated, the county fire service said.\n\n"
	"Two firefighters were treated in hospital for smoke inhalation after "
	"the blaze, which took five hours to bring under control.\n\n"
	"The plant manager, Odile Tersch, said production lines would stay shut "
	"for at least a week while inspectors checked the storage tanks.\n\n"
	"Residents of nearby Calloway Street were told to keep their windows "
	"closed until the smoke cleared.\n";

static const char REPORT_B[] =
	"Brennick chemical blaze forces evacuation\n\n"
	"Firefighters battled flames at Brennick's Halvorsen solvent plant on "
	"Monday night, and all 38 workers on the night shift got out safely.\n\n"
	"Two firefighters needed hospital treatment for inhaling smoke, a fire "
	"service spokesman said.\n\n"
	"Environmental officials took samples from the Mell stream behind the "
	"plant to check for leaked chemicals.\n\n"
	"The company has been fined twice since 2015 for storage violations, "
	"according to county records.\n";

static const char REPORT_C[] =
	"Night fire hits solvent factory\n\n"
	"The county fire service said 38 workers left the Halvorsen solvent "
	"plant in Brennick when a fire broke out on Monday night.\n\n"
	"Union representative Jarek Moll said staff had warned management "
	"about a faulty ventilation unit in the mixing hall last month.\n\n"
	"Traffic on the ring road near the plant was diverted for most of the "
	"night as a precaution.\n";

static const char REPRINT_A[] =
	"Halvorsen plant fire in Brennick\n\n"
	"A fire broke out at the Halvorsen solvent plant in Brennick on Monday "
	"night and 38 workers were evacuated, the county fire service said.\n\n"
	"Two firefighters were treated in hospital for smoke inhalation after "
	"the blaze, which took five hours to bring under control.\n\n"
	"The plant manager, Odile Tersch, said production lines would stay shut "
	"for at least a week while inspectors checked the storage tanks.\n";

static void release(void)
{
	if (brief) {
		nf_arena_free(&brief->arena);
		free(brief);
		brief = NULL;
	}
	nf_corpus_free(corpus);
	corpus = NULL;
}

/* Runs the stages before the summary on texts[0..n). */
static void prepare(const char *const *texts, size_t n)
{
	release();
	nf_corpus_new(&corpus, ctx);
	for (size_t i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof name, "r%zu.txt", i);
		CHECK(nf_corpus_add(corpus, name, texts[i], strlen(texts[i]), NF_INPUT_TEXT) == NF_OK);
	}
	CHECK(nf_clean(corpus) == NF_OK);
	for (size_t i = 0; i < NF_NDOCS(corpus); i++)
		CHECK(nf_text_analyze(corpus, NF_DOC(corpus, i)) == NF_OK);
	CHECK(nf_copies_link(corpus) == NF_OK);
}

/* Runs the stages up to the summary on texts[0..n) with a word budget. */
static void summarize(const char *const *texts, size_t n, int words)
{
	prepare(texts, n);
	brief = calloc(1, sizeof *brief);
	brief->corpus = corpus;
	brief->opts = (nf_brief_options)NF_BRIEF_OPTIONS_INIT;
	brief->opts.summary_words = words;
	CHECK(nf_summarize(brief) == NF_OK);
}

static size_t count_words(const char *s)
{
	size_t n = 0;
	int in = 0;
	for (; *s; s++) {
		int alnum = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		            (*s >= '0' && *s <= '9') || (unsigned char)*s >= 0x80;
		n += alnum && !in;
		in = alnum || ((*s == '\'' || *s == '-' || *s == ',' || *s == '.') && in &&
		               s[1] && s[1] != ' ');
	}
	return n;
}

static int cites(const nf_summary_item *it, int doc)
{
	for (size_t i = 0; i < it->nsources; i++)
		if (it->sources[i] == doc)
			return 1;
	return 0;
}

static const char *const ALL[] = {REPORT_A, REPORT_B, REPORT_C, REPRINT_A};

/* Story order of an item among undated articles: article, then sentence. */
static int story_rank(const nf_summary_item *it)
{
	return it->doc * 1000 + it->sent;
}

static void test_multi_source_first_and_cited(void)
{
	summarize(ALL, 4, 120);
	CHECK(brief->nsummary >= 2);
	if (brief->nsummary < 1)
		return;
	const nf_summary_item *first = &brief->summary[0];
	CHECK(strstr(first->text, "38") != NULL);
	CHECK(cites(first, 0) && cites(first, 1) && cites(first, 2) && cites(first, 3));
	CHECK_INT(first->nsources, 4);
	CHECK_INT(first->independent, 3); /* the reprint counts once */
	CHECK(first->doc >= 0 && cites(first, first->doc));
	const nf_doc *d = NF_DOC(corpus, first->doc);
	CHECK(first->sent >= 0 && (size_t)first->sent < d->nsents);
	CHECK(d->copy_of < 0); /* quoted from an original, not the reprint */
	/* the opener is the weightiest (here also the best supported); the rest
	 * follow in story order */
	for (size_t i = 1; i < brief->nsummary; i++) {
		CHECK(brief->summary[i].independent <= first->independent);
		if (i > 1)
			CHECK(story_rank(&brief->summary[i - 1]) < story_rank(&brief->summary[i]));
	}
	/* the injured firefighters: two outlets, in other words */
	int injured = 0;
	for (size_t i = 0; i < brief->nsummary; i++)
		if (strstr(brief->summary[i].text, "smoke"))
			injured = (int)brief->summary[i].independent;
	CHECK_INT(injured, 2);
}

static void test_no_repeats(void)
{
	summarize(ALL, 4, 200);
	size_t evacuation = 0, injured = 0;
	for (size_t i = 0; i < brief->nsummary; i++) {
		const char *t = brief->summary[i].text;
		evacuation += strstr(t, "38") != NULL;
		injured += strstr(t, "inhal") != NULL;
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(t, brief->summary[j].text) != 0);
	}
	CHECK_INT(evacuation, 1);
	CHECK_INT(injured, 1);
}

static void test_budget(void)
{
	summarize(ALL, 4, 40);
	size_t total = 0;
	for (size_t i = 0; i < brief->nsummary; i++)
		total += count_words(brief->summary[i].text);
	CHECK(brief->nsummary >= 1);
	CHECK(total <= 40 || brief->nsummary == 1);

	summarize(ALL, 4, 1); /* always one whole sentence */
	CHECK_INT(brief->nsummary, 1);
	if (brief->nsummary)
		CHECK(count_words(brief->summary[0].text) >= 6);
}

static void test_skips_fragments(void)
{
	static const char *const t[] = {
		"Storm note\n\n"
		"He said it was over.\n\n"
		"\"We are fine,\" said a neighbour of the family on Elm Row.\n\n"
		"READ MORE STORIES LIKE THIS ONE ON OUR WEBSITE TODAY.\n\n"
		"Witnesses should phone the parks office at "
		"555-201-3344 during office hours.\n\n"
		"A storm uprooted 14 oak trees along the river path in Tolland on "
		"Sunday afternoon, the parks department said.\n"};
	summarize(t, 1, 120);
	CHECK_INT(brief->nsummary, 1);
	if (brief->nsummary)
		CHECK(strstr(brief->summary[0].text, "A storm uprooted") == brief->summary[0].text);
}

static void test_quotes(void)
{
	static const char *const t[] = {
		"Bridge note\n\n"
		"\"Every house on this street will be rebuilt before the winter comes.\"\n\n"
		"\"The Tolland bridge will reopen on Friday after the repairs,\" the "
		"transport office said on Tuesday.\n"};
	summarize(t, 1, 120);
	CHECK_INT(brief->nsummary, 1);
	if (brief->nsummary)
		CHECK(strstr(brief->summary[0].text, "transport office said") != NULL);
}

static void test_empty_corpus_text(void)
{
	static const char *const t[] = {"Headline only\n\nOk."};
	summarize(t, 1, 120);
	CHECK_INT(brief->nsummary, 0);
}

/* The texts of the units (whole and compressed) of one article. */
static size_t unit_texts(const char *text, char **out, size_t max)
{
	prepare(&text, 1);
	nf_sim sim;
	nf_vec units = NF_VEC_INIT;
	CHECK(nf_sim_build(&sim, corpus) == NF_OK);
	CHECK(nf_units_make(corpus, &sim, &units) == NF_OK);
	size_t n = 0;
	for (size_t i = 0; i < units.len && n < max; i++) {
		const nf_unit *u = &NF_VEC_AT(&units, nf_unit, i);
		out[n++] = nf_unit_text(&corpus->arena, corpus, u);
		CHECK(u->words == count_words(out[n - 1]));
	}
	nf_vec_free(&units);
	nf_sim_free(&sim);
	return n;
}

static int has_text(char **texts, size_t n, const char *want)
{
	for (size_t i = 0; i < n; i++)
		if (texts[i] && !strcmp(texts[i], want))
			return 1;
	return 0;
}

static void test_compression(void)
{
	static const char article[] =
		"Kessel dam note\n\n"
		"However, the Kessel dam held through the night after the river rose by two metres.\n\n"
		"Sandbags were piled along the quay, the Orle water board said on Tuesday.\n\n"
		"The river rose by two metres (about six feet) overnight in the town of Orle.\n\n"
		"\"The Kessel dam will hold through the night,\" the water board said on Tuesday.\n\n"
		"The Kessel dam would fail before the weekend, five percent of residents said.\n\n"
		"The flooded road was closed to traffic, which the police said was a precaution.\n\n"
		"The Orle bridge was shut for repairs on Monday, according to the county highway office.\n\n"
		"Most residents want a higher dam on the river, according to a poll by the town council.\n";
	char *t[16];
	size_t n = unit_texts(article, t, 16);
	/* a leading connective dropped, the next word capitalised */
	CHECK(has_text(t, n, "The Kessel dam held through the night after the river rose by two metres."));
	/* a trailing attribution and a short parenthesis dropped */
	CHECK(has_text(t, n, "Sandbags were piled along the quay."));
	CHECK(has_text(t, n, "The river rose by two metres overnight in the town of Orle."));
	/* whole sentences stay units too, except the one needing the one before */
	CHECK(has_text(t, n, "Sandbags were piled along the quay, the Orle water board said on Tuesday."));
	CHECK(!has_text(t, n, "However, the Kessel dam held through the night after the river rose by two metres."));
	/* a quote keeps its speaker, a share of people is no speaker to drop, a
	 * relative clause after the comma is not an attribution */
	CHECK(!has_text(t, n, "\"The Kessel dam will hold through the night.\""));
	CHECK(!has_text(t, n, "The Kessel dam would fail before the weekend."));
	CHECK(!has_text(t, n, "The flooded road was closed to traffic."));
	CHECK(has_text(t, n, "The Orle bridge was shut for repairs on Monday."));
	CHECK(!has_text(t, n, "Most residents want a higher dam on the river."));
	CHECK_INT(n, 11); /* seven whole sentences, four compressed */
}

/* Synthetic units for nf_select: unit i holds concept i of weight w[i]. */
static void select_case(const float *w, const uint32_t *words, const uint32_t *sents,
                        size_t n, const nf_conflict *cf, size_t ncf, size_t budget,
                        uint32_t *out, size_t *nout)
{
	float weight[8];
	uint32_t ids[8];
	nf_unit u[8];
	memset(u, 0, sizeof u);
	for (size_t i = 0; i < n; i++) {
		weight[i] = w[i];
		ids[i] = (uint32_t)i;
		u[i].sent = sents[i];
		u[i].words = words[i];
		u[i].c0 = (uint32_t)i;
		u[i].nc = 1;
		u[i].value = w[i];
	}
	nf_concepts k = {.weight = weight, .n = n, .ids = ids, .nids = n, .sources = 1};
	nf_vec chosen = NF_VEC_INIT;
	CHECK(nf_select(&k, u, n, cf, ncf, budget, &chosen) == NF_OK);
	*nout = chosen.len;
	for (size_t i = 0; i < chosen.len; i++)
		out[i] = NF_VEC_AT(&chosen, uint32_t, i);
	nf_vec_free(&chosen);
}

static void test_select(void)
{
	/* the heaviest unit alone fills most of the budget; the two lighter
	 * ones together are worth more */
	static const float w[] = {10, 7, 7};
	static const uint32_t words[] = {6, 5, 5}, sents[] = {0, 1, 2}, same[] = {0, 1, 1};
	uint32_t out[8];
	size_t n;
	select_case(w, words, sents, 3, NULL, 0, 10, out, &n);
	CHECK(n == 2 && out[0] == 1 && out[1] == 2);
	/* the two restate each other: the heaviest instead */
	nf_conflict cf = {1, 2};
	select_case(w, words, sents, 3, &cf, 1, 10, out, &n);
	CHECK(n == 1 && out[0] == 0);
	/* the two are forms of one sentence: the same */
	select_case(w, words, same, 3, NULL, 0, 10, out, &n);
	CHECK(n == 1 && out[0] == 0);
	/* nothing fits: the most valuable alone */
	select_case(w, words, sents, 3, NULL, 0, 4, out, &n);
	CHECK(n == 1 && out[0] == 0);
}

static void test_repeatable(void)
{
	summarize(ALL, 4, 60);
	char first[2048] = "";
	for (size_t i = 0; i < brief->nsummary; i++)
		strncat(first, brief->summary[i].text, sizeof first - strlen(first) - 1);
	summarize(ALL, 4, 60);
	char again[2048] = "";
	for (size_t i = 0; i < brief->nsummary; i++)
		strncat(again, brief->summary[i].text, sizeof again - strlen(again) - 1);
	CHECK_STR(again, first);
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_multi_source_first_and_cited);
	RUN(test_no_repeats);
	RUN(test_budget);
	RUN(test_skips_fragments);
	RUN(test_quotes);
	RUN(test_empty_corpus_text);
	RUN(test_compression);
	RUN(test_select);
	RUN(test_repeatable);
	release();
	nf_ctx_free(ctx);
	return harness_done();
}
