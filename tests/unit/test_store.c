/*
 * test_store.c - the SQLite store (store.c): idempotent re-adding, stories
 * that go on across runs (from a store of the older vector layout too),
 * listing and searching, briefing a story, and
 * the promises about failure: a writer killed with SIGKILL in the middle
 * of adding leaves a store that opens, is consistent, and holds exactly the
 * articles of its commits, while readers kept reading during the adds.
 */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "newsfuse.h"

static char dir[64], path[128];

static void fresh_store(const char *name)
{
	snprintf(path, sizeof path, "%s/%s.db", dir, name);
	unlink(path);
}

/* A made-up capitalised word for number n (distinct n, distinct words). */
static void word(char *out, unsigned n, const char *tail)
{
	static const char *const syl[] = {"bra", "ken", "dol", "mir", "tas", "vel", "quo", "rin",
	                                  "sut", "hal", "gen", "pev", "lor", "nim", "zek", "fau"};
	char *o = out;
	*o++ = 'X';
	for (int i = 0; i < 4; i++, n /= 16) {
		const char *p = syl[n % 16];
		while (*p)
			*o++ = *p++;
	}
	strcpy(o, tail);
}

/* Article i of story k: a fictional event of one kind (a flood) in its own
 * town, with its own river, mayor, rescuers and figures, told in a few
 * wordings, so the articles of one story are rewrites of each other. Each
 * story words the kind's facts and its headline its own way (six
 * phrasings, by k), as the reports of two floods do, and shares only the
 * kind's words with the others: a template every story filled in, headline
 * and all, reads as one story with different names in a stream of a few
 * dozen articles, where the names alone need not part them. */
static void article(char *buf, size_t n, int k, int i, const char *date)
{
	static const char *const verbs[] = {"flooded", "swamped", "inundated", "submerged"};
	static const char *const heads[] = {
		"River %s %s %s", "%s under water as the %s river rises (%s)",
		"Floods: the %s %s %s, homes lost", "Evacuations in %s after %s bursts its banks (%s)",
		"Storm sends the %s into %s, streets %s", "%s: the %s spills over, fields %s"};
	static const char *const fled[] = {
		"and %d homes were evacuated", "forcing %d households to leave",
		"and %d families fled to higher ground", "cutting off %d houses",
		"and %d residents left by road", "and %d cottages stood in water"};
	static const char *const rescue[] = {
		"Rescuers led by %s worked near the %s bridge, where %d people were stranded.",
		"Volunteers under %s gathered by the %s weir, where %d residents waited on roofs.",
		"Crews sent by %s searched around the %s ford for %d missing villagers.",
		"Boats guided by %s patrolled past the %s lock and picked up %d people.",
		"Firefighters with %s pumped out the %s underpass, freeing %d drivers.",
		"Soldiers under %s built sandbag walls at the %s quay as %d helpers watched."};
	static const char *const shelter[] = {
		"The %s school and the %s market hall in %s took in families, and %s lent boats.",
		"Shelters opened at the %s chapel and the %s depot of %s, with blankets from %s.",
		"Evacuees slept in the %s gym and the %s barracks near %s, fed by %s.",
		"Hot meals were served at the %s inn and the %s library of %s by %s.",
		"The %s arena and the %s college outside %s housed people, and %s sent vans.",
		"Tents stood by the %s stadium and the %s farm above %s, put up by %s."};
	char w[8][32];
	static const char *const tails[8] = {"by", "", "son", "ley", "", "wick", "ham", "er"};
	for (int j = 0; j < 8; j++)
		word(w[j], (unsigned)k * 8 + (unsigned)j, tails[j]);
	char h[160], a[160], r[256], sh[256];
	int v = k % 6;
	if (v % 2)
		snprintf(h, sizeof h, heads[v], w[0], w[1], verbs[i % 4]);
	else
		snprintf(h, sizeof h, heads[v], w[1], verbs[i % 4], w[0]);
	snprintf(a, sizeof a, fled[v], 100 + k % 900);
	snprintf(r, sizeof r, rescue[v], w[3], w[4], 10 + k % 90);
	snprintf(sh, sizeof sh, shelter[v], w[5], w[6], w[0], w[7]);
	snprintf(buf, n,
	         "{\"id\":\"s%d-a%d\",\"title\":\"%s\",\"published\":\"%s\","
	         "\"outlet\":\"Outlet %d\",\"text\":\"The river %s %s the town of %s "
	         "%s, mayor %s said. %s %s\"}\n",
	         k, i, h, date, i % 3, w[1], verbs[(i + 1) % 4], w[0],
	         a, w[2], r, sh);
}

