/* test_util.c - arena, buffer, vector, tables and lexicon. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lexicon.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/pages.h"
#include "util/vec.h"

/* Tables come zeroed on a cache line, from a huge page up on huge pages;
 * a size that overflows is refused. */
static void test_tables(void)
{
	size_t sizes[] = {1, 24, 1000, NF_HUGE_PAGE / 32, NF_HUGE_PAGE / 32 * 3 + 5};
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		unsigned char *t = nf_table_calloc(sizes[k], 32);
		CHECK(t != NULL);
		if (!t)
			continue;
		size_t bytes = sizes[k] * 32;
		CHECK((uintptr_t)t % (bytes < NF_HUGE_PAGE ? 64 : NF_HUGE_PAGE) == 0);
		size_t zero = 0;
		for (size_t i = 0; i < bytes; i++)
			zero += t[i] == 0;
		CHECK(zero == bytes);
		memset(t, 0xAB, bytes);
		free(t);
	}
	CHECK(nf_table_calloc(SIZE_MAX / 8, 16) == NULL);
	CHECK(nf_pages_huge(NULL, NF_HUGE_PAGE) == NULL);
}

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

static void test_arena_pool(void)
{
	nf_arena_pool pool = NF_ARENA_POOL_INIT((size_t)3 << 20);
	nf_arena a = NF_ARENA_INIT;
	a.pool = &pool;
	for (int i = 0; i < 80; i++) /* 5 MB: full-size chunks */
		memset(nf_arena_alloc(&a, 65536), 0xAB, 65536);
	nf_arena_free(&a);
#ifdef NF_ARENA_MALLOC
	CHECK_INT(pool.bytes, 0); /* each object is a malloc of its own: none pooled */
#else
	/* the pool keeps chunks up to its cap, frees the rest */
	CHECK(pool.bytes > 0 && pool.bytes <= pool.max_bytes);
#endif
	size_t held = pool.bytes;
	nf_arena b = NF_ARENA_INIT;
	b.pool = &pool;
	unsigned char *p = nf_arena_alloc(&b, 1000);
	CHECK(p != NULL);
#ifndef NF_ARENA_MALLOC
	CHECK(pool.bytes < held); /* taken from the pool */
#endif
	(void)held;
	for (int k = 0; k < 1000; k++) /* and zeroed, though reused */
		CHECK(p[k] == 0);
	CHECK(nf_arena_alloc(&b, (size_t)1 << 21) != NULL); /* bigger than a chunk */
	nf_arena_free(&b);
	nf_arena_pool_free(&pool);
	CHECK_INT(pool.bytes, 0);
	CHECK(pool.free == NULL);
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

/* Two lexicons sharing a memo: the second gets the first's stems and
 * stop flags, and its own ids in the same order as without a memo. */
static void test_lexicon_memo(void)
{
	nf_lex_memo *memo = nf_lex_memo_new();
	CHECK(memo != NULL);
	nf_arena a = NF_ARENA_INIT;
	nf_lex lex;
	CHECK(nf_lex_init_shared(&lex, &a, memo) == 0);
	char w[32];
	for (int i = 0; i < 5000; i++) { /* the tables grow */
		snprintf(w, sizeof w, "word%d", i);
		CHECK(nf_lex_intern(&lex, w, strlen(w)) != 0);
	}
	uint32_t running = nf_lex_intern(&lex, "running", 7);
	CHECK(nf_lex_stem(&lex, running) != 0);
	lex.entries[running].stop = 1;
	nf_lex_remember(&lex, running);
	uint32_t grown = lex.nslots;
	nf_lex_free(&lex); /* its tables go to the memo */
	nf_arena_free(&a);

	CHECK(nf_lex_init_shared(&lex, &a, memo) == 0);
	CHECK_INT(lex.nslots, grown); /* reused, cleared */
	CHECK_INT(nf_lex_find(&lex, "running", 7), 0);
	running = nf_lex_intern(&lex, "running", 7);
	CHECK_INT(running, 1);
	uint32_t stem = nf_lex_stem(&lex, running);
	CHECK_INT(stem, 2); /* the stem is the next id, as without a memo */
	CHECK_STR(nf_lex_str(&lex, stem), "run");
	CHECK_INT(lex.entries[running].stop, 1); /* from the memo */
	/* more words than the memo holds: it starts over, stems stay right */
	for (int i = 0; i < NF_LEX_MEMO_WORDS + 1000; i++) {
		snprintf(w, sizeof w, "walked%d", i);
		uint32_t id = nf_lex_intern(&lex, w, strlen(w));
		CHECK(id != 0 && nf_lex_stem(&lex, id) != 0);
		lex.entries[id].stop = 1;
		nf_lex_remember(&lex, id);
	}
	uint32_t walking = nf_lex_intern(&lex, "walking", 7);
	CHECK_STR(nf_lex_str(&lex, nf_lex_stem(&lex, walking)), "walk");
	nf_lex_free(&lex);
	nf_arena_free(&a);
	nf_lex_memo_free(memo);
}

int main(void)
{
	RUN(test_tables);
	RUN(test_arena);
	RUN(test_arena_pool);
	RUN(test_buf);
	RUN(test_vec);
	RUN(test_lexicon);
	RUN(test_lexicon_memo);
	return harness_done();
}
