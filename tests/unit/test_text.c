/* test_text.c - normalisation, tokens, stems and sentences (text.c). */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "stages.h"
#include "text.h"

static nf_ctx *ctx;
static nf_corpus *corpus;

static void setup(void)
{
	nf_corpus_free(corpus);
	corpus = NULL;
	nf_corpus_new(&corpus, ctx);
}

/* Tokens of s as "form|form|..." using the folded forms. */
static char *tokens(const char *s, char *out, size_t cap)
{
	nf_vec v = NF_VEC_INIT;
	out[0] = '\0';
	if (nf_text_tokenize(corpus, s, strlen(s), &v) == NF_OK) {
		for (size_t i = 0; i < v.len; i++) {
			nf_token *t = &NF_VEC_AT(&v, nf_token, i);
			if (i)
				strncat(out, "|", cap - strlen(out) - 1);
			strncat(out, nf_lex_str(&corpus->lex, t->norm), cap - strlen(out) - 1);
		}
	}
	nf_vec_free(&v);
	return out;
}

static void test_words_numbers_punct(void)
{
	char buf[512];
	setup();
	CHECK_STR(tokens("The mayor's office said 6,044 people, or 2.5%, left.", buf, sizeof buf),
	          "the|mayor|'s|office|said|6,044|people|,|or|2.5|%|,|left|.");
	CHECK_STR(tokens("Ex-Soviet states met U.S. envoys on the 2nd day.", buf, sizeof buf),
	          "ex-soviet|states|met|u.s.|envoys|on|the|2nd|day|.");
	CHECK_STR(tokens("Ferreira’s O'Neill", buf, sizeof buf), "ferreira|'s|o'neill");
	CHECK_STR(tokens("ÉMILE Zürich", buf, sizeof buf), "émile|zürich");
}

static void test_flags_and_stems(void)
{
	setup();
	const char *s = "Protesters PROTESTED in Oslo";
	nf_vec v = NF_VEC_INIT;
	CHECK(nf_text_tokenize(corpus, s, strlen(s), &v) == NF_OK);
	CHECK_INT(v.len, 4);
	nf_token *t = v.data;
	CHECK(t[0].flags & NF_TOK_CAP);
	CHECK(!(t[0].flags & NF_TOK_UPPER));
	CHECK(t[1].flags & NF_TOK_UPPER);
	CHECK(t[2].flags & NF_TOK_STOP);
	CHECK_STR(nf_lex_str(&corpus->lex, t[0].stem), "protest");
	CHECK_INT(t[1].stem, nf_lex_find(&corpus->lex, "protest", 7));
	nf_vec_free(&v);
}

/* text.c searches its word lists by halves, so each must stay sorted: a
 * word out of order would be missed. Every listed word is checked. */
static void test_word_lists(void)
{
	static const char stop[] =
		"it's a about after again against all also am amid among an and any are as at be "
		"because been before being between both but by can could did do does doing down "
		"during each few for from further had has have having he her here hers herself him "
		"himself his how however i if in into is it its itself just may me might more most "
		"mr mrs ms must my myself no nor not now of off on once only or other our ours "
		"ourselves out over own per said same say says shall she should since so some such "
		"than that the their theirs them themselves then there these they this those through "
		"to too under until up upon us very via was we were what when where whether which "
		"while who whom why will with within without would yet you your yours yourself";
	static const char *const abbreviations[] = {
		"adm", "approx", "apr", "atty", "aug", "brig", "capt", "cmdr", "co", "col", "corp",
		"cpl", "dec", "dept", "det", "dr", "e.g", "est", "etc", "feb", "fig", "ft", "gen",
		"gov", "hon", "i.e", "inc", "insp", "jan", "jr", "jul", "jun", "lieut", "lt", "ltd",
		"maj", "mar", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "pres", "prof", "pvt",
		"rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vs"};
	setup();
	nf_vec v = NF_VEC_INIT;
	CHECK(nf_text_tokenize(corpus, stop, strlen(stop), &v) == NF_OK);
	CHECK_INT(v.len, 148); /* "it's" is two */
	for (size_t i = 0; i < v.len; i++)
		if (!(NF_VEC_AT(&v, nf_token, i).flags & NF_TOK_STOP))
			CHECK_STR(nf_lex_str(&corpus->lex, NF_VEC_AT(&v, nf_token, i).norm), "a stop word");
	v.len = 0;
	const char *content = "Protesters gathered near Oslo";
	CHECK(nf_text_tokenize(corpus, content, strlen(content), &v) == NF_OK);
	for (size_t i = 0; i < v.len; i++)
		CHECK(!(NF_VEC_AT(&v, nf_token, i).flags & NF_TOK_STOP));
	nf_vec_free(&v);
	for (size_t i = 0; i < sizeof abbreviations / sizeof *abbreviations; i++) {
		char text[64];
		nf_doc d;
		memset(&d, 0, sizeof d);
		snprintf(text, sizeof text, "It was %s. Later it ended.", abbreviations[i]);
		d.text = text;
		d.text_len = strlen(text);
		CHECK(nf_text_analyze(corpus, &d) == NF_OK);
		if (d.nsents != 1)
			CHECK_STR(abbreviations[i], "an abbreviation");
	}
}