/* n articles of stories k0 .. k0+stories-1 (i-th of each), as one JSONL block. */
static char *block(int k0, int stories, int per, int i0, const char *date, size_t *len)
{
	size_t cap = (size_t)stories * per * 700 + 1;
	char *b = malloc(cap);
	*len = 0;
	for (int i = i0; i < i0 + per; i++)
		for (int k = k0; k < k0 + stories; k++) {
			article(b + *len, cap - *len, k, i, date);
			*len += strlen(b + *len);
		}
	return b;
}

typedef struct listing {
	size_t n, total;
	unsigned long long ids[64];
	size_t sizes[64];
	int conflict[64];
	char headline[64][128];
} listing;

static void on_story(void *ud, const nf_story_info *s)
{
	listing *l = ud;
	if (l->n < 64) {
		l->ids[l->n] = s->id;
		l->sizes[l->n] = s->size;
		l->conflict[l->n] = s->conflict;
		snprintf(l->headline[l->n], sizeof l->headline[0], "%s", s->headline ? s->headline : "");
	}
	l->n++;
	l->total += s->size;
}

static void list(nf_store *st, const char *search, const char *since, int figures, listing *l)
{
	memset(l, 0, sizeof *l);
	nf_story_query q = NF_STORY_QUERY_INIT;
	q.search = search;
	q.since = since;
	q.figures = figures;
	CHECK(nf_store_stories(st, &q, on_story, l) == NF_OK);
}

static void test_readd_is_idempotent(void)
{
	fresh_store("readd");
	nf_ctx *ctx = nf_ctx_new();
	nf_store *st = NULL;
	CHECK(nf_store_open(&st, ctx, path, 0) == NF_OK);
	size_t len;
	char *b = block(1, 5, 4, 0, "2031-03-02", &len);
	CHECK(nf_store_add(st, "feed.jsonl", 1, b, len, NF_INPUT_JSONL) == NF_OK);
	CHECK(nf_store_commit(st) == NF_OK);
	size_t added, dups, committed;
	nf_store_counts(st, &added, &dups, &committed);
	CHECK_INT(added, 20);
	CHECK_INT(committed, 20);
	listing before, after;
	list(st, NULL, NULL, 0, &before);
	CHECK_INT(before.n, 5);
	CHECK_INT(before.total, 20);
	/* again, in the same run and from a new one */
	CHECK(nf_store_add(st, "feed.jsonl", 1, b, len, NF_INPUT_JSONL) == NF_OK);
	CHECK(nf_store_commit(st) == NF_OK);
	nf_store_close(st);
	CHECK(nf_store_open(&st, ctx, path, 0) == NF_OK);
	CHECK(nf_store_add(st, "feed.jsonl", 1, b, len, NF_INPUT_JSONL) == NF_OK);
	CHECK(nf_store_commit(st) == NF_OK);
	nf_store_counts(st, &added, &dups, NULL);
	CHECK_INT(added, 0);
	CHECK_INT(dups, 20);
	list(st, NULL, NULL, 0, &after);
	CHECK_INT(after.n, before.n);
	CHECK_INT(after.total, before.total);
	for (size_t i = 0; i < after.n && i < 64; i++)
		CHECK(after.ids[i] == before.ids[i] && after.sizes[i] == before.sizes[i]);
	free(b);
	nf_store_close(st);
	nf_ctx_free(ctx);
}

