/*
 * reconcile.c - status, best value and explanation of every figure.
 *
 * What counts: the claims of a figure that are whole (not parts), precise
 * (not "dozens"), about one event (not "in weekend shootings") and not
 * hedged. When there are none, hedged claims count; then vague and
 * several-event ones; then parts (a figure made only of "15 of its 68
 * stores" is still reported). Parts, vague, several-event and hedged claims
 * are listed with the figure but never make a conflict: "dozens" is a weak
 * claim compatible with anything, "103 of the deaths" is no rival total, a
 * city's weekend toll is no count of this event, and a figure that its own
 * source doubts is evidence only for a value that others state. Claims
 * about another event ("in 2009", "last year"; figures.c) never count at
 * all: a figure made only of them has no value, and says so.
 *
 * Wounded: "shot" counts the dead with the wounded. Where no claim counts
 * the wounded directly, each shot count loses the brief's number killed
 * (reconcile_wounded()), when some claim of that number is of this event
 * (not "the 12th child shot this year, one fatally"); the claims keep the
 * number they state.
 *
 * Clusters: counting claims are sorted by value and put together when
 * within 2% of the cluster's first value (outlets round: "6,044" may be
 * printed "6,040"; two counts further apart are different counts). Lower
 * bounds ("at least 9", and one person: "a man was killed") join the
 * smallest cluster they are consistent with; those no stated count
 * satisfies form one cluster, of the largest of them (together they say
 * at least that). Each cluster knows its independent
 * sources (copy groups count once) and the dates its claims were made.
 *
 * Status: one cluster is "single" (one independent source) or "agreed"
 * (two or more). Several clusters are "changing" when, sorted by value,
 * each was first reported strictly before the next larger one and last
 * reported no later than that day (an early edition of the day may still
 * carry it) while the larger is reported again after it, and each later
 * one is a reported count (a count rising over
 * time); otherwise "conflict" (different counts at the same time, or a
 * count that fell). A reported count is one a claim attributes to
 * someone, one a headline or lead sentence states, or one two independent
 * sources state: the latest attributed count is the news, "... ten were
 * killed when the old pier fell" in passing is not.
 *
 * Value: single/agreed take the cluster's most precise, latest claim;
 * changing takes the latest (largest) count; a conflict takes the newest
 * cluster when it is a reported count both strictly later and larger than
 * every other (a newer count supersedes), else, among the counts that some
 * source states as its largest (when two or more sources state counts: a
 * source that also tells a larger count of its own tells a part with the
 * smaller one, "one of them in a car"), the one backed by the most
 * independent sources, then by the most sources stating it in a headline
 * or lead sentence (a report leads with its own event's count and tells
 * parts of it further down: "four were hurt ... two on Elm Street"), then
 * by the most claims (a source states its own count in its headline, its
 * lead and again, a passing figure once), then by hedged sources repeating
 * it, then the later, then the larger. For a conflict low/high span the
 * disagreeing values.
 *
 * Where this differs from ACLED's coding conventions (one anchor for such a
 * rule): ACLED codes the most conservative (lowest) of conflicting reports
 * and fixed values for vague words; here a conflict goes to the best
 * supported count (a low outlier from one early report is as wrong as a high
 * one, and a count that rises over days is "changing", its latest value
 * used), and vague words are ranges that never decide a figure (their low
 * end is the value only when nothing else is said; numbers.c). Like ACLED,
 * a range stated by one source ("between 10 and 15") takes its lower end,
 * and unconfirmed claims yield to confirmed ones.
 *
 * Rejected: averaging rival counts (a number nobody reported); taking the
 * maximum (rewards the least careful source); treating estimated dates as
 * exact but not equal dates as simultaneous (the pipeline's estimates are
 * day-precise and "changing" needs strictly later reports anyway).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include "dates.h"
#include "stages.h"

#define NO_DAY (-1000000000L)
/* Values an explanation names at most: a reader takes in about six, and
 * the bound keeps hostile input from making it quadratic. */
#define MAX_LISTED 6