static size_t sentences(const char *text, nf_doc *d)
{
	memset(d, 0, sizeof *d);
	d->text = (char *)text;
	d->text_len = strlen(text);
	CHECK(nf_text_analyze(corpus, d) == NF_OK);
	return d->nsents;
}

/* The tokens of s in a new corpus on c as "form/stem/flags id,stem ..." */
static void token_dump(nf_ctx *c, const char *s, char *out, size_t cap)
{
	nf_corpus *k = NULL;
	nf_vec v = NF_VEC_INIT;
	out[0] = '\0';
	CHECK(nf_corpus_new(&k, c) == NF_OK);
	CHECK(nf_text_tokenize(k, s, strlen(s), &v) == NF_OK);
	for (size_t i = 0; i < v.len; i++) {
		const nf_token *t = &NF_VEC_AT(&v, nf_token, i);
		size_t o = strlen(out);
		snprintf(out + o, cap - o, "%s/%s/%x %u,%u ", nf_lex_str(&k->lex, t->norm),
		         nf_lex_str(&k->lex, t->stem), t->flags, t->norm, t->stem);
	}
	nf_vec_free(&v);
	nf_corpus_free(k);
}

/* Corpora made one after another on a context share its word memo and
 * the short- and mid-length word caches' code paths: the tokens, stems,
 * flags and ids must be what a fresh context gives. */
static void test_stream_of_corpora(void)
{
	const char *s = "Investigators questioned the neighbourhood's residents; "
	                "INVESTIGATORS said the investigation continues. Officers "
	                "questioned residents again, and the neighbourhood waited "
	                "for investigators. Internationalisation hypersensitivities.";
	static char fresh[8192], again[8192];
	nf_ctx *one = nf_ctx_new(), *stream = nf_ctx_new();
	CHECK(one && stream);
	token_dump(one, s, fresh, sizeof fresh);
	token_dump(stream, "the residents questioned officers", again, sizeof again);
	token_dump(stream, s, again, sizeof again); /* the memo knows these words */
	CHECK_STR(again, fresh);
	token_dump(stream, s, again, sizeof again);
	CHECK_STR(again, fresh);
	CHECK(strstr(fresh, "investigators/investig/") != NULL);
	CHECK(strstr(fresh, "neighbourhood/neighbourhood/1 ") != NULL);
	nf_ctx_free(one);
	nf_ctx_free(stream);
}

static void test_sentences(void)
{
	nf_doc d;
	setup();
	CHECK_INT(sentences("Mr. Dal met Gen. Ito on Friday. They talked. Then? \"Yes,\" he said.", &d), 4);
	CHECK_INT(d.sents[0].len, strlen("Mr. Dal met Gen. Ito on Friday."));
	CHECK_INT(sentences("John F. Kennedy spoke. the end", &d), 1);
	CHECK_INT(sentences("First paragraph without stop\n\nSecond one.", &d), 2);
	CHECK_INT(d.sents[1].para, 1);
	CHECK_INT(sentences("He said: \"We will stay.\" The crowd left.", &d), 2);
	CHECK_INT(sentences("", &d), 0);
	CHECK_INT(d.words, 0);
	CHECK_INT(sentences("Prices rose 2.5 percent in the U.S. on Monday.", &d), 1);
	CHECK_INT(d.words, 9);
}

