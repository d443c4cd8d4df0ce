/*
 * encoding.c - a page's bytes, in whatever encoding, to UTF-8.
 *
 * What: the HTML and feed parsers read UTF-8 only, so every page passes
 * through here first. The encoding is decided as a browser does (the
 * WHATWG "encoding sniffing" order): a byte-order mark, then the caller's
 * hint (the HTTP charset), then a declaration in the first bytes
 * (<meta charset>, <meta http-equiv="Content-Type">, <?xml encoding?>),
 * then sniffing: UTF-8 when the bytes are valid UTF-8, else windows-1252.
 * Labels are mapped as browsers map them ("iso-8859-1", "latin1" and
 * "ascii" all mean windows-1252; "gb2312" means GBK).
 *
 * Two corrections for pages that lie, both rare in honest text: a page
 * declared in a single-byte encoding whose bytes are valid UTF-8 with
 * multi-byte sequences is UTF-8 (windows-1252 prose practically never
 * forms valid UTF-8 sequences by chance); a page declared UTF-8 that is
 * mostly invalid is windows-1252.
 *
 * How: UTF-8 is validated and copied with bad bytes as U+FFFD; windows-1252
 * is a 32-entry table (it is most of the non-UTF-8 web, and iconv's CP1252
 * rejects the five undefined bytes browsers pass through); every other
 * encoding goes through iconv(3), restarting after each undecodable byte.
 * NUL becomes a space so the text can be a C string.
 *
 * Rejected: letting libxml2 switch encodings itself (an undecodable byte
 * stops its parser and silently loses the rest of the page), and a
 * statistical detector such as uchardet for undeclared pages (nearly every
 * undeclared page today is UTF-8 or windows-1252; a dependency for the
 * rest was not worth it).
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "encoding.h"

/* WHATWG prescans 1024 bytes; real pages put long <script> blocks before
 * the <meta charset>, so look further. The declaration is still near the
 * top: 16 KB holds every head we have seen before its first <meta>. */
#define PRESCAN_BYTES 16384

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int eq_ci(const char *s, size_t n, const char *w)
{
	size_t i = 0;
	for (; i < n && w[i]; i++)
		if (lower((unsigned char)s[i]) != w[i])
			return 0;
	return i == n && !w[i];
}

/* --- Labels -------------------------------------------------------------- */

typedef struct alias {
	const char *label, *name;
} alias;

