/*
 * store.c - the article store: SQLite, stories assigned as articles come.
 *
 * What: articles added to the store are kept (body, metadata, the
 * clusterer's vector of each) with their story, so stories can be listed,
 * searched (FTS5 over headlines and bodies) and briefed later, and a later
 * `add` goes on clustering where the last one stopped. The schema is in
 * docs/cluster-schema.md.
 *
 * How: adding runs a clusterer (cluster.c) restored from the store: the
 * document frequencies of every term (table terms), the articles counted,
 * the next story number, and the vectors of the most recent articles, so a
 * new article finds the stories an earlier run made. The clusterer's
 * hooks skip an article whose content key (its id, headline and body
 * hashed) is stored already — re-adding is idempotent — and write each
 * assigned article with its story, its outlet and its terms. Writes go in
 * transactions of whole clusterer batches (BEGIN IMMEDIATE ... COMMIT,
 * WAL journal, synchronous FULL): a crash or kill loses only the open
 * transaction, never a committed one, and leaves every table consistent
 * with the others. Readers (stories, brief) see the last commit and never
 * wait for a writer (WAL); two writers wait for each other (busy timeout).
 *
 * After a failed write the transaction is rolled back and the clusterer
 * discarded, since it remembers articles the store no longer holds; the
 * next add restores a new one.
 *
 * Rejected: saving the clusterer's whole state as one blob per commit (its
 * frequency table is 32 MB: every commit would rewrite it); re-clustering
 * every article at each add (the cost of an add would grow with the store).
 *
 * This file and cli/ are the only places that touch files (see
 * scripts/lint.sh).
 */
#include <json-c/json.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "dates.h"
#include "stages.h"

/* Articles written per transaction: one clusterer batch, so a commit
 * never splits the articles the clusterer scored together. */
#define COMMIT_ARTICLES 256

/* A story's figures are checked for conflicts on its first articles
 * only: a brief of thousands of articles would take seconds, and the
 * first reports are where the counts disagree. */
#define CONFLICT_ARTICLES 200

/* Milliseconds a writer waits for another writer's transaction. */
#define BUSY_MS 10000

/* 2: term keys carry their kind (word, figure, name) in their low bits,
 * so version 1's terms and vectors mean other things. */
