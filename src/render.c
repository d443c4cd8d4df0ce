/*
 * render.c - helpers shared by the text, Markdown and HTML renderers.
 *
 * Numbers and values are written the same way in every human format so a
 * reader comparing a terminal brief with a web page sees "almost 10,000"
 * in both; only the JSON keeps raw numbers. Citations are source numbers
 * (1-based positions in the corpus) rather than ids, because ids such as
 * "000_15f499adc5933ae2" are too long to repeat after every sentence; each
 * format's sources list maps the numbers back to ids.
 *
 * Text from the articles is untrusted: it is decoded code point by code
 * point with utf8proc, and controls, line separators and bidirectional
 * overrides are turned into spaces before anything is written. Display
 * width uses utf8proc_charwidth (wide East Asian characters take two
 * columns, combining marks none). Rejected: counting bytes or code points,
 * which overruns the line on CJK text and underfills it on accented text.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dates.h"
#include "render.h"

static const char *const status_names[] = {"single", "agreed", "conflict",
                                           "changing"};
static const char *const kind_names[] = {"person", "place", "organisation",
                                         "other"};

const char *nf_render_status_name(nf_figure_status s)
{
	return (unsigned)s < 4 ? status_names[s] : "single";
}

const char *nf_render_kind_name(nf_entity_kind k)
{
	return (unsigned)k < 4 ? kind_names[k] : "other";
}

const char *nf_render_measure_label(const char *measure)
{
	static const char *const labels[][2] = {
		{"killed", "Killed"},       {"injured", "Injured"},
		{"detained", "Detained"},   {"missing", "Missing"},
		{"displaced", "Displaced"}, {"deployed", "Deployed"},
		{"damaged", "Damaged"},     {"money", "Money"}};
	if (!measure)
		return "Other";
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (!strcmp(measure, labels[i][0]))
			return labels[i][1];
	return measure;
}

const char *nf_render_doc_id(const nf_brief *b, int i)
{
	if (i < 0 || (size_t)i >= NF_NDOCS(b->corpus))
		return "?";
	const char *id = NF_DOC(b->corpus, i)->id;
	return id ? id : "?";
}

const char *nf_render_doc_outlet(const nf_doc *d)
{
	if (d->outlet && *d->outlet)
		return d->outlet;
	if (d->agency && *d->agency)
		return d->agency;
	return NULL;
}

/* --- Numbers and values ---------------------------------------------------- */

/* Digits of v with a comma every three. */
static nf_status put_grouped(nf_buf *out, unsigned long long v)
{
	char digits[32];
	int n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	char s[48];
	size_t k = 0;
	for (int i = n - 1; i >= 0; i--) {
		s[k++] = digits[i];
		if (i && i % 3 == 0)
			s[k++] = ',';
	}
	return nf_buf_put(out, s, k);
}

nf_status nf_render_number(nf_buf *out, double v)
{
	if (!isfinite(v))
		return nf_buf_putc(out, '?');
	/* Beyond 1e15 a double no longer holds every integer, so grouping
	 * digits would print noise; scientific notation is honest there. */
	if (fabs(v) >= 1e15)
		return nf_buf_printf(out, "%.3g", v);
	nf_status st = v < 0 ? nf_buf_putc(out, '-') : NF_OK;
	double a = fabs(v);
	unsigned long long ip = (unsigned long long)a;
	/* Two decimals: counts are whole, money is "2.5 billion" or "1.25". */
	long frac = lround((a - (double)ip) * 100);
	if (frac >= 100) {
		ip++;
		frac = 0;
	}
	if (!st)
		st = put_grouped(out, ip);
	if (!st && frac)
		st = frac % 10 ? nf_buf_printf(out, ".%02ld", frac)
		               : nf_buf_printf(out, ".%ld", frac / 10);
	return st;
}

static nf_status put_range(nf_buf *out, double low, double high)
{
	nf_status st = nf_render_number(out, low);
	if (!st)
		st = nf_buf_puts(out, "\u2013");
	return st ? st : nf_render_number(out, high);
}

nf_status nf_render_claim_value(nf_buf *out, const nf_claim *c)
{
	if (c->is_vague && c->qualifier && *c->qualifier)
		return nf_buf_puts(out, c->qualifier);
	nf_status st = NF_OK;
	if (c->is_vague)
		st = nf_buf_putc(out, '~');
	else if (c->qualifier && *c->qualifier)
		st = nf_buf_printf(out, "%s ", c->qualifier);
	else if (isnan(c->high)) /* a person named, "a man": others may be counted elsewhere */
		st = nf_buf_puts(out, "at least ");
	else if (isfinite(c->low) && isfinite(c->high) && c->low < c->high)
		return put_range(out, c->low, c->high);
	return st ? st : nf_render_number(out, c->value);
}