typedef struct cluster {
	double value;        /* the first (smallest) member's value */
	const nf_claim *rep; /* the claim that speaks for it */
	long first, last;    /* days of its earliest and latest claim, NO_DAY */
	size_t groups;       /* independent sources among counting claims */
	size_t hgroups;      /* more independent sources, hedged */
	size_t lead;         /* sources stating it in a headline or lead sentence */
	size_t tops;         /* sources for which it is the largest count they state */
	int attributed;      /* a claim of it names who said it */
	size_t m0, nm;       /* members: mem[m0 .. m0 + nm) */
	int bounds;          /* made of lower bounds only; value the largest */
} cluster;

/* Tiers of claims, strongest first. */
enum { T_FIRM = 0, T_HEDGED, T_VAGUE, T_PARTS };

/* A weak claim is listed but rivals no count: "dozens", or a total over
 * several events ("5 killed in weekend shootings"). */
static int weak(const nf_claim *c)
{
	return c->is_vague || c->is_aggregate;
}

static int counts(const nf_claim *c, int tier)
{
	if (c->is_other)
		return 0;
	switch (tier) {
	case T_FIRM: return !c->is_part && !weak(c) && !c->hedged;
	case T_HEDGED: return !c->is_part && !weak(c);
	case T_VAGUE: return !c->is_part;
	default: return 1;
	}
}

static long day_of(const nf_claim *c)
{
	return nf_date_valid(c->date) ? nf_date_days(c->date) : NO_DAY;
}

static int lower_bound(const nf_claim *c)
{
	return isnan(c->high) && !isnan(c->low);
}

/* Within 2% of each other: the same count, rounded differently. */
static int same_value(double a, double b)
{
	double m = a > b ? a : b;
	return fabs(a - b) <= 0.02 * m;
}

/* Whether a cluster's count falls short of lower bound c: more than the
 * 2% same_value() allows below it ("at least 40" takes 39.5). */
static int below_bound(const cluster *cl, const nf_claim *c)
{
	return cl->value < c->low * 0.98;
}

/* Whether claim a speaks for a cluster better than b: exact over
 * qualified, later over earlier, then the first read. */
static int better_rep(const nf_claim *a, const nf_claim *b)
{
	int ea = a->low == a->high, eb = b->low == b->high;
	if (ea != eb)
		return ea;
	if (day_of(a) != day_of(b))
		return day_of(a) > day_of(b);
	return a->sent >= 0 && b->sent < 0; /* the body over its headline */
}

typedef struct rc {
	const nf_brief *b;
	const nf_claim **mem; /* cluster members, cluster by cluster */
	size_t nmem;
	cluster *cl;
	size_t ncl;
	size_t *stamp;        /* per copy group: last cluster counted + 1 */
	size_t stamp_gen;
	double *gmax;         /* per copy group: its largest stated count */
	double shot_killed;   /* the killed taken off shot counts, 0 when none */
	int shot_view;        /* reconciling shot counts less the killed */
	nf_buf out;
} rc;

static size_t group_of(const rc *r, const nf_claim *c)
{
	return (size_t)NF_DOC(r->b->corpus, c->doc)->group;
}

static int by_value(const void *pa, const void *pb)
{
	const nf_claim *a = *(const nf_claim *const *)pa, *b = *(const nf_claim *const *)pb;
	double va = a->value, vb = b->value;
	return va < vb ? -1 : va > vb;
}

/* Counts the distinct copy groups among claims[0..n). */
static size_t distinct_groups(rc *r, const nf_claim *const *claims, size_t n)
{
	size_t g = 0;
	r->stamp_gen++;
	for (size_t i = 0; i < n; i++) {
		size_t grp = group_of(r, claims[i]);
		if (grp < NF_NDOCS(r->b->corpus) && r->stamp[grp] != r->stamp_gen) {
			r->stamp[grp] = r->stamp_gen;
			g++;
		}
	}
	return g;
}

