/* test_render.c - the text, Markdown and HTML renderers and their shared
 * helpers (render.c), on a brief built by hand so no other stage is
 * involved. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "render.h"
#include "stages.h"

static nf_ctx *ctx;
static nf_corpus *corpus;
static nf_brief *brief;

static const char *const bodies[] = {
	"The river rose overnight.\n\nCrews worked until dawn.\n",
	"Water covered the lower town.\n",
	"The river rose overnight, officials said.\n",
};

static int *ints(nf_arena *a, const int *v, size_t n)
{
	int *p = nf_arena_array(a, n, sizeof *p);
	if (p)
		memcpy(p, v, n * sizeof *p);
	return p;
}

/* Three sources (the third a copy of the first), a summary, two figures
 * (one in conflict, with hostile text), two entities and two events. */
static void build(void)
{
	CHECK(nf_corpus_new(&corpus, ctx) == NF_OK);
	const char *names[] = {"a.txt", "b.txt", "c.txt"};
	const char *ids[] = {"alpha", "beta", "gamma"};
	const char *titles[] = {"Levee fails <again> & town floods",
	                        "Lower town under water",
	                        "River floods town\xe2\x80\xa6"};
	for (size_t i = 0; i < 3; i++) {
		CHECK(nf_corpus_add(corpus, names[i], bodies[i], strlen(bodies[i]),
		                    NF_INPUT_TEXT) == NF_OK);
		nf_doc *d = NF_DOC(corpus, i);
		d->id = ids[i];
		d->title = titles[i];
		d->published = (nf_date){2024, 5, 3 + (int)i};
		d->date_source = i == 1 ? NF_DATE_ESTIMATED : NF_DATE_DATELINE;
		d->copy_of = i == 2 ? 0 : -1;
		d->words = 100 + i;
		d->lines_kept = 10;
		d->lines_dropped = i;
	}
	NF_DOC(corpus, 0)->outlet = "Valley Herald";

	brief = calloc(1, sizeof *brief);
	CHECK(brief != NULL);
	brief->corpus = corpus;
	brief->independent = 2;
	nf_arena *a = &brief->arena;

	brief->nsummary = 2;
	brief->summary = nf_arena_array(a, 2, sizeof *brief->summary);
	brief->summary[0] = (nf_summary_item){
		"The river rose overnight and water covered the lower town, where "
		"crews worked until dawn to move families to the school on the hill "
		"while the levee kept failing in more places.",
		ints(a, (int[]){2, 0, 1}, 3), 3, 2, 0, 0};
	brief->summary[1] = (nf_summary_item){
		"A \033[31mred\033[0m note with \xe6\xb4\xaa\xe6\xb0\xb4 and a tab\there.",
		ints(a, (int[]){0}, 1), 1, 1, 0, 0};

	nf_claim *k = nf_arena_array(a, 3, sizeof *k);
	k[0] = (nf_claim){.doc = 0, .sent = 1, .measure = "killed",
	                  .subject = "people", .value = 15, .low = 15, .high = 15,
	                  .said_by = "the <b>governor</b>", .hedged = 1,
	                  .hedge = "unconfirmed", .text = "Fifteen died, 15 > 12.",
	                  .date = {2024, 5, 3}};
	k[1] = (nf_claim){.doc = 1, .sent = 0, .measure = "killed",
	                  .subject = "people", .value = 12, .low = 12, .high = 12,
	                  .text = "Twelve died.", .date = {2024, 5, 4}};
	k[2] = (nf_claim){.doc = 1, .sent = 2, .measure = "killed",
	                  .subject = "children", .value = 3, .low = 3, .high = 3,
	                  .is_part = 1, .text = "Three were children."};
	nf_claim *t = nf_arena_array(a, 2, sizeof *t);
	t[0] = (nf_claim){.doc = 0, .sent = 0, .measure = "deployed",
	                  .subject = "soldiers", .value = 2500, .low = 2250,
	                  .high = 2750, .qualifier = "about"};
	t[1] = (nf_claim){.doc = 1, .sent = -1, .measure = "deployed",
	                  .subject = "soldiers", .value = 2500, .low = 2250,
	                  .high = 2750, .qualifier = "around"};
	brief->nfigures = 2;
	brief->figures = nf_arena_array(a, 2, sizeof *brief->figures);
	brief->figures[0] = (nf_figure){"killed", "people", NF_FIG_CONFLICT, 15,
	                                12, 15, "sources disagree: 15 or 12", k, 3};
	brief->figures[1] = (nf_figure){"deployed", "soldiers", NF_FIG_AGREED,
	                                2500, 2250, 2750, "sources agree", t, 2};

	static const char *variants[] = {"Marta Ivanova", "Ivanova"};
	brief->nentities = 2;
	brief->entities = nf_arena_array(a, 2, sizeof *brief->entities);
	size_t *m0 = nf_arena_array(a, 3, sizeof *m0), *m1 = nf_arena_array(a, 3, sizeof *m1);
	m0[0] = 3;
	m0[2] = 1;
	m1[1] = 2;
	brief->entities[0] = (nf_entity){"Marta Ivanova-Petrenko", NF_ENT_PERSON,
	                                 variants, 2, 4, m0};
	brief->entities[1] = (nf_entity){"Ash & Oak Co", NF_ENT_ORG, NULL, 0, 2, m1};

	brief->ntimeline = 2;
	brief->timeline = nf_arena_array(a, 2, sizeof *brief->timeline);
	brief->timeline[0] = (nf_event){.date = {2024, 4, 24}, .end = {2024, 4, 30},
	                                .text = "Rain began.",
	                                .sources = ints(a, (int[]){0, 2}, 2), .nsources = 2};
	brief->timeline[1] = (nf_event){.date = {2024, 5, 2}, .end = {2024, 5, 2}, .estimated = 1,
	                                .text = "The levee failed.",
	                                .sources = ints(a, (int[]){1}, 1), .nsources = 1};
}

