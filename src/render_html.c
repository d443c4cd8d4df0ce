/* render_html.c - STUB: to be replaced. */
#include "stages.h"

nf_status nf_render_html(const nf_brief *b, unsigned flags, nf_buf *out)
{
	(void)b;
	(void)flags;
	return nf_buf_puts(out, "");
}
