/*
 * test_api.c - the public header on its own: it must compile first in a
 * file (no hidden includes needed), and the documented contract holds:
 * frees accept NULL, status names, out-parameters cleared on failure,
 * messages on the context, input copied rather than retained.
 */
#include "newsfuse.h"

#include <stdlib.h>
#include <string.h>

#include "harness.h"

static void test_status_names(void)
{
	CHECK_STR(nf_status_name(NF_OK), "NF_OK");
	CHECK_STR(nf_status_name(NF_EUTF8), "NF_EUTF8");
	CHECK_STR(nf_status_name((nf_status)-99), "NF_UNKNOWN");
}

static void test_free_null(void)
{
	nf_ctx_free(NULL);
	nf_corpus_free(NULL);
	nf_brief_free(NULL);
	nf_free(NULL);
	CHECK(1);
}

static void test_roundtrip_all_formats(void)
{
	nf_ctx *ctx = nf_ctx_new();
	nf_corpus *c = NULL;
	CHECK(nf_corpus_new(&c, ctx) == NF_OK);
	char *text = strdup("Bridge reopens after repairs\n\n"
	                    "The Tallis Bridge reopened on Monday after six weeks "
	                    "of repairs, the city council said.\n");
	CHECK(nf_corpus_add(c, "bridge.txt", text, strlen(text), NF_INPUT_TEXT) == NF_OK);
	memset(text, 'z', strlen(text)); /* the corpus holds its own copy */
	free(text);
	CHECK_INT(nf_corpus_count(c), 1);
	nf_brief *b = NULL;
	nf_brief_options opts = NF_BRIEF_OPTIONS_INIT;
	opts.summary_words = 40;
	CHECK(nf_brief_build(&b, c, &opts) == NF_OK);
	nf_format formats[] = {NF_FORMAT_TEXT, NF_FORMAT_MARKDOWN, NF_FORMAT_JSON, NF_FORMAT_HTML};
	for (size_t i = 0; i < 4; i++) {
		char *out = NULL;
		size_t len = 0;
		CHECK(nf_brief_render(&out, &len, b, formats[i], 0) == NF_OK);
		CHECK(out && strlen(out) == len && len > 0);
		if (formats[i] == NF_FORMAT_JSON)
			CHECK(out && strstr(out, "Tallis Bridge") && !strstr(out, "zzz"));
		nf_free(out);
	}
	char *out = (char *)1;
	CHECK(nf_brief_render(&out, NULL, b, (nf_format)42, 0) == NF_EINVAL);
	CHECK(out == NULL);
	nf_brief_free(b);
	nf_corpus_free(c);
	nf_ctx_free(ctx);
}

static void test_error_message_on_context(void)
{
	nf_ctx *ctx = nf_ctx_new();
	nf_corpus *c = NULL;
	nf_corpus_new(&c, ctx);
	CHECK_STR(nf_ctx_errmsg(ctx), "");
	CHECK(nf_corpus_add(c, "gone.txt", "", 0, NF_INPUT_TEXT) == NF_EEMPTY);
	CHECK(strstr(nf_ctx_errmsg(ctx), "gone.txt") != NULL);
	CHECK(nf_corpus_add(NULL, "x", "y", 1, NF_INPUT_TEXT) == NF_EINVAL);
	nf_corpus_free(c);
	nf_ctx_free(ctx);
}

int main(void)
{
	RUN(test_status_names);
	RUN(test_free_null);
	RUN(test_roundtrip_all_formats);
	RUN(test_error_message_on_context);
	return harness_done();
}
