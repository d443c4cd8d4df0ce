/*
 * metadata.c - what a page says about itself: title, site, authors,
 * publication and modification dates, language, canonical URL, summary.
 *
 * What: each field is read from every place pages put it, and the most
 * trusted one that is present wins; the winner's place is kept
 * ("json-ld:datePublished", "meta:og:title", "url", ...) so a user can
 * see why a date is what it is. Publication and modification are kept
 * apart throughout: an "updated" stamp never becomes the publication date.
 *
 * Where, most trusted first:
 *   - JSON-LD (schema.org Article, NewsArticle, BlogPosting, ... anywhere
 *     in the scripts, @graph included), parsed with json-c; its
 *     articleBody too, for pages whose markup lacks the article;
 *   - <meta> tags: OpenGraph (og:, article:), Twitter cards, Dublin Core,
 *     and the common named ones (author, description, date, pubdate);
 *   - microdata (itemprop=datePublished / author / headline) and <time>
 *     elements marked as the publication time;
 *   - the page itself: <link rel=canonical>, <html lang>, rel=author;
 *   - the URL's path: /2019/08/02/ (day) or /2019/08/ (month);
 *   - last, a stamp in the text: an element named for the date
 *     ("posted-on", "entry-meta") or a short line after the headline,
 *     read in the date formats of the major web languages.
 *
 * The title is what the reader sees, not what the page tells search
 * engines: the first <h1> the article follows (prose after it), never the
 * site's logo (its name, the host, the " | Site" part of <title>) nor a
 * heading in a menu, without its kicker; the page's own title when the
 * <h1> only wraps it with a kicker; an <h2> when no article follows any
 * <h1>; else JSON-LD, OpenGraph or <title> less its " | Site" part.
 *
 * Dates never lie in the future (after `now`) or before the web (1990),
 * and a path date needs the year, month and day as separate path
 * segments or a lone 8-digit segment that is a real date: a longer run of
 * digits is an article id, never a date. A modification date before the
 * publication date is dropped.
 *
 * Rejected: dates anywhere in the text (they are as often the date of an
 * event, a comment or another article as the page's own: only a stamp
 * where pages put theirs counts), and site lists (they do not generalise).
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "dates.h"
#include "page.h"

/* Headings kept as title candidates: the headline is among the first
 * few; the rest of a page's headings are sections and teasers. */
#define MAX_HEADS 8

/* Candidate ranks: lower wins. */
enum { R_JSONLD = 1, R_META, R_MICRO, R_TIME, R_URL, R_TAG, R_NONE = 99 };

typedef struct cand {
	const char *value;
	const char *source;
	int rank;
} cand;

typedef struct reader {
	const nf_html *h;
	nf_arena *a;
	long long now;
	cand title, title_tag, site, desc, lang, canon;
	const char *h1[MAX_HEADS], *h2[MAX_HEADS]; /* visible headings, in order */
	unsigned char h1_linked[MAX_HEADS];         /* mostly link text */
	unsigned char h1_furniture[MAX_HEADS];      /* inside a menu, sidebar, ... */
	size_t h1_prose[MAX_HEADS];                 /* prose that follows the heading */
	uint32_t h1_el[MAX_HEADS];                  /* its element */
	uint32_t title_el;                          /* the chosen headline's, or UINT32_MAX */
	size_t nh1, nh2;
	nf_page_date pub, mod;
	int pub_rank, mod_rank;
	const char *authors[16];
	size_t nauthors;
	int authors_rank;
	const char *authors_source;
	nf_buf tmp;
	char host[256]; /* the URL's host, lower case ("" when none) */
	const char *body; /* the longest JSON-LD articleBody */
} reader;

/* An arena copy of s with white space runs as one space, trimmed. */
static const char *squeeze(nf_arena *a, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s), o = 0;
	char *d = nf_arena_alloc(a, n + 1);
	if (!d)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
		if ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
			i++; /* a soft hyphen: a place to break, not a character */
			continue;
		}
		if (sp && (!o || d[o - 1] == ' '))
			continue;
		d[o++] = sp ? ' ' : s[i];
	}
	while (o && d[o - 1] == ' ')
		o--;
	d[o] = '\0';
	return o ? d : NULL;
}

/* Offers v for a field; the value is copied (it may live in the tree or in
 * a JSON-LD object that dies first). */
static void offer(reader *r, cand *c, const char *v, const char *source, int rank)
{
	if (!v || rank >= (c->rank ? c->rank : R_NONE) || !(v = squeeze(r->a, v)))
		return;
	c->value = v;
	c->source = source;
	c->rank = rank;
}

/* --- Dates -------------------------------------------------------------------- */

static int digits_at(const char *s, size_t n, size_t i, size_t k, int *v)
{
	if (i + k > n)
		return 0;
	int x = 0;
	for (size_t j = i; j < i + k; j++) {
		if (s[j] < '0' || s[j] > '9')
			return 0;
		x = x * 10 + (s[j] - '0');
	}
	*v = x;
	return 1;
}

static long long unix_time(const nf_page_date *d)
{
	long long t = (long long)nf_date_days(d->date) * 86400 + d->hour * 3600 + d->minute * 60 +
	              d->second;
	return d->has_tz ? t - d->tz * 60 : t;
}

static void render_iso(nf_page_date *d)
{
	const nf_date *x = &d->date;
	if (d->precision == NF_PREC_YEAR)
		snprintf(d->iso, sizeof d->iso, "%04d", x->y);
	else if (d->precision == NF_PREC_MONTH)
		snprintf(d->iso, sizeof d->iso, "%04d-%02d", x->y, x->m);
	else if (d->precision == NF_PREC_DAY)
		snprintf(d->iso, sizeof d->iso, "%04d-%02d-%02d", x->y, x->m, x->d);
	else {
		int n = snprintf(d->iso, sizeof d->iso, "%04d-%02d-%02dT%02d:%02d:%02d", x->y,
		                 x->m, x->d, d->hour, d->minute, d->second);
		if (d->has_tz && n > 0 && (size_t)n < sizeof d->iso) {
			if (!d->tz)
				snprintf(d->iso + n, sizeof d->iso - (size_t)n, "Z");
			else
				snprintf(d->iso + n, sizeof d->iso - (size_t)n, "%c%02d:%02d",
				         d->tz < 0 ? '-' : '+', abs(d->tz) / 60, abs(d->tz) % 60);
		}
	}
}

