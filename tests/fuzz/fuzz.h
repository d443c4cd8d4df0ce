/*
 * fuzz.h - what the fuzz targets share: one call that runs the whole
 * pipeline on fuzzer bytes and checks the outputs.
 */
#ifndef NF_FUZZ_H
#define NF_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "newsfuse.h"

/* Briefs data[0..size) read as `kind` and renders it; aborts when an
 * output breaks a promise of the API (see fuzz_common.c). Returns 0. */
int fuzz_brief(const uint8_t *data, size_t size, nf_input kind);

/* Aborts unless out[0..len) is NUL-free valid UTF-8 of strlen len (and,
 * when is_json, parses as a strict JSON object). */
void fuzz_check_output(const char *out, size_t len, int is_json);
/* Prints what failed and the output, then aborts (libFuzzer saves the input). */
void fuzz_fail(const char *what, const char *out, size_t len);

/* The libFuzzer entry point each target defines. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
