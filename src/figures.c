/*
 * figures.c - claims of numbers (killed, detained, ...) in every headline
 * and sentence, grouped into figures for reconcile.c.
 *
 * Measure vocabulary (nf_claim.measure, also documented in the brief's
 * schema):
 *   killed     dead: killed, died, dead, deaths, bodies, fatally shot
 *   injured    injured, wounded, hurt, hospitalised
 *   detained   detained, arrested, jailed, detentions, taken into custody
 *   missing    missing, unaccounted for
 *   displaced  evacuated, displaced, homeless, fled/left their homes
 *   deployed   troops, police or rescuers sent, deployed, dispatched
 *   damaged    buildings, stores, homes looted, damaged, destroyed, torched
 * Money is not read (amounts of money rarely conflict between reports and
 * are easy to confuse with counts). Attackers ("a group of 20,000 bandits")
 * are no measure and are skipped.
 *
 * How: the corpus lexicon is classified once (which word is a number word,
 * a measure verb, an auxiliary, a unit, a speech verb, a noun of people ...),
 * so a sentence is first checked with one table look-up per token: it is
 * read further only when it has both something that may be an amount
 * (digits, a number word, "dozens", "no one", a person, a pronoun, a
 * capitalised word) and a measure word. Each amount in such a sentence is
 * then tried against a few English patterns, in this order:
 *   1. its noun phrase: "23 dead", "40 flood deaths", "64 injured people",
 *      "16 police and army officers killed";
 *   2. a verb before it, whose object it is: "killing at least nine
 *      people", "detained some 5,800 people", "the sending of about 2,500
 *      troops", "the murder of Jo Li";
 *   3. a passive or predicate after it: "164 people were killed", "44 people
 *      who are still missing", "12 residents and 3 rescue workers had died",
 *      "6,300 people have left their homes", and the words of the wounded:
 *      "was taken to a hospital", "is in critical condition", "suffered
 *      injuries", "is fighting for her life";
 *   4. the measure of a total before a colon: "15: 12 residents and three";
 *   5. a toll noun earlier in the sentence: "the death toll rose to 15",
 *      "the number of people detained ... the latest figure of 5,800";
 *   6. forces with a deployment word in the sentence: "a force numbering
 *      around 2,500 ... is operating";
 *   7. a distant passive for a sentence-initial amount: "Two engineers from
 *      the company that runs the dam were detained";
 *   8. the measure of the amount it is coordinated with: "killing A, 18, and
 *      B, 20", "killed two men and a woman".
 * A verb with an object after it is active ("a man shot his wife"): its
 * subject is who did it, not whom it happened to. A count of people needs a
 * noun of people ("12 wounds", "64 casings" are none).
 * Not counts: years (four digits 1900-2099 without a comma), ages ("Tokayev,
 * 68,", "a boy, 9,", "two sons, 10 and 12,", "81-year-old"), days ("Jan.
 * 19"), numbers glued to - / : % or a letter (times, scores, phone numbers,
 * "10km"), numbers followed by a unit (years, km, percent, dollars ...),
 * after "No."/"page"/"Hwy"/a currency sign, digits quoted alone ("called
 * \"504\""), shots ("fired one shot"), "a mother of two", and comparatives
 * ("eight more than the official count").
 *
 * One person is an amount of one, and a lower bound (others may be counted
 * elsewhere, so "a man was killed" agrees with "two were killed"): "a man",
 * "an unidentified 17-year-old boy" (or "17 year old"), "an eighth-grader",
 * "the victim", "his mother", "her father" (a possessive), "Jane Doe, 24,",
 * "killed 19-year-old Jo Li", a name where a count can stand ("killing
 * Paige Stalker", "Seichter was shot"), a pronoun ("he was shot", "killing
 * her"), "his death", a headline's person anywhere ("Teen dies", "Police
 * identify victim killed", "Man, woman found dead") or "shooting death",
 * and the doer harmed by his own hand ("before killing himself", "turned
 * the gun on himself", "fatally shoots self", "commits suicide"; "a son
 * who killed himself" is the son). An
 * appositive is the person before it ("The victim, a 25-year-old man, was
 * killed" is one; "Tom Hale, Rita Voss" and "Man, woman" are lists). Such
 * an amount is read only from its own phrase, never from a toll elsewhere
 * in the sentence. "Another" is one more, "both men" two (", and both
 * were shot": the two told of, their total), "a
 * murder-suicide" at least two dead ("a double murder-suicide" three). An
 * ordinal with
 * "a" (or a headline's) is a lower bound of the dead or of all hit ("a
 * third person has died", "a fifth was struck"; their exact total after a
 * count of one less: "four were hit and a fifth"), not of the wounded alone
 * ("a third person was hurt" may follow two dead), nor "the third victim",
 * who is numbered.
 *
 * What did not happen is no claim: "could have killed her", "should've
 * been five dead", "tried to kill", "was going to kill", "attempted
 * murder" (also "attempted first-degree murder"), "nearly killed", "asked
 * if anyone had been killed".
 *
 * "Shot" (and "struck", "grazed", "taken to a hospital") counts the dead
 * with the wounded unless the sentence says which ("fatally shot", "shot
 * dead", "shot and killed", "one of them fatally", "shot ... has died";
 * "shot and wounded" is the wounded):
 * such claims keep the number stated, flagged is_shot, and reconcile.c
 * takes the brief's dead off them. A shot who lived ("treated and
 * released", "in stable condition") or "another man was shot" is wounded;
 * "who were shot at the fair have died" and "taken off life
 * support" are deaths.
 *
 * Qualifiers give the range: "at least"/"more than"/"over" [N, open);
 * "up to"/"as many as"/"at most" (open, N]; "nearly"/"almost" [0.9N, N];
 * "about"/"around"/"some"/"an estimated" [0.9N, 1.1N] (news rounds to one or
 * two significant figures, so ten per cent is the usual spread); "between N
 * and M" [N, M], value N. Vague words are ranges too (numbers.c). "No one
 * was hurt" is 0; "no one else was hurt" is no count.
 *
 * Parts: "103 of the deaths", "15 of its 68 stores", "including three
 * children", "eleven of them children" are claims with is_part, filed under
 * the figure of the whole they are part of; but "five were shot, one of
 * whom died" is the whole of the dead. Components: two or more exact claims
 * of one measure in one sentence that state no total ("26 protesters ... and
 * 16 officers were killed", "a man and a woman were killed", "Man, woman
 * shot", "Jo Li was shot along with a boy") add a summed claim (is_sum,
 * subject people); a person is one more only when joined on ("and", a
 * comma, "also injured a woman"), and a name counts once ("Jo Li" and
 * "Li"); "three other men" are others than those counted. Counts by
 * place ("19 in Port Alden and five in Elm Bay") are components too, each
 * a part with its place. Counts in a sentence over several events ("in
 * weekend shootings", "this year") are flagged is_aggregate: listed, never
 * rivals. A group's figure whose count
 * (ten or more) is also stated of people in general is the same dead under
 * another noun ("10 bandsmen", "10 people") and joins the general figure.
 * The figure of people comes first of its measure, the main one, when a
 * whole claim of it states a count or no other figure's does: "her nephew
 * was shot" is no total beside "five teens were shot".
 *
 * Claims about another event than the article's own are flagged is_other
 * (reconcile.c lists them, never counts them): a body sentence naming an
 * earlier year, a month or a date a week or more before the story's first
 * report, or an earlier time or another case ("last year", "a month
 * earlier", "a previous shooting", "in that case"), and what "came two
 * months after" tells. The headline and the lead sentence are the article's
 * own event, so they never are.
 *
 * Each claim gets said_by (the speaker of the nearest "X said", "according
 * to X", "said X" in its sentence), hedges from its own sentence or the one
 * or two after it when those speak of "the figure"/"the post"/"the toll"
 * (unconfirmed, deleted, disputed, could rise, estimated, unofficial; "an
 * estimated N" alone is labelled but not doubted: hedged is 0), the
 * document's publication date (or an absolute date in the sentence up to two
 * days before it) and the quoted sentence.
 *
 * Measured on gva-dev with bench/figures-gva (bench/README.md). The word
 * lists are English news usage, not the data set's words; the thresholds
 * carry their reasons where they are set.
 *
 * Rejected: a dependency parser (no dependency we may add, and orders of
 * magnitude slower than a table-driven pass); regular expressions over the
 * raw text (blind to tokens, and each pattern would rescan the sentence).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "numbers.h"
#include "stages.h"

enum measure {
	M_NONE = 0, M_KILLED, M_INJURED, M_DETAINED, M_MISSING, M_DISPLACED,
	M_DEPLOYED, M_DAMAGED,
	M_SHOT, /* "shot": the wounded and the dead together, filed as injured */
	M_COUNT
};

static const char *const measure_names[M_COUNT] = {
	NULL, "killed", "injured", "detained", "missing", "displaced",
	"deployed", "damaged", "injured"};

/* Word roles, by lexicon id: a bit each, 64 of them at most. */
#define BIT(n) (UINT64_C(1) << (n))
#define W_NUM      BIT(0)   /* number word, scale, vague amount */
#define W_NEG      BIT(1)   /* no, nobody, none */
#define W_POST     BIT(2)   /* measure word after its noun: killed, missing */
#define W_PRE      BIT(3)   /* measure verb/noun before the amount: killing */
#define W_NOUN     BIT(4)   /* measure noun: deaths, dead, arrests */
#define W_TOLL     BIT(5)   /* toll, number, count, tally, total, figure */
#define W_AUX      BIT(6)   /* skipped between subject and measure: were, still */
#define W_SPEECH   BIT(7)   /* said, told, according */
#define W_SPEECHT  BIT(8)   /* put, gave: speech only before a toll noun */
#define W_UNIT     BIT(9)   /* years, km, percent: the amount is no count */
#define W_DEPLOY   BIT(10)  /* a word saying forces are deployed */
#define W_REL      BIT(11)  /* who, that, which */
#define W_REFER    BIT(12)  /* figure, post, claim: a later sentence's referent */
#define W_NEGATOR  BIT(13)  /* not, never, unable: before "confirm" */
#define W_MODAL    BIT(14)  /* could, may, expected: before "rise" */
#define W_HOMEV    BIT(15)  /* left, fled, forced (their homes) */
#define W_HOME     BIT(16)  /* home, homes, houses */
#define W_PARTPRE  BIT(17)  /* including, among */
#define W_DET      BIT(18)  /* the, its, their, them: "15 of its 68 stores" */
#define W_COMPAR   BIT(19)  /* more, fewer, less, times: "eight more than" */
#define W_PREVREJ  BIT(20)  /* no., page, aged: the next number is no count */
#define W_LINK     BIT(21)  /* to, at, of, is: "rose to 15", "figure of" */
#define W_FORCE    BIT(22)  /* troops, force, rescuers, police */
#define W_PERSON   BIT(23)  /* man, woman, victim: "a man was killed" is one */
#define W_PEOPLE   BIT(24)  /* plural person nouns: residents, members */
#define W_THING    BIT(25)  /* -er/-or nouns that are no people: numbers, doors */
#define W_FIRE     BIT(26)  /* fired, firing: the next amount counts shots */
#define W_PRON     BIT(27)  /* he, she, him: one person */
#define W_CARRY    BIT(28)  /* taken, rushed, airlifted (to a hospital) */
#define W_SUFFER   BIT(29)  /* suffered, sustained (injuries) */
#define W_WOUND    BIT(30)  /* wound, wounds, injuries */
#define W_CUE      BIT(31)  /* hospital, condition, suicide: worth reading */
#define W_MONTH    BIT(32)  /* a month name: January, Jan */
#define W_WEEKDAY  BIT(33)  /* a weekday name: Sunday, Sun */
#define W_OPEN     BIT(34)  /* a, another, both, himself: may open an amount */
#define W_TIME     BIT(35)  /* today, late, earlier: says when, not who */
#define W_TITLE    BIT(36)  /* Capt, Gen, Det: a rank or office abbreviated
                               before a name, its period part of the name */
#define W_ANON     BIT(37)  /* many, others: who, but nobody named */

/* Hedge kinds, in the order they are printed. */
enum {
	H_UNCONFIRMED = 1 << 0, H_DELETED = 1 << 1, H_DISPUTED = 1 << 2,
	H_RISE = 1 << 3, H_ESTIMATED = 1 << 4, H_UNOFFICIAL = 1 << 5,
	H_CONFIRM = 1 << 6, /* "confirmed": unconfirmed only after a negator */
	H_NKINDS = 6
};
static const char *const hedge_names[H_NKINDS] = {
	"unconfirmed", "deleted", "disputed", "could rise", "estimated",
	"unofficial"};

typedef struct word_role {
	const char *w;
	uint64_t flags;
	unsigned char measure, hedge;
} word_role;

