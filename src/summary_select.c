/*
 * summary_select.c - which units the summary holds: the most concept
 * weight within the word budget, each concept counted once however many
 * chosen units hold it (so saying a thing twice earns nothing).
 *
 * This is a budgeted maximum coverage problem, solved as an integer
 * program (Gillick and Favre, 2009) with GLPK:
 *   maximise    sum_c w_c x_c + sum_u bonus_u y_u
 *   subject to  sum_u words_u y_u <= budget
 *               x_c <= sum of y_u over the units u holding c
 *               y_a + y_b <= 1 for conflicting units (one restates the other)
 *               sum of y_u over the units of one sentence <= 1
 *               y_u binary, 0 <= x_c <= 1
 * (x_c need not be declared integer: for integer y the optimum has x_c =
 * min(1, sum y_u).) A heuristic answer comes first: greedy by weight
 * gained per word (Khuller et al.'s rule, or the best single unit if that
 * is worth more), then a local search exchanging one chosen unit for
 * another. Branch and bound starts from it and stops after MAX_NODES
 * nodes or MAX_ITERATIONS simplex iterations with the best answer found,
 * and a problem over MAX_NONZEROS keeps the heuristic's answer, so a hard
 * case costs bounded time and gives the same answer on every machine.
 * When GLPK fails, the heuristic answer stands.
 *
 * GLPK reports an internal error (out of memory) by calling a hook and
 * never returning; the hook here jumps back and frees GLPK's environment.
 * Its terminal output is turned off for the call and restored after.
 *
 * Measured on DUC 2002 (bench/rouge, ROUGE-1 / ROUGE-2 at 100 and 200
 * words): the search adds 0.002 / 0.001 and 0.006 / 0.011 over the
 * heuristic answer (0.006 / 0.007 at 100 words against whole references),
 * and covers 1 to 5% more weight on a third of the clusters; the local
 * search itself adds about 0.003 over greedy alone.
 *
 * Rejected: the heuristic alone (above); solving to proven optimality
 * (a few 200-word problems take seconds, for under 1% of weight); CBC
 * (coinor-cbc) instead of GLPK: no faster on these problems.
 */
#include <glpk.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"

typedef struct problem {
	const nf_concepts *k;
	const nf_unit *units;
	size_t n;
	const nf_conflict *conflicts;
	size_t nconflicts;
	size_t budget;
} problem;

/* A set of chosen units and what it covers. */
typedef struct state {
	const problem *p;
	uint8_t *pick;
	uint32_t *count;    /* by concept: chosen units holding it */
	uint32_t *blocked;  /* by unit: chosen units it may not join */
	uint32_t *adj0;     /* by unit: its conflicts adj[adj0[i] .. adj0[i+1]) */
	uint32_t *adj;
	size_t used;        /* words */
	double value;
} state;

/* What adding unit i would gain. */
static double gain(const state *s, size_t i)
{
	const nf_unit *u = &s->p->units[i];
	double g = u->bonus;
	for (uint32_t j = 0; j < u->nc; j++) {
		uint32_t c = s->p->k->ids[u->c0 + j];
		if (!s->count[c])
			g += s->p->k->weight[c];
	}
	return g;
}

static int fits(const state *s, size_t i)
{
	return !s->pick[i] && !s->blocked[i] && s->used + s->p->units[i].words <= s->p->budget;
}

static void toggle(state *s, size_t i, int on)
{
	const nf_unit *u = &s->p->units[i];
	const problem *p = s->p;
	s->pick[i] = (uint8_t)on;
	s->used = on ? s->used + u->words : s->used - u->words;
	s->value += on ? u->bonus : -u->bonus;
	for (uint32_t j = 0; j < u->nc; j++) {
		uint32_t c = p->k->ids[u->c0 + j];
		if (on && s->count[c]++ == 0)
			s->value += p->k->weight[c];
		else if (!on && --s->count[c] == 0)
			s->value -= p->k->weight[c];
	}
	for (uint32_t e = s->adj0[i]; e < s->adj0[i + 1]; e++)
		s->blocked[s->adj[e]] += on ? 1 : (uint32_t)-1;
}

