/*
 * fuzz_encoding.c - libFuzzer target: encoding sniffing and conversion
 * (encoding.c) on its own, where the mutator reaches BOMs, declarations
 * and invalid sequences fastest. The first byte picks a charset hint.
 * Checks: the output is NUL-free valid UTF-8, decoding twice gives the
 * same bytes, and a valid UTF-8 input without a declaration or hint comes
 * out unchanged.
 */
#include <string.h>

#include "encoding.h"
#include "fuzz.h"

static const char *const hints[8] = {NULL, "utf-8", "windows-1252", "iso-8859-2",
                                     "shift_jis", "gb2312", "utf-16", "bogus-label"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	const char *hint = hints[data[0] & 7];
	const char *in = (const char *)data + 1;
	size_t n = size - 1;
	nf_buf a = NF_BUF_INIT, b = NF_BUF_INIT;
	nf_encoding ea, eb;
	if (nf_decode_utf8(&a, &ea, in, n, hint) || nf_decode_utf8(&b, &eb, in, n, hint)) {
		nf_buf_free(&a);
		nf_buf_free(&b);
		return 0; /* out of memory */
	}
	fuzz_check_output(a.data ? a.data : "", a.len, 0);
	if (a.len != b.len || (a.len && memcmp(a.data, b.data, a.len)))
		fuzz_fail("decoding is not repeatable", a.data, a.len);
	if (!hint && ea.source == NF_ENC_SNIFFED && !strcmp(ea.name, "UTF-8") && !ea.replaced &&
	    !memchr(in, '\0', n) && (a.len != n || memcmp(a.data ? a.data : "", in, n)))
		fuzz_fail("valid UTF-8 changed in decoding", a.data, a.len);
	nf_buf_free(&a);
	nf_buf_free(&b);
	return 0;
}