#define K M_KILLED
#define I M_INJURED
#define S M_SHOT
#define D M_DETAINED
#define MI M_MISSING
#define DI M_DISPLACED
#define DE M_DEPLOYED
#define DA M_DAMAGED
static const word_role roles[] = {
	/* killed */
	{"killed", W_POST | W_PRE, K, 0}, {"kill", W_PRE, K, 0},
	{"kills", W_PRE, K, 0}, {"killing", W_PRE, K, 0},
	{"dead", W_POST | W_NOUN, K, 0}, {"died", W_POST, K, 0},
	{"dies", W_POST, K, 0},
	{"deaths", W_NOUN | W_PRE, K, 0}, {"death", W_NOUN | W_PRE, K, 0},
	{"fatalities", W_NOUN, K, 0}, {"bodies", W_NOUN, K, 0},
	{"lives", W_NOUN, K, 0}, {"slain", W_POST, K, 0},
	{"murdered", W_POST | W_PRE, K, 0}, {"perished", W_POST, K, 0},
	{"drowned", W_POST, K, 0}, {"murder", W_NOUN | W_PRE, K, 0},
	{"succumbed", W_POST, K, 0}, {"deceased", W_POST | W_NOUN, K, 0},
	{"slaying", W_PRE, K, 0}, {"killings", W_NOUN, K, 0},
	/* "shot" is a wound or a death unless the sentence says which
	 * (measure_at); so are the other words of being hit by gunfire */
	{"shot", W_POST | W_PRE, S, 0}, {"struck", W_POST | W_PRE, S, 0},
	{"striking", W_PRE, S, 0}, {"hitting", W_PRE, S, 0},
	{"shooting", W_PRE, S, 0}, {"shoots", W_PRE, S, 0}, {"shoot", W_PRE, S, 0},
	{"grazed", W_POST | W_PRE, S, 0},
	{"grazing", W_PRE, S, 0},
	/* injured */
	{"injured", W_POST | W_PRE | W_NOUN, I, 0}, {"injuring", W_PRE, I, 0},
	{"injure", W_PRE, I, 0}, {"injures", W_PRE, I, 0},
	{"wounds", W_PRE | W_WOUND, I, 0}, {"hurts", W_PRE, I, 0},
	{"wounded", W_POST | W_PRE | W_NOUN, I, 0},
	{"wounding", W_PRE, I, 0}, {"hurt", W_POST, I, 0},
	{"injuries", W_NOUN | W_WOUND, I, 0}, {"hospitalized", W_POST, I, 0},
	{"hospitalised", W_POST, I, 0}, {"treated", W_POST, I, 0},
	{"recovering", W_POST, I, 0},
	{"injury", W_WOUND, 0, 0}, {"wound", W_WOUND, 0, 0},
	{"hospital", W_CUE, 0, 0},
	{"condition", W_CUE, 0, 0}, {"life", W_CUE, 0, 0},
	{"suicide", W_CUE, 0, 0},
	{"suffered", W_SUFFER, 0, 0}, {"sustained", W_SUFFER, 0, 0},
	{"suffering", W_SUFFER, 0, 0}, {"sustaining", W_SUFFER, 0, 0},
	{"transported", W_CARRY, 0, 0}, {"rushed", W_CARRY, 0, 0},
	{"airlifted", W_CARRY, 0, 0}, {"flown", W_CARRY, 0, 0},
	{"driven", W_CARRY | W_HOMEV, 0, 0}, {"brought", W_CARRY, 0, 0},
	{"carried", W_CARRY, 0, 0},
	/* detained */
	{"detained", W_POST | W_PRE, D, 0}, {"detaining", W_PRE, D, 0},
	{"detain", W_PRE, D, 0}, {"arrested", W_POST | W_PRE, D, 0},
	{"arresting", W_PRE, D, 0}, {"arrest", W_PRE, D, 0},
	{"arrests", W_NOUN | W_PRE, D, 0}, {"detentions", W_NOUN, D, 0},
	{"detention", W_PRE, D, 0}, {"detainees", W_NOUN, D, 0},
	{"jailed", W_POST | W_PRE, D, 0}, {"apprehended", W_POST | W_PRE, D, 0},
	{"custody", W_POST, D, 0},
	/* missing */
	{"missing", W_POST | W_NOUN, MI, 0}, {"unaccounted", W_POST, MI, 0},
	/* displaced */
	{"evacuated", W_POST | W_PRE, DI, 0}, {"evacuating", W_PRE, DI, 0},
	{"evacuate", W_PRE, DI, 0}, {"evacuation", W_PRE, DI, 0},
	{"displaced", W_POST | W_PRE | W_NOUN, DI, 0}, {"displacing", W_PRE, DI, 0},
	{"evacuees", W_NOUN, DI, 0}, {"homeless", W_POST, DI, 0},
	/* deployed */
	{"deployed", W_POST | W_PRE | W_DEPLOY, DE, 0},
	{"deploying", W_PRE | W_DEPLOY, DE, 0}, {"deploy", W_PRE | W_DEPLOY, DE, 0},
	{"deployment", W_PRE | W_DEPLOY, DE, 0}, {"sent", W_POST | W_PRE | W_DEPLOY, DE, 0},
	{"sending", W_PRE | W_DEPLOY, DE, 0}, {"send", W_PRE | W_DEPLOY, DE, 0},
	{"dispatched", W_POST | W_PRE | W_DEPLOY, DE, 0},
	{"dispatching", W_PRE | W_DEPLOY, DE, 0}, {"stationed", W_POST | W_DEPLOY, DE, 0},
	{"mobilized", W_POST | W_PRE | W_DEPLOY, DE, 0},
	{"mobilised", W_POST | W_PRE | W_DEPLOY, DE, 0},
	{"operating", W_DEPLOY, 0, 0}, {"arrived", W_DEPLOY, 0, 0},
	{"numbering", W_DEPLOY, 0, 0}, {"peacekeeping", W_DEPLOY, 0, 0},
	/* damaged */
	{"damaged", W_POST | W_PRE, DA, 0}, {"destroyed", W_POST | W_PRE, DA, 0},
	{"looted", W_POST | W_PRE, DA, 0}, {"torched", W_POST | W_PRE, DA, 0},
	{"burned", W_POST, DA, 0}, {"burnt", W_POST, DA, 0},
	{"flooded", W_POST, DA, 0}, {"ransacked", W_POST | W_PRE, DA, 0},
	{"vandalized", W_POST, DA, 0}, {"vandalised", W_POST, DA, 0},
	{"razed", W_POST, DA, 0}, {"gutted", W_POST, DA, 0},
	{"damaging", W_PRE, DA, 0}, {"destroying", W_PRE, DA, 0},
	{"looting", W_PRE, DA, 0},
	/* amounts */
	{"no", W_NEG | W_PREVREJ | W_NEGATOR, 0, 0}, {"nobody", W_NEG, 0, 0},
	{"none", W_NEG, 0, 0},
	{"he", W_PRON, 0, 0}, {"she", W_PRON, 0, 0}, {"him", W_PRON, 0, 0},
	{"a", W_OPEN, 0, 0}, {"an", W_OPEN, 0, 0}, {"another", W_OPEN, 0, 0},
	{"both", W_OPEN, 0, 0}, {"committed", W_OPEN, 0, 0},
	{"himself", W_OPEN | W_CUE, 0, 0}, {"herself", W_OPEN | W_CUE, 0, 0},
	{"self", W_OPEN, 0, 0}, {"commits", W_OPEN, 0, 0},
	{"committing", W_OPEN, 0, 0},
	{"murder-suicide", W_OPEN | W_CUE, 0, 0}, {"murder-suicides", W_OPEN | W_CUE, 0, 0},
	{"hundred", W_NUM, 0, 0}, {"thousand", W_NUM, 0, 0},
	{"million", W_NUM, 0, 0}, {"billion", W_NUM, 0, 0},
	{"dozens", W_NUM, 0, 0}, {"scores", W_NUM, 0, 0},
	{"hundreds", W_NUM, 0, 0}, {"thousands", W_NUM, 0, 0},
	{"millions", W_NUM, 0, 0}, {"several", W_NUM, 0, 0},
	{"tens", W_NUM, 0, 0},
	/* tolls */
	{"toll", W_TOLL | W_REFER, 0, 0}, {"number", W_TOLL | W_REFER | W_PREVREJ, 0, 0},
	{"count", W_TOLL | W_REFER, 0, 0}, {"tally", W_TOLL | W_REFER, 0, 0},
	{"total", W_TOLL | W_REFER, 0, 0}, {"figure", W_TOLL | W_REFER, 0, 0},
	{"figures", W_REFER, 0, 0}, {"numbers", W_REFER, 0, 0},
	{"claim", W_REFER, 0, 0}, {"claims", W_REFER, 0, 0},
	{"post", W_REFER, 0, 0}, {"posts", W_REFER, 0, 0},
	{"report", W_REFER, 0, 0}, {"tweet", W_REFER, 0, 0},
	/* auxiliaries and adverbs between a subject and its participle */
	{"were", W_AUX, 0, 0}, {"was", W_AUX, 0, 0}, {"have", W_AUX, 0, 0},
	{"has", W_AUX, 0, 0}, {"had", W_AUX, 0, 0}, {"been", W_AUX, 0, 0},
	{"are", W_AUX | W_LINK, 0, 0}, {"is", W_AUX | W_LINK, 0, 0},
	{"be", W_AUX, 0, 0}, {"being", W_AUX, 0, 0}, {"all", W_AUX, 0, 0},
	{"also", W_AUX, 0, 0}, {"now", W_AUX, 0, 0}, {"later", W_AUX, 0, 0},
	{"still", W_AUX, 0, 0}, {"already", W_AUX, 0, 0}, {"else", W_AUX, 0, 0},
	{"allegedly", W_AUX, 0, 0}, {"reportedly", W_AUX, 0, 0},
	{"officially", W_AUX, 0, 0}, {"initially", W_AUX, 0, 0},
	{"found", W_AUX, 0, 0}, {"remain", W_AUX, 0, 0}, {"remains", W_AUX, 0, 0},
	{"remained", W_AUX, 0, 0}, {"into", W_AUX, 0, 0},
	{"listed", W_AUX, 0, 0}, {"as", W_AUX, 0, 0}, {"believed", W_AUX, 0, 0},
	{"feared", W_AUX | W_MODAL, 0, 0}, {"presumed", W_AUX, 0, 0},
	{"pronounced", W_AUX, 0, 0}, {"declared", W_AUX, 0, 0},
	{"fatally", W_AUX, 0, 0}, {"mortally", W_AUX, 0, 0},
	{"got", W_AUX, 0, 0}, {"both", W_AUX, 0, 0}, {"left", W_AUX | W_HOMEV, 0, 0},
	{"taken", W_AUX | W_CARRY, 0, 0},
	{"overnight", W_AUX, 0, 0}, {"today", W_AUX, 0, 0},
	{"yesterday", W_AUX, 0, 0}, {"tonight", W_AUX, 0, 0},
	{"apiece", W_AUX, 0, 0}, {"respectively", W_AUX, 0, 0},
	/* what a speaker's place may hold that names nobody */
	{"today", W_TIME, 0, 0}, {"yesterday", W_TIME, 0, 0}, {"tonight", W_TIME, 0, 0},
	{"late", W_TIME, 0, 0}, {"early", W_TIME, 0, 0}, {"earlier", W_TIME, 0, 0},
	{"later", W_TIME, 0, 0}, {"first", W_TIME, 0, 0},
	{"many", W_ANON, 0, 0}, {"others", W_ANON, 0, 0},
	{"altogether", W_AUX, 0, 0}, {"ago", W_AUX, 0, 0}, {"earlier", W_AUX, 0, 0},
	{"reported", W_AUX | W_SPEECH, 0, 0},
	{"confirmed", W_AUX | W_SPEECH, 0, H_CONFIRM},
	/* relative pronouns */
	{"who", W_REL, 0, 0}, {"that", W_REL, 0, 0}, {"which", W_REL, 0, 0},
	{"whose", W_REL, 0, 0},
	/* speech */
	{"said", W_SPEECH, 0, 0}, {"says", W_SPEECH, 0, 0}, {"say", W_SPEECH, 0, 0},
	{"told", W_SPEECH, 0, 0}, {"tells", W_SPEECH, 0, 0},
	{"reports", W_SPEECH | W_REFER, 0, 0}, {"announced", W_SPEECH, 0, 0},
	{"announces", W_SPEECH, 0, 0}, {"confirms", W_SPEECH, 0, 0},
	{"stated", W_SPEECH, 0, 0}, {"added", W_SPEECH, 0, 0},
	{"according", W_SPEECH, 0, 0}, {"claimed", W_SPEECH, 0, 0},
	{"wrote", W_SPEECH, 0, 0}, {"tweeted", W_SPEECH, 0, 0},
	{"put", W_SPEECHT, 0, 0}, {"puts", W_SPEECHT, 0, 0},
	{"gave", W_SPEECHT, 0, 0}, {"giving", W_SPEECHT, 0, 0},
	{"gives", W_SPEECHT, 0, 0},
	/* units: an amount followed by one is no count */
	{"years", W_UNIT, 0, 0}, {"year", W_UNIT, 0, 0}, {"months", W_UNIT, 0, 0},
	{"month", W_UNIT, 0, 0}, {"days", W_UNIT, 0, 0}, {"day", W_UNIT, 0, 0},
	{"hours", W_UNIT, 0, 0}, {"hour", W_UNIT, 0, 0}, {"minutes", W_UNIT, 0, 0},
	{"minute", W_UNIT, 0, 0}, {"seconds", W_UNIT, 0, 0}, {"weeks", W_UNIT, 0, 0},
	{"week", W_UNIT, 0, 0}, {"decades", W_UNIT, 0, 0}, {"decade", W_UNIT, 0, 0},
	{"km", W_UNIT, 0, 0}, {"kilometres", W_UNIT, 0, 0},
	{"kilometers", W_UNIT, 0, 0}, {"miles", W_UNIT, 0, 0}, {"mile", W_UNIT, 0, 0},
	{"metres", W_UNIT, 0, 0}, {"meters", W_UNIT, 0, 0}, {"feet", W_UNIT, 0, 0},
	{"foot", W_UNIT, 0, 0}, {"ft", W_UNIT, 0, 0}, {"inches", W_UNIT, 0, 0},
	{"yards", W_UNIT, 0, 0}, {"percent", W_UNIT, 0, 0}, {"per", W_UNIT, 0, 0},
	{"dollars", W_UNIT, 0, 0}, {"euros", W_UNIT, 0, 0}, {"pounds", W_UNIT, 0, 0},
	{"tenge", W_UNIT, 0, 0}, {"rubles", W_UNIT, 0, 0}, {"roubles", W_UNIT, 0, 0},
	{"yuan", W_UNIT, 0, 0}, {"rupees", W_UNIT, 0, 0}, {"cents", W_UNIT, 0, 0},
	{"points", W_UNIT, 0, 0}, {"times", W_UNIT | W_COMPAR, 0, 0},
	{"am", W_UNIT, 0, 0}, {"pm", W_UNIT, 0, 0}, {"a.m", W_UNIT, 0, 0},
	{"p.m", W_UNIT, 0, 0}, {"gmt", W_UNIT, 0, 0}, {"utc", W_UNIT, 0, 0},
	{"mph", W_UNIT, 0, 0}, {"kg", W_UNIT, 0, 0}, {"tons", W_UNIT, 0, 0},
	{"tonnes", W_UNIT, 0, 0}, {"acres", W_UNIT, 0, 0}, {"hectares", W_UNIT, 0, 0},
	{"degrees", W_UNIT, 0, 0}, {"mm", W_UNIT, 0, 0}, {"storeys", W_UNIT, 0, 0},
	{"floors", W_UNIT, 0, 0}, {"rounds", W_UNIT, 0, 0}, {"shots", W_UNIT, 0, 0},
	{"bullets", W_UNIT, 0, 0}, {"o'clock", W_UNIT, 0, 0}, {"votes", W_UNIT, 0, 0},
	{"calibre", W_UNIT, 0, 0}, {"caliber", W_UNIT, 0, 0},
	{"millimetres", W_UNIT, 0, 0}, {"millimeters", W_UNIT, 0, 0},
	/* comparatives after an amount: a difference, not a count */
	{"more", W_COMPAR, 0, 0}, {"fewer", W_COMPAR, 0, 0}, {"less", W_COMPAR, 0, 0},
	/* before an amount: no count follows */
	{"page", W_PREVREJ, 0, 0}, {"nos", W_PREVREJ, 0, 0},
	{"room", W_PREVREJ, 0, 0}, {"route", W_PREVREJ, 0, 0},
	{"highway", W_PREVREJ, 0, 0}, {"interstate", W_PREVREJ, 0, 0},
	{"hwy", W_PREVREJ, 0, 0}, {"rte", W_PREVREJ, 0, 0},
	{"apt", W_PREVREJ, 0, 0}, {"suite", W_PREVREJ, 0, 0},
	{"flight", W_PREVREJ, 0, 0}, {"chapter", W_PREVREJ, 0, 0},
	{"section", W_PREVREJ, 0, 0}, {"aged", W_PREVREJ, 0, 0},
	{"age", W_PREVREJ, 0, 0}, {"ages", W_PREVREJ, 0, 0},
	{"channel", W_PREVREJ, 0, 0}, {"version", W_PREVREJ, 0, 0},
	{"grade", W_PREVREJ, 0, 0}, {"level", W_PREVREJ, 0, 0},
	/* linking words before a toll's amount */
	{"to", W_LINK, 0, 0}, {"at", W_LINK, 0, 0}, {"of", W_LINK, 0, 0},
	{"was", W_LINK | W_AUX, 0, 0}, {"stood", W_LINK, 0, 0},
	{"reached", W_LINK, 0, 0}, {"hit", W_LINK, 0, 0},
	/* hedges */
	{"unconfirmed", 0, 0, H_UNCONFIRMED}, {"unverified", 0, 0, H_UNCONFIRMED},
	{"confirm", 0, 0, H_CONFIRM}, {"confirming", 0, 0, H_CONFIRM},
	{"verify", 0, 0, H_CONFIRM}, {"verified", 0, 0, H_CONFIRM},
	{"corroborate", 0, 0, H_CONFIRM}, {"corroborated", 0, 0, H_CONFIRM},
	{"deleted", 0, 0, H_DELETED}, {"retracted", 0, 0, H_DELETED},
	{"disputed", 0, 0, H_DISPUTED}, {"dispute", 0, 0, H_DISPUTED},
	{"disputes", 0, 0, H_DISPUTED}, {"denied", 0, 0, H_DISPUTED},
	{"contested", 0, 0, H_DISPUTED},
	{"rise", 0, 0, H_RISE}, {"climb", 0, 0, H_RISE}, {"increase", 0, 0, H_RISE},
	{"grow", 0, 0, H_RISE}, {"estimated", 0, 0, H_ESTIMATED},
	{"estimate", W_REFER, 0, H_ESTIMATED}, {"estimates", W_REFER, 0, H_ESTIMATED},
	{"unofficial", 0, 0, H_UNOFFICIAL},
	{"not", W_NEGATOR, 0, 0}, {"never", W_NEGATOR, 0, 0},
	{"unable", W_NEGATOR, 0, 0}, {"cannot", W_NEGATOR, 0, 0},
	{"yet", W_NEGATOR, 0, 0}, {"without", W_NEGATOR, 0, 0},
	{"didn't", W_NEGATOR, 0, 0}, {"couldn't", W_NEGATOR, 0, 0},
	{"hasn't", W_NEGATOR, 0, 0}, {"haven't", W_NEGATOR, 0, 0},
	{"can't", W_NEGATOR, 0, 0}, {"wasn't", W_NEGATOR, 0, 0},
	{"could", W_MODAL, 0, 0}, {"may", W_MODAL, 0, 0}, {"might", W_MODAL, 0, 0},
	{"expected", W_MODAL, 0, 0}, {"likely", W_MODAL, 0, 0},
	/* homes */
	{"fled", W_HOMEV, 0, 0}, {"forced", W_HOMEV, 0, 0}, {"forcing", W_HOMEV, 0, 0},
	{"driven", W_HOMEV, 0, 0}, {"leave", W_HOMEV, 0, 0}, {"flee", W_HOMEV, 0, 0},
	{"home", W_HOME, 0, 0}, {"homes", W_HOME, 0, 0}, {"houses", W_HOME, 0, 0},
	/* parts */
	{"including", W_PARTPRE, 0, 0}, {"among", W_PARTPRE, 0, 0},
	{"the", W_DET, 0, 0}, {"its", W_DET, 0, 0}, {"their", W_DET, 0, 0},
	{"those", W_DET, 0, 0}, {"these", W_DET, 0, 0}, {"them", W_DET, 0, 0},
	{"whom", W_DET, 0, 0}, {"his", W_DET, 0, 0}, {"her", W_DET, 0, 0},
	/* forces */
	{"troops", W_FORCE, 0, 0}, {"soldiers", W_FORCE, 0, 0},
	{"force", W_FORCE, 0, 0}, {"forces", W_FORCE, 0, 0},
	{"peacekeepers", W_FORCE | W_DEPLOY, 0, 0}, {"paratroopers", W_FORCE, 0, 0},
	{"servicemen", W_FORCE, 0, 0}, {"personnel", W_FORCE, 0, 0},
	{"contingent", W_FORCE, 0, 0}, {"rescuers", W_FORCE, 0, 0},
	{"firefighters", W_FORCE, 0, 0}, {"police", W_FORCE, 0, 0},
	{"officers", W_FORCE, 0, 0}, {"policemen", W_FORCE, 0, 0},
	{"guardsmen", W_FORCE, 0, 0}, {"marines", W_FORCE, 0, 0},
	/* one person */
	{"man", W_PERSON, 0, 0}, {"woman", W_PERSON, 0, 0}, {"boy", W_PERSON, 0, 0},
	{"girl", W_PERSON, 0, 0}, {"teen", W_PERSON, 0, 0},
	{"teenager", W_PERSON, 0, 0}, {"person", W_PERSON, 0, 0},
	{"child", W_PERSON, 0, 0}, {"baby", W_PERSON, 0, 0},
	{"toddler", W_PERSON, 0, 0}, {"infant", W_PERSON, 0, 0},
	{"victim", W_PERSON, 0, 0}, {"driver", W_PERSON, 0, 0},
	{"passenger", W_PERSON, 0, 0}, {"officer", W_PERSON, 0, 0},
	{"deputy", W_PERSON, 0, 0}, {"trooper", W_PERSON, 0, 0},
	{"student", W_PERSON, 0, 0}, {"resident", W_PERSON, 0, 0},
	{"bystander", W_PERSON, 0, 0}, {"suspect", W_PERSON, 0, 0},
	{"gunman", W_PERSON, 0, 0}, {"shooter", W_PERSON, 0, 0},
	{"motorist", W_PERSON, 0, 0}, {"pedestrian", W_PERSON, 0, 0},
	{"worker", W_PERSON, 0, 0}, {"employee", W_PERSON, 0, 0},
	{"clerk", W_PERSON, 0, 0}, {"customer", W_PERSON, 0, 0},
	{"soldier", W_PERSON, 0, 0}, {"civilian", W_PERSON, 0, 0},
	{"protester", W_PERSON, 0, 0}, {"journalist", W_PERSON, 0, 0},
	{"mother", W_PERSON, 0, 0}, {"father", W_PERSON, 0, 0},
	{"son", W_PERSON, 0, 0}, {"daughter", W_PERSON, 0, 0},
	{"wife", W_PERSON, 0, 0}, {"husband", W_PERSON, 0, 0},
	{"brother", W_PERSON, 0, 0}, {"sister", W_PERSON, 0, 0},
	{"grandmother", W_PERSON, 0, 0}, {"grandfather", W_PERSON, 0, 0},
	{"cousin", W_PERSON, 0, 0}, {"nephew", W_PERSON, 0, 0},
	{"niece", W_PERSON, 0, 0}, {"uncle", W_PERSON, 0, 0},
	{"aunt", W_PERSON, 0, 0}, {"friend", W_PERSON, 0, 0},
	{"girlfriend", W_PERSON, 0, 0}, {"boyfriend", W_PERSON, 0, 0},
	{"neighbor", W_PERSON, 0, 0}, {"neighbour", W_PERSON, 0, 0},
	{"roommate", W_PERSON, 0, 0}, {"stepfather", W_PERSON, 0, 0},
	{"hunter", W_PERSON, 0, 0}, {"patron", W_PERSON, 0, 0},
	{"guard", W_PERSON, 0, 0}, {"teacher", W_PERSON, 0, 0},
	{"relative", W_PERSON, 0, 0}, {"youth", W_PERSON, 0, 0},
	{"juvenile", W_PERSON, 0, 0}, {"male", W_PERSON, 0, 0},
	{"female", W_PERSON, 0, 0}, {"adult", W_PERSON, 0, 0},
	{"kid", W_PERSON, 0, 0}, {"granddaughter", W_PERSON, 0, 0},
	{"grandson", W_PERSON, 0, 0}, {"stepson", W_PERSON, 0, 0},
	{"stepdaughter", W_PERSON, 0, 0}, {"fiancee", W_PERSON, 0, 0},
	{"fiance", W_PERSON, 0, 0}, {"tenant", W_PERSON, 0, 0},
	{"homeowner", W_PERSON, 0, 0}, {"occupant", W_PERSON, 0, 0},
	{"inmate", W_PERSON, 0, 0}, {"hostage", W_PERSON, 0, 0},
	{"intruder", W_PERSON, 0, 0}, {"robber", W_PERSON, 0, 0},
	{"burglar", W_PERSON, 0, 0}, {"attacker", W_PERSON, 0, 0},
	{"assailant", W_PERSON, 0, 0}, {"agent", W_PERSON, 0, 0},
	{"sergeant", W_PERSON, 0, 0}, {"lieutenant", W_PERSON, 0, 0},
	{"detective", W_PERSON, 0, 0}, {"sheriff", W_PERSON, 0, 0},
	{"patient", W_PERSON, 0, 0}, {"parent", W_PERSON, 0, 0},
	{"grandparent", W_PERSON, 0, 0}, {"classmate", W_PERSON, 0, 0},
	{"coworker", W_PERSON, 0, 0}, {"co-worker", W_PERSON, 0, 0},
	{"acquaintance", W_PERSON, 0, 0},
	/* plural person nouns beyond the -er/-or/-ist/-ian/-men rule */
	{"people", W_PEOPLE, 0, 0}, {"persons", W_PEOPLE, 0, 0},
	{"individuals", W_PEOPLE, 0, 0}, {"victims", W_PEOPLE, 0, 0},
	{"children", W_PEOPLE, 0, 0}, {"kids", W_PEOPLE, 0, 0},
	{"adults", W_PEOPLE, 0, 0}, {"teens", W_PEOPLE, 0, 0},
	{"youths", W_PEOPLE, 0, 0}, {"juveniles", W_PEOPLE, 0, 0},
	{"minors", W_PEOPLE, 0, 0}, {"boys", W_PEOPLE, 0, 0},
	{"girls", W_PEOPLE, 0, 0}, {"babies", W_PEOPLE, 0, 0},
	{"males", W_PEOPLE, 0, 0}, {"females", W_PEOPLE, 0, 0},
	{"others", W_PEOPLE, 0, 0}, {"folks", W_PEOPLE, 0, 0},
	{"residents", W_PEOPLE, 0, 0}, {"students", W_PEOPLE, 0, 0},
	{"patients", W_PEOPLE, 0, 0}, {"parents", W_PEOPLE, 0, 0},
	{"grandparents", W_PEOPLE, 0, 0}, {"relatives", W_PEOPLE, 0, 0},
	{"agents", W_PEOPLE, 0, 0}, {"sergeants", W_PEOPLE, 0, 0},
	{"lieutenants", W_PEOPLE, 0, 0}, {"occupants", W_PEOPLE, 0, 0},
	{"tenants", W_PEOPLE, 0, 0}, {"assailants", W_PEOPLE, 0, 0},
	{"participants", W_PEOPLE, 0, 0}, {"attendants", W_PEOPLE, 0, 0},
	{"inmates", W_PEOPLE, 0, 0}, {"hostages", W_PEOPLE, 0, 0},
	{"detectives", W_PEOPLE, 0, 0}, {"suspects", W_PEOPLE, 0, 0},
	{"deputies", W_PEOPLE, 0, 0}, {"police", W_PEOPLE, 0, 0},
	{"troops", W_PEOPLE, 0, 0}, {"personnel", W_PEOPLE, 0, 0},
	{"marines", W_PEOPLE, 0, 0}, {"guards", W_PEOPLE, 0, 0},
	{"sons", W_PEOPLE, 0, 0}, {"daughters", W_PEOPLE, 0, 0},
	{"brothers", W_PEOPLE, 0, 0}, {"sisters", W_PEOPLE, 0, 0},
	{"siblings", W_PEOPLE, 0, 0}, {"cousins", W_PEOPLE, 0, 0},
	{"nephews", W_PEOPLE, 0, 0}, {"nieces", W_PEOPLE, 0, 0},
	{"friends", W_PEOPLE, 0, 0}, {"classmates", W_PEOPLE, 0, 0},
	{"roommates", W_PEOPLE, 0, 0}, {"wives", W_PEOPLE, 0, 0},
	{"husbands", W_PEOPLE, 0, 0}, {"couples", W_PEOPLE, 0, 0},
	{"twins", W_PEOPLE, 0, 0}, {"patrons", W_PEOPLE, 0, 0},
	{"guests", W_PEOPLE, 0, 0}, {"fans", W_PEOPLE, 0, 0},
	{"clients", W_PEOPLE, 0, 0}, {"migrants", W_PEOPLE, 0, 0},
	{"civilians", W_PEOPLE, 0, 0}, {"bailiffs", W_PEOPLE, 0, 0},
	{"nurses", W_PEOPLE, 0, 0}, {"crew", W_PEOPLE, 0, 0},
	{"staff", W_PEOPLE, 0, 0}, {"peers", W_PEOPLE, 0, 0},
	{"passersby", W_PEOPLE, 0, 0}, {"mothers", W_PEOPLE, 0, 0},
	{"fathers", W_PEOPLE, 0, 0}, {"infants", W_PEOPLE, 0, 0},
	{"toddlers", W_PEOPLE, 0, 0}, {"teenagers", W_PEOPLE, 0, 0},
	{"pedestrians", W_PEOPLE, 0, 0}, {"casualties", W_PEOPLE, 0, 0},
	/* -er/-or nouns that name no people */
	{"numbers", W_THING, 0, 0}, {"papers", W_THING, 0, 0},
	{"centers", W_THING, 0, 0}, {"centres", W_THING, 0, 0},
	{"letters", W_THING, 0, 0}, {"orders", W_THING, 0, 0},
	{"matters", W_THING, 0, 0}, {"quarters", W_THING, 0, 0},
	{"headquarters", W_THING, 0, 0}, {"corners", W_THING, 0, 0},
	{"chambers", W_THING, 0, 0}, {"powers", W_THING, 0, 0},
	{"towers", W_THING, 0, 0}, {"waters", W_THING, 0, 0},
	{"computers", W_THING, 0, 0}, {"doors", W_THING, 0, 0},
	{"errors", W_THING, 0, 0}, {"colors", W_THING, 0, 0},
	{"motors", W_THING, 0, 0}, {"trailers", W_THING, 0, 0},
	{"containers", W_THING, 0, 0}, {"chargers", W_THING, 0, 0},
	{"rivers", W_THING, 0, 0}, {"markers", W_THING, 0, 0},
	{"monitors", W_THING, 0, 0}, {"speakers", W_THING, 0, 0},
	{"stickers", W_THING, 0, 0}, {"posters", W_THING, 0, 0},
	{"flyers", W_THING, 0, 0}, {"corridors", W_THING, 0, 0},
	{"sectors", W_THING, 0, 0}, {"factors", W_THING, 0, 0},
	{"semesters", W_THING, 0, 0}, {"layers", W_THING, 0, 0},
	{"barriers", W_THING, 0, 0}, {"registers", W_THING, 0, 0},
	{"counters", W_THING, 0, 0}, {"holsters", W_THING, 0, 0},
	{"revolvers", W_THING, 0, 0}, {"silencers", W_THING, 0, 0},
	{"cylinders", W_THING, 0, 0}, {"lockers", W_THING, 0, 0},
	{"murders", W_THING, 0, 0}, {"shelters", W_THING, 0, 0},
	/* firing: "fired one shot", "fired 3 rounds" */
	{"fired", W_FIRE, 0, 0}, {"fire", W_FIRE, 0, 0}, {"firing", W_FIRE, 0, 0},
	{"fires", W_FIRE, 0, 0}};