/* Adds the unit gaining most per word while one fits and gains. */
static void fill(state *s)
{
	for (;;) {
		size_t best = s->p->n;
		double best_ratio = 1e-9;
		for (size_t i = 0; i < s->p->n; i++) {
			if (!fits(s, i) || !s->p->units[i].words)
				continue;
			double r = gain(s, i) / s->p->units[i].words;
			if (r > best_ratio) {
				best_ratio = r;
				best = i;
			}
		}
		if (best == s->p->n)
			return;
		toggle(s, best, 1);
	}
}

/* Exchanges of the local search: each costs units x chosen gain
 * evaluations; a 200-word summary settles in under ten. */
#define MAX_ROUNDS 50

/* Local search from the greedy answer: the best exchange of one chosen
 * unit for one that fits instead, then filling the budget again, while
 * that gains. */
static void improve(state *s)
{
	const problem *p = s->p;
	for (int round = 0; round < MAX_ROUNDS; round++) {
		double base = s->value, best = 1e-6;
		size_t out = p->n, in = p->n;
		for (size_t a = 0; a < p->n; a++) {
			if (!s->pick[a])
				continue;
			toggle(s, a, 0);
			double loss = base - s->value;
			for (size_t b = 0; b < p->n; b++)
				if (b != a && fits(s, b)) {
					double d = gain(s, b) - loss;
					if (d > best) {
						best = d;
						out = a;
						in = b;
					}
				}
			toggle(s, a, 1);
		}
		if (out == p->n)
			return;
		toggle(s, out, 0);
		toggle(s, in, 1);
		fill(s);
	}
}

/* The conflict lists of every unit: the given pairs and the units of the
 * same sentence (adjacent in units). */
static int adjacency(state *s)
{
	const problem *p = s->p;
	size_t n = p->n, ne = 0;
	uint32_t *deg = calloc(n + 1, sizeof *deg);
	if (!deg)
		return 0;
	for (size_t e = 0; e < p->nconflicts; e++) {
		deg[p->conflicts[e].a]++;
		deg[p->conflicts[e].b]++;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n && p->units[j].sent == p->units[i].sent; j++)
			deg[i]++, deg[j]++;
	s->adj0 = malloc((n + 1) * sizeof *s->adj0);
	for (size_t i = 0; i < n; i++)
		ne += deg[i];
	s->adj = malloc((ne ? ne : 1) * sizeof *s->adj);
	if (!s->adj0 || !s->adj) {
		free(deg);
		return 0;
	}
	s->adj0[0] = 0;
	for (size_t i = 0; i < n; i++)
		s->adj0[i + 1] = s->adj0[i] + deg[i];
	memset(deg, 0, (n + 1) * sizeof *deg);
	for (size_t e = 0; e < p->nconflicts; e++) {
		uint32_t a = p->conflicts[e].a, b = p->conflicts[e].b;
		s->adj[s->adj0[a] + deg[a]++] = b;
		s->adj[s->adj0[b] + deg[b]++] = a;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n && p->units[j].sent == p->units[i].sent; j++) {
			s->adj[s->adj0[i] + deg[i]++] = (uint32_t)j;
			s->adj[s->adj0[j] + deg[j]++] = (uint32_t)i;
		}
	free(deg);
	return 1;
}

/* Greedy by weight gained per word, then local search; the best single
 * unit instead when it is worth more. Returns the weight covered. */