/* A run that adds articles i0 .. i0+per-1 of six stories, dated date, to
 * the store at path, as input name, and commits them. */
static void six_stories_run(nf_ctx *ctx, const char *name, int per, int i0, const char *date)
{
	nf_store *st = NULL;
	size_t len;
	CHECK(nf_store_open(&st, ctx, path, 0) == NF_OK);
	char *b = block(1, 6, per, i0, date, &len);
	CHECK(nf_store_add(st, name, 1, b, len, NF_INPUT_JSONL) == NF_OK);
	CHECK(nf_store_commit(st) == NF_OK);
	free(b);
	nf_store_close(st);
}

/* Articles of the same stories added by a later run join the stories of
 * the earlier one; listing filters by date and words; a story briefs. */
static void test_stories_go_on(void)
{
	fresh_store("goon");
	nf_ctx *ctx = nf_ctx_new();
	nf_store *st = NULL;
	six_stories_run(ctx, "day1.jsonl", 3, 0, "2031-03-02");
	listing l1;
	CHECK(nf_store_open(&st, ctx, path, NF_STORE_READONLY) == NF_OK);
	list(st, NULL, NULL, 0, &l1);
	nf_store_close(st);
	CHECK_INT(l1.n, 6);

	six_stories_run(ctx, "day3.jsonl", 2, 3, "2031-03-04");
	CHECK(nf_store_open(&st, ctx, path, NF_STORE_READONLY) == NF_OK);
	listing l2;
	list(st, NULL, NULL, 1, &l2);
	CHECK_INT(l2.n, 6); /* no new story: the later articles joined */
	CHECK_INT(l2.total, 30);
	for (size_t i = 0; i < l2.n && i < 64; i++) {
		CHECK_INT(l2.sizes[i], 5);
		CHECK_INT(l2.conflict[i], 0);
	}
	listing l3;
	char town[32];
	word(town, 3 * 8, "by");
	list(st, town, NULL, 0, &l3);
	CHECK_INT(l3.n, 1);
	CHECK(strstr(l3.headline[0], town) != NULL);
	char query[64];
	snprintf(query, sizeof query, "%s nosuchword", town);
	list(st, query, NULL, 0, &l3);
	CHECK_INT(l3.n, 0);
	list(st, NULL, "2031-03-03", 0, &l3);
	CHECK_INT(l3.n, 6);
	list(st, NULL, "2031-03-05", 0, &l3);
	CHECK_INT(l3.n, 0);

	nf_corpus *c = NULL;
	CHECK(nf_store_story_corpus(&c, st, l2.ids[0]) == NF_OK);
	CHECK_INT(nf_corpus_count(c), 5);
	nf_brief *br = NULL;
	CHECK(nf_brief_build(&br, c, NULL) == NF_OK);
	nf_brief_free(br);
	nf_corpus_free(c);
	CHECK(nf_store_story_corpus(&c, st, 999999) == NF_EEMPTY && c == NULL);
	nf_store_close(st);
	nf_ctx_free(ctx);
}

/* A store written before vectors held their event day: its vectors are
 * read without one, so the stories still go on. */
static void test_vectors_without_event_day(void)
{
	fresh_store("oldvec");
	nf_ctx *ctx = nf_ctx_new();
	six_stories_run(ctx, "day1.jsonl", 3, 0, "2031-03-02");
	/* the older layout: the same blob without the 4 bytes after the day */
	sqlite3 *db = NULL;
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "UPDATE articles SET vec = substr(vec, 1, 8) || substr(vec, 13)", NULL,
	                   NULL, NULL) == SQLITE_OK);
	CHECK_INT(sqlite3_changes(db), 18);
	sqlite3_close(db);
	six_stories_run(ctx, "day3.jsonl", 2, 3, "2031-03-04");
	nf_store *st = NULL;
	CHECK(nf_store_open(&st, ctx, path, NF_STORE_READONLY) == NF_OK);
	listing l;
	list(st, NULL, NULL, 1, &l);
	CHECK_INT(l.n, 6); /* no new story: the later articles joined */
	CHECK_INT(l.total, 30);
	nf_store_close(st);
	nf_ctx_free(ctx);
}

