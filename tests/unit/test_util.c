/* test_util.c - arena, buffer, vector and lexicon. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "lexicon.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/vec.h"

static void test_arena(void)
{
	nf_arena a = NF_ARENA_INIT;
	char *s = nf_arena_strndup(&a, "hello world", 5);
	CHECK_STR(s, "hello");
	size_t total = 0;
	for (int i = 0; i < 2000; i++) {
		unsigned char *p = nf_arena_alloc(&a, (size_t)i);
		CHECK(p != NULL);
		CHECK(((size_t)p & 15) == 0);
		for (int k = 0; k < i; k++)
			CHECK(p[k] == 0);
		memset(p, 0xAB, (size_t)i);
		total += (size_t)i;
	}
	CHECK(a.used >= total);
	CHECK(nf_arena_alloc(&a, (size_t)1 << 21) != NULL); /* bigger than a chunk */
	CHECK(nf_arena_array(&a, (size_t)-1 / 2, 4) == NULL); /* overflow */
	CHECK_STR(s, "hello");
	nf_arena_free(&a);
	CHECK(a.head == NULL);
}

static void test_buf(void)
{
	nf_buf b = NF_BUF_INIT;
	CHECK(nf_buf_puts(&b, "ab") == NF_OK);
	CHECK(nf_buf_printf(&b, "%d-%s", 42, "x") == NF_OK);
	CHECK_STR(b.data, "ab42-x");
	b.max = 8;
	CHECK(nf_buf_puts(&b, "toolong") == NF_ETOOBIG);
	CHECK_STR(b.data, "ab42-x");
	size_t len;
	char *p = nf_buf_detach(&b, &len);
	CHECK_INT(len, 6);
	CHECK(b.data == NULL);
	nf_free(p);
	nf_buf_free(&b);
}

static void test_vec(void)
{
	nf_vec v = NF_VEC_INIT;
	for (int i = 0; i < 100; i++) {
		int *x = nf_vec_push(&v, sizeof *x);
		CHECK(x != NULL);
		*x = i;
	}
	CHECK_INT(v.len, 100);
	CHECK_INT(NF_VEC_AT(&v, int, 57), 57);
	nf_vec_free(&v);
	CHECK_INT(v.len, 0);
}

static void test_lexicon(void)
{
	nf_arena a = NF_ARENA_INIT;
	nf_lex lex;
	CHECK(nf_lex_init(&lex, &a) == 0);
	uint32_t ids[5000];
	char w[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(w, sizeof w, "word%d", i);
		ids[i] = nf_lex_intern(&lex, w, strlen(w));
		CHECK(ids[i] != 0);
	}
	for (int i = 0; i < 5000; i += 97) {
		snprintf(w, sizeof w, "word%d", i);
		CHECK_INT(nf_lex_find(&lex, w, strlen(w)), ids[i]);
	}
	CHECK_INT(nf_lex_find(&lex, "absent", 6), 0);
	uint32_t running = nf_lex_intern(&lex, "running", 7);
	CHECK_STR(nf_lex_str(&lex, nf_lex_stem(&lex, running)), "run");
	uint32_t runs = nf_lex_intern(&lex, "runs", 4);
	CHECK_INT(nf_lex_stem(&lex, runs), nf_lex_stem(&lex, running));
	nf_lex_free(&lex);
	nf_arena_free(&a);
}

int main(void)
{
	RUN(test_arena);
	RUN(test_buf);
	RUN(test_vec);
	RUN(test_lexicon);
	return harness_done();
}
