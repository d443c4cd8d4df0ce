/* test_encoding.c - encoding decisions and conversion to UTF-8 (encoding.c). */
#include <stdio.h>
#include <string.h>

#include "encoding.h"
#include "harness.h"

/* Decodes s (n bytes) with hint; returns a static copy of the UTF-8. */
static const char *decode(const char *s, size_t n, const char *hint, nf_encoding *e)
{
	static char out[4096];
	nf_buf b = NF_BUF_INIT;
	CHECK(nf_decode_utf8(&b, e, s, n, hint) == NF_OK);
	snprintf(out, sizeof out, "%s", b.data ? b.data : "");
	nf_buf_free(&b);
	return out;
}

#define DECODE(lit, hint, e) decode(lit, sizeof lit - 1, hint, e)

static void test_utf8_and_bom(void)
{
	nf_encoding e;
	CHECK_STR(DECODE("caf\xC3\xA9", NULL, &e), "caf\xC3\xA9");
	CHECK_STR(e.name, "UTF-8");
	CHECK_INT(e.source, NF_ENC_SNIFFED);
	CHECK_STR(DECODE("\xEF\xBB\xBFhi", NULL, &e), "hi");
	CHECK_INT(e.source, NF_ENC_BOM);
	CHECK_INT(e.bom, 3);
	CHECK_STR(DECODE("\xFF\xFEh\0i\0", NULL, &e), "hi");
	CHECK_STR(e.name, "UTF-16LE");
	/* a NUL cannot live in a C string: it becomes a space */
	CHECK_STR(DECODE("a\0b", NULL, &e), "a b");
}

static void test_declared(void)
{
	nf_encoding e;
	CHECK_STR(DECODE("<meta charset=\"iso-8859-1\"><p>caf\xE9 \x93q\x94 \x80", NULL, &e),
	          "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x82\xAC");
	CHECK_STR(e.name, "windows-1252"); /* latin1 means windows-1252 on the web */
	CHECK_INT(e.source, NF_ENC_DECLARED);
	DECODE("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1251'>\xCF", NULL, &e);
	CHECK_STR(e.name, "windows-1251");
	CHECK(strstr(DECODE("<meta charset=windows-1251>\xCF\xF0", NULL, &e), "\xD0\x9F\xD1\x80") != NULL);
	DECODE("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a>\xA4</a>", NULL, &e);
	CHECK_STR(e.name, "ISO-8859-15");
	/* a declaration inside a comment does not count */
	DECODE("<!-- <meta charset=\"koi8-r\"> --><p>x\xE9", NULL, &e);
	CHECK_STR(e.name, "windows-1252");
	CHECK_INT(e.source, NF_ENC_SNIFFED);
	/* a transport hint beats the page's own declaration */
	DECODE("<meta charset=\"utf-8\">\xE9", "ISO-8859-1", &e);
	CHECK_INT(e.source, NF_ENC_HINT);
	/* unknown labels are ignored */
	DECODE("<meta charset=\"no-such-thing\">abc", NULL, &e);
	CHECK_STR(e.name, "UTF-8");
}

static void test_pages_that_lie(void)
{
	nf_encoding e;
	/* declared latin1, written in UTF-8 */
	CHECK_STR(DECODE("<meta charset=\"iso-8859-1\">caf\xC3\xA9", NULL, &e),
	          "<meta charset=\"iso-8859-1\">caf\xC3\xA9");
	CHECK_STR(e.name, "UTF-8");
	/* declared UTF-8, written in windows-1252 */
	CHECK_STR(DECODE("<meta charset=\"utf-8\">na\xEFve caf\xE9", NULL, &e),
	          "<meta charset=\"utf-8\">na\xC3\xAFve caf\xC3\xA9");
	CHECK_STR(e.name, "windows-1252");
	/* UTF-16 declared in ASCII bytes is read as UTF-8 */
	DECODE("<meta charset=\"utf-16\">abc", NULL, &e);
	CHECK_STR(e.name, "UTF-8");
}

static void test_replacement(void)
{
	nf_encoding e;
	/* mostly UTF-8 with one bad byte: the byte becomes U+FFFD */
	CHECK_STR(DECODE("\xC3\xA9\xC3\xA9\xC3\xA9 x\xFFy", NULL, &e),
	          "\xC3\xA9\xC3\xA9\xC3\xA9 x\xEF\xBF\xBDy");
	CHECK_INT(e.replaced, 1);
	/* Shift_JIS through iconv, with a truncated last character */
	CHECK_STR(DECODE("\x82\xA0\x82", "shift_jis", &e), "\xE3\x81\x82\xEF\xBF\xBD");
	CHECK_STR(e.name, "Shift_JIS");
	CHECK_INT(e.replaced, 1);
}

static void test_labels(void)
{
	char buf[40];
	CHECK(nf_charset_canonical(" \"Latin1\" ", 10, buf));
	CHECK_STR(buf, "windows-1252");
	CHECK(nf_charset_canonical("GB2312", 6, buf));
	CHECK_STR(buf, "GBK");
	CHECK(!nf_charset_canonical("x-unknown", 9, buf));
}

int main(void)
{
	RUN(test_utf8_and_bom);
	RUN(test_declared);
	RUN(test_pages_that_lie);
	RUN(test_replacement);
	RUN(test_labels);
	return harness_done();
}
