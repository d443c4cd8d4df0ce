/*
 * gen_stream.c - a synthetic news stream for the clustering benchmark.
 *
 *     gen_stream N [SEED] > stream.jsonl
 *
 * Writes N articles as JSONL, {"id","title","text","published","outlet",
 * "story"}, in publication order. Everything is generated here: words are
 * made of syllables, so no text comes from any data set. "story" is the
 * truth, for scoring; newsfuse ignores it.
 *
 * The shape is a news wire's, with the statistics that make clustering
 * hard in real news:
 * - a large vocabulary with Zipf-distributed frequencies (VOCAB words; the
 *   commonest are in most articles, most are rare), so two unrelated
 *   articles share a few words by chance, as real ones do;
 * - stories of many kinds (a kind has its own words, as shootings or
 *   earthquakes do), most of them in the big cities: several events of one
 *   kind in one city in one week are common, and they share the city's
 *   name, its streets and its police spokesperson;
 * - each story has its own people (first names from a small pool, family
 *   names from a larger one: names recur across stories), its street, its
 *   figures (victims' ages, counts), its weekday, and a few rarer words of
 *   what happened; each report uses its own selection of them and words
 *   the rest its own way (outlets' vocabulary differs too);
 * - story sizes are heavy-tailed (most stories have one to three articles,
 *   a few have hundreds); reports come within days of the event, with
 *   follow-ups weeks later; one article in twelve is a near-copy of an
 *   earlier one of its story (a syndicated copy with a changed line).
 * Article lengths are 80 to 900 words (median about 300). About
 * STORIES_PER_DAY new stories a day, so the stream covers N / 2,000 days.
 * Dates are written with the library's calendar (src/dates.h).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

#define EPOCH 18262 /* the first day: 2020-01-01, in days since 1970 */
#define VOCAB 150000
#define COMMON_FROM 150 /* the function words are the 150 commonest */
#define KINDS 60
#define KIND_WORDS 40
#define FIRST_NAMES 3000
#define FAMILY_NAMES 60000
#define CITIES 5000
#define STREETS 30000
#define OUTLETS 300
#define STORY_WORDS 24
#define STORIES_PER_DAY 400

static uint64_t rng = 88172645463325252ull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double uniform(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}

static size_t below(size_t n)
{
	return (size_t)(uniform() * (double)n);
}

/* Zipf-like rank in [0, n): rank r with weight about 1 / (r + 1). */
static size_t zipf(size_t n)
{
	return (size_t)(exp(uniform() * log((double)n + 1)) - 1) % n;
}

/* The same law from rank off on, [0, n) standing for ranks off .. off+n:
 * the common vocabulary of English after its function words, whose
 * commonest word is far less frequent than "the". */
static size_t zipf_from(size_t n, size_t off)
{
	double o = (double)off;
	return (size_t)(o * exp(uniform() * log(((double)n + o) / o)) - o) % n;
}

static const char *const syllables[] = {
	"ka", "lo", "mi", "ra", "ten", "vo", "sa", "del", "ri", "mon", "ta", "ve",
	"len", "po", "gar", "nu", "shi", "bel", "co", "dra", "fen", "hal", "ix", "jor",
	"kel", "lum", "mar", "nor", "pel", "quin", "ros", "sta", "tor", "ul", "var", "wen",
	"yel", "zor", "an", "er", "in", "on", "ba", "de", "fi", "go", "hu", "ja"};
#define NSYL (sizeof syllables / sizeof *syllables)

static const char *const function_words[] = {
	"the", "of", "and", "to", "in", "a", "was", "that", "on", "for", "with", "said",
	"by", "at", "as", "from", "it", "were", "had", "after", "is", "an", "be", "have",
	"their", "who", "this", "they", "but", "has", "not", "are", "when", "its", "been",
	"he", "she", "his", "her", "would", "about", "into", "there", "which", "or", "we"};
#define NFUNC (sizeof function_words / sizeof *function_words)

static const char *const weekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
static const char *const counts[] = {"two", "three", "four", "five", "six", "seven"};

/* A made-up word of syl_min to syl_max syllables, from its number: the
 * same number always makes the same word. */
static char *make_word(uint64_t seed, int syl_min, int syl_max, int capital)
{
	uint64_t save = rng;
	rng = seed * 0x9e3779b97f4a7c15ull + 1;
	for (int i = 0; i < 3; i++)
		next();
	int n = syl_min + (int)below((size_t)(syl_max - syl_min + 1));
	char buf[64];
	size_t o = 0;
	for (int i = 0; i < n; i++) {
		const char *s = syllables[below(NSYL)];
		size_t l = strlen(s);
		memcpy(buf + o, s, l);
		o += l;
	}
	buf[o] = '\0';
	if (capital)
		buf[0] = (char)(buf[0] - 32);
	rng = save;
	return strdup(buf);
}