static void teardown(void)
{
	nf_brief_free(brief);
	nf_corpus_free(corpus);
	brief = NULL;
	corpus = NULL;
}

static char *render(nf_format format, unsigned flags)
{
	char *out = NULL;
	size_t len = 0;
	CHECK(nf_brief_render(&out, &len, brief, format, flags) == NF_OK);
	CHECK(out != NULL && strlen(out) == len);
	return out;
}

/* The line of s that contains needle, copied, or NULL. */
static char *line_with(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);
	if (!p)
		return NULL;
	const char *a = p, *b = p;
	while (a > s && a[-1] != '\n')
		a--;
	while (*b && *b != '\n')
		b++;
	char *l = malloc((size_t)(b - a) + 1);
	memcpy(l, a, (size_t)(b - a));
	l[b - a] = '\0';
	return l;
}

static size_t widest_line(const char *s)
{
	size_t w = 0;
	while (*s) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		size_t k = nf_render_width(s, n);
		w = k > w ? k : w;
		s += n + (e != NULL);
	}
	return w;
}

static void test_text(void)
{
	build();
	char *s = render(NF_FORMAT_TEXT, 0);
	CHECK(strchr(s, '\033') == NULL);   /* no colour, not even the input's */
	CHECK(strchr(s, '\t') == NULL);
	CHECK(widest_line(s) <= 80);
	/* Headline of the source the summary cites most, complete. */
	CHECK(!strncmp(s, "Levee fails <again> & town floods\n", 34));
	CHECK(strstr(s, "3 sources, 2 independent") != NULL);
	char *l = line_with(s, "! killed");
	CHECK(l && strstr(l, "people") && strstr(l, "15") &&
	      strstr(l, "12\xe2\x80\x93" "15") && strstr(l, "conflict"));
	free(l);
	l = line_with(s, "per the <b>governor</b>");
	CHECK(l && strstr(l, "[1]") && strstr(l, "hedged: unconfirmed"));
	free(l);
	l = line_with(s, "children");
	CHECK(l && strstr(l, "part") && strstr(l, "[2]"));
	free(l);
	l = line_with(s, "Rain began.");
	CHECK(l && strstr(l, "2024-04-24/30"));
	free(l);
	l = line_with(s, "The levee failed.");
	CHECK(l && strstr(l, "~2024-05-02"));
	free(l);
	l = line_with(s, "deployed");
	CHECK(l && strstr(l, "about 2,500") && strstr(l, "agreed") && l[0] == ' ');
	free(l);
	CHECK(strstr(s, "[1\xe2\x80\x93" "3]") != NULL);  /* summary citation */
	CHECK(strstr(s, "[2]\n") != NULL);
	CHECK(strstr(s, "~2024-05-02") != NULL);          /* estimated event */
	CHECK(strstr(s, "also Marta Ivanova, Ivanova") != NULL);
	CHECK(strstr(s, "copy of [1]") != NULL);
	CHECK(strstr(s, "[2] beta \xc2\xb7 ~2024-05-04") != NULL);
	free(s);

	s = render(NF_FORMAT_TEXT, NF_RENDER_COLOR);
	CHECK(strstr(s, "\033[1;31mconflict\033[0m") != NULL);
	CHECK(strstr(s, "\033[32magreed\033[0m") != NULL);
	CHECK(strstr(s, "\033[31mred") == NULL);        /* input escapes dropped */
	CHECK(widest_line(s) <= 80);
	free(s);
	teardown();
}

