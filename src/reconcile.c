/* reconcile.c - STUB: to be replaced by the reconcile stage. */
#include "stages.h"

nf_status nf_figures_reconcile(nf_brief *b)
{
	(void)b;
	return NF_OK;
}