static double heuristic(const problem *p, uint8_t *pick, int *oom)
{
	state s = {.p = p, .pick = pick};
	s.count = calloc(p->k->n ? p->k->n : 1, sizeof *s.count);
	s.blocked = calloc(p->n, sizeof *s.blocked);
	if (!s.count || !s.blocked || !adjacency(&s)) {
		*oom = 1;
	} else {
		memset(pick, 0, p->n);
		fill(&s);
		improve(&s);
	}
	size_t single = p->n;
	double single_value = s.value;
	for (size_t i = 0; !*oom && i < p->n; i++) {
		double v = p->units[i].value + p->units[i].bonus;
		if (p->units[i].words <= p->budget && v > single_value) {
			single_value = v;
			single = i;
		}
	}
	if (single < p->n) {
		memset(pick, 0, p->n);
		pick[single] = 1;
	}
	free(s.count);
	free(s.blocked);
	free(s.adj0);
	free(s.adj);
	return single_value;
}

static void glpk_abort(void *info)
{
	longjmp(*(jmp_buf *)info, 1);
}

/* The integer program's matrix, in GLPK's 1-based triplets. */
typedef struct matrix {
	int *ia, *ja;
	double *ar;
	size_t ne, cap;
	uint32_t *col;   /* concept id -> its x column, 0 when it has none */
	uint32_t *sent;  /* concept id -> a sentence holding it */
} matrix;

static int put(matrix *m, int row, int col, double v)
{
	if (m->ne + 1 >= m->cap)
		return 0;
	m->ne++;
	m->ia[m->ne] = row;
	m->ja[m->ne] = col;
	m->ar[m->ne] = v;
	return 1;
}

/* m->sent of a concept no unit holds, and of one held by two sentences. */
#define UNSEEN UINT32_MAX
#define SHARED (UINT32_MAX - 1)

/* Fills GLPK's problem; columns 1..n are the units, then the concepts. A
 * concept that only the units of one sentence hold (at most one of which
 * is chosen) needs no column: its weight goes to those units. */
static void build(glp_prob *lp, const problem *p, matrix *m)
{
	for (size_t i = 0; i < p->n; i++) {
		const nf_unit *u = &p->units[i];
		for (uint32_t j = 0; j < u->nc; j++) {
			uint32_t c = p->k->ids[u->c0 + j];
			if (m->sent[c] == UNSEEN)
				m->sent[c] = u->sent;
			else if (m->sent[c] != u->sent)
				m->sent[c] = SHARED;
		}
	}
	glp_set_obj_dir(lp, GLP_MAX);
	glp_add_cols(lp, (int)p->n);
	int ncols = (int)p->n;
	for (size_t i = 0; i < p->n; i++) {
		const nf_unit *u = &p->units[i];
		double own = u->bonus;
		for (uint32_t j = 0; j < u->nc; j++) {
			uint32_t c = p->k->ids[u->c0 + j];
			if (m->sent[c] != SHARED) {
				own += p->k->weight[c];
			} else if (!m->col[c]) {
				m->col[c] = (uint32_t)++ncols;
				glp_add_cols(lp, 1);
				glp_set_col_bnds(lp, ncols, GLP_DB, 0, 1);
				glp_set_obj_coef(lp, ncols, p->k->weight[c]);
			}
		}
		glp_set_col_kind(lp, (int)i + 1, GLP_BV);
		glp_set_obj_coef(lp, (int)i + 1, own);
	}
	int row = glp_add_rows(lp, 1);
	glp_set_row_bnds(lp, row, GLP_UP, 0, (double)p->budget);
	for (size_t i = 0; i < p->n; i++)
		put(m, row, (int)i + 1, p->units[i].words);
	/* x_c - sum y_u <= 0, one row per concept column */
	int first = ncols > (int)p->n ? glp_add_rows(lp, ncols - (int)p->n) : 0;
	for (int r = first; r && r < first + ncols - (int)p->n; r++) {
		glp_set_row_bnds(lp, r, GLP_UP, 0, 0);
		put(m, r, (int)p->n + 1 + (r - first), 1);
	}
	for (size_t i = 0; i < p->n; i++) {
		const nf_unit *u = &p->units[i];
		for (uint32_t j = 0; j < u->nc; j++) {
			uint32_t col = m->col[p->k->ids[u->c0 + j]];
			if (col)
				put(m, first + (int)(col - p->n - 1), (int)i + 1, -1);
		}
	}
	/* units of one sentence are adjacent: at most one of them */
	for (size_t i = 0; i < p->n;) {
		size_t e = i + 1;
		while (e < p->n && p->units[e].sent == p->units[i].sent)
			e++;
		if (e - i > 1) {
			row = glp_add_rows(lp, 1);
			glp_set_row_bnds(lp, row, GLP_UP, 0, 1);
			for (size_t j = i; j < e; j++)
				put(m, row, (int)j + 1, 1);
		}
		i = e;
	}
	for (size_t e = 0; e < p->nconflicts; e++) {
		row = glp_add_rows(lp, 1);
		glp_set_row_bnds(lp, row, GLP_UP, 0, 1);
		put(m, row, (int)p->conflicts[e].a + 1, 1);
		put(m, row, (int)p->conflicts[e].b + 1, 1);
	}
	glp_load_matrix(lp, (int)m->ne, m->ia, m->ja, m->ar);
}