static void test_markdown(void)
{
	build();
	char *s = render(NF_FORMAT_MARKDOWN, 0);
	CHECK(!strncmp(s, "# Levee fails \\<again\\> & town floods\n", 38));
	CHECK(strstr(s, "| killed | people | 15 | 12\xe2\x80\x93" "15 | **\xe2\x9a\xa0 conflict** | [1, 2] |") != NULL);
	CHECK(strstr(s, "| deployed | soldiers | about 2,500 |") != NULL);
	CHECK(strstr(s, "- **15** per the \\<b\\>governor\\</b\\> [1]") != NULL);
	CHECK(strstr(s, "more places. [1\xe2\x80\x93" "3]\n") != NULL);
	CHECK(strstr(s, "- **\\~2024-05-02** The levee failed. [2]") != NULL);
	CHECK(strstr(s, "- **2024-04-24/30** Rain began.") != NULL); /* a span */
	CHECK(strstr(s, "1. `alpha` \xc2\xb7 Valley Herald \xc2\xb7 2024-05-03") != NULL);
	CHECK(strstr(s, "3. `gamma`") && strstr(s, "copy of [1]"));
	CHECK(strstr(s, "| Ash & Oak Co | organisation | 2 | [2] |") != NULL);
	CHECK(strchr(s, '\033') == NULL);
	free(s);
	teardown();
}

static void test_html(void)
{
	build();
	char *s = render(NF_FORMAT_HTML, 0);
	CHECK(!strncmp(s, "<!DOCTYPE html>", 15));
	CHECK(strstr(s, "</html>\n") != NULL);
	CHECK(strstr(s, "<h1>Levee fails &lt;again&gt; &amp; town floods</h1>") != NULL);
	CHECK(strstr(s, "<again>") == NULL);
	CHECK(strstr(s, "<b>governor") == NULL);
	CHECK(strstr(s, "per the &lt;b&gt;governor&lt;/b&gt;") != NULL);
	CHECK(strstr(s, "15 &gt; 12") != NULL);
	CHECK(strstr(s, "<tr id=\"src-1\">") && strstr(s, "<tr id=\"src-3\">"));
	CHECK(strstr(s, "<a href=\"#src-1\">1</a>\xe2\x80\x93<a href=\"#src-3\">3</a>") != NULL);
	CHECK(strstr(s, "<tr class=\"conflict\">") != NULL);
	CHECK(strstr(s, "<details><summary>3 claims</summary>") != NULL);
	CHECK(strstr(s, "<script") == NULL && strstr(s, "src=\"http") == NULL);
	CHECK(strstr(s, "<link") == NULL);
	CHECK(strchr(s, '\033') == NULL);
	free(s);
	teardown();
}

