/*
 * fuzz_text.c - libFuzzer target: plain-text articles through the whole
 * pipeline (every stage parses text: cleaning, tokens, dates, figures,
 * entities) and every renderer. Options: see fuzz_common.c.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_brief(data, size, NF_INPUT_TEXT);
}
