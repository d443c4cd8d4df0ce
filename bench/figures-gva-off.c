/*
 * figures-gva-off.c - the two figures stages as no-ops. bench/figures-gva
 * --cost links this before libnewsfuse.a into a second bench_brief, so the
 * archive's figures.o and reconcile.o are never pulled in: the same brief
 * with and without figures, measured in one run.
 *
 * Rejected: subtracting the stages' inclusive cost from a profile (the
 * renderers' share of the figures is inlined and cannot be told apart).
 */
#include "stages.h"

nf_status nf_figures_extract(nf_brief *b)
{
	b->nfigures = 0;
	return NF_OK;
}

nf_status nf_figures_reconcile(nf_brief *b)
{
	(void)b;
	return NF_OK;
}
