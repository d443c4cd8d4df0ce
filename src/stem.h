/*
 * stem.h - the Snowball English stemmer (Porter2) for lower-case ASCII
 * words, the same stems as libstemmer's "english" (Snowball 2.2).
 */
#ifndef NF_STEM_H
#define NF_STEM_H

#include <stddef.h>

/* Longest word nf_stem_ascii() takes, in bytes. */
#define NF_STEM_MAX 64

/* The stem of w[0..len) into out (room for len bytes): its length, or
 * (size_t)-1 when the word is not one this stemmer takes (longer than
 * NF_STEM_MAX, or holding an upper-case or non-ASCII byte), for the caller
 * to ask libstemmer. */
size_t nf_stem_ascii(const char *w, size_t len, char *out);

#endif
