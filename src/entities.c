/* entities.c - STUB: to be replaced by the entities stage. */
#include "stages.h"

nf_status nf_entities_build(nf_brief *b)
{
	(void)b;
	return NF_OK;
}
