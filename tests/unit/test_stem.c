/* test_stem.c - stem.c gives libstemmer's English stems (stem.c's claim). */
#include <libstemmer.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "stem.h"

static struct sb_stemmer *sb;
static size_t compared, differed;

/* Compares stem.c with libstemmer on w[0..n); counts and reports a
 * difference (the first few in full). */
static void compare(const char *w, size_t n)
{
	char out[NF_STEM_MAX];
	size_t m = nf_stem_ascii(w, n, out);
	if (m == (size_t)-1)
		return;
	const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)n);
	size_t rn = (size_t)sb_stemmer_length(sb);
	compared++;
	if (rn != m || memcmp(r, out, m)) {
		if (differed++ < 10) {
			char msg[3 * NF_STEM_MAX + 40];
			snprintf(msg, sizeof msg, "%.*s: stem.c %.*s, libstemmer %.*s", (int)n, w,
			         (int)m, out, (int)rn, (const char *)r);
			CHECK_STR(msg, "the same stem");
		}
	}
}

static const char *stem(const char *w)
{
	static char out[NF_STEM_MAX + 1];
	size_t m = nf_stem_ascii(w, strlen(w), out);
	if (m == (size_t)-1)
		return "(refused)";
	out[m] = '\0';
	return out;
}

static void test_examples(void)
{
	CHECK_STR(stem("running"), "run");
	CHECK_STR(stem("protesters"), "protest");
	CHECK_STR(stem("generously"), "generous");
	CHECK_STR(stem("skies"), "sky");       /* an exception */
	CHECK_STR(stem("succeeded"), "succeed"); /* an invariant after step 1a */
	CHECK_STR(stem("'s"), "'s");           /* too short to stem */
	CHECK_STR(stem("boys'"), "boy");
	CHECK_STR(stem("sayings"), "say");     /* y after a vowel is a consonant */
	CHECK_STR(stem("hoping"), "hope");     /* a short syllable gets its e back */
	CHECK_STR(stem("Running"), "(refused)");
	CHECK_STR(stem("caf\xC3\xA9s"), "(refused)");
}

/* Each word of s (runs of ASCII letters, apostrophes and hyphens, lower
 * case), alone and, when with_suffixes, with each suffix the steps test. */
static void compare_words(const char *s, size_t n, int with_suffixes)
{
	static const char *const suffixes[] = {
		"", "s", "es", "ed", "ing", "ly", "edly", "ingly", "eed", "ies", "ied", "ness",
		"ful", "ational", "tional", "ization", "izer", "ator", "alism", "aliti", "alli",
		"ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogi", "li", "fulli",
		"lessli", "entli", "enci", "anci", "abli", "alize", "icate", "iciti", "ical",
		"ative", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
		"ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "e", "l", "y", "'s", "'"};
	char w[NF_STEM_MAX];
	size_t i = 0;
	while (i < n) {
		size_t k = 0;
		while (i < n && k < 40) {
			char c = s[i];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			if (!((c >= 'a' && c <= 'z') || c == '\'' || c == '-'))
				break;
			w[k++] = c;
			i++;
		}
		size_t nf = with_suffixes ? sizeof suffixes / sizeof *suffixes : 1;
		for (size_t f = 0; k && f < nf; f++) {
			size_t sl = strlen(suffixes[f]);
			memcpy(w + k, suffixes[f], sl);
			compare(w, k + sl);
		}
		i++;
	}
}

static void test_seed_words(void)
{
	char **files = harness_list(harness_shared("seeds"), ".txt");
	CHECK(files && files[0]);
	for (size_t f = 0; files && files[f]; f++) {
		size_t len;
		char *s = harness_read(files[f], &len);
		if (s)
			compare_words(s, len, 1);
		free(s);
	}
	harness_list_free(files);
	/* the first megabyte of a data set: a wider vocabulary */
	size_t len;
	char *s = harness_read(harness_shared("datasets/gva-dev/documents.jsonl"), &len);
	if (s)
		compare_words(s, len < 1000000 ? len : 1000000, 0);
	free(s);
	CHECK(compared > 100000);
	CHECK_INT(differed, 0);
}

/* Strings no dictionary holds, from letters the steps test. */
static void test_random_strings(void)
{
	static const char alphabet[] = "aeiouybcdglmnrstwxz'-.1";
	unsigned long x = 12345;
	char w[16];
	size_t before = differed;
	for (int i = 0; i < 200000; i++) {
		size_t n = 1 + i % 12;
		for (size_t k = 0; k < n; k++) {
			x = x * 6364136223846793005ul + 1442695040888963407ul;
			w[k] = alphabet[(x >> 33) % (sizeof alphabet - 1)];
		}
		compare(w, n);
	}
	CHECK_INT(differed, before);
}

int main(void)
{
	sb = sb_stemmer_new("english", NULL);
	RUN(test_examples);
	RUN(test_seed_words);
	RUN(test_random_strings);
	sb_stemmer_delete(sb);
	return harness_done();
}
