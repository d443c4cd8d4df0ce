/*
 * encoding.h - the character encoding of a page, and its bytes as UTF-8.
 */
#ifndef NF_ENCODING_H
#define NF_ENCODING_H

#include <stddef.h>

#include "util/buf.h"

/* How the encoding was decided, most trusted first. */
typedef enum nf_enc_source {
	NF_ENC_BOM = 0,   /* a byte-order mark */
	NF_ENC_HINT,      /* given by the caller (an HTTP Content-Type charset) */
	NF_ENC_DECLARED,  /* <meta charset>, http-equiv, <?xml encoding?> */
	NF_ENC_SNIFFED    /* no (usable) declaration: UTF-8 when valid, else windows-1252 */
} nf_enc_source;

typedef struct nf_encoding {
	char name[40];        /* canonical label: "UTF-8", "windows-1252", "Shift_JIS" */
	nf_enc_source source;
	size_t bom;           /* bytes of byte-order mark at the start */
	size_t replaced;      /* bytes that could not be decoded (now U+FFFD) */
} nf_encoding;

/* Decides the encoding of data[0..len) (hint: a charset label or NULL) and
 * appends the text as valid UTF-8 without NUL bytes to out. Bytes that do
 * not decode become U+FFFD; NUL becomes a space. NF_ENOMEM or NF_ETOOBIG
 * from the buffer; otherwise NF_OK. */
nf_status nf_decode_utf8(nf_buf *out, nf_encoding *enc, const char *data,
                         size_t len, const char *hint);

/* The canonical name of a charset label (WHATWG aliases: "latin1",
 * "iso-8859-1" and "ascii" are windows-1252, "gb2312" is GBK, ...) in
 * buf; 0 when the label is unknown or unsupported. */
int nf_charset_canonical(const char *label, size_t len, char buf[40]);

#endif
