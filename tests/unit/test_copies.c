/* test_copies.c - copy links and groups (copies.c, similar.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies.h"
#include "harness.h"
#include "similar.h"
#include "stages.h"

static nf_ctx *ctx;
static nf_corpus *corpus;

/* A wire story about a fictional flood, and the texts derived from it. */
static const char *WIRE =
	"Flood forces evacuation of Varndale\n\n"
	"By Jane Holloway\n\n"
	"VARNDALE, March 3 (Northwire) - Floodwater from the Orrin River forced "
	"4,310 residents of Varndale to leave their homes on Tuesday, the "
	"regional emergency office said.\n\n"
	"The river rose 2.7 metres overnight after three days of heavy rain, "
	"breaching a levee built in 1962 near the old tannery district.\n\n"
	"Mayor Ilse Brandtner said 17 schools would stay closed until Friday and "
	"asked volunteers to report to the Kessling sports hall.\n\n"
	"Rescue crews in boats carried 212 people from flooded farms east of the "
	"town, fire chief Tomas Weyland told reporters.\n\n"
	"The national weather service warned that another 80 millimetres of rain "
	"could fall on the Orrin basin by Thursday evening.\n\n"
	"Insurers estimated early damage at 36 million crowns, mostly to "
	"warehouses and a grain terminal on the riverbank.\n\n"
	"Reporting by Jane Holloway and Piet Absalom; editing by Mara Quint\n";

/* The same story reprinted with a new headline, one paragraph dropped and
 * a word changed. */
static const char *REPRINT =
	"Thousands flee rising Orrin River\n\n"
	"VARNDALE, March 3 (Northwire) - Floodwater from the Orrin River forced "
	"4,310 residents of Varndale to leave their homes on Tuesday, the "
	"regional emergency office said.\n\n"
	"The river rose 2.7 metres overnight after three days of heavy rain, "
	"breaching a levee built in 1962 near the old tannery district.\n\n"
	"Mayor Ilse Brandtner said 17 schools would remain closed until Friday and "
	"asked volunteers to report to the Kessling sports hall.\n\n"
	"Rescue crews in boats carried 212 people from flooded farms east of the "
	"town, fire chief Tomas Weyland told reporters.\n\n"
	"Insurers estimated early damage at 36 million crowns, mostly to "
	"warehouses and a grain terminal on the riverbank.\n";

/* The story translated into another language and back: reworded and
 * reordered, crediting the same journalist. */
static const char *TRANSLATED =
	"Varndale evacuated because of the floods\n\n"
	"by Jane Holloway\n\n"
	"VARNDALE, March 3 (Northwire) - Some 4,310 inhabitants of Varndale had "
	"to abandon their homes on Tuesday because of the floodwater of the "
	"Orrin River, announced the emergency office of the region.\n\n"
	"According to fire chief Tomas Weyland, rescue crews using boats "
	"evacuated 212 people from the flooded farms to the east of the town.\n\n"
	"After three days of strong rain, the river rose by 2.7 metres during "
	"the night and broke through a levee dating from 1962, close to the "
	"former tannery district.\n\n"
	"The mayor, Ilse Brandtner, declared that the 17 schools stay closed "
	"until Friday, and she invited volunteers to present themselves at the "
	"Kessling sports hall.\n\n"
	"First estimates from insurers put the damage at 36 million crowns, "
	"above all to warehouses and to a grain terminal on the bank.\n\n"
	"The weather service predicts 80 millimetres more rain on the Orrin "
	"basin by Thursday evening.\n";

/* Another outlet's own report of the same flood: shares official facts,
 * written independently, with its own reporting. */
static const char *INDEPENDENT =
	"Varndale residents count the cost as Orrin floods farms\n\n"
	"By Colm Ferriter, Valley Gazette\n\n"
	"Water stood a metre deep in the kitchen of Hedda Larsson's farmhouse "
	"on Tuesday as she waited for a boat to take her goats to higher "
	"ground.\n\n"
	"\"We have lived here forty years and never seen the Orrin like this,\" "
	"said Larsson, 71, whose family grows barley east of Varndale.\n\n"
	"The regional emergency office said 4,310 residents had been told to "
	"leave their homes after the river broke through a levee.\n\n"
	"At the Kessling sports hall, volunteers handed out blankets and soup "
	"to families who arrived with pets and suitcases.\n\n"
	"Local farmers said the levee had been patched repeatedly and blamed "
	"the council for years of delays to a promised new embankment.\n\n"
	"A council spokesman said repairs had been planned for next summer.\n";