static int same_value(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1, fabs(a));
}

nf_status nf_render_figure_value(nf_buf *out, const nf_figure *f)
{
	const nf_claim *first = NULL, *vague = NULL;
	int bare = 0; /* some source states the value without a qualifier */
	for (size_t i = 0; i < f->nclaims; i++) {
		const nf_claim *c = &f->claims[i];
		if (c->is_part || !same_value(c->value, f->value))
			continue;
		if (c->is_vague) {
			if (!vague)
				vague = c;
			continue;
		}
		if (!first)
			first = c;
		bare |= !c->qualifier || !*c->qualifier;
	}
	if (first && !bare) {
		nf_status st = nf_buf_printf(out, "%s ", first->qualifier);
		return st ? st : nf_render_number(out, f->value);
	}
	if (!first && vague)
		return nf_render_claim_value(out, vague);
	return nf_render_number(out, f->value);
}

nf_status nf_render_figure_range(nf_buf *out, const nf_figure *f)
{
	if (!isfinite(f->low) || !isfinite(f->high) || !(f->low < f->high))
		return NF_OK;
	return put_range(out, f->low, f->high);
}

/* --- Dates ----------------------------------------------------------------- */

nf_status nf_render_date(nf_buf *out, nf_date d, int estimated)
{
	char s[11];
	nf_date_format(d, s);
	if (!s[0])
		return nf_buf_puts(out, "undated");
	return nf_buf_printf(out, "%s%s", estimated ? "~" : "", s);
}

nf_status nf_render_event_date(nf_buf *out, const nf_event *ev, int estimated)
{
	nf_status st = nf_render_date(out, ev->date, estimated);
	if (st || !nf_date_valid(ev->end) || !nf_date_cmp(ev->date, ev->end))
		return st;
	char s[11];
	nf_date_format(ev->end, s);
	/* the end drops what it shares with the start: year, then month */
	size_t skip = ev->end.y != ev->date.y ? 0 : ev->end.m != ev->date.m ? 5 : 8;
	return nf_buf_printf(out, "/%s", s + skip);
}

nf_status nf_render_doc_date(nf_buf *out, const nf_doc *d)
{
	return nf_render_date(out, d->published,
	                      d->date_source == NF_DATE_ESTIMATED);
}

/* --- Citations ------------------------------------------------------------- */

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* One source number, as a link to its row when html is set. */
static nf_status put_num(nf_buf *out, int num, int html)
{
	if (html)
		return nf_buf_printf(out, "<a href=\"#src-%d\">%d</a>", num, num);
	return nf_buf_printf(out, "%d", num);
}

nf_status nf_render_cites(nf_buf *out, const nf_brief *b, const int *idx,
                          size_t n, const char *sep, int html, size_t max)
{
	if (!n)
		return NF_OK;
	int *num = malloc(n * sizeof *num);
	if (!num)
		return NF_ENOMEM;
	size_t k = 0, ndocs = NF_NDOCS(b->corpus);
	for (size_t i = 0; i < n; i++)
		if (idx[i] >= 0 && (size_t)idx[i] < ndocs)
			num[k++] = idx[i] + 1;
	qsort(num, k, sizeof *num, cmp_int);
	nf_status st = k ? nf_buf_putc(out, '[') : NF_OK;
	int first = 1;
	size_t items = 0, i = 0;
	while (i < k && !st && (!max || items < max)) {
		size_t j = i;
		/* Extend over duplicates and consecutive numbers. */
		while (j + 1 < k && num[j + 1] - num[j] <= 1)
			j++;
		size_t distinct = (size_t)(num[j] - num[i]) + 1;
		if (!first)
			st = nf_buf_puts(out, sep);
		first = 0;
		if (!st)
			st = put_num(out, num[i], html);
		/* Three or more in a row read better as a range: [1-5]. */
		if (!st && distinct >= 2)
			st = nf_buf_puts(out, distinct >= 3 ? "\u2013" : sep);
		if (!st && distinct >= 2)
			st = put_num(out, num[j], html);
		i = j + 1;
		items++;
	}
	if (!st && i < k) {
		size_t rest = 0;
		for (size_t r = i; r < k; r++)
			rest += r == i || num[r] != num[r - 1];
		st = nf_buf_printf(out, " +%zu more", rest);
	}
	if (!st && k)
		st = nf_buf_putc(out, ']');
	free(num);
	return st;
}