static void test_empty_brief(void)
{
	CHECK(nf_corpus_new(&corpus, ctx) == NF_OK);
	CHECK(nf_corpus_add(corpus, "x.txt", "Just text.\n", 11, NF_INPUT_TEXT) == NF_OK);
	NF_DOC(corpus, 0)->title = NULL;
	brief = calloc(1, sizeof *brief);
	brief->corpus = corpus;
	char *s = render(NF_FORMAT_TEXT, 0);
	CHECK(strstr(s, "Brief of 1 report\n") != NULL);
	CHECK(strstr(s, "(no figures reported)") != NULL);
	CHECK(strstr(s, "(no headline)") != NULL);
	free(s);
	s = render(NF_FORMAT_MARKDOWN, 0);
	CHECK(strstr(s, "*No figures reported.*") != NULL);
	free(s);
	s = render(NF_FORMAT_HTML, 0);
	CHECK(strstr(s, "No figures reported.") && strstr(s, "</html>"));
	free(s);
	teardown();
}

static char *str(nf_buf *b)
{
	return b->data ? b->data : "";
}

static void reset(nf_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static void test_numbers_and_cites(void)
{
	nf_buf b = NF_BUF_INIT;
	double v[] = {0, 999, 1000, 1234567, -6044, 2.5, 1.25, 0.999};
	const char *want[] = {"0", "999", "1,000", "1,234,567", "-6,044", "2.5",
	                      "1.25", "1"};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		reset(&b);
		CHECK(nf_render_number(&b, v[i]) == NF_OK);
		CHECK_STR(str(&b), want[i]);
	}
	reset(&b);
	nf_claim c = {.value = 5500, .low = 5000, .high = 6000};
	CHECK(nf_render_claim_value(&b, &c) == NF_OK);
	CHECK_STR(str(&b), "5,000\xe2\x80\x93" "6,000");
	reset(&b);
	c = (nf_claim){.value = 24, .low = 24, .high = 99, .qualifier = "dozens",
	               .is_vague = 1};
	CHECK(nf_render_claim_value(&b, &c) == NF_OK);
	CHECK_STR(str(&b), "dozens");

	CHECK(nf_corpus_new(&corpus, ctx) == NF_OK);
	for (int i = 0; i < 6; i++)
		CHECK(nf_corpus_add(corpus, "d", "Text.\n", 6, NF_INPUT_TEXT) == NF_OK);
	nf_brief fake = {.corpus = corpus};
	reset(&b);
	CHECK(nf_render_cites(&b, &fake, (int[]){4, 0, 2, 1, 4, 9, -1}, 7, ",", 0, 0) == NF_OK);
	CHECK_STR(str(&b), "[1\xe2\x80\x93" "3,5]");
	reset(&b);
	CHECK(nf_render_cites(&b, &fake, (int[]){5, 3}, 2, ", ", 0, 0) == NF_OK);
	CHECK_STR(str(&b), "[4, 6]");
	reset(&b);
	CHECK(nf_render_cites(&b, &fake, (int[]){7}, 1, ",", 0, 0) == NF_OK);
	CHECK_STR(str(&b), "");
	nf_buf_free(&b);
	teardown();
}

