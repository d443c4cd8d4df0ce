/*
 * gen_stream.c - a synthetic news stream for the clustering benchmark.
 *
 *     gen_stream N [SEED] > stream.jsonl
 *
 * Writes N articles as JSONL, {"id","title","text","published","outlet",
 * "story"}, in publication order. Everything is generated here: words are
 * made of syllables, so no text comes from any data set. The shape is a
 * news wire's: stories of many kinds (a kind has its own vocabulary, as
 * shootings or earthquakes do), each with its own place, people and
 * figures; story sizes are heavy-tailed (most stories have one to three
 * articles, a few have hundreds); a story's articles come within days of
 * its start, with an occasional follow-up weeks later; one article in
 * twelve is a near-copy of an earlier one of its story (a syndicated
 * copy with a changed line). Article lengths are 80 to 900 words (median
 * about 300), in paragraphs of sentences that mix function words, common
 * words (Zipf-distributed), the kind's words, the story's own topic words
 * (what the event is about: drawn from the common words, so other
 * stories use them too), names and numbers. "story" is the truth, for scoring; newsfuse ignores it.
 *
 * About 400 new stories a day, so the stream covers N / 2,000 days.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KINDS 40
#define KIND_WORDS 60
#define COMMON 20000
#define NAMES 60000
#define PLACES 8000
#define OUTLETS 300
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

static const char *const syllables[] = {
	"ka", "lo", "mi", "ra", "ten", "vo", "sa", "del", "ri", "mon", "ta", "ve",
	"len", "po", "gar", "nu", "shi", "bel", "co", "dra", "fen", "hal", "ix", "jor",
	"kel", "lum", "mar", "nor", "pel", "quin", "ros", "sta", "tor", "ul", "var", "wen",
	"yel", "zor", "an", "er", "in", "on", "ba", "de", "fi", "go", "hu", "ja"};
#define NSYL (sizeof syllables / sizeof *syllables)

static const char *const function_words[] = {
	"the", "of", "and", "to", "in", "a", "was", "that", "on", "for", "with", "said",
	"by", "at", "as", "from", "it", "were", "had", "after", "is", "an", "be", "have",
	"their", "who", "this", "they", "but", "has", "not", "are", "when", "its", "been"};
#define NFUNC (sizeof function_words / sizeof *function_words)

/* A made-up word of 1-4 syllables, from its number. */
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

static char *common[COMMON], *kind_words[KINDS][KIND_WORDS], *names[NAMES],
	*places[PLACES], *outlets[OUTLETS];

typedef struct story {
	long id;
	int kind, place, day;
	int people[4];
	int figures[3];
	int topic[8];    /* the story's own words: what this event is about */
	int remaining;   /* articles still to come */
	int written;     /* articles so far */
	char *last_text; /* for copies */
	char *last_title;
} story;

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

/* One word of a sentence of story s. */
static void word(buf *b, const story *s, int first)
{
	double u = uniform();
	const char *w;
	char tmp[64];
	if (u < 0.42)
		w = function_words[zipf(NFUNC)];
	else if (u < 0.76)
		w = common[zipf(COMMON)];
	else if (u < 0.88)
		w = common[s->topic[zipf(8)]];
	else if (u < 0.91)
		w = kind_words[s->kind][zipf(KIND_WORDS)];
	else if (u < 0.95)
		w = names[s->people[below(4)]];
	else if (u < 0.98)
		w = places[s->place];
	else {
		snprintf(tmp, sizeof tmp, "%d", s->figures[below(3)]);
		w = tmp;
	}
	if (first && w[0] >= 'a' && w[0] <= 'z') {
		snprintf(tmp, sizeof tmp, "%c%s", w[0] - 32, w + 1);
		w = tmp;
	}
	put(b, w);
}

static void sentence(buf *b, const story *s)
{
	int n = 10 + (int)below(16);
	for (int i = 0; i < n; i++) {
		if (i)
			put(b, " ");
		word(b, s, i == 0);
	}
	put(b, ".");
}

static void title(buf *b, const story *s)
{
	put(b, names[s->people[0]]);
	put(b, " ");
	put(b, kind_words[s->kind][below(5)]);
	put(b, " in ");
	put(b, places[s->place]);
	put(b, ", ");
	putnum(b, s->figures[0]);
	put(b, " ");
	put(b, kind_words[s->kind][5 + below(10)]);
	put(b, " ");
	put(b, common[zipf(2000)]);
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

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: gen_stream N [SEED] > stream.jsonl\n");
		return 2;
	}
	long total = atol(argv[1]);
	if (argc > 2)
		rng ^= (uint64_t)atoll(argv[2]) * 0x9e3779b97f4a7c15ull;
	for (size_t i = 0; i < COMMON; i++)
		common[i] = make_word(i + 1, 1, i < 200 ? 2 : 3, 0);
	for (size_t k = 0; k < KINDS; k++)
		for (size_t i = 0; i < KIND_WORDS; i++)
			kind_words[k][i] = make_word(1000000 + k * 100 + i, 2, 3, 0);
	for (size_t i = 0; i < NAMES; i++)
		names[i] = make_word(2000000 + i, 2, 3, 1);
	for (size_t i = 0; i < PLACES; i++)
		places[i] = make_word(3000000 + i, 2, 4, 1);
	for (size_t i = 0; i < OUTLETS; i++)
		outlets[i] = make_word(4000000 + i, 2, 3, 1);

	/* active stories: started within the last days, with articles to come */
	size_t cap = 1 << 16, nactive = 0;
	story *active = calloc(cap, sizeof *active);
	long next_story = 1, written = 0;
	buf text = {0}, head = {0};
	for (int day = 0; written < total; day++) {
		for (int k = 0; k < STORIES_PER_DAY; k++) {
			if (nactive == cap)
				active = realloc(active, (cap *= 2) * sizeof *active);
			story *s = &active[nactive++];
			memset(s, 0, sizeof *s);
			s->id = next_story++;
			s->kind = (int)zipf(KINDS);
			s->place = (int)zipf(PLACES);
			s->day = day;
			for (int p = 0; p < 4; p++)
				s->people[p] = (int)below(NAMES);
			for (int f = 0; f < 3; f++)
				s->figures[f] = 1 + (int)zipf(500);
			for (int t = 0; t < 8; t++)
				s->topic[t] = 500 + (int)below(COMMON - 500);
			s->remaining = story_size();
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
				if (s->last_text && uniform() < 1.0 / 12) {
					/* a near-copy: the same text with one line added */
					put(&head, s->last_title);
					put(&text, s->last_text);
					put(&text, "\n\n");
					sentence(&text, s);
				} else {
					title(&head, s);
					int words = 0, target = 80 + (int)(820 * pow(uniform(), 1.6));
					while (words < target) {
						int sents = 1 + (int)below(4);
						for (int k = 0; k < sents; k++) {
							if (k)
								put(&text, " ");
							size_t before = text.len;
							sentence(&text, s);
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
				int y = 2020 + day / 365, doy = day % 365;
				int m = doy / 31 + 1 > 12 ? 12 : doy / 31 + 1, d = doy % 31 + 1 > 28 ? 28 : doy % 31 + 1;
				printf("{\"id\":\"a%ld\",\"title\":", written + 1);
				json_str(stdout, head.p);
				fputs(",\"text\":", stdout);
				json_str(stdout, text.p);
				printf(",\"published\":\"%04d-%02d-%02d\",\"outlet\":", y, m, d);
				json_str(stdout, outlets[zipf(OUTLETS)]);
				printf(",\"story\":%ld}\n", s->id);
				written++;
				s->remaining--;
				s->written++;
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