#undef K
#undef I
#undef S
#undef D
#undef MI
#undef DI
#undef DE
#undef DA

/* Canonical subjects: head nouns that name the same kind of people or
 * things are one subject, so their claims are compared. */
static const struct {
	const char *w, *subject;
} subjects[] = {
	{"people", "people"}, {"persons", "people"}, {"person", "people"},
	{"individuals", "people"}, {"victims", "people"}, {"victim", "people"},
	{"men", "people"}, {"man", "people"}, {"women", "people"},
	{"woman", "people"}, {"adults", "people"}, {"others", "people"},
	{"dead", "people"}, {"deaths", "people"}, {"fatalities", "people"},
	{"bodies", "people"}, {"lives", "people"}, {"injuries", "people"},
	{"arrests", "people"}, {"detentions", "people"}, {"detainees", "people"},
	{"evacuees", "people"}, {"casualties", "people"},
	{"children", "children"}, {"child", "children"}, {"kids", "children"},
	{"minors", "children"}, {"boys", "children"}, {"girls", "children"},
	{"teenagers", "children"}, {"teens", "children"},
	{"boy", "children"}, {"girl", "children"}, {"teen", "children"},
	{"teenager", "children"}, {"baby", "children"}, {"toddler", "children"},
	{"infant", "children"}, {"deputy", "officers"}, {"trooper", "officers"},
	{"officers", "officers"}, {"officer", "officers"}, {"police", "officers"},
	{"driver", "people"}, {"passenger", "people"}, {"student", "people"},
	{"resident", "people"}, {"bystander", "people"}, {"suspect", "people"},
	{"gunman", "people"}, {"shooter", "people"}, {"motorist", "people"},
	{"pedestrian", "people"}, {"worker", "people"}, {"employee", "people"},
	{"clerk", "people"}, {"customer", "people"}, {"civilian", "people"},
	{"journalist", "people"},
	{"policemen", "officers"}, {"policeman", "officers"},
	{"troopers", "officers"},
	{"troops", "troops"}, {"soldiers", "troops"}, {"soldier", "troops"},
	{"force", "troops"}, {"forces", "troops"}, {"peacekeepers", "troops"},
	{"paratroopers", "troops"}, {"servicemen", "troops"},
	{"personnel", "troops"}, {"contingent", "troops"}, {"military", "troops"},
	{"guardsmen", "troops"}, {"marines", "troops"},
	{"rescuers", "rescuers"}, {"firefighters", "rescuers"},
	{"divers", "rescuers"},
	{"protesters", "protesters"}, {"protestors", "protesters"},
	{"demonstrators", "protesters"}, {"protester", "protesters"},
	{"stores", "stores"}, {"shops", "stores"}, {"supermarkets", "stores"},
	{"store", "stores"}, {"shop", "stores"},
	{"homes", "homes"}, {"houses", "homes"}, {"home", "homes"},
	{"house", "homes"}, {"buildings", "buildings"}, {"building", "buildings"}};

/* "rescue workers", "security forces": the modifier names the subject. */
static const struct {
	const char *mod, *subject;
} modifiers[] = {
	{"rescue", "rescuers"}, {"emergency", "rescuers"}, {"police", "officers"},
	{"army", "troops"}, {"military", "troops"}, {"security", "troops"},
	{"enforcement", "officers"}};

typedef struct winfo {
	uint64_t flags;
	unsigned char measure, hedge;
	const char *subject;
} winfo;

/* The scratch form of a claim: the claim, the figure it belongs to, and
 * where it sits in its sentence. */
typedef struct pclaim {
	nf_claim c;
	int measure, gmeasure;   /* own measure; measure of its figure */
	const char *gsubject;    /* subject of its figure */
	size_t at, end;          /* amount and end of the claim, sentence tokens */
	size_t np_end;           /* end of the amount's noun phrase */
	size_t skip;             /* first token after the amounts ("15 of its 68") */
	int exact;               /* no qualifier, not vague, not a negation */
	int one;                 /* one person ("a man", "he", "Jo Li") */
	int self;                /* the doer ("before killing himself") */
	int verb_before;         /* measured by a verb before it ("killing A") */
	int ordinal;             /* "a fifth was struck": the count of all so far */
	uint32_t who, who_first; /* a name's last and first words, 0 when none */
	uint32_t head;           /* lexicon id of the phrase's head noun, 0 */
} pclaim;

/* One sentence (or headline) being read. */
typedef struct sent {
	const char *text;
	const nf_token *t;
	size_t n;
	int doc, idx;
	int deploy; /* a word of deployment in it (set by triggered()) */
} sent;

typedef struct fx {
	nf_brief *b;
	nf_corpus *c;
	winfo *info;
	size_t ninfo;
	nf_vec claims; /* pclaim */
	nf_buf scratch;
	nf_date first;  /* the earliest statement date of the corpus, or {0} */
} fx;

static const winfo no_info = {0, 0, 0, NULL};

/* --- The word table -------------------------------------------------------- */

static nf_status info_set(fx *x, const char *w, uint64_t flags, int measure,
                          int hedge, const char *subject)
{
	uint32_t id = nf_lex_find(&x->c->lex, w, strlen(w));
	if (!id || id >= x->ninfo)
		return NF_OK;
	winfo *wi = &x->info[id];
	wi->flags |= flags;
	if (measure)
		wi->measure = (unsigned char)measure;
	wi->hedge |= (unsigned char)hedge;
	if (subject)
		wi->subject = subject;
	return NF_OK;
}

/* Classifies the words of the lexicon that the tables name: one look-up per
 * table entry, so the cost does not grow with the corpus. */
static nf_status info_build(fx *x)
{
	x->ninfo = x->c->lex.count;
	x->info = calloc(x->ninfo ? x->ninfo : 1, sizeof *x->info);
	if (!x->info)
		return NF_ENOMEM;
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		info_set(x, roles[i].w, roles[i].flags, roles[i].measure, roles[i].hedge, NULL);
	for (size_t i = 0; i < sizeof subjects / sizeof *subjects; i++)
		info_set(x, subjects[i].w, 0, 0, 0, subjects[i].subject);
	for (const char *const *t = nf_title_abbreviations; *t; t++)
		info_set(x, *t, W_TITLE, 0, 0, NULL);
	static const char *const small[] = {
		"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
		"sixteen", "seventeen", "eighteen", "nineteen", "dozen"};
	static const char *const tens[] = {"twenty", "thirty", "forty", "fifty",
	                                   "sixty", "seventy", "eighty", "ninety"};
	for (size_t i = 0; i < sizeof small / sizeof *small; i++)
		info_set(x, small[i], W_NUM, 0, 0, NULL);
	for (size_t i = 0; i < sizeof tens / sizeof *tens; i++) {
		info_set(x, tens[i], W_NUM, 0, 0, NULL);
		for (size_t u = 0; u < 9; u++) {
			char buf[32];
			size_t a = strlen(tens[i]), b = strlen(small[u]);
			memcpy(buf, tens[i], a);
			buf[a] = '-';
			memcpy(buf + a + 1, small[u], b + 1);
			info_set(x, buf, W_NUM, 0, 0, NULL);
		}
	}
	/* "an eighth-grader", "two 8th-graders": a pupil of a grade (one
	 * through twelve, the school grades), a person like "a teen" */
	static const char *const grades[] = {"first", "second", "third", "fourth",
	                                     "fifth", "sixth", "seventh", "eighth",
	                                     "ninth", "tenth", "eleventh", "twelfth",
	                                     "1st", "2nd", "3rd", "4th", "5th", "6th",
	                                     "7th", "8th", "9th", "10th", "11th", "12th"};
	info_set(x, "grader", W_PERSON, 0, 0, "children");
	info_set(x, "graders", W_PEOPLE, 0, 0, "children");
	for (size_t i = 0; i < sizeof grades / sizeof *grades; i++) {
		char buf[24];
		snprintf(buf, sizeof buf, "%s-grader", grades[i]);
		info_set(x, buf, W_PERSON, 0, 0, "children");
		snprintf(buf, sizeof buf, "%s-graders", grades[i]);
		info_set(x, buf, W_PEOPLE, 0, 0, "children");
	}
	/* the names dates.c reads: the full name or its first three letters
	 * ("Sept" too), with or without a period */
	static const char *const months[] = {"january", "february", "march", "april",
	                                     "may", "june", "july", "august",
	                                     "september", "october", "november",
	                                     "december"};
	static const char *const days[] = {"sunday", "monday", "tuesday", "wednesday",
	                                   "thursday", "friday", "saturday"};
	for (size_t i = 0; i < 19; i++) {
		const char *name = i < 12 ? months[i] : days[i - 12];
		uint64_t flag = i < 12 ? W_MONTH : W_WEEKDAY;
		char buf[16];
		size_t n = strlen(name);
		info_set(x, name, flag, 0, 0, NULL);
		for (size_t len = 3; len <= 4; len++) {
			if (len == 4 && strcmp(name, "september"))
				break;
			memcpy(buf, name, len);
			buf[len] = '\0';
			info_set(x, buf, flag, 0, 0, NULL);
			buf[len] = '.';
			buf[len + 1] = '\0';
			info_set(x, buf, flag, 0, 0, NULL);
		}
		memcpy(buf, name, n);
		buf[n] = '.';
		buf[n + 1] = '\0';
		info_set(x, buf, flag, 0, 0, NULL);
	}
	return NF_OK;
}

static const winfo *wi(const fx *x, const nf_token *t)
{
	if (!(t->flags & NF_TOK_WORD) || t->norm >= x->ninfo)
		return &no_info;
	return &x->info[t->norm];
}

static int has(const fx *x, const sent *s, size_t i, uint64_t flags)
{
	return i < s->n && (wi(x, &s->t[i])->flags & flags);
}

static const char *norm(const fx *x, const nf_token *t)
{
	return nf_lex_str(&x->c->lex, t->norm);
}

/* Whether token i is the word w (lower case). Inline, so that strlen of a
 * literal is a constant: most calls fail on the length. */
static inline int is(const fx *x, const sent *s, size_t i, const char *w)
{
	if (i >= s->n || !(s->t[i].flags & NF_TOK_WORD))
		return 0;
	const nf_lex_entry *e = &x->c->lex.entries[s->t[i].norm];
	size_t n = strlen(w);
	return e->len == n && e->str[0] == w[0] && !memcmp(e->str, w, n);
}

/* Whether token k is one of the n lower-case words. */
static int is_any(const fx *x, const sent *s, size_t k, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is(x, s, k, words[i]))
			return 1;
	return 0;
}

/* The punctuation character of token i, or 0. */
static int punct(const sent *s, size_t i)
{
	if (i >= s->n || !(s->t[i].flags & NF_TOK_PUNCT))
		return 0;
	return (unsigned char)s->text[s->t[i].off];
}

/* Whether token i is the punctuation whose UTF-8 bytes are u. */
static int punct_is(const sent *s, size_t i, const char *u)
{
	return i < s->n && (s->t[i].flags & NF_TOK_PUNCT) && s->t[i].len == strlen(u) &&
	       !memcmp(s->text + s->t[i].off, u, s->t[i].len);
}

/* Opening or closing quotation marks, ASCII or typographic. */
static int is_quote(const sent *s, size_t i)
{
	static const char *const q[] = {"\"", "'", "\u2018", "\u2019", "\u201C",
	                                "\u201D", "\u00AB", "\u00BB"};
	for (size_t k = 0; k < sizeof q / sizeof *q; k++)
		if (punct_is(s, i, q[k]))
			return 1;
	return 0;
}

static int is_currency(const sent *s, size_t i)
{
	static const char *const cur[] = {"$", "\u00A3", "\u20AC", "\u00A5", "\u20BD"};
	for (size_t k = 0; k < sizeof cur / sizeof *cur; k++)
		if (punct_is(s, i, cur[k]))
			return 1;
	return 0;
}

/* A dash between words: "-", an en or an em dash. */
static int dash(const sent *s, size_t i)
{
	return punct(s, i) == '-' || punct_is(s, i, "\u2013") || punct_is(s, i, "\u2014");
}

/* No space between tokens i and i + 1. */
static int glued(const sent *s, size_t i)
{
	return i + 1 < s->n && s->t[i].off + s->t[i].len == s->t[i + 1].off;
}

/* --- Amounts ---------------------------------------------------------------- */

static int human(const fx *x, const nf_token *t);
static int be_verb(const fx *x, const sent *s, size_t k);
static int np_word(const fx *x, const sent *s, size_t k);

typedef struct amount {
	nf_number num;
	int neg;        /* "no one", "nobody", "no injuries" */
	int one;        /* "a 17-year-old boy", "Jo Li", "he": one person */
	int weak;       /* a name or a pronoun: one person of perhaps more */
	int measure;    /* the measure the amount says itself: "his death" */
	int self;       /* the one who did it: "killing himself" */
	int ordinal;    /* "a third person died": at least that many */
	uint32_t who, who_first; /* a name's last and first words (lexicon
	                          * ids), 0 when no name */
	size_t at, end; /* tokens [at, end) */
} amount;

/* A weekday or month name: stops a noun phrase ("3 people Sunday"). */
static int calendar_word(const fx *x, const sent *s, size_t i)
{
	return (s->t[i].flags & NF_TOK_CAP) && has(x, s, i, W_MONTH | W_WEEKDAY);
}

/* Whether the digits at i are not a count: a year, an age, a time, a phone
 * number, a currency amount, a house or page number. */
static int not_a_count(const fx *x, const sent *s, size_t i, size_t end)
{
	const nf_token *t = &s->t[i];
	if (t->len == 4 && !memchr(s->text + t->off, ',', 4) &&
	    !memchr(s->text + t->off, '.', 4)) {
		const char *p = s->text + t->off;
		int y = 0;
		for (int k = 0; k < 4 && y >= 0; k++)
			y = p[k] >= '0' && p[k] <= '9' ? y * 10 + (p[k] - '0') : -1;
		if (y >= 1900 && y <= 2099)
			return 1;
	}
	/* "3:40", "1/2", "252-972-1411": digits joined by a separator */
	if (i > 0 && glued(s, i - 1)) {
		int p = punct(s, i - 1);
		if (p == '-' || p == '#' ||
		    ((p == '/' || p == ':' || p == '.') && i >= 2 && glued(s, i - 2) &&
		     (s->t[i - 2].flags & NF_TOK_NUM)))
			return 1;
	}
	if (end < s->n && glued(s, end - 1)) {
		int p = punct(s, end);
		if (p == '-' || p == '%' || (s->t[end].flags & (NF_TOK_WORD | NF_TOK_NUM)) ||
		    ((p == '/' || p == ':' || p == '.') && glued(s, end) &&
		     (s->t[end + 1].flags & NF_TOK_NUM)))
			return 1;
	}
	if (i > 0 && (has(x, s, i - 1, W_PREVREJ) || punct(s, i - 1) == '#' ||
	              is_currency(s, i - 1)))
		return 1;
	/* "ages 13, 17 and 19": the list goes on */
	size_t k = i;
	while (k >= 2 && (punct(s, k - 1) == ',' || is(x, s, k - 1, "and")) &&
	       (s->t[k - 2].flags & NF_TOK_NUM))
		k -= 2;
	if (k < i && k > 0 && has(x, s, k - 1, W_PREVREJ))
		return 1;
	if (i > 0 && punct(s, i - 1) == '(' && punct(s, end) == ')')
		return 1;
	/* "someone called \"504\"": digits quoted alone are a name or a
	 * label, not a count (a quoted count has its noun inside) */
	if (i > 0 && is_quote(s, i - 1) && glued(s, i - 1) && glued(s, end - 1) &&
	    is_quote(s, end))
		return 1;
	/* "Tokayev, 68, said", "a boy, 9, died", "the death of Jo Li, 18.",
	 * "the man - Jo Li, 51 - died": an age after a name or a noun of
	 * people */
	if (i >= 2 && punct(s, i - 1) == ',' && t->len <= 3 &&
	    (end >= s->n || punct(s, end) == ',' || punct(s, end) == '.' ||
	     punct(s, end) == ')' || punct(s, end) == ';' || dash(s, end)) &&
	    ((s->t[i - 2].flags & NF_TOK_CAP) || human(x, &s->t[i - 2]) ||
	     (i >= 3 && punct(s, i - 2) == '.' && (s->t[i - 3].flags & NF_TOK_CAP))))
		return 1; /* "Jo Li Jr., 38," too */
	/* "two children, 3 and 5, and their mother": ages listed between
	 * commas after a noun of people or a name */
	k = i;
	while (k >= 2 && (punct(s, k - 1) == ',' || is(x, s, k - 1, "and")) &&
	       (s->t[k - 2].flags & NF_TOK_NUM) && s->t[k - 2].len <= 3)
		k -= 2;
	size_t e = i;
	while (e + 2 < s->n && (punct(s, e + 1) == ',' || is(x, s, e + 1, "and")) &&
	       (s->t[e + 2].flags & NF_TOK_NUM) && s->t[e + 2].len <= 3)
		e += 2;
	if (e > k && t->len <= 3 && k >= 2 && punct(s, k - 1) == ',' &&
	    ((s->t[k - 2].flags & NF_TOK_CAP) || human(x, &s->t[k - 2])) &&
	    (e + 1 >= s->n || punct(s, e + 1) == ',' || punct(s, e + 1) == '.' ||
	     punct(s, e + 1) == ')' || dash(s, e + 1)))
		return 1;
	/* "Jan. 19", "on May 3": a day of the month */
	if (i > 0 && (calendar_word(x, s, i - 1) ||
	              (i > 1 && punct(s, i - 1) == '.' && calendar_word(x, s, i - 2))))
		return 1;
	return 0;
}

static int word_ends(const fx *x, const nf_token *t, const char *suf);

/* "17-year-old", "six-year-old" at i, or spelt with spaces ("17 year
 * old", "17-year old", "17 year-old"): returns the token after it, else
 * 0. */
static size_t age_at(const fx *x, const sent *s, size_t i)
{
	/* "six-year-old", "twenty-one-year-old": one token */
	if ((s->t[i].flags & NF_TOK_WORD) && word_ends(x, &s->t[i], "-year-old"))
		return i + 1;
	if (!(s->t[i].flags & NF_TOK_NUM))
		return 0;
	size_t k = i + 1 + (glued(s, i) && punct(s, i + 1) == '-');
	if (is(x, s, k, "year-old"))
		return k + 1;
	if (is(x, s, k, "year") && is(x, s, k + 1, "old"))
		return k + 2;
	return 0;
}

/* "Jane Doe, 24, was shot": an age between commas after a name; returns
 * the token after the second comma, else 0. */
static size_t named_age_at(const sent *s, size_t i)
{
	if (i < 2 || !(s->t[i].flags & NF_TOK_NUM) || s->t[i].len > 3 ||
	    punct(s, i - 1) != ',' || punct(s, i + 1) != ',' ||
	    !(s->t[i - 2].flags & NF_TOK_CAP))
		return 0;
	return i + 2;
}

/* A word of a name: capitalised, neither a function word nor a weekday or
 * month, and unknown to the tables (so not "Police", "Officials",
 * "Deputies"): "Paige", "Stalker". */
static int name_word(const fx *x, const sent *s, size_t k)
{
	if (k >= s->n)
		return 0;
	const nf_token *t = &s->t[k];
	if ((t->flags & (NF_TOK_WORD | NF_TOK_CAP | NF_TOK_STOP | NF_TOK_UPPER)) !=
	    (NF_TOK_WORD | NF_TOK_CAP))
		return 0;
	const winfo *w = wi(x, t);
	return !w->flags && !w->subject && !w->measure && !calendar_word(x, s, k) &&
	       !human(x, t);
}

/* The name of tokens [from, to) as the person of a. */
static void name_person(const sent *s, size_t from, size_t to, amount *a)
{
	a->who_first = s->t[from].norm;
	a->who = s->t[to - 1].norm;
}

/* A death noun standing alone: "his death", not "his death sentence". */
static int death_noun_at(const fx *x, const sent *s, size_t k)
{
	const winfo *w = wi(x, &s->t[k < s->n ? k : 0]);
	return k < s->n && (w->flags & W_NOUN) && w->measure == M_KILLED &&
	       !is(x, s, k, "dead") && !is(x, s, k, "deaths") &&
	       (k + 1 >= s->n || !(s->t[k + 1].flags & NF_TOK_WORD) ||
	        (s->t[k + 1].flags & NF_TOK_STOP));
}

