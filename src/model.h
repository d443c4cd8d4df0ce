/*
 * model.h - the data every pipeline stage reads and writes.
 *
 * A corpus owns its documents; a document's clean text is the coordinate
 * system of everything found later: tokens, sentences, claims and summary
 * sentences point into it by offset. The brief owns what the stages found
 * (figures, entities, timeline, summary) and borrows the corpus.
 *
 * All strings are UTF-8 (NFC), NUL-terminated, and allocated from the arena
 * of their owner (corpus or brief) unless a comment says otherwise.
 */
#ifndef NF_MODEL_H
#define NF_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "newsfuse.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/vec.h"
#include "lexicon.h"

/* --- Dates --------------------------------------------------------------- */

/* A calendar date; y == 0 when the year is unknown, m == 0 when unknown. */
typedef struct nf_date {
	int y, m, d;
} nf_date;

/* Where a publication date came from, most trusted first. */
typedef enum nf_date_source {
	NF_DATE_NONE = 0,
	NF_DATE_METADATA,  /* given with the input (JSONL "published") */
	NF_DATE_DATELINE,  /* "ALMATY, January 9 (Reuters) -" */
	NF_DATE_TEXT,      /* "Published 9 January 2022", "Updated ..." */
	NF_DATE_CAPTION,   /* a date in a photo caption: a lower bound */
	NF_DATE_ESTIMATED  /* inferred from the rest of the story */
} nf_date_source;

/* --- Tokens and sentences ------------------------------------------------ */

enum {
	NF_TOK_WORD = 1 << 0,   /* letters (may hold - ' .) */
	NF_TOK_NUM = 1 << 1,    /* starts with a digit: 6,044  2.5  1991 */
	NF_TOK_PUNCT = 1 << 2,  /* anything else, one code point */
	NF_TOK_CAP = 1 << 3,    /* first letter upper case */
	NF_TOK_UPPER = 1 << 4,  /* all letters upper case, 2+ letters */
	NF_TOK_STOP = 1 << 5,   /* an English function word */
	NF_TOK_SSTART = 1 << 6  /* first token of its sentence */
};

typedef struct nf_token {
	uint32_t off, len; /* bytes in the text that was tokenized */
	uint32_t norm;     /* lexicon id of the case-folded form */
	uint32_t stem;     /* lexicon id of the Snowball stem of norm */
	uint32_t flags;    /* NF_TOK_* */
} nf_token;

typedef struct nf_sentence {
	uint32_t off, len;   /* bytes in doc->text, trimmed */
	uint32_t tok0, ntok; /* token range in doc->toks */
	uint32_t para;       /* paragraph number, from 0 */
} nf_sentence;

/* --- Documents ----------------------------------------------------------- */

typedef struct nf_doc {
	int index;           /* position in the corpus */
	const char *name;    /* input name: file path, "-", "file.jsonl:12" */
	const char *id;      /* article id: JSONL id, else file base name */
	const char *title;   /* headline, NULL when none */
	const char *outlet;  /* publisher when known */
	const char *url;
	const char *byline;  /* "by A and B", kept as metadata, not body */
	const char *dateline; /* "ALMATY, January 9 (Reuters)" */
	const char *agency;  /* wire agency named in the dateline or credits */
	nf_date published;
	nf_date_source date_source;

	int extracted;       /* raw is the main text a page's DOM gave (html.c,
	                      * extract.c): its furniture is already gone */
	const char *raw;     /* body as given, valid UTF-8, NFC */
	size_t raw_len;

	char *text;          /* clean body: paragraphs separated by "\n\n" */
	size_t text_len;
	size_t words;        /* word tokens in text */
	size_t lines_kept, lines_dropped;

	nf_token *toks;
	size_t ntoks;
	nf_sentence *sents;
	size_t nsents;

	int copy_of;         /* index of the article this copies, or -1 */
	double copy_score;   /* strength of that link, 0..1 */
	int group;           /* index of the root original: copies share it */
} nf_doc;

struct nf_ctx {
	nf_warn_fn warn;
	void *warn_ud;
	char errmsg[512];
	nf_arena_pool pool; /* chunks reused by the arenas of its corpora and briefs */
	nf_lex_memo *memo;  /* stems and stop flags shared by its corpora's lexicons */
};

