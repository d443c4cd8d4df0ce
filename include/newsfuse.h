/*
 * newsfuse.h - the public interface of libnewsfuse.
 *
 * libnewsfuse turns many news reports of one story into one brief: the
 * cleaned articles, which articles copy which, a cited summary, the figures
 * (killed, detained, deployed, ...) reconciled across sources, the people,
 * places and organisations involved, and a dated timeline.
 *
 * Usage, in short:
 *
 *     nf_ctx *ctx = nf_ctx_new();
 *     nf_corpus *corpus = NULL;
 *     nf_corpus_new(&corpus, ctx);
 *     nf_corpus_add(corpus, "a.txt", data, len, NF_INPUT_AUTO);   (repeat)
 *     nf_brief *brief = NULL;
 *     nf_brief_options opts = NF_BRIEF_OPTIONS_INIT;
 *     nf_brief_build(&brief, corpus, &opts);
 *     char *out; size_t outlen;
 *     nf_brief_render(&out, &outlen, brief, NF_FORMAT_JSON, 0);
 *     ... nf_free(out); nf_brief_free(brief); nf_corpus_free(corpus);
 *     nf_ctx_free(ctx);
 *
 * Conventions:
 *   - Every fallible function returns an nf_status; 0 is success, errors are
 *     negative. The human-readable message of the last error (naming the
 *     input and the position where that applies) is on the context:
 *     nf_ctx_errmsg().
 *   - Out-parameters come first. Text is passed as (pointer, length) and
 *     need not be NUL-terminated; input bytes are copied, never retained.
 *   - Every nf_*_free() accepts NULL.
 *   - Handles are not thread-safe; distinct contexts may be used from
 *     distinct threads.
 */
#ifndef NEWSFUSE_H
#define NEWSFUSE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NF_VERSION_STRING "0.1.0"

/* Status codes. */
typedef enum nf_status {
	NF_OK = 0,
	NF_ENOMEM = -1,   /* out of memory */
	NF_EINVAL = -2,   /* invalid argument (a programming error) */
	NF_EIO = -3,      /* reading or writing failed */
	NF_EPARSE = -4,   /* malformed input (JSON, ...) */
	NF_EUTF8 = -5,    /* input is not valid UTF-8 (or is binary) */
	NF_ETOOBIG = -6,  /* input or output over a size limit */
	NF_EEMPTY = -7    /* input holds no article text */
} nf_status;

/* The constant's name, e.g. "NF_EUTF8"; never NULL. */
const char *nf_status_name(nf_status status);

/* --- Context: options shared by a run, the last error, warnings. --- */

typedef struct nf_ctx nf_ctx;

/* Warning callback: called for problems that do not stop the run (a bad
 * JSONL line, an article skipped). msg is borrowed for the call only. */
typedef void (*nf_warn_fn)(void *userdata, const char *msg);

/* A new context, or NULL when out of memory. Free with nf_ctx_free().
 * The corpora and briefs made on a context share what it keeps between
 * them, so a stream of corpora (a server, the cluster command) runs
 * faster than corpora on a context each: each word's stem (at most 65,536
 * words, about 4 MB, started over when full), the memory of freed corpora
 * and briefs (at most 32 MB) and the word tables of the largest corpus
 * freed. Results never depend on it. */
nf_ctx *nf_ctx_new(void);
void nf_ctx_free(nf_ctx *ctx);

/* Where warnings go; by default they are dropped. */
void nf_ctx_set_warn(nf_ctx *ctx, nf_warn_fn fn, void *userdata);

/* Message of the last error on this context ("" when none). Borrowed: valid
 * until the next call that takes ctx or one of its corpora. */
const char *nf_ctx_errmsg(const nf_ctx *ctx);

/* --- Corpus: the articles of one story. --- */

typedef struct nf_corpus nf_corpus;

typedef enum nf_input {
	NF_INPUT_AUTO = 0, /* decide by content */
	NF_INPUT_TEXT,     /* one plain-text article; headline = first non-empty line */
	NF_INPUT_JSONL,    /* one JSON article per line: id, title, text, published, url, outlet */
	NF_INPUT_HTML,     /* one web page; its main text and metadata (see nf_page_extract) */
	NF_INPUT_FEED      /* an RSS 2.0 or Atom feed; each item one article */
} nf_input;