/* Branch and bound is stopped after this many nodes, keeping the best
 * answer found: on DUC 2002 the search ends before 300 nodes for nearly
 * every 100-word summary, while a few 200-word ones would take seconds
 * for a last 1% of weight. A count, not a time, so the answer is the same
 * on any machine. */
#define MAX_NODES 300

/* And a cap on the simplex iterations, in case the nodes cost far more
 * than measured: the most a DUC 2002, gva-dev or seed summary takes is
 * about 3,400. Counted, not timed, for the same reason: a time limit made
 * the summary depend on the machine's load (an ASan fuzz run on a busy
 * machine briefed one input two ways). */
#define MAX_ITERATIONS 20000

/* Problems larger than this many nonzeros get the heuristic's answer
 * alone: the largest of DUC 2002, gva-dev and the seeds has 13,000, and a
 * problem of near-copies (every pair a conflict) costs seconds per few
 * hundred nodes from 25,000 on. */
#define MAX_NONZEROS 30000

typedef struct search {
	const double *start;  /* the heuristic's answer, GLPK's columns 1.. */
	int given;
} search;

/* GLPK's callback: hands it the heuristic's answer to start from, and
 * stops the search at MAX_NODES or MAX_ITERATIONS. */
static void branch_and_bound(glp_tree *tree, void *info)
{
	search *s = info;
	if (glp_ios_reason(tree) == GLP_IHEUR && !s->given) {
		s->given = 1;
		glp_ios_heur_sol(tree, s->start);
	}
	int active, current, total;
	glp_ios_tree_size(tree, &active, &current, &total);
	if (total > MAX_NODES || glp_get_it_cnt(glp_ios_get_prob(tree)) > MAX_ITERATIONS)
		glp_ios_terminate(tree);
}

/* Solves the integer program into pick, starting from the heuristic's
 * answer in start (room for every column); returns its objective, or -1
 * when GLPK found no solution. */
static double intopt(const problem *p, matrix *m, const uint8_t *heuristic_pick,
                     double *start, uint8_t *pick)
{
	glp_prob *lp = glp_create_prob();
	build(lp, p, m);
	for (size_t i = 0; i < p->n; i++) {
		if (!heuristic_pick[i])
			continue;
		start[i + 1] = 1;
		const nf_unit *u = &p->units[i];
		for (uint32_t j = 0; j < u->nc; j++)
			start[m->col[p->k->ids[u->c0 + j]]] = 1; /* col 0: no column */
	}
	glp_smcp lp_parm;
	glp_init_smcp(&lp_parm);
	lp_parm.msg_lev = GLP_MSG_OFF;
	lp_parm.it_lim = MAX_ITERATIONS;
	search s = {start, 0};
	glp_iocp parm;
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.cb_func = branch_and_bound;
	parm.cb_info = &s;
	/* the integer search starts from the relaxation's optimal basis */
	int rc = glp_simplex(lp, &lp_parm);
	if (rc == 0)
		rc = glp_intopt(lp, &parm);
	int status = glp_mip_status(lp);
	double value = -1;
	if ((rc == 0 || rc == GLP_ESTOP) &&
	    (status == GLP_OPT || status == GLP_FEAS)) {
		value = glp_mip_obj_val(lp);
		for (size_t i = 0; i < p->n; i++)
			pick[i] = glp_mip_col_val(lp, (int)i + 1) > 0.5;
	}
	glp_delete_prob(lp);
	return value;
}

