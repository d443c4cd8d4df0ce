/*
 * text.h - UTF-8 checks and normalisation shared by ingest and the stages
 * (tokens and sentences are declared in stages.h).
 */
#ifndef NF_TEXT_H
#define NF_TEXT_H

#include <stddef.h>

#include "model.h"

/* 1 when s[0..len) is valid UTF-8; else 0 and *bad_off = first bad byte. */
int nf_utf8_validate(const char *s, size_t len, size_t *bad_off);
/* 1-based line and column (in code points) of byte off in s. */
void nf_text_position(const char *s, size_t off, size_t *line, size_t *col);
/* 1 when s[0..len) is binary data rather than text: a NUL byte in the
 * first 8 KB, or control characters over 1 in 20 of the first 4 KB
 * (compressed, image and office files); *where is the offset of the NUL
 * or the first control character. A NUL further on is not sniffed:
 * nf_text_normalize() refuses it. */
int nf_text_binary(const char *s, size_t len, size_t *where);
/* Normalised copy of s in arena a: "\n" line ends, invisible characters
 * removed, exotic spaces as " ", NFC. NF_EUTF8 with *bad_off set on a bad
 * byte or a NUL. */
nf_status nf_text_normalize(nf_arena *a, const char *s, size_t len,
                            char **out, size_t *outlen, size_t *bad_off);

#endif