/* --- The story's lead source ------------------------------------------------ */

static int title_complete(const char *t)
{
	size_t n = strlen(t);
	return !(n >= 3 && (!strcmp(t + n - 3, "\u2026") ||
	                    !strcmp(t + n - 3, "...")));
}

int nf_render_lead_doc(const nf_brief *b)
{
	size_t n = NF_NDOCS(b->corpus);
	double *score = calloc(n ? n : 1, sizeof *score);
	/* Without memory the choice falls back to the tie-breaks below. */
	for (size_t i = 0; score && i < b->nsummary; i++) {
		const nf_summary_item *s = &b->summary[i];
		double w = s->independent ? (double)s->independent : 1;
		for (size_t k = 0; k < s->nsources; k++)
			if (s->sources[k] >= 0 && (size_t)s->sources[k] < n)
				score[s->sources[k]] += w;
	}
	int best = -1;
	double bs = 0;
	int bc = 0, bo = 0;
	size_t bw = 0;
	for (size_t i = 0; i < n; i++) {
		const nf_doc *d = NF_DOC(b->corpus, i);
		if (!d->title || !*d->title)
			continue;
		double sc = score ? score[i] : 0;
		int comp = title_complete(d->title), orig = d->copy_of < 0;
		int better = best < 0 || sc > bs ||
		             (sc == bs && (comp > bc || (comp == bc &&
		             (orig > bo || (orig == bo && d->words > bw)))));
		if (better) {
			best = (int)i;
			bs = sc;
			bc = comp;
			bo = orig;
			bw = d->words;
		}
	}
	free(score);
	return best;
}

int nf_render_date_span(const nf_brief *b, nf_date *first, nf_date *last)
{
	int found = 0;
	for (size_t i = 0; i < NF_NDOCS(b->corpus); i++) {
		nf_date d = NF_DOC(b->corpus, i)->published;
		if (!nf_date_valid(d))
			continue;
		if (!found || nf_date_cmp(d, *first) < 0)
			*first = d;
		if (!found || nf_date_cmp(d, *last) > 0)
			*last = d;
		found = 1;
	}
	return found;
}

/* --- Safe text ------------------------------------------------------------- */

/* The code point at s[*i], advancing *i; an invalid byte is U+FFFD. */
static int32_t next_cp(const char *s, size_t len, size_t *i)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + *i,
	                                      (utf8proc_ssize_t)(len - *i), &cp);
	if (n < 1) {
		(*i)++;
		return 0xFFFD;
	}
	*i += (size_t)n;
	return cp;
}

/* Characters that must not reach the output as they are: C0 and C1
 * controls (escape sequences, carriage returns), line and paragraph
 * separators, and the bidirectional overrides and isolates that can make
 * text display in another order than it reads. */