#define SCHEMA_VERSION 2

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS stories("
	"  id INTEGER PRIMARY KEY, headline TEXT, size INTEGER NOT NULL,"
	"  first_seen TEXT, last_seen TEXT, conflict INTEGER, conflict_size INTEGER);"
	"CREATE TABLE IF NOT EXISTS articles("
	"  seq INTEGER PRIMARY KEY, key INTEGER NOT NULL UNIQUE, id TEXT NOT NULL,"
	"  name TEXT, title TEXT, outlet TEXT, url TEXT, published TEXT,"
	"  date_given INTEGER NOT NULL, body TEXT NOT NULL,"
	"  story INTEGER NOT NULL REFERENCES stories(id), copy_of TEXT,"
	"  score REAL NOT NULL, vec BLOB NOT NULL);"
	"CREATE INDEX IF NOT EXISTS articles_story ON articles(story, seq);"
	"CREATE INDEX IF NOT EXISTS stories_last ON stories(last_seen);"
	"CREATE TABLE IF NOT EXISTS story_outlets("
	"  story INTEGER NOT NULL, outlet TEXT NOT NULL, n INTEGER NOT NULL,"
	"  PRIMARY KEY(story, outlet)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS terms(key INTEGER PRIMARY KEY, df INTEGER NOT NULL);"
	"CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
	"  title, body, content='articles', content_rowid='seq');";

enum {
	Q_HAS_KEY, Q_INSERT_ARTICLE, Q_INSERT_FTS, Q_UPSERT_STORY, Q_UPSERT_OUTLET,
	Q_UPSERT_TERM, Q_META_GET, Q_META_SET, NQ
};

static const char *const queries[NQ] = {
	[Q_HAS_KEY] = "SELECT 1 FROM articles WHERE key = ?1",
	[Q_INSERT_ARTICLE] =
		"INSERT INTO articles(key, id, name, title, outlet, url, published, date_given,"
		" body, story, copy_of, score, vec) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
	[Q_INSERT_FTS] = "INSERT INTO articles_fts(rowid, title, body) VALUES(?1, ?2, ?3)",
	[Q_UPSERT_STORY] =
		"INSERT INTO stories(id, headline, size, first_seen, last_seen) VALUES(?1, ?2, 1, ?3, ?3)"
		" ON CONFLICT(id) DO UPDATE SET size = size + 1,"
		" headline = coalesce(headline, excluded.headline),"
		" first_seen = CASE WHEN first_seen IS NULL OR excluded.first_seen < first_seen"
		"   THEN coalesce(excluded.first_seen, first_seen) ELSE first_seen END,"
		" last_seen = CASE WHEN last_seen IS NULL OR excluded.last_seen > last_seen"
		"   THEN coalesce(excluded.last_seen, last_seen) ELSE last_seen END",
	[Q_UPSERT_OUTLET] =
		"INSERT INTO story_outlets(story, outlet, n) VALUES(?1, ?2, 1)"
		" ON CONFLICT(story, outlet) DO UPDATE SET n = n + 1",
	[Q_UPSERT_TERM] =
		"INSERT INTO terms(key, df) VALUES(?1, 1) ON CONFLICT(key) DO UPDATE SET df = df + 1",
	[Q_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[Q_META_SET] = "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)",
};

/* Keys of the articles of the open transaction, so an article given twice
 * in one batch is stored once. */
typedef struct keyset {
	uint64_t *slots; /* 0: empty */
	size_t mask, used;
} keyset;

struct nf_store {
	nf_ctx *ctx;
	sqlite3 *db;
	sqlite3_stmt *q[NQ];
	int readonly;
	nf_cluster_options opts;
	nf_cluster *cl;       /* restored at the first add */
	nf_cluster_fn fn;     /* the caller's, per article added */
	void *ud;
	int in_tx, failed;
	size_t tx_articles;   /* written in the open transaction */
	size_t added, duplicates, committed;
	keyset batch;
};

/* --- Errors and statements --------------------------------------------------- */

static nf_status db_error(nf_store *s, const char *what)
{
	int code = sqlite3_errcode(s->db);
	nf_status st = code == SQLITE_NOMEM ? NF_ENOMEM : NF_EIO;
	return nf_error(s->ctx, st, "store: %s: %s", what, sqlite3_errmsg(s->db));
}

static sqlite3_stmt *stmt(nf_store *s, int q)
{
	sqlite3_stmt *st = s->q[q];
	if (!st && sqlite3_prepare_v2(s->db, queries[q], -1, &s->q[q], NULL) != SQLITE_OK)
		return NULL;
	st = s->q[q];
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

static int bind_text(sqlite3_stmt *st, int i, const char *v)
{
	return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

static int64_t meta_get(nf_store *s, const char *key, int64_t def)
{
	sqlite3_stmt *st = stmt(s, Q_META_GET);
	if (!st)
		return def;
	bind_text(st, 1, key);
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : def;
	sqlite3_reset(st);
	return v;
}

static int meta_set(nf_store *s, const char *key, int64_t v)
{
	sqlite3_stmt *st = stmt(s, Q_META_SET);
	if (!st)
		return SQLITE_ERROR;
	bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, v);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* --- Vectors as blobs ------------------------------------------------------------ */

/* Layout, little-endian as the machine writes it: n (u32), day (i32),
 * event day (i32), the signature (NF_MINHASH u32), then n terms of key
 * (u64) and weight (f32). Stores written before the event day hold
 * blobs 4 bytes shorter, without it: they read as having none (the
 * lengths differ by less than a term, so they cannot be confused). */
#define VEC_HEAD (12 + NF_MINHASH * 4)
#define VEC_HEAD_OLD (VEC_HEAD - 4)
#define VEC_TERM 12

static size_t vec_pack(const nf_tvec *v, unsigned char *out)
{
	memcpy(out, &v->n, 4);
	memcpy(out + 4, &v->day, 4);
	memcpy(out + 8, &v->event_day, 4);
	memcpy(out + 12, v->sig, NF_MINHASH * 4);
	unsigned char *p = out + VEC_HEAD;
	for (uint32_t i = 0; i < v->n; i++, p += VEC_TERM) {
		memcpy(p, &v->t[i].key, 8);
		memcpy(p + 8, &v->t[i].w, 4);
	}
	return (size_t)(p - out);
}

static int vec_unpack(const unsigned char *b, size_t len, nf_tvec *v)
{
	if (len < VEC_HEAD_OLD)
		return 0;
	memcpy(&v->n, b, 4);
	memcpy(&v->day, b + 4, 4);
	if (v->n > NF_CLUSTER_TERMS)
		return 0;
	size_t head = len - (size_t)v->n * VEC_TERM;
	if (len < (size_t)v->n * VEC_TERM || (head != VEC_HEAD && head != VEC_HEAD_OLD))
		return 0;
	v->event_day = NF_NO_DAY;
	if (head == VEC_HEAD)
		memcpy(&v->event_day, b + 8, 4);
	memcpy(v->sig, b + head - NF_MINHASH * 4, NF_MINHASH * 4);
	const unsigned char *p = b + head;
	for (uint32_t i = 0; i < v->n; i++, p += VEC_TERM) {
		memcpy(&v->t[i].key, p, 8);
		memcpy(&v->t[i].w, p + 8, 4);
	}
	return 1;
}

/* --- Opening ------------------------------------------------------------------ */

nf_status nf_store_open(nf_store **out, nf_ctx *ctx, const char *path, unsigned flags)
{
	*out = NULL;
	if (!ctx || !path)
		return NF_EINVAL;
	nf_store *s = calloc(1, sizeof *s);
	if (!s)
		return nf_error(ctx, NF_ENOMEM, "out of memory");
	s->ctx = ctx;
	s->readonly = (flags & NF_STORE_READONLY) != 0;
	s->opts = (nf_cluster_options)NF_CLUSTER_OPTIONS_INIT;
	int oflags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	nf_status st = NF_OK;
	if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
		st = nf_error(ctx, NF_EIO, "%s: cannot open the store: %s", path,
		              s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(s->db, BUSY_MS);
	char *err = NULL;
	if (!s->readonly &&
	    sqlite3_exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", NULL, NULL, &err)) {
		st = nf_error(ctx, NF_EIO, "%s: not a store: %s", path, err ? err : "?");
		sqlite3_free(err);
		goto fail;
	}
	if (!s->readonly && sqlite3_exec(s->db, schema, NULL, NULL, &err)) {
		st = nf_error(ctx, NF_EIO, "%s: not a store: %s", path, err ? err : "?");
		sqlite3_free(err);
		goto fail;
	}
	int64_t version = meta_get(s, "schema", 0);
	if (!s->readonly && version == 0 && meta_set(s, "schema", SCHEMA_VERSION) == SQLITE_OK)
		version = SCHEMA_VERSION;
	if (version > 0 && version < SCHEMA_VERSION) {
		st = nf_error(ctx, NF_EPARSE,
		              "%s: a store of an older newsfuse (schema %lld, want %d): add its "
		              "articles to a new store", path, (long long)version, SCHEMA_VERSION);
		goto fail;
	}
	if (version != SCHEMA_VERSION) {
		st = nf_error(ctx, NF_EPARSE, "%s: not a newsfuse store (schema %lld, want %d)",
		              path, (long long)version, SCHEMA_VERSION);
		goto fail;
	}
	*out = s;
	return NF_OK;
fail:
	nf_store_close(s);
	return st;
}

void nf_store_set_options(nf_store *s, const nf_cluster_options *opts)
{
	if (s && opts)
		s->opts = *opts;
}

void nf_store_set_callback(nf_store *s, nf_cluster_fn fn, void *userdata)
{
	if (s) {
		s->fn = fn;
		s->ud = userdata;
	}
}

static void drop_clusterer(nf_store *s)
{
	nf_cluster_free(s->cl);
	s->cl = NULL;
	free(s->batch.slots);
	memset(&s->batch, 0, sizeof s->batch);
}

void nf_store_close(nf_store *s)
{
	if (!s)
		return;
	if (s->in_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	drop_clusterer(s);
	for (int i = 0; i < NQ; i++)
		sqlite3_finalize(s->q[i]);
	sqlite3_close(s->db);
	free(s);
}

/* --- Adding -------------------------------------------------------------------- */

static int keyset_has(const keyset *k, uint64_t key)
{
	if (!k->slots)
		return 0;
	for (size_t i = (size_t)key & k->mask; k->slots[i]; i = (i + 1) & k->mask)
		if (k->slots[i] == key)
			return 1;
	return 0;
}

static int keyset_add(keyset *k, uint64_t key)
{
	if (!k->slots || (k->used + 1) * 2 > k->mask + 1) {
		size_t n = k->slots ? (k->mask + 1) * 2 : 1024;
		uint64_t *t = calloc(n, sizeof *t);
		if (!t)
			return -1;
		for (size_t j = 0; k->slots && j <= k->mask; j++) {
			if (!k->slots[j])
				continue;
			size_t i = (size_t)k->slots[j] & (n - 1);
			while (t[i])
				i = (i + 1) & (n - 1);
			t[i] = k->slots[j];
		}
		free(k->slots);
		k->slots = t;
		k->mask = n - 1;
	}
	size_t i = (size_t)key & k->mask;
	while (k->slots[i])
		i = (i + 1) & k->mask;
	k->slots[i] = key;
	k->used++;
	return 0;
}

/* Keys are stored as SQLite's signed 64-bit integers. */
static sqlite3_int64 key_of(const nf_doc *d)
{
	uint64_t k = nf_cluster_article_key(d);
	sqlite3_int64 v;
	memcpy(&v, &k, sizeof v);
	return v;
}

static int hook_skip(void *ud, const nf_doc *d)
{
	nf_store *s = ud;
	sqlite3_int64 key = key_of(d);
	uint64_t ukey;
	memcpy(&ukey, &key, sizeof ukey);
	int dup = keyset_has(&s->batch, ukey | 1);
	sqlite3_stmt *st = dup ? NULL : stmt(s, Q_HAS_KEY);
	if (st) {
		sqlite3_bind_int64(st, 1, key);
		dup = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
	}
	if (dup)
		s->duplicates++;
	else if (keyset_add(&s->batch, ukey | 1))
		s->failed = 1;
	return dup;
}

static nf_status begin(nf_store *s)
{
	if (s->in_tx)
		return NF_OK;
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_error(s, "cannot start a transaction");
	s->in_tx = 1;
	s->tx_articles = 0;
	return NF_OK;
}

static nf_status hook_assigned(void *ud, const nf_doc *d, const nf_cluster_item *it,
                               const nf_tvec *v, const uint64_t *terms, size_t nterms)
{
	nf_store *s = ud;
	nf_status status = begin(s);
	if (status)
		return status;
	unsigned char blob[VEC_HEAD + NF_CLUSTER_TERMS * VEC_TERM];
	size_t blen = vec_pack(v, blob);
	sqlite3_int64 story = (sqlite3_int64)it->story;
	sqlite3_stmt *st = stmt(s, Q_UPSERT_STORY);
	if (!st)
		return db_error(s, "prepare");
	sqlite3_bind_int64(st, 1, story);
	bind_text(st, 2, it->title);
	bind_text(st, 3, it->published);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_error(s, "cannot write a story");
	if (!(st = stmt(s, Q_INSERT_ARTICLE)))
		return db_error(s, "prepare");
	sqlite3_bind_int64(st, 1, key_of(d));
	bind_text(st, 2, d->id);
	bind_text(st, 3, d->name);
	bind_text(st, 4, d->title);
	bind_text(st, 5, d->outlet);
	bind_text(st, 6, d->url);
	bind_text(st, 7, it->published);
	sqlite3_bind_int(st, 8, d->date_source == NF_DATE_METADATA);
	sqlite3_bind_text(st, 9, d->raw, (int)d->raw_len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 10, story);
	bind_text(st, 11, it->copy_of);
	sqlite3_bind_double(st, 12, it->score);
	sqlite3_bind_blob(st, 13, blob, (int)blen, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_error(s, "cannot write an article");
	sqlite3_int64 seq = sqlite3_last_insert_rowid(s->db);
	if (!(st = stmt(s, Q_INSERT_FTS)))
		return db_error(s, "prepare");
	sqlite3_bind_int64(st, 1, seq);
	bind_text(st, 2, d->title);
	sqlite3_bind_text(st, 3, d->raw, (int)d->raw_len, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_error(s, "cannot index an article");
	if (d->outlet) {
		if (!(st = stmt(s, Q_UPSERT_OUTLET)))
			return db_error(s, "prepare");
		sqlite3_bind_int64(st, 1, story);
		bind_text(st, 2, d->outlet);
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_error(s, "cannot write an outlet");
	}
	for (size_t i = 0; i < nterms; i++) {
		if (!(st = stmt(s, Q_UPSERT_TERM)))
			return db_error(s, "prepare");
		sqlite3_int64 k;
		memcpy(&k, &terms[i], sizeof k);
		sqlite3_bind_int64(st, 1, k);
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_error(s, "cannot write a term");
	}
	s->tx_articles++;
	s->added++;
	if (s->fn)
		s->fn(s->ud, it);
	return NF_OK;
}

/* A clusterer with the store's state: frequencies, counts, and the most
 * recent articles of the window. */
static nf_status restore(nf_store *s)
{
	nf_status st = nf_cluster_new(&s->cl, s->ctx, &s->opts, NULL, NULL);
	if (st)
		return st;
	nf_cluster_hooks h = {hook_skip, hook_assigned, s};
	nf_cluster_set_hooks(s->cl, &h);
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT key, df FROM terms", -1, &q, NULL) != SQLITE_OK)
		return db_error(s, "cannot read terms");
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		sqlite3_int64 k = sqlite3_column_int64(q, 0);
		uint64_t key;
		memcpy(&key, &k, sizeof key);
		sqlite3_int64 df = sqlite3_column_int64(q, 1);
		nf_cluster_restore_df(s->cl, key, df > UINT32_MAX ? UINT32_MAX : (uint32_t)df);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return db_error(s, "cannot read terms");
	int64_t articles = meta_get(s, "articles", 0);
	int64_t next_story = meta_get(s, "next_story", 1);
	nf_cluster_restore_counts(s->cl, (uint64_t)articles, (unsigned long long)next_story);
	int window = s->opts.window_articles > 0 ? s->opts.window_articles : 131072;
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT id, story, vec FROM (SELECT seq, id, story, vec"
	                       " FROM articles ORDER BY seq DESC LIMIT ?1) ORDER BY seq",
	                       -1, &q, NULL) != SQLITE_OK)
		return db_error(s, "cannot read articles");
	sqlite3_bind_int(q, 1, window);
	st = NF_OK;
	while (!st && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		nf_tvec v;
		memset(&v, 0, sizeof v);
		if (!vec_unpack(sqlite3_column_blob(q, 2), (size_t)sqlite3_column_bytes(q, 2), &v))
			continue;
		st = nf_cluster_restore_article(s->cl, (const char *)sqlite3_column_text(q, 0),
		                                (unsigned long long)sqlite3_column_int64(q, 1), &v);
	}
	sqlite3_finalize(q);
	if (!st && rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_error(s, "cannot read articles");
	return st;
}

static nf_status fail_tx(nf_store *s, nf_status st)
{
	if (s->in_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_tx = 0;
	s->added -= s->tx_articles;
	s->tx_articles = 0;
	s->failed = 0;
	drop_clusterer(s);
	return st;
}

static nf_status commit(nf_store *s)
{
	if (!s->in_tx)
		return NF_OK;
	if (meta_set(s, "articles", meta_get(s, "articles", 0) + (int64_t)s->tx_articles) ||
	    meta_set(s, "next_story", (int64_t)nf_cluster_stories(s->cl) + 1))
		return fail_tx(s, db_error(s, "cannot write counts"));
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return fail_tx(s, db_error(s, "cannot commit"));
	s->in_tx = 0;
	s->committed += s->tx_articles;
	s->tx_articles = 0;
	s->batch.used = 0;
	if (s->batch.slots)
		memset(s->batch.slots, 0, (s->batch.mask + 1) * sizeof *s->batch.slots);
	return NF_OK;
}

nf_status nf_store_add(nf_store *s, const char *name, size_t line, const char *data,
                       size_t len, nf_input kind)
{
	if (!s)
		return NF_EINVAL;
	if (s->readonly)
		return nf_error(s->ctx, NF_EINVAL, "store: opened read-only");
	nf_status st;
	if (!s->cl && (st = restore(s)))
		return fail_tx(s, st);
	st = nf_cluster_add(s->cl, name, line, data, len, kind);
	if (s->failed)
		return fail_tx(s, nf_error(s->ctx, NF_ENOMEM, "out of memory"));
	/* bad input leaves the store as it was; anything else (a failed
	 * write, no memory) undoes the transaction */
	if (st && st != NF_EPARSE && st != NF_EUTF8 && st != NF_EEMPTY && st != NF_ETOOBIG)
		return fail_tx(s, st);
	if (s->tx_articles >= COMMIT_ARTICLES) {
		nf_status cst = commit(s);
		if (cst)
			return cst;
	}
	return st;
}

nf_status nf_store_commit(nf_store *s)
{
	if (!s)
		return NF_EINVAL;
	if (!s->cl)
		return NF_OK;
	nf_status st = nf_cluster_flush(s->cl);
	if (st || s->failed)
		return fail_tx(s, st ? st : nf_error(s->ctx, NF_ENOMEM, "out of memory"));
	return commit(s);
}

void nf_store_counts(const nf_store *s, size_t *added, size_t *duplicates, size_t *committed)
{
	if (added)
		*added = s ? s->added : 0;
	if (duplicates)
		*duplicates = s ? s->duplicates : 0;
	if (committed)
		*committed = s ? s->committed : 0;
}

/* --- Reading ---------------------------------------------------------------------- */

/* The corpus of story's first `limit` articles, read back through ingest
 * as JSONL records. */
static nf_status story_corpus(nf_store *s, nf_corpus **out, unsigned long long story,
                              size_t limit)
{
	*out = NULL;
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT id, title, body, published, date_given, url, outlet, name"
	                       " FROM articles WHERE story = ?1 ORDER BY seq LIMIT ?2",
	                       -1, &q, NULL) != SQLITE_OK)
		return db_error(s, "cannot read a story");
	sqlite3_bind_int64(q, 1, (sqlite3_int64)story);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)limit);
	nf_corpus *c = NULL;
	nf_status st = nf_corpus_new(&c, s->ctx);
	int rc;
	while (!st && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		json_object *o = json_object_new_object();
		static const char *const keys[] = {"id", "title", "text", "published", NULL, "url",
		                                   "outlet"};
		for (int i = 0; i < 7 && o; i++) {
			const char *v = (const char *)sqlite3_column_text(q, i);
			if (!keys[i] || !v || (i == 3 && !sqlite3_column_int(q, 4)))
				continue;
			json_object_object_add(o, keys[i], json_object_new_string(v));
		}
		const char *rec = o ? json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN) : NULL;
		const char *name = (const char *)sqlite3_column_text(q, 7);
		st = rec ? nf_ingest(c, name ? name : "store", rec, strlen(rec), NF_INPUT_JSONL)
		         : NF_ENOMEM;
		json_object_put(o);
	}
	sqlite3_finalize(q);
	if (st) {
		nf_corpus_free(c);
		return st;
	}
	if (!NF_NDOCS(c)) {
		nf_corpus_free(c);
		return nf_error(s->ctx, NF_EEMPTY, "store: no story %llu", story);
	}
	*out = c;
	return NF_OK;
}

nf_status nf_store_story_corpus(nf_corpus **out, nf_store *s, unsigned long long story)
{
	*out = NULL;
	if (!s)
		return NF_EINVAL;
	return story_corpus(s, out, story, (size_t)-1 / 2);
}

/* 1 when the figures of story's first articles conflict, 0 when not, -1
 * when the brief could not be built. */
static int figures_conflict(nf_store *s, unsigned long long story)
{
	nf_corpus *c = NULL;
	nf_brief *b = NULL;
	int conflict = -1;
	if (!story_corpus(s, &c, story, CONFLICT_ARTICLES) && !nf_brief_build(&b, c, NULL)) {
		conflict = 0;
		for (size_t i = 0; i < b->nfigures; i++)
			conflict |= b->figures[i].status == NF_FIG_CONFLICT;
	}
	nf_brief_free(b);
	nf_corpus_free(c);
	return conflict;
}

/* An FTS5 query of the words of s, each quoted: every word must occur. */
static char *fts_query(const char *s)
{
	nf_buf b = NF_BUF_INIT;
	const char *p = s;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && *e != ' ' && *e != '\t')
			e++;
		if (b.len && nf_buf_putc(&b, ' '))
			goto fail;
		if (nf_buf_putc(&b, '"'))
			goto fail;
		for (; p < e; p++)
			if ((*p == '"' && nf_buf_putc(&b, '"')) || nf_buf_putc(&b, *p))
				goto fail;
		if (nf_buf_putc(&b, '"'))
			goto fail;
	}
	return nf_buf_detach(&b, NULL);
fail:
	nf_buf_free(&b);
	return NULL;
}

nf_status nf_store_stories(nf_store *s, const nf_story_query *query, nf_story_fn fn,
                           void *userdata)
{
	if (!s || !fn)
		return NF_EINVAL;
	nf_story_query qo = NF_STORY_QUERY_INIT;
	if (query)
		qo = *query;
	char *match = qo.search && *qo.search ? fts_query(qo.search) : NULL;
	if (qo.search && *qo.search && !match)
		return nf_error(s->ctx, NF_ENOMEM, "out of memory");
	sqlite3_stmt *q = NULL, *o = NULL, *u = NULL;
	nf_status st = NF_OK;
	const char *sql =
		"SELECT id, headline, size, first_seen, last_seen, conflict, conflict_size"
		" FROM stories WHERE (?1 IS NULL OR last_seen >= ?1)"
		" AND (?2 IS NULL OR id IN (SELECT story FROM articles WHERE seq IN"
		"   (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?2)))"
		" ORDER BY last_seen DESC, size DESC, id DESC LIMIT ?3";
	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db,
	                       "SELECT outlet FROM story_outlets WHERE story = ?1 ORDER BY n DESC, outlet",
	                       -1, &o, NULL) != SQLITE_OK) {
		st = db_error(s, "cannot list stories");
		goto done;
	}
	if (!s->readonly)
		sqlite3_prepare_v2(s->db, "UPDATE stories SET conflict = ?2, conflict_size = ?3"
		                          " WHERE id = ?1", -1, &u, NULL);
	bind_text(q, 1, qo.since);
	bind_text(q, 2, match);
	sqlite3_bind_int64(q, 3, qo.limit ? (sqlite3_int64)qo.limit : -1);
	int rc;
	nf_buf outlets = NF_BUF_INIT;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		nf_story_info info = {0};
		info.id = (unsigned long long)sqlite3_column_int64(q, 0);
		info.headline = (const char *)sqlite3_column_text(q, 1);
		info.size = (size_t)sqlite3_column_int64(q, 2);
		info.first_seen = (const char *)sqlite3_column_text(q, 3);
		info.last_seen = (const char *)sqlite3_column_text(q, 4);
		info.conflict = -1;
		if (sqlite3_column_type(q, 5) != SQLITE_NULL &&
		    (size_t)sqlite3_column_int64(q, 6) == info.size)
			info.conflict = sqlite3_column_int(q, 5);
		else if (qo.figures) {
			info.conflict = figures_conflict(s, info.id);
			if (u && info.conflict >= 0) {
				/* cached for this size; a reader that cannot write
				 * (another process is adding) just does not cache */
				sqlite3_reset(u);
				sqlite3_bind_int64(u, 1, (sqlite3_int64)info.id);
				sqlite3_bind_int(u, 2, info.conflict);
				sqlite3_bind_int64(u, 3, (sqlite3_int64)info.size);
				sqlite3_busy_timeout(s->db, 0);
				sqlite3_step(u);
				sqlite3_busy_timeout(s->db, BUSY_MS);
			}
		}
		outlets.len = 0;
		sqlite3_reset(o);
		sqlite3_bind_int64(o, 1, (sqlite3_int64)info.id);
		while (sqlite3_step(o) == SQLITE_ROW) {
			if ((outlets.len && nf_buf_puts(&outlets, "\n")) ||
			    nf_buf_puts(&outlets, (const char *)sqlite3_column_text(o, 0))) {
				st = nf_error(s->ctx, NF_ENOMEM, "out of memory");
				break;
			}
		}
		if (st)
			break;
		info.outlets = outlets.len ? outlets.data : NULL;
		fn(userdata, &info);
	}
	nf_buf_free(&outlets);
	if (!st && rc != SQLITE_DONE)
		st = db_error(s, "cannot list stories");
done:
	sqlite3_finalize(q);
	sqlite3_finalize(o);
	sqlite3_finalize(u);
	free(match);
	return st;
}
