/* test_ingest.c - input kinds, detection, and bad input (ingest.c). */
#include <string.h>

#include "harness.h"
#include "stages.h"

static nf_ctx *ctx;
static int warnings;
static char last_warning[512];

static void on_warn(void *ud, const char *msg)
{
	(void)ud;
	warnings++;
	strncpy(last_warning, msg, sizeof last_warning - 1);
}

static nf_corpus *fresh(void)
{
	nf_corpus *c = NULL;
	warnings = 0;
	last_warning[0] = '\0';
	nf_corpus_new(&c, ctx);
	return c;
}

static nf_status add(nf_corpus *c, const char *name, const char *s, nf_input k)
{
	return nf_corpus_add(c, name, s, strlen(s), k);
}

static void test_text_article(void)
{
	nf_corpus *c = fresh();
	CHECK(add(c, "dir/river-flood.txt", "Flood hits town\n\nWater rose overnight.\n",
	          NF_INPUT_AUTO) == NF_OK);
	CHECK_INT(nf_corpus_count(c), 1);
	nf_doc *d = NF_DOC(c, 0);
	CHECK_STR(d->id, "river-flood");
	CHECK_STR(d->name, "dir/river-flood.txt");
	CHECK_INT(d->copy_of, -1);
	CHECK(strstr(d->raw, "Water rose") != NULL);
	nf_corpus_free(c);
}

static void test_jsonl(void)
{
	nf_corpus *c = fresh();
	const char *in =
		"{\"id\":\"a1\",\"title\":\"Dam breaks\",\"text\":\"The dam broke.\","
		"\"published\":\"2023-03-14\",\"outlet\":\"Valley Post\",\"url\":\"http://x/a1\"}\n"
		"\n"
		"{\"id\":7,\"text\":\"Second story.\",\"published\":\"March 3\"}\n";
	CHECK(add(c, "in.jsonl", in, NF_INPUT_AUTO) == NF_OK);
	CHECK_INT(nf_corpus_count(c), 2);
	nf_doc *d = NF_DOC(c, 0);
	CHECK_STR(d->id, "a1");
	CHECK_STR(d->title, "Dam breaks");
	CHECK_STR(d->outlet, "Valley Post");
	CHECK_INT(d->published.y, 2023);
	CHECK_INT(d->published.d, 14);
	CHECK_INT(d->date_source, NF_DATE_METADATA);
	CHECK_STR(NF_DOC(c, 1)->id, "7");
	CHECK_STR(NF_DOC(c, 1)->name, "in.jsonl:3");
	CHECK_INT(NF_DOC(c, 1)->date_source, NF_DATE_NONE);
	CHECK_INT(warnings, 1); /* the date that is not ISO */
	nf_corpus_free(c);
}

/* A record dated more than a month after the day its URL names was
 * dated by a crawl or a re-save: it is of the URL's day. A date a few
 * days off, a URL day after the record's or a URL without a day stays
 * the record's. */
static void test_jsonl_resaved(void)
{
	nf_corpus *c = fresh();
	const char *in =
		"{\"id\":\"r1\",\"text\":\"The mill closed.\",\"published\":\"2023-09-20\","
		"\"url\":\"http://archive.example/web/20230920101500/http://post.example/2023/05/14/mill-closes/\"}\n"
		"{\"id\":\"r2\",\"text\":\"The mill closed.\",\"published\":\"2023-05-20\","
		"\"url\":\"http://post.example/2023/05/14/mill-closes/\"}\n"
		"{\"id\":\"r3\",\"text\":\"The mill closed.\",\"published\":\"2023-05-20\","
		"\"url\":\"http://post.example/2023/08/14/mill-closes/\"}\n"
		"{\"id\":\"r4\",\"text\":\"The mill closed.\",\"published\":\"2023-09-20\","
		"\"url\":\"http://post.example/story/20230014/mill-closes/\"}\n";
	CHECK(add(c, "in.jsonl", in, NF_INPUT_JSONL) == NF_OK);
	CHECK_INT(nf_corpus_count(c), 4);
	static const int want[][2] = {{5, 14}, {5, 20}, {5, 20}, {9, 20}};
	for (size_t i = 0; i < 4; i++) {
		const nf_doc *d = NF_DOC(c, i);
		CHECK_INT(d->published.m, want[i][0]);
		CHECK_INT(d->published.d, want[i][1]);
		CHECK_INT(d->date_source, NF_DATE_METADATA);
	}
	nf_corpus_free(c);
}

/* A record whose text is blank is read with its headline as its text,
 * the agency's notes taken off both; a blank title is no title. */
static void test_jsonl_headline_only(void)
{
	nf_corpus *c = fresh();
	const char *in = "{\"id\":\"h1\",\"title\":\"URGENT Ferry sinks off Kell Point\",\"text\":\" \"}\n"
	                 "{\"id\":\"h2\",\"title\":\"  \",\"text\":\"The ferry sank.\"}\n";
	CHECK(add(c, "heads.jsonl", in, NF_INPUT_AUTO) == NF_OK);
	CHECK_INT(nf_corpus_count(c), 2);
	CHECK_STR(NF_DOC(c, 0)->title, "Ferry sinks off Kell Point");
	CHECK_STR(NF_DOC(c, 0)->raw, "Ferry sinks off Kell Point");
	CHECK(NF_DOC(c, 1)->title == NULL);
	nf_corpus_free(c);
}