static void one_of(amount *a, size_t at, size_t end, int weak)
{
	a->one = 1;
	a->weak = weak;
	a->num.value = a->num.low = a->num.high = 1;
	a->at = at;
	a->end = end;
}

/* Whether a subject may start at token b: the sentence's start, after a
 * comma, a quote, a conjunction or a speech verb ("police said Jo Li was
 * shot"); not after a preposition ("a boy in Tarpon Springs died", "Jo
 * Li, 18, of Montgomery was killed": places). */
static int clause_start(const fx *x, const sent *s, size_t b)
{
	static const char *const joins[] = {"and", "that", "when", "while", "after",
	                                    "before", "as", "but", "because", "where",
	                                    "since", "until", "if", "or", "then"};
	if (b == 0 || punct(s, b - 1) == ',' || punct(s, b - 1) == ';' || is_quote(s, b - 1) ||
	    has(x, s, b - 1, W_SPEECH))
		return 1;
	return is_any(x, s, b - 1, joins, sizeof joins / sizeof *joins);
}

/* Whether the name ending at end is a subject: a participle or an
 * auxiliary follows, directly or after more names ("A and B were killed",
 * "A, B and C died", "A, B, and C all died"); not a name before a noun ("Murray State College
 * basketball player"). */
static int subject_name(const fx *x, const sent *s, size_t end)
{
	for (int names = 0; names < 4; names++) {
		if (has(x, s, end, W_AUX | W_POST))
			return 1;
		if (punct(s, end) == ',' && is(x, s, end + 1, "and"))
			end++; /* "A, B, and C" */
		if (!(is(x, s, end, "and") || punct(s, end) == ',') || !name_word(x, s, end + 1))
			return 0;
		end++;
		while (name_word(x, s, end))
			end++;
		if (punct(s, end) == ',' && end + 2 < s->n && (s->t[end + 1].flags & NF_TOK_NUM) &&
		    punct(s, end + 2) == ',')
			end += 3; /* an age */
	}
	return 0;
}

/* A person named where a count of people can stand: after a measure verb
 * or noun ("killing Paige Stalker", "the murder of Jo Li", "injuring A and
 * B") or before a participle ("Seichter was shot", "Jo Li, 19, died"; the
 * age is read with the name). "Jo Li's death" is one death; "Jo Li's
 * wife" is someone else. Not in headlines, whose words are all
 * capitalised. */
static int named_person(const fx *x, const sent *s, size_t i, amount *a)
{
	if (s->idx < 0 || !name_word(x, s, i) || (i > 0 && name_word(x, s, i - 1)))
		return 0;
	/* a title inside the run: "Chief Deputy John Campbell" */
	size_t k = i, first = i;
	while (k < i + 5 && k < s->n &&
	       (name_word(x, s, k) || ((s->t[k].flags & NF_TOK_CAP) && has(x, s, k, W_PERSON) &&
	                               name_word(x, s, k + 1)))) {
		if (!name_word(x, s, k))
			first = k + 1;
		k++;
	}
	name_person(s, first, k, a);
	if (is(x, s, k, "'s")) {
		if (!death_noun_at(x, s, k + 1))
			return 0;
		one_of(a, i, k + 1, 1);
		a->measure = M_KILLED;
		return 1;
	}
	size_t end = k;
	if (punct(s, k) == ',' && k + 2 < s->n && (s->t[k + 1].flags & NF_TOK_NUM) &&
	    s->t[k + 1].len <= 3 && punct(s, k + 2) == ',')
		end = k + 3;
	size_t b = i; /* over a title: "Officer Jo Li" */
	if (b > 0 && has(x, s, b - 1, W_PERSON))
		b--;
	int before = 0;
	if (b > 0) {
		size_t j = b - 1;
		before = ((has(x, s, j, W_PRE) && wi(x, &s->t[j])->measure) || is(x, s, j, "and") ||
		          (is(x, s, j, "of") && j > 0 && has(x, s, j - 1, W_PRE) &&
		           wi(x, &s->t[j - 1])->measure));
	}
	if (!before && !(clause_start(x, s, b) && subject_name(x, s, end)))
		return 0;
	one_of(a, b, end, 1);
	return 1;
}

/* Whether token i is preceded by an attempt: "tried to", "attempted to". */
static int attempt_before(const fx *x, const sent *s, size_t i)
{
	return i >= 2 && is(x, s, i - 1, "to") &&
	       (is(x, s, i - 2, "tried") || is(x, s, i - 2, "attempted") ||
	        is(x, s, i - 2, "trying") || is(x, s, i - 2, "attempting"));
}

/* Whether a verb of killing is within the six tokens before k: "kills
 * wife, then himself". */
static int killing_before(const fx *x, const sent *s, size_t k)
{
	for (size_t j = k; j > 0 && k - j < 6; j--)
		if (has(x, s, j - 1, W_PRE) && wi(x, &s->t[j - 1])->measure == M_KILLED)
			return 1;
	return 0;
}

/* The one who did it, harmed by his own hand: "killing himself",
 * "fatally shooting herself", "turned the gun on himself", "took his own
 * life", "committed suicide". A separate person from those he harmed
 * ("killed his wife before killing himself" is two), except where he is
 * the subject ("a man shot himself": the claim of "a man" stands, see
 * read_claim). Not an attempt ("tried to kill herself"). */
static int self_harm(const fx *x, const sent *s, size_t i, amount *a)
{
	/* a headline's "fatally shoots self" */
	if (is(x, s, i, "self") && !(i > 0 && has(x, s, i - 1, W_PRE | W_POST) &&
	                             wi(x, &s->t[i - 1])->measure))
		return 0;
	if (is(x, s, i, "himself") || is(x, s, i, "herself") || is(x, s, i, "self")) {
		if (i >= 2 && is(x, s, i - 1, "on") && (is(x, s, i - 2, "gun") || is(x, s, i - 2, "weapon")))
			a->measure = M_KILLED;
		/* "kills wife, then himself", "kills daughter, himself": the
		 * verb of the object before */
		else if (i >= 2 && (is(x, s, i - 1, "then") || is(x, s, i - 1, "and") ||
		                    punct(s, i - 1) == ',') &&
		         killing_before(x, s, i - 1))
			a->measure = M_KILLED;
		else if (!(i > 0 && has(x, s, i - 1, W_PRE | W_POST) && wi(x, &s->t[i - 1])->measure) ||
		         attempt_before(x, s, i - 1))
			return 0;
	} else if ((is(x, s, i, "his") || is(x, s, i, "her")) && is(x, s, i + 1, "own") &&
	           is(x, s, i + 2, "life") && i > 0 &&
	           (is(x, s, i - 1, "took") || is(x, s, i - 1, "taking") || is(x, s, i - 1, "takes")) &&
	           !attempt_before(x, s, i - 1)) {
		a->measure = M_KILLED;
	} else if ((is(x, s, i, "committed") || is(x, s, i, "commits") ||
	            is(x, s, i, "committing")) && is(x, s, i + 1, "suicide")) {
		a->measure = M_KILLED;
	} else {
		return 0;
	}
	one_of(a, i, i + 1, 0);
	a->self = 1;
	if (is(x, s, i, "his") || is(x, s, i, "her"))
		a->end = i + 3; /* "his own life" */
	else if (is(x, s, i + 1, "suicide"))
		a->end = i + 2;
	return 1;
}

/* One person or a few, named or referred to: a pronoun ("he was shot",
 * "killing her"; "her" before a noun is a possessive), a possessive death
 * ("his death") or a headline's, "a fatal shooting", "another" (one more:
 * "and another injured"), "both" before a noun of people or opening a
 * clause before its verb (two). */
static int individual(const fx *x, const sent *s, size_t i, amount *a)
{
	const nf_token *n = i + 1 < s->n ? &s->t[i + 1] : NULL;
	if (has(x, s, i, W_PRON) ||
	    (is(x, s, i, "her") && (!n || !(n->flags & NF_TOK_WORD) ||
	                            (n->flags & NF_TOK_STOP) || calendar_word(x, s, i + 1)))) {
		one_of(a, i, i + 1, 1);
		return 1;
	}
	if ((is(x, s, i, "his") || is(x, s, i, "her")) && death_noun_at(x, s, i + 1)) {
		one_of(a, i, i + 1, 1);
		a->measure = M_KILLED;
		return 1;
	}
	/* a headline's "accidental shooting death": one death, the noun read
	 * as the phrase */
	if (s->idx < 0 && death_noun_at(x, s, i) &&
	    !(i > 0 && ((s->t[i - 1].flags & NF_TOK_NUM) || has(x, s, i - 1, W_NUM)))) {
		one_of(a, i, i, 1);
		a->measure = M_KILLED;
		return 1;
	}
	if ((is(x, s, i, "a") || is(x, s, i, "the")) &&
	    (is(x, s, i + 1, "fatal") || is(x, s, i + 1, "deadly")) &&
	    is(x, s, i + 2, "shooting") && !is(x, s, i + 3, "of")) {
		one_of(a, i, i + 3, 1);
		a->measure = M_KILLED;
		return 1;
	}
	/* "a murder-suicide": the one killed and the one who killed himself,
	 * at least ("a double murder-suicide": three; not an attempted one),
	 * of people whoever they were ("of daughter, father") */
	if ((is(x, s, i, "murder-suicide") || is(x, s, i, "murder-suicides")) &&
	    !(i > 0 && (is(x, s, i - 1, "attempted") || is(x, s, i - 1, "attempt")))) {
		int dead = 2 + (i > 0 && is(x, s, i - 1, "double")) +
		           2 * (i > 0 && is(x, s, i - 1, "triple"));
		a->num.value = a->num.low = a->num.high = dead;
		a->ordinal = 1; /* a lower bound, no component of a sum */
		a->weak = 1;
		a->measure = M_KILLED;
		a->at = i;
		a->end = i + 1;
		return 1;
	}
	if (self_harm(x, s, i, a))
		return 1;
	if (is(x, s, i, "another") && n && !(n->flags & NF_TOK_NUM) && !has(x, s, i + 1, W_NUM)) {
		one_of(a, i, i + 1, 0);
		return 1;
	}
	if (is(x, s, i, "both") && n && human(x, n) && !(wi(x, n)->flags & W_PERSON)) {
		a->num.value = a->num.low = a->num.high = 2;
		a->at = i;
		a->end = i + 1;
		return 1;
	}
	/* "..., and both were shot": "both" opening a clause before its
	 * verb is the two just told of, so their total, no component of a
	 * sum with them (not "they were both shot", counted as "they") */
	if (is(x, s, i, "both") &&
	    (i == 0 || punct(s, i - 1) == ',' || punct(s, i - 1) == ';' || is(x, s, i - 1, "and")) &&
	    be_verb(x, s, i + 1)) {
		a->num.value = a->num.low = a->num.high = 2;
		a->ordinal = 1;
		a->at = i;
		a->end = i + 1;
		return 1;
	}
	return named_person(x, s, i, a);
}

/* One person: "a man", "an unidentified 17-year-old boy", "the victim",
 * "his 11-year-old son", a "15-year-old", "17-year-old Jo Li", "Jane Doe,
 * 24,", and a headline's leading "Teen dies". Sets a->end where the noun
 * phrase is read from (the noun). Five modifiers at most ("a 17 -
 * year-old local"). */
static int one_person(const fx *x, const sent *s, size_t i, amount *a)
{
	size_t k = i;
	/* a headline's "Teen dies", "St. Louis woman killed", "Police identify
	 * victim killed", "Teen charged with killing uncle": no article there */
	if (s->idx < 0 && has(x, s, i, W_PERSON) &&
	    !(i > 0 && has(x, s, i - 1, W_PERSON | W_NUM | W_DET | W_OPEN)))
		goto found;
	if ((k = age_at(x, s, i))) {
		size_t e = k;
		while (e < k + 4 && name_word(x, s, e))
			e++;
		if (e > k)
			name_person(s, k, e, a);
		goto found;
	}
	if ((k = named_age_at(s, i))) {
		size_t b = i - 1;
		while (b > 0 && i - b < 5 && name_word(x, s, b - 1))
			b--;
		if (b < i - 1)
			name_person(s, b, i - 1, a);
		goto found;
	}
	if (!is(x, s, i, "a") && !is(x, s, i, "an") && !is(x, s, i, "the") &&
	    !is(x, s, i, "his") && !is(x, s, i, "her") && !is(x, s, i, "their"))
		return 0;
	for (k = i + 1; k < s->n && k <= i + 5; k++) {
		const nf_token *t = &s->t[k];
		uint64_t f = wi(x, t)->flags;
		if (f & W_PERSON)
			goto found;
		/* "a 15-year-old" without a noun is a person too */
		size_t e = age_at(x, s, k);
		if (e && !(e < s->n && np_word(x, s, e))) {
			k = e;
			goto found;
		}
		if ((t->flags & NF_TOK_NUM) || punct(s, k) == '-')
			continue;
		if (!(t->flags & NF_TOK_WORD) || (t->flags & NF_TOK_STOP) ||
		    (f & (W_AUX | W_SPEECH | W_REL | W_POST | W_PRE | W_NOUN)))
			return 0;
	}
	return 0;
found:
	a->one = 1;
	a->num.value = a->num.low = a->num.high = 1;
	a->at = i;
	a->end = k;
	return 1;
}

/* The number an ordinal word at k says ("third" is 3), 0 for none. */
static int ordinal_word(const fx *x, const sent *s, size_t k)
{
	static const char *const ord[] = {"first", "second", "third", "fourth", "fifth",
	                                  "sixth", "seventh", "eighth", "ninth", "tenth"};
	for (size_t i = 0; i < sizeof ord / sizeof *ord; i++)
		if (is(x, s, k, ord[i]))
			return (int)i + 1;
	return 0;
}

/* "a third person has died", "a fifth was struck by debris", a
 * headline's "Third person dies": the count has reached that number, so
 * it is a lower bound of it. Not "the third victim was Jo Li", which
 * numbers the victims told one by one, nor "a second shot". */
static int ordinal_at(const fx *x, const sent *s, size_t i, amount *a)
{
	size_t w = i + (is(x, s, i, "a") || is(x, s, i, "an"));
	if (w == i && !(s->idx < 0 && (i == 0 || punct(s, i - 1))))
		return 0;
	/* a person or a verb after it: not "a second shot", "a second degree
	 * murder charge" */
	if (!(w + 1 < s->n && (human(x, &s->t[w + 1]) || has(x, s, w + 1, W_AUX) ||
	                       (has(x, s, w + 1, W_POST) && !has(x, s, w + 1, W_PRE)) ||
	                       punct(s, w + 1) == ',')))
		return 0;
	int o = ordinal_word(x, s, w);
	if (o < 2)
		return 0;
	a->num.value = a->num.low = a->num.high = o;
	a->ordinal = 1;
	a->at = i;
	a->end = w + 1;
	return 1;
}

/* The amount at token i, if any. Headline and body alike. */
static int amount_at(const fx *x, const sent *s, size_t i, amount *a)
{
	memset(a, 0, sizeof *a);
	if (i >= s->n) /* past a noun phrase that ends the sentence */
		return 0;
	const nf_token *t = &s->t[i];
	uint64_t f = wi(x, t)->flags;
	/* most tokens open no amount: one test for them */
	if (!(t->flags & (NF_TOK_NUM | NF_TOK_CAP)) &&
	    !(f & (W_NUM | W_NEG | W_PERSON | W_PRON | W_DET | W_OPEN)) &&
	    !(s->idx < 0 && (f & W_NOUN)))
		return 0;
	if (ordinal_at(x, s, i, a) || one_person(x, s, i, a) || individual(x, s, i, a))
		return 1;
	if (f & W_NEG) {
		/* "no one", "nobody", "none", "no injuries"; not "no one else",
		 * "no other people": none more than those counted */
		if (is(x, s, i + 1 + is(x, s, i + 1, "one"), "else") || is(x, s, i + 1, "other"))
			return 0;
		if (is(x, s, i, "no")) {
			if (is(x, s, i + 1, "one"))
				a->end = i + 2;
			else if (has(x, s, i + 1, W_NOUN))
				a->end = i + 1;
			else
				return 0;
		} else {
			a->end = i + 1;
		}
		a->neg = 1;
		a->at = i;
		return 1;
	}
	/* "a dozen", "a thousand": an article before a scale word */
	int article = (is(x, s, i, "a") || is(x, s, i, "an")) && has(x, s, i + 1, W_NUM);
	if (!(t->flags & NF_TOK_NUM) && !(f & W_NUM) && !article)
		return 0;
	size_t used = nf_num_scan(x->c, s->text, s->t, s->n, i, &a->num);
	if (!used)
		return 0;
	a->at = i;
	a->end = i + used;
	if ((t->flags & NF_TOK_NUM) && not_a_count(x, s, i, a->end))
		return 0;
	if (a->end < s->n && has(x, s, a->end, W_UNIT | W_COMPAR))
		return 0;
	/* "fired one shot", "firing 10 rounds": shots, not people */
	if (i > 0 && has(x, s, i - 1, W_FIRE))
		return 0;
	/* "a mother of two": her children; "no one else" */
	if ((i >= 2 && is(x, s, i - 1, "of") && has(x, s, i - 2, W_PERSON)) ||
	    (i > 0 && is(x, s, i - 1, "no")))
		return 0;
	return 1;
}

/* --- Qualifiers ------------------------------------------------------------- */

enum { Q_LOWER = 1, Q_UPPER, Q_BELOW, Q_APPROX };

static const struct {
	const char *w[4];
	const char *name;
	int kind;
} qualifiers[] = {
	{{"at", "least"}, "at least", Q_LOWER},
	{{"more", "than"}, "more than", Q_LOWER},
	{{"no", "fewer", "than"}, "at least", Q_LOWER},
	{{"no", "less", "than"}, "at least", Q_LOWER},
	{{"upwards", "of"}, "more than", Q_LOWER},
	{{"in", "excess", "of"}, "more than", Q_LOWER},
	{{"just", "over"}, "more than", Q_LOWER},
	{{"over"}, "more than", Q_LOWER},
	{{"no", "more", "than"}, "at most", Q_UPPER},
	{{"at", "most"}, "at most", Q_UPPER},
	{{"up", "to"}, "up to", Q_UPPER},
	{{"as", "many", "as"}, "as many as", Q_UPPER},
	{{"fewer", "than"}, "fewer than", Q_UPPER},
	{{"less", "than"}, "fewer than", Q_UPPER},
	{{"just", "under"}, "almost", Q_BELOW},
	{{"nearly"}, "nearly", Q_BELOW},
	{{"almost"}, "almost", Q_BELOW},
	{{"close", "to"}, "nearly", Q_BELOW},
	{{"an", "estimated"}, "an estimated", Q_APPROX},
	{{"estimated"}, "an estimated", Q_APPROX},
	{{"approximately"}, "about", Q_APPROX},
	{{"roughly"}, "about", Q_APPROX},
	{{"about"}, "about", Q_APPROX},
	{{"around"}, "around", Q_APPROX},
	{{"some"}, "some", Q_APPROX},
	{{"circa"}, "about", Q_APPROX}};

/* Matches a qualifier ending just before token i (an opening quote may sit
 * between). Returns its index in qualifiers[] and sets *start, else -1. */
static int qualifier_before(const fx *x, const sent *s, size_t i, size_t *start)
{
	if (i > 0 && is_quote(s, i - 1))
		i--;
	for (size_t q = 0; q < sizeof qualifiers / sizeof *qualifiers; q++) {
		size_t len = 0;
		while (len < 4 && qualifiers[q].w[len])
			len++;
		if (len > i)
			continue;
		size_t k = 0;
		while (k < len && is(x, s, i - len + k, qualifiers[q].w[k]))
			k++;
		if (k == len) {
			*start = i - len;
			/* "the quote, as many as": an opening quote before it */
			if (*start > 0 && is_quote(s, *start - 1))
				(*start)--;
			return (int)q;
		}
	}
	return -1;
}

/* --- Noun phrases ------------------------------------------------------------ */

/* The measure of measure word k: "shot" is M_SHOT (the wounded and the
 * dead together) unless it was fatal ("fatally shot", "shot dead", "shot
 * and killed", "shot, killed", "shot to death", "the fatal shooting of")
 * or not ("shot and wounded"); "fatally injured" is a death. */
static int measure_at(const fx *x, const sent *s, size_t k)
{
	int m = wi(x, &s->t[k])->measure;
	if (m != M_INJURED && m != M_SHOT)
		return m;
	if (k > 0 && (is(x, s, k - 1, "fatally") || is(x, s, k - 1, "mortally") ||
	              is(x, s, k - 1, "fatal") || is(x, s, k - 1, "deadly")))
		return M_KILLED;
	if (m == M_SHOT) {
		size_t j = k + 1;
		if (is(x, s, j, "dead") || (is(x, s, j, "to") && is(x, s, j + 1, "death")))
			return M_KILLED;
		if ((is(x, s, j, "and") || punct(s, j) == ',') && j + 1 < s->n) {
			int then = wi(x, &s->t[j + 1])->measure;
			if (then == M_KILLED)
				return M_KILLED;
			/* "shot and wounded", "shot and injured": alive */
			if (then == M_INJURED && has(x, s, j + 1, W_POST))
				return M_INJURED;
		}
	}
	return m;
}

typedef struct np {
	size_t end;      /* first token after the phrase */
	int head;        /* token of the head noun, -1 when none */
	int mod;         /* token before the head, -1 */
	int measure;     /* a measure word inside: "injured people", "deaths" */
	int trailing;    /* that measure word comes after the head */
	int more;        /* persons joined on: "his wife and son" (1) */
} np;