/* Maximum size of one input passed to nf_corpus_add(), in bytes. */
#define NF_MAX_INPUT_BYTES ((size_t)256 << 20)

/* A new, empty corpus on ctx. Caller owns *out; free with nf_corpus_free().
 * ctx must outlive the corpus. */
nf_status nf_corpus_new(nf_corpus **out, nf_ctx *ctx);
void nf_corpus_free(nf_corpus *corpus);

/* Adds the article(s) in data[0..len). name labels the input in messages
 * and in the brief (a file name, "-" for stdin). For JSONL, a malformed
 * line or an article without text is reported through the warning callback
 * and skipped (a record with a headline and blank text is read with the
 * headline as its text); the call fails only when no article at all could
 * be read.
 * A plain-text input that is empty, binary or not UTF-8 fails with a message
 * naming the input, line and column. data is copied. */
nf_status nf_corpus_add(nf_corpus *corpus, const char *name, const char *data,
                        size_t len, nf_input kind);

/* Number of articles added so far. */
size_t nf_corpus_count(const nf_corpus *corpus);

/* --- Brief: what the sources say, together. --- */

typedef struct nf_brief nf_brief;

typedef struct nf_brief_options {
	int version;       /* NF_BRIEF_OPTIONS_VERSION */
	int summary_words; /* approximate length of the summary; default 120 */
} nf_brief_options;

#define NF_BRIEF_OPTIONS_VERSION 1
#define NF_BRIEF_OPTIONS_INIT {NF_BRIEF_OPTIONS_VERSION, 120}

/* Builds the brief of every article in corpus. Caller owns *out; free with
 * nf_brief_free() before the corpus, which it borrows. opts may be NULL for
 * the defaults. Fails with NF_EEMPTY when the corpus has no articles. */
nf_status nf_brief_build(nf_brief **out, nf_corpus *corpus,
                         const nf_brief_options *opts);
void nf_brief_free(nf_brief *brief);

typedef enum nf_format {
	NF_FORMAT_TEXT = 0, /* for an 80-column terminal */
	NF_FORMAT_MARKDOWN,
	NF_FORMAT_JSON,     /* schema "newsfuse.brief/1", docs/brief-schema.md */
	NF_FORMAT_HTML      /* one self-contained page */
} nf_format;

/* Render flags. */
#define NF_RENDER_COLOR 1u /* ANSI colour in NF_FORMAT_TEXT */

/* Renders the brief. *out is NUL-terminated UTF-8 of *outlen bytes; caller
 * owns it and frees it with nf_free(). */
nf_status nf_brief_render(char **out, size_t *outlen, const nf_brief *brief,
                          nf_format format, unsigned flags);

/* --- Page: the article in a web page (HTML main-text extraction). --- */

/* nf_corpus_add() with NF_INPUT_HTML or NF_INPUT_FEED (or AUTO on such
 * input) runs the same extraction on each page or feed item; these calls
 * give one page's result directly, as `newsfuse extract` prints it. */

typedef struct nf_page nf_page;

typedef struct nf_extract_options {
	int version;         /* NF_EXTRACT_OPTIONS_VERSION */
	const char *url;     /* where the page came from, or NULL; used for dates
	                        in the path and as the canonical URL's fallback */
	const char *charset; /* the transport's charset (HTTP Content-Type), or NULL */
	long long now;       /* Unix time no date may be after; 0 = the clock */
} nf_extract_options;

#define NF_EXTRACT_OPTIONS_VERSION 1
#define NF_EXTRACT_OPTIONS_INIT {NF_EXTRACT_OPTIONS_VERSION, NULL, NULL, 0}

/* Extracts the main text and the metadata of the page in data[0..len)
 * (any encoding; see docs/extract-schema.md). name labels it in messages.
 * Caller owns *out; free with nf_page_free(). ctx must outlive it. Fails
 * with NF_EEMPTY (message on ctx) when the page has no text at all,
 * NF_ETOOBIG over NF_MAX_INPUT_BYTES; a page whose article could not be
 * told from the rest still succeeds, with its best guess. */
nf_status nf_page_extract(nf_page **out, nf_ctx *ctx, const char *name,
                          const char *data, size_t len,
                          const nf_extract_options *opts);
void nf_page_free(nf_page *page);

/* The main text: UTF-8, paragraphs separated by a blank line, list items
 * and table rows by a line break. Borrowed: valid until the page is freed. */
