/*
 * fuzz_feed.c - libFuzzer target: RSS and Atom feeds (libxml2's XML parser
 * in recovery mode, item fields, RFC 822 and ISO dates, HTML item bodies
 * through the fragment extractor) and the whole pipeline on the items.
 * Options: see fuzz_common.c.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_brief(data, size, NF_INPUT_FEED);
}
