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
 *   - microdata and RDFa (itemprop / property datePublished, author,
 *     headline), hAtom's "published" and "updated", and <time> elements
 *     marked as the publication time;
 *   - the page itself: <link rel=canonical>, <html lang>, rel=author;
 *   - the URL's path: /2019/08/02/ (day) or /2019/08/ (month);
 *   - last, a date in the text: one labelled ("Erschienen am", "Updated"),
 *     a stamp in an element named for the date ("posted-on", "entry-meta")
 *     or in a short line around the headline, the lead's dateline, read
 *     in the date formats of the major web languages; weak <meta> dates
 *     (a bare "date", a site's own key) rank below it.
 *
 * The page's date (m->date) is the date its reader sees: the publication
 * date, unless the stamp the page shows is the modification's day or the
 * publication's day in the site's zone (a UTC time near midnight); the
 * modification date when there is no publication date. A day in the
 * path beats a UTC machine date a day off it and a template's date.
 *
 * The title is what the reader sees, not what the page tells search
 * engines: the heading the page's own titles (JSON-LD, OpenGraph,
 * <title>, ...) agree with, else the first <h1> the article follows (prose
 * after it); never the site's logo (its name, the host, the " | Site" part
 * of <title>) nor a heading in a menu, without its kicker; an <h2> when no
 * article follows any <h1>; else JSON-LD, OpenGraph or <title> less its
 * " | Site" part.
 *
 * Dates never lie in the future (after `now`) or before the web (1990),
 * and a path date needs the year, month and day as separate path
 * segments or a lone 8-digit segment that is a real date: a longer run of
 * digits is an article id, never a date. A modification date before the
 * publication date is dropped.
 *
 * Rejected: dates anywhere in the text (they are as often the date of an
 * event, a comment or another article as the page's own: only a stamp
 * where pages put theirs counts), converting UTC times by a country's
 * zone (the site's country is a guess; the stamp it shows is not), and
 * site lists (they do not generalise).
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

/* A visible heading, a candidate for the headline. */
typedef struct heading {
	const char *text;   /* without its kicker */
	uint32_t el;
	unsigned char level;     /* 0 <h1>, 1 <h2>, 2 <h3> */
	unsigned char linked;    /* mostly link text */
	unsigned char furniture; /* inside a menu, sidebar, ... */
	size_t prose;            /* prose that follows it (h1 only) */
} heading;

/* Titles a page gives itself besides its headings (JSON-LD headline and
 * name, og:title, twitter:title, Dublin Core, microdata, <title>). */
#define MAX_OWN 8

typedef struct reader {
	const nf_html *h;
	nf_arena *a;
	long long now;
	cand title, title_tag, site, desc, lang, canon;
	heading heads[3][MAX_HEADS];   /* visible <h1>, <h2>, <h3>, each in order */
	size_t nheads[3];
	const char *owns[MAX_OWN];     /* the page's own titles: JSON-LD, <meta>, <title> */
	unsigned char owns_tag[MAX_OWN]; /* ... which one is the <title> */
	const char *owns_clean[MAX_OWN]; /* ... without their site parts, once asked */
	const char *title_tail;          /* the <title>'s site part, once asked */
	size_t nowns;
	uint32_t title_el;             /* the chosen headline's <h1>, or UINT32_MAX */
	uint32_t head_el;              /* the chosen headline's element, any level */
	nf_page_date pub, mod;
	int pub_rank, mod_rank;
	nf_page_date seen; /* the date stamp a reader sees on the page */
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
		if ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			i++; /* a no-break space is a space */
			sp = 1;
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

/* offer() for a title, which is also kept among the page's own titles
 * whatever its rank: a heading that agrees with any of them is the
 * headline. */
static void offer_title(reader *r, cand *c, const char *v, const char *source, int rank)
{
	const char *t = squeeze(r->a, v);
	if (t && r->nowns < MAX_OWN) {
		r->owns_tag[r->nowns] = c == &r->title_tag;
		r->owns[r->nowns++] = t;
	}
	offer(r, c, t, source, rank);
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

/* Digits at p[i], one or two of them (want 1) or exactly two (want 2),
 * not followed by another digit; their count, 0 when not so. */
static size_t small_number(const char *p, size_t n, size_t i, int want, int *v)
{
	size_t k = 0;
	*v = 0;
	while (i + k < n && k < 3 && p[i + k] >= '0' && p[i + k] <= '9')
		*v = *v * 10 + (p[i + k++] - '0');
	return k == 2 || (k == 1 && want == 1) ? k : 0;
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
		/* 2019-08-02[T14:05[:00][Z|+02:00]], 2019/08/02, 2019-08; the
		 * month and day may have one digit ("2022-5-5 22:17:36") */
		d->date.y = y;
		d->precision = NF_PREC_YEAR;
		size_t lm = n > 5 ? small_number(s, n, 5, 1, &m) : 0, k = 5 + lm, ld;
		if (lm && m >= 1 && m <= 12) {
			d->date.m = m;
			d->precision = NF_PREC_MONTH;
			if (k + 1 < n && s[k] == s[4] && (ld = small_number(s, n, k + 1, 1, &dd))) {
				d->date.d = dd;
				d->precision = NF_PREC_DAY;
				k += 1 + ld;
				if (k + 1 < n && (s[k] == 'T' || s[k] == 't' || s[k] == ' '))
					parse_time(s, n, k + 1, d);
			}
		}
	} else if (digits_at(s, n, 0, 8, &y) && (n == 8 || s[8] < '0' || s[8] > '9')) {
		/* 20190802; not an id's digits ("/story/39080024/") */
		d->date = (nf_date){y / 10000, y / 100 % 100, y % 100};
		if (!d->date.m || !d->date.d)
			return 0;
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
	nf_page_date d, *cur = modified ? &r->mod : &r->pub;
	int *have = modified ? &r->mod_rank : &r->pub_rank;
	if (!v || !nf_page_date_parse(v, n, r->now, &d))
		return;
	/* a less trusted source may still make a month or a year a day: the
	 * same date, said more precisely */
	int refines = *have && d.precision >= NF_PREC_DAY && cur->precision < NF_PREC_DAY &&
	              d.date.y == cur->date.y && (cur->precision < NF_PREC_MONTH || d.date.m == cur->date.m);
	if (*have && rank > *have && !refines)
		return;
	/* the first of a rank stays, unless a later one of it is finer (a
	 * day beats a month) */
	if (*have == rank && d.precision <= cur->precision)
		return;
	if (refines && rank > *have)
		rank = *have;
	d.source = source;
	*cur = d;
	*have = rank;
}

nf_precision nf_page_url_date(const char *url, long long now, nf_page_date *d)
{
	nf_page_date month;
	int have_month = 0;
	const char *p = url ? strstr(url, "://") : NULL;
	p = p ? strchr(p + 3, '/') : url;
	size_t n = p ? strlen(p) : 0;
	char buf[16];
	for (size_t i = 1; i < n; i++) {
		if (p[i - 1] != '/' && p[i - 1] != '-' && p[i - 1] != '_')
			continue; /* a date starts a segment or a part of one */
		int y, m, dd;
		if (digits_at(p, n, i, 4, &y) && i + 4 < n &&
		    (p[i + 4] == '/' || p[i + 4] == '-' || p[i + 4] == '_')) {
			char sep = p[i + 4];
			int want = sep == '/' ? 1 : 2; /* "/2017/7/12/"; but "-2019-5-" is a name */
			size_t lm = small_number(p, n, i + 5, want, &m), k = i + 5 + lm;
			if (!lm || m < 1 || m > 12)
				continue;
			if (k < n && p[k] == sep && small_number(p, n, k + 1, want, &dd) &&
			    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd) > 0 &&
			    nf_page_date_parse(buf, 10, now, d))
				return NF_PREC_DAY;
			if (sep == '/' && !have_month && (k == n || p[k] == '/') &&
			    snprintf(buf, sizeof buf, "%04d-%02d", y, m) > 0)
				have_month = nf_page_date_parse(buf, 7, now, &month);
			continue;
		}
		if (digits_at(p, n, i, 8, &y) && (i + 8 == n || p[i + 8] < '0' || p[i + 8] > '9') &&
		    nf_page_date_parse(p + i, 8, now, d))
			return NF_PREC_DAY;
		/* 29-10-2021 */
		if (small_number(p, n, i, 2, &dd) && i + 5 < n && (p[i + 2] == '-' || p[i + 2] == '_') &&
		    small_number(p, n, i + 3, 2, &m) && p[i + 5] == p[i + 2] &&
		    digits_at(p, n, i + 6, 4, &y) && (i + 10 == n || p[i + 10] < '0' || p[i + 10] > '9') &&
		    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd) > 0 &&
		    nf_page_date_parse(buf, 10, now, d))
			return NF_PREC_DAY;
	}
	if (have_month)
		*d = month;
	return have_month ? NF_PREC_MONTH : NF_PREC_NONE;
}

/* The URL's date: the publication date when the markup gave none, a
 * day or a month. A day in the path also beats a machine date a day off
 * written in UTC (the reader's day is the path's) and one a month or
 * more off (a template's date); a machine date a few days off in the
 * site's own zone is a later publication of a draft, and stays. */
static void url_dates(reader *r, const char *url)
{
	nf_page_date d;
	nf_precision p = nf_page_url_date(url, r->now, &d);
	if (!p)
		return;
	d.source = "url";
	int rank = p == NF_PREC_DAY ? R_URL : R_TAG + 1;
	long off = p == NF_PREC_DAY && r->pub.precision >= NF_PREC_DAY ?
	           labs(nf_date_days(r->pub.date) - nf_date_days(d.date)) : 0;
	int utc = r->pub.precision == NF_PREC_MINUTE && (!r->pub.has_tz || !r->pub.tz);
	if (!r->pub_rank || rank < r->pub_rank || (off == 1 && utc) || off > NF_OTHER_DATE_DAYS) {
		r->pub = d;
		r->pub_rank = rank;
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
		if (month_names[i].name[0] == low[0] && !strcmp(low, month_names[i].name))
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

/* A date written for readers at s[i]: 14.01.2022, 14.01.22, 14/01/2022, 2022-01-14,
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
			if (lc == 2 && sep == '.') { /* 23.09.22: years of the web, 1990 to 2089 */
				c += c >= 90 ? 1900 : 2000;
				lc = 4;
			}
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

/* What the words just before a date in a page's text say it is: 1 the
 * publication ("Published on", "Erschienen am"), 2 the last change
 * ("Updated", "Letzte Änderung", "zuletzt am"), 3 the clock ("Aktuelle
 * Zeit:", "It is currently", a forum's), 0 none of these. Lower case,
 * in the languages most of the web is written in; the label ends at most
 * a few bytes before the date (" am ", " on ", ": "). */
#define LABEL_GAP 6
static int date_label(const char *s, size_t at)
{
	static const struct { const char *word; int kind; } labels[] = {
		{"published", 1}, {"posted", 1}, {"veröffentlicht", 1}, {"erschienen", 1},
		{"publié", 1}, {"publiée", 1}, {"publicado", 1}, {"publicada", 1}, {"pubblicato", 1},
		{"opublikowano", 1}, {"gepubliceerd", 1}, {"publicerad", 1}, {"publisert", 1},
		{"date", 1}, {"datum", 1}, {"fecha", 1},
		{"updated", 2}, {"modified", 2}, {"edited", 2}, {"aktualisiert", 2}, {"geändert", 2},
		{"änderung", 2}, {"zuletzt", 2}, {"mis à jour", 2}, {"modifié", 2}, {"actualizado", 2},
		{"actualización", 2}, {"aggiornato", 2}, {"zaktualizowano", 2}, {"bijgewerkt", 2},
		{"uppdaterad", 2}, {"oppdatert", 2}, {"opdateret", 2},
		{"aktuelle zeit", 3}, {"current time", 3}, {"it is currently", 3}, {"heute ist", 3},
		{"today is", 3}, {"es ist jetzt", 3}};
	char low[40];
	size_t from = at > 32 ? at - 32 : 0, n = at - from;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[from + i];
		/* ASCII and Latin-1 capitals ("Änderung") to lower case */
		int latin1_capital = i && (unsigned char)s[from + i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E &&
		                     c != 0x97;
		low[i] = (char)((c >= 'A' && c <= 'Z') || latin1_capital ? c + 32 : c);
	}
	low[n] = '\0';
	int kind = 0;
	size_t nearest = LABEL_GAP + 1;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
		size_t l = strlen(labels[k].word);
		for (const char *p = low; (p = strstr(p, labels[k].word)); p++) {
			size_t gap = n - (size_t)(p - low) - l;
			if (p > low && (((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z') ||
			                (p - low >= 2 && (unsigned char)p[-2] >= 0xC3 &&
			                 (unsigned char)p[-2] <= 0xC5)))
				continue; /* inside a word (Latin letters): "Erscheinungsdatum" is a book's */
			if (gap < nearest) {
				nearest = gap;
				kind = labels[k].kind;
			}
		}
	}
	return kind;
}

/* The dates in s[0..n) as readers see them, sorted by what the words
 * before them say (date_label()): the first labelled as the publication,
 * the first labelled as a change, and the first not labelled as a change;
 * each unset (precision NONE) when there is none. */
typedef struct reader_dates {
	nf_page_date published, modified, any;
	size_t any_at; /* where any starts in s */
} reader_dates;

static void find_reader_dates(reader *r, const char *s, size_t n, int month_first, reader_dates *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		/* a date starts with a digit or a month's name, at a word's start */
		if (!(c >= '0' && c <= '9') && !((c | 32) >= 'a' && (c | 32) <= 'z') && c < 0xC0)
			continue;
		if (i && (((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z') ||
		          (s[i - 1] >= '0' && s[i - 1] <= '9')))
			continue;
		nf_date x;
		nf_page_date d;
		char iso[48];
		if (!reader_date(s, n, i, month_first, &x))
			continue;
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", x.y, x.m, x.d);
		if (!nf_page_date_parse(iso, 10, r->now, &d))
			continue;
		int label = date_label(s, i);
		nf_page_date *slot = label == 1 ? &out->published : label == 2 ? &out->modified : NULL;
		if (slot && !slot->precision)
			*slot = d;
		if (label != 2 && label != 3 && !out->any.precision) {
			out->any = d;
			out->any_at = i;
		}
		if (out->published.precision && out->modified.precision && out->any.precision)
			return;
	}
}

/* Class or id words of the elements that hold a page's date stamp. */
static int date_holder(const xmlNode *n)
{
	static const char *const words[] = {"date", "time", "datum", "posted", "publish", "meta",
	                                    "byline", "fecha", "data", "dateline", "zeit",
	                                    "authored", "submitted", "created"};
	const char *vals[2] = {nf_html_attr(n, "class"), nf_html_attr(n, "id")};
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; vals[k] && i < sizeof words / sizeof *words; i++)
			if (contains_ci(vals[k], words[i]))
				return 1;
	return 0;
}

/* The element sits in a teaser of another article: the first ancestor
 * with a line or two of text (TEASER_CHARS) is mostly link text (a
 * linked title and its date in a list), where the page's own stamp sits
 * by a headline that links nowhere. */
#define TEASER_CHARS 60
static int in_teaser(const nf_html *h, const nf_el *e)
{
	for (int k = 0; k < 16 && e; k++) {
		if (e->text >= TEASER_CHARS)
			return e->link * 2 > e->text;
		e = e->parent == UINT32_MAX ? NULL : &h->els[e->parent];
	}
	return 0;
}

/* The element is a comment or inside one (its class or id says so, or an
 * ancestor's within a few levels): the dates there are the comments'. */
static int in_comment(const nf_html *h, const nf_el *e)
{
	for (int k = 0; k < 16 && e; k++) {
		const char *c = nf_html_attr(e->node, "class"), *id = nf_html_attr(e->node, "id");
		if ((c && contains_ci(c, "comment")) || (id && contains_ci(id, "comment")))
			return 1;
		e = e->parent == UINT32_MAX ? NULL : &h->els[e->parent];
	}
	return 0;
}

/* A dateline: the date that opens the first paragraph after the
 * headline ("Karlsruhe, (12.11.2021). ...", "01.02.2022 – Der ...",
 * "Pressemitteilung vom 25. Januar 2022 | Berlin – ...") within its
 * first DATELINE_BYTES. */
#define DATELINE_BYTES 40
static int dateline(reader *r, const nf_el *e, int month_first, nf_page_date *d)
{
	r->tmp.len = 0;
	if (nf_html_text_n(r->h, e->node, &r->tmp, DATELINE_BYTES) || !r->tmp.len)
		return 0;
	size_t n = r->tmp.len < DATELINE_BYTES ? r->tmp.len : DATELINE_BYTES;
	/* the date must start in the window; it may end past it */
	for (size_t i = 0; i < n; i++) {
		nf_date x;
		char iso[16];
		if ((i && ((r->tmp.data[i - 1] | 32) >= 'a' && (r->tmp.data[i - 1] | 32) <= 'z')) ||
		    (i && r->tmp.data[i - 1] >= '0' && r->tmp.data[i - 1] <= '9') ||
		    !reader_date(r->tmp.data, r->tmp.len, i, month_first, &x))
			continue;
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", x.y, x.m, x.d);
		return nf_page_date_parse(iso, 10, r->now, d);
	}
	return 0;
}

/* The date stamp a reader sees (r->seen), and the publication date when
 * nothing better said it: a date labelled as the publication ("Erschienen
 * am ...") anywhere; else the first in an element named for the date
 * (class "date", "posted-on", "entry-meta", ...) around the headline, then
 * elsewhere; else the first opening a short line around the headline (a
 * kicker's stamp above it, the byline's below) or the dateline of the
 * lead; else the first date of the comments (a forum's posts). Dates in
 * comments count for nothing else. A date labelled as the last change is
 * the modification date when the markup gave none. */
#define STAMP_CHARS 200    /* a stamp is a short line, not a paragraph */
#define BEFORE_HEADLINE 15 /* elements before the headline where a stamp sits */
#define LEAD_PARAGRAPHS 2  /* a standfirst, then the first paragraph: either opens
                              with the dateline */
#define STAMP_LEAD 60      /* a stamp's date comes first, or after a byline; later
                              in a line it is a sentence's ("photo of 31.05.2021") */
#define AFTER_HEADLINE 60  /* ... and after it */
static void text_date(reader *r)
{
	const nf_html *h = r->h;
	int month_first = r->lang.value && !strncasecmp(r->lang.value, "en-us", 5);
	nf_page_date d, holder = {0}, near_holder = {0}, near = {0}, labelled = {0}, in_comments = {0};
	size_t head = r->head_el == UINT32_MAX ? h->nels : r->head_el;
	size_t from = head > BEFORE_HEADLINE ? head - BEFORE_HEADLINE : 0;
	int lead_seen = 0;
	for (size_t i = 0; i < h->nels && !labelled.precision; i++) {
		const nf_el *e = &h->els[i];
		if ((e->flags & (NF_EL_JUNK | NF_EL_HIDDEN)) || !e->text)
			continue;
		int close = !near.precision && i >= from && i < head + AFTER_HEADLINE;
		if (e->text > STAMP_CHARS) {
			/* the first paragraph after the headline may open with the date */
			if (close && i > head && lead_seen < LEAD_PARAGRAPHS && e->tag == T_P) {
				lead_seen++;
				if (dateline(r, e, month_first, &d))
					near = d;
			}
			continue;
		}
		int outer = e->parent == UINT32_MAX || h->els[e->parent].text > STAMP_CHARS;
		int holds = (!holder.precision || !near_holder.precision) && date_holder(e->node);
		if (!outer && !holds && !close)
			continue;
		r->tmp.len = 0;
		if (nf_html_text(h, e->node, &r->tmp) || !r->tmp.len)
			continue;
		reader_dates found;
		find_reader_dates(r, r->tmp.data, r->tmp.len, month_first, &found);
		if ((found.modified.precision || found.published.precision || found.any.precision) &&
		    in_comment(h, e)) {
			/* a forum's posts are its comments: their first date is
			 * the page's when nothing else is */
			if (!in_comments.precision)
				in_comments = found.any;
			continue;
		}
		if (outer && !r->mod_rank && found.modified.precision) {
			r->mod = found.modified;
			r->mod.source = "text";
			r->mod_rank = R_TAG;
		}
		if (outer && found.published.precision)
			labelled = found.published;
		int teaser = found.any.precision && holds && in_teaser(h, e);
		if (holds && !teaser && !holder.precision)
			holder = found.any;
		if (holds && !teaser && close && !near_holder.precision)
			near_holder = found.any;
		if (close && !near.precision && found.any_at < STAMP_LEAD)
			near = found.any;
	}
	d = labelled.precision ? labelled : near_holder.precision ? near_holder :
	    holder.precision ? holder : near.precision ? near : in_comments;
	if (!d.precision)
		return;
	d.source = "text";
	r->seen = d;
	if (!r->pub_rank || r->pub_rank > R_URL) {
		r->pub = d;
		r->pub_rank = R_TAG;
	}
}

/* The machine date d, in UTC, and the day a reader of the page sees can
 * be the same moment in the site's zone: the stamp the day before a UTC
 * time before 08:00 (the Americas are 3 to 8 hours behind), or the day
 * after one from 21:00 (Europe and Africa are 1 to 3 hours ahead). Any
 * other day is another date (a header's "today", a later edition). */
#define WEST_BEFORE_HOUR 8
#define EAST_FROM_HOUR 21
static int zone_shift(const nf_page_date *d, const nf_page_date *seen)
{
	if (d->precision != NF_PREC_MINUTE || !d->has_tz || d->tz)
		return 0;
	long off = nf_date_days(d->date) - nf_date_days(seen->date);
	return (off == 1 && d->hour < WEST_BEFORE_HOUR) || (off == -1 && d->hour >= EAST_FROM_HOUR);
}

/* The page's date as its reader sees it: the publication date, unless
 * the stamp the page shows is its modification day (the page shows when
 * it was updated) or the publication's day in the site's zone; the
 * modification date when the page gives no publication date. */
static void page_date(const reader *r, nf_page_meta *m)
{
	const nf_page_date *pub = &m->published, *mod = &m->modified, *seen = &r->seen;
	m->date = *pub;
	m->date_of = "published";
	if (!pub->precision) {
		m->date = *mod;
		m->date_of = "modified";
	} else if (seen->precision && pub->precision >= NF_PREC_DAY && nf_date_cmp(pub->date, seen->date)) {
		if (mod->precision >= NF_PREC_DAY && !nf_date_cmp(mod->date, seen->date)) {
			m->date = *mod;
			m->date_of = "modified";
		} else if (zone_shift(pub, seen)) {
			m->date = *seen;
		}
	}
	if (!m->date.precision)
		m->date_of = NULL;
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

/* How much a JSON-LD object of this @type says about the page: 3 an
 * article (its fields beat <meta>), 2 a web page, 1 another work the page
 * is about (a product, an event, a video); 0 none of these. */
static int article_type(json_object *o)
{
	static const struct { const char *type; int rank; } types[] = {
		{"Article", 3}, {"NewsArticle", 3}, {"BlogPosting", 3}, {"Report", 3},
		{"ReportageNewsArticle", 3}, {"AnalysisNewsArticle", 3}, {"OpinionNewsArticle", 3},
		{"BackgroundNewsArticle", 3}, {"ReviewNewsArticle", 3}, {"TechArticle", 3},
		{"ScholarlyArticle", 3}, {"LiveBlogPosting", 3}, {"SocialMediaPosting", 3},
		{"DiscussionForumPosting", 3}, {"Review", 3}, {"Recipe", 3}, {"HowTo", 3},
		{"Blog", 3}, {"WebPage", 2}, {"ItemPage", 2}, {"MedicalWebPage", 2}, {"AboutPage", 2},
		{"Event", 2}, {"Product", 1}, {"VideoObject", 1}, {"AudioObject", 1},
		{"PodcastEpisode", 1}, {"CreativeWork", 1}};
	json_object *t;
	if (!json_object_object_get_ex(o, "@type", &t) || !t)
		return 0;
	size_t nt = json_object_is_type(t, json_type_array) ? json_object_array_length(t) : 1;
	int best = 0;
	for (size_t i = 0; i < nt; i++) {
		json_object *x = json_object_is_type(t, json_type_array) ? json_object_array_get_idx(t, i) : t;
		const char *s = x && json_object_is_type(x, json_type_string) ? json_object_get_string(x) : NULL;
		for (size_t k = 0; s && k < sizeof types / sizeof *types; k++)
			if (!strcmp(s, types[k].type) && types[k].rank > best)
				best = types[k].rank;
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
	offer_title(r, &r->title, jstr(o, "headline"), "json-ld:headline", rank);
	if (kind >= 2)
		offer_title(r, &r->title, jstr(o, "name"), "json-ld:name", rank + 1);
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
	else if ((v = jstr(o, "uploadDate")))
		offer_date(r, 0, v, strlen(v), "json-ld:uploadDate", rank + 1);
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

/* A <meta> date under a key of the site's own ("cXenseParse:publishtime",
 * "publication_date", "shareaholic:article_modified_time"): a key that
 * names publication or a change, below the keys everyone uses and below
 * a date the reader sees (such keys are as often a re-index time). */
static void meta_date_key(reader *r, const char *key, const char *content)
{
	char low[64], src[72];
	size_t n = strlen(key);
	if (n >= sizeof low)
		return;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)(key[i] >= 'A' && key[i] <= 'Z' ? key[i] + 32 : key[i]);
	int pub = (strstr(low, "publish") || strstr(low, "pubdate") || strstr(low, "publication")) &&
	          !strstr(low, "publisher");
	int mod = strstr(low, "modified") || strstr(low, "update");
	if (!pub && !mod)
		return;
	snprintf(src, sizeof src, "meta:%s", low);
	const char *source = nf_arena_strdup(r->a, src);
	if (source)
		offer_date(r, mod, content, strlen(content), source, R_TAG + 1);
}

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
		int known = 0;
		for (size_t i = 0; i < sizeof meta_keys / sizeof *meta_keys; i++) {
			const meta_key *m = &meta_keys[i];
			if (strcasecmp(keys[k], m->key))
				continue;
			known = 1;
			/* earlier keys in the table are trusted more */
			int rank = k == 2 ? R_MICRO : R_META;
			/* a bare "date" (plain or Dublin Core's) is as often the
			 * day the page was generated or last saved: below the
			 * stamp the reader sees */
			if (m->field == F_PUB && (!strcmp(m->key, "date") || !strcmp(m->key, "dc.date") ||
			                          !strcmp(m->key, "dcterms.date")))
				rank = R_TAG + 1;
			switch (m->field) {
			case F_TITLE: offer_title(r, &r->title, content, m->source, rank); break;
			case F_SITE: offer(r, &r->site, content, m->source, rank); break;
			case F_DESC: offer(r, &r->desc, content, m->source, rank); break;
			case F_AUTHOR: offer_authors(r, content, m->source, rank + 1); break;
			case F_PUB: offer_date(r, 0, content, strlen(content), m->source, rank); break;
			case F_MOD: offer_date(r, 1, content, strlen(content), m->source, rank); break;
			case F_LANG: offer(r, &r->lang, content, m->source, rank); break;
			case F_CANON: offer(r, &r->canon, content, m->source, rank + 1); break;
			}
		}
		if (!known && k < 3)
			meta_date_key(r, keys[k], content);
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
		/* <h1><small>Kicker</small> Headline</h1> */
		skip |= e && e->tag == T_SMALL;
		for (size_t k = 0; cls && !skip && k < sizeof kickers / sizeof *kickers; k++)
			skip = contains_ci(cls, kickers[k]);
		if (skip) {
			/* a kicker is a part of its own; junk inside a word is not a
			 * break (ruby readings: 子<rt>こ</rt>ども) */
			space |= !(e->flags & NF_EL_JUNK);
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

/* Characters of prose between heading i and the next <h1> (or stop): the headline
 * of an article has the article after it, a logo or a menu heading has
 * links. Looks at most PROSE_WINDOW elements ahead. */
#define PROSE_WINDOW 3000
/* Prose that says an article follows a heading: a couple of paragraphs. */
#define HEADLINE_PROSE 300
static size_t prose_after(const nf_html *h, size_t i, size_t stop)
{
	size_t total = 0;
	for (size_t j = i + 1; j < h->nels && j < stop && j < i + PROSE_WINDOW; j++) {
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

/* The date an element gives machines: its content, datetime or title
 * attribute (<abbr class="published" title="2017-09-09T10:52">), else its
 * text. */
static const char *machine_date(reader *r, const xmlNode *n)
{
	const char *v = nf_html_attr(n, "content");
	if (!v)
		v = nf_html_attr(n, "datetime");
	if (!v)
		v = nf_html_attr(n, "title");
	return v ? v : text_of(r, n, 200);
}

/* Dates in the markup of an element other than <meta> and <time>:
 * microdata (itemprop) and RDFa (property, "schema:" or not) publication,
 * creation and modification dates, and the hAtom microformat's
 * "published" and "updated" classes with the date in an attribute. */
static void markup_dates(reader *r, const nf_el *e)
{
	const xmlNode *n = e->node;
	const char *props[2] = {nf_html_attr(n, "itemprop"), nf_html_attr(n, "property")};
	for (int k = 0; k < 2; k++) {
		const char *v = props[k], *t;
		if (!v)
			continue;
		if (!strncasecmp(v, "schema:", 7))
			v += 7;
		int pub = !strcasecmp(v, "datePublished"), created = !strcasecmp(v, "dateCreated");
		int mod = !strcasecmp(v, "dateModified");
		if ((pub || created || mod) && (t = machine_date(r, n)))
			offer_date(r, mod, t, strlen(t),
			           pub ? "microdata:datePublished" : created ? "microdata:dateCreated" :
			                 "microdata:dateModified", created ? R_MICRO + 1 : R_MICRO);
	}
	const char *c = nf_html_attr(n, "class"), *t;
	if (!c || !(t = nf_html_attr(n, "title") ? nf_html_attr(n, "title") : nf_html_attr(n, "datetime")))
		return;
	if (class_has(n, "published"))
		offer_date(r, 0, t, strlen(t), "microformat:published", R_MICRO);
	else if (class_has(n, "updated"))
		offer_date(r, 1, t, strlen(t), "microformat:updated", R_MICRO);
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
				offer_title(r, &r->title_tag, text_of(r, n, 2000), "title", R_TAG);
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
		case T_H2:
		case T_H3: {
			const char *t;
			size_t lv = (size_t)(e->tag - T_H1);
			if ((e->flags & (NF_EL_JUNK | NF_EL_HIDDEN)) || r->nheads[lv] == MAX_HEADS ||
			    !(t = heading_text(r, n)))
				break;
			heading *hd = &r->heads[lv][r->nheads[lv]++];
			hd->text = t;
			hd->el = (uint32_t)i;
			hd->level = (unsigned char)lv;
			hd->linked = e->link * 2 > e->text;
			hd->furniture = (unsigned char)in_furniture(h, e);
			hd->prose = lv == 0 ? prose_after(h, i, h->nels) : 0;
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
		if (e->tag != T_META && e->tag != T_TIME)
			markup_dates(r, e);
		if (e->tag != T_META && (v = nf_html_attr(n, "itemprop"))) {
			if (!strcasecmp(v, "headline")) {
				offer_title(r, &r->title, text_of(r, n, 2000), "microdata:headline", R_MICRO);
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
	static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " // ", " » ", " « ", " : "};
	size_t best = n;
	for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
		size_t sl = strlen(seps[k]);
		for (size_t i = n; i-- > 0;) {
			if (strncmp(t + i, seps[k], sl))
				continue;
			size_t tail = n - i - sl;
			/* a site name is the site, or short: under two thirds of the
			 * headline before it ("Stammtisch – Piratenwiki"; a second
			 * clause of the headline is as long as the first) */
			if ((site && !strncasecmp(t + i + sl, site, strlen(site))) ||
			    (tail * 3 < i * 2 && tail <= 40)) {
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

/* The page's own title i without its " | Site" part, computed once (the
 * site is the same for every call). */
static const char *own_clean(reader *r, size_t i, const char *site)
{
	if (!r->owns_clean[i])
		r->owns_clean[i] = clean_title(r, r->owns[i], site);
	return r->owns_clean[i];
}

/* s past the separators between a title's parts: white space, - | : /
 * and the dashes, bullets and guillemets. */
static const char *skip_separators(const char *s)
{
	static const char *const marks[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2",
	                                    "\xC2\xB7", "\xC2\xBB", "\xC2\xAB"};
	for (;;) {
		if (*s == ' ' || *s == '-' || *s == '|' || *s == ':' || *s == '/') {
			s++;
			continue;
		}
		size_t i = 0;
		while (i < sizeof marks / sizeof *marks && strncmp(s, marks[i], strlen(marks[i])))
			i++;
		if (i == sizeof marks / sizeof *marks)
			return s;
		s += strlen(marks[i]);
	}
}

/* s is the <title>'s " | Site" part: what strip_site() cuts off. */
static int site_part(reader *r, const char *site, const char *s)
{
	const char *t = r->title_tag.value;
	if (!t)
		return 0;
	if (!r->title_tail) {
		const char *tail = t + strip_site(t, site);
		r->title_tail = skip_separators(tail);
	}
	return *r->title_tail && !strcasecmp(r->title_tail, s);
}

static int contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	char first = (char)(needle[0] >= 'A' && needle[0] <= 'Z' ? needle[0] + 32 : needle[0]);
	for (; hay && *hay; hay++) /* the first letter before a call: most places fail there */
		if ((*hay == first || (*hay >= 'A' && *hay <= 'Z' && *hay + 32 == first)) &&
		    !strncasecmp(hay, needle, n))
			return 1;
	return !n;
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

/* The heading is the site's logo: its name, the " | Site" part of the
 * title, the host, or a short link home. */
static int logo(reader *r, const heading *hd, const char *site)
{
	const char *h = hd->text;
	return (site && contains_ci(site, h)) || site_part(r, site, h) ||
	       (hd->linked && words_in(h) <= 3) || in_host(r->host, h);
}

/* The <h1> to take as the headline among those in furniture or not: the
 * first one the article follows; failing that, the one with the most
 * prose after it. Never the site's logo (its name, the " | Site" part of
 * the title, a short link home). -1 when none. */
static int pick_h1(reader *r, int furniture, const char *site)
{
	int best = -1;
	size_t most = 0;
	for (size_t i = 0; i < r->nheads[0] && most < HEADLINE_PROSE; i++) {
		const heading *hd = &r->heads[0][i];
		if (hd->furniture != furniture || logo(r, hd, site))
			continue;
		if (best < 0 || hd->prose > most) {
			best = (int)i;
			most = hd->prose;
		}
	}
	return best;
}

/* Characters at the ends of a title that do not make it another one:
 * white space and the separators a kicker or site leaves; with quotes,
 * quotation marks too (for comparing; a headline keeps them). */
static int title_edge(const char *s, int quotes, size_t *k)
{
	static const char *const marks[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7",
	                                    "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E",
	                                    "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB"};
	unsigned char c = (unsigned char)*s;
	*k = 1;
	if (c == ' ' || c == '-' || c == '|' || c == ':' || c == '/' ||
	    (quotes && (c == '"' || c == '\'')))
		return 1;
	for (size_t i = 0; i < (quotes ? 10u : 3u); i++)
		if (!strncmp(s, marks[i], (*k = strlen(marks[i]))))
			return 1;
	return 0;
}

/* s[0..*n) without title_edge() characters at either end; returns the start. */
static const char *title_core(const char *s, int quotes, size_t *n)
{
	size_t k;
	while (*n && title_edge(s, quotes, &k) && k <= *n) {
		s += k;
		*n -= k;
	}
	for (int cut = 1; cut && *n;) {
		cut = 0;
		for (size_t back = 1; back <= 3 && back <= *n; back++)
			if (title_edge(s + *n - back, quotes, &k) && k == back) {
				*n -= back;
				cut = 1;
				break;
			}
	}
	return s;
}

/* The next character of s that counts when comparing titles: letters
 * and digits, ASCII folded to lower case; white space, ASCII punctuation
 * and the common dashes and quotation marks are skipped (a heading split
 * into elements loses its separators). 0 at the end. */
static unsigned next_key(const char **s)
{
	static const char *const marks[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7",
	                                    "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E",
	                                    "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB",
	                                    "\xE2\x80\xA6", "\xC2\xA0"};
	for (;;) {
		unsigned char c = (unsigned char)**s;
		if (!c)
			return 0;
		if (c < 0x80 && !((c | 32) >= 'a' && (c | 32) <= 'z') && !(c >= '0' && c <= '9')) {
			(*s)++;
			continue;
		}
		int mark = 0;
		for (size_t i = 0; i < sizeof marks / sizeof *marks && !mark; i++)
			if (!strncmp(*s, marks[i], strlen(marks[i]))) {
				*s += strlen(marks[i]);
				mark = 1;
			}
		if (mark)
			continue;
		(*s)++;
		return c >= 'A' && c <= 'Z' ? c + 32u : c;
	}
}

/* a and b are the same title: the same letters and digits (see next_key()). */
static int same_title(const char *a, const char *b)
{
	unsigned x, y;
	int any = 0;
	do {
		x = next_key(&a);
		y = next_key(&b);
		any |= x != 0;
	} while (x && x == y);
	return any && x == y;
}

/* The part of a title after its headline, s, names the site (" |
 * Umweltbundesamt" on umweltbundesamt.de). */
static int names_site(const reader *r, const char *s, const char *site)
{
	s = skip_separators(s);
	return *s && ((site && contains_ci(s, site)) || in_host(r->host, s));
}

/* Separators of a title's parts in s: " - ", " | ", ": ", dashes. */
static size_t separators(const char *s)
{
	static const char *const seps[] = {" - ", " | ", ": ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
	                                    " / ", " \xC2\xB7 "};
	size_t n = 0;
	for (size_t i = 0; i < sizeof seps / sizeof *seps; i++)
		for (const char *p = s; (p = strstr(p, seps[i])); p++)
			n++;
	return n;
}

/* The page's own title that the heading h is, whole or without its
 * " | Site" part (the part that matched), or NULL. A <title> counts only
 * without its site part. */
static const char *own_title(reader *r, const char *h, const char *site)
{
	for (size_t i = 0; i < r->nowns; i++) {
		const char *t = r->owns[i], *c = own_clean(r, i, site);
		if (c && same_title(h, c))
			return c;
		if (!r->owns_tag[i] && same_title(h, t))
			return c && names_site(r, t + strlen(c), site) ? c : t;
	}
	return NULL;
}

/* The heading as the page spells it: its own title when the heading
 * lost the separators of its parts (an <h1> split into elements) or
 * carries the site's name; else its text, quotation marks and all. */
static const char *spelled(reader *r, const heading *hd, const char *site)
{
	const char *own = own_title(r, hd->text, site);
	return own && separators(own) != separators(hd->text) ? own : hd->text;
}

/* The heading h is one of the parts of the title t ("Kicker | Headline
 * - Site"): a part of two words or more between separators of one kind. */
static int title_part(const char *h, const char *t)
{
	static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": ", " : ",
	                                    " // ", " \xC2\xBB ", " \xC2\xAB "};
	size_t hn = strlen(h);
	if (words_in(h) < 2)
		return 0;
	for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
		size_t sl = strlen(seps[k]);
		if (!strstr(t, seps[k]))
			continue;
		for (const char *p = t; *p;) {
			const char *e = strstr(p, seps[k]);
			size_t n = e ? (size_t)(e - p) : strlen(p);
			if (n == hn && !strncasecmp(p, h, n))
				return 1;
			p = e ? e + sl : p + n;
		}
	}
	return 0;
}

/* How much the page's own titles agree with the heading h: two for each
 * it is (whole, or without its site part), one for each it is a part of. */
static size_t agreements(reader *r, const char *h, const char *site)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nowns; i++) {
		const char *t = r->owns[i], *c = own_clean(r, i, site);
		if ((c && same_title(h, c)) || (!r->owns_tag[i] && same_title(h, t)))
			n += 2;
		else if (title_part(h, t))
			n++;
	}
	return n;
}

/* The heading holds one of the page's own titles with a kicker, subtitle
 * or date ("<span>Tunisia</span> Big tasks for the new government"):
 * that title when it is the heading's own text without its child
 * elements, or ends the heading, or is the text of one child of it;
 * else NULL. */
static const char *unkicked(reader *r, const heading *hd, const char *site)
{
	const xmlNode *n = r->h->els[hd->el].node;
	nf_buf *b = &r->tmp;
	b->len = 0;
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content && nf_buf_puts(b, (const char *)c->content))
			return NULL;
	const char *own = b->len ? own_title(r, nf_arena_strndup(r->a, b->data, b->len), site) : NULL;
	size_t hn = strlen(hd->text);
	for (size_t i = 0; i < r->nowns && !own; i++) {
		const char *t = own_clean(r, i, site);
		size_t tn = t ? strlen(t) : 0;
		if (tn >= 10 && tn < hn && !strcasecmp(hd->text + hn - tn, t))
			own = t; /* the title ends the heading: what precedes is a kicker */
	}
	for (const xmlNode *c = n->children; c && !own; c = c->next) {
		const nf_el *e = nf_html_el(r->h, c);
		const char *t = e && !(e->flags & (NF_EL_JUNK | NF_EL_HIDDEN)) ? text_of(r, c, 2000) : NULL;
		own = t ? own_title(r, t, site) : NULL;
	}
	/* a kicker's removal leaves less than the heading */
	return own && strlen(own) < strlen(hd->text) && !same_title(own, hd->text) ? own : NULL;
}

/* The next word of s (letters and digits, ASCII or not) at *s, its
 * length in *n; NULL at the end. */
static const char *next_word(const char **s, size_t *n)
{
	const unsigned char *p = (const unsigned char *)*s;
	while (*p && *p < 0x80 && !(((*p | 32) >= 'a' && (*p | 32) <= 'z') || (*p >= '0' && *p <= '9')))
		p++;
	const unsigned char *w = p;
	while (*p && (*p >= 0x80 || ((*p | 32) >= 'a' && (*p | 32) <= 'z') || (*p >= '0' && *p <= '9')))
		p++;
	*n = (size_t)(p - w);
	*s = (const char *)p;
	return *n ? (const char *)w : NULL;
}

/* How many words of a are words of b (ASCII case aside). */
static size_t word_overlap(const char *a, const char *b)
{
	size_t shared = 0, n, m;
	for (const char *w; (w = next_word(&a, &n));) {
		const char *q = b;
		for (const char *v; (v = next_word(&q, &m));)
			if (m == n && !strncasecmp(v, w, n)) {
				shared++;
				break;
			}
	}
	return shared;
}

/* How much the page's own titles agree with the heading, and the text to
 * take from it: as spelled(), or without its kicker when more of them
 * agree with that. */
static size_t heading_agreement(reader *r, const heading *hd, const char *site,
                                const char **text)
{
	size_t n = agreements(r, hd->text, site), un;
	*text = spelled(r, hd, site);
	const char *u = unkicked(r, hd, site);
	if (u && (un = agreements(r, u, site)) > n) {
		n = un;
		*text = u;
	}
	return n;
}

/* The heading most of the page's own titles agree with, <h1> before <h2>
 * before <h3> and earlier before later among equals, never the logo;
 * NULL when none agrees. When the <h1> h1 is a wording of the page's
 * title (half its words), a lower heading after the article under it is
 * a teaser of the same story in a list, not the headline. */
static const heading *agreeing_heading(reader *r, const char *site,
                                       const heading *h1, size_t *count, const char **text)
{
	const heading *best = NULL;
	*count = 0;
	int variant = h1 && r->title.value &&
	              word_overlap(r->title.value, h1->text) * 2 >= word_overlap(r->title.value, r->title.value);
	/* headings in furniture (a "screen-reader-text" copy of the <title>)
	 * only when no other agrees */
	for (int furniture = 0; furniture < 2 && !best; furniture++)
	for (int lv = 0; lv < 3; lv++)
		for (size_t i = 0; i < r->nheads[lv]; i++) {
			const heading *hd = &r->heads[lv][i];
			if (hd->furniture != furniture || logo(r, hd, site) ||
			    (lv && variant && hd->el > h1->el &&
			     prose_after(r->h, h1->el, hd->el) >= HEADLINE_PROSE))
				continue;
			const char *t;
			size_t n = heading_agreement(r, hd, site, &t);
			if (n > *count) {
				best = hd;
				*count = n;
				*text = t;
			}
		}
	return best;
}

/* A title without the date stamp that opens it ("23.01.2022 - Wierer
 * wins"): the date is the page's, not its headline. */
static const char *undated(const char *t)
{
	nf_date x;
	if (!t || !reader_date(t, strlen(t), 0, 0, &x))
		return t;
	const char *p = t;
	while ((*p >= '0' && *p <= '9') || *p == '.' || *p == '/' || *p == '-')
		p++;
	const char *rest = skip_separators(p);
	/* a separator after the date ("23.01.2022 - ", "23.01.2022: "), and a
	 * headline after that */
	int sep = *p == '|' || *p == ':' || (*p == ' ' && (p[1] == '-' || p[1] == '|' || p[1] == ':'));
	return sep && strlen(rest) >= 10 ? rest : t;
}

/* A title from the metadata still has its heading on the page (of any
 * level, an <h4> too), where the date stamp is looked for: the first
 * heading that is the title, among the first MAX_HEADINGS; UINT32_MAX
 * when none is. */
#define MAX_HEADINGS 64
static uint32_t heading_of(reader *r, const char *title)
{
	const nf_html *h = r->h;
	for (size_t i = 0, seen = 0; i < h->nels && seen < MAX_HEADINGS; i++) {
		const nf_el *e = &h->els[i];
		if (!(e->flags & NF_EL_HEADING) || (e->flags & (NF_EL_JUNK | NF_EL_HIDDEN)))
			continue;
		seen++;
		const char *t = text_of(r, e->node, 2000);
		if (t && same_title(t, title))
			return (uint32_t)i;
	}
	return UINT32_MAX;
}

/* The headline is what the reader sees: the first <h1> that is not the
 * site's logo (the site's name, or a short link home), unless the page's
 * own titles agree more with another heading; else an <h2> the page's
 * titles agree with; else the JSON-LD or OpenGraph headline, else the
 * <title>, without its " | Site" part. Never opened by a date stamp. */
static void choose_title(reader *r, nf_page_meta *m)
{
	static const char *const levels[] = {"h1", "h2", "h3"};
	const char *site = r->site.value, *tt = r->title_tag.value, *og = r->title.value;
	const char *best = NULL, *src = NULL;
	/* headings in furniture only when there is no other */
	int k = pick_h1(r, 0, site);
	if (k < 0)
		k = pick_h1(r, 1, site);
	const heading *h1 = k >= 0 ? &r->heads[0][k] : NULL;
	/* the page names its headline: a heading that is its own title beats
	 * an <h1> that is none of them (a section's, a widget's), and the one
	 * most of its titles agree with beats one fewer do */
	const char *h1_text = NULL, *agree_text = NULL;
	size_t h1_agreed = h1 ? heading_agreement(r, h1, site, &h1_text) : 0, agreed;
	const heading *agree = agreeing_heading(r, site, h1, &agreed, &agree_text);
	const heading *chosen = agree && agreed > h1_agreed ? agree : h1;
	if (chosen) {
		best = chosen == agree ? agree_text : h1_text;
		src = levels[chosen->level];
		r->title_el = chosen->level == 0 ? chosen->el : UINT32_MAX;
		r->head_el = chosen->el;
	}
	/* an <h1> no article follows loses to an <h2> the titles agree with */
	int weak = chosen == h1 && h1 && h1->prose < HEADLINE_PROSE;
	for (size_t i = 0; i < r->nheads[1] && (!best || weak); i++) {
		const char *h = r->heads[1][i].text;
		if (words_in(h) >= 2 && ((og && contains_ci(og, h)) || (tt && contains_ci(tt, h))) &&
		    !(site && !strcasecmp(h, site)) && !site_part(r, site, h)) {
			best = h;
			src = "h2";
			r->title_el = UINT32_MAX;
			r->head_el = r->heads[1][i].el;
			break;
		}
	}
	int from_heading = best != NULL;
	if (!best && og) {
		best = og;
		src = r->title.source;
	}
	if (!best && tt) {
		best = tt;
		src = r->title_tag.source;
	}
	if (best && from_heading) {
		size_t n = strlen(best);
		const char *core = title_core(best, 0, &n); /* a kicker's separator left behind */
		best = n ? nf_arena_strndup(r->a, core, n) : best;
	}
	m->title = undated(best && !from_heading ? clean_title(r, best, site) : best);
	m->title_source = src;
	if (m->title && r->head_el == UINT32_MAX)
		r->head_el = heading_of(r, m->title);
}

/* A site name that holds the page's own title ("Levee breaks - Valley
 * Gazette" as og:site_name, from a misconfigured template) is the part
 * after the title, or none. */
static void site_name(reader *r)
{
	const char *site = r->site.value, *t = r->title.value, *p;
	size_t n = t ? strlen(t) : 0;
	if (!site || n < 10 || !(p = strstr(site, t)))
		return;
	p = skip_separators(p + n);
	r->site.value = *p ? p : NULL;
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
	r->title_el = r->head_el = UINT32_MAX;
	markup(r);
	url_host(url ? url : r->canon.value, r->host, sizeof r->host);
	url_dates(r, url ? url : r->canon.value);
	memset(m, 0, sizeof *m);
	site_name(r);
	choose_title(r, m);
	m->title_el = r->title_el;
	m->article_body = r->body;
	/* the stamp a reader sees: the publication date when the markup gave
	 * none, and what settles the page's date when a modification day or a
	 * UTC time leaves it undecided (see page_date()) */
	if (!r->pub_rank || r->pub_rank > R_URL ||
	    (r->pub.precision == NF_PREC_MINUTE && r->pub.has_tz && !r->pub.tz) ||
	    (r->mod_rank && nf_date_cmp(r->mod.date, r->pub.date)))
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
	page_date(r, m);
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
