/*
 * newsfuse.c - the facade: contexts, corpora, and the order of the pipeline.
 *
 * The public functions live here and only here; each stage is called in
 * turn on the model (see stages.h). Errors carry a message on the context.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"

const char *nf_status_name(nf_status status)
{
	switch (status) {
	case NF_OK: return "NF_OK";
	case NF_ENOMEM: return "NF_ENOMEM";
	case NF_EINVAL: return "NF_EINVAL";
	case NF_EIO: return "NF_EIO";
	case NF_EPARSE: return "NF_EPARSE";
	case NF_EUTF8: return "NF_EUTF8";
	case NF_ETOOBIG: return "NF_ETOOBIG";
	case NF_EEMPTY: return "NF_EEMPTY";
	}
	return "NF_UNKNOWN";
}

nf_status nf_error(nf_ctx *ctx, nf_status status, const char *fmt, ...)
{
	if (ctx) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
		va_end(ap);
	}
	return status;
}

void nf_warn(nf_ctx *ctx, const char *fmt, ...)
{
	if (!ctx || !ctx->warn)
		return;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ctx->warn(ctx->warn_ud, msg);
}

/* What a context keeps of freed arenas for the next corpora and briefs:
 * about the arenas of a 1,000-article corpus, so a stream of corpora
 * reuses its pages, and an idle context holds no more than this. */
#define CTX_POOL_BYTES ((size_t)32 << 20)

nf_ctx *nf_ctx_new(void)
{
	nf_ctx *ctx = calloc(1, sizeof(nf_ctx));
	if (!ctx)
		return NULL;
	ctx->pool = (nf_arena_pool)NF_ARENA_POOL_INIT(CTX_POOL_BYTES);
	if (!(ctx->memo = nf_lex_memo_new())) {
		free(ctx);
		return NULL;
	}
	return ctx;
}

void nf_ctx_free(nf_ctx *ctx)
{
	if (!ctx)
		return;
	nf_arena_pool_free(&ctx->pool);
	nf_lex_memo_free(ctx->memo);
	free(ctx);
}

void nf_ctx_set_warn(nf_ctx *ctx, nf_warn_fn fn, void *userdata)
{
	ctx->warn = fn;
	ctx->warn_ud = userdata;
}

const char *nf_ctx_errmsg(const nf_ctx *ctx)
{
	return ctx ? ctx->errmsg : "no context";
}

void nf_free(void *p)
{
	free(p);
}

nf_status nf_corpus_new(nf_corpus **out, nf_ctx *ctx)
{
	*out = NULL;
	if (!ctx)
		return NF_EINVAL;
	nf_corpus *c = calloc(1, sizeof *c);
	if (!c || nf_lex_init_shared(&c->lex, &c->arena, ctx->memo)) {
		free(c);
		return nf_error(ctx, NF_ENOMEM, "out of memory");
	}
	c->ctx = ctx;
	c->arena.pool = &ctx->pool;
	*out = c;
	return NF_OK;
}

void nf_corpus_free(nf_corpus *c)
{
	if (!c)
		return;
	nf_lex_free(&c->lex);
	nf_vec_free(&c->docs);
	nf_vec_free(&c->scratch_toks);
	nf_vec_free(&c->scratch_sents);
	nf_arena_free(&c->arena);
	free(c);
}

nf_status nf_corpus_add(nf_corpus *c, const char *name, const char *data,
                        size_t len, nf_input kind)
{
	if (!c || (!data && len))
		return NF_EINVAL;
	c->ctx->errmsg[0] = '\0';
	return nf_ingest(c, name ? name : "-", data ? data : "", len, kind);
}

size_t nf_corpus_count(const nf_corpus *c)
{
	return c ? NF_NDOCS(c) : 0;
}

/* The stages in order; each reads what the ones before it wrote. */
static nf_status run_pipeline(nf_brief *b)
{
	nf_corpus *c = b->corpus;
	nf_status st;
	if ((st = nf_clean(c)))
		return st;
	for (size_t i = 0; i < NF_NDOCS(c); i++)
		if ((st = nf_text_analyze(c, NF_DOC(c, i))))
			return st;
	if ((st = nf_copies_link(c)) || (st = nf_dates_estimate(c)))
		return st;
	size_t groups = 0;
	for (size_t i = 0; i < NF_NDOCS(c); i++)
		groups += NF_DOC(c, i)->group == (int)i;
	b->independent = groups;
	if ((st = nf_figures_extract(b)) || (st = nf_figures_reconcile(b)) ||
	    (st = nf_entities_build(b)) || (st = nf_timeline_build(b)) ||
	    (st = nf_summarize(b)))
		return st;
	return NF_OK;
}

nf_status nf_brief_build(nf_brief **out, nf_corpus *c,
                         const nf_brief_options *opts)
{
	*out = NULL;
	if (!c)
		return NF_EINVAL;
	if (!NF_NDOCS(c))
		return nf_error(c->ctx, NF_EEMPTY, "no articles to brief");
	nf_brief *b = calloc(1, sizeof *b);
	if (!b)
		return nf_error(c->ctx, NF_ENOMEM, "out of memory");
	b->corpus = c;
	b->arena.pool = &c->ctx->pool;
	b->opts = (nf_brief_options)NF_BRIEF_OPTIONS_INIT;
	if (opts && opts->summary_words > 0)
		b->opts.summary_words = opts->summary_words;
	nf_status st = run_pipeline(b);
	if (st) {
		if (!c->ctx->errmsg[0])
			nf_error(c->ctx, st, "brief failed: %s", nf_status_name(st));
		nf_brief_free(b);
		return st;
	}
	*out = b;
	return NF_OK;
}

void nf_brief_free(nf_brief *b)
{
	if (!b)
		return;
	nf_arena_free(&b->arena);
	free(b);
}

nf_status nf_brief_render(char **out, size_t *outlen, const nf_brief *b,
                          nf_format format, unsigned flags)
{
	*out = NULL;
	if (outlen)
		*outlen = 0;
	if (!b)
		return NF_EINVAL;
	nf_buf buf = NF_BUF_INIT;
	nf_status st;
	switch (format) {
	case NF_FORMAT_TEXT: st = nf_render_text(b, flags, &buf); break;
	case NF_FORMAT_MARKDOWN: st = nf_render_markdown(b, flags, &buf); break;
	case NF_FORMAT_JSON: st = nf_render_json(b, flags, &buf); break;
	case NF_FORMAT_HTML: st = nf_render_html(b, flags, &buf); break;
	default: return nf_error(b->corpus->ctx, NF_EINVAL, "unknown format");
	}
	if (st) {
		nf_buf_free(&buf);
		return nf_error(b->corpus->ctx, st, "rendering failed: %s",
		                nf_status_name(st));
	}
	*out = nf_buf_detach(&buf, outlen);
	return *out ? NF_OK : NF_ENOMEM;
}