/* Browser aliases for the encodings iconv knows under another name. */
static const alias aliases[] = {
	{"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
	{"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"},
	{"latin1", "windows-1252"}, {"l1", "windows-1252"}, {"ascii", "windows-1252"},
	{"us-ascii", "windows-1252"}, {"cp1252", "windows-1252"},
	{"windows-1252", "windows-1252"}, {"x-cp1252", "windows-1252"},
	{"cp819", "windows-1252"}, {"ibm819", "windows-1252"},
	{"iso-8859-15", "ISO-8859-15"}, {"latin9", "ISO-8859-15"},
	{"iso-8859-2", "ISO-8859-2"}, {"latin2", "ISO-8859-2"},
	{"windows-1250", "windows-1250"}, {"cp1250", "windows-1250"},
	{"windows-1251", "windows-1251"}, {"cp1251", "windows-1251"},
	{"windows-1253", "windows-1253"}, {"windows-1254", "windows-1254"},
	{"iso-8859-9", "windows-1254"}, {"latin5", "windows-1254"},
	{"windows-1255", "windows-1255"}, {"windows-1256", "windows-1256"},
	{"windows-1257", "windows-1257"}, {"windows-1258", "windows-1258"},
	{"windows-874", "windows-874"}, {"tis-620", "windows-874"},
	{"iso-8859-5", "ISO-8859-5"}, {"iso-8859-6", "ISO-8859-6"},
	{"iso-8859-7", "ISO-8859-7"}, {"iso-8859-8", "ISO-8859-8"},
	{"iso-8859-13", "ISO-8859-13"}, {"koi8-r", "KOI8-R"}, {"koi8-u", "KOI8-U"},
	{"shift_jis", "Shift_JIS"}, {"shift-jis", "Shift_JIS"}, {"sjis", "Shift_JIS"},
	{"x-sjis", "Shift_JIS"}, {"ms_kanji", "Shift_JIS"}, {"windows-31j", "Shift_JIS"},
	{"euc-jp", "EUC-JP"}, {"iso-2022-jp", "ISO-2022-JP"},
	{"gb2312", "GBK"}, {"gbk", "GBK"}, {"x-gbk", "GBK"}, {"gb18030", "GB18030"},
	{"chinese", "GBK"}, {"big5", "Big5"}, {"big5-hkscs", "Big5"},
	{"euc-kr", "EUC-KR"}, {"ks_c_5601-1987", "EUC-KR"}, {"windows-949", "EUC-KR"},
	{"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"},
};

int nf_charset_canonical(const char *label, size_t len, char buf[40])
{
	while (len && (space((unsigned char)*label) || *label == '"' || *label == '\'')) {
		label++;
		len--;
	}
	while (len && (space((unsigned char)label[len - 1]) || label[len - 1] == '"' ||
	               label[len - 1] == '\'' || label[len - 1] == ';'))
		len--;
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
		if (eq_ci(label, len, aliases[i].label)) {
			snprintf(buf, 40, "%s", aliases[i].name);
			return 1;
		}
	return 0;
}

/* --- Finding a declaration ------------------------------------------------ */

/* One attribute of a tag at s[*i]: name and value spans; 0 at the tag's end. */
static int next_attr(const char *s, size_t n, size_t *i, const char **name,
                     size_t *nlen, const char **val, size_t *vlen)
{
	size_t p = *i;
	while (p < n && (space((unsigned char)s[p]) || s[p] == '/'))
		p++;
	if (p >= n || s[p] == '>')
		return 0;
	*name = s + p;
	while (p < n && !space((unsigned char)s[p]) && s[p] != '=' && s[p] != '>' && s[p] != '/')
		p++;
	*nlen = (size_t)(s + p - *name);
	while (p < n && space((unsigned char)s[p]))
		p++;
	*val = s + p;
	*vlen = 0;
	if (p < n && s[p] == '=') {
		p++;
		while (p < n && space((unsigned char)s[p]))
			p++;
		if (p < n && (s[p] == '"' || s[p] == '\'')) {
			char q = s[p++];
			*val = s + p;
			while (p < n && s[p] != q)
				p++;
			*vlen = (size_t)(s + p - *val);
			if (p < n)
				p++;
		} else {
			*val = s + p;
			while (p < n && !space((unsigned char)s[p]) && s[p] != '>')
				p++;
			*vlen = (size_t)(s + p - *val);
		}
	}
	*i = p;
	return 1;
}

/* The label after "charset=" in a Content-Type value. */
static int charset_param(const char *v, size_t n, const char **lab, size_t *ll)
{
	for (size_t i = 0; i + 8 <= n; i++) {
		if (!eq_ci(v + i, 7, "charset"))
			continue;
		size_t p = i + 7;
		while (p < n && space((unsigned char)v[p]))
			p++;
		if (p >= n || v[p] != '=')
			continue;
		p++;
		while (p < n && (space((unsigned char)v[p]) || v[p] == '"' || v[p] == '\''))
			p++;
		size_t e = p;
		while (e < n && !space((unsigned char)v[e]) && v[e] != ';' && v[e] != '"' &&
		       v[e] != '\'')
			e++;
		*lab = v + p;
		*ll = e - p;
		return e > p;
	}
	return 0;
}

/* A charset declared in the first bytes: <meta ...> or <?xml ...?>. */
static int declared(const char *s, size_t n, char buf[40])
{
	if (n > PRESCAN_BYTES)
		n = PRESCAN_BYTES;
	for (size_t i = 0; i + 5 < n; i++) {
		if (s[i] != '<')
			continue;
		if (i + 4 < n && s[i + 1] == '!' && s[i + 2] == '-' && s[i + 3] == '-') {
			const char *end = NULL;
			for (size_t k = i + 4; k + 2 < n; k++)
				if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>') {
					end = s + k;
					break;
				}
			if (!end)
				return 0;
			i = (size_t)(end - s) + 2;
			continue;
		}
		int xml = s[i + 1] == '?' && eq_ci(s + i + 2, 3, "xml");
		if (!xml && !(eq_ci(s + i + 1, 4, "meta") && space((unsigned char)s[i + 5])))
			continue;
		size_t p = i + 5;
		const char *name, *val, *content = NULL, *lab;
		size_t nlen, vlen, clen = 0, ll;
		int http_ct = 0;
		while (next_attr(s, n, &p, &name, &nlen, &val, &vlen)) {
			if ((eq_ci(name, nlen, "charset") || (xml && eq_ci(name, nlen, "encoding"))) &&
			    nf_charset_canonical(val, vlen, buf))
				return 1;
			if (eq_ci(name, nlen, "http-equiv") && eq_ci(val, vlen, "content-type"))
				http_ct = 1;
			if (eq_ci(name, nlen, "content")) {
				content = val;
				clen = vlen;
			}
			if (xml && p < n && s[p] == '?')
				break;
		}
		if (http_ct && content && charset_param(content, clen, &lab, &ll) &&
		    nf_charset_canonical(lab, ll, buf))
			return 1;
		if (xml)
			return 0; /* an XML declaration without encoding means UTF-8 */
	}
	return 0;
}

