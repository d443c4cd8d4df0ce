/*
 * fuzz_jsonl.c - libFuzzer target: JSONL input (bad lines, odd types,
 * escapes, huge fields) through the reader and then the whole pipeline.
 * Options: see fuzz_common.c.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_brief(data, size, NF_INPUT_JSONL);
}