const char *nf_page_text(const nf_page *page, size_t *len);

typedef enum nf_page_field {
	NF_PAGE_TITLE = 0,
	NF_PAGE_SITE_NAME,
	NF_PAGE_AUTHORS,     /* names joined by "; " */
	NF_PAGE_PUBLISHED,   /* ISO 8601 as precise as known: "2019-08-02", "2019-08-02T14:05:00+02:00" */
	NF_PAGE_MODIFIED,
	NF_PAGE_LANGUAGE,    /* "de", "en-GB" */
	NF_PAGE_URL,         /* canonical URL */
	NF_PAGE_DESCRIPTION,
	NF_PAGE_ENCODING,    /* what the page was decoded from: "windows-1252" */
	NF_PAGE_DATE         /* the page's date: published when known, else modified */
} nf_page_field;

/* One metadata field, or NULL when the page does not say. Borrowed: valid
 * until the page is freed. */
const char *nf_page_get(const nf_page *page, nf_page_field field);

/* Renders the page: NF_FORMAT_TEXT (title, a blank line, the text) or
 * NF_FORMAT_JSON (schema "newsfuse.extract/1"). Caller owns *out (free
 * with nf_free()); other formats fail with NF_EINVAL. */
nf_status nf_page_render(char **out, size_t *outlen, const nf_page *page,
                         nf_format format);
/* --- Cluster: a stream of articles grouped into stories. --- */

/* A clusterer reads articles one input at a time and calls back once per
 * article, in input order, with the story it belongs to. It keeps only a
 * bounded window of recent articles (their term vectors, never their text),
 * so a stream of millions runs in bounded memory; stories whose articles
 * all left the window are closed. Articles are processed in batches: a
 * callback may come after later nf_cluster_add() calls, and the last ones
 * come from nf_cluster_flush(). */
typedef struct nf_cluster nf_cluster;

typedef struct nf_cluster_options {
	int version;         /* NF_CLUSTER_OPTIONS_VERSION */
	int window_days;     /* an article joins only stories seen within this
	                        many days of its date; 0 = default (1095) */
	int window_articles; /* recent articles kept as candidates; 0 = default
	                        (131072) */
	double threshold;    /* likeness to join a story, 0..1 (the average
	                        cosine with its articles, with their figures,
	                        less a time penalty); 0 = default (0.07):
	                        lower joins more */
} nf_cluster_options;

#define NF_CLUSTER_OPTIONS_VERSION 1
#define NF_CLUSTER_OPTIONS_INIT {NF_CLUSTER_OPTIONS_VERSION, 0, 0, 0}

/* One article's assignment. Every pointer is borrowed for the call only. */
typedef struct nf_cluster_item {
	size_t index;             /* 0-based, among the articles clustered */
	const char *id;           /* article id (JSONL id, else file base name) */
	const char *name;         /* input and line: "feed.jsonl:12" */
	const char *title;        /* headline, NULL when none */
	const char *published;    /* "YYYY-MM-DD", NULL when unknown */
	unsigned long long story; /* story number, from 1 in order of creation */
	int new_story;            /* 1 when this article opened the story */
	double score;             /* similarity to the story joined; 0 when new */
	const char *copy_of;      /* id of an earlier article this one nearly
	                             duplicates (a copy), NULL when none */
} nf_cluster_item;

typedef void (*nf_cluster_fn)(void *userdata, const nf_cluster_item *item);

/* A new clusterer on ctx calling fn(userdata, item) for every article.
 * opts may be NULL for the defaults. Caller owns *out; free with
 * nf_cluster_free(). ctx must outlive it. */
nf_status nf_cluster_new(nf_cluster **out, nf_ctx *ctx,
                         const nf_cluster_options *opts, nf_cluster_fn fn,
                         void *userdata);

/* Adds the article(s) in data[0..len), read as nf_corpus_add() reads them
 * (bad JSONL lines are warnings and skipped; a JSONL input is clustered
 * batch by batch as it is read, so it may hold any number of articles up
 * to NF_MAX_INPUT_BYTES a call). line is the line number of
 * data's first line within the input called name, so a caller that feeds
 * a large JSONL stream in blocks of whole lines gets messages with true
 * line numbers; pass 1 for a whole input. data is copied. */
