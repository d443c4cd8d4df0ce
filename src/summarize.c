/* summarize.c - STUB: to be replaced by the summarize stage. */
#include "stages.h"

nf_status nf_summarize(nf_brief *b)
{
	(void)b;
	return NF_OK;
}