/* hh:mm[:ss[.fff]][Z|+hh[:]mm] at s[i]. */
static void parse_time(const char *s, size_t n, size_t i, nf_page_date *d)
{
	int hh, mm, ss = 0;
	if (!digits_at(s, n, i, 2, &hh) || i + 2 >= n || s[i + 2] != ':' ||
	    !digits_at(s, n, i + 3, 2, &mm) || hh > 23 || mm > 59)
		return;
	i += 5;
	if (i < n && s[i] == ':' && digits_at(s, n, i + 1, 2, &ss) && ss <= 60)
		i += 3;
	while (i < n && (s[i] == '.' || (s[i] >= '0' && s[i] <= '9')))
		i++;
	while (i < n && s[i] == ' ')
		i++;
	d->hour = hh;
	d->minute = mm;
	d->second = ss > 59 ? 59 : ss;
	d->precision = NF_PREC_MINUTE;
	int th, tm = 0;
	if (i < n && (s[i] == 'Z' || s[i] == 'z')) {
		d->has_tz = 1;
		d->tz = 0;
	} else if (i < n && (s[i] == '+' || s[i] == '-') && digits_at(s, n, i + 1, 2, &th)) {
		size_t j = i + 3;
		if (j < n && s[j] == ':')
			j++;
		digits_at(s, n, j, 2, &tm);
		if (th <= 14 && tm <= 59) {
			d->has_tz = 1;
			d->tz = (s[i] == '-' ? -1 : 1) * (th * 60 + tm);
		}
	} else if (i + 2 < n && (!strncasecmp(s + i, "GMT", 3) || !strncasecmp(s + i, "UTC", 3))) {
		d->has_tz = 1;
		d->tz = 0;
	}
}

static int word_month(const char *s, size_t n, size_t *len)
{
	size_t w = 0;
	while (w < n && ((s[w] >= 'a' && s[w] <= 'z') || (s[w] >= 'A' && s[w] <= 'Z')))
		w++;
	*len = w;
	return w >= 3 ? nf_month_from_name(s, w) : 0;
}

int nf_page_date_parse(const char *s, size_t n, long long now, nf_page_date *d)
{
	memset(d, 0, sizeof *d);
	while (n && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')) {
		s++;
		n--;
	}
	int y, m = 0, dd = 0;
	size_t i = 0;
	if (digits_at(s, n, 0, 4, &y) && (n == 4 || s[4] == '-' || s[4] == '/' || s[4] == '.')) {
		/* 2019-08-02[T14:05[:00][Z|+02:00]], 2019/08/02, 2019-08 */
		d->date.y = y;
		d->precision = NF_PREC_YEAR;
		if (n > 5 && digits_at(s, n, 5, 2, &m) && m >= 1 && m <= 12) {
			d->date.m = m;
			d->precision = NF_PREC_MONTH;
			if (n > 8 && s[7] == s[4] && digits_at(s, n, 8, 2, &dd)) {
				d->date.d = dd;
				d->precision = NF_PREC_DAY;
				if (n > 11 && (s[10] == 'T' || s[10] == 't' || s[10] == ' '))
					parse_time(s, n, 11, d);
			}
		}
	} else if (digits_at(s, n, 0, 8, &y) && (n == 8 || s[8] < '0' || s[8] > '9')) {
		/* 20190802 */
		d->date = (nf_date){y / 10000, y / 100 % 100, y % 100};
		d->precision = NF_PREC_DAY;
	} else {
		/* RFC 822 from feeds: "Tue, 02 Aug 2019 14:05:00 +0200"; or a
		 * date as dates.c reads it: "August 2, 2019", "02.08.2019" */
		size_t w = 0;
		while (w < n && ((s[w] >= 'a' && s[w] <= 'z') || (s[w] >= 'A' && s[w] <= 'Z')))
			w++;
		if (w && w < n && s[w] == ',' && nf_weekday_from_name(s, w) >= 0) {
			i = w + 1;
			while (i < n && s[i] == ' ')
				i++;
		}
		int day, mon;
		size_t ml;
		if (digits_at(s, n, i, 2, &day) || digits_at(s, n, i, 1, &day)) {
			size_t j = i + (s[i + 1] >= '0' && s[i + 1] <= '9' ? 2 : 1);
			if (j < n && s[j] == ' ' && (mon = word_month(s + j + 1, n - j - 1, &ml)) &&
			    j + 1 + ml < n && s[j + 1 + ml] == ' ' &&
			    digits_at(s, n, j + 2 + ml, 4, &y)) {
				d->date = (nf_date){y, mon, day};
				d->precision = NF_PREC_DAY;
				size_t k = j + 6 + ml;
				if (k + 1 < n && s[k] == ' ')
					parse_time(s, n, k + 1, d);
			}
		}
		if (!d->precision) {
			nf_date x;
			size_t used = nf_date_scan(s + i, n - i, &x);
			if (!used || !x.y)
				return 0;
			d->date = x;
			d->precision = NF_PREC_DAY;
			size_t k = i + used;
			while (k < n && (s[k] == ' ' || s[k] == ',' || s[k] == '-' || s[k] == '|'))
				k++;
			if (k < n && (s[k] == 'a' || s[k] == 'A' || s[k] == 'u' || s[k] == 'U')) {
				while (k < n && s[k] != ' ')
					k++;
				while (k < n && s[k] == ' ')
					k++;
			}
			parse_time(s, n, k, d);
		}
	}
	nf_date probe = d->date;
	if (!probe.m)
		probe.m = 1;
	if (!probe.d)
		probe.d = 1;
	if (!nf_date_valid(probe) || d->date.y < 1990)
		return 0;
	/* Never in the future: a day's grace for time zones. */
	nf_page_date first = *d;
	first.date = probe;
	first.hour = first.minute = first.second = 0;
	first.has_tz = 0;
	if (now && unix_time(&first) > now + 86400)
		return 0;
	render_iso(d);
	return 1;
}

static void offer_date(reader *r, int modified, const char *v, size_t n,
                       const char *source, int rank)
{
	nf_page_date d;
	int *have = modified ? &r->mod_rank : &r->pub_rank;
	if (!v || (*have && rank >= *have))
		return;
	if (!nf_page_date_parse(v, n, r->now, &d))
		return;
	/* a coarser date of the same rank never replaces a finer one */
	d.source = source;
	if (modified)
		r->mod = d;
	else
		r->pub = d;
	*have = rank;
}

/* /2019/08/02/, /2019/08/, /20190802/ or -2019-08-02 in the URL's path;
 * never a run of digits longer than a date (an article id). */
