/* figures.c - STUB: to be replaced by the figures stage. */
#include "stages.h"

nf_status nf_figures_extract(nf_brief *b)
{
	(void)b;
	return NF_OK;
}