static char *vocab[VOCAB], *kind_words[KINDS][KIND_WORDS], *first_names[FIRST_NAMES],
	*family_names[FAMILY_NAMES], *cities[CITIES], *streets[STREETS], *outlets[OUTLETS];

#define PEOPLE 5

typedef struct story {
	long id;
	int kind, city, street, day, weekday;
	int first[PEOPLE], family[PEOPLE], age[PEOPLE];
	int count;             /* victims: counts[count] */
	int words[STORY_WORDS]; /* what this event is about: rarer vocabulary */
	int remaining;         /* articles still to come */
	char *last_text;       /* for copies */
	char *last_title;
} story;

/* What one report of a story uses: its share of the story's people and
 * words, and its outlet's leaning in the common vocabulary. */
typedef struct report {
	const story *s;
	int people;            /* people it names: s->first/family[0 .. people) */
	int words[STORY_WORDS / 2];
	size_t vocab_shift;    /* outlets word things their own way */
} report;

typedef struct buf {
	char *p;
	size_t len, cap;
} buf;

static void put(buf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

static void putnum(buf *b, int v)
{
	char s[16];
	snprintf(s, sizeof s, "%d", v);
	put(b, s);
}

/* A word of the common vocabulary: Zipf, but each outlet prefers its own
 * synonyms among the rarer words. */
static const char *common_word(const report *r)
{
	size_t k = zipf_from(VOCAB, COMMON_FROM);
	if (k > 2000)
		k = (k + r->vocab_shift) % VOCAB;
	return vocab[k];
}

static void capitalised(buf *b, const char *w, int first)
{
	if (first && w[0] >= 'a' && w[0] <= 'z') {
		char tmp[64];
		snprintf(tmp, sizeof tmp, "%c%s", w[0] - 32, w + 1);
		put(b, tmp);
	} else {
		put(b, w);
	}
}

/* One phrase of a sentence of report r: a word, or a name, a place or a
 * figure of its story in a phrase of its own. */
static void phrase(buf *b, const report *r, int first)
{
	const story *s = r->s;
	double u = uniform();
	int p = (int)below((size_t)r->people);
	if (u < 0.44) {
		capitalised(b, function_words[zipf(NFUNC)], first);
	} else if (u < 0.82) {
		capitalised(b, common_word(r), first);
	} else if (u < 0.89) {
		capitalised(b, vocab[r->words[below(STORY_WORDS / 2)]], first);
	} else if (u < 0.93) {
		capitalised(b, kind_words[s->kind][zipf(KIND_WORDS)], first);
	} else if (u < 0.963) {
		/* a person, named in full or by family name */
		if (uniform() < 0.5) {
			put(b, first_names[s->first[p]]);
			put(b, " ");
		}
		put(b, family_names[s->family[p]]);
	} else if (u < 0.968) {
		put(b, family_names[s->family[p]]);
		put(b, ", ");
		putnum(b, s->age[p]);
		put(b, ",");
	} else if (u < 0.976) {
		put(b, first ? "In " : "in ");
		put(b, cities[s->city]);
	} else if (u < 0.981) {
		put(b, first ? "On " : "on ");
		put(b, streets[s->street]);
		put(b, " Street");
	} else if (u < 0.985) {
		put(b, first ? "A " : "a ");
		putnum(b, s->age[p]);
		put(b, "-year-old");
	} else if (u < 0.988) {
		put(b, first ? "On " : "on ");
		put(b, weekdays[s->weekday]);
	} else if (u < 0.991) {
		capitalised(b, counts[s->count], first);
		put(b, " people");
	} else {
		capitalised(b, common_word(r), first);
	}
}

static void sentence(buf *b, const report *r)
{
	int n = 8 + (int)below(14);
	for (int i = 0; i < n; i++) {
		if (i)
			put(b, " ");
		phrase(b, r, i == 0);
	}
	put(b, ".");
}

static void title(buf *b, const report *r)
{
	const story *s = r->s;
	int n = 3 + (int)below(4);
	for (int i = 0; i < n; i++) {
		double u = uniform();
		if (i)
			put(b, " ");
		if (u < 0.3)
			put(b, kind_words[s->kind][below(6)]);
		else if (u < 0.5)
			put(b, vocab[r->words[below(STORY_WORDS / 2)]]);
		else if (u < 0.65)
			put(b, cities[s->city]);
		else if (u < 0.75)
			put(b, family_names[s->family[0]]);
		else
			put(b, common_word(r));
	}
}

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

/* Articles of a story: 1 to 300, mostly small (a discrete power law). */
static int story_size(void)
{
	int n = (int)floor(pow(1 - uniform(), -1.0 / 1.3));
	return n < 1 ? 1 : n > 300 ? 300 : n;
}

static void new_story(story *s, long id, int day)
{
	memset(s, 0, sizeof *s);
	s->id = id;
	s->kind = (int)zipf(KINDS);
	s->city = (int)zipf(CITIES);
	s->street = (int)below(STREETS);
	s->day = day;
	s->weekday = (day + 3) % 7; /* 2020-01-01 was a Wednesday */
	for (int p = 0; p < PEOPLE; p++) {
		s->first[p] = (int)zipf(FIRST_NAMES);
		s->family[p] = (int)zipf(FAMILY_NAMES);
		s->age[p] = 2 + (int)below(70);
	}
	s->count = (int)below(sizeof counts / sizeof *counts);
	/* rarer than the thousand commonest: what a reporter writes about
	 * this event and no other */
	for (int w = 0; w < STORY_WORDS; w++)
		s->words[w] = 1000 + (int)below(VOCAB - 1000);
	s->remaining = story_size();
}

static void new_report(report *r, const story *s)
{
	r->s = s;
	r->people = 2 + (int)below(PEOPLE - 1);
	for (int w = 0; w < STORY_WORDS / 2; w++)
		r->words[w] = s->words[below(STORY_WORDS)];
	r->vocab_shift = below(VOCAB);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: gen_stream N [SEED] > stream.jsonl\n");
		return 2;
	}
	long total = atol(argv[1]);
	if (argc > 2)
		rng ^= (uint64_t)atoll(argv[2]) * 0x9e3779b97f4a7c15ull;
	for (size_t i = 0; i < VOCAB; i++)
		vocab[i] = make_word(i + 1, i < 300 ? 1 : 2, i < 5000 ? 3 : 4, 0);
	for (size_t k = 0; k < KINDS; k++)
		for (size_t i = 0; i < KIND_WORDS; i++)
			kind_words[k][i] = make_word(1000000 + k * 100 + i, 2, 3, 0);
	for (size_t i = 0; i < FIRST_NAMES; i++)
		first_names[i] = make_word(2000000 + i, 2, 3, 1);
	for (size_t i = 0; i < FAMILY_NAMES; i++)
		family_names[i] = make_word(3000000 + i, 2, 4, 1);
	for (size_t i = 0; i < CITIES; i++)
		cities[i] = make_word(4000000 + i, 2, 4, 1);
	for (size_t i = 0; i < STREETS; i++)
		streets[i] = make_word(5000000 + i, 2, 3, 1);
	for (size_t i = 0; i < OUTLETS; i++)
		outlets[i] = make_word(6000000 + i, 2, 3, 1);

	/* active stories: started within the last days, with articles to come */
	size_t cap = 1 << 16, nactive = 0;
	story *active = calloc(cap, sizeof *active);
	long next_story = 1, written = 0;
	buf text = {0}, head = {0};
	report r;
	for (int day = 0; written < total; day++) {
		for (int k = 0; k < STORIES_PER_DAY; k++) {
			if (nactive == cap)
				active = realloc(active, (cap *= 2) * sizeof *active);
			new_story(&active[nactive++], next_story++, day);
		}
		/* today's articles: each active story publishes with a
		 * probability that falls with its age */
		for (size_t i = 0; i < nactive && written < total;) {
			story *s = &active[i];
			int age = day - s->day;
			double p = age == 0 ? 0.6 : age < 4 ? 0.5 : age < 30 ? 0.03 : 0;
			int today = 0;
			while (s->remaining > 0 && uniform() < p && today < 40 && written < total) {
				text.len = head.len = 0;
				if (text.p)
					text.p[0] = '\0';
				new_report(&r, s);
				if (s->last_text && uniform() < 1.0 / 12) {
					/* a near-copy: the same text with one line added */
					put(&head, s->last_title);
					put(&text, s->last_text);
					put(&text, "\n\n");
					sentence(&text, &r);
				} else {
					title(&head, &r);
					int words = 0, target = 80 + (int)(820 * pow(uniform(), 1.6));
					while (words < target) {
						int sents = 1 + (int)below(4);
						for (int k = 0; k < sents; k++) {
							if (k)
								put(&text, " ");
							size_t before = text.len;
							sentence(&text, &r);
							for (size_t c = before; c < text.len; c++)
								words += text.p[c] == ' ';
							words++;
						}
						put(&text, "\n\n");
					}
					free(s->last_text);
					free(s->last_title);
					s->last_text = strdup(text.p);
					s->last_title = strdup(head.p);
				}
				char date[11];
				nf_date_format(nf_date_from_days(day + EPOCH), date);
				printf("{\"id\":\"a%ld\",\"title\":", written + 1);
				json_str(stdout, head.p);
				fputs(",\"text\":", stdout);
				json_str(stdout, text.p);
				printf(",\"published\":\"%s\",\"outlet\":", date);
				json_str(stdout, outlets[zipf(OUTLETS)]);
				printf(",\"story\":%ld}\n", s->id);
				written++;
				s->remaining--;
				today++;
			}
			if (s->remaining <= 0 || age >= 30) {
				free(s->last_text);
				free(s->last_title);
				active[i] = active[--nactive];
				continue;
			}
			i++;
		}
	}
	free(active);
	free(text.p);
	free(head.p);
	return 0;
}
