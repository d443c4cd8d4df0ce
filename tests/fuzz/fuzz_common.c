/*
 * fuzz_common.c - the body of every fuzz target: bytes in, brief out.
 *
 * The first input byte picks options so one corpus explores them all:
 *
 *   bits 0-1  a render format besides JSON (text, markdown, json, html)
 *   bit  2    split the rest at NUL bytes into several articles, so the
 *             stages that compare articles (copies, reconcile, entities)
 *             see more than one
 *   bit  3    read as NF_INPUT_AUTO instead of the target's kind
 *   bit  4    NF_RENDER_COLOR
 *   bits 5-7  summary length, from a table of small and large values
 *
 * Besides "no crash, no leak, no undefined behaviour" (the sanitizers'
 * job) it checks what the API promises of the outputs: the JSON rendering
 * parses as strict JSON, every rendering is valid UTF-8 without NUL bytes
 * and as long as *outlen says, building never fails with NF_EINVAL on a
 * valid corpus, and the same input briefed twice from scratch gives the
 * same JSON. A failed check aborts, so libFuzzer saves the input.
 *
 * Rejected: one byte per option (wastes the mutator's effort on bytes the
 * pipeline never sees) and a structured protobuf input (needs
 * libprotobuf-mutator, not worth a dependency for a text pipeline).
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* Cap on the articles one input splits into: enough for copy links and
 * reconciliation across sources, small enough for thousands of runs/s. */
#define MAX_PARTS 32

static const int summary_words[8] = {0, 1, 5, 20, 60, 120, 300, 1000};

static void check_json(const char *out, size_t len);

void fuzz_fail(const char *what, const char *out, size_t len)
{
	fprintf(stderr, "fuzz check failed: %s\n--- output (%zu bytes) ---\n%.*s\n",
	        what, len, len > 4000 ? 4000 : (int)len, out ? out : "");
	abort();
}


/* 1 when s[0..len) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF)
 * and holds no NUL byte. */
static int utf8_ok(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned min;
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			min = 0x10000;
		} else {
			return 0;
		}
		if (len - i <= n)
			return 0;
		unsigned cp = c & (0x3F >> n);
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += n + 1;
	}
	return 1;
}

void fuzz_check_output(const char *out, size_t len, int is_json)
{
	if (!out || strlen(out) != len)
		fuzz_fail("output length differs from *outlen", out, len);
	if (!utf8_ok((const unsigned char *)out, len))
		fuzz_fail("output is not valid UTF-8", out, len);
	if (is_json)
		check_json(out, len);
}

static void check_json(const char *out, size_t len)
{
	json_tokener *tok = json_tokener_new_ex(64);
	if (!tok)
		return;
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	json_object *o = json_tokener_parse_ex(tok, out, (int)len);
	enum json_tokener_error err = json_tokener_get_error(tok);
	json_tokener_free(tok);
	if (!o || err != json_tokener_success)
		fuzz_fail("JSON rendering does not parse", out, len);
	if (!json_object_is_type(o, json_type_object))
		fuzz_fail("JSON rendering is not an object", out, len);
	json_object_put(o);
}

/* Renders b in fmt and checks the output; returns it (caller frees with
 * nf_free) when keep, else NULL. */
static char *render(const nf_brief *b, nf_format fmt, unsigned flags, int keep)
{
	char *out = NULL;
	size_t len = 0;
	nf_status st = nf_brief_render(&out, &len, b, fmt, flags);
	if (st == NF_ENOMEM)
		return NULL;
	if (st)
		fuzz_fail(nf_status_name(st), NULL, 0);
	if (!out || strlen(out) != len)
		fuzz_fail("rendering length differs from *outlen", out, len);
	if (!utf8_ok((const unsigned char *)out, len))
		fuzz_fail("rendering is not valid UTF-8", out, len);
	if (fmt == NF_FORMAT_JSON)
		check_json(out, len);
	if (keep)
		return out;
	nf_free(out);
	return NULL;
}

static void on_warn(void *ud, const char *msg)
{
	size_t *n = ud;
	if (!msg)
		abort();
	*n += strlen(msg) > 0;
}

/* Adds data[0..size) as one input, or one per NUL-separated part. */
static void add_inputs(nf_corpus *c, const char *s, size_t size, nf_input kind,
                       int split)
{
	char name[32];
	size_t start = 0, part = 0;
	if (!split) {
		nf_corpus_add(c, "fuzz.txt", s, size, kind);
		return;
	}
	for (size_t i = 0; i <= size && part < MAX_PARTS; i++) {
		if (i < size && s[i] != '\0')
			continue;
		snprintf(name, sizeof name, "part%02zu.txt", part++);
		nf_corpus_add(c, name, s + start, i - start, kind);
		start = i + 1;
	}
}

/* One brief of the input in a fresh context: its JSON rendering (caller
 * frees with nf_free), or NULL when there is no brief. The other format is
 * rendered and checked too. */
static char *brief_once(const uint8_t *data, size_t size, nf_input kind)
{
	unsigned opt = data[0];
	nf_format fmt = (nf_format)(opt & 3);
	nf_input k = opt & 8 ? NF_INPUT_AUTO : kind;
	unsigned flags = opt & 16 ? NF_RENDER_COLOR : 0;
	nf_brief_options bo = NF_BRIEF_OPTIONS_INIT;
	bo.summary_words = summary_words[opt >> 5];

	nf_ctx *ctx = nf_ctx_new();
	nf_corpus *c = NULL;
	size_t warnings = 0;
	char *json = NULL;
	if (!ctx || nf_corpus_new(&c, ctx)) {
		nf_ctx_free(ctx);
		return NULL;
	}
	nf_ctx_set_warn(ctx, on_warn, &warnings);
	add_inputs(c, (const char *)data + 1, size - 1, k, opt & 4);
	nf_brief *b = NULL;
	nf_status st = nf_brief_build(&b, c, &bo);
	if (st == NF_EINVAL)
		fuzz_fail("nf_brief_build: NF_EINVAL on a valid corpus", nf_ctx_errmsg(ctx),
		     strlen(nf_ctx_errmsg(ctx)));
	if (!st) {
		json = render(b, NF_FORMAT_JSON, 0, 1);
		if (fmt != NF_FORMAT_JSON)
			render(b, fmt, flags, 0);
	}
	nf_brief_free(b);
	nf_corpus_free(c);
	nf_ctx_free(ctx);
	return json;
}

/* Briefs the input twice, each time from scratch, and requires the same
 * JSON: output that depends on uninitialised memory, addresses or hash
 * order is a bug even when no sanitizer sees it. */
int fuzz_brief(const uint8_t *data, size_t size, nf_input kind)
{
	if (!size)
		return 0;
	char *a = brief_once(data, size, kind);
	char *b = a ? brief_once(data, size, kind) : NULL;
	if (a && b && strcmp(a, b)) {
		size_t i = 0;
		while (a[i] && a[i] == b[i])
			i++;
		size_t from = i > 200 ? i - 200 : 0;
		fprintf(stderr, "second run differs at byte %zu:\n%.400s\n---\n%.400s\n",
		        i, b + from, a + from);
		fuzz_fail("the same input briefs differently twice", NULL, 0);
	}
	nf_free(a);
	nf_free(b);
	return 0;
}
