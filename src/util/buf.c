/* buf.c - growable capped byte buffer (see buf.h). */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

nf_status nf_buf_reserve(nf_buf *b, size_t n)
{
	size_t max = b->max ? b->max : NF_BUF_DEFAULT_MAX;
	if (n > max || b->len > max - n - 1)
		return NF_ETOOBIG;
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return NF_OK;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > max / 2 ? max + 1 : cap * 2;
	char *p = realloc(b->data, cap);
	if (!p)
		return NF_ENOMEM;
	b->data = p;
	b->cap = cap;
	return NF_OK;
}

nf_status nf_buf_put(nf_buf *b, const char *s, size_t n)
{
	nf_status st = nf_buf_reserve(b, n);
	if (st)
		return st;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return NF_OK;
}

nf_status nf_buf_puts(nf_buf *b, const char *s)
{
	return nf_buf_put(b, s, strlen(s));
}

nf_status nf_buf_putc(nf_buf *b, char c)
{
	return nf_buf_put(b, &c, 1);
}

nf_status nf_buf_vprintf(nf_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NF_EINVAL;
	nf_status st = nf_buf_reserve(b, (size_t)n);
	if (st)
		return st;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return NF_OK;
}

nf_status nf_buf_printf(nf_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	nf_status st = nf_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return st;
}

char *nf_buf_detach(nf_buf *b, size_t *len)
{
	if (!b->data && nf_buf_reserve(b, 0))
		return NULL;
	char *p = b->data;
	p[b->len] = '\0';
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void nf_buf_free(nf_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