/* Clusters the counting claims of f at tier; lower bounds last. */
static void make_clusters(rc *r, const nf_figure *f, int tier)
{
	const nf_claim **pts = r->mem;
	size_t np = 0, nlow = 0;
	for (size_t i = 0; i < f->nclaims; i++)
		if (counts(&f->claims[i], tier) && !isnan(f->claims[i].value) &&
		    !lower_bound(&f->claims[i]))
			pts[np++] = &f->claims[i];
	qsort(pts, np, sizeof *pts, by_value);
	r->ncl = 0;
	for (size_t i = 0; i < np; i++) {
		cluster *c = r->ncl ? &r->cl[r->ncl - 1] : NULL;
		if (!c || !same_value(c->value, pts[i]->value)) {
			c = &r->cl[r->ncl++];
			memset(c, 0, sizeof *c);
			c->first = c->last = NO_DAY;
			c->value = pts[i]->value;
			c->m0 = i;
		}
		c->nm++;
	}
	/* Lower bounds: into the smallest cluster they allow, else their own
	 * (kept after the others, in value order). */
	const nf_claim **lows = r->mem + np;
	for (size_t i = 0; i < f->nclaims; i++)
		if (counts(&f->claims[i], tier) && lower_bound(&f->claims[i]))
			lows[nlow++] = &f->claims[i];
	qsort(lows, nlow, sizeof *lows, by_value);
	size_t nbase = r->ncl;
	r->nmem = np + nlow;
	size_t k = 0; /* bounds ascend, so the cluster they join does too */
	for (size_t i = 0; i < nlow; i++) {
		const nf_claim *c = lows[i];
		while (k < nbase && below_bound(&r->cl[k], c))
			k++;
		if (k < nbase) {
			/* Members must be contiguous: the bound is kept aside and
			 * only its date and source are added to cluster k. */
			long d = day_of(c);
			if (d != NO_DAY && (r->cl[k].first == NO_DAY || d < r->cl[k].first))
				r->cl[k].first = d;
			continue;
		}
		/* The bounds no count satisfies say together "at least the
		 * largest of them": one cluster of that value ("a man was
		 * killed", "a man and his son were killed": at least 2). */
		cluster *cl = r->ncl > nbase ? &r->cl[r->ncl - 1] : NULL;
		if (!cl) {
			cl = &r->cl[r->ncl++];
			memset(cl, 0, sizeof *cl);
			cl->first = cl->last = NO_DAY;
			cl->m0 = np + i;
			cl->bounds = 1;
		}
		cl->value = c->value;
		cl->nm++;
	}
}

/* Sources, dates and the representative claim of every cluster; hedged
 * claims (when they do not count) add hedged support to the cluster whose
 * value they repeat. */
static void describe_clusters(rc *r, const nf_figure *f, int tier)
{
	for (size_t k = 0; k < r->ncl; k++) {
		cluster *c = &r->cl[k];
		for (size_t i = 0; i < c->nm; i++) {
			const nf_claim *m = r->mem[c->m0 + i];
			long d = day_of(m);
			if (d != NO_DAY) {
				if (c->first == NO_DAY || d < c->first)
					c->first = d;
				if (c->last == NO_DAY || d > c->last)
					c->last = d;
			}
			if (!c->rep || (c->bounds && m->value > c->rep->value) ||
			    ((!c->bounds || m->value == c->rep->value) && better_rep(m, c->rep)))
				c->rep = m;
		}
		c->groups = distinct_groups(r, r->mem + c->m0, c->nm);
		c->lead = 0;
		c->attributed = 0;
		r->stamp_gen++;
		for (size_t i = 0; i < c->nm; i++) {
			const nf_claim *m = r->mem[c->m0 + i];
			size_t g = group_of(r, m);
			c->attributed |= m->said_by != NULL;
			if (m->sent <= 0 && g < NF_NDOCS(r->b->corpus) && r->stamp[g] != r->stamp_gen) {
				r->stamp[g] = r->stamp_gen;
				c->lead++;
			}
		}
		if (c->last == NO_DAY)
			c->last = c->first;
	}
	if (tier != T_FIRM)
		return;
	/* Hedged claims and clusters both in value order: one merge pass. */
	const nf_claim **hs = r->mem + r->nmem;
	size_t nh = 0;
	for (size_t i = 0; i < f->nclaims; i++) {
		const nf_claim *h = &f->claims[i];
		if (h->hedged && !h->is_part && !weak(h) && !isnan(h->value))
			hs[nh++] = h;
	}
	qsort(hs, nh, sizeof *hs, by_value);
	size_t k = 0, counted = SIZE_MAX;
	for (size_t i = 0; i < nh; i++) {
		while (k < r->ncl && r->cl[k].value < hs[i]->value &&
		       !same_value(r->cl[k].value, hs[i]->value))
			k++;
		if (k == r->ncl)
			break;
		if (!same_value(r->cl[k].value, hs[i]->value))
			continue;
		if (counted != k) {
			r->stamp_gen++;
			counted = k;
		}
		size_t g = group_of(r, hs[i]);
		if (g < NF_NDOCS(r->b->corpus) && r->stamp[g] != r->stamp_gen) {
			r->stamp[g] = r->stamp_gen;
			r->cl[k].hgroups++;
		}
	}
}