static void url_date(reader *r, const char *url)
{
	if (!url)
		return;
	const char *p = strstr(url, "://");
	p = p ? strchr(p + 3, '/') : url;
	if (!p)
		return;
	size_t n = strlen(p);
	for (size_t i = 0; i < n; i++) {
		if (i && p[i - 1] >= '0' && p[i - 1] <= '9')
			continue;
		int y, m, d;
		if (!digits_at(p, n, i, 4, &y) || y < 1990 || y > 2100)
			continue;
		char sep = i + 4 < n ? p[i + 4] : '\0';
		if ((sep == '/' || sep == '-' || sep == '_') && digits_at(p, n, i + 5, 2, &m) &&
		    m >= 1 && m <= 12 && (i + 7 == n || p[i + 7] < '0' || p[i + 7] > '9')) {
			char buf[16];
			if (i + 7 < n && p[i + 7] == sep && digits_at(p, n, i + 8, 2, &d) &&
			    (i + 10 == n || p[i + 10] < '0' || p[i + 10] > '9')) {
				snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
				offer_date(r, 0, buf, 10, "url", R_URL);
				return;
			}
			if (sep == '/') {
				snprintf(buf, sizeof buf, "%04d-%02d", y, m);
				offer_date(r, 0, buf, 7, "url", R_TAG + 1);
			}
			continue;
		}
		if (digits_at(p, n, i, 8, &y) && (i + 8 == n || p[i + 8] < '0' || p[i + 8] > '9') &&
		    (p[i - (i > 0)] == '/' || p[i - (i > 0)] == '-' || p[i - (i > 0)] == '_')) {
			offer_date(r, 0, p + i, 8, "url", R_URL);
			return;
		}
	}
}

static int contains_ci(const char *hay, const char *needle);

/* --- Dates in the page's text ------------------------------------------------------ */

/* Month names of the languages most of the web is written in, lower case,
 * with the usual abbreviations; genitive forms where a language uses them
 * in dates (Polish "stycznia", Czech "ledna"). */
static const struct month_name {
	const char *name;
	int month;
} month_names[] = {
	{"january", 1}, {"jan", 1}, {"januar", 1}, {"jänner", 1}, {"janvier", 1}, {"enero", 1},
	{"gennaio", 1}, {"janeiro", 1}, {"januari", 1}, {"stycznia", 1}, {"ledna", 1},
	{"february", 2}, {"feb", 2}, {"februar", 2}, {"février", 2}, {"fevrier", 2}, {"febrero", 2},
	{"febbraio", 2}, {"fevereiro", 2}, {"februari", 2}, {"lutego", 2}, {"února", 2},
	{"march", 3}, {"mar", 3}, {"märz", 3}, {"mars", 3}, {"marzo", 3}, {"março", 3},
	{"maart", 3}, {"marca", 3}, {"března", 3},
	{"april", 4}, {"apr", 4}, {"avril", 4}, {"abril", 4}, {"aprile", 4}, {"kwietnia", 4},
	{"dubna", 4},
	{"may", 5}, {"mai", 5}, {"mayo", 5}, {"maggio", 5}, {"maio", 5}, {"mei", 5}, {"maja", 5},
	{"května", 5},
	{"june", 6}, {"jun", 6}, {"juni", 6}, {"juin", 6}, {"junio", 6}, {"giugno", 6},
	{"junho", 6}, {"czerwca", 6}, {"června", 6},
	{"july", 7}, {"jul", 7}, {"juli", 7}, {"juillet", 7}, {"julio", 7}, {"luglio", 7},
	{"julho", 7}, {"lipca", 7}, {"července", 7},
	{"august", 8}, {"aug", 8}, {"août", 8}, {"aout", 8}, {"agosto", 8}, {"augustus", 8},
	{"sierpnia", 8}, {"srpna", 8},
	{"september", 9}, {"sep", 9}, {"sept", 9}, {"septembre", 9}, {"septiembre", 9},
	{"settembre", 9}, {"setembro", 9}, {"września", 9}, {"září", 9},
	{"october", 10}, {"oct", 10}, {"oktober", 10}, {"okt", 10}, {"octobre", 10},
	{"octubre", 10}, {"ottobre", 10}, {"outubro", 10}, {"października", 10}, {"října", 10},
	{"november", 11}, {"nov", 11}, {"novembre", 11}, {"noviembre", 11}, {"novembro", 11},
	{"listopada", 11}, {"listopadu", 11},
	{"december", 12}, {"dec", 12}, {"dezember", 12}, {"dez", 12}, {"décembre", 12},
	{"decembre", 12}, {"diciembre", 12}, {"dicembre", 12}, {"dezembro", 12},
	{"grudnia", 12}, {"prosince", 12},
};