static int is_blank(int32_t cp)
{
	return cp <= 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 ||
	       cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

static nf_status put_cp(nf_buf *out, int32_t cp)
{
	utf8proc_uint8_t u[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, u);
	return nf_buf_put(out, (const char *)u, (size_t)n);
}

/* Sanitised s[0..len) with white space collapsed and trimmed; html escapes
 * the five characters special in HTML. */
static nf_status emit_clean(nf_buf *out, const char *s, size_t len, int html)
{
	nf_status st = NF_OK;
	int space = 0, any = 0;
	for (size_t i = 0; i < len && !st;) {
		int32_t cp = next_cp(s, len, &i);
		if (is_blank(cp)) {
			space = any;
			continue;
		}
		if (space)
			st = nf_buf_putc(out, ' ');
		space = 0;
		any = 1;
		if (st)
			break;
		if (html && cp == '&')
			st = nf_buf_puts(out, "&amp;");
		else if (html && cp == '<')
			st = nf_buf_puts(out, "&lt;");
		else if (html && cp == '>')
			st = nf_buf_puts(out, "&gt;");
		else if (html && cp == '"')
			st = nf_buf_puts(out, "&quot;");
		else if (html && cp == '\'')
			st = nf_buf_puts(out, "&#39;");
		else
			st = put_cp(out, cp);
	}
	return st;
}

nf_status nf_render_clean(nf_buf *out, const char *s, size_t len)
{
	return emit_clean(out, s, len, 0);
}

nf_status nf_render_html_escape(nf_buf *out, const char *s)
{
	return s ? emit_clean(out, s, strlen(s), 1) : NF_OK;
}

/* Length of the ANSI SGR sequence at s[i] ("\033[1;31m"), 0 when none. */
static size_t sgr_len(const char *s, size_t len, size_t i)
{
	if (i + 1 >= len || s[i] != '\033' || s[i + 1] != '[')
		return 0;
	for (size_t k = i + 2; k < len; k++) {
		unsigned char c = (unsigned char)s[k];
		if (c >= 0x40 && c <= 0x7E)
			return k + 1 - i;
		if (c < 0x20 || c > 0x3F)
			return 0;
	}
	return 0;
}

static size_t cp_width(int32_t cp)
{
	int w = utf8proc_charwidth(cp);
	return w > 0 ? (size_t)w : 0;
}

size_t nf_render_width(const char *s, size_t len)
{
	size_t w = 0;
	for (size_t i = 0; i < len;) {
		size_t e = sgr_len(s, len, i);
		if (e) {
			i += e;
			continue;
		}
		w += cp_width(next_cp(s, len, &i));
	}
	return w;
}

nf_status nf_render_fit(nf_buf *out, const char *s, size_t width, int pad)
{
	nf_buf tmp = NF_BUF_INIT;
	nf_status st = s ? nf_render_clean(&tmp, s, strlen(s)) : NF_OK;
	size_t len = tmp.len, used = 0, cut = len;
	if (!st && nf_render_width(tmp.data, len) > width) {
		/* Keep what fits in width - 1 columns, then the ellipsis. */
		size_t i = 0;
		while (i < len) {
			size_t at = i;
			size_t w = cp_width(next_cp(tmp.data, len, &i));
			if (used + w + 1 > width) {
				i = at;
				break;
			}
			used += w;
		}
		cut = i;
	} else if (!st) {
		used = nf_render_width(tmp.data, len);
	}
	if (!st && cut)
		st = nf_buf_put(out, tmp.data, cut);
	if (!st && cut < len && width) {
		st = nf_buf_puts(out, "\u2026");
		used++;
	}
	for (; !st && pad && used < width; used++)
		st = nf_buf_putc(out, ' ');
	nf_buf_free(&tmp);
	return st;
}

static nf_status newline(nf_buf *out, size_t indent)
{
	nf_status st = nf_buf_putc(out, '\n');
	for (size_t i = 0; !st && i < indent; i++)
		st = nf_buf_putc(out, ' ');
	return st;
}

/* Writes the word w[0..n) cut across lines, filling each to width. */
static nf_status put_cut(nf_buf *out, const char *w, size_t n, size_t *col,
                         size_t indent, size_t width)
{
	nf_status st = NF_OK;
	for (size_t i = 0; i < n && !st;) {
		size_t e = sgr_len(w, n, i), at = i;
		if (e) {
			st = nf_buf_put(out, w + i, e);
			i += e;
			continue;
		}
		size_t cw = cp_width(next_cp(w, n, &i));
		if (*col + cw > width && *col > indent) {
			st = newline(out, indent);
			*col = indent;
		}
		if (!st)
			st = nf_buf_put(out, w + at, i - at);
		*col += cw;
	}
	return st;
}

nf_status nf_render_wrap(nf_buf *out, const char *s, size_t len, size_t col,
                         size_t indent, size_t width)
{
	if (!width)
		width = 1;
	/* An indent that leaves no room would put one character a line. */
	if (indent + 10 > width)
		indent = 0;
	nf_status st = NF_OK;
	int first = 1;
	for (size_t i = 0; i < len && !st;) {
		while (i < len && s[i] == ' ')
			i++;
		size_t w0 = i;
		while (i < len && s[i] != ' ')
			i++;
		if (i == w0)
			break;
		size_t n = i - w0, ww = nf_render_width(s + w0, n);
		size_t need = ww + (first ? 0 : 1);
		if (col + need <= width) {
			if (!first)
				st = nf_buf_putc(out, ' ');
			if (!st)
				st = nf_buf_put(out, s + w0, n);
			col += need;
		} else if (indent + ww <= width) {
			st = newline(out, indent);
			if (!st)
				st = nf_buf_put(out, s + w0, n);
			col = indent + ww;
		} else {
			if (!first && col + 2 <= width) {
				st = nf_buf_putc(out, ' ');
				col++;
			} else if (col > indent) {
				st = newline(out, indent);
				col = indent;
			}
			if (!st)
				st = put_cut(out, s + w0, n, &col, indent, width);
		}
		first = 0;
	}
	return st;
}