/* --- Decoding -------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (1..4), 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	size_t k = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
	         : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
	if (!k || k > n)
		return 0;
	for (size_t i = 1; i < k; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if (c == 0xE0 && s[1] < 0xA0) return 0;  /* overlong */
	if (c == 0xED && s[1] > 0x9F) return 0;  /* surrogate */
	if (c == 0xF0 && s[1] < 0x90) return 0;  /* overlong */
	if (c == 0xF4 && s[1] > 0x8F) return 0;  /* over U+10FFFF */
	return k;
}

/* Bytes from i on that are ASCII and not NUL, 8 at a time: most of a page
 * is markup, and this keeps the byte loops below off it. */
static size_t ascii_run(const unsigned char *u, size_t n, size_t i)
{
	const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
	size_t start = i;
	while (i + 8 <= n) {
		uint64_t x;
		memcpy(&x, u + i, 8);
		if ((x & high) || ((x - ones) & ~x & high))
			break;
		i += 8;
	}
	return i - start;
}

/* Counts of multi-byte sequences and bad bytes in s. */
static void utf8_census(const char *s, size_t n, size_t *multi, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	*multi = *bad = 0;
	for (size_t i = 0; i < n;) {
		i += ascii_run(u, n, i);
		if (i >= n)
			break;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_seq(u + i, n - i);
		if (k) {
			(*multi)++;
			i += k;
		} else {
			(*bad)++;
			i++;
		}
	}
}

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

static nf_status put_utf8(nf_buf *out, nf_encoding *enc, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	nf_status st = nf_buf_reserve(out, n + n / 8);
	size_t run = 0; /* start of the pending run of good bytes */
	for (size_t i = 0; !st && i < n;) {
		i += ascii_run(u, n, i);
		if (i >= n)
			break;
		if (u[i] >= 0x80) {
			size_t k = utf8_seq(u + i, n - i);
			if (k) {
				i += k;
				continue;
			}
		} else if (u[i]) {
			i++;
			continue;
		}
		if (!(st = nf_buf_put(out, s + run, i - run))) {
			if (u[i]) {
				st = nf_buf_put(out, REPLACEMENT, 3);
				enc->replaced++;
			} else {
				st = nf_buf_putc(out, ' ');
			}
		}
		run = ++i;
	}
	return st ? st : nf_buf_put(out, s + run, n - run);
}

/* windows-1252 0x80..0x9F; the five undefined bytes pass through as C1
 * controls, as browsers do. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static nf_status put_cp1252(nf_buf *out, const char *s, size_t n)
{
	nf_status st = nf_buf_reserve(out, n + n / 4);
	for (size_t i = 0; !st && i < n; i++) {
		unsigned c = (unsigned char)s[i];
		if (c < 0x80) {
			st = nf_buf_putc(out, c ? (char)c : ' ');
			continue;
		}
		unsigned cp = c < 0xA0 ? cp1252_high[c - 0x80] : c;
		char b[3];
		size_t k;
		if (cp < 0x800) {
			b[0] = (char)(0xC0 | cp >> 6);
			b[1] = (char)(0x80 | (cp & 0x3F));
			k = 2;
		} else {
			b[0] = (char)(0xE0 | cp >> 12);
			b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
			b[2] = (char)(0x80 | (cp & 0x3F));
			k = 3;
		}
		st = nf_buf_put(out, b, k);
	}
	return st;
}

/* Any other encoding, through iconv; the output is then re-checked as UTF-8
 * (and NULs removed) by put_utf8. */