/* Two reports of one event that give different death tolls on the same
 * day: the listing says its figures conflict. */
static void test_conflict_flag(void)
{
	fresh_store("conflict");
	nf_ctx *ctx = nf_ctx_new();
	nf_store *st = NULL;
	CHECK(nf_store_open(&st, ctx, path, 0) == NF_OK);
	const char *feed =
		"{\"id\":\"c1\",\"title\":\"Ferry sinks off Cape Vossel\",\"published\":\"2031-06-01\","
		"\"outlet\":\"Tidewire\",\"text\":\"Fourteen people were killed when the ferry Marit "
		"Lund sank off Cape Vossel on Sunday, the coast guard said.\"}\n"
		"{\"id\":\"c2\",\"title\":\"Ferry Marit Lund sinks off Cape Vossel\",\"published\":\"2031-06-01\","
		"\"outlet\":\"Harbour Post\",\"text\":\"Twenty-two people were killed when the ferry Marit "
		"Lund sank off Cape Vossel on Sunday, the regional governor said.\"}\n";
	CHECK(nf_store_add(st, "f.jsonl", 1, feed, strlen(feed), NF_INPUT_JSONL) == NF_OK);
	CHECK(nf_store_commit(st) == NF_OK);
	listing l;
	list(st, NULL, NULL, 1, &l);
	CHECK_INT(l.n, 1);
	CHECK_INT(l.conflict[0], 1);
	nf_store_close(st);
	/* cached: a read-only open sees the flag without briefing */
	CHECK(nf_store_open(&st, ctx, path, NF_STORE_READONLY) == NF_OK);
	list(st, NULL, NULL, 0, &l);
	CHECK_INT(l.conflict[0], 1);
	CHECK(nf_store_add(st, "f.jsonl", 1, feed, strlen(feed), NF_INPUT_JSONL) == NF_EINVAL);
	nf_store_close(st);
	nf_ctx_free(ctx);
}

static void test_bad_store(void)
{
	nf_ctx *ctx = nf_ctx_new();
	nf_store *st = NULL;
	snprintf(path, sizeof path, "%s/not-a-store.db", dir);
	FILE *f = fopen(path, "w");
	fputs("this is not a database, just some text that is long enough to matter\n", f);
	fclose(f);
	CHECK(nf_store_open(&st, ctx, path, 0) != NF_OK && st == NULL);
	CHECK(strstr(nf_ctx_errmsg(ctx), "not-a-store.db") != NULL);
	snprintf(path, sizeof path, "%s/missing/dir/x.db", dir);
	CHECK(nf_store_open(&st, ctx, path, 0) == NF_EIO && st == NULL);
	CHECK(nf_store_open(&st, ctx, path, NF_STORE_READONLY) == NF_EIO);
	/* a store of schema 1, whose term keys mean other things */
	snprintf(path, sizeof path, "%s/old.db", dir);
	CHECK(nf_store_open(&st, ctx, path, 0) == NF_OK);
	nf_store_close(st);
	sqlite3 *db = NULL;
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "UPDATE meta SET value = 1 WHERE key = 'schema'", NULL, NULL, NULL) ==
	      SQLITE_OK);
	sqlite3_close(db);
	st = NULL;
	CHECK(nf_store_open(&st, ctx, path, 0) == NF_EPARSE && st == NULL);
	CHECK(strstr(nf_ctx_errmsg(ctx), "older newsfuse") != NULL);
	nf_store_close(NULL);
	nf_ctx_free(ctx);
}

/* The writer: adds blocks of 64 new articles until killed, writing the
 * committed count to fd after each block. */
