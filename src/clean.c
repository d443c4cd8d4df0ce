/* clean.c - STUB: to be replaced by the clean stage. */
#include "stages.h"

nf_status nf_clean(nf_corpus *c)
{
	(void)c;
	return NF_OK;
}