/* The cluster counting claim c belongs to: the one holding it, or for a
 * lower bound the smallest it allows (else the bounds' own). */
static size_t cluster_of(const rc *r, const nf_claim *c)
{
	size_t k = 0;
	if (lower_bound(c)) {
		while (k + 1 < r->ncl && !r->cl[k].bounds && below_bound(&r->cl[k], c))
			k++;
		return k;
	}
	while (k + 1 < r->ncl && !r->cl[k + 1].bounds && r->cl[k + 1].value <= c->value)
		k++;
	return k;
}

/* Whether counting claim c is one its source states as its count: said
 * by someone, or in its headline or lead (not a passing number). */
static int stated(const nf_claim *c, int tier)
{
	return counts(c, tier) && !isnan(c->value) && (c->said_by || c->sent <= 0);
}

/* Credits each cluster with the sources whose largest stated count it is.
 * A source that states several counts of one figure tells its event's
 * count and parts of it ("17 died in the town ... one in a car outside
 * the school", police said); its smaller counts are no rivals of another
 * source's total. Not for the wounded read from shot counts, whose largest
 * counts the dead too (reconcile_wounded()). */
static void count_tops(rc *r, const nf_figure *f, int tier)
{
	size_t ngroups = NF_NDOCS(r->b->corpus);
	for (size_t i = 0; i < f->nclaims; i++) {
		size_t g = group_of(r, &f->claims[i]);
		if (g < ngroups)
			r->gmax[g] = -1;
	}
	for (size_t i = 0; i < f->nclaims; i++) {
		const nf_claim *c = &f->claims[i];
		size_t g = group_of(r, c);
		if (g < ngroups && stated(c, tier) && c->value > r->gmax[g])
			r->gmax[g] = c->value;
	}
	r->stamp_gen++;
	for (size_t i = 0; i < f->nclaims; i++) {
		const nf_claim *c = &f->claims[i];
		size_t g = group_of(r, c);
		if (g >= ngroups || !stated(c, tier) || c->value != r->gmax[g] ||
		    r->stamp[g] == r->stamp_gen)
			continue;
		r->stamp[g] = r->stamp_gen;
		r->cl[cluster_of(r, c)].tops++;
	}
}

/* Whether a cluster is a count reported as such: someone is said to give
 * it, a report leads with it, or two independent sources state it (not
 * "... when the old pier fell, ten were killed" in passing). Only such a
 * count updates another. */
static int reported(const cluster *c)
{
	return c->attributed || c->lead || c->groups >= 2;
}

/* Whether the clusters, in value order, were each first reported strictly
 * before the next larger one and never after it was, each later one
 * reported as a count. The day the larger count comes out may still carry
 * the smaller in an earlier edition (dates are days, not hours), so the
 * two may share that day when the larger is reported again later; two
 * counts that end on the same day are rivals ("3 killed" and "32 killed"
 * in one day's reports). */
static int rising(const rc *r)
{
	for (size_t k = 0; k + 1 < r->ncl; k++) {
		const cluster *a = &r->cl[k], *b = &r->cl[k + 1];
		if (a->last == NO_DAY || b->first == NO_DAY || a->first >= b->first ||
		    a->last > b->first || b->last <= a->last || b->value <= a->value ||
		    !reported(b))
			return 0;
	}
	return 1;
}

/* The cluster a conflict's value comes from; *newest is set when it is the
 * newer, larger count. */
