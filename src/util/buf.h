/*
 * buf.h - a growable byte buffer with a size cap.
 *
 * Used for rendered output and for building cleaned text. Every buffer has a
 * maximum (NF_BUF_DEFAULT_MAX unless set) so hostile input cannot grow it
 * without bound: an append past the cap fails with NF_ETOOBIG and leaves the
 * buffer as it was. The data is always NUL-terminated once non-empty.
 */
#ifndef NF_BUF_H
#define NF_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "newsfuse.h"

#define NF_BUF_DEFAULT_MAX ((size_t)1 << 30)

typedef struct nf_buf {
	char *data;
	size_t len, cap, max; /* max 0 means NF_BUF_DEFAULT_MAX */
} nf_buf;

#define NF_BUF_INIT {NULL, 0, 0, 0}

nf_status nf_buf_put(nf_buf *b, const char *s, size_t n);
nf_status nf_buf_puts(nf_buf *b, const char *s);
nf_status nf_buf_putc(nf_buf *b, char c);
nf_status nf_buf_printf(nf_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
nf_status nf_buf_vprintf(nf_buf *b, const char *fmt, va_list ap);
/* Makes room for n more bytes. */
nf_status nf_buf_reserve(nf_buf *b, size_t n);
/* Hands the data to the caller (who frees it with free()); b is reset. */
char *nf_buf_detach(nf_buf *b, size_t *len);
void nf_buf_free(nf_buf *b);

#endif