static int word_ends(const fx *x, const nf_token *t, const char *suf)
{
	const nf_lex_entry *e = &x->c->lex.entries[t->norm];
	size_t n = strlen(suf);
	return e->len > n + 2 && !memcmp(e->str + e->len - n, suf, n);
}

/* Whether token t names people: a person noun of the tables, or a plural
 * formed as agent nouns are (-ers, -ors, -ists, -ians, -men, -ees,
 * -mates): "officers", "bystanders", "pedestrians", "gunmen", "employees".
 * The rule is checked only on the head of a phrase after an amount, so it
 * costs nothing on the rest of the text; W_THING lists its exceptions. */
static int human(const fx *x, const nf_token *t)
{
	static const char *const agent[] = {"ers", "ors", "ists", "ians", "men", "ees",
	                                    "mates"};
	const winfo *w = wi(x, t);
	if (w->flags & (W_PERSON | W_PEOPLE | W_FORCE))
		return 1;
	if ((w->flags & W_THING) || !(t->flags & NF_TOK_WORD))
		return 0;
	if (w->subject)
		return strcmp(w->subject, "stores") && strcmp(w->subject, "homes") &&
		       strcmp(w->subject, "buildings");
	for (size_t i = 0; i < sizeof agent / sizeof *agent; i++)
		if (word_ends(x, t, agent[i]))
			return 1;
	return 0;
}

/* Whether a line break separates token k from the one before it (a
 * headline list or a caption runs into the next line without a period). */
static int line_break_before(const sent *s, size_t k)
{
	if (!k || k >= s->n)
		return 0;
	const char *a = s->text + s->t[k - 1].off + s->t[k - 1].len;
	return memchr(a, '\n', (size_t)(s->text + s->t[k].off - a)) != NULL;
}

static int preposition(const fx *x, const sent *s, size_t k);

/* Whether token k can be part of the noun phrase after an amount. */
static int np_word(const fx *x, const sent *s, size_t k)
{
	const nf_token *t = &s->t[k];
	if (!(t->flags & NF_TOK_WORD) || line_break_before(s, k))
		return 0;
	uint64_t f = wi(x, t)->flags;
	if (f & (W_AUX | W_REL | W_SPEECH | W_UNIT | W_NEG | W_PARTPRE))
		return 0;
	/* "three other men": a stop word, but the phrase goes on */
	if (((t->flags & NF_TOK_STOP) && !is(x, s, k, "other")) || calendar_word(x, s, k))
		return 0;
	/* "homes near the school", "10 buildings either destroyed or hit":
	 * the noun before is the head */
	if (preposition(x, s, k) || is(x, s, k, "either"))
		return 0;
	if ((f & W_PRE) && !(f & (W_POST | W_NOUN)))
		return 0;
	return 1;
}

/* The token after the comma that closes an appositive in which token k
 * stands: ", a 31-year-old teacher from Elm Bay, was shot", a verb after
 * it; 0 when there is none within n tokens. */
static size_t closing_comma(const fx *x, const sent *s, size_t k, size_t n)
{
	for (size_t j = k; j < s->n && j <= k + n; j++) {
		if (punct(s, j) == ',')
			return has(x, s, j + 1, W_AUX | W_POST) ? j + 1 : 0;
		if (punct(s, j) && punct(s, j) != '-' && punct(s, j) != '.')
			return 0;
	}
	return 0;
}

/* Whether the measure verb at k is active, with an object after it ("a man
 * shot his wife", "shot and killed a woman"): its subject is who did it.
 * A reflexive is no object ("a man shot himself"), and a word that takes
 * none is never active ("4 dead, 3 wounded"; "died"). */
static int active_at(const fx *x, const sent *s, size_t k)
{
	size_t j = k + 1;
	if (!has(x, s, k, W_PRE))
		return 0;
	if ((is(x, s, j, "and") || punct(s, j) == ',') && has(x, s, j + 1, W_POST | W_PRE) &&
	    wi(x, &s->t[j + 1])->measure)
		j += 2;
	if (j >= s->n)
		return 0;
	const nf_token *t = &s->t[j];
	return (t->flags & NF_TOK_NUM) || has(x, s, j, W_DET | W_PRON | W_NUM) ||
	       is(x, s, j, "a") || is(x, s, j, "an") || is(x, s, j, "another") ||
	       name_word(x, s, j);
}

/* The noun phrase from token k: "Russian troops", "police and army officers
 * killed", "injured people", "flood deaths". At most six words. */
static void read_np(const fx *x, const sent *s, size_t k, np *p)
{
	size_t k0 = k;
	p->head = p->mod = -1;
	p->measure = p->trailing = p->more = 0;
	if (k < s->n && is(x, s, k, "of") && k + 1 < s->n && np_word(x, s, k + 1))
		k++; /* "thousands of people" */
	while (k < s->n && is_quote(s, k))
		k++;
	size_t words = 0;
	while (k < s->n && words < 6) {
		if (is(x, s, k, "and") && k + 1 < s->n && np_word(x, s, k + 1) &&
		    !has(x, s, k + 1, W_NUM) && p->head >= 0) {
			p->more += (wi(x, &s->t[p->head])->flags & W_PERSON) &&
			           has(x, s, k + 1, W_PERSON);
			k++;
			continue;
		}
		if (!np_word(x, s, k))
			break;
		const winfo *w = wi(x, &s->t[k]);
		int m = w->measure && (w->flags & (W_POST | W_NOUN)) ? measure_at(x, s, k) : 0;
		/* "lives" is a count only right after a number: "claimed three
		 * lives", not "a woman lives", "she lives" */
		if (m && is(x, s, k, "lives") &&
		    (k != k0 || !k0 || !((s->t[k0 - 1].flags & NF_TOK_NUM) || has(x, s, k0 - 1, W_NUM))))
			break;
		/* a participle after its noun ("officers killed"), not a verb
		 * with an object: "a man shot his wife" */
		if (m && (w->flags & W_POST) && active_at(x, s, k))
			break;
		if (m) {
			if (!p->measure)
				p->measure = m;
			k++, words++;
			if (!(w->flags & W_POST)) {
				/* a measure noun is the head: "40 flood deaths" */
				p->head = p->mod = -1;
				break;
			}
			if (p->head >= 0) {
				p->trailing = 1;
				break;
			}
			continue; /* "injured people", "23 dead" */
		}
		/* a verb form ends the phrase unless a noun follows it ("armed
		 * men") */
		if ((word_ends(x, &s->t[k], "ing") || word_ends(x, &s->t[k], "ed")) &&
		    !w->subject && !(k + 1 < s->n && np_word(x, s, k + 1)))
			break;
		/* After a noun of people only another goes on ("police
		 * officers", "police and army officers"): "nine people early
		 * Saturday" ends at "people". */
		if (p->head >= 0 && human(x, &s->t[p->head]) && !human(x, &s->t[k]) &&
		    !(k + 1 < s->n && np_word(x, s, k + 1) && human(x, &s->t[k + 1])))
			break;
		/* -ly words modify, never head: "critically injured", "elderly" */
		if (word_ends(x, &s->t[k], "ly")) {
			k++, words++;
			continue;
		}
		p->mod = p->head;
		p->head = (int)k;
		k++, words++;
	}
	p->end = k;
}

static const char *subject_of(const fx *x, const sent *s, const np *p)
{
	if (p->head < 0)
		return NULL;
	const nf_token *h = &s->t[p->head];
	const winfo *w = wi(x, h);
	if (p->mod >= 0) {
		const char *m = norm(x, &s->t[p->mod]);
		const char *hn = norm(x, h);
		for (size_t i = 0; i < sizeof modifiers / sizeof *modifiers; i++)
			if (!strcmp(m, modifiers[i].mod) &&
			    (!strcmp(hn, "workers") || !strcmp(hn, "forces") ||
			     !strcmp(hn, "teams") || !strcmp(hn, "staff") ||
			     !strcmp(hn, "personnel") ||
			     !strcmp(hn, "crews")))
				return modifiers[i].subject;
	}
	if (w->subject)
		return w->subject;
	return nf_arena_strdup(&x->b->arena, norm(x, h));
}

/* --- Attaching a measure -------------------------------------------------- */

/* "left their homes", "forced from their homes": a home word within three
 * tokens after k. */
static int homes_after(const fx *x, const sent *s, size_t k)
{
	for (size_t j = k + 1; j < s->n && j <= k + 3; j++)
		if (has(x, s, j, W_HOME))
			return 1;
	return 0;
}

/* Skips an amount and its noun phrase at k ("and 3 rescue workers");
 * *measure is that of a participle ending the phrase ("woman shot"), 0
 * when none. */
static size_t skip_amount_np(const fx *x, const sent *s, size_t k, int *measure)
{
	amount a;
	*measure = 0;
	if (!amount_at(x, s, k, &a))
		return k;
	np p;
	read_np(x, s, a.end, &p);
	if (p.trailing)
		*measure = p.measure;
	return p.end;
}

/* The token after an appositive at k: ", a 25-year-old man," ", 25,"
 * ", Jo Li, 19,", ", Jo Li of Maple Heights,": a comma, a person (or an
 * age) and what follows up to the next comma, with a verb after it; 0
 * when there is none. Fourteen tokens at most between the commas: two
 * people with their ages (", 21-year-old Jo Li and 32-year-old Al Roe,",
 * eleven tokens) are the appositive of "two of the victims", and a
 * longer stretch is a clause, not a name. */
static size_t appositive_end(const fx *x, const sent *s, size_t k)
{
	amount ap;
	if (punct(s, k) != ',' || k + 1 >= s->n)
		return 0;
	int age = (s->t[k + 1].flags & NF_TOK_NUM) && s->t[k + 1].len <= 3;
	if (!age && !name_word(x, s, k + 1) && !(amount_at(x, s, k + 1, &ap) && ap.one))
		return 0;
	return closing_comma(x, s, k + 2, 13);
}

/* A form of "be", "have" or "get" before a participle: its subject is
 * who the participle happened to ("was shot"), where an adverb is not
 * ("fatally shot his brother"). */
static int be_verb(const fx *x, const sent *s, size_t k)
{
	static const char *const be[] = {"was", "were", "is", "are", "be", "been", "being",
	                                 "has", "have", "had", "got", "get", "gets"};
	return is_any(x, s, k, be, sizeof be / sizeof *be);
}

/* Whether word w is within n tokens after k. */
static int word_within(const fx *x, const sent *s, size_t k, size_t n, const char *w)
{
	for (size_t j = k + 1; j < s->n && j <= k + n; j++)
		if (is(x, s, j, w))
			return 1;
	return 0;
}

/* Whether a wound word is within n tokens after k; sets *fatal when
 * "fatal" is among them. */
static int wound_within(const fx *x, const sent *s, size_t k, size_t n, int *fatal)
{
	*fatal = 0;
	for (size_t j = k + 1; j < s->n && j <= k + n; j++) {
		*fatal |= is(x, s, j, "fatal");
		if (has(x, s, j, W_WOUND))
			return 1;
		if (punct(s, j) && punct(s, j) != '-')
			return 0;
	}
	return 0;
}

/* Words of the wounded after a person: "was taken to a hospital",
 * "was rushed to the hospital" (wounded or dead: M_SHOT), "is in critical
 * condition", "is fighting for her life" (alive: M_INJURED), "suffered
 * non-life-threatening injuries",
 * "was found with gunshot wounds" (M_SHOT; "fatal injuries" M_KILLED),
 * "was taken off life support" (M_KILLED). */
static int care_measure(const fx *x, const sent *s, size_t k)
{
	int fatal;
	/* "was taken off life support": a death */
	if (is(x, s, k, "taken") && is(x, s, k + 1, "off") && is(x, s, k + 2, "life") &&
	    is(x, s, k + 3, "support"))
		return M_KILLED;
	/* eight tokens: "rushed to Baylor Scott & White Hospital" */
	if (has(x, s, k, W_CARRY) && word_within(x, s, k, 8, "hospital"))
		return M_SHOT;
	if ((is(x, s, k, "in") && word_within(x, s, k, 3, "condition")) ||
	    (is(x, s, k, "fighting") && is(x, s, k + 1, "for") && word_within(x, s, k + 1, 2, "life")))
		return M_INJURED;
	if ((has(x, s, k, W_SUFFER) || is(x, s, k, "with")) && wound_within(x, s, k, 5, &fatal))
		return fatal ? M_KILLED : M_SHOT;
	return 0;
}

/* A participle after the phrase ending at k, over auxiliaries, adverbs,
 * a relative pronoun, coordinated amounts and a place ("in Almaty"). */
static int forward_measure(const fx *x, const sent *s, size_t k, size_t *at)
{
	while (k < s->n && is_quote(s, k))
		k++;
	for (int co = 0; co < 4 && (is(x, s, k, "and") || punct(s, k) == ','); co++) {
		/* "A, B, and C"; "5 people, including a boy, were shot" */
		size_t j = k + 1 + (punct(s, k) == ',' && is(x, s, k + 1, "and"));
		if (punct(s, k) == ',' && is(x, s, k + 1, "including") &&
		    (j = closing_comma(x, s, k + 2, 8)))
			return forward_measure(x, s, j, at);
		int last;
		size_t e = skip_amount_np(x, s, j, &last);
		if (e == j)
			break;
		/* "Man, woman shot": the list's participle is the last one's */
		if (last) {
			*at = e - 1;
			return last;
		}
		k = e;
	}
	if (is(x, s, k, "in") && k + 1 < s->n && (s->t[k + 1].flags & NF_TOK_CAP)) {
		k++;
		for (int w = 0; w < 3 && k < s->n && (s->t[k].flags & NF_TOK_CAP); w++)
			k++;
	}
	/* "a mother of two was hurt", "a man from Elm Bay was shot": four
	 * words of a phrase before the verb */
	if (is(x, s, k, "of") || is(x, s, k, "from")) {
		size_t j = k + 1;
		while (j < s->n && j <= k + 4 && (s->t[j].flags & (NF_TOK_WORD | NF_TOK_NUM)) &&
		       !has(x, s, j, W_AUX | W_POST))
			j++;
		if (has(x, s, j, W_AUX | W_POST))
			k = j;
	}
	int rel = has(x, s, k, W_REL);
	if (rel)
		k++;
	/* Six skipped words: "have now all been officially" is the longest run
	 * of auxiliaries and adverbs news prose puts there. */
	int aux = 0;
	for (int skipped = 0; k < s->n && skipped < 6; k++) {
		const nf_token *t = &s->t[k];
		const winfo *w = wi(x, t);
		if ((w->flags & W_HOMEV) && homes_after(x, s, k)) {
			*at = k;
			return M_DISPLACED;
		}
		if ((w->flags & W_POST) && w->measure) {
			if (!aux && active_at(x, s, k))
				return 0;
			*at = k;
			return measure_at(x, s, k);
		}
		int m = care_measure(x, s, k);
		if (m) {
			*at = k;
			return m;
		}
		/* "was not seriously hurt" is hurt */
		int degree = is(x, s, k, "not") && k + 1 < s->n && word_ends(x, &s->t[k + 1], "ly") &&
		             has(x, s, k + 2, W_POST);
		if (degree || (w->flags & W_AUX) || ((t->flags & NF_TOK_WORD) && word_ends(x, t, "ly"))) {
			/* a passive's auxiliary; not a perfect's: "has killed five" */
			aux |= be_verb(x, s, k) && !is(x, s, k, "has") && !is(x, s, k, "have") &&
			       !is(x, s, k, "had");
			skipped++;
			continue;
		}
		break;
	}
	return 0;
}

/* A measure verb or noun before the amount: "killing at least nine",
 * "the sending of about 2,500". */
static int pre_measure(const fx *x, const sent *s, size_t start, size_t amount_end)
{
	if (!start)
		return 0;
	size_t j = start - 1;
	if (is_quote(s, j) && j > 0)
		j--;
	int of = is(x, s, j, "of") && j > 0;
	if (of)
		j--;
	/* a noun, not a verb: "a single shot 223" (but "the killing of") */
	if (!of && j > 0 && (is(x, s, j - 1, "a") || is(x, s, j - 1, "an") ||
	                     is(x, s, j - 1, "the") || is(x, s, j - 1, "single")))
		return 0;
	const winfo *w = wi(x, &s->t[j]);
	if ((w->flags & W_HOMEV) && is(x, s, j, "forced")) {
		for (size_t k = amount_end; k < s->n && k < amount_end + 10; k++)
			if (has(x, s, k, W_HOME))
				return M_DISPLACED;
	}
	if ((w->flags & W_PRE) && w->measure)
		return measure_at(x, s, j);
	return 0;
}

/* "the death toll rose to 15", "the number of dead ... at 23": the measure
 * word nearest before the amount, when a toll noun precedes it in the
 * sentence and a linking word sits right before the amount. */
static int toll_measure(const fx *x, const sent *s, size_t start)
{
	if (!start)
		return 0;
	size_t j = start - 1;
	if (!has(x, s, j, W_LINK) && punct(s, j) != ':')
		return 0;
	int toll = 0, death = 0, measure = 0;
	/* Forty tokens back: "the count of those the police have held keeps
	 * growing, and the interior ministry now puts the figure at 5,800"
	 * spans about 24; the bound keeps long sentences linear. */
	for (size_t k = j > 40 ? j - 40 : 0; k < j; k++) {
		const winfo *w = wi(x, &s->t[k]);
		if (w->flags & W_TOLL) {
			toll = 1;
			death |= is(x, s, k, "toll");
		}
		/* not a word of hitting said of a thing before it: "the number
		 * of striking mines" */
		if (w->measure && (w->flags & (W_POST | W_NOUN | W_PRE)) &&
		    !(w->flags & W_DEPLOY) &&
		    !(w->measure == M_SHOT && word_ends(x, &s->t[k], "ing") && k + 1 < j &&
		      np_word(x, s, k + 1) && !human(x, &s->t[k + 1]) &&
		      !wi(x, &s->t[k + 1])->measure))
			measure = w->measure;
	}
	if (!toll)
		return 0;
	/* "the toll rose to 15" with no other word: a toll is of the dead; a
	 * total, a number or a count is of nothing said ("a total of 5 people,
	 * including a boy, were shot") */
	return measure ? measure : death ? M_KILLED : 0;
}

static int sentence_has(const fx *x, const sent *s, uint64_t flags)
{
	for (size_t k = 0; k < s->n; k++)
		if (wi(x, &s->t[k])->flags & flags)
			return 1;
	return 0;
}

/* "Two engineers from the company that runs the dam were detained": for an
 * amount that opens its clause, an auxiliary and participle within fifteen
 * tokens, with no other amount or speech verb between; *at is set to the
 * participle. */
static int distant_measure(const fx *x, const sent *s, size_t start, size_t k, size_t *at)
{
	if (start > 0 && punct(s, start - 1) != ',' && !is(x, s, start - 1, "that") &&
	    !has(x, s, start - 1, W_SPEECH) && !is_quote(s, start - 1))
		return 0;
	for (size_t end = k + 15; k < s->n && k < end; k++) {
		const nf_token *t = &s->t[k];
		if ((t->flags & NF_TOK_NUM) || has(x, s, k, W_NUM | W_SPEECH) ||
		    punct(s, k) == ';' || punct(s, k) == ',')
			return 0;
		if (has(x, s, k, W_AUX) && !is(x, s, k, "as")) {
			int m = forward_measure(x, s, k, at);
			if (m)
				return m;
		}
		/* "... was taken to hospital but died"; not "shot and killed
		 * five", done by the subject */
		if (k > 0 && (is(x, s, k - 1, "but") || is(x, s, k - 1, "and")) &&
		    has(x, s, k, W_POST) && wi(x, &s->t[k])->measure && !active_at(x, s, k)) {
			*at = k;
			return measure_at(x, s, k);
		}
	}
	return 0;
}

/* --- Speakers, hedges, dates ------------------------------------------------ */

/* Whitespace runs as one space, in the brief's arena. */
static int blank(char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\t';
}

static const char *quote(fx *x, const char *s, size_t len)
{
	x->scratch.len = 0;
	for (size_t i = 0, j; i < len; i = j + 1) {
		for (j = i; j < len && !blank(s[j]); j++)
			;
		if (j > i && ((x->scratch.len && nf_buf_putc(&x->scratch, ' ')) ||
		              nf_buf_put(&x->scratch, s + i, j - i)))
			return NULL;
	}
	return nf_arena_strndup(&x->b->arena, x->scratch.data ? x->scratch.data : "",
	                        x->scratch.len);
}

/* A speaker word: not a function word, unless capitalised or a joint
 * ("and", "of", "the", possessive "'s"). */
static int speaker_word(const fx *x, const sent *s, size_t k)
{
	const nf_token *t = &s->t[k];
	if (!(t->flags & NF_TOK_WORD))
		return 0;
	if (wi(x, t)->flags & (W_SPEECH | W_SPEECHT | W_AUX | W_REL))
		return 0;
	if (!(t->flags & NF_TOK_STOP) || (t->flags & NF_TOK_CAP))
		return 1;
	const char *w = norm(x, t);
	return !strcmp(w, "and") || !strcmp(w, "of") || !strcmp(w, "the") ||
	       !strcmp(w, "'s");
}

static int joint(const fx *x, const sent *s, size_t k)
{
	return (s->t[k].flags & NF_TOK_STOP) || is(x, s, k, "and");
}

typedef struct speaker_at {
	size_t at;         /* the speech verb */
	size_t from, to;   /* the speaker's tokens */
	const char *who;
} speaker_at;

/* Whether token k says when, not who: "Monday", "today", "late". */
static int time_word(const fx *x, const sent *s, size_t k)
{
	return has(x, s, k, W_WEEKDAY | W_MONTH | W_TIME);
}

/* Whether token k is the period of an abbreviated title inside a name:
 * "Capt. Ana Ruiz", "Brig. Gen. Tor Lind". */
static int title_period(const fx *x, const sent *s, size_t k)
{
	return k > 0 && k + 1 < s->n && punct(s, k) == '.' && has(x, s, k - 1, W_TITLE) &&
	       s->t[k - 1].off + s->t[k - 1].len == s->t[k].off &&
	       (s->t[k + 1].flags & NF_TOK_CAP);
}