static size_t conflict_choice(const rc *r, int *newest)
{
	size_t latest = 0;
	for (size_t k = 1; k < r->ncl; k++)
		if (r->cl[k].first > r->cl[latest].first)
			latest = k;
	/* the latest attributed count, or the one a later report leads with:
	 * not a passing number ("... when the old pier fell, ten died") */
	int supersedes = r->cl[latest].first != NO_DAY && reported(&r->cl[latest]);
	for (size_t k = 0; k < r->ncl && supersedes; k++)
		if (k != latest && (r->cl[k].last >= r->cl[latest].first ||
		                    r->cl[k].value > r->cl[latest].value))
			supersedes = 0;
	*newest = supersedes;
	if (supersedes)
		return latest;
	/* one source's counts are settled by repetition, not by size */
	size_t sources = 0;
	for (size_t k = 0; k < r->ncl; k++)
		sources += r->cl[k].tops;
	size_t best = 0;
	for (size_t k = 1; k < r->ncl; k++) {
		const cluster *a = &r->cl[k], *b = &r->cl[best];
		if (sources >= 2 && !a->tops != !b->tops ? a->tops > b->tops :
		    a->groups != b->groups ? a->groups > b->groups :
		    a->lead != b->lead ? a->lead > b->lead :
		    a->nm != b->nm ? a->nm > b->nm :
		    a->hgroups != b->hgroups ? a->hgroups > b->hgroups :
		    a->last != b->last ? a->last > b->last : a->value > b->value)
			best = k;
	}
	return best;
}

/* --- Explanation ------------------------------------------------------------- */

/* "6,044", "2.5" */
static nf_status put_number(nf_buf *o, double v)
{
	if (isnan(v))
		return nf_buf_puts(o, "?");
	if (v != floor(v) || fabs(v) >= 1e15)
		return nf_buf_printf(o, "%.1f", v);
	char digits[32], grouped[48];
	int n = snprintf(digits, sizeof digits, "%.0f", fabs(v));
	size_t g = 0;
	if (v < 0)
		grouped[g++] = '-';
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[g++] = ',';
		grouped[g++] = digits[i];
	}
	grouped[g] = '\0';
	return nf_buf_puts(o, grouped);
}

static nf_status put_claim_value(nf_buf *o, const nf_claim *c)
{
	nf_status st = NF_OK;
	if (c->is_vague)
		return nf_buf_puts(o, c->qualifier ? c->qualifier : "vague");
	if (c->qualifier && (st = nf_buf_printf(o, "%s ", c->qualifier)))
		return st;
	return put_number(o, c->value);
}

static int by_value_desc(const void *pa, const void *pb)
{
	return -by_value(pa, pb);
}

/* "26 protesters + 16 officers": the components of a summed claim, found
 * among the other figures' claims of its sentence, largest first. Eight at
 * most: a longer sum is shown by its total alone. */
static nf_status put_components(nf_buf *o, const nf_brief *b, const nf_claim *s)
{
	const nf_claim *parts[8];
	size_t n = 0;
	for (size_t f = 0; f < b->nfigures; f++) {
		const nf_figure *fig = &b->figures[f];
		if (strcmp(fig->measure, s->measure))
			continue;
		for (size_t i = 0; i < fig->nclaims && n < 8; i++) {
			const nf_claim *c = &fig->claims[i];
			if (c->doc == s->doc && c->sent == s->sent && !c->is_sum &&
			    !c->is_part && strcmp(c->subject, "people"))
				parts[n++] = c;
		}
	}
	if (!n)
		return NF_OK;
	qsort(parts, n, sizeof *parts, by_value_desc);
	nf_status st = nf_buf_puts(o, " (");
	for (size_t i = 0; i < n && !st; i++) {
		if (i)
			st = nf_buf_puts(o, " + ");
		if (!st)
			st = put_number(o, parts[i]->value);
		if (!st)
			st = nf_buf_printf(o, " %s", parts[i]->subject);
	}
	return st ? st : nf_buf_puts(o, ")");
}

/* Up to three distinct speakers of the claims of value that are hedged
 * (or not), with their hedges when hedged. */
static nf_status put_speakers(nf_buf *o, const nf_figure *f, int tier,
                              double value, int hedged, const char *lead)
{
	const char *seen[3];
	size_t ns = 0;
	nf_status st = NF_OK;
	for (size_t i = 0; i < f->nclaims && ns < 3 && !st; i++) {
		const nf_claim *c = &f->claims[i];
		if (c->hedged != hedged || (c->is_part && tier < T_PARTS) ||
		    (weak(c) && tier < T_VAGUE) || !c->said_by ||
		    !same_value(c->value, value))
			continue;
		int dup = 0;
		for (size_t k = 0; k < ns; k++)
			dup |= !strcasecmp(seen[k], c->said_by);
		if (dup)
			continue;
		st = nf_buf_printf(o, "%s%s", ns ? ", " : lead, c->said_by);
		if (!st && hedged && c->hedge)
			st = nf_buf_printf(o, " (%s)", c->hedge);
		seen[ns++] = c->said_by;
	}
	return st;
}

