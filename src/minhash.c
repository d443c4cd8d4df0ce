/*
 * minhash.c - MinHash signatures of word shingles, for near-duplicates.
 *
 * What: an article becomes the set of its 4-word shingles (every run of
 * four consecutive words, stop words included, so "shot in the leg" and
 * "shot in the arm" differ); two articles that share most shingles are
 * copies of one text (a syndicated story, a light rewrite, an update with
 * a paragraph added). The Jaccard similarity of the two sets is estimated
 * by the share of equal values in their signatures: value i is the minimum
 * of hash_i over the shingles.
 *
 * How: one-permutation MinHash: each shingle is one 64-bit hash (the four
 * word hashes rotated and mixed); its high half picks one of NF_MINHASH
 * bins and the bin keeps the least low half, so a signature costs one hash
 * per shingle, not one per bin. The similarity estimate is the share of
 * equal bins among those not empty in both (a short text leaves bins
 * empty). Candidates are found with bands (LSH): the signature cut into
 * NF_MINHASH_BANDS bands of NF_MINHASH_ROWS bins; two texts of Jaccard s
 * share at least one whole band with probability 1 - (1 - s^4)^12: 0.96
 * at s = 0.7, 0.25 at s = 0.3. A band with an empty bin has no key.
 *
 * Rejected: exact shingle sets (memory grows with the text, and a stream
 * keeps thousands of recent articles); SimHash (one 64-bit value is cheap,
 * but its Hamming distance separates near-duplicates from same-story
 * rewrites less sharply than Jaccard on shingles); copies.c's sentence
 * coverage (it finds translations too, but needs every sentence of both
 * articles in memory).
 */
#include "minhash.h"

#include <string.h>

#include "util/hash.h"

static uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

size_t nf_minhash_sign(const uint64_t *words, size_t n, uint32_t sig[NF_MINHASH])
{
	memset(sig, 0xff, NF_MINHASH * sizeof *sig);
	if (n < NF_MINHASH_SHINGLE)
		return 0;
	size_t shingles = n - NF_MINHASH_SHINGLE + 1;
	for (size_t s = 0; s < shingles; s++) {
		uint64_t h = nf_hash_mix(words[s] ^ rotl(words[s + 1], 17) ^
		                 rotl(words[s + 2], 31) ^ rotl(words[s + 3], 47));
		size_t bin = (size_t)(((h >> 32) * NF_MINHASH) >> 32);
		uint32_t v = (uint32_t)h;
		if (v == NF_MINHASH_EMPTY)
			v--;
		if (v < sig[bin])
			sig[bin] = v;
	}
	return shingles;
}

double nf_minhash_similarity(const uint32_t a[NF_MINHASH], const uint32_t b[NF_MINHASH])
{
	int same = 0, used = 0;
	for (int i = 0; i < NF_MINHASH; i++) {
		if (a[i] == NF_MINHASH_EMPTY && b[i] == NF_MINHASH_EMPTY)
			continue;
		used++;
		same += a[i] == b[i];
	}
	return used ? (double)same / used : 0;
}

uint64_t nf_minhash_band(const uint32_t sig[NF_MINHASH], int b)
{
	uint64_t h = (uint64_t)(b + 1) * 0x9e3779b97f4a7c15ull;
	for (int r = 0; r < NF_MINHASH_ROWS; r++) {
		uint32_t v = sig[b * NF_MINHASH_ROWS + r];
		if (v == NF_MINHASH_EMPTY)
			return 0;
		h = nf_hash_mix(h ^ v);
	}
	return h ? h : 1;
}
