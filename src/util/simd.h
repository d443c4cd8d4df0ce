/*
 * simd.h - sixteen bytes at a time with SSE2, for the word scans that read
 * every byte of every article (clean.c's features(), the tokenizer's ASCII
 * fast path): one block holds the common word with its closing marks, and
 * a word of up to fifteen bytes, so the byte-class masks of a word are
 * built once, and its end is the first zero bit of a 16-bit mask
 * (_mm_movemask_epi8), where eight-byte blocks (swar.h) send every word of
 * eight bytes or more through a loop.
 *
 * NF_SIMD is 1 where SSE2 is present (always on x86-64) and the build does
 * not define NF_NO_SIMD; the callers keep swar.h's code as the portable
 * path for every other machine. A build with -DNF_NO_SIMD takes that path
 * on x86-64 too, which is how it is tested (not in CI, which would build
 * and run everything once more):
 *     make BUILD=/tmp/nosimd WERROR=1 EXTRA_CFLAGS=-DNF_NO_SIMD test
 *
 * Masks are vectors of 0xFF (marked) and 0 bytes, or their 16-bit
 * movemask, bit i for s[i].
 */
#ifndef NF_SIMD_H
#define NF_SIMD_H

#if defined(__SSE2__) && !defined(NF_NO_SIMD)
#define NF_SIMD 1
#else
#define NF_SIMD 0
#endif

#if NF_SIMD
#include <emmintrin.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* s[0..16): all sixteen bytes must be readable. */
static inline __m128i nf_load16(const void *s)
{
	return _mm_loadu_si128((const __m128i *)s);
}

/* s[0..16) where avail bytes from s are readable: the readable ones
 * zero-padded when fewer than sixteen (the last bytes of a buffer). */
static inline __m128i nf_load16_within(const void *s, size_t avail)
{
	if (avail >= 16)
		return nf_load16(s);
	unsigned char tail[16] = {0};
	memcpy(tail, s, avail);
	return nf_load16(tail);
}

/* The bytes of x in [lo, hi] (lo <= hi, ASCII bounds): shifted so that lo
 * is the lowest signed byte, every byte is in range exactly when it is
 * below lo's image plus the range's width (SSE2 compares signed bytes
 * only). */
static inline __m128i nf_v_in(__m128i x, unsigned lo, unsigned hi)
{
	__m128i shifted = _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - lo)));
	return _mm_cmplt_epi8(shifted, _mm_set1_epi8((char)(0x80 + hi - lo + 1)));
}

/* ASCII letters of either case (bit 5 set makes upper case lower). */
static inline __m128i nf_v_letters(__m128i x)
{
	return nf_v_in(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z');
}

/* The upper-case bytes among the letters of x (bit 5 clear). */
static inline __m128i nf_v_upper(__m128i x, __m128i letters)
{
	__m128i bit5 = _mm_and_si128(x, _mm_set1_epi8(0x20));
	return _mm_andnot_si128(_mm_cmpeq_epi8(bit5, _mm_set1_epi8(0x20)), letters);
}

/* x lower-cased where up marks its capitals. */
static inline __m128i nf_v_fold(__m128i x, __m128i up)
{
	return _mm_or_si128(x, _mm_and_si128(up, _mm_set1_epi8(0x20)));
}

/* The bytes below index n (n <= 16). */
static inline __m128i nf_v_first(unsigned n)
{
	const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
	return _mm_cmplt_epi8(index, _mm_set1_epi8((char)n));
}

static inline unsigned nf_v_mask(__m128i m)
{
	return (unsigned)_mm_movemask_epi8(m);
}

/* The low and high eight bytes of x as blocks of swar.h (byte i of a block
 * is s[i]: x86 is little-endian). A store, not _mm_cvtsi128_si64(), which
 * 32-bit x86 lacks; compilers make it one move. */
static inline uint64_t nf_v_lo64(__m128i x)
{
	uint64_t v;
	_mm_storel_epi64((__m128i *)&v, x);
	return v;
}

static inline uint64_t nf_v_hi64(__m128i x)
{
	return nf_v_lo64(_mm_unpackhi_epi64(x, x));
}
#endif

#endif