/* Whether tokens [from, to) can name who spoke: not a time ("reported
 * Monday that"), not a lone number word or ordinal ("but a third said"),
 * and no measure word, which makes them a count ("reported five dead"). */
static int speaker_phrase(const fx *x, const sent *s, size_t from, size_t to)
{
	int named = 0;
	for (size_t k = from; k < to; k++) {
		if (has(x, s, k, W_POST | W_NOUN) && wi(x, &s->t[k])->measure)
			return 0;
		named |= !time_word(x, s, k) && !has(x, s, k, W_NUM | W_ANON) &&
		         !(s->t[k].flags & NF_TOK_NUM) && !punct(s, k);
	}
	return named && !(to - from == 1 && ordinal_word(x, s, from));
}

/* The speaker in tokens [from, to), trimmed of joints at both ends (a
 * closing bracket stays: "Agency (NCPA)"); 0 when there is none. */
static int speaker(fx *x, const sent *s, size_t from, size_t to, speaker_at *out)
{
	while (from < to && (joint(x, s, from) || punct(s, from)))
		from++;
	while (to > from && (joint(x, s, to - 1) || (punct(s, to - 1) && punct(s, to - 1) != ')')))
		to--;
	if (from >= to || !speaker_phrase(x, s, from, to))
		return 0;
	size_t a = s->t[from].off, b = s->t[to - 1].off + s->t[to - 1].len;
	out->from = from;
	out->to = to;
	return (out->who = quote(x, s->text + a, b - a)) != NULL;
}

/* The first token of the noun phrase that ends before token end:
 * "Kazakh authorities", "the National Civil Protection Agency (NCPA)",
 * "Army officials in the capital" (a place or body after "in", "to",
 * "for" or "at" names where they serve: "the ambassador to the United
 * Nations"). Eight tokens at most: longer is no name. */
static size_t phrase_start(const fx *x, const sent *s, size_t end)
{
	size_t start = end;
	for (int n = 0; start > 0 && n < 8; n++) {
		size_t k = start - 1;
		if (punct(s, k) == ')') {
			/* an acronym in brackets: "(NCPA)" */
			size_t o = k;
			while (o > 0 && k - o < 8 && punct(s, o) != '(')
				o--;
			if (punct(s, o) != '(')
				break;
			start = o;
			continue;
		}
		size_t head = start + (start + 1 < end && is(x, s, start, "the"));
		if (start < end && k > 0 && (s->t[head].flags & NF_TOK_CAP) &&
		    (is(x, s, k, "in") || is(x, s, k, "to") || is(x, s, k, "for") || is(x, s, k, "at")) &&
		    speaker_word(x, s, k - 1) && !(s->t[k - 1].flags & NF_TOK_STOP) &&
		    !(s->t[k - 1].flags & NF_TOK_NUM)) {
			start = k;
			continue;
		}
		if (!speaker_word(x, s, k) && !title_period(x, s, k))
			break;
		start = k;
	}
	return start;
}

/* Whether a clause opens at token k: the sentence's start, after a
 * punctuation mark or a conjunction. */
static int clause_opens(const fx *x, const sent *s, size_t k)
{
	return k == 0 || punct(s, k - 1) == ',' || punct(s, k - 1) == ';' || punct(s, k - 1) == ':' ||
	       is_quote(s, k - 1) || is(x, s, k - 1, "and") || is(x, s, k - 1, "but") ||
	       is(x, s, k - 1, "while") || is(x, s, k - 1, "that") || is(x, s, k - 1, "as");
}

/* Whether tokens [from, to) are all capitalised words: a name. */
static int all_caps_words(const sent *s, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++)
		if (!(s->t[k].flags & NF_TOK_WORD) || !(s->t[k].flags & NF_TOK_CAP))
			return 0;
	return from < to;
}

/* The speaker of a speech verb at v: the noun phrase before it, or, when a
 * comma closes an aside just before it, the name the aside is about:
 * "Jo Li, director of the agency, said" is Jo Li, "the minister, Jo Li,
 * said" too, "the radio, meanwhile, reported" is the radio. Twelve tokens
 * of aside at most: a longer one is a clause of its own. */
static int speaker_before(fx *x, const sent *s, size_t v, speaker_at *out)
{
	size_t j = v;
	/* "have put", "on Sunday said", "also said" */
	while (j > 0 && (has(x, s, j - 1, W_AUX) || is(x, s, j - 1, "late") ||
	                 (j >= 2 && is(x, s, j - 2, "on") &&
	                  nf_weekday_from_name(s->text + s->t[j - 1].off, s->t[j - 1].len) >= 0)))
		j -= is(x, s, j - 1, "late") || has(x, s, j - 1, W_AUX) ? 1 : 2;
	if (j > 1 && punct(s, j - 1) == ',') {
		size_t o = j - 1;
		while (o > 0 && j - o < 12 && punct(s, o - 1) != ',' && punct(s, o - 1) != '.' &&
		       punct(s, o - 1) != ';' && !is_quote(s, o - 1))
			o--;
		if (o == 0 || punct(s, o - 1) != ',')
			return 0;
		if (all_caps_words(s, o, j - 1))
			return speaker(x, s, o, j - 1, out);
		/* the name opens its clause ("... when a tree fell, police
		 * said" has none before the aside) */
		size_t p = phrase_start(x, s, o - 1);
		if (p < o - 1 && clause_opens(x, s, p))
			return speaker(x, s, p, o - 1, out);
		return 0;
	}
	return speaker(x, s, phrase_start(x, s, j), j, out);
}

/* The noun phrase after "according to" or an inverted "said": "the
 * police", "public and Russian media". An inverted speaker ends its clause
 * ("..., police said.", "said the ministry on Sunday"); words going on
 * ("said many passengers may have") are what was said, not who said it. */
static int speaker_after(fx *x, const sent *s, size_t k, int inverted, speaker_at *out)
{
	size_t start = k, end = k;
	for (int n = 0; end < s->n && n < 8 && (speaker_word(x, s, end) || title_period(x, s, end));
	     n++)
		end++;
	if (inverted && end < s->n && !punct(s, end) && !is_quote(s, end) &&
	    !preposition(x, s, end) && !time_word(x, s, end))
		return 0;
	return speaker(x, s, start, end, out);
}

/* Every attribution in the sentence, at most eight (a sentence with more
 * is a list of quotes, and the nearest of eight is near enough). */
static size_t speakers(fx *x, const sent *s, speaker_at *out)
{
	size_t n = 0;
	for (size_t k = 0; k < s->n && n < 8; k++) {
		uint64_t f = wi(x, &s->t[k])->flags;
		if (!(f & (W_SPEECH | W_SPEECHT)))
			continue;
		if (f & W_SPEECHT) {
			int toll = 0;
			for (size_t j = k + 1; j < s->n && j <= k + 4; j++)
				toll |= has(x, s, j, W_TOLL);
			if (!toll)
				continue;
		}
		/* "were reported killed", "were confirmed dead", "one person
		 * reported killed": no speech ("police said killed" is) */
		if ((f & W_AUX) && k > 0 && has(x, s, k - 1, W_AUX))
			continue;
		/* "the confirmed death toll", "a reported 20 dead": an adjective */
		if (k > 0 && (is(x, s, k - 1, "the") || is(x, s, k - 1, "a") || is(x, s, k - 1, "an")))
			continue;
		/* "the storm claimed 17 lives": a measure, not speech */
		int lives = 0;
		for (size_t j = k + 1; j < s->n && j <= k + 4 && is(x, s, k, "claimed"); j++)
			lives |= has(x, s, j, W_NOUN) && wi(x, &s->t[j])->measure;
		if (lives)
			continue;
		if (k + 1 < s->n && has(x, s, k + 1, W_POST) && wi(x, &s->t[k + 1])->measure &&
		    !is(x, s, k, "said") && !is(x, s, k, "says") && !is(x, s, k, "say"))
			continue;
		int found = 0;
		if (is(x, s, k, "according")) {
			if (is(x, s, k + 1, "to"))
				found = speaker_after(x, s, k + 2, 0, &out[n]);
		} else {
			found = speaker_before(x, s, k, &out[n]);
			/* "..., said the presidential office"; not "told X", the
			 * one spoken to */
			if (!found && k > 0 && (punct(s, k - 1) == ',' || is_quote(s, k - 1)) &&
			    (is(x, s, k, "said") || is(x, s, k, "says") || is(x, s, k, "added") ||
			     is(x, s, k, "reported") || is(x, s, k, "wrote")))
				found = speaker_after(x, s, k + 1, 1, &out[n]);
		}
		if (found)
			out[n++].at = k;
	}
	return n;
}

/* Hedge kinds said in sentence s. */
static unsigned hedges_in(const fx *x, const sent *s)
{
	unsigned h = 0;
	for (size_t k = 0; k < s->n; k++) {
		const winfo *w = wi(x, &s->t[k]);
		if (!w->hedge)
			continue;
		unsigned kind = w->hedge;
		if (kind & H_CONFIRM) {
			int neg = 0;
			for (size_t j = k >= 4 ? k - 4 : 0; j < k; j++)
				neg |= has(x, s, j, W_NEGATOR) || word_ends(x, &s->t[j], "n't");
			kind = neg ? H_UNCONFIRMED : 0;
		}
		if (kind & H_RISE) {
			int modal = 0;
			for (size_t j = k >= 3 ? k - 3 : 0; j < k; j++)
				modal |= has(x, s, j, W_MODAL);
			kind = modal ? H_RISE : 0;
		}
		h |= kind;
	}
	return h;
}

static const char *hedge_text(fx *x, unsigned h)
{
	if (!h)
		return NULL;
	x->scratch.len = 0;
	for (int i = 0; i < H_NKINDS; i++)
		if (h & (1u << i)) {
			if (x->scratch.len && nf_buf_puts(&x->scratch, ", "))
				return NULL;
			if (nf_buf_puts(&x->scratch, hedge_names[i]))
				return NULL;
		}
	return nf_arena_strndup(&x->b->arena, x->scratch.data, x->scratch.len);
}

static void body_sentence(const nf_doc *d, size_t i, sent *s)
{
	const nf_sentence *se = &d->sents[i];
	s->text = d->text;
	s->t = d->toks + se->tok0;
	s->n = se->ntok;
	s->doc = d->index;
	s->idx = (int)i;
}

/* Hedges of the claims of sentence s: its own, and those of the next one or
 * two sentences when they speak of the figure ("But police did not confirm
 * the figure"; "The post was deleted"). */
static unsigned hedges_of(const fx *x, const nf_doc *d, const sent *s)
{
	unsigned h = hedges_in(x, s);
	if (s->idx < 0)
		return h;
	for (size_t i = (size_t)s->idx + 1; i < d->nsents && i <= (size_t)s->idx + 2; i++) {
		sent nx;
		body_sentence(d, i, &nx);
		unsigned hn = sentence_has(x, &nx, W_REFER) ? hedges_in(x, &nx) : 0;
		/* "estimated" in a later sentence is another figure's hedge */
		hn &= ~(unsigned)H_ESTIMATED;
		if (!hn)
			break;
		h |= hn;
	}
	return h;
}

/* Whether sentence s may hold an absolute date: a month's name, or digits
 * joined by - / . ("2022-01-09", "10.03.2025"); the date reader is left
 * the others. */
static int may_hold_date(const fx *x, const sent *s)
{
	for (size_t k = 0; k < s->n; k++) {
		if (calendar_word(x, s, k) && has(x, s, k, W_MONTH))
			return 1;
		int p = punct(s, k + 1);
		if ((s->t[k].flags & NF_TOK_NUM) && (p == '-' || p == '/' || p == '.') &&
		    glued(s, k) && glued(s, k + 1) && k + 2 < s->n && (s->t[k + 2].flags & NF_TOK_NUM))
			return 1;
	}
	return 0;
}

/* The claim's date: the publication date (a copy's is its original's: a
 * republished count was made when the original reported it), or an
 * absolute date in the sentence up to two days before it (a count "as of
 * January 8" holds on that day; an older date is the event's, not the
 * count's). */
static nf_date date_of(const fx *x, const nf_doc *d, const sent *s, nf_date *day)
{
	nf_date best = nf_dates_statement(x->c, d);
	*day = (nf_date){0, 0, 0};
	if (!nf_date_valid(best) || s->idx < 0 || !may_hold_date(x, s))
		return best;
	if (nf_date_find(NULL, s->text, s->t, s->n, best, 0, day) == NF_DX_ABSOLUTE &&
	    nf_date_valid(*day)) {
		long dd = nf_date_days(best) - nf_date_days(*day);
		if (dd > 0 && dd <= 2)
			return *day;
	} else {
		*day = (nf_date){0, 0, 0};
	}
	return best;
}

/* --- Reading one sentence ---------------------------------------------------- */

/* The last claim of this sentence so far, or NULL. */
static pclaim *last_claim(fx *x, size_t first)
{
	return x->claims.len > first ? &NF_VEC_AT(&x->claims, pclaim, x->claims.len - 1)
	                             : NULL;
}

/* A place after a part: "in Almaty", "in the Dominican Republic". */
static const char *place_after(fx *x, const sent *s, size_t k)
{
	for (size_t end = k + 12; k + 1 < s->n && k < end; k++) {
		if (punct(s, k) == '.' || punct(s, k) == ';')
			return NULL;
		size_t a = k + 1 + (k + 2 < s->n && is(x, s, k + 1, "the")), b = a;
		if (is(x, s, k, "in") && (s->t[a].flags & NF_TOK_CAP) &&
		    !(s->t[a].flags & NF_TOK_STOP) && !calendar_word(x, s, a)) {
			while (b < s->n && b < a + 3 && (s->t[b].flags & NF_TOK_CAP))
				b++;
			return quote(x, s->text + s->t[a].off,
			             s->t[b - 1].off + s->t[b - 1].len - s->t[a].off);
		}
	}
	return NULL;
}


/* Whether token j names someone else than the subject of the clause
 * before it: a number, a pronoun, a determiner, a person; not in a phrase
 * of place, time or agent ("at the fair", "by his 5-year-old
 * cousin") nor a number of times ("several times"). */
static int someone_else(const fx *x, const sent *s, size_t j)
{
	if (preposition(x, s, j - 1) || has(x, s, j + 1, W_UNIT))
		return 0;
	return (s->t[j].flags & NF_TOK_NUM) ||
	       has(x, s, j, W_NUM | W_PRON | W_DET | W_PERSON | W_PEOPLE) || is(x, s, j, "a");
}

/* Whether token k is a preposition that opens a place, time or agent
 * phrase. */
static int preposition(const fx *x, const sent *s, size_t k)
{
	static const char *const preps[] = {"in", "at", "on", "near", "during", "outside",
	                                    "inside", "by", "from", "into", "behind",
	                                    "across", "along", "through", "of"};
	return is_any(x, s, k, preps, sizeof preps / sizeof *preps);
}

/* Whether the clause after the participle at k says its subject died:
 * "shot early Wednesday ... has died", "was shot and later died", "who
 * were shot at the fair on Friday have died". The clause ends at a
 * semicolon, a period, or anyone else (a number, a pronoun, a determiner,
 * a person, unless in a phrase of place, time or agent). Fifteen tokens
 * at most. */
static int died_later(const fx *x, const sent *s, size_t k)
{
	for (size_t j = k + 1; j < s->n && j <= k + 15; j++) {
		if (punct(s, j) == ';' || punct(s, j) == '.')
			return 0;
		if (someone_else(x, s, j))
			return 0;
		const winfo *w = wi(x, &s->t[j]);
		if ((w->flags & W_POST) && w->measure == M_KILLED && !is(x, s, j, "killed"))
			return 1;
	}
	return 0;
}

/* Whether the clause after the participle at k says its subject lived:
 * "shot in the leg and treated and released", "was shot but survived",
 * "shot ... in stable condition", "non-life-threatening". Up to the end of
 * the clause (as died_later() reads it), fifteen tokens at most; a death
 * said there is died_later()'s, read first. */
static int survived_later(const fx *x, const sent *s, size_t k)
{
	static const char *const alive[] = {"released", "survived", "stable", "recovering",
	                                    "non-life-threatening", "non-life",
	                                    "minor", "treated", "survive", "recover"};
	for (size_t j = k + 1; j < s->n && j <= k + 15; j++) {
		if (punct(s, j) == ';' || punct(s, j) == '.' || someone_else(x, s, j))
			return 0;
		if (is_any(x, s, j, alive, sizeof alive / sizeof *alive))
			return 1;
	}
	return 0;
}

/* Whether amount a at start is coordinated with the claim before it:
 * "A, 18, and B", "two men and a woman", "A, B and C". */
static int coordinated(const fx *x, const sent *s, const pclaim *parent, size_t start,
                       const amount *a)
{
	size_t j = parent->np_end;
	/* past the place of the first, when a number follows: "killed 19
	 * people in Port Alden and five in Elm Bay" (a name of up to three
	 * words, as place_after), not "killed 40 people in Elm Bay and Hurricane
	 * Ida" */
	if (is(x, s, j, "in") && !a->one) {
		size_t k = j + 1 + is(x, s, j + 1, "the"), e = k;
		while (e < s->n && e < k + 3 && (s->t[e].flags & NF_TOK_CAP))
			e++;
		if (e > k)
			j = e;
	}
	if (punct(s, j) == ',')
		j++;
	if (j < s->n && (s->t[j].flags & NF_TOK_WORD) && s->t[j].len == 3 &&
	    !memcmp(s->text + s->t[j].off, "and", 3))
		j++;
	return j == start && start > parent->np_end;
}

/* Whether the phrase ending at np_end is the subject of the verb just
 * before token at: only a relative pronoun, auxiliaries, adverbs and other
 * measure verbs between ("a son who later killed himself", "a boy shot
 * and killed himself"). */
static int subject_of_verb(const fx *x, const sent *s, size_t np_end, size_t at)
{
	if (at <= np_end + 1 || !(has(x, s, at - 1, W_PRE | W_POST) && wi(x, &s->t[at - 1])->measure))
		return 0;
	for (size_t k = np_end; k + 1 < at; k++)
		if (!has(x, s, k, W_REL | W_AUX) && !word_ends(x, &s->t[k], "ly") &&
		    !is(x, s, k, "and") && !(has(x, s, k, W_PRE | W_POST) && wi(x, &s->t[k])->measure))
			return 0;
	return 1;
}

/* Whether the reflexive at token at is the one person of the subject claim
 * before it, with no one else named between ("a 4-year-old was taken to a
 * hospital after he found a gun and shot himself"; not "shot his wife and
 * then himself", whose wife is an object, nor "a woman was hurt and a man
 * shot himself", nor "a man was arrested after he injured himself"). */
static int same_subject(const fx *x, const sent *s, const pclaim *parent, size_t at)
{
	int harm = parent->measure == M_KILLED || parent->measure == M_INJURED ||
	           parent->measure == M_SHOT;
	if (!parent->one || parent->verb_before || !harm)
		return 0;
	/* an object ("killed his brother and then shot himself") follows a
	 * measure verb */
	for (size_t k = 0; k < parent->at; k++)
		if (has(x, s, k, W_PRE) && wi(x, &s->t[k])->measure)
			return 0;
	for (size_t k = parent->end; k < at; k++)
		if ((s->t[k].flags & NF_TOK_NUM) || has(x, s, k, W_PERSON | W_PEOPLE | W_NUM) ||
		    name_word(x, s, k) || punct(s, k) == ';')
			return 0;
	return 1;
}

/* Whether the claim of tokens [from, to) (with up to ten tokens of its
 * clause before it) tells what did not happen or may not have: "could
 * have killed her", "should've been five dead", "tried to kill" (not
 * "an attempt to calm him led to a death"),
 * "was going to kill his wife", "in an effort to kill himself",
 * "attempted murder", "nearly killed"; and for a predicate after the
 * amount (forward), a question: "asked if anyone had been killed", "could
 * not say whether the man died". Not "would": "who would later die" is
 * news told in order. */
static int irrealis(const fx *x, const sent *s, size_t from, size_t to, int forward)
{
	static const char *const intent[] = {
		"going", "tried", "trying", "try", "tries", "attempted", "attempting",
		"attempt", "attempts", "effort", "threatened", "threatening", "threatens",
		"threat", "threats", "wanted", "wants", "want", "planned", "planning",
		"plans", "plan", "plotted", "plotting", "plot", "intended", "intending",
		"intent", "meant", "vowed", "conspiracy", "conspired", "sought", "hoping"};
	size_t lo = from;
	while (lo > 0 && from - lo < 10 && !(punct(s, lo - 1) == ',' || punct(s, lo - 1) == '.' ||
	                                     punct(s, lo - 1) == ';' || punct(s, lo - 1) == ':'))
		lo--;
	for (size_t k = lo; k < to && k < s->n; k++) {
		if (is(x, s, k, "could've") || is(x, s, k, "should've") || is(x, s, k, "might've") ||
		    is(x, s, k, "would've"))
			return 1;
		if ((is(x, s, k, "could") || is(x, s, k, "should") || is(x, s, k, "might")) &&
		    (is(x, s, k + 1, "have") || is(x, s, k + 1, "be") ||
		     (has(x, s, k + 1, W_PRE | W_POST) && wi(x, &s->t[k + 1])->measure)))
			return 1;
		if (is(x, s, k, "would") && is(x, s, k + 1, "have"))
			return 1;
		if (k > 0 && is(x, s, k, "to") && has(x, s, k + 1, W_PRE | W_POST) &&
		    wi(x, &s->t[k + 1])->measure &&
		    is_any(x, s, k - 1, intent, sizeof intent / sizeof *intent))
			return 1;
		if ((is(x, s, k, "attempted") || is(x, s, k, "nearly") || is(x, s, k, "almost")) &&
		    has(x, s, k + 1, W_PRE | W_POST | W_NOUN) && wi(x, &s->t[k + 1])->measure)
			return 1;
		/* "attempted aggravated murder", "attempted first-degree
		 * murder": the degree between is a word or two, no number */
		if (is(x, s, k, "attempted"))
			for (size_t j = k + 1; j < s->n && j <= k + 3; j++) {
				if (!(s->t[j].flags & NF_TOK_WORD) || has(x, s, j, W_NUM))
					break;
				if (has(x, s, j, W_NOUN) && wi(x, &s->t[j])->measure)
					return 1;
			}
		if (forward && k < from && (is(x, s, k, "if") || is(x, s, k, "whether")))
			return 1;
	}
	return 0;
}