static nf_status put_cluster(rc *r, const nf_figure *f, int tier, const cluster *c)
{
	nf_buf *o = &r->out;
	nf_status st = put_claim_value(o, c->rep);
	if (!st && c->rep->is_sum)
		st = put_components(o, r->b, c->rep);
	if (!st)
		st = put_speakers(o, f, tier, c->value, c->rep->hedged, " per ");
	if (!st && !c->rep->hedged)
		st = put_speakers(o, f, tier, c->value, 1, "; also ");
	if (!st && c->groups != 1)
		st = nf_buf_printf(o, " [%zu sources]", c->groups);
	return st;
}

/* Whether a cluster holds value v. */
static int clustered(const rc *r, double v)
{
	for (size_t k = 0; k < r->ncl; k++)
		if (same_value(r->cl[k].value, v))
			return 1;
	return 0;
}

/* Hedged values nobody else states, vague claims and parts, listed after
 * the verdict; MAX_LISTED distinct ones at most. */
static nf_status put_extras(rc *r, const nf_figure *f, int tier)
{
	nf_status st = NF_OK;
	size_t n = 0;
	const nf_claim *listed[MAX_LISTED];
	for (size_t i = 0; i < f->nclaims && !st && n < MAX_LISTED; i++) {
		const nf_claim *c = &f->claims[i];
		int other = c->is_other && !c->is_part;
		int vague = !other && weak(c) && !c->is_part && tier < T_VAGUE;
		int part = !other && c->is_part && tier < T_PARTS;
		int doubted = !other && tier == T_FIRM && c->hedged && !c->is_part && !weak(c) &&
		              !clustered(r, c->value);
		if (!other && !vague && !part && !doubted)
			continue;
		int dup = 0;
		for (size_t k = 0; k < n && !dup; k++) {
			const nf_claim *p = listed[k];
			dup = p->is_part == c->is_part && weak(p) == weak(c) &&
			      p->is_other == c->is_other && p->value == c->value &&
			      !strcmp(p->subject, c->subject);
		}
		if (dup)
			continue;
		listed[n] = c;
		st = nf_buf_puts(&r->out, n++ ? ", " : ". Also reported: ");
		if (!st)
			st = put_claim_value(&r->out, c);
		if (!st && vague)
			st = nf_buf_puts(&r->out, c->is_vague ? " (vague)" : " (over several events)");
		if (!st && other)
			st = nf_buf_puts(&r->out, " (another event)");
		if (!st && doubted)
			st = nf_buf_printf(&r->out, "%s%s (%s)", c->said_by ? " per " : "",
			                   c->said_by ? c->said_by : "", c->hedge);
		if (!st && part)
			st = nf_buf_printf(&r->out, " %s (part)", c->subject);
		if (!st && part && c->place)
			st = nf_buf_printf(&r->out, " in %s", c->place);
	}
	return st;
}

