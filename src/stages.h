/*
 * stages.h - the pipeline, one function per stage, in the order the facade
 * (newsfuse.c) runs them:
 *
 *   ingest -> clean -> text -> copies -> dates -> figures -> reconcile
 *          -> entities -> timeline -> summarize -> render
 *
 * Stages are pure: model in, model out. None touches files or the network.
 */
#ifndef NF_STAGES_H
#define NF_STAGES_H

#include "model.h"

/* ingest.c: split and validate input into documents (raw text + metadata). */
nf_status nf_ingest(nf_corpus *c, const char *name, const char *data,
                    size_t len, nf_input kind);
/* The kind nf_ingest() would read data as (AUTO decided by content). */
nf_input nf_ingest_kind(const char *data, size_t len, nf_input kind);

/* headline.c: the span of headline s[0..len) without the wire's notes to
 * editors ("URGENT", "Eds: ...", "With AM-...", "LaserPhoto ..."): returns
 * its length and sets *start; 0 when it is all note. */
size_t nf_headline_span(const char *s, size_t len, size_t *start);

/* clean.c: for every document, raw -> text, dropping boilerplate (using
 * line features and repetition across the corpus), and filling title,
 * byline, dateline, agency, outlet and published (date_source DATELINE,
 * TEXT or CAPTION) where the text says them, and lines_kept and
 * lines_dropped. Never overwrites metadata that came with the input. */
nf_status nf_clean(nf_corpus *c);

/* text.c: tokens and sentences of doc->text; sets toks, sents, words. */
nf_status nf_text_analyze(nf_corpus *c, nf_doc *d);
/* text.c: abbreviated titles of rank and office, lower case, written before
 * a name ("Capt.", "Brig. Gen.", "Supt."); NULL-terminated. The tokenizer
 * ends no sentence at their period, and the stages that read names keep
 * them with the name. */
extern const char *const nf_title_abbreviations[];
/* Appends the tokens of s[0..len) to toks (nf_token), offsets from s. */
nf_status nf_text_tokenize(nf_corpus *c, const char *s, size_t len,
                           nf_vec *toks);
/* 1 when the token's case-folded form equals the ASCII lower-case word w. */
int nf_tok_is(const nf_corpus *c, const nf_token *t, const char *w);

/* copies.c: copy_of, copy_score and group of every document. */
nf_status nf_copies_link(nf_corpus *c);

/* dates.c: publication dates for documents that lack one (estimated from
 * the rest of the story, date_source NF_DATE_ESTIMATED), and completion of
 * dates without a year. */
nf_status nf_dates_estimate(nf_corpus *c);

/* figures.c: claims found in every document's headline and sentences. */
nf_status nf_figures_extract(nf_brief *b);
/* reconcile.c: status, value and explanation of every figure. */
nf_status nf_figures_reconcile(nf_brief *b);

/* entities.c: people, places and organisations, variants merged. */
nf_status nf_entities_build(nf_brief *b);

/* timeline.c: dated events, relative dates resolved. */
nf_status nf_timeline_build(nf_brief *b);

/* summarize.c: the cited summary within b->opts.summary_words. */
nf_status nf_summarize(nf_brief *b);

/* render_*.c: append the brief in one format to out. */
nf_status nf_render_text(const nf_brief *b, unsigned flags, nf_buf *out);
nf_status nf_render_markdown(const nf_brief *b, unsigned flags, nf_buf *out);
nf_status nf_render_json(const nf_brief *b, unsigned flags, nf_buf *out);
nf_status nf_render_html(const nf_brief *b, unsigned flags, nf_buf *out);

#endif