static void test_jsonl_bad_lines(void)
{
	nf_corpus *c = fresh();
	const char *in = "{\"id\":\"ok\",\"text\":\"Fine.\"}\n"
	                 "{\"id\":\"broken\",\"text\":\"unterminated}\n"
	                 "[1,2]\n"
	                 "{\"id\":\"notext\"}\n"
	                 "{\"id\":\"also-ok\",\"text\":\"Good.\"} trailing\n";
	CHECK(add(c, "feed.jsonl", in, NF_INPUT_JSONL) == NF_OK);
	CHECK_INT(nf_corpus_count(c), 1);
	CHECK_INT(warnings, 4);
	CHECK(strstr(last_warning, "feed.jsonl:5") != NULL);
	CHECK_INT(c->skipped, 4);
	nf_corpus_free(c);

	/* metadata that is not UTF-8 is dropped with a warning, not passed on */
	c = fresh();
	CHECK(add(c, "meta.jsonl", "{\"id\":\"a2\xec\",\"title\":\"T\xff\",\"text\":\"Fine.\"}\n",
	          NF_INPUT_JSONL) == NF_OK);
	CHECK_INT(nf_corpus_count(c), 1);
	CHECK_INT(warnings, 2);
	CHECK(strstr(last_warning, "meta.jsonl:1") && strstr(last_warning, "\"title\""));
	CHECK_STR(NF_DOC(c, 0)->id, "1");
	CHECK(NF_DOC(c, 0)->title == NULL);
	nf_corpus_free(c);

	c = fresh();
	CHECK(add(c, "bad.jsonl", "{\"a\":\n", NF_INPUT_JSONL) == NF_EPARSE);
	CHECK(strstr(nf_ctx_errmsg(ctx), "bad.jsonl") != NULL);
	nf_corpus_free(c);
}

static void test_bad_text(void)
{
	nf_corpus *c = fresh();
	CHECK(add(c, "empty.txt", "", NF_INPUT_AUTO) == NF_EEMPTY);
	CHECK(strstr(nf_ctx_errmsg(ctx), "empty.txt") != NULL);
	CHECK(add(c, "blank.txt", " \n\n\t\n", NF_INPUT_AUTO) == NF_EEMPTY);
	CHECK(add(c, "latin1.txt", "Title\nCaf\xE9 opened.\n", NF_INPUT_AUTO) == NF_EUTF8);
	CHECK(strstr(nf_ctx_errmsg(ctx), "latin1.txt:2:4") != NULL);
	CHECK(nf_corpus_add(c, "bin.dat", "\x7F" "ELF\0\0\x01", 7, NF_INPUT_AUTO) == NF_EUTF8);
	CHECK(strstr(nf_ctx_errmsg(ctx), "binary") != NULL);
	/* a NUL past the sniffed head is no binary file, but still no text */
	char late[9000];
	memset(late, 'a', sizeof late);
	for (size_t i = 79; i < sizeof late; i += 80)
		late[i] = '\n';
	late[8500] = '\0';
	CHECK(nf_corpus_add(c, "late.txt", late, sizeof late, NF_INPUT_AUTO) == NF_EUTF8);
	CHECK(strstr(nf_ctx_errmsg(ctx), "late.txt:107:21: invalid text (byte 0x00 at offset 8500)") != NULL);
	CHECK_INT(nf_corpus_count(c), 0);
	CHECK(add(c, "good.txt", "Title\nBody.", NF_INPUT_AUTO) == NF_OK);
	CHECK_INT(nf_corpus_count(c), 1);
	CHECK_INT(NF_DOC(c, 0)->index, 0);
	nf_corpus_free(c);
}

static void test_sniffing(void)
{
	nf_corpus *c = fresh();
	/* Starts with a brace but is not JSON: a text article. */
	CHECK(add(c, "odd.txt", "{Update} Flood warning lifted\nThe river fell.", NF_INPUT_AUTO) == NF_OK);
	CHECK_STR(NF_DOC(c, 0)->id, "odd");
	CHECK(strncmp(NF_DOC(c, 0)->raw, "{Update}", 8) == 0);
	nf_corpus_free(c);
}

static void test_brief_empty_corpus(void)
{
	nf_corpus *c = fresh();
	nf_brief *b = (nf_brief *)1;
	CHECK(nf_brief_build(&b, c, NULL) == NF_EEMPTY);
	CHECK(b == NULL);
	nf_corpus_free(c);
}

int main(void)
{
	ctx = nf_ctx_new();
	nf_ctx_set_warn(ctx, on_warn, NULL);
	RUN(test_text_article);
	RUN(test_jsonl);
	RUN(test_jsonl_resaved);
	RUN(test_jsonl_headline_only);
	RUN(test_jsonl_bad_lines);
	RUN(test_bad_text);
	RUN(test_sniffing);
	RUN(test_brief_empty_corpus);
	nf_ctx_free(ctx);
	return harness_done();
}