static void test_normalize(void)
{
	char *out;
	size_t len, bad = 0;
	nf_arena a = NF_ARENA_INIT;
	const char in[] = "a\r\nb\xC2\xA0" "c\xE2\x80\x8B" "d\te\x07";
	CHECK(nf_text_normalize(&a, in, sizeof in - 1, &out, &len, &bad) == NF_OK);
	CHECK_STR(out, "a\nb cd e");
	/* e + combining acute becomes é (NFC) */
	CHECK(nf_text_normalize(&a, "Cafe\xCC\x81", 6, &out, &len, &bad) == NF_OK);
	CHECK_STR(out, "Caf\xC3\xA9");
	CHECK(nf_text_normalize(&a, "ok\xFF", 3, &out, &len, &bad) == NF_EUTF8);
	CHECK_INT(bad, 2);
	CHECK(nf_text_normalize(&a, "a\0b", 3, &out, &len, &bad) == NF_EUTF8);
	CHECK_INT(bad, 1);
	/* a sequence cut short at the end */
	CHECK(nf_text_normalize(&a, "ab\xE2\x80", 4, &out, &len, &bad) == NF_EUTF8);
	CHECK_INT(bad, 2);
	nf_arena_free(&a);
}

/* nf_text_binary() as its byte loop defines it, for the test below. */
static int binary_bytewise(const char *s, size_t len, size_t *where)
{
	size_t head = len < 8192 ? len : 8192, n = len < 4096 ? len : 4096;
	size_t ctrl = 0, first = 0;
	for (size_t i = 0; i < head; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == 0) {
			*where = i;
			return 1;
		}
		if (i < n && ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f' &&
		    !ctrl++)
			first = i;
	}
	*where = first;
	return n && ctrl * 20 > n;
}

/* The eight-bytes-at-a-time skip gives the byte loop's answers: NULs and
 * control bytes at every offset of a block, near the 4,096- and
 * 8,192-byte limits, in texts of every length to a few blocks, and dense
 * enough to call the text binary. */
static void test_binary(void)
{
	static char s[9000];
	unsigned seed = 12345;
	for (int round = 0; round < 3000; round++) {
		size_t len = round < 100 ? (size_t)round : (seed = seed * 1103515245u + 12345u) % sizeof s;
		for (size_t i = 0; i < len; i++)
			s[i] = (char)('a' + i % 26);
		int marks = round % 7 == 0 ? 300 : round % 5;
		for (int k = 0; k < marks && len; k++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % len;
			if (round % 3 == 1)
				at = (at % 16) + (round % 2 ? 4088 : 8184);
			if (at < len)
				s[at] = (char)"\001\002\033\n\t\000\r\f"[(seed >> 4) % 8];
		}
		size_t w1 = 99, w2 = 99;
		int b1 = nf_text_binary(s, len, &w1), b2 = binary_bytewise(s, len, &w2);
		if (b1 != b2 || w1 != w2) {
			CHECK_INT(b1, b2);
			CHECK_INT(w1, w2);
			return;
		}
	}
	size_t where;
	CHECK(nf_text_binary("plain text, then\na NUL\0", 23, &where) == 1);
	CHECK_INT(where, 22);
	CHECK(nf_text_binary("plain text\n", 11, &where) == 0);
}

static void test_position(void)
{
	size_t line, col;
	nf_text_position("ab\ncd\xC3\xA9" "f", 7, &line, &col);
	CHECK_INT(line, 2);
	CHECK_INT(col, 4);
}

int main(void)
{
	ctx = nf_ctx_new();
	RUN(test_words_numbers_punct);
	RUN(test_flags_and_stems);
	RUN(test_word_lists);
	RUN(test_stream_of_corpora);
	RUN(test_sentences);
	RUN(test_normalize);
	RUN(test_position);
	RUN(test_binary);
	nf_corpus_free(corpus);
	nf_ctx_free(ctx);
	return harness_done();
}