/* The month named by the word at s (letters, any script), 0 when none. */
static int month_word(const char *s, size_t n, size_t *len)
{
	size_t w = 0;
	while (w < n && (((s[w] | 32) >= 'a' && (s[w] | 32) <= 'z') || (unsigned char)s[w] >= 0x80))
		w++;
	*len = w;
	if (w < 3 || w > 16)
		return 0;
	char low[17];
	for (size_t i = 0; i < w; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	low[w] = '\0';
	/* "März" written "MÄRZ" is not matched: capitals past ASCII are rare in dates */
	for (size_t i = 0; i < sizeof month_names / sizeof *month_names; i++)
		if (!strcmp(low, month_names[i].name))
			return month_names[i].month;
	return 0;
}

static size_t digits_run(const char *s, size_t n, size_t i, int *v)
{
	size_t k = 0;
	*v = 0;
	while (i + k < n && k < 5 && s[i + k] >= '0' && s[i + k] <= '9')
		*v = *v * 10 + (s[i + k++] - '0');
	return k;
}

/* A date written for readers at s[i]: 14.01.2022, 14/01/2022, 2022-01-14,
 * 14. Januar 2022, 14 de enero de 2022, January 14, 2022. month_first: read
 * 01/02/2022 as January 2 (American English). Returns 1 with *out set. */
static int reader_date(const char *s, size_t n, size_t i, int month_first, nf_date *out)
{
	int a, b, c;
	size_t la = digits_run(s, n, i, &a), ml;
	if (la == 4 && i + 4 < n && (s[i + 4] == '-' || s[i + 4] == '/')) {
		size_t lb = digits_run(s, n, i + 5, &b);
		size_t lc = lb ? digits_run(s, n, i + 6 + lb, &c) : 0;
		if (lb && lb <= 2 && s[i + 5 + lb] == s[i + 4] && lc && lc <= 2) {
			*out = (nf_date){a, b, c};
			return nf_date_valid(*out);
		}
		return 0;
	}
	if (la >= 1 && la <= 2 && i + la < n && (s[i + la] == '.' || s[i + la] == '/')) {
		char sep = s[i + la];
		size_t lb = digits_run(s, n, i + la + 1, &b);
		if (lb >= 1 && lb <= 2 && i + la + 1 + lb < n && s[i + la + 1 + lb] == sep) {
			size_t lc = digits_run(s, n, i + la + 2 + lb, &c);
			if (lc == 4) {
				*out = sep == '/' && month_first ? (nf_date){c, a, b} : (nf_date){c, b, a};
				if (sep == '/' && a <= 12 && b > 12)
					*out = (nf_date){c, a, b};
				return nf_date_valid(*out);
			}
		}
	}
	if (la >= 1 && la <= 2) { /* 14. Januar 2022, 14 de enero de 2022 */
		size_t j = i + la;
		if (j < n && s[j] == '.')
			j++;
		while (j < n && s[j] == ' ')
			j++;
		if (j + 3 < n && !strncmp(s + j, "de ", 3))
			j += 3;
		int m = month_word(s + j, n - j, &ml);
		if (m) {
			j += ml;
			if (j < n && s[j] == '.')
				j++;
			while (j < n && (s[j] == ' ' || s[j] == ','))
				j++;
			if (j + 3 < n && !strncmp(s + j, "de ", 3))
				j += 3;
			if (digits_run(s, n, j, &c) == 4) {
				*out = (nf_date){c, m, a};
				return nf_date_valid(*out);
			}
		}
		return 0;
	}
	int m = la ? 0 : month_word(s + i, n - i, &ml); /* January 14, 2022 */
	if (m) {
		size_t j = i + ml;
		if (j < n && s[j] == '.')
			j++;
		while (j < n && s[j] == ' ')
			j++;
		size_t ld = digits_run(s, n, j, &a);
		if (ld >= 1 && ld <= 2) {
			j += ld;
			while (j < n && (s[j] == ',' || s[j] == ' ' || s[j] == '.' ||
			                 ((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z' && j < i + ml + ld + 6)))
				j++;
			if (digits_run(s, n, j, &c) == 4) {
				*out = (nf_date){c, m, a};
				return nf_date_valid(*out);
			}
		}
	}
	return 0;
}

/* The first date in s[0..n) as readers see it; 1 with d set. */
static int find_reader_date(reader *r, const char *s, size_t n, int month_first, nf_page_date *d)
{
	for (size_t i = 0; i < n; i++) {
		if (i && (((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z') ||
		          (s[i - 1] >= '0' && s[i - 1] <= '9')))
			continue;
		nf_date x;
		if (!reader_date(s, n, i, month_first, &x))
			continue;
		char iso[48];
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", x.y, x.m, x.d);
		if (nf_page_date_parse(iso, 10, r->now, d))
			return 1;
	}
	return 0;
}

/* Class or id words of the elements that hold a page's date stamp. */
static int date_holder(const xmlNode *n)
{
	static const char *const words[] = {"date", "time", "datum", "posted", "publish", "meta",
	                                    "byline", "fecha", "data", "dateline", "zeit"};
	const char *vals[2] = {nf_html_attr(n, "class"), nf_html_attr(n, "id")};
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; vals[k] && i < sizeof words / sizeof *words; i++)
			if (contains_ci(vals[k], words[i]))
				return 1;
	return 0;
}

/* A date stamp in the page's text, when nothing better said when it was
 * published: first in an element named for it (class "date", "posted-on",
 * "entry-meta", ...), then in the short lines after the headline. */
#define STAMP_CHARS 200   /* a stamp is a short line, not a paragraph */
#define AFTER_HEADLINE 60 /* elements after the headline where the stamp sits */
static void text_date(reader *r)
{
	const nf_html *h = r->h;
	int month_first = r->lang.value && !strncasecmp(r->lang.value, "en-us", 5);
	nf_page_date d;
	for (size_t pass = 0; pass < 2; pass++) {
		size_t from = 0, to = h->nels;
		if (pass) {
			if (r->title_el == UINT32_MAX)
				return;
			from = r->title_el;
			to = from + AFTER_HEADLINE < h->nels ? from + AFTER_HEADLINE : h->nels;
		}
		for (size_t i = from; i < to; i++) {
			const nf_el *e = &h->els[i];
			if ((e->flags & (NF_EL_JUNK | NF_EL_HIDDEN)) || !e->text || e->text > STAMP_CHARS ||
			    (!pass && !date_holder(e->node)))
				continue;
			r->tmp.len = 0;
			if (nf_html_text(h, e->node, &r->tmp) || !r->tmp.len)
				continue;
			if (find_reader_date(r, r->tmp.data, r->tmp.len, month_first, &d)) {
				d.source = "text";
				r->pub = d;
				r->pub_rank = R_TAG;
				return;
			}
		}
	}
}

static void url_host(const char *url, char *out, size_t size)
{
	out[0] = '\0';
	const char *p = url ? strstr(url, "://") : NULL;
	if (!p)
		return;
	p += 3;
	size_t n = 0;
	while (p[n] && p[n] != '/' && p[n] != ':' && p[n] != '?' && n < size - 1) {
		out[n] = (char)(p[n] >= 'A' && p[n] <= 'Z' ? p[n] + 32 : p[n]);
		n++;
	}
	out[n] = '\0';
}

/* --- Authors ------------------------------------------------------------------ */

static int looks_like_url(const char *s)
{
	return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8) || s[0] == '/';
}

/* Adds the names in v ("By A and B", "A, B") as authors from source. */
static void offer_authors(reader *r, const char *v, const char *source, int rank)
{
	if (!v || looks_like_url(v) || (r->authors_rank && rank > r->authors_rank))
		return;
	if (r->authors_rank != rank) {
		r->nauthors = 0;
		r->authors_rank = rank;
		r->authors_source = source;
	}
	char buf[512];
	size_t n = 0;
	for (const char *p = v; *p && n < sizeof buf - 1; p++)
		buf[n++] = *p == '\n' || *p == '\t' || *p == '\r' ? ' ' : *p;
	while (n && ((unsigned char)v[n] & 0xC0) == 0x80)
		n--; /* cut before a character that did not fit whole */
	buf[n] = '\0';
	char *s = buf;
	static const char *const prefixes[] = {"by ", "von ", "par ", "por ", "di ", "door ", "av ", "autor: ", "author: ", "text: "};
	for (;;) {
		while (*s == ' ' || *s == ',' || *s == ';' || *s == '|')
			s++;
		if (!*s)
			break;
		for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
			if (!strncasecmp(s, prefixes[k], strlen(prefixes[k])))
				s += strlen(prefixes[k]);
		/* the name ends at a separator: , ; | " and " " und " " & " */
		char *e = s;
		while (*e && *e != ',' && *e != ';' && *e != '|' && *e != '/' &&
		       strncasecmp(e, " and ", 5) && strncasecmp(e, " und ", 5) &&
		       strncmp(e, " & ", 3) && strncasecmp(e, " et ", 4) && strncasecmp(e, " y ", 3))
			e++;
		char *end = e;
		while (end > s && end[-1] == ' ')
			end--;
		size_t len = (size_t)(end - s);
		/* a name is a few words, not a sentence or a handle */
		if (len >= 3 && len <= 60 && *s != '@' && r->nauthors < 16) {
			int dup = 0;
			for (size_t k = 0; k < r->nauthors; k++)
				dup |= strlen(r->authors[k]) == len && !strncasecmp(r->authors[k], s, len);
			const char *name = dup ? NULL : nf_arena_strndup(r->a, s, len);
			if (name)
				r->authors[r->nauthors++] = name;
		}
		if (!*e)
			break;
		s = e + (*e == ',' || *e == ';' || *e == '|' || *e == '/' ? 1
		         : !strncmp(e, " & ", 3) ? 3 : !strncasecmp(e, " y ", 3) ? 3
		         : !strncasecmp(e, " et ", 4) ? 4 : 5);
	}
}

/* --- JSON-LD ---------------------------------------------------------------------- */

static const char *jstr(json_object *o, const char *key)
{
	json_object *v;
	if (!o || !json_object_object_get_ex(o, key, &v) || !v)
		return NULL;
	if (json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	if (json_object_is_type(v, json_type_array) && json_object_array_length(v) &&
	    json_object_is_type(json_object_array_get_idx(v, 0), json_type_string))
		return json_object_get_string(json_object_array_get_idx(v, 0));
	return NULL;
}

static int article_type(json_object *o)
{
	static const char *const types[] = {
		"Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle",
		"AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
		"ReviewNewsArticle", "TechArticle", "ScholarlyArticle", "LiveBlogPosting",
		"SocialMediaPosting", "Review", "Recipe", "Blog", "WebPage", "ItemPage",
		"MedicalWebPage", "AboutPage", "Event", "Product", "VideoObject"};
	json_object *t;
	if (!json_object_object_get_ex(o, "@type", &t) || !t)
		return 0;
	size_t nt = json_object_is_type(t, json_type_array) ? json_object_array_length(t) : 1;
	int best = 0;
	for (size_t i = 0; i < nt; i++) {
		json_object *x = json_object_is_type(t, json_type_array) ? json_object_array_get_idx(t, i) : t;
		const char *s = x && json_object_is_type(x, json_type_string) ? json_object_get_string(x) : NULL;
		for (size_t k = 0; s && k < sizeof types / sizeof *types; k++)
			if (!strcmp(s, types[k])) {
				/* articles beat web pages, which beat everything else */
				int rank = k < 16 ? 3 : k < 21 ? 2 : 1;
				best = rank > best ? rank : best;
			}
	}
	return best;
}

static const char *jname(json_object *v)
{
	if (!v)
		return NULL;
	if (json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	if (json_object_is_type(v, json_type_object))
		return jstr(v, "name");
	return NULL;
}

static void jsonld_article(reader *r, json_object *o, int kind)
{
	/* an Article's fields beat a WebPage's, which still beat <meta> */
	int rank = kind >= 3 ? R_JSONLD : R_META;
	offer(r, &r->title, jstr(o, "headline"), "json-ld:headline", rank);
	if (kind >= 2)
		offer(r, &r->title, jstr(o, "name"), "json-ld:name", rank + 1);
	offer(r, &r->desc, jstr(o, "description"), "json-ld:description", rank);
	const char *body = kind >= 3 ? jstr(o, "articleBody") : NULL;
	if (body && (!r->body || strlen(body) > strlen(r->body)))
		r->body = nf_arena_strdup(r->a, body); /* kept as written: its line breaks are paragraphs */
	offer(r, &r->lang, jstr(o, "inLanguage"), "json-ld:inLanguage", rank);
	const char *v;
	if ((v = jstr(o, "datePublished")))
		offer_date(r, 0, v, strlen(v), "json-ld:datePublished", rank);
	else if ((v = jstr(o, "dateCreated")))
		offer_date(r, 0, v, strlen(v), "json-ld:dateCreated", rank + 1);
	if ((v = jstr(o, "dateModified")))
		offer_date(r, 1, v, strlen(v), "json-ld:dateModified", rank);
	json_object *x;
	if (json_object_object_get_ex(o, "publisher", &x))
		offer(r, &r->site, jname(x), "json-ld:publisher", rank);
	if (json_object_object_get_ex(o, "author", &x) && x && kind >= 3) {
		if (json_object_is_type(x, json_type_array)) {
			for (size_t i = 0; i < json_object_array_length(x); i++)
				offer_authors(r, jname(json_object_array_get_idx(x, i)), "json-ld:author", rank);
		} else {
			offer_authors(r, jname(x), "json-ld:author", rank);
		}
	}
}

/* Walks a JSON-LD value (objects, arrays, @graph) for article objects;
 * depth-capped because it is input. */
static void jsonld_walk(reader *r, json_object *o, int depth)
{
	if (!o || depth > 8)
		return;
	if (json_object_is_type(o, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(o) && i < 64; i++)
			jsonld_walk(r, json_object_array_get_idx(o, i), depth + 1);
		return;
	}
	if (!json_object_is_type(o, json_type_object))
		return;
	int kind = article_type(o);
	if (kind)
		jsonld_article(r, o, kind);
	else if (jstr(o, "@type") && (!strcmp(jstr(o, "@type"), "WebSite") ||
	                              !strcmp(jstr(o, "@type"), "Organization") ||
	                              !strcmp(jstr(o, "@type"), "NewsMediaOrganization")))
		offer(r, &r->site, jstr(o, "name"), "json-ld:WebSite", R_META + 1);
	json_object *g;
	if (json_object_object_get_ex(o, "@graph", &g))
		jsonld_walk(r, g, depth + 1);
	if (json_object_object_get_ex(o, "mainEntity", &g))
		jsonld_walk(r, g, depth + 1);
}

static void jsonld(reader *r, const xmlNode *n)
{
	nf_buf *b = &r->tmp;
	b->len = 0;
	for (const xmlNode *c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
		    nf_buf_puts(b, (const char *)c->content))
			return;
	if (!b->len || b->len > (size_t)INT32_MAX)
		return;
	json_tokener *tok = json_tokener_new_ex(32);
	if (!tok)
		return;
	json_object *o = json_tokener_parse_ex(tok, b->data, (int)b->len);
	jsonld_walk(r, o, 0);
	json_object_put(o);
	json_tokener_free(tok);
}

/* --- <meta> and the markup ------------------------------------------------------------ */

typedef struct meta_key {
	const char *key;
	int field;      /* F_* */
	const char *source;
} meta_key;

enum { F_TITLE, F_SITE, F_DESC, F_AUTHOR, F_PUB, F_MOD, F_LANG, F_CANON };

static const meta_key meta_keys[] = {
	{"og:title", F_TITLE, "meta:og:title"},
	{"twitter:title", F_TITLE, "meta:twitter:title"},
	{"dc.title", F_TITLE, "meta:dc.title"},
	{"headline", F_TITLE, "meta:headline"},
	{"og:site_name", F_SITE, "meta:og:site_name"},
	{"application-name", F_SITE, "meta:application-name"},
	{"dc.publisher", F_SITE, "meta:dc.publisher"},
	{"og:description", F_DESC, "meta:og:description"},
	{"description", F_DESC, "meta:description"},
	{"twitter:description", F_DESC, "meta:twitter:description"},
	{"dc.description", F_DESC, "meta:dc.description"},
	{"author", F_AUTHOR, "meta:author"},
	{"article:author", F_AUTHOR, "meta:article:author"},
	{"dc.creator", F_AUTHOR, "meta:dc.creator"},
	{"byl", F_AUTHOR, "meta:byl"},
	{"sailthru.author", F_AUTHOR, "meta:sailthru.author"},
	{"parsely-author", F_AUTHOR, "meta:parsely-author"},
	{"citation_author", F_AUTHOR, "meta:citation_author"},
	{"article:published_time", F_PUB, "meta:article:published_time"},
	{"og:published_time", F_PUB, "meta:og:published_time"},
	{"article:published", F_PUB, "meta:article:published"},
	{"datepublished", F_PUB, "meta:datePublished"},
	{"pubdate", F_PUB, "meta:pubdate"},
	{"publishdate", F_PUB, "meta:publishdate"},
	{"publish-date", F_PUB, "meta:publish-date"},
	{"publish_date", F_PUB, "meta:publish_date"},
	{"date", F_PUB, "meta:date"},
	{"dc.date", F_PUB, "meta:dc.date"},
	{"dc.date.issued", F_PUB, "meta:dc.date.issued"},
	{"dc.date.created", F_PUB, "meta:dc.date.created"},
	{"dcterms.date", F_PUB, "meta:dcterms.date"},
	{"dcterms.issued", F_PUB, "meta:dcterms.issued"},
	{"dcterms.created", F_PUB, "meta:dcterms.created"},
	{"sailthru.date", F_PUB, "meta:sailthru.date"},
	{"parsely-pub-date", F_PUB, "meta:parsely-pub-date"},
	{"citation_publication_date", F_PUB, "meta:citation_publication_date"},
	{"citation_date", F_PUB, "meta:citation_date"},
	{"originalpublicationdate", F_PUB, "meta:originalpublicationdate"},
	{"release_date", F_PUB, "meta:release_date"},
	{"article.published", F_PUB, "meta:article.published"},
	{"article:modified_time", F_MOD, "meta:article:modified_time"},
	{"og:updated_time", F_MOD, "meta:og:updated_time"},
	{"datemodified", F_MOD, "meta:dateModified"},
	{"last-modified", F_MOD, "meta:last-modified"},
	{"dcterms.modified", F_MOD, "meta:dcterms.modified"},
	{"dc.date.modified", F_MOD, "meta:dc.date.modified"},
	{"article.updated", F_MOD, "meta:article.updated"},
	{"content-language", F_LANG, "meta:content-language"},
	{"og:locale", F_LANG, "meta:og:locale"},
	{"dc.language", F_LANG, "meta:dc.language"},
	{"language", F_LANG, "meta:language"},
	{"og:url", F_CANON, "meta:og:url"},
};

static void meta_tag(reader *r, const xmlNode *n)
{
	const char *content = nf_html_attr(n, "content");
	if (!content)
		return;
	const char *keys[4] = {nf_html_attr(n, "property"), nf_html_attr(n, "name"),
	                       nf_html_attr(n, "itemprop"), nf_html_attr(n, "http-equiv")};
	for (size_t k = 0; k < 4; k++) {
		if (!keys[k])
			continue;
		for (size_t i = 0; i < sizeof meta_keys / sizeof *meta_keys; i++) {
			const meta_key *m = &meta_keys[i];
			if (strcasecmp(keys[k], m->key))
				continue;
			/* earlier keys in the table are trusted more */
			int rank = k == 2 ? R_MICRO : R_META;
			switch (m->field) {
			case F_TITLE: offer(r, &r->title, content, m->source, rank); break;
			case F_SITE: offer(r, &r->site, content, m->source, rank); break;
			case F_DESC: offer(r, &r->desc, content, m->source, rank); break;
			case F_AUTHOR: offer_authors(r, content, m->source, rank + 1); break;
			case F_PUB: offer_date(r, 0, content, strlen(content), m->source, rank); break;
			case F_MOD: offer_date(r, 1, content, strlen(content), m->source, rank); break;
			case F_LANG: offer(r, &r->lang, content, m->source, rank); break;
			case F_CANON: offer(r, &r->canon, content, m->source, rank + 1); break;
			}
		}
	}
}

/* The element's text in the arena (whitespace collapsed), or NULL. */
static const char *text_of(reader *r, const xmlNode *n, size_t max)
{
	nf_buf *b = &r->tmp;
	b->len = 0;
	if (nf_html_text(r->h, n, b) || !b->len || b->len > max)
		return NULL;
	return nf_arena_strndup(r->a, b->data, b->len);
}

/* A heading's text without its kicker or label ("Corona-Pandemie",
 * "Politics |"): the parts whose class names them as such. */
static const char *heading_text(reader *r, const xmlNode *n)
{
	static const char *const kickers[] = {"kicker", "topline", "overline", "eyebrow",
	                                      "dachzeile", "roofline", "pretitle", "supertitle",
	                                      "label", "rubric", "rubrik", "flag", "category"};
	nf_buf *b = &r->tmp;
	b->len = 0;
	int space = 0;
	for (const xmlNode *c = n->children; c;) {
		const nf_el *e = nf_html_el(r->h, c);
		const char *cls = e ? nf_html_attr(c, "class") : NULL;
		int skip = e && (e->flags & (NF_EL_JUNK | NF_EL_HIDDEN));
		for (size_t k = 0; cls && !skip && k < sizeof kickers / sizeof *kickers; k++)
			skip = contains_ci(cls, kickers[k]);
		if (skip) {
			space = 1;
			c = nf_html_next(c, n, 1);
			continue;
		}
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
			if (space && b->len && nf_buf_putc(b, ' '))
				return NULL;
			space = 0;
			if (nf_buf_puts(b, (const char *)c->content))
				return NULL;
		} else if (e && ((e->flags & NF_EL_BLOCK) || e->tag == T_BR)) {
			space = 1;
		}
		c = nf_html_next(c, n, 0);
	}
	if (!b->len || b->len > 2000)
		return NULL;
	return squeeze(r->a, nf_arena_strndup(r->a, b->data, b->len));
}

static int class_has(const xmlNode *n, const char *w)
{
	const char *c = nf_html_attr(n, "class");
	return c && strstr(c, w) != NULL;
}

/* Inside an element whose class, id or tag says furniture (a menu, a
 * "screen-reader-text" heading, a sidebar widget). */
static int in_furniture(const nf_html *h, const nf_el *e)
{
	/* a heading's furniture is close by; 64 levels is far enough */
	for (int k = 0; k < 64 && e; k++) {
		if (e->flags & NF_EL_UNLIKELY)
			return 1;
		e = e->parent == UINT32_MAX ? NULL : &h->els[e->parent];
	}
	return 0;
}

/* Characters of prose between heading i and the next <h1>: the headline
 * of an article has the article after it, a logo or a menu heading has
 * links. Looks at most PROSE_WINDOW elements ahead. */
#define PROSE_WINDOW 3000
/* Prose that says an article follows a heading: a couple of paragraphs. */
#define HEADLINE_PROSE 300
static size_t prose_after(const nf_html *h, size_t i)
{
	size_t total = 0;
	for (size_t j = i + 1; j < h->nels && j < i + PROSE_WINDOW; j++) {
		const nf_el *e = &h->els[j];
		if (e->tag == T_H1 && !(e->flags & (NF_EL_JUNK | NF_EL_HIDDEN)))
			break;
		/* a line of its own text, not mostly links, counts as prose */
		if ((e->flags & (NF_EL_JUNK | NF_EL_HIDDEN)) || e->inl < 40 || e->link * 2 > e->text)
			continue;
		if (e->tag == T_P || e->tag == T_DIV || e->tag == T_TD || e->tag == T_BLOCKQUOTE ||
		    e->tag == T_PRE || e->tag == T_LI || e->tag == T_DD || e->tag == T_SECTION ||
		    e->tag == T_ARTICLE || e->tag == T_SPAN || e->tag == T_OTHER)
			total += e->inl;
	}
	return total;
}

static void markup(reader *r)
{
	const nf_html *h = r->h;
	int time_seen = 0;
	for (size_t i = 0; i < h->nels; i++) {
		const nf_el *e = &h->els[i];
		const xmlNode *n = e->node;
		const char *v;
		switch (e->tag) {
		case T_HTML:
			offer(r, &r->lang, nf_html_attr(n, "lang"), "html:lang", R_TAG);
			offer(r, &r->lang, nf_html_attr(n, "xml:lang"), "html:lang", R_TAG);
			break;
		case T_TITLE:
			if (!r->title_tag.value)
				offer(r, &r->title_tag, text_of(r, n, 2000), "title", R_TAG);
			break;
		case T_META:
			meta_tag(r, n);
			break;
		case T_LINK:
			if ((v = nf_html_attr(n, "rel")) && !strcasecmp(v, "canonical"))
				offer(r, &r->canon, nf_html_attr(n, "href"), "link:canonical", R_META);
			break;
		case T_SCRIPT:
			if ((v = nf_html_attr(n, "type")) && !strcasecmp(v, "application/ld+json"))
				jsonld(r, n);
			break;
		case T_H1:
		case T_H2: {
			const char *t;
			if ((e->flags & (NF_EL_JUNK | NF_EL_HIDDEN)) || !(t = heading_text(r, n)))
				break;
			if (e->tag == T_H1 && r->nh1 < MAX_HEADS) {
				r->h1_linked[r->nh1] = e->link * 2 > e->text;
				r->h1_furniture[r->nh1] = (unsigned char)in_furniture(h, e);
				r->h1_prose[r->nh1] = prose_after(h, i);
				r->h1_el[r->nh1] = (uint32_t)i;
				r->h1[r->nh1++] = t;
			} else if (e->tag == T_H2 && r->nh2 < MAX_HEADS) {
				r->h2[r->nh2++] = t;
			}
			break;
		}
		case T_TIME: {
			const char *dt = nf_html_attr(n, "datetime"), *ip = nf_html_attr(n, "itemprop");
			if (dt && (nf_html_attr(n, "pubdate") || (ip && !strcasecmp(ip, "datePublished")) ||
			           class_has(n, "publish") || class_has(n, "entry-date") ||
			           class_has(n, "post-date")))
				offer_date(r, 0, dt, strlen(dt), "time:published", R_MICRO);
			else if (dt && !time_seen && !(e->flags & (NF_EL_JUNK | NF_EL_HIDDEN)))
				offer_date(r, 0, dt, strlen(dt), "time", R_TIME);
			time_seen = 1;
			break;
		}
		case T_A:
			if ((v = nf_html_attr(n, "rel")) && !strcasecmp(v, "author"))
				offer_authors(r, text_of(r, n, 200), "rel:author", R_TIME);
			break;
		default:
			break;
		}
		if (e->tag != T_META && (v = nf_html_attr(n, "itemprop"))) {
			if (!strcasecmp(v, "datePublished") && e->tag != T_TIME) {
				const char *c = nf_html_attr(n, "content");
				const char *t = c ? c : text_of(r, n, 200);
				if (t)
					offer_date(r, 0, t, strlen(t), "microdata:datePublished", R_MICRO);
			} else if (!strcasecmp(v, "dateModified")) {
				const char *c = nf_html_attr(n, "content");
				if (!c)
					c = nf_html_attr(n, "datetime");
				if (c)
					offer_date(r, 1, c, strlen(c), "microdata:dateModified", R_MICRO);
			} else if (!strcasecmp(v, "headline")) {
				offer(r, &r->title, text_of(r, n, 2000), "microdata:headline", R_MICRO);
			} else if (!strcasecmp(v, "author") || !strcasecmp(v, "creator")) {
				offer_authors(r, text_of(r, n, 200), "microdata:author", R_MICRO + 1);
			}
		}
	}
}

/* --- Titles ------------------------------------------------------------------------------ */

/* Length of t without a " | Site", " - Site", " :: Site" or " — Site"
 * suffix: the last separator with a short part after it. */
static size_t strip_site(const char *t, const char *site)
{
	size_t n = strlen(t);
	static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " // ", " » ", " « "};
	size_t best = n;
	for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
		size_t sl = strlen(seps[k]);
		for (size_t i = n; i-- > 0;) {
			if (strncmp(t + i, seps[k], sl))
				continue;
			size_t tail = n - i - sl;
			/* a site name is short next to the headline, or is the site */
			if ((site && !strncasecmp(t + i + sl, site, strlen(site))) ||
			    (tail * 2 < i && tail <= 40)) {
				if (i < best && i >= 10)
					best = i;
			}
			break;
		}
	}
	return best;
}

static const char *clean_title(reader *r, const char *t, const char *site)
{
	if (!t)
		return NULL;
	size_t n = strip_site(t, site);
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
		n--;
	char *c = nf_arena_strndup(r->a, t, n);
	return squeeze(r->a, c);
}

static size_t words_in(const char *s)
{
	size_t n = 0;
	for (int in = 0; *s; s++) {
		int sp = *s == ' ';
		n += !sp && !in;
		in = !sp;
	}
	return n;
}

/* s is t's " | Site" part: what strip_site() would cut off. */
static int site_part(const char *t, const char *site, const char *s)
{
	if (!t)
		return 0;
	size_t keep = strip_site(t, site);
	const char *tail = t + keep;
	while (*tail && (*tail == ' ' || *tail == '|' || *tail == '-' || (unsigned char)*tail >= 0x80))
		tail++;
	return keep < strlen(t) && !strcasecmp(tail, s);
}

static int contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; hay && *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return 1;
	return 0;
}

/* The heading names the site: its letters and digits are in the host
 * name ("L-Mag" on l-mag.de, "energieverbraucher.de"). */
static int in_host(const char *host, const char *h)
{
	char squashed[64];
	size_t n = 0;
	for (; *h && n < sizeof squashed - 1; h++) {
		char c = *h >= 'A' && *h <= 'Z' ? (char)(*h + 32) : *h;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			squashed[n++] = c;
		else if ((unsigned char)c >= 0x80)
			return 0; /* hosts are ASCII here; a heading with others is not one */
	}
	squashed[n] = '\0';
	if (!host || n < 3 || *h)
		return 0;
	char hs[256];
	size_t m = 0;
	for (const char *p = host; *p && m < sizeof hs - 1; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			hs[m++] = *p;
	hs[m] = '\0';
	return strstr(hs, squashed) != NULL;
}

/* The <h1> to take as the headline among those in furniture or not: the
 * first one the article follows; failing that, the one with the most
 * prose after it. Never the site's logo (its name, the " | Site" part of
 * the title, a short link home). -1 when none. */
static int pick_h1(const reader *r, int furniture, const char *site, const char *tt)
{
	int best = -1;
	size_t most = 0;
	for (size_t i = 0; i < r->nh1 && most < HEADLINE_PROSE; i++) {
		const char *h = r->h1[i];
		if (r->h1_furniture[i] != furniture || (site && contains_ci(site, h)) ||
		    site_part(tt, site, h) || (r->h1_linked[i] && words_in(h) <= 3) ||
		    in_host(r->host, h))
			continue;
		if (best < 0 || r->h1_prose[i] > most) {
			best = (int)i;
			most = r->h1_prose[i];
		}
	}
	return best;
}

/* The headline is what the reader sees: the first <h1> that is not the
 * site's logo (the site's name, or a short link home); else an <h2> the
 * page's titles agree with; else the JSON-LD or OpenGraph headline, else
 * the <title>, without its " | Site" part. */
static void choose_title(reader *r, nf_page_meta *m)
{
	const char *site = r->site.value, *tt = r->title_tag.value, *og = r->title.value;
	const char *best = NULL, *src = NULL;
	/* headings in furniture only when there is no other */
	int k = pick_h1(r, 0, site, tt);
	if (k < 0)
		k = pick_h1(r, 1, site, tt);
	if (k >= 0) {
		best = r->h1[k];
		src = "h1";
		r->title_el = r->h1_el[k];
		/* the <h1> with a kicker or subtitle run into it ("Tunisia Big
		 * tasks for the new government"): the page's own title is in it */
		const char *own = og ? clean_title(r, og, site) : tt ? clean_title(r, tt, site) : NULL;
		if (own && strlen(own) >= 10 && strlen(own) < strlen(best) && contains_ci(best, own)) {
			best = own;
			src = og ? r->title.source : r->title_tag.source;
			m->title = best;
			m->title_source = src;
			return;
		}
	}
	/* an <h1> no article follows loses to an <h2> the titles agree with */
	int weak = k >= 0 && r->h1_prose[k] < HEADLINE_PROSE;
	for (size_t i = 0; i < r->nh2 && (!best || weak); i++) {
		const char *h = r->h2[i];
		if (words_in(h) >= 2 && ((og && contains_ci(og, h)) || (tt && contains_ci(tt, h))) &&
		    !(site && !strcasecmp(h, site)) && !site_part(tt, site, h)) {
			best = h;
			src = "h2";
			r->title_el = UINT32_MAX;
			break;
		}
	}
	if (!best && og) {
		best = og;
		src = r->title.source;
	}
	if (!best && tt) {
		best = tt;
		src = r->title_tag.source;
	}
	m->title = best && strcmp(src, "h1") && strcmp(src, "h2") ? clean_title(r, best, site) : best;
	m->title_source = src;
}

nf_status nf_extract_meta(const nf_html *h, nf_arena *a, const char *url,
                          long long now, nf_page_meta *m)
{
	reader *r = calloc(1, sizeof *r);
	if (!r)
		return NF_ENOMEM;
	r->h = h;
	r->a = a;
	r->now = now ? now : (long long)time(NULL);
	r->tmp.max = 1u << 24;
	r->title_el = UINT32_MAX;
	markup(r);
	url_date(r, url);
	url_host(url ? url : r->canon.value, r->host, sizeof r->host);
	memset(m, 0, sizeof *m);
	choose_title(r, m);
	m->title_el = r->title_el;
	m->article_body = r->body;
	if (!r->pub_rank || r->pub_rank > R_URL)
		text_date(r);
	m->site_name = r->site.value;
	m->site_source = r->site.source;
	m->description = r->desc.value;
	m->language = r->lang.value;
	m->canonical_url = r->canon.value ? r->canon.value : squeeze(a, url);
	if (r->pub_rank)
		m->published = r->pub;
	if (r->mod_rank && !(r->pub_rank && nf_date_cmp(r->mod.date, r->pub.date) < 0))
		m->modified = r->mod;
	nf_status st = NF_OK;
	if (r->nauthors) {
		m->authors = nf_arena_array(a, r->nauthors, sizeof *m->authors);
		nf_buf b = NF_BUF_INIT;
		for (size_t i = 0; m->authors && i < r->nauthors; i++) {
			m->authors[i] = r->authors[i];
			if ((i && nf_buf_puts(&b, "; ")) || nf_buf_puts(&b, r->authors[i]))
				st = NF_ENOMEM;
		}
		m->nauthors = m->authors ? r->nauthors : 0;
		m->authors_source = r->authors_source;
		m->joined_authors = b.data ? nf_arena_strndup(a, b.data, b.len) : NULL;
		nf_buf_free(&b);
	}
	/* og:locale writes de_DE */
	if (m->language && strchr(m->language, '_')) {
		char *l = nf_arena_strdup(a, m->language);
		if (l)
			*strchr(l, '_') = '-';
		m->language = l;
	}
	nf_buf_free(&r->tmp);
	free(r);
	return st;
}
