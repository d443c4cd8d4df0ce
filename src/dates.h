/*
 * dates.h - calendar arithmetic and date expressions in English news text.
 */
#ifndef NF_DATES_H
#define NF_DATES_H

#include <stddef.h>

#include "model.h"

/* 1 when d has a year, month and day that exist. */
int nf_date_valid(nf_date d);
/* Days since 1970-01-01 in the proleptic Gregorian calendar (d valid). */
long nf_date_days(nf_date d);
nf_date nf_date_from_days(long days);
/* 0 = Sunday ... 6 = Saturday (d valid). */
int nf_date_weekday(nf_date d);
/* <0, 0, >0 like strcmp; an unknown part sorts first. */
int nf_date_cmp(nf_date a, nf_date b);
/* "2022-01-09"; "2022-01" or "" for partial dates. buf holds 11 bytes. */
void nf_date_format(nf_date d, char buf[11]);
/* Parses "YYYY-MM-DD" (optionally followed by a time), 1 on success. */
int nf_date_parse_iso(const char *s, size_t len, nf_date *out);

/* Month 1..12 named by s[0..len) ("January", "Jan", "Jan."), else 0. */
int nf_month_from_name(const char *s, size_t len);
/* Whether the word at s[0..n) may name a month as nf_date_scan() reads
 * one: 3 to 9 letters, the first two a month's. Most words that start
 * with a month's first letter ("a", "and", "said") fail it, and a scan
 * costs hundreds of instructions: the cleaner's date search took 7.1
 * million instructions a bench_text pass, 3.8 with this test first. */
int nf_month_maybe(const char *s, size_t n);
/* Weekday 0..6 named by s[0..len) ("Sunday", "Sun"), else -1. */
int nf_weekday_from_name(const char *s, size_t len);

/* Scans an absolute date at the start of s[0..len): "January 9",
 * "Jan. 9, 2022", "9 January 2022", "2022-01-09", "January 9th",
 * "10.03.2025" (day first), "13/03/2025" (when the order is certain).
 * Returns the bytes consumed, 0 when s does not start with a date. The year
 * is 0 when the text gives none. */
size_t nf_date_scan(const char *s, size_t len, nf_date *out);

/* Adds n days to a valid date. */
nf_date nf_date_add(nf_date d, long n);
/* The year for month/day md (md.y ignored) that puts it closest to ref. */
nf_date nf_date_complete(nf_date md, nf_date ref);

/* The day a document's statements were made: its publication date, or its
 * original's when it is a copy published later (a syndicated copy's "on
 * Sunday" is the original's Sunday). {0} when unknown. */
nf_date nf_dates_statement(const nf_corpus *c, const nf_doc *d);

/* What a date expression in text was. */
typedef enum nf_date_kind {
	NF_DX_NONE = 0,
	NF_DX_ABSOLUTE, /* "January 9, 2022", or "on 5 January" completed */
	NF_DX_WEEKDAY,  /* "on Sunday", "last Sunday", "next Friday" */
	NF_DX_RELATIVE, /* "yesterday", "two days ago" */
	NF_DX_WEEK      /* "last week", "this week": *out is the week's first day */
} nf_date_kind;

/* Which words of the corpus lexicon can be part of a date expression, by
 * lexicon id: classifying each distinct word once keeps scanning a token
 * to one table look-up. */
typedef struct nf_date_words {
	unsigned char *relevant; /* 1 when the folded word may matter */
	size_t n;                /* ids below n are classified */
} nf_date_words;

/* Classifies the corpus lexicon as it is now; NF_ENOMEM on failure. */
nf_status nf_date_words_init(nf_date_words *w, const nf_corpus *c);
void nf_date_words_free(nf_date_words *w);

/* The most precise date expression among the tokens toks[0..n) of text, resolved
 * against ref (the article's publication date; {0} when unknown, then only
 * absolute dates with a year are found). future is 1 when the sentence
 * speaks of what will happen, so a bare weekday points forward. Returns
 * the kind and sets *out, NF_DX_NONE when there is none. w may be NULL
 * (every word is then examined). */
nf_date_kind nf_date_find(const nf_date_words *w, const char *text,
                          const nf_token *toks, size_t n, nf_date ref,
                          int future, nf_date *out);

#endif
