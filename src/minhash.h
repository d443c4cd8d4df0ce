/*
 * minhash.h - near-duplicate signatures of articles: MinHash over word
 * shingles, with locality-sensitive band keys for finding candidates.
 */
#ifndef NF_MINHASH_H
#define NF_MINHASH_H

#include <stddef.h>
#include <stdint.h>

/* Values per signature, as NF_MINHASH_BANDS bands of NF_MINHASH_ROWS. */
#define NF_MINHASH_ROWS 4
#define NF_MINHASH_BANDS 12
#define NF_MINHASH (NF_MINHASH_ROWS * NF_MINHASH_BANDS)

/* Signature of the shingles (runs of NF_MINHASH_SHINGLE consecutive words)
 * of the word hashes words[0..n). Returns the number of shingles: 0 when
 * there are too few words, and every bin is then NF_MINHASH_EMPTY. */
#define NF_MINHASH_SHINGLE 4
size_t nf_minhash_sign(const uint64_t *words, size_t n, uint32_t sig[NF_MINHASH]);

/* A bin no shingle fell in. */
#define NF_MINHASH_EMPTY UINT32_MAX

/* Estimated Jaccard similarity of the two shingle sets, 0..1. */
double nf_minhash_similarity(const uint32_t a[NF_MINHASH], const uint32_t b[NF_MINHASH]);

/* Key of band b (0 .. NF_MINHASH_BANDS-1): two signatures that agree on a
 * whole band have the same key; 0 when a bin of the band is empty. */
uint64_t nf_minhash_band(const uint32_t sig[NF_MINHASH], int b);

#endif