static nf_status put_iconv(nf_buf *out, nf_encoding *enc, const char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", enc->name);
	if (cd == (iconv_t)-1) /* glibc lacks it: treat the bytes as the web's default */
		return put_cp1252(out, s, n);
	nf_buf tmp = NF_BUF_INIT;
	tmp.max = out->max;
	nf_status st = nf_buf_reserve(&tmp, n * 2 + 16);
	char *in = (char *)s;
	size_t inleft = n;
	while (!st && inleft) {
		if (tmp.cap - tmp.len < 64 && (st = nf_buf_reserve(&tmp, tmp.cap)))
			break;
		char *o = tmp.data + tmp.len;
		size_t oleft = tmp.cap - tmp.len - 1;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		tmp.len = (size_t)(o - tmp.data);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			st = nf_buf_reserve(&tmp, tmp.cap);
		} else { /* EILSEQ or EINVAL (truncated at the end): skip a byte */
			in++;
			inleft--;
			enc->replaced++;
			st = nf_buf_put(&tmp, REPLACEMENT, 3);
			iconv(cd, NULL, NULL, NULL, NULL);
		}
	}
	iconv_close(cd);
	if (!st)
		st = put_utf8(out, enc, tmp.data ? tmp.data : "", tmp.len);
	nf_buf_free(&tmp);
	return st;
}

static int single_byte(const char *name)
{
	return !strcmp(name, "windows-1252") || !strncmp(name, "windows-12", 10) ||
	       !strncmp(name, "ISO-8859-", 9) || !strncmp(name, "KOI8", 4) ||
	       !strcmp(name, "windows-874");
}

nf_status nf_decode_utf8(nf_buf *out, nf_encoding *enc, const char *data,
                         size_t len, const char *hint)
{
	memset(enc, 0, sizeof *enc);
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		snprintf(enc->name, sizeof enc->name, "UTF-8");
		enc->bom = 3;
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		snprintf(enc->name, sizeof enc->name, "UTF-16LE");
		enc->bom = 2;
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		snprintf(enc->name, sizeof enc->name, "UTF-16BE");
		enc->bom = 2;
	}
	if (enc->bom) {
		enc->source = NF_ENC_BOM;
	} else if (hint && nf_charset_canonical(hint, strlen(hint), enc->name)) {
		enc->source = NF_ENC_HINT;
	} else if (declared(data, len, enc->name)) {
		enc->source = NF_ENC_DECLARED;
	} else {
		enc->source = NF_ENC_SNIFFED;
		snprintf(enc->name, sizeof enc->name, "UTF-8");
	}
	data += enc->bom;
	len -= enc->bom;
	/* A page cannot declare UTF-16 in ASCII bytes: browsers read it as UTF-8. */
	if (!enc->bom && !strncmp(enc->name, "UTF-16", 6))
		snprintf(enc->name, sizeof enc->name, "UTF-8");
	if (!enc->bom && (single_byte(enc->name) || !strcmp(enc->name, "UTF-8"))) {
		size_t multi, bad;
		utf8_census(data, len, &multi, &bad);
		if (!strcmp(enc->name, "UTF-8") && bad > multi) {
			snprintf(enc->name, sizeof enc->name, "windows-1252");
			if (enc->source == NF_ENC_DECLARED || enc->source == NF_ENC_HINT)
				enc->source = NF_ENC_SNIFFED;
		} else if (strcmp(enc->name, "UTF-8") && multi && !bad) {
			snprintf(enc->name, sizeof enc->name, "UTF-8");
			enc->source = NF_ENC_SNIFFED;
		}
	}
	nf_status st = !strcmp(enc->name, "UTF-8") ? put_utf8(out, enc, data, len)
	             : !strcmp(enc->name, "windows-1252") ? put_cp1252(out, data, len)
	                                                  : put_iconv(out, enc, data, len);
	if (!st && out->data)
		out->data[out->len] = '\0'; /* reserved room, even for no bytes */
	return st;
}
