/*
 * dates.c - calendar arithmetic and absolute date expressions, and the
 * estimation of publication dates for articles that do not state one.
 *
 * Calendar maths uses the days-from-civil algorithm (Howard Hinnant's
 * public-domain formulation of the proleptic Gregorian calendar), which is
 * exact for every year we can meet and needs no tables or libc time zone.
 *
 * Date expressions in a sentence (nf_date_find) are read from its tokens:
 * absolute dates, weekdays and relative days resolved against the
 * article's publication date, the most precise one winning. A date without
 * a year takes the nearest one, or the one before when a past verb's date
 * would lie weeks ahead of the report ("died on Jan. 7" in August), or the
 * one "last year" or "next year" says. Each distinct word of the lexicon
 * is classified once (nf_date_words) so that a token costs a table
 * look-up; a regex-like pass over the bytes was rejected as slower and
 * blind to the sentence's tokens.
 *
 * Estimation (nf_dates_estimate): dates without a year take the year that
 * puts them closest to the median of every dated thing in the corpus;
 * articles with no date, or only a caption's (a photo precedes the story),
 * take the reliable date of their copy group, else the median of the
 * reliable publication dates (else the latest known date), never earlier
 * than the latest date they mention themselves, and moved later in the
 * week when all the weekdays they name would otherwise be 5+ days old.
 * A corpus without any date gets none: nothing is invented.
 */
#include "dates.h"

#include <stdlib.h>
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

int nf_month_maybe(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && k < 10 && is_alpha(s[k]))
		k++;
	if (k < 3 || k > 9) /* "Jan" to "September" */
		return 0;
	for (int i = 0; i < 12; i++)
		if ((s[0] | 0x20) == month_names[i][0] && (s[1] | 0x20) == month_names[i][1])
			return 1;
	return 0;
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

/* "10.03.2025" (day first: the dotted form is European), and "10/03/2025"
 * or "3/10/2025" only where one field cannot be a month; a slashed date
 * whose order cannot be told is not a date. */
static size_t numeric_date(const char *s, size_t len, nf_date *out)
{
	int a, b, y;
	size_t i = 0;
	size_t al = 0, bl = 0;
	while (al < 2 && i + al < len && is_digit(s[i + al]))
		al++;
	if (!al || !digits(s, len, al, &a) || al >= len || (s[al] != '.' && s[al] != '/'))
		return 0;
	char sep = s[al];
	i = al + 1;
	while (bl < 2 && i + bl < len && is_digit(s[i + bl]))
		bl++;
	if (!bl || !digits(s + i, len - i, bl, &b) || i + bl >= len || s[i + bl] != sep)
		return 0;
	i += bl + 1;
	if (!digits(s + i, len - i, 4, &y) || (i + 4 < len && is_digit(s[i + 4])))
		return 0;
	i += 4;
	nf_date d = {y, b, a};
	if (sep == '/') {
		if (a > 12 && b <= 12)
			d = (nf_date){y, b, a};
		else if (b > 12 && a <= 12)
			d = (nf_date){y, a, b};
		else
			return 0;
	}
	if (y < 1800 || y > 2200 || !nf_date_valid(d))
		return 0;
	*out = d;
	return i;
}

