/* timeline.c - STUB: to be replaced by the timeline stage. */
#include "stages.h"

nf_status nf_timeline_build(nf_brief *b)
{
	(void)b;
	return NF_OK;
}