static nf_status explain(rc *r, const nf_figure *f, int tier, size_t chosen,
                         int newest)
{
	nf_buf *o = &r->out;
	nf_status st = NF_OK;
	o->len = 0;
	switch (f->status) {
	case NF_FIG_SINGLE:
	case NF_FIG_AGREED:
		st = put_cluster(r, f, tier, &r->cl[0]);
		if (!st)
			st = nf_buf_puts(o, f->status == NF_FIG_AGREED ?
			                 "; sources agree" : "; one independent source");
		break;
	case NF_FIG_CHANGING:
		st = nf_buf_puts(o, "count rose over time: ");
		for (size_t k = 0; k < r->ncl && !st; k++) {
			char day[11];
			/* the first and the last MAX_LISTED - 1 steps */
			if (k && k + MAX_LISTED - 1 < r->ncl) {
				if (k == 1)
					st = nf_buf_puts(o, " -> ...");
				continue;
			}
			nf_date_format(r->cl[k].rep->date, day);
			if (k)
				st = nf_buf_puts(o, " -> ");
			if (!st)
				st = put_claim_value(o, r->cl[k].rep);
			if (!st && day[0])
				st = nf_buf_printf(o, " (%s)", day);
		}
		if (!st)
			st = nf_buf_puts(o, "; latest count used");
		break;
	case NF_FIG_CONFLICT:
		st = nf_buf_puts(o, "sources disagree: ");
		size_t shown = 0;
		for (size_t k = 0; k < r->ncl && !st; k++) {
			size_t c = r->ncl - 1 - k; /* largest first */
			if (shown >= MAX_LISTED - 1 && c != chosen)
				continue;
			if (shown++)
				st = nf_buf_puts(o, "; ");
			if (!st)
				st = put_cluster(r, f, tier, &r->cl[c]);
		}
		if (!st && shown < r->ncl)
			st = nf_buf_printf(o, "; %zu other values", r->ncl - shown);
		if (!st) {
			st = nf_buf_puts(o, ". Value: ");
			if (!st)
				st = put_claim_value(o, r->cl[chosen].rep);
			if (!st)
				st = nf_buf_puts(o, newest ? ", the latest and largest count" :
				                 ", backed by the most independent sources");
		}
		break;
	}
	if (!st && tier == T_HEDGED)
		st = nf_buf_puts(o, " (every source doubts it)");
	if (!st && r->shot_killed > 0) {
		st = nf_buf_puts(o, "; wounded are the shot less the ");
		if (!st)
			st = put_number(o, r->shot_killed);
		if (!st)
			st = nf_buf_puts(o, " killed");
	}
	if (!st)
		st = put_extras(r, f, tier);
	return st;
}

static nf_status reconcile_one(rc *r, nf_figure *f)
{
	int tier = T_FIRM;
	while (tier < T_PARTS) {
		size_t n = 0;
		for (size_t i = 0; i < f->nclaims; i++)
			n += counts(&f->claims[i], tier);
		if (n)
			break;
		tier++;
	}
	make_clusters(r, f, tier);
	if (!r->ncl) {
		/* only other events: listed, no value */
		f->status = NF_FIG_SINGLE;
		r->out.len = 0;
		nf_status st = nf_buf_puts(&r->out, "no count of this event");
		if (!st)
			st = put_extras(r, f, tier);
		if (st)
			return st;
		f->explanation = nf_arena_strndup(&((nf_brief *)r->b)->arena, r->out.data, r->out.len);
		return f->explanation ? NF_OK : NF_ENOMEM;
	}
	describe_clusters(r, f, tier);
	if (!r->shot_view)
		count_tops(r, f, tier);
	size_t chosen = 0;
	int newest = 0;
	const cluster *pick;
	if (r->ncl == 1) {
		f->status = r->cl[0].groups >= 2 ? NF_FIG_AGREED : NF_FIG_SINGLE;
		pick = &r->cl[0];
		f->low = pick->rep->low;
		f->high = pick->rep->high;
	} else if (rising(r)) {
		f->status = NF_FIG_CHANGING;
		pick = &r->cl[r->ncl - 1];
		f->low = pick->rep->low;
		f->high = pick->rep->high;
	} else {
		f->status = NF_FIG_CONFLICT;
		chosen = conflict_choice(r, &newest);
		pick = &r->cl[chosen];
		f->low = r->cl[0].value;
		f->high = r->cl[r->ncl - 1].value;
	}
	f->value = pick->rep->value;
	nf_status st = explain(r, f, tier, chosen, newest);
	if (st)
		return st;
	f->explanation = nf_arena_strndup(&((nf_brief *)r->b)->arena, r->out.data, r->out.len);
	return f->explanation ? NF_OK : NF_ENOMEM;
}

/* Wounded from "shot" claims, which count the dead too: when no claim
 * counts the wounded directly ("three were wounded"), each shot count less
 * the brief's number killed ("four shot" and "one died" are three
 * wounded, "a man was shot" and "the man died" none). The claims keep the
 * number they state; only the figure's value is the difference. The number
 * killed is the value of the brief's main killed figure, reconciled just
 * before (figures are ordered by measure, killed first), rather than the
 * document's own: a later report of a death lowers the wounded of an
 * earlier "four shot". */