size_t nf_date_scan(const char *s, size_t len, nf_date *out)
{
	nf_date d = {0, 0, 0};
	if (nf_date_parse_iso(s, len < 10 ? len : 10, &d) && (len == 10 || !is_digit(s[10]))) {
		*out = d;
		return 10;
	}
	size_t nl = numeric_date(s, len, &d);
	if (nl) {
		*out = d;
		return nl;
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

nf_date nf_date_add(nf_date d, long n)
{
	return nf_date_from_days(nf_date_days(d) + n);
}

nf_date nf_date_complete(nf_date md, nf_date ref)
{
	nf_date best = {0, 0, 0};
	long bestdist = 0;
	for (int y = ref.y - 1; y <= ref.y + 1; y++) {
		nf_date t = {y, md.m, md.d};
		if (!nf_date_valid(t))
			continue; /* February 29 outside leap years */
		long dist = labs(nf_date_days(t) - nf_date_days(ref));
		if (!best.y || dist < bestdist) {
			best = t;
			bestdist = dist;
		}
	}
	return best;
}

static int tok_word(const char *text, const nf_token *t, const char *w)
{
	return (t->flags & NF_TOK_WORD) && lower_eq(text + t->off, t->len, w);
}

/* A count written as digits or as a word up to ten, else 0. Counts above
 * 31 are not day offsets a reporter writes ("40 days ago" is rare). */
static int tok_count(const char *text, const nf_token *t)
{
	static const char *const words[] = {"one", "two", "three", "four", "five",
		"six", "seven", "eight", "nine", "ten"};
	if (t->flags & NF_TOK_NUM) {
		int v = 0;
		for (uint32_t i = 0; i < t->len; i++) {
			if (!is_digit(text[t->off + i]) || v > 31)
				return 0;
			v = v * 10 + (text[t->off + i] - '0');
		}
		return v <= 31 ? v : 0;
	}
	for (int i = 0; i < 10; i++)
		if (tok_word(text, t, words[i]))
			return i + 1;
	return 0;
}

/* Whether the weekday at toks[i] is declared something ("declared
 * Wednesday a day of mourning", "named Friday the deadline"): a day set
 * aside, to come as often as past, so neither tense decides it. */
static int declared_day(const char *text, const nf_token *toks, size_t i, size_t n)
{
	static const char *const declaring[] = {"declared", "declares", "declare",
		"named", "designated", "proclaimed"};
	if (!i || i + 1 >= n || !(tok_word(text, &toks[i + 1], "a") ||
	                         tok_word(text, &toks[i + 1], "an") ||
	                         tok_word(text, &toks[i + 1], "the")))
		return 0;
	for (size_t k = 0; k < sizeof declaring / sizeof *declaring; k++)
		if (tok_word(text, &toks[i - 1], declaring[k]))
			return 1;
	return 0;
}

/* A weekday named by a full capitalised name, resolved against ref:
 * "last Sunday" is the most recent Sunday strictly before ref (the usual
 * newsroom sense, not "the Sunday of last week"); "next Sunday" is the
 * first one after ref; a weekday in a sentence about the future is the
 * first one on or after ref ("is expected Thursday" in a Thursday report is
 * that day: a week ahead would be "next Thursday"); a bare or "on" weekday
 * in past-tense news, and a possessive one whatever the tense ("damage from
 * Thursday's flood will not be covered": it names a day that happened), is
 * the most recent one on or before ref, the same day allowed ("said on
 * Sunday" in a Sunday report), except "early" on the day after ref (the
 * event's local day is ahead of the report's date).
 * A weekday declared something is the nearest one (declared_day()). */
static int weekday_at(const char *text, const nf_token *toks, size_t i, size_t n,
                      nf_date ref, int future, nf_date *out)
{
	const nf_token *t = &toks[i];
	if (!(t->flags & NF_TOK_CAP) || t->len < 6)
		return 0; /* "Sun", "Wed" are too often not days */
	int wd = nf_weekday_from_name(text + t->off, t->len);
	if (wd < 0)
		return 0;
	int rw = nf_date_weekday(ref);
	int back = (rw - wd + 7) % 7, fwd = (wd - rw + 7) % 7;
	const nf_token *p = i ? &toks[i - 1] : NULL;
	int possessive = i + 1 < n && tok_word(text, &toks[i + 1], "'s");
	if (declared_day(text, toks, i, n))
		*out = nf_date_add(ref, fwd < back ? fwd : -back);
	else if (p && tok_word(text, p, "last"))
		*out = nf_date_add(ref, -(back ? back : 7));
	else if (p && tok_word(text, p, "next"))
		*out = nf_date_add(ref, fwd ? fwd : 7);
	else if (future && !possessive)
		*out = nf_date_add(ref, fwd);
	else if (fwd == 1 && p && tok_word(text, p, "early"))
		/* "stormed the square early Sunday" in a Saturday report: the
		 * small hours of the next day where it happened, east of the
		 * newsroom whose date the report bears; six days back would be
		 * "last Sunday" */
		*out = nf_date_add(ref, 1);
	else
		*out = nf_date_add(ref, -back);
	return 1;
}

/* "yesterday", "today", "tomorrow", "N days ago", "in N days", "last
 * week" (the seven days before ref: a reporter's "last week" is the past
 * seven days more often than the calendar week before, and a Sunday report
 * means the week just ended), "this week" (the seven days up to ref). */
static int relative_at(const char *text, const nf_token *toks, size_t i,
                       size_t n, nf_date ref, nf_date *out)
{
	const nf_token *t = &toks[i];
	long off;
	/* "Sernava Today": a capital after a word is part of a name */
	if ((t->flags & NF_TOK_CAP) && i && (toks[i - 1].flags & NF_TOK_WORD))
		return 0;
	if (tok_word(text, t, "yesterday"))
		off = -1;
	else if (tok_word(text, t, "today"))
		off = 0;
	else if (tok_word(text, t, "tomorrow"))
		off = 1;
	else if (i + 1 < n && tok_word(text, &toks[i + 1], "week") &&
	         (tok_word(text, t, "last") || tok_word(text, t, "this")))
		off = tok_word(text, t, "last") ? -7 : -6;
	else {
		int k = tok_count(text, t);
		if (!k || i + 1 >= n)
			return 0;
		const nf_token *u = &toks[i + 1];
		if (!tok_word(text, u, "days") && !(k == 1 && tok_word(text, u, "day")))
			return 0;
		if (i + 2 < n && tok_word(text, &toks[i + 2], "ago"))
			off = -k;
		else if (i && tok_word(text, &toks[i - 1], "in"))
			off = k;
		else
			return 0;
	}
	*out = nf_date_add(ref, off);
	return 1;
}

/* A word that puts what follows in the future: "will meet on Monday",
 * "is expected to reopen on Monday", "is due to vote on Friday", and the
 * future in the past of reported plans ("said it would resume on Monday").
 * Only a weekday after the marker is turned forward. */
static const char *const future_words[] = {"will", "expected", "likely",
	"scheduled", "due", "planned", "plans", "would", "could", NULL};

static int future_marker(const char *text, const nf_token *t)
{
	for (size_t i = 0; future_words[i]; i++)
		if (tok_word(text, t, future_words[i]))
			return 1;
	return 0;
}

/* A token that ends a clause: punctuation other than the dot of an
 * abbreviation ("Oct.") and the apostrophe of a possessive. */
static int clause_break(const char *text, const nf_token *t)
{
	return !(t->flags & (NF_TOK_WORD | NF_TOK_NUM)) && t->len &&
	       strchr(",;:()\"`'-", text[t->off]) && !(t->len == 2 && text[t->off + 1] == 's');
}

/* Whether toks[from..to) tell of the past: a past auxiliary ("was",
 * "had"), "since", "ago", "told" or a verb in "-ed" (not "-eed": "need")
 * that is neither a passive after "be" ("is to be opened by July 2") nor
 * a present perfect ("has moved the vote to March 18": still to come). */
static int past_words(const char *text, const nf_token *toks, size_t from, size_t to)
{
	static const char *const past[] = {"was", "were", "had", "did", "since",
		"ago", "told"};
	for (size_t i = from; i < to; i++) {
		const nf_token *t = &toks[i];
		if (!(t->flags & NF_TOK_WORD))
			continue;
		for (size_t k = 0; k < sizeof past / sizeof *past; k++)
			if (tok_word(text, t, past[k]))
				return 1;
		const char *w = text + t->off;
		if (t->len >= 4 && !(t->flags & NF_TOK_CAP) &&
		    w[t->len - 3] != 'e' && w[t->len - 2] == 'e' && w[t->len - 1] == 'd' &&
		    !memchr(w, '-', t->len) &&
		    !(i > from && (tok_word(text, &toks[i - 1], "be") ||
		                   tok_word(text, &toks[i - 1], "being") ||
		                   tok_word(text, &toks[i - 1], "has") ||
		                   tok_word(text, &toks[i - 1], "have"))))
			return 1;
	}
	return 0;
}

/* Whether the date at toks[i..j), after toks[i - 1] "on" or "since", is
 * the time of a verb in the past: one before it in its clause ("was ousted
 * as leader on Oct. 18", "has been in hiding since Feb. 14"), or, for a
 * date that opens its clause ("On May 23 he told", "on July 10, the bank
 * refused"), one in the words that follow,
 * up to the next clause break. The rest of the sentence does not count: a
 * past verb elsewhere ("the medal, to be handed out Nov. 3, was created
 * by ...") tells nothing of the date, and a future marker anywhere
 * ("later than planned") leaves the date to its nearest year. */
static int past_date(const char *text, const nf_token *toks, size_t i, size_t j, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if ((toks[k].flags & NF_TOK_WORD) && future_marker(text, &toks[k]))
			return 0;
	size_t from = i;
	while (from && !clause_break(text, &toks[from - 1]))
		from--;
	if (from + 1 < i || !tok_word(text, &toks[from], "on"))
		return past_words(text, toks, from, i);
	size_t k = j;
	if (k < n && clause_break(text, &toks[k]))
		k++;
	size_t to = k;
	while (to < n && !clause_break(text, &toks[to]))
		to++;
	return past_words(text, toks, k, to);
}

/* Two weeks: reports dated early by their source lag the events they tell
 * by days (1 to 7 on gva-dev), while a past event taken a year too late
 * lies weeks to months ahead (20 to 145 days on DUC 2002). */
#define PAST_SLACK 14

/* The year of a date written without one (md, at toks[i], its text ending
 * at byte end): "May 29 last year" is the year before ref, "this year" and
 * "next year" say theirs. A date after "on" or "since" that is the time of
 * a past verb ("was ousted on Oct. 18", "died on Jan. 7") and would lie
 * more than PAST_SLACK days after ref cannot: it is the year before. Any
 * other is the one closest to ref, either side: a date that modifies a
 * noun ("the Nov. 1 elections", "the award announcement Oct. 16") says
 * nothing of the verb's tense, "until" and "by" look ahead as often as
 * back ("won't resume until Sept. 9"), and a past event a few days after
 * ref says the article's date is early (a source dated by the event it
 * reports, or estimated), not that the event is a year old. */
static nf_date complete_year(const char *text, const nf_token *toks, size_t i,
                             size_t n, size_t end, nf_date md, nf_date ref)
{
	size_t j = i;
	while (j < n && toks[j].off < end)
		j++;
	if (j + 1 < n && tok_word(text, &toks[j + 1], "year")) {
		int dy = tok_word(text, &toks[j], "last") ? -1 :
		         tok_word(text, &toks[j], "next") ? 1 :
		         tok_word(text, &toks[j], "this") ? 0 : 2;
		nf_date t = {ref.y + dy, md.m, md.d};
		if (dy != 2 && nf_date_valid(t))
			return t;
	}
	nf_date d = nf_date_complete(md, ref);
	if (nf_date_days(d) - nf_date_days(ref) <= PAST_SLACK || !i ||
	    !(tok_word(text, &toks[i - 1], "on") || tok_word(text, &toks[i - 1], "since")))
		return d;
	nf_date before = {d.y - 1, md.m, md.d};
	if (nf_date_valid(before) && past_date(text, toks, i, j, n))
		return before;
	return d;
}

/* "last week" and "this week" name a week, not a day. */
static int is_week(const char *text, const nf_token *toks, size_t i, size_t n)
{
	return i + 1 < n && tok_word(text, &toks[i + 1], "week");
}

/* The most precise expression wins: an absolute date ("Wednesday, July 9,
 * 2014" is July 9), then a weekday, then a relative day, then a week;
 * among equals the first. The words a date expression is read from,
 * besides months, weekdays and the future markers: */
static const char *const date_words[] = {"yesterday", "today", "tomorrow",
	"last", "this", "next", "week", "day", "days", "ago", "in", "one", "two",
	"three", "four", "five", "six", "seven", "eight", "nine", "ten", NULL};

static int date_word(const char *s, size_t len)
{
	if (nf_month_from_name(s, len) || nf_weekday_from_name(s, len) >= 0)
		return 1;
	for (size_t i = 0; date_words[i]; i++)
		if (lower_eq(s, len, date_words[i]))
			return 1;
	for (size_t i = 0; future_words[i]; i++)
		if (lower_eq(s, len, future_words[i]))
			return 1;
	return 0;
}

nf_status nf_date_words_init(nf_date_words *w, const nf_corpus *c)
{
	w->n = (size_t)c->lex.count + 1;
	w->relevant = malloc(w->n);
	if (!w->relevant)
		return NF_ENOMEM;
	w->relevant[0] = 1;
	for (size_t id = 1; id < w->n; id++) {
		const nf_lex_entry *e = &c->lex.entries[id];
		w->relevant[id] = id < c->lex.count && e->str ? (unsigned char)date_word(e->str, e->len) : 1;
	}
	return NF_OK;
}

void nf_date_words_free(nf_date_words *w)
{
	free(w->relevant);
	w->relevant = NULL;
	w->n = 0;
}

nf_date_kind nf_date_find(const nf_date_words *w, const char *text,
                          const nf_token *toks, size_t n, nf_date ref,
                          int future, nf_date *out)
{
	if (!n)
		return NF_DX_NONE;
	int haveref = nf_date_valid(ref);
	size_t end = toks[n - 1].off + toks[n - 1].len;
	int best = 0; /* 3 weekday, 2 relative day, 1 week */
	nf_date_kind kind = NF_DX_NONE;
	for (size_t i = 0; i < n; i++) {
		const nf_token *t = &toks[i];
		if (!(t->flags & (NF_TOK_WORD | NF_TOK_NUM)))
			continue;
		if ((t->flags & NF_TOK_WORD) && w && t->norm < w->n && !w->relevant[t->norm])
			continue;
		if (future_marker(text, t))
			future = 1;
		nf_date d;
		size_t used = nf_date_scan(text + t->off, end - t->off, &d);
		if (used && !d.y && haveref)
			d = complete_year(text, toks, i, n, t->off + used, d, ref);
		if (used && d.y) {
			*out = d;
			return NF_DX_ABSOLUTE;
		}
		if (!haveref || best == 3)
			continue;
		if (weekday_at(text, toks, i, n, ref, future, &d)) {
			*out = d;
			best = 3;
			kind = NF_DX_WEEKDAY;
		} else if (best < 2 && relative_at(text, toks, i, n, ref, &d)) {
			int rank = is_week(text, toks, i, n) ? 1 : 2;
			if (rank > best) {
				*out = d;
				best = rank;
				kind = rank == 1 ? NF_DX_WEEK : NF_DX_RELATIVE;
			}
		}
	}
	return kind;
}

/* Bit w set when the document says a weekday w in the past sense ("on
 * Tuesday", not "last Tuesday", "next Tuesday", after "will" or declared
 * a holiday). */
static unsigned past_weekdays(const nf_date_words *w, const nf_doc *d)
{
	unsigned mask = 0;
	for (size_t s = 0; s < d->nsents; s++) {
		const nf_sentence *se = &d->sents[s];
		const nf_token *toks = d->toks + se->tok0;
		for (uint32_t i = 0; i < se->ntok; i++) {
			const nf_token *t = &toks[i];
			if (!(t->flags & NF_TOK_WORD) || (t->norm < w->n && !w->relevant[t->norm]))
				continue;
			if (future_marker(d->text, t))
				break;
			if (!(t->flags & NF_TOK_CAP) || t->len < 6)
				continue;
			int wd = nf_weekday_from_name(d->text + t->off, t->len);
			if (wd < 0 || (i && (tok_word(d->text, &toks[i - 1], "last") ||
			                     tok_word(d->text, &toks[i - 1], "next"))) ||
			    declared_day(d->text, toks, i, se->ntok))
				continue;
			mask |= 1u << wd;
		}
	}
	return mask;
}

/* Days back from a day of weekday pw to the most recent weekday in mask,
 * the farthest of them. */
static int max_back(unsigned mask, int pw)
{
	int worst = 0;
	for (int w = 0; w < 7; w++)
		if (mask & (1u << w)) {
			int back = (pw - w + 7) % 7;
			if (back > worst)
				worst = back;
		}
	return worst;
}

/* News reports the days just before it is published. When every weekday
 * the article names in the past sense lies five or more days before the
 * estimate, the article most likely came later in the week: move it to the
 * day within the next six that brings those weekdays closest. Five days:
 * a report routinely recalls the last four days ("on Wednesday" in a
 * Sunday story) but rarely only older ones. */
static long weekday_shift(const nf_date_words *w, const nf_doc *d, long est)
{
	unsigned mask = past_weekdays(w, d);
	if (!mask)
		return est;
	int ew = nf_date_weekday(nf_date_from_days(est));
	for (int wd = 0; wd < 7; wd++)
		if ((mask & (1u << wd)) && (ew - wd + 7) % 7 < 5)
			return est;
	long best = est;
	int bestback = max_back(mask, ew);
	for (int k = 1; k <= 6; k++) {
		int b = max_back(mask, (ew + k) % 7);
		if (b < bestback) {
			bestback = b;
			best = est + k;
		}
	}
	return best;
}

nf_date nf_dates_statement(const nf_corpus *c, const nf_doc *d)
{
	nf_date best = d->published;
	const nf_doc *root = d->group >= 0 && (size_t)d->group < NF_NDOCS(c) ? NF_DOC(c, d->group) : d;
	if (nf_date_valid(root->published) &&
	    (!nf_date_valid(best) || nf_date_cmp(root->published, best) < 0))
		best = root->published;
	return nf_date_valid(best) ? best : (nf_date){0, 0, 0};
}

static int is_reliable(const nf_doc *d)
{
	return nf_date_valid(d->published) &&
	       (d->date_source == NF_DATE_METADATA || d->date_source == NF_DATE_DATELINE ||
	        d->date_source == NF_DATE_TEXT);
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

/* The latest absolute date the document's own sentences mention, years
 * completed against ref; -1 when none (ref may be {0}). */
static long latest_mention(const nf_date_words *w, const nf_doc *d, nf_date ref)
{
	long best = -1;
	for (size_t s = 0; s < d->nsents; s++) {
		const nf_sentence *se = &d->sents[s];
		nf_date x;
		if (nf_date_find(w, d->text, d->toks + se->tok0, se->ntok, ref, 0, &x) !=
		    NF_DX_ABSOLUTE)
			continue;
		long v = nf_date_days(x);
		if (best < 0 || v > best)
			best = v;
	}
	return best;
}

/* Adds every dated thing of the corpus to days: publication dates and the
 * absolute dates with a year that the texts mention. */
static nf_status known_days(const nf_corpus *c, const nf_date_words *w,
                            nf_vec *days)
{
	nf_date none = {0, 0, 0};
	for (size_t i = 0; i < NF_NDOCS(c); i++) {
		const nf_doc *d = NF_DOC(c, i);
		long *p;
		if (nf_date_valid(d->published) && d->date_source != NF_DATE_ESTIMATED) {
			if (!(p = nf_vec_push(days, sizeof *p)))
				return NF_ENOMEM;
			*p = nf_date_days(d->published);
		}
		long m = latest_mention(w, d, none);
		if (m >= 0) {
			if (!(p = nf_vec_push(days, sizeof *p)))
				return NF_ENOMEM;
			*p = m;
		}
	}
	return NF_OK;
}

/* The median of the reliable publication dates, else the latest date the
 * corpus knows (captions and mentions are lower bounds), else -1. */
static long consensus(const nf_corpus *c, nf_vec *days)
{
	nf_vec rel = NF_VEC_INIT;
	long out = -1;
	for (size_t i = 0; i < NF_NDOCS(c); i++) {
		const nf_doc *d = NF_DOC(c, i);
		long *p;
		if (!is_reliable(d))
			continue;
		if (!(p = nf_vec_push(&rel, sizeof *p))) {
			nf_vec_free(&rel);
			return -2;
		}
		*p = nf_date_days(d->published);
	}
	if (rel.len) {
		qsort(rel.data, rel.len, sizeof(long), cmp_long);
		out = NF_VEC_AT(&rel, long, rel.len / 2);
	} else if (days->len) {
		out = NF_VEC_AT(days, long, days->len - 1);
	}
	nf_vec_free(&rel);
	return out;
}

/* The story's calendar: the days that reliably dated articles name, as a
 * sorted list of day numbers (duplicates kept: a day many articles name
 * weighs more). */
static nf_status story_calendar(const nf_corpus *c, const nf_date_words *w, nf_vec *cal)
{
	for (size_t i = 0; i < NF_NDOCS(c); i++) {
		const nf_doc *d = NF_DOC(c, i);
		if (!is_reliable(d))
			continue;
		for (size_t s = 0; s < d->nsents; s++) {
			const nf_sentence *se = &d->sents[s];
			nf_date x;
			nf_date_kind k = nf_date_find(w, d->text, d->toks + se->tok0, se->ntok,
			                              d->published, 0, &x);
			if (k == NF_DX_NONE || k == NF_DX_WEEK || x.y == 0)
				continue;
			long *p = nf_vec_push(cal, sizeof *p);
			if (!p)
				return NF_ENOMEM;
			*p = nf_date_days(x);
		}
	}
	if (cal->len > 1)
		qsort(cal->data, cal->len, sizeof(long), cmp_long);
	return NF_OK;
}

/* Articles in cal naming the day (capped: one day is one fact, however
 * many articles repeat it). */
static int calendar_weight(const nf_vec *cal, long day)
{
	int k = 0;
	for (size_t i = 0; i < cal->len && k < 3; i++)
		k += NF_VEC_AT(cal, long, i) == day;
	return k;
}

/* An undated article's weekdays ("detained on Tuesday", "said on
 * Wednesday") name days the other articles date. The publication day that
 * puts the most of them on days of the story's calendar is the estimate;
 * ties go to the day nearest the consensus. Candidates run from the
 * earliest to two days after the latest reliable date: an undated report
 * in the set belongs to the same news cycle. -1 when no day fits. */
static long calendar_fit(const nf_date_words *w, const nf_doc *d, const nf_vec *cal, long cons)
{
	unsigned mask = past_weekdays(w, d);
	if (!mask || !cal->len)
		return -1;
	long lo = NF_VEC_AT(cal, long, 0), hi = NF_VEC_AT(cal, long, cal->len - 1) + 2;
	long best = -1;
	int bestscore = 0;
	for (long p = lo; p <= hi; p++) {
		int pw = nf_date_weekday(nf_date_from_days(p)), score = 0;
		for (int wd = 0; wd < 7; wd++)
			if (mask & (1u << wd))
				score += calendar_weight(cal, p - (pw - wd + 7) % 7);
		if (score > bestscore || (score == bestscore && score && labs(p - cons) < labs(best - cons))) {
			best = p;
			bestscore = score;
		}
	}
	return best;
}

/* Estimates one document's date: a reliable date in its copy group first
 * (a copy was published with its original; group_day holds the first
 * reliable date of each group, -1 when none), else the day that fits its
 * weekdays to the story's calendar, else the consensus; never
 * earlier than what the document itself mentions or shows in a caption. */
static void estimate_doc(nf_corpus *c, const nf_date_words *w, nf_doc *d,
                         const long *group_day, const nf_vec *cal, long cons)
{
	size_t n = NF_NDOCS(c);
	long est = -1;
	if (d->copy_of >= 0 && (size_t)d->copy_of < n && is_reliable(NF_DOC(c, d->copy_of)))
		est = nf_date_days(NF_DOC(c, d->copy_of)->published);
	else if (d->group >= 0 && (size_t)d->group < n)
		est = group_day[d->group];
	if (est < 0)
		est = calendar_fit(w, d, cal, cons);
	if (est < 0)
		est = weekday_shift(w, d, cons);
	long low = latest_mention(w, d, nf_date_from_days(cons));
	if (nf_date_valid(d->published) && nf_date_days(d->published) > low)
		low = nf_date_days(d->published);
	if (low > est)
		est = low;
	d->published = nf_date_from_days(est);
	d->date_source = NF_DATE_ESTIMATED;
}

/* The first reliable date of every copy group, by group index. */
static long *group_days(const nf_corpus *c)
{
	size_t n = NF_NDOCS(c);
	long *g = malloc((n ? n : 1) * sizeof *g);
	if (!g)
		return NULL;
	for (size_t i = 0; i < n; i++)
		g[i] = -1;
	for (size_t i = 0; i < n; i++) {
		const nf_doc *d = NF_DOC(c, i);
		if (is_reliable(d) && d->group >= 0 && (size_t)d->group < n && g[d->group] < 0)
			g[d->group] = nf_date_days(d->published);
	}
	return g;
}

nf_status nf_dates_estimate(nf_corpus *c)
{
	nf_vec days = NF_VEC_INIT;
	nf_date_words w;
	if (nf_date_words_init(&w, c))
		return NF_ENOMEM;
	nf_status st = known_days(c, &w, &days);
	if (st || !days.len) {
		nf_vec_free(&days);
		nf_date_words_free(&w);
		return st;
	}
	qsort(days.data, days.len, sizeof(long), cmp_long);
	nf_date mid = nf_date_from_days(NF_VEC_AT(&days, long, days.len / 2));
	for (size_t i = 0; i < NF_NDOCS(c); i++) {
		nf_doc *d = NF_DOC(c, i);
		if (d->published.y == 0 && d->published.m && d->published.d) {
			nf_date full = nf_date_complete(d->published, mid);
			if (full.y)
				d->published = full;
		}
	}
	long cons = consensus(c, &days);
	nf_vec_free(&days);
	long *gd = cons >= 0 ? group_days(c) : NULL;
	nf_vec cal = NF_VEC_INIT;
	if (cons >= 0 && (!gd || story_calendar(c, &w, &cal)))
		cons = -2;
	for (size_t i = 0; cons >= 0 && i < NF_NDOCS(c); i++) {
		nf_doc *d = NF_DOC(c, i);
		if (d->date_source == NF_DATE_NONE || d->date_source == NF_DATE_CAPTION ||
		    !nf_date_valid(d->published))
			estimate_doc(c, &w, d, gd, &cal, cons);
	}
	nf_vec_free(&cal);
	free(gd);
	nf_date_words_free(&w);
	return cons == -2 ? NF_ENOMEM : NF_OK;
}