/* Whether the amount at start is one of a list after "including" ("nine
 * injured, including one in critical condition and one in serious
 * condition"): "including" within twelve tokens before it, and no verb or
 * clause end between. */
static int including_before(const fx *x, const sent *s, size_t start)
{
	for (size_t k = start; k > 0 && start - k < 12; k--) {
		size_t j = k - 1;
		if (is(x, s, j, "including"))
			return j + 1 < start;
		if (punct(s, j) == ';' || punct(s, j) == '.' || punct(s, j) == ':' ||
		    has(x, s, j, W_AUX) || (has(x, s, j, W_POST | W_PRE) && wi(x, &s->t[j])->measure))
			return 0;
	}
	return 0;
}

/* The subject of a measure's claims that name none: what the measure
 * counts in general ("buildings" damaged, "troops" deployed). */
static const char *general_subject(int measure)
{
	return measure == M_DEPLOYED ? "troops" : measure == M_DAMAGED ? "buildings" : "people";
}

/* Whether the sentence tells of something struck or hit ("struck",
 * "hitting") and of no gunfire: storms and cars strike as often as
 * bullets. */
static int struck_only(const fx *x, const sent *s)
{
	static const char *const gunfire[] = {"shot", "shots", "shooting", "shoot", "shoots",
	                                      "gunfire", "gunshot", "bullet", "bullets", "gun",
	                                      "gunman", "fired", "grazed", "grazing"};
	int struck = 0;
	for (size_t k = 0; k < s->n; k++) {
		struck |= is(x, s, k, "struck") || is(x, s, k, "striking") || is(x, s, k, "hitting");
		if (is_any(x, s, k, gunfire, sizeof gunfire / sizeof *gunfire))
			return 0;
	}
	return struck;
}

/* Reads the claim whose amount is a; returns 1 and fills *pc when it is
 * one. first is the index of this sentence's first claim in x->claims;
 * colon is the measure of a total this amount follows after a colon. */
static int read_claim(fx *x, const sent *s, const amount *a, size_t first,
                      int colon, pclaim *pc)
{
	memset(pc, 0, sizeof *pc);
	pc->skip = a->end;
	size_t start = a->at;
	int q = -1;
	/* a name or a pronoun takes no qualifier ("worried about him
	 * getting hurt" is one person, not about one) */
	if (!a->neg && !a->weak)
		q = qualifier_before(x, s, a->at, &start);
	/* parts: "including three children", "among them 3 children" */
	int part = 0, inherit = 0;
	pclaim *parent = last_claim(x, first);
	/* "Jo Li is among four wounded": the whole Jo Li is a part of */
	if (start > 1 && is(x, s, start - 1, "among") && be_verb(x, s, start - 2))
		;
	else if (start > 0 && has(x, s, start - 1, W_PARTPRE))
		part = inherit = 1;
	else if (start > 1 && is(x, s, start - 1, "them") && has(x, s, start - 2, W_PARTPRE))
		part = inherit = 1;
	else if (including_before(x, s, start))
		part = inherit = 1;
	size_t k = a->end;
	/* "between 10 and 15": a range, both amounts read here; its value is
	 * the lower end, the least it says */
	double upto = NAN;
	amount b;
	if (q < 0 && !a->one && !a->neg && start > 0 && is(x, s, start - 1, "between") &&
	    is(x, s, k, "and") && k + 1 < s->n && amount_at(x, s, k + 1, &b) && !b.one &&
	    !b.neg && b.num.value > a->num.value) {
		start--;
		upto = b.num.high;
		k = b.end;
	}
	/* "destroyed 900 of Tarsk's 4,000 homes": the phrase after a place's
	 * possessive (a name of up to three words: "New South Wales's") is
	 * what the count is of, and its number the place's whole stock, no
	 * count of the event */
	if (is(x, s, k, "of"))
		for (size_t j = k + 1; j < s->n && j <= k + 3 && (s->t[j].flags & NF_TOK_CAP); j++)
			if (is(x, s, j + 1, "'s")) {
				amount whole;
				k = j + 2;
				if (amount_at(x, s, k, &whole))
					k = whole.end;
				break;
			}
	/* "103 of the deaths", "15 of its 68 stores", "eleven of them" */
	if (is(x, s, k, "of") && has(x, s, k + 1, W_DET)) {
		part = 1;
		inherit |= is(x, s, k + 1, "them") || is(x, s, k + 1, "whom");
		k += 2;
		amount whole;
		if (amount_at(x, s, k, &whole))
			k = whole.end;
	}
	pc->skip = k;
	np p;
	read_np(x, s, k, &p);
	int measure = a->measure ? a->measure : p.measure;
	size_t at = p.end, fk = p.end, e;
	/* inside an appositive, past its closing comma: "Jo Li, a 33-year-old
	 * man, was shot"; past an appositive after the phrase, which names no
	 * one else: "The victim, a 25-year-old man, was shot" */
	if (start > 0 && punct(s, start - 1) == ',' && (e = closing_comma(x, s, fk, 8)))
		fk = e;
	else if ((e = appositive_end(x, s, fk)))
		fk = pc->skip = e;
	/* "him", "her" are objects: "killing him", not "a statue of him was
	 * shot"; but "her father" is a possessive, a subject as "his father"
	 * is */
	int object = is(x, s, a->at, "him") || (is(x, s, a->at, "her") && a->weak);
	/* the object of a measure verb is what it measures: "a teen who
	 * killed a 15-year-old girl was arrested" */
	if (!measure && !part) {
		measure = pre_measure(x, s, start, a->end);
		/* not a noun made of it: "a shooting victim, a suspect" are no
		 * objects of one verb ("wounding girlfriend and son" are) */
		pc->verb_before = measure != 0 &&
		                  !(a->one && has(x, s, start, W_PERSON) && is(x, s, start - 1, "shooting"));
	}
	if (!measure && !object)
		measure = forward_measure(x, s, fk, &at);
	/* One person is read only from its own phrase: "the victim" far from
	 * a toll is no count. */
	int full = !a->one;
	if (!measure && colon && full)
		measure = colon;
	if (!measure && !part && full)
		measure = toll_measure(x, s, start);
	const char *subject = subject_of(x, s, &p);
	if (a->weak) {
		subject = "people";
	} else if (a->one) {
		/* "the 81-year-old bridge" is no person; "24-year-old Jo Li" is */
		const nf_token *h = p.head >= 0 ? &s->t[p.head] : NULL;
		if (h && !(h->flags & NF_TOK_CAP) && !wi(x, h)->subject &&
		    !(wi(x, h)->flags & W_PERSON))
			return 0;
		subject = h && wi(x, h)->subject ? wi(x, h)->subject : "people";
	}
	/* "a force numbering around 2,500" */
	if (!subject && start >= 2 &&
	    (is(x, s, start - 1, "numbering") || is(x, s, start - 1, "of")) &&
	    has(x, s, start - 2, W_FORCE))
		subject = wi(x, &s->t[start - 2])->subject;
	int force = subject && (!strcmp(subject, "troops") || !strcmp(subject, "officers") ||
	                        !strcmp(subject, "rescuers"));
	if (!measure && force && full && s->deploy)
		measure = M_DEPLOYED;
	/* "two people were shot, one of them fatally"; "2 shot, 1 fatally" */
	if ((is(x, s, p.end, "fatally") || is(x, s, p.end, "mortally")) &&
	    !has(x, s, p.end + 1, W_POST | W_PRE)) {
		/* a part of the shot, but the whole of the dead */
		measure = M_KILLED;
		part = inherit = 0;
	}
	/* a person opening the sentence: "The victim was taken to hospital
	 * but died" */
	if (!measure && !part && (full || start == 0) && !a->weak)
		measure = distant_measure(x, s, start, p.end, &at);
	if (!measure && inherit && parent && full)
		measure = parent->measure;
	/* "killing A, 18, and B, 20", "killed two men and a woman": objects
	 * of one verb; not "nine dead, 27 missing" */
	if (!measure && parent && parent->verb_before && coordinated(x, s, parent, start, a)) {
		measure = parent->measure;
		pc->verb_before = 1;
	}
	/* "Jo Li was shot along with a boy and a man": those along with the
	 * subject of a measure verb just before (three words of a place or a
	 * wound between: "shot in the leg along with") had it happen too */
	if (!measure && parent && start >= 2 && is(x, s, start - 1, "with") &&
	    is(x, s, start - 2, "along") && parent->end <= start - 2 && parent->end + 3 >= start - 2) {
		measure = parent->measure;
		pc->verb_before = 1;
	}
	if (!measure || irrealis(x, s, start, at > p.end ? at + 1 : p.end, at > p.end))
		return 0;
	/* "which of the three victims died": one of them, unknown */
	if (start >= 3 && is(x, s, start - 1, "the") && is(x, s, start - 2, "of") &&
	    is(x, s, start - 3, "which"))
		return 0;
	/* "five students were shot, one of whom died", "one of the dead": the
	 * whole of the dead, not a part of them */
	if (part && measure == M_KILLED && p.measure != M_KILLED &&
	    !(inherit && parent && parent->measure == M_KILLED))
		part = inherit = 0;
	/* "a man shot himself", "a son who killed himself": the subject,
	 * counted already */
	if (a->self && parent && (parent->end == start || subject_of_verb(x, s, parent->np_end, start) ||
	                          same_subject(x, s, parent, start)))
		return 0;
	/* "The victim, a 25-year-old man, was shot": the appositive is the
	 * person just counted; a bare noun is the next of a list ("Man,
	 * woman found dead"), and so is a name after a name ("Tom Hale, Rita
	 * Voss and Jo Marsh") */
	if (a->one && parent && parent->one && parent->np_end + 1 == start &&
	    punct(s, parent->np_end) == ',' && !has(x, s, start, W_PERSON) &&
	    !(a->who && parent->who) && !a->self)
		return 0;
	/* "the prince toured the damaged school", "the owner said the storm
	 * destroyed it": a person is no count of buildings */
	if (a->one && measure == M_DAMAGED)
		return 0;
	/* "12 wounds", "64 casings": a count of people needs a noun of people */
	if (!a->one && p.head >= 0 && measure != M_DAMAGED && measure != M_DEPLOYED &&
	    !human(x, &s->t[p.head]))
		return 0;
	/* "Hurricane Hugo struck South Carolina", "hitting New York": a name
	 * struck or hit with no gunfire said is a place, not a person shot */
	if (measure == M_SHOT && a->one && a->who && struck_only(x, s))
		return 0;
	/* "A 6-year-old girl shot late on Friday has died", "a boy who was
	 * critically wounded on Friday died on Saturday" (one person: "four
	 * wounded ... one has died" is a part) */
	if ((measure == M_SHOT || (measure == M_INJURED && a->one && at > p.end)) &&
	    died_later(x, s, at))
		measure = M_KILLED;
	/* "he and four others were shot", "the other three shot": the
	 * others are counted apart from the one named, most often the dead */
	if (measure == M_SHOT && !a->one) {
		for (size_t j = a->at ? a->at - 1 : 0; j < p.end; j++)
			if (is(x, s, j, "other") || is(x, s, j, "others") || is(x, s, j, "additional"))
				measure = M_INJURED;
	}
	/* "was shot in the arm, treated and released", "another man was
	 * shot in the leg": alive, or someone else than the dead (not the
	 * object: "he shot another man" is the one man) */
	if (measure == M_SHOT && (survived_later(x, s, at) ||
	                          (a->one && is(x, s, a->at, "another") && at > p.end)))
		measure = M_INJURED;
	/* Sending people to hospital is no deployment. */
	if (measure == M_DEPLOYED && subject && !force)
		return 0;
	/* "destroyed 70 houses and damaged 40 others": others of the same,
	 * a part beside them, no rival count */
	if (measure == M_DAMAGED && p.head >= 0 && is(x, s, p.head, "others")) {
		int same = parent && parent->measure == M_DAMAGED;
		subject = same ? parent->gsubject : NULL;
		part |= same;
	}
	if (!subject)
		subject = general_subject(measure);
	pc->measure = measure;
	pc->gmeasure = measure == M_SHOT ? M_INJURED : measure;
	pc->gsubject = subject;
	if (part && inherit && parent && parent->measure == measure)
		pc->gsubject = parent->gsubject;
	else if (part && p.head >= 0 && wi(x, &s->t[p.head])->measure)
		pc->gsubject = "people";
	pc->at = start;
	pc->end = at > p.end ? at + 1 : p.end;
	pc->np_end = p.end;
	pc->head = p.head >= 0 ? s->t[p.head].norm : 0;
	/* "his wife and son": the persons joined on are read with the first */
	if (p.more && pc->skip < p.end)
		pc->skip = p.end;
	pc->one = a->one;
	pc->self = a->self;
	pc->who = a->who;
	pc->who_first = a->who_first;
	nf_claim *c = &pc->c;
	c->doc = s->doc;
	c->sent = s->idx;
	c->measure = measure_names[measure];
	c->subject = subject;
	c->is_part = part;
	c->is_vague = a->num.vague;
	c->is_shot = measure == M_SHOT;
	/* an ordinal numbers the dead ("a third person has died") or all hit
	 * ("a fifth was struck"), but not the wounded alone: "a third person
	 * was hurt" may follow two dead */
	int ordinal = a->ordinal && (measure == M_KILLED || measure == M_SHOT);
	pc->ordinal = ordinal;
	double v = a->neg ? 0 : a->one || (a->ordinal && !ordinal) ? 1 + p.more : a->num.value;
	c->value = v;
	c->low = a->neg ? 0 : a->one || a->ordinal ? v : a->num.low;
	c->high = a->neg ? 0 : a->one || a->ordinal ? v : a->num.high;
	/* a pronoun may be someone counted already: no component of a sum */
	pc->exact = !a->neg && !a->num.vague && q < 0 && !(a->weak && !a->who) && !a->ordinal;
	if (a->num.vague)
		c->qualifier = a->num.vague_word;
	if (q >= 0) {
		c->qualifier = qualifiers[q].name;
		switch (qualifiers[q].kind) {
		case Q_LOWER:
			c->low = a->num.low;
			c->high = NAN;
			break;
		case Q_UPPER:
			c->low = NAN;
			c->high = a->num.high;
			break;
		case Q_BELOW:
			c->low = a->num.vague ? a->num.low : round(v * 0.9);
			c->high = a->num.vague ? a->num.high : v;
			break;
		default:
			c->low = a->num.vague ? a->num.low : round(v * 0.9);
			c->high = a->num.vague ? a->num.high : round(v * 1.1);
			break;
		}
	}
	if (!isnan(upto)) {
		c->high = upto;
		c->qualifier = "between";
		pc->exact = 0;
	}
	/* one person, and there may be others: "a man was killed" agrees
	 * with "two people were killed", and rivals no count */
	if (a->one || a->ordinal)
		c->high = NAN;
	if (part)
		c->place = place_after(x, s, a->end);
	return 1;
}

/* Whether two claims name the same person: the same last name, and the
 * same first word unless one of them is the last name alone ("Jo Li",
 * "Li"; not "Jo Li" and "Al Li"). */
static int same_person(const pclaim *a, const pclaim *b)
{
	return a->who && a->who == b->who &&
	       (a->who_first == a->who || b->who_first == b->who ||
	        a->who_first == b->who_first);
}

/* Whether the amount at token at is joined on to what precedes it: "and",
 * a comma, "as well as", "along with", "while" ("a boy was shot while a
 * girl was grazed"), or the object of a verb said "also" of ("a shooting
 * that also injured a woman"). */
static int joined(const fx *x, const sent *s, size_t at)
{
	return at > 0 && (is(x, s, at - 1, "and") || punct(s, at - 1) == ',' ||
	                  is(x, s, at - 1, "while") ||
	                  (at > 1 && is(x, s, at - 1, "as") && is(x, s, at - 2, "well")) ||
	                  (at > 1 && is(x, s, at - 1, "with") && is(x, s, at - 2, "along")) ||
	                  (at > 1 && is(x, s, at - 2, "also") && has(x, s, at - 1, W_PRE) &&
	                   wi(x, &s->t[at - 1])->measure));
}

/* Whether the sentence tells a count revised ("first put the toll at 19,
 * later lowered it to 17", "up from 12"): its counts are one count at two
 * times, never parts to add. */
static int revised(const fx *x, const sent *s)
{
	static const char *const words[] = {"initially", "originally", "previously",
	                                    "lowered",   "raised",     "revised",
	                                    "corrected", "updated"};
	for (size_t k = 0; k < s->n; k++)
		if (is_any(x, s, k, words, sizeof words / sizeof *words) ||
		    (k + 1 < s->n && (is(x, s, k, "up") || is(x, s, k, "down")) && is(x, s, k + 1, "from")))
			return 1;
	return 0;
}

/* "Four people were hit and a fifth was struck by debris": an ordinal
 * after a count of one less of its figure in the sentence makes the total
 * of them, exactly, and the count a part of it. */
static void ordinal_totals(fx *x, size_t first)
{
	size_t n = x->claims.len;
	for (size_t i = first; i < n; i++) {
		pclaim *p = &NF_VEC_AT(&x->claims, pclaim, i);
		if (!p->ordinal)
			continue;
		for (size_t k = first; k < i; k++) {
			pclaim *o = &NF_VEC_AT(&x->claims, pclaim, k);
			if (o->gmeasure == p->gmeasure && o->exact && !o->one && !o->c.is_part &&
			    o->c.value + 1 == p->c.value) {
				o->c.is_part = 1;
				p->c.high = p->c.value;
				break;
			}
		}
	}
}

/* Adds a summed claim when a sentence counts several groups of one
 * measure and states no total: "26 protesters and 16 officers were
 * killed" (42), "a man and a woman were shot" (2), "killing A, 18, and
 * B, 20" (2). A claim that equals two or more others together is their
 * stated total ("three dead: two men and a woman"; "two boys and two
 * girls" are four), and a qualified or vague one
 * makes no sum. The components that count people in general ("a man")
 * become parts of the sum, in its figure; those of other subjects keep
 * their own figures. A sum of people counted one by one is a lower bound:
 * others may be counted elsewhere. */
static nf_status add_sums(fx *x, const sent *s, size_t first)
{
	size_t n = x->claims.len;
	if (revised(x, s))
		return NF_OK;
	for (int m = 1; m < M_COUNT; m++) {
		double sum = 0, biggest = 0;
		size_t count = 0, last = 0;
		int open = 0;
		for (size_t i = first; i < n; i++) {
			pclaim *p = &NF_VEC_AT(&x->claims, pclaim, i);
			if (p->measure != m || p->c.is_part)
				continue;
			/* a pronoun may be someone counted already: left out; an
			 * inexact amount makes no sum */
			if (!p->exact && p->one)
				continue;
			if (!p->exact) {
				count = 0;
				break;
			}
			/* the same person twice ("Jo Li" and "Li"), the same phrase
			 * twice (a caption repeated) */
			int again = 0;
			for (size_t k = first; k < i; k++) {
				const pclaim *o = &NF_VEC_AT(&x->claims, pclaim, k);
				again |= o->measure == m && !o->c.is_part &&
				         ((p->who && same_person(o, p)) ||
				          (!p->one && !o->one && o->head == p->head && o->c.value == p->c.value));
			}
			/* one person more only when joined on: "a man and a woman were
			 * killed", not "Bibb died after ... killing the girl" */
			if (again || (p->one && !p->self && count && !joined(x, s, p->at)))
				continue;
			open |= isnan(p->c.high);
			sum += p->c.value;
			/* one person is no total of others */
			if (!p->one && p->c.value > biggest)
				biggest = p->c.value;
			count++;
			last = i;
		}
		if (count < 2 || (count > 2 && biggest * 2 == sum))
			continue;
		for (size_t i = first; i < n; i++) {
			pclaim *p = &NF_VEC_AT(&x->claims, pclaim, i);
			if (p->measure != m || strcmp(p->gsubject, general_subject(m)))
				continue;
			p->c.is_part = 1;
			/* a part by place: "19 in Port Alden and five in Elm Bay" */
			if (!p->c.place && is(x, s, p->np_end, "in"))
				p->c.place = place_after(x, s, p->np_end);
		}
		pclaim *p = nf_vec_push(&x->claims, sizeof *p);
		if (!p)
			return NF_ENOMEM;
		*p = NF_VEC_AT(&x->claims, pclaim, last);
		p->c.value = p->c.low = p->c.high = sum;
		if (open)
			p->c.high = NAN;
		p->c.subject = p->gsubject = general_subject(m);
		p->c.place = NULL; /* the total of all places */
		p->c.is_sum = 1;
		p->c.is_part = 0;
		p->one = 0;
		p->who = p->who_first = 0;
		n = x->claims.len;
	}
	return NF_OK;
}

/* Whether sentence s is worth reading: an amount and a measure word. */
static int triggered(const fx *x, sent *s)
{
	int num = 0, measure = 0;
	s->deploy = 0;
	for (size_t k = 0; k < s->n; k++) {
		const nf_token *t = &s->t[k];
		if (t->flags & NF_TOK_NUM) {
			num = 1;
			continue;
		}
		uint64_t f = wi(x, t)->flags;
		s->deploy |= (f & W_DEPLOY) != 0;
		/* a person: a number word, a noun of one person, a pronoun, a name */
		num |= (f & (W_NUM | W_NEG | W_PERSON | W_PRON | W_DET)) != 0 ||
		       (t->flags & NF_TOK_CAP);
		measure |= (f & (W_POST | W_PRE | W_NOUN | W_DEPLOY | W_TOLL | W_HOME | W_CUE |
		                 W_WOUND)) != 0;
	}
	return num && measure;
}

