/*
 * swar.h - eight bytes at a time in a 64-bit integer ("SIMD within a
 * register"), for the scans that read every byte of every article: a word
 * is classified, folded and measured in a few operations, without a loop
 * per byte and its mispredicted exit at every word end.
 *
 * Byte i of a block is s[i], whatever the machine's byte order. Masks mark
 * a byte by its high bit (0x80).
 */
#ifndef NF_SWAR_H
#define NF_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define NF_ONES 0x0101010101010101ull
#define NF_HIGHS 0x8080808080808080ull

/* s[0..8) as a block. */
static inline uint64_t nf_load8(const void *s)
{
	uint64_t x;
	memcpy(&x, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	return x;
}

/* s[0..n), n < 8, zero-padded. */
static inline uint64_t nf_load_tail(const void *s, size_t n)
{
	unsigned char b[8] = {0};
	memcpy(b, s, n);
	return nf_load8(b);
}

/* s[0..n) as a block, n <= 8, without reading past s[n - 1]. */
static inline uint64_t nf_load_upto8(const void *s, size_t n)
{
	return n >= 8 ? nf_load8(s) : nf_load_tail(s, n);
}

/* x into out[0..8). */
static inline void nf_store8(void *out, uint64_t x)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	memcpy(out, &x, 8);
}

/* The bytes of x in [lo, hi], for ASCII bounds: the low seven bits are
 * compared with carries kept inside each byte, and bytes from 0x80 up
 * never match. */
static inline uint64_t nf_bytes_in(uint64_t x, unsigned lo, unsigned hi)
{
	uint64_t a = x & ~NF_HIGHS;
	uint64_t ge = a + (0x80 - lo) * NF_ONES, gt = a + (0x7F - hi) * NF_ONES;
	return ge & ~gt & ~x & NF_HIGHS;
}

/* The same for a block with no byte from 0x80 up (x & NF_HIGHS == 0):
 * two operations fewer. */
static inline uint64_t nf_ascii_in(uint64_t x, unsigned lo, unsigned hi)
{
	return (x + (0x80 - lo) * NF_ONES) & ~(x + (0x7F - hi) * NF_ONES) & NF_HIGHS;
}

/* The bytes of x equal to c, exact up to and including the first: a
 * borrow may also mark a byte after it. Enough for the first match, and
 * for whether a prefix of the block holds one. */
static inline uint64_t nf_first_eq(uint64_t x, unsigned char c)
{
	uint64_t t = x ^ (c * NF_ONES);
	return (t - NF_ONES) & ~t & NF_HIGHS;
}

/* ASCII letters of either case: bit 5 (0x20) set makes upper case lower. */
static inline uint64_t nf_letters(uint64_t x)
{
	return nf_bytes_in(x | 0x20 * NF_ONES, 'a', 'z');
}

/* The upper-case bytes among the letters of x (bit 5 clear). */
static inline uint64_t nf_upper(uint64_t x, uint64_t letters)
{
	return letters & ~(x << 2);
}

/* How many bytes a mask marks. */
static inline size_t nf_count_marked(uint64_t m)
{
	return (size_t)(((m >> 7) * NF_ONES) >> 56);
}

/* The index of the first marked byte; m must not be 0. */
static inline size_t nf_first_marked(uint64_t m)
{
	return (size_t)__builtin_ctzll(m) >> 3;
}

/* The low n bytes of a block, n <= 8. */
static inline uint64_t nf_low_bytes(size_t n)
{
	return n >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << 8 * n) - 1;
}

#endif