static void test_text_helpers(void)
{
	CHECK_INT(nf_render_width("abc", 3), 3);
	CHECK_INT(nf_render_width("\xe6\xb4\xaa\xe6\xb0\xb4", 6), 4); /* wide */
	CHECK_INT(nf_render_width("e\xcc\x81", 3), 1);               /* combining */
	CHECK_INT(nf_render_width("\033[1mab\033[0m", 10), 2);

	nf_buf b = NF_BUF_INIT;
	CHECK(nf_render_clean(&b, " a\n\tb\033c\xe2\x80\xae" "d \xff", 13) == NF_OK);
	CHECK_STR(str(&b), "a b c d \xef\xbf\xbd");
	reset(&b);
	CHECK(nf_render_fit(&b, "Collective Security", 10, 1) == NF_OK);
	CHECK_STR(str(&b), "Collectiv\xe2\x80\xa6");
	reset(&b);
	CHECK(nf_render_fit(&b, "ab", 4, 1) == NF_OK);
	CHECK_STR(str(&b), "ab  ");
	reset(&b);
	CHECK(nf_render_html_escape(&b, "<a href='x'>&\"</a>") == NF_OK);
	CHECK_STR(str(&b), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");

	/* Wrapping: words, a word longer than a line, wide characters. */
	const char *para = "one two three four five six seven eight nine ten "
	                   "supercalifragilisticexpialidocious-and-then-some-more-"
	                   "letters-to-overflow-a-whole-line-of-forty \xe6\xb4\xaa"
	                   "\xe6\xb4\xaa\xe6\xb4\xaa\xe6\xb4\xaa\xe6\xb4\xaa\xe6"
	                   "\xb4\xaa\xe6\xb4\xaa\xe6\xb4\xaa\xe6\xb4\xaa\xe6\xb4"
	                   "\xaa\xe6\xb4\xaa\xe6\xb4\xaa\xe6\xb4\xaa\xe6\xb4\xaa"
	                   "\xe6\xb4\xaa\xe6\xb4\xaa\xe6\xb4\xaa end";
	reset(&b);
	CHECK(nf_buf_puts(&b, "  - ") == NF_OK);
	CHECK(nf_render_wrap(&b, para, strlen(para), 4, 4, 40) == NF_OK);
	CHECK(widest_line(str(&b)) <= 40);
	CHECK(!strncmp(str(&b), "  - one two three four five six seven\n    eight", 47));
	CHECK(strstr(str(&b), " \n") == NULL);            /* no trailing blanks */
	CHECK(strstr(str(&b), "end") != NULL);
	nf_buf_free(&b);
}

/* The real seeds, through the whole pipeline, in every format. */
static void test_seeds(void)
{
	char **files = harness_list(harness_shared("seeds"), ".txt");
	if (!files || !files[0]) {
		harness_list_free(files);
		return;
	}
	CHECK(nf_corpus_new(&corpus, ctx) == NF_OK);
	for (size_t i = 0; files[i]; i++) {
		size_t len;
		char *data = harness_read(files[i], &len);
		CHECK(data && nf_corpus_add(corpus, files[i], data, len, NF_INPUT_AUTO) == NF_OK);
		free(data);
	}
	harness_list_free(files);
	CHECK(nf_brief_build(&brief, corpus, NULL) == NF_OK);
	char *s = render(NF_FORMAT_TEXT, 0);
	CHECK(widest_line(s) <= 80);
	CHECK(strstr(s, "\nSUMMARY\n") && strstr(s, "\nSOURCES\n"));
	free(s);
	s = render(NF_FORMAT_TEXT, NF_RENDER_COLOR);
	CHECK(widest_line(s) <= 80);
	free(s);
	free(render(NF_FORMAT_MARKDOWN, 0));
	s = render(NF_FORMAT_HTML, 0);
	CHECK(strstr(s, "id=\"src-5\"") != NULL);
	free(s);
	teardown();
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_numbers_and_cites);
	RUN(test_text_helpers);
	RUN(test_text);
	RUN(test_markdown);
	RUN(test_html);
	RUN(test_empty_brief);
	RUN(test_seeds);
	nf_ctx_free(ctx);
	return harness_done();
}