/* Whether "since" at k names a weekday before the story's first report
 * ("since Friday" said of a Saturday shooting): a count since a day the
 * story itself began on ("treated 64 since Sunday", the day of the
 * collapse) is the story's own running total. */
static int since_day_before(const fx *x, const nf_doc *d, const sent *s, size_t k)
{
	if (k + 1 >= s->n || nf_weekday_from_name(s->text + s->t[k + 1].off, s->t[k + 1].len) < 0)
		return 0;
	nf_date ref = nf_dates_statement(x->c, d), day;
	if (!nf_date_valid(ref) || !nf_date_valid(x->first) ||
	    nf_date_find(NULL, s->text, s->t + k + 1, 1, ref, 0, &day) == NF_DX_NONE ||
	    !nf_date_valid(day))
		return 1;
	return nf_date_days(day) < nf_date_days(x->first);
}

/* Whether "from" at k opens a span of days: "from Sunday morning to early
 * Monday", "from Friday night through Sunday" (a weekday within two words
 * after it, "to", "through" or "until" and another weekday within three
 * more). One shooting is told at a time of day, not over a span of days. */
static int weekday_span(const fx *x, const sent *s, size_t k)
{
	for (size_t i = k + 1; i < s->n && i <= k + 3; i++) {
		if (!has(x, s, i, W_WEEKDAY))
			continue;
		for (size_t j = i + 1; j < s->n && j <= i + 3; j++)
			if (is(x, s, j, "to") || is(x, s, j, "through") || is(x, s, j, "until"))
				for (size_t w = j + 1; w < s->n && w <= j + 3; w++)
					if (has(x, s, w, W_WEEKDAY))
						return 1;
		return 0;
	}
	return 0;
}

/* Whether sentence s counts over several events: "in separate
 * shootings", "weekend shootings", "in attacks", "across the city",
 * "since Friday", "from Friday night to Sunday", "so far this year", "in
 * 2013". On gva-dev the counts of two or more in
 * such sentences matched the incident's own count one time in five,
 * against one in two elsewhere: they are city or season totals. */
static int several_events(const fx *x, const nf_doc *d, const sent *s)
{
	static const char *const plural[] = {"shootings", "killings", "homicides",
	                                     "incidents", "attacks", "separate", "unrelated",
	                                     "citywide", "city-wide"};
	for (size_t k = 0; k < s->n; k++) {
		if (is_any(x, s, k, plural, sizeof plural / sizeof *plural))
			return 1;
		if (is(x, s, k, "from") && weekday_span(x, s, k))
			return 1;
		if ((is(x, s, k, "across") && is(x, s, k + 1, "the") && is(x, s, k + 2, "city")) ||
		    (is(x, s, k, "this") && is(x, s, k + 1, "year")) ||
		    (is(x, s, k, "last") && is(x, s, k + 1, "year")) ||
		    (is(x, s, k, "since") && since_day_before(x, d, s, k)))
			return 1;
		if (is(x, s, k, "in") && k + 1 < s->n && (s->t[k + 1].flags & NF_TOK_NUM) &&
		    s->t[k + 1].len == 4 && s->text[s->t[k + 1].off] <= '2')
			return 1; /* a year */
	}
	return 0;
}

/* Whether the month named at k without a day ("in December") ended a week
 * or more before the story's first report: the latest such month on or
 * before it (December of the year before, said in January). */
static int month_before(const fx *x, const sent *s, size_t k)
{
	int m = nf_month_from_name(s->text + s->t[k].off, s->t[k].len);
	if (m < 1 || !nf_date_valid(x->first))
		return 0;
	int y = m <= x->first.m ? x->first.y : x->first.y - 1;
	nf_date end = {m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1};
	return nf_date_days(x->first) - (nf_date_days(end) - 1) >= 7;
}

/* Where body sentence s starts to tell of another event than the
 * article's own: from its start for an earlier year than the article's
 * ("in 2009", "On Nov. 5, 2009"), an earlier month ("in December", said in
 * January), or words of an earlier time or another case ("last year", "a
 * month earlier", "a year and a half ago", "a previous shooting", "in that
 * case"); from "after" in "came two months after a blast killed 12" (the
 * death two days after the shooting is this event's). s->n when it does
 * not. The headline is the article's own event, so it is never asked. */
static size_t other_event(const fx *x, const sent *s, const nf_doc *d)
{
	static const char *const before_last[] = {"year", "month", "summer", "spring",
	                                          "fall", "autumn", "winter"};
	static const char *const spans[] = {"years", "months", "year", "month", "decade",
	                                    "decades", "half", "weeks", "week", "days"};
	for (size_t k = 0; k < s->n; k++) {
		const nf_token *t = &s->t[k];
		if ((t->flags & NF_TOK_NUM) && t->len == 4 && d->published.y > 0) {
			double y;
			if (nf_num_digits(s->text + t->off, t->len, &y) && y >= 1900 &&
			    y < d->published.y)
				return 0;
			continue;
		}
		if (!(t->flags & NF_TOK_WORD))
			continue;
		if (is(x, s, k, "last") || is(x, s, k, "earlier"))
			for (size_t i = 0; i < sizeof before_last / sizeof *before_last; i++)
				if (is(x, s, k + 1, before_last[i]) ||
				    (is(x, s, k + 1, "this") && is(x, s, k + 2, before_last[i])))
					return 0;
		/* "weeks ago", "days earlier" may be this event's in a later
		 * report: only the longer spans */
		int after = is(x, s, k, "after");
		if (k > 0 && (after || is(x, s, k, "ago") || is(x, s, k, "earlier") ||
		              is(x, s, k, "before")))
			for (size_t i = 0; i < sizeof spans / sizeof *spans; i++)
				if (is(x, s, k - 1, spans[i]) && (after || i < 7))
					return after ? k : 0;
		if (is(x, s, k, "previous") || is(x, s, k, "prior") || is(x, s, k, "previously") ||
		    (is(x, s, k, "that") && is(x, s, k + 1, "case")))
			return 0;
		if (k > 0 && calendar_word(x, s, k) && has(x, s, k, W_MONTH) &&
		    (is(x, s, k - 1, "in") || is(x, s, k - 1, "last") || is(x, s, k - 1, "since")) &&
		    !(k + 1 < s->n && (s->t[k + 1].flags & NF_TOK_NUM)) && month_before(x, s, k))
			return 0;
	}
	return s->n;
}

/* Longest quote of a sentence, in bytes: news sentences are shorter, and a
 * run-on "sentence" (a list, a table flattened to text) is quoted around
 * the claim instead of whole, so that hundreds of claims in it do not each
 * carry all of it. */
#define MAX_QUOTE 600

/* The tokens of s within MAX_QUOTE / 2 bytes either side of token at,
 * marked "..." where cut. */
static const char *quote_around(fx *x, const sent *s, size_t at)
{
	size_t a = at, b = at;
	uint32_t mid = s->t[at].off;
	while (a > 0 && mid - s->t[a - 1].off < MAX_QUOTE / 2)
		a--;
	while (b + 1 < s->n && s->t[b + 1].off + s->t[b + 1].len - mid < MAX_QUOTE / 2)
		b++;
	size_t from = s->t[a].off, to = s->t[b].off + s->t[b].len;
	const char *q = quote(x, s->text + from, to - from);
	if (!q)
		return NULL;
	x->scratch.len = 0;
	if ((a > 0 && nf_buf_puts(&x->scratch, "... ")) || nf_buf_puts(&x->scratch, q) ||
	    (b + 1 < s->n && nf_buf_puts(&x->scratch, " ...")))
		return NULL;
	return nf_arena_strndup(&x->b->arena, x->scratch.data, x->scratch.len);
}

/* Claims read from one document at most: a long article states a few
 * dozen figures, and the bound keeps hostile input linear. */
#define MAX_DOC_CLAIMS 256

static nf_status read_sentence(fx *x, const nf_doc *d, sent *s,
                               size_t doc_first)
{
	if (x->claims.len - doc_first >= MAX_DOC_CLAIMS || !triggered(x, s))
		return NF_OK;
	size_t first = x->claims.len;
	int colon = 0;
	for (size_t i = 0; i < s->n && x->claims.len - doc_first < MAX_DOC_CLAIMS; i++) {
		amount a;
		if (!amount_at(x, s, i, &a))
			continue;
		pclaim pc;
		if (read_claim(x, s, &a, first, colon, &pc)) {
			pclaim *p = nf_vec_push(&x->claims, sizeof *p);
			if (!p)
				return NF_ENOMEM;
			*p = pc;
			/* "The toll is 15: 12 residents and three rescuers" */
			if (!colon && punct(s, pc.end) == ':')
				colon = pc.measure;
			i = (pc.skip > i + 1 ? pc.skip : i + 1) - 1;
			continue;
		}
		/* past the amount; "a man" resumes at its noun */
		i = (a.end > i + 1 ? a.end : i + 1) - 1;
	}
	if (x->claims.len == first)
		return NF_OK;
	ordinal_totals(x, first);
	nf_status st = add_sums(x, s, first);
	if (st)
		return st;
	speaker_at sp[9];
	size_t nsp = speakers(x, s, sp);
	unsigned hedges = hedges_of(x, d, s);
	const char *hedge = hedge_text(x, hedges);
	/* "an estimated 100,000" is the source's own count, rounded like
	 * "about 100,000", and no doubt of it; "estimates were as high as 200"
	 * and "estimated" elsewhere in the sentence stay doubts. */
	int estimate_only = hedges == H_ESTIMATED;
	nf_date day, date = date_of(x, d, s, &day);
	int aggregate = several_events(x, d, s);
	/* An event dated a week or more before the story's first report is
	 * another one: reports of an event follow it within days, and a story
	 * that runs longer is reported as it runs. */
	size_t other = s->idx <= 0 ? s->n :
	               nf_date_valid(day) && nf_date_valid(x->first) &&
	               nf_date_days(x->first) - nf_date_days(day) >= 7 ? 0 : other_event(x, s, d);
	size_t off = s->t[0].off, end = s->t[s->n - 1].off + s->t[s->n - 1].len;
	const char *text = end - off <= MAX_QUOTE ? quote(x, s->text + off, end - off) : NULL;
	if (!text && end - off <= MAX_QUOTE)
		return NF_ENOMEM;
	for (size_t i = first; i < x->claims.len; i++) {
		pclaim *p = &NF_VEC_AT(&x->claims, pclaim, i);
		p->c.text = text ? text : quote_around(x, s, p->at);
		if (!p->c.text)
			return NF_ENOMEM;
		size_t best = SIZE_MAX;
		for (size_t k = 0; k < nsp; k++) {
			/* a speaker is never the count itself */
			if (p->at >= sp[k].from && p->at < sp[k].to)
				continue;
			size_t dist = sp[k].at > p->at ? sp[k].at - p->at : p->at - sp[k].at;
			if (dist < best) {
				best = dist;
				p->c.said_by = sp[k].who;
			}
		}
		p->c.hedged = hedge && !(estimate_only && p->c.qualifier &&
		                         !strcmp(p->c.qualifier, "an estimated"));
		p->c.hedge = hedge;
		p->c.date = date;
		p->c.is_aggregate = aggregate && !p->one;
		p->c.is_other = p->at >= other;
	}
	return NF_OK;
}

/* --- Figures ----------------------------------------------------------------- */

/* A claim that counts on its own: whole, precise, of this one event and
 * not doubted. */
static int counting(const nf_claim *c)
{
	return !c->is_part && !c->is_other && !c->is_vague && !c->is_aggregate && !c->hedged &&
	       !isnan(c->value);
}

typedef struct vkey {
	int measure;
	const char *subject;
	double value;
} vkey;

static int vkey_value_cmp(const vkey *a, const vkey *b)
{
	if (a->measure != b->measure)
		return a->measure - b->measure;
	return a->value < b->value ? -1 : a->value > b->value;
}

/* By measure and value only: the counts of people in general. */
static int vkey_general_cmp(const void *pa, const void *pb)
{
	return vkey_value_cmp(pa, pb);
}

static int vkey_cmp(const void *pa, const void *pb)
{
	const vkey *a = pa, *b = pb;
	if (a->measure != b->measure)
		return a->measure - b->measure;
	int c = strcmp(a->subject, b->subject);
	return c ? c : vkey_value_cmp(a, b);
}

/* Below ten, equal counts of two groups are often chance: one story tells
 * of two officers hurt and two bystanders hurt, three suspects and three
 * victims (on gva-dev, folding those cost a point of accuracy). */
#define FOLD_MIN 10

/* "10 bandsmen were killed" beside "10 people were killed": the same dead
 * under another noun. A figure of a group of people whose most stated
 * count, FOLD_MIN or more, is also stated of people in general joins the
 * general figure, so the dead are counted once (its claims keep their own
 * subject); one whose count nobody states of people ("15 children" beside
 * "12 people") stays apart, a part or another group. */
static nf_status fold_same_count(fx *x)
{
	size_t n = x->claims.len, ng = 0, ns = 0;
	pclaim *cl = x->claims.data;
	vkey *gen = malloc((n ? n : 1) * sizeof *gen), *spec = malloc((n ? n : 1) * sizeof *spec);
	if (!gen || !spec) {
		free(gen);
		free(spec);
		return NF_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		const char *general = general_subject(cl[i].gmeasure);
		if (!counting(&cl[i].c) || strcmp(general, "people"))
			continue;
		vkey k = {cl[i].gmeasure, cl[i].gsubject, cl[i].c.value};
		if (strcmp(cl[i].gsubject, general))
			spec[ns++] = k;
		else
			gen[ng++] = k;
	}
	qsort(gen, ng, sizeof *gen, vkey_general_cmp);
	qsort(spec, ns, sizeof *spec, vkey_cmp);
	for (size_t i = 0, j; i < ns; i = j) {
		for (j = i; j < ns && spec[j].measure == spec[i].measure &&
		            !strcmp(spec[j].subject, spec[i].subject);)
			j++;
		size_t most = 0;
		int fold = 0;
		for (size_t a = i, b; a < j; a = b) {
			for (b = a; b < j && spec[b].value == spec[a].value;)
				b++;
			int stated = spec[a].value >= FOLD_MIN &&
			             bsearch(&spec[a], gen, ng, sizeof *gen, vkey_general_cmp);
			if (b - a > most) {
				most = b - a;
				fold = stated;
			} else if (b - a == most) {
				fold |= stated;
			}
		}
		for (size_t k = 0; k < n && fold; k++)
			if (cl[k].gmeasure == spec[i].measure && !strcmp(cl[k].gsubject, spec[i].subject))
				cl[k].gsubject = general_subject(spec[i].measure);
	}
	free(gen);
	free(spec);
	return NF_OK;
}

/* A claim's figure, for sorting (qsort has no context pointer, and a
 * static one would not be thread-safe). */
typedef struct ckey {
	int measure;
	const char *subject;
	size_t i; /* index in x->claims */
} ckey;

/* Order of claims by figure (measure, subject), then as read. */
static int claim_cmp(const void *pa, const void *pb)
{
	const ckey *a = pa, *b = pb;
	if (a->measure != b->measure)
		return a->measure - b->measure;
	int c = strcmp(a->subject, b->subject);
	if (c)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

typedef struct fig {
	size_t first, n; /* run in the sorted index */
	size_t groups;   /* distinct copy groups among whole claims */
	int counted;     /* a whole claim counts, not one person told of */
	int total;       /* the measure's total: first of its figures */
	int measure;
	const char *subject;
} fig;

/* A figure of people in general is its measure's total ("3 killed"
 * holds the 1 officer killed): it comes first when a whole claim states
 * a count, or when no other figure of its measure does. One person told
 * of ("the victim died", "her nephew was shot") is no total beside a
 * count of another figure ("two boys were killed", "five teens were
 * shot"), which as likely holds him. figs[0..nf) are in measure order. */
static void mark_totals(fig *figs, size_t nf)
{
	for (size_t i = 0; i < nf;) {
		size_t j = i, people = nf;
		int others_count = 0;
		for (; j < nf && figs[j].measure == figs[i].measure; j++) {
			if (!strcmp(figs[j].subject, "people"))
				people = j;
			else
				others_count |= figs[j].counted;
		}
		if (people < nf)
			figs[people].total = figs[people].groups > 0 &&
			                     (figs[people].counted || !others_count);
		i = j;
	}
}

static int fig_cmp(const void *pa, const void *pb)
{
	const fig *a = pa, *b = pb;
	if (a->measure != b->measure)
		return a->measure - b->measure;
	if (a->total != b->total)
		return b->total - a->total;
	if (a->groups != b->groups)
		return a->groups > b->groups ? -1 : 1;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->subject, b->subject);
}

/* Groups the claims into figures, in the brief's arena: sorted by measure,
 * then the total (people) first, then by how many independent sources back
 * them, so the first figure of a measure is its main one. */
static nf_status build_figures(fx *x)
{
	size_t n = x->claims.len, nd = NF_NDOCS(x->c);
	const pclaim *cl = x->claims.data;
	ckey *ix = malloc((n ? n : 1) * sizeof *ix);
	fig *figs = malloc((n ? n : 1) * sizeof *figs);
	size_t *stamp = calloc(nd ? nd : 1, sizeof *stamp);
	nf_status st = NF_ENOMEM;
	if (!ix || !figs || !stamp)
		goto done;
	for (size_t i = 0; i < n; i++) {
		ix[i].measure = cl[i].gmeasure;
		ix[i].subject = cl[i].gsubject;
		ix[i].i = i;
	}
	if (n)
		qsort(ix, n, sizeof *ix, claim_cmp);
	size_t nf = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		fig *f = &figs[nf++];
		f->first = i;
		f->measure = cl[ix[i].i].gmeasure;
		f->subject = cl[ix[i].i].gsubject;
		f->groups = 0;
		f->counted = 0;
		f->total = 0;
		while (j < n && cl[ix[j].i].gmeasure == f->measure &&
		       !strcmp(cl[ix[j].i].gsubject, f->subject)) {
			const nf_claim *c = &cl[ix[j].i].c;
			size_t g = (size_t)NF_DOC(x->c, c->doc)->group;
			if (!c->is_part && !c->is_other)
				f->counted |= !cl[ix[j].i].one;
			if (!c->is_part && !c->is_other && g < nd && stamp[g] != nf) {
				stamp[g] = nf;
				f->groups++;
			}
			j++;
		}
		f->n = j - i;
		i = j;
	}
	mark_totals(figs, nf);
	if (nf)
		qsort(figs, nf, sizeof *figs, fig_cmp);
	x->b->figures = nf_arena_array(&x->b->arena, nf ? nf : 1, sizeof(nf_figure));
	if (!x->b->figures)
		goto done;
	for (size_t k = 0; k < nf; k++) {
		const fig *f = &figs[k];
		nf_figure *out = &x->b->figures[k];
		out->measure = measure_names[f->measure];
		out->subject = f->subject;
		out->value = out->low = out->high = NAN;
		out->claims = nf_arena_array(&x->b->arena, f->n, sizeof(nf_claim));
		if (!out->claims)
			goto done;
		for (size_t i = 0; i < f->n; i++)
			out->claims[i] = cl[ix[f->first + i].i].c;
		out->nclaims = f->n;
	}
	x->b->nfigures = nf;
	st = NF_OK;
done:
	free(ix);
	free(figs);
	free(stamp);
	return st;
}

nf_status nf_figures_extract(nf_brief *b)
{
	nf_corpus *c = b->corpus;
	fx x = {b, c, NULL, 0, NF_VEC_INIT, NF_BUF_INIT, {0, 0, 0}};
	nf_vec heads = NF_VEC_INIT;   /* nf_token of every headline */
	nf_vec starts = NF_VEC_INIT;  /* size_t: each headline's first token */
	nf_status st = NF_OK;
	/* Headlines first: their words join the lexicon before it is
	 * classified. */
	for (size_t i = 0; i < NF_NDOCS(c) && !st; i++) {
		size_t *s = nf_vec_push(&starts, sizeof *s);
		if (!s) {
			st = NF_ENOMEM;
			break;
		}
		*s = heads.len;
		const char *t = NF_DOC(c, i)->title;
		if (t)
			st = nf_text_tokenize(c, t, strlen(t), &heads);
	}
	if (!st)
		st = info_build(&x);
	for (size_t i = 0; i < NF_NDOCS(c); i++) {
		nf_date day = nf_dates_statement(c, NF_DOC(c, i));
		if (nf_date_valid(day) && (!nf_date_valid(x.first) || nf_date_cmp(day, x.first) < 0))
			x.first = day;
	}
	for (size_t i = 0; i < NF_NDOCS(c) && !st; i++) {
		const nf_doc *d = NF_DOC(c, i);
		size_t doc_first = x.claims.len;
		size_t h0 = NF_VEC_AT(&starts, size_t, i);
		size_t h1 = i + 1 < NF_NDOCS(c) ? NF_VEC_AT(&starts, size_t, i + 1) : heads.len;
		if (h1 > h0) {
			sent s = {d->title, (const nf_token *)heads.data + h0, h1 - h0, d->index, -1, 0};
			st = read_sentence(&x, d, &s, doc_first);
		}
		for (size_t k = 0; k < d->nsents && !st; k++) {
			sent s;
			body_sentence(d, k, &s);
			if (s.n)
				st = read_sentence(&x, d, &s, doc_first);
		}
	}
	if (!st)
		st = fold_same_count(&x);
	if (!st)
		st = build_figures(&x);
	free(x.info);
	nf_vec_free(&x.claims);
	nf_buf_free(&x.scratch);
	nf_vec_free(&heads);
	nf_vec_free(&starts);
	return st;
}