static nf_status reconcile_wounded(rc *r, nf_figure *f, double killed)
{
	int direct = 0, shot = 0;
	for (size_t i = 0; i < f->nclaims; i++) {
		const nf_claim *c = &f->claims[i];
		shot |= c->is_shot;
		direct |= !c->is_shot && !c->is_part && !weak(c);
	}
	if (!shot)
		return reconcile_one(r, f);
	nf_claim *view = malloc(f->nclaims * sizeof *view), *claims = f->claims;
	if (!view)
		return NF_ENOMEM;
	size_t n = 0;
	for (size_t i = 0; i < f->nclaims; i++) {
		nf_claim c = claims[i];
		/* with no one dead a shot count is a count of the wounded */
		if (c.is_shot && direct && killed > 0)
			continue;
		if (c.is_shot && !c.is_part && !weak(&c)) {
			c.value = fmax(0, c.value - killed);
			c.low = isnan(c.low) ? c.low : fmax(0, c.low - killed);
			c.high = isnan(c.high) ? c.high : fmax(0, c.high - killed);
		}
		view[n++] = c;
	}
	size_t nclaims = f->nclaims;
	f->claims = view;
	f->nclaims = n;
	r->shot_killed = direct ? 0 : killed;
	r->shot_view = 1;
	nf_status st = reconcile_one(r, f);
	r->shot_killed = 0;
	r->shot_view = 0;
	f->claims = claims;
	f->nclaims = nclaims;
	free(view);
	return st;
}

/* Whether a claim of f counts some of its event's own (a part will do:
 * "one of the victims died"): a figure made only of vague or several-event
 * counts ("the 19th child shot in the city this year, one fatally") tells
 * no one of this event dead. */
static int own_count(const nf_figure *f)
{
	for (size_t i = 0; i < f->nclaims; i++)
		if (!f->claims[i].is_other && !weak(&f->claims[i]))
			return 1;
	return 0;
}

/* The number killed that a shot figure of wounded counts too: the killed
 * figure of its own subject ("a boy was shot" and "the boy died"), else
 * for the brief's main wounded figure the main killed one ("two people
 * were shot" and "a man died"); 0 otherwise ("six patients were flown to
 * a hospital" is no count of the dead). */
static double killed_of(const nf_brief *b, const nf_figure *wounded,
                        const nf_figure *main_killed)
{
	for (size_t i = 0; i < b->nfigures; i++) {
		const nf_figure *f = &b->figures[i];
		if (!strcmp(f->measure, "killed") && !strcmp(f->subject, wounded->subject))
			return isnan(f->value) || !own_count(f) ? 0 : f->value;
	}
	int main_wounded = wounded == b->figures || strcmp(wounded[-1].measure, "injured");
	if (main_wounded && main_killed && !isnan(main_killed->value) && own_count(main_killed))
		return main_killed->value;
	return 0;
}

nf_status nf_figures_reconcile(nf_brief *b)
{
	size_t most = 0;
	for (size_t i = 0; i < b->nfigures; i++)
		if (b->figures[i].nclaims > most)
			most = b->figures[i].nclaims;
	rc r = {b, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, NF_BUF_INIT};
	r.mem = malloc((most ? most : 1) * sizeof *r.mem);
	r.cl = malloc((most ? most : 1) * sizeof *r.cl);
	r.stamp = calloc(NF_NDOCS(b->corpus) ? NF_NDOCS(b->corpus) : 1, sizeof *r.stamp);
	r.gmax = malloc((NF_NDOCS(b->corpus) ? NF_NDOCS(b->corpus) : 1) * sizeof *r.gmax);
	nf_status st = r.mem && r.cl && r.stamp && r.gmax ? NF_OK : NF_ENOMEM;
	const nf_figure *main_killed = NULL;
	for (size_t i = 0; i < b->nfigures && !st; i++) {
		nf_figure *f = &b->figures[i];
		if (strcmp(f->measure, "injured")) {
			st = reconcile_one(&r, f);
			if (!strcmp(f->measure, "killed") && !main_killed)
				main_killed = f; /* the first killed figure is the main one */
		} else {
			st = reconcile_wounded(&r, f, killed_of(b, f, main_killed));
		}
	}
	free(r.mem);
	free(r.cl);
	free(r.stamp);
	free(r.gmax);
	nf_buf_free(&r.out);
	return st;
}