struct nf_corpus {
	nf_ctx *ctx;
	nf_arena arena;
	nf_vec docs;   /* nf_doc * */
	nf_lex lex;    /* interned word forms and stems */
	size_t skipped;
	size_t line0;  /* JSONL lines before the next input's first (a block of a stream) */
	nf_vec scratch_toks, scratch_sents; /* text.c's, reused across documents */
};

#define NF_DOC(c, i) (NF_VEC_AT(&(c)->docs, nf_doc *, (i)))
#define NF_NDOCS(c) ((c)->docs.len)

/* --- Figures ------------------------------------------------------------- */

typedef enum nf_figure_status {
	NF_FIG_SINGLE = 0, /* one independent source */
	NF_FIG_AGREED,     /* several independent sources, same value */
	NF_FIG_CONFLICT,   /* sources disagree at the same time */
	NF_FIG_CHANGING    /* the count moves over time */
} nf_figure_status;

typedef struct nf_claim {
	int doc;             /* source document index */
	int sent;            /* sentence index in the doc, -1 for the headline */
	const char *measure; /* vocabulary: docs/brief-schema.md */
	const char *subject; /* "people", "protesters", "officers", ... */
	const char *place;   /* "Almaty", NULL when none */
	double value;        /* best point value */
	double low, high;    /* bounds; equal when exact */
	const char *qualifier; /* "at least", "about", "almost", ... or NULL */
	const char *said_by; /* attribution, NULL when none */
	int hedged;          /* 1 when the source doubts it */
	const char *hedge;   /* "unconfirmed", "deleted", ... */
	int is_part;         /* a part of a larger total ("103 of the deaths") */
	int is_sum;          /* computed from components (26 + 16) */
	int is_vague;        /* "dozens", "thousands": listed, never a rival */
	int is_shot;         /* "shot": counts the dead with the wounded */
	int is_aggregate;    /* a total over several events ("weekend shootings") */
	int is_other;        /* about another event ("last year", "in 2009") */
	const char *text;    /* the sentence quoted */
	nf_date date;        /* when the claim was made or holds */
} nf_claim;

typedef struct nf_figure {
	const char *measure;
	const char *subject;
	nf_figure_status status;
	double value, low, high;
	const char *explanation;
	nf_claim *claims;
	size_t nclaims;
} nf_figure;

/* --- Entities ------------------------------------------------------------ */

typedef enum nf_entity_kind {
	NF_ENT_PERSON = 0,
	NF_ENT_PLACE,
	NF_ENT_ORG,
	NF_ENT_OTHER
} nf_entity_kind;

typedef struct nf_entity {
	const char *name;        /* canonical spelling */
	nf_entity_kind kind;
	const char **variants;   /* other spellings seen, not including name */
	size_t nvariants;
	size_t mentions;         /* total across sources */
	size_t *doc_mentions;    /* per document index, NF_NDOCS long */
} nf_entity;

/* --- Timeline and summary ------------------------------------------------ */

typedef struct nf_event {
	nf_date date;      /* the day, or the first day of a span ("last week") */
	nf_date end;       /* the last day: equal to date for a day */
	int estimated;     /* resolved against an estimated publication date */
	const char *text;
	int *sources;      /* document indexes */
	size_t nsources;
} nf_event;

typedef struct nf_summary_item {
	const char *text;
	int *sources;      /* every document that states it */
	size_t nsources;
	size_t independent; /* distinct copy groups among sources */
	int doc, sent;     /* where text is quoted from: document, sentence */
} nf_summary_item;

struct nf_brief {
	nf_corpus *corpus;   /* borrowed */
	nf_arena arena;
	nf_brief_options opts;
	size_t independent;  /* independent sources (copy groups) */

	nf_summary_item *summary;
	size_t nsummary;
	nf_figure *figures;
	size_t nfigures;
	nf_entity *entities;
	size_t nentities;
	nf_event *timeline;
	size_t ntimeline;
};

/* --- Context helpers (newsfuse.c) ----------------------------------------- */

/* Sets the context's message and returns status, for `return nf_error(...)`. */
nf_status nf_error(nf_ctx *ctx, nf_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void nf_warn(nf_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
