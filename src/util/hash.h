/*
 * hash.h - a 64-bit integer hash finaliser (splitmix64's), for hash tables
 * keyed by integers and for deriving values from a hash: every input bit
 * reaches every output bit.
 */
#ifndef NF_HASH_H
#define NF_HASH_H

#include <stdint.h>

static inline uint64_t nf_hash_mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return x;
}

#endif
