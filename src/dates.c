/*
 * dates.c - calendar arithmetic and absolute date expressions, and the
 * estimation of publication dates for articles that do not state one.
 *
 * Calendar maths uses the days-from-civil algorithm (Howard Hinnant's
 * public-domain formulation of the proleptic Gregorian calendar), which is
 * exact for every year we can meet and needs no tables or libc time zone.
 */
#include "dates.h"

#include <string.h>
#include <strings.h>

#include "stages.h"

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

int nf_date_valid(nf_date d)
{
	return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
	       d.d <= days_in_month(d.y, d.m);
}

long nf_date_days(nf_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

nf_date nf_date_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	nf_date d;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(yoe + era * 400 + (d.m <= 2));
	return d;
}

int nf_date_weekday(nf_date d)
{
	long z = nf_date_days(d); /* 1970-01-01 was a Thursday */
	return (int)(((z % 7) + 11) % 7);
}

int nf_date_cmp(nf_date a, nf_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

void nf_date_format(nf_date d, char buf[11])
{
	buf[0] = '\0';
	if (d.y < 1 || d.y > 9999)
		return;
	int y = d.y, m = d.m, dd = d.d;
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '\0';
	if (m < 1 || m > 12)
		return;
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '\0';
	if (dd < 1 || dd > 31)
		return;
	buf[7] = '-';
	buf[8] = (char)('0' + dd / 10);
	buf[9] = (char)('0' + dd % 10);
	buf[10] = '\0';
}

static int digits(const char *s, size_t len, size_t n, int *out)
{
	if (len < n)
		return 0;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

int nf_date_parse_iso(const char *s, size_t len, nf_date *out)
{
	nf_date d = {0, 0, 0};
	if (!digits(s, len, 4, &d.y) || len < 10 || s[4] != '-' || s[7] != '-' ||
	    !digits(s + 5, 2, 2, &d.m) || !digits(s + 8, 2, 2, &d.d))
		return 0;
	if (len > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't')
		return 0;
	if (!nf_date_valid(d))
		return 0;
	*out = d;
	return 1;
}

static int lower_eq(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w);
	if (len != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[i])
			return 0;
	}
	return 1;
}

static const char *const month_names[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"};
static const char *const weekday_names[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday"};

/* s[0..len) equals the first len letters of the lower-case word w. */
static int prefix_eq(const char *s, size_t len, const char *w)
{
	return len <= strlen(w) && !strncasecmp(s, w, len);
}

/* The full name, or its first three letters ("Sept" too), with or without
 * a final period. */
static int name_match(const char *s, size_t len, const char *full)
{
	if (len && s[len - 1] == '.')
		len--;
	if (lower_eq(s, len, full))
		return 1;
	if (len == 3 || (len == 4 && !strcmp(full, "september")))
		return prefix_eq(s, len, full);
	return 0;
}

int nf_month_from_name(const char *s, size_t len)
{
	for (int i = 0; i < 12; i++)
		if (name_match(s, len, month_names[i]))
			return i + 1;
	return 0;
}

int nf_weekday_from_name(const char *s, size_t len)
{
	for (int i = 0; i < 7; i++)
		if (name_match(s, len, weekday_names[i]))
			return i;
	return -1;
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A word of letters (and a trailing period) at s. */
static size_t word_len(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && is_alpha(s[i]))
		i++;
	if (i && i < len && s[i] == '.')
		i++;
	return i;
}

/* 1-2 digits optionally followed by st/nd/rd/th; not followed by a digit. */
static size_t day_len(const char *s, size_t len, int *day)
{
	size_t i = 0;
	int v = 0;
	while (i < len && i < 2 && is_digit(s[i]))
		v = v * 10 + (s[i++] - '0');
	if (!i || (i < len && is_digit(s[i])))
		return 0;
	if (i + 1 < len && (lower_eq(s + i, 2, "st") || lower_eq(s + i, 2, "nd") ||
	                    lower_eq(s + i, 2, "rd") || lower_eq(s + i, 2, "th")) &&
	    (i + 2 == len || !is_alpha(s[i + 2])))
		i += 2;
	if (v < 1 || v > 31)
		return 0;
	*day = v;
	return i;
}

/* ", 2022" or " 2022" with a plausible news year. */
static size_t year_len(const char *s, size_t len, int *year)
{
	size_t i = 0;
	if (i < len && s[i] == ',')
		i++;
	while (i < len && s[i] == ' ')
		i++;
	int y;
	if (!digits(s + i, len - i, 4, &y) || (i + 4 < len && is_digit(s[i + 4])))
		return 0;
	if (y < 1800 || y > 2200)
		return 0;
	*year = y;
	return i + 4;
}

size_t nf_date_scan(const char *s, size_t len, nf_date *out)
{
	nf_date d = {0, 0, 0};
	if (nf_date_parse_iso(s, len < 10 ? len : 10, &d) && (len == 10 || !is_digit(s[10]))) {
		*out = d;
		return 10;
	}
	size_t w = word_len(s, len);
	int m = w ? nf_month_from_name(s, w) : 0;
	if (m) { /* January 9[, 2022] */
		size_t i = w;
		if (i >= len || s[i] != ' ')
			return 0;
		i++;
		size_t dl = day_len(s + i, len - i, &d.d);
		if (!dl)
			return 0;
		i += dl;
		d.m = m;
		size_t yl = year_len(s + i, len - i, &d.y);
		i += yl;
		if (d.y && !nf_date_valid(d))
			return 0;
		*out = d;
		return i;
	}
	size_t dl = day_len(s, len, &d.d); /* 9 January[ 2022] */
	if (!dl || dl >= len || s[dl] != ' ')
		return 0;
	size_t i = dl + 1;
	if (i + 3 < len && lower_eq(s + i, 3, "of "))
		i += 3;
	w = word_len(s + i, len - i);
	m = w ? nf_month_from_name(s + i, w) : 0;
	if (!m)
		return 0;
	i += w;
	d.m = m;
	i += year_len(s + i, len - i, &d.y);
	if (d.y && !nf_date_valid(d))
		return 0;
	*out = d;
	return i;
}

/* STUB: publication-date estimation, to be written by the dates stage. */
nf_status nf_dates_estimate(nf_corpus *c)
{
	(void)c;
	return NF_OK;
}