static void setup(void)
{
	nf_corpus_free(corpus);
	corpus = NULL;
	nf_corpus_new(&corpus, ctx);
}

/* Adds texts[0..n) and runs the stages up to copy detection. */
static void link_texts(const char *const *texts, size_t n)
{
	setup();
	for (size_t i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof name, "t%zu.txt", i);
		CHECK(nf_corpus_add(corpus, name, texts[i], strlen(texts[i]), NF_INPUT_TEXT) == NF_OK);
	}
	CHECK(nf_clean(corpus) == NF_OK);
	for (size_t i = 0; i < NF_NDOCS(corpus); i++) {
		nf_doc *d = NF_DOC(corpus, i);
		if (!d->text) { /* no cleaning stage yet: the raw body will do */
			d->text = (char *)d->raw;
			d->text_len = d->raw_len;
		}
		CHECK(nf_text_analyze(corpus, d) == NF_OK);
	}
	CHECK(nf_copies_link(corpus) == NF_OK);
}

static nf_doc *doc(size_t i)
{
	return NF_DOC(corpus, i);
}

static void test_verbatim_copy(void)
{
	const char *t[] = {WIRE, REPRINT};
	link_texts(t, 2);
	CHECK_INT(doc(0)->copy_of, -1);
	CHECK_INT(doc(1)->copy_of, 0);
	CHECK(doc(1)->copy_score > 0.8);
	CHECK_INT(doc(1)->group, 0);
	CHECK_INT(doc(0)->group, 0);
}

static void test_translation_linked(void)
{
	const char *t[] = {TRANSLATED, WIRE};
	link_texts(t, 2);
	CHECK_INT(doc(0)->copy_of, 1);
	CHECK_INT(doc(1)->copy_of, -1);
	CHECK_INT(doc(0)->group, 1);
}

static void test_independent_not_linked(void)
{
	const char *t[] = {WIRE, INDEPENDENT, REPRINT};
	link_texts(t, 3);
	CHECK_INT(doc(1)->copy_of, -1);
	CHECK_INT(doc(1)->group, 1);
	CHECK_INT(doc(0)->copy_of, -1);
	CHECK_INT(doc(2)->copy_of, 0);
}

/* Identical texts: the earlier publication date is the original. */
static void test_direction_by_date(void)
{
	setup();
	const char *jsonl =
		"{\"id\":\"late\",\"published\":\"2024-03-05\",\"text\":\"Rescue crews in boats "
		"carried 212 people from flooded farms east of Varndale, fire chief Tomas "
		"Weyland told reporters on Tuesday.\\n\\nThe river rose 2.7 metres overnight "
		"after three days of heavy rain, breaching a levee built in 1962.\\n\\nMayor "
		"Ilse Brandtner said 17 schools would stay closed until Friday.\"}\n"
		"{\"id\":\"early\",\"published\":\"2024-03-03\",\"text\":\"Rescue crews in boats "
		"carried 212 people from flooded farms east of Varndale, fire chief Tomas "
		"Weyland told reporters on Tuesday.\\n\\nThe river rose 2.7 metres overnight "
		"after three days of heavy rain, breaching a levee built in 1962.\\n\\nMayor "
		"Ilse Brandtner said 17 schools would stay closed until Friday.\"}\n";
	CHECK(nf_corpus_add(corpus, "d.jsonl", jsonl, strlen(jsonl), NF_INPUT_JSONL) == NF_OK);
	CHECK(nf_clean(corpus) == NF_OK);
	for (size_t i = 0; i < NF_NDOCS(corpus); i++) {
		nf_doc *d = doc(i);
		if (!d->text) {
			d->text = (char *)d->raw;
			d->text_len = d->raw_len;
		}
		CHECK(nf_text_analyze(corpus, d) == NF_OK);
	}
	CHECK(nf_copies_link(corpus) == NF_OK);
	CHECK_INT(doc(0)->copy_of, 1);
	CHECK_INT(doc(1)->copy_of, -1);
}

/* A copies B copies the wire: everyone ends in the wire's group. */
static void test_chain_grouping(void)
{
	static char second[4096], third[4096];
	/* second: the reprint plus a paragraph of its own */
	snprintf(second, sizeof second, "%s\nThe Varndale ferry to Oster Point "
	         "will not sail again before the 14 March timetable change, "
	         "its operator Lindqvist Lines said.\n", REPRINT);
	/* third: that paragraph and the second's lead only */
	snprintf(third, sizeof third, "Ferry halted in Varndale floods\n\n"
	         "VARNDALE, March 3 (Northwire) - Floodwater from the Orrin River "
	         "forced 4,310 residents of Varndale to leave their homes on "
	         "Tuesday, the regional emergency office said.\n\n"
	         "The Varndale ferry to Oster Point will not sail again before the "
	         "14 March timetable change, its operator Lindqvist Lines said.\n");
	const char *t[] = {third, WIRE, second};
	link_texts(t, 3);
	CHECK_INT(doc(1)->copy_of, -1);
	CHECK_INT(doc(2)->copy_of, 1);
	CHECK_INT(doc(0)->copy_of, 2);
	CHECK_INT(doc(0)->group, 1);
	CHECK_INT(doc(2)->group, 1);
	CHECK_INT(doc(1)->group, 1);
}