/* intopt() with GLPK's errors caught: -1 when it failed. */
static double solve(const problem *p, matrix *m, const uint8_t *heuristic_pick,
                    double *start, uint8_t *pick)
{
	jmp_buf jump;
	int term = glp_term_out(GLP_OFF);
	if (setjmp(jump)) {
		glp_free_env();
		return -1;
	}
	glp_error_hook(glpk_abort, &jump);
	double value = intopt(p, m, heuristic_pick, start, pick);
	glp_error_hook(NULL, NULL);
	glp_term_out(term);
	return value;
}

static nf_status exact(const problem *p, const uint8_t *heuristic_pick, uint8_t *pick,
                       double *value)
{
	matrix m = {0};
	size_t ne = p->n + 1;
	for (size_t i = 0; i < p->n; i++)
		ne += 2 * (size_t)p->units[i].nc + 1;
	ne += 2 * p->nconflicts + 1;
	if (ne > MAX_NONZEROS)
		return NF_OK;
	m.cap = ne + 1;
	m.ia = malloc(m.cap * sizeof *m.ia);
	m.ja = malloc(m.cap * sizeof *m.ja);
	m.ar = malloc(m.cap * sizeof *m.ar);
	m.col = calloc(p->k->n ? p->k->n : 1, sizeof *m.col);
	m.sent = malloc((p->k->n ? p->k->n : 1) * sizeof *m.sent);
	double *start = calloc(p->n + p->k->n + 1, sizeof *start);
	nf_status st = NF_ENOMEM;
	if (m.ia && m.ja && m.ar && m.col && m.sent && start) {
		for (size_t c = 0; c < p->k->n; c++)
			m.sent[c] = UNSEEN;
		*value = solve(p, &m, heuristic_pick, start, pick);
		st = NF_OK;
	}
	free(start);
	free(m.ia);
	free(m.ja);
	free(m.ar);
	free(m.col);
	free(m.sent);
	return st;
}

nf_status nf_select(const nf_concepts *k, const nf_unit *units, size_t nunits,
                    const nf_conflict *conflicts, size_t nconflicts,
                    size_t budget, nf_vec *chosen)
{
	if (!nunits)
		return NF_OK;
	problem p = {k, units, nunits, conflicts, nconflicts, budget};
	uint8_t *pick = calloc(nunits, 1), *alt = calloc(nunits, 1);
	nf_status st = NF_ENOMEM;
	int oom = 0;
	if (!pick || !alt)
		goto done;
	double by_heuristic = heuristic(&p, pick, &oom), by_ilp = -1;
	if (oom)
		goto done;
	if ((st = exact(&p, pick, alt, &by_ilp)))
		goto done;
	if (by_ilp > by_heuristic + 1e-6)
		memcpy(pick, alt, nunits);
	size_t any = 0;
	for (size_t i = 0; i < nunits; i++)
		any += pick[i];
	if (!any) { /* nothing fits: the most valuable unit, over the budget */
		size_t best = 0;
		for (size_t i = 1; i < nunits; i++)
			if (units[i].value + units[i].bonus > units[best].value + units[best].bonus)
				best = i;
		pick[best] = 1;
	}
	for (size_t i = 0; i < nunits; i++) {
		if (!pick[i])
			continue;
		uint32_t *slot = nf_vec_push(chosen, sizeof *slot);
		if (!slot) {
			st = NF_ENOMEM;
			goto done;
		}
		*slot = (uint32_t)i;
	}
	st = NF_OK;
done:
	free(pick);
	free(alt);
	return st;
}