nf_status nf_cluster_add(nf_cluster *cl, const char *name, size_t line,
                         const char *data, size_t len, nf_input kind);

/* Clusters every article still pending and makes its callback. */
nf_status nf_cluster_flush(nf_cluster *cl);

/* Articles clustered so far, and stories opened so far. */
size_t nf_cluster_count(const nf_cluster *cl);
unsigned long long nf_cluster_stories(const nf_cluster *cl);

/* Frees the clusterer; pending articles are dropped (flush first). */
void nf_cluster_free(nf_cluster *cl);

/* --- Store: articles and their stories, kept in a SQLite file. --- */

/* A store keeps every article added to it with its story, so later runs
 * add to the same stories, and stories can be listed, searched and
 * briefed. Writes are transactional (WAL journal): a crash loses at most
 * the articles not yet committed, and the store always opens consistent.
 * Any number of readers may use a store while one process adds to it.
 * Schema: docs/cluster-schema.md. */
typedef struct nf_store nf_store;

#define NF_STORE_READONLY 1u /* open for reading only; the file must exist */

/* Opens the store at path, creating it unless NF_STORE_READONLY. Caller
 * owns *out; close with nf_store_close(), which rolls back what was not
 * committed. ctx must outlive the store. */
nf_status nf_store_open(nf_store **out, nf_ctx *ctx, const char *path, unsigned flags);
void nf_store_close(nf_store *store);

/* Clustering options for the adds that follow (copied). */
void nf_store_set_options(nf_store *store, const nf_cluster_options *opts);
/* fn(userdata, item) for each article added (not for one already stored),
 * when it is written; item is borrowed for the call. */
void nf_store_set_callback(nf_store *store, nf_cluster_fn fn, void *userdata);

/* Adds the article(s) in data[0..len), read as nf_cluster_add() reads
 * them, to stories old or new. An article already stored (same id,
 * headline and body) is skipped. Articles are committed in batches as
 * they are clustered; nf_store_commit() commits the rest. */
nf_status nf_store_add(nf_store *store, const char *name, size_t line,
                       const char *data, size_t len, nf_input kind);
nf_status nf_store_commit(nf_store *store);

/* Articles added (written, committed or not) and skipped as already
 * stored since the store was opened, and committed. Any may be NULL. */
void nf_store_counts(const nf_store *store, size_t *added, size_t *duplicates,
                     size_t *committed);

/* One story of a listing. Strings are borrowed for the callback only. */
typedef struct nf_story_info {
	unsigned long long id;
	const char *headline;   /* its first article's, NULL when none */
	size_t size;            /* articles */
	const char *outlets;    /* distinct outlets, most articles first, one per
	                           line; NULL when none is known */
	const char *first_seen; /* "YYYY-MM-DD" of its first and last article; */
	const char *last_seen;  /*   NULL when no article is dated */
	int conflict;           /* 1 when its sources' figures conflict, 0 when
	                           not, -1 when not checked */
} nf_story_info;

typedef struct nf_story_query {
	int version;        /* NF_STORY_QUERY_VERSION */
	const char *since;  /* "YYYY-MM-DD": stories seen on or after it; NULL: all */
	const char *search; /* words that an article of the story must all hold
	                       (full-text search of headlines and bodies); NULL: any */
	size_t limit;       /* most stories listed; 0: all */
	int figures;        /* 1: check each story's figures for conflicts (a brief
	                       of its first 200 articles, cached in the store) */
} nf_story_query;

#define NF_STORY_QUERY_VERSION 1
#define NF_STORY_QUERY_INIT {NF_STORY_QUERY_VERSION, NULL, NULL, 0, 0}

typedef void (*nf_story_fn)(void *userdata, const nf_story_info *story);

/* Calls fn for each story matching query (NULL: all), latest seen first. */
nf_status nf_store_stories(nf_store *store, const nf_story_query *query,
                           nf_story_fn fn, void *userdata);

/* A new corpus of the articles of story, to brief as any corpus. Caller
 * owns *out; free with nf_corpus_free(). NF_EEMPTY when there is no such
 * story. */
nf_status nf_store_story_corpus(nf_corpus **out, nf_store *store,
                                unsigned long long story);

/* Frees memory the library handed to the caller. Accepts NULL. */
void nf_free(void *p);

#ifdef __cplusplus
}
#endif
#endif