static void test_coverage_and_similarity(void)
{
	const char *t[] = {WIRE, INDEPENDENT};
	link_texts(t, 2);
	nf_vec pairs = NF_VEC_INIT;
	CHECK(nf_copies_coverage(corpus, &pairs) == NF_OK);
	for (size_t i = 0; i < pairs.len; i++) {
		nf_coverage *p = &NF_VEC_AT(&pairs, nf_coverage, i);
		CHECK(p->coverage >= 0 && p->coverage < 0.5);
		CHECK(p->verbatim <= p->coverage);
	}
	nf_vec_free(&pairs);

	nf_sim s;
	CHECK(nf_sim_build(&s, corpus) == NF_OK);
	CHECK(s.nsents > 4);
	CHECK(nf_sim_cosine(&s, 0, 0) > 0.99f || s.sents[0].norm == 0);
	nf_vec hits = NF_VEC_INIT;
	for (size_t i = 0; i < s.nsents; i++) {
		hits.len = 0;
		CHECK(nf_sim_near(&s, i, 0.3f, &hits) == NF_OK);
		for (size_t k = 0; k < hits.len; k++) {
			nf_sim_hit *h = &NF_VEC_AT(&hits, nf_sim_hit, k);
			CHECK(s.sents[h->sent].doc != s.sents[i].doc);
			CHECK(h->score >= 0.3f);
			/* the index finds exactly what a full comparison finds */
			CHECK(nf_sim_cosine(&s, i, h->sent) == h->score);
		}
		size_t brute = 0;
		for (size_t j = 0; j < s.nsents; j++)
			brute += s.sents[j].doc != s.sents[i].doc && nf_sim_cosine(&s, i, j) >= 0.3f;
		CHECK_INT(hits.len, brute);
	}
	nf_vec_free(&hits);
	nf_sim_free(&s);
}

static void test_empty_and_single(void)
{
	const char *t[] = {"Short note\n\nNothing else here."};
	link_texts(t, 1);
	CHECK_INT(doc(0)->copy_of, -1);
	CHECK_INT(doc(0)->group, 0);
}

/* On the seeds, the only link is the translated Reuters story to its
 * original (found by content, whatever the order of the files). */
static void test_seeds(void)
{
	char **files = harness_list(harness_shared("seeds"), ".txt");
	if (!files || !files[0]) {
		harness_list_free(files);
		return;
	}
	setup();
	size_t n = 0;
	for (; files[n]; n++) {
		size_t len;
		char *data = harness_read(files[n], &len);
		CHECK(data && nf_corpus_add(corpus, files[n], data, len, NF_INPUT_TEXT) == NF_OK);
		free(data);
	}
	CHECK(nf_clean(corpus) == NF_OK);
	for (size_t i = 0; i < NF_NDOCS(corpus); i++) {
		nf_doc *d = doc(i);
		if (!d->text) {
			d->text = (char *)d->raw;
			d->text_len = d->raw_len;
		}
		CHECK(nf_text_analyze(corpus, d) == NF_OK);
	}
	CHECK(nf_copies_link(corpus) == NF_OK);
	size_t links = 0;
	for (size_t i = 0; i < NF_NDOCS(corpus); i++) {
		if (doc(i)->copy_of < 0)
			continue;
		links++;
		CHECK(strstr(doc(i)->id, "003_") == doc(i)->id);
		CHECK(strstr(doc(doc(i)->copy_of)->id, "000_") == doc(doc(i)->copy_of)->id);
	}
	CHECK_INT(links, 1);
	harness_list_free(files);
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_verbatim_copy);
	RUN(test_translation_linked);
	RUN(test_independent_not_linked);
	RUN(test_direction_by_date);
	RUN(test_chain_grouping);
	RUN(test_coverage_and_similarity);
	RUN(test_empty_and_single);
	RUN(test_seeds);
	nf_corpus_free(corpus);
	nf_ctx_free(ctx);
	return harness_done();
}
