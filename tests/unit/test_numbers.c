/* test_numbers.c - digits, number words, scales and vague amounts
 * (numbers.c). */
#include <math.h>
#include <string.h>

#include "harness.h"
#include "numbers.h"
#include "stages.h"

static nf_ctx *ctx;

static void test_digits(void)
{
	double v = -1;
	CHECK(nf_num_digits("6,044", 5, &v) && v == 6044);
	CHECK(nf_num_digits("2.5", 3, &v) && v == 2.5);
	CHECK(nf_num_digits("1,250,000", 9, &v) && v == 1250000);
	CHECK(nf_num_digits("17", 2, &v) && v == 17);
	CHECK(!nf_num_digits("2nd", 3, &v));
	CHECK(!nf_num_digits("1,2", 3, &v));
	CHECK(!nf_num_digits("1234,567", 8, &v));
	CHECK(!nf_num_digits("1.2.3", 5, &v));
	CHECK(!nf_num_digits("", 0, &v));
}

static void test_words(void)
{
	CHECK(nf_num_word("three", 5) == 3);
	CHECK(nf_num_word("eleven", 6) == 11);
	CHECK(nf_num_word("ninety", 6) == 90);
	CHECK(nf_num_word("forty-two", 9) == 42);
	CHECK(nf_num_word("dozen", 5) == 12);
	CHECK(nf_num_word("two-time", 8) < 0);
	CHECK(nf_num_word("twelve-five", 11) < 0);
	CHECK(nf_num_word("people", 6) < 0);
	CHECK(nf_num_scale("million", 7) == 1e6);
	CHECK(nf_num_scale("thousands", 9) == 0);
	double lo, hi;
	CHECK(nf_num_vague("dozens", 6, &lo, &hi) && lo == 24 && hi == 99);
	CHECK(nf_num_vague("thousands", 9, &lo, &hi) && lo == 2000 && hi == 9999);
	CHECK(!nf_num_vague("many", 4, &lo, &hi));
}

/* The amount that starts the phrase s. */
static size_t scan(const char *s, nf_number *out)
{
	nf_corpus *c = NULL;
	nf_vec toks = NF_VEC_INIT;
	size_t used = 0;
	if (nf_corpus_new(&c, ctx) == NF_OK &&
	    nf_text_tokenize(c, s, strlen(s), &toks) == NF_OK)
		used = nf_num_scan(c, s, toks.data, toks.len, 0, out);
	nf_vec_free(&toks);
	nf_corpus_free(c);
	return used;
}

static void test_scan(void)
{
	nf_number n;
	CHECK_INT(scan("2.5 million people", &n), 2);
	CHECK(n.value == 2.5e6 && !n.vague);
	CHECK_INT(scan("three hundred and twenty boats", &n), 4);
	CHECK(n.value == 320 && n.word);
	CHECK_INT(scan("twenty five sailors", &n), 2);
	CHECK(n.value == 25);
	CHECK_INT(scan("a dozen houses", &n), 2);
	CHECK(n.value == 12);
	CHECK_INT(scan("two dozen goats", &n), 2);
	CHECK(n.value == 24);
	CHECK_INT(scan("Dozens of farmers", &n), 1);
	CHECK(n.vague && n.low == 24 && n.high == 99 && n.value == 24);
	CHECK_STR(n.vague_word, "dozens");
	CHECK_INT(scan("tens of thousands of fans", &n), 3);
	CHECK(n.vague && n.low == 20000);
	CHECK_INT(scan("hundreds of thousands of fans", &n), 3);
	CHECK(n.vague && n.low == 200000 && n.high == 999999);
	CHECK_INT(scan("a man", &n), 0);
	CHECK_INT(scan("people", &n), 0);
	CHECK_INT(scan("3rd time", &n), 0);
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_digits);
	RUN(test_words);
	RUN(test_scan);
	nf_ctx_free(ctx);
	return harness_done();
}
