/*
 * fuzz_html.c - libFuzzer target: web pages through the extractor
 * (encoding sniffing and conversion, libxml2's HTML parser, furniture
 * marking, scoring, writing, metadata from meta tags, JSON-LD, <time> and
 * the URL) and then through the whole pipeline as an NF_INPUT_HTML article.
 *
 * Checks besides the sanitizers': both page renderings are NUL-free valid
 * UTF-8 of the length returned, the JSON parses, nf_page_text() is valid
 * UTF-8, and the same page extracted twice gives the same JSON. The first
 * byte also picks the URL option (bit 0) and a charset hint (bits 1-2);
 * the brief part reads its options from the same byte (fuzz_common.c).
 */
#include <string.h>

#include "fuzz.h"

static const char *const hints[4] = {NULL, "windows-1252", "utf-8", "shift_jis"};

static char *extract_once(const uint8_t *data, size_t size)
{
	nf_ctx *ctx = nf_ctx_new();
	nf_page *p = NULL;
	char *json = NULL, *text = NULL;
	size_t jl = 0, tl = 0, len = 0;
	nf_extract_options o = NF_EXTRACT_OPTIONS_INIT;
	o.url = data[0] & 1 ? "https://example.org/news/2019/08/02/story-20190802123456" : NULL;
	o.charset = hints[(data[0] >> 1) & 3];
	o.now = 1700000000; /* a fixed clock: the same input, the same dates */
	if (ctx && !nf_page_extract(&p, ctx, "fuzz.html", (const char *)data + 1, size - 1, &o)) {
		const char *t = nf_page_text(p, &len);
		fuzz_check_output(t, len, 0);
		if (nf_page_render(&json, &jl, p, NF_FORMAT_JSON) == NF_OK)
			fuzz_check_output(json, jl, 1);
		if (nf_page_render(&text, &tl, p, NF_FORMAT_TEXT) == NF_OK)
			fuzz_check_output(text, tl, 0);
	}
	nf_free(text);
	nf_page_free(p);
	nf_ctx_free(ctx);
	return json;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	char *a = extract_once(data, size);
	char *b = a ? extract_once(data, size) : NULL;
	if (a && b && strcmp(a, b))
		fuzz_fail("the same page extracted twice differs", a, strlen(a));
	nf_free(a);
	nf_free(b);
	return fuzz_brief(data, size, NF_INPUT_HTML);
}