static void writer(int fd)
{
	nf_ctx *ctx = nf_ctx_new();
	nf_store *st = NULL;
	if (nf_store_open(&st, ctx, path, 0))
		_exit(2);
	for (int round = 0; round < 4000; round++) {
		size_t len;
		char date[11];
		snprintf(date, sizeof date, "2031-%02d-%02d", 1 + round / 28 % 12, 1 + round % 28);
		char *b = block(round * 16, 16, 4, 0, date, &len);
		if (nf_store_add(st, "w.jsonl", 1, b, len, NF_INPUT_JSONL))
			_exit(3);
		free(b);
		size_t committed;
		nf_store_counts(st, NULL, NULL, &committed);
		if (write(fd, &committed, sizeof committed) != sizeof committed)
			_exit(4);
	}
	_exit(0);
}

static long long scalar(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *q;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

static void test_kill_while_adding(void)
{
	fresh_store("kill");
	int fds[2];
	CHECK(pipe(fds) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		writer(fds[1]);
	}
	close(fds[1]);
	/* read while the writer writes: every listing succeeds and is a
	 * consistent snapshot (story sizes add up to the articles) */
	nf_ctx *ctx = nf_ctx_new();
	size_t last = 0, reads = 0, consistent = 0;
	while (last < 1280) {
		size_t c;
		if (read(fds[0], &c, sizeof c) != sizeof c)
			break;
		last = c;
		nf_store *st = NULL;
		if (c && nf_store_open(&st, ctx, path, NF_STORE_READONLY) == NF_OK) {
			listing l;
			memset(&l, 0, sizeof l);
			nf_story_query q = NF_STORY_QUERY_INIT;
			reads++;
			if (nf_store_stories(st, &q, on_story, &l) == NF_OK && l.total >= c &&
			    l.total % 256 == 0)
				consistent++;
			nf_store_close(st);
		}
	}
	kill(pid, SIGKILL);
	int status;
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	size_t c;
	while (read(fds[0], &c, sizeof c) == sizeof c)
		last = c;
	close(fds[0]);
	CHECK(reads > 0);
	CHECK_INT(consistent, reads);

	sqlite3 *db = NULL;
	CHECK(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK);
	sqlite3_stmt *q;
	CHECK(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(q) == SQLITE_ROW);
	CHECK_STR((const char *)sqlite3_column_text(q, 0), "ok");
	sqlite3_finalize(q);
	long long n = scalar(db, "SELECT count(*) FROM articles");
	/* exactly the committed articles: whole commits of 256, at least
	 * those the writer reported */
	CHECK(n >= (long long)last && n % 256 == 0);
	CHECK_INT(scalar(db, "SELECT sum(size) FROM stories"), n);
	CHECK_INT(scalar(db, "SELECT value FROM meta WHERE key = 'articles'"), n);
	CHECK_INT(scalar(db, "SELECT count(*) FROM articles_fts"), n);
	CHECK_INT(scalar(db, "SELECT count(*) FROM articles WHERE story NOT IN (SELECT id FROM stories)"), 0);
	CHECK_INT(scalar(db, "SELECT max(story) < (SELECT value FROM meta WHERE key = 'next_story') FROM articles"), 1);
	sqlite3_close(db);

	/* and it takes more articles after the crash */
	nf_store *st = NULL;
	CHECK(nf_store_open(&st, ctx, path, 0) == NF_OK);
	size_t len;
	char *b = block(900000, 2, 2, 0, "2031-12-30", &len);
	CHECK(nf_store_add(st, "after.jsonl", 1, b, len, NF_INPUT_JSONL) == NF_OK);
	CHECK(nf_store_commit(st) == NF_OK);
	free(b);
	listing l;
	list(st, NULL, NULL, 0, &l);
	CHECK_INT(l.total, (size_t)n + 4);
	nf_store_close(st);
	nf_ctx_free(ctx);
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/nf-store-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_readd_is_idempotent);
	RUN(test_stories_go_on);
	RUN(test_vectors_without_event_day);
	RUN(test_conflict_flag);
	RUN(test_bad_store);
	RUN(test_kill_while_adding);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd))
		fprintf(stderr, "could not remove %s\n", dir);
	return harness_done();
}
