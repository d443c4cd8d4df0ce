/*
 * cluster.c - a stream of articles grouped into stories, in one pass.
 *
 * What: each article gets a story number as it arrives (a batch at a
 * time): the story of the recent articles it is most like, when that
 * likeness is high enough, else a new story. Near-duplicates (a
 * syndicated copy, a light rewrite) are found on the way and always join
 * their original's story.
 *
 * How: articles are read into a small corpus and cleaned, tokenized and
 * turned into vectors in batches of BATCH (so the cleaner sees repeated
 * boilerplate lines across a batch, and document frequencies include the
 * batch before any of it is scored). An article's vector holds its
 * NF_CLUSTER_TERMS heaviest terms: content-word stems, figures (numbers;
 * ages as their own kind; not clock times or telephone numbers), and
 * pairs of adjacent capitalised words (names and places: "Rocky Mount",
 * "Brian Nichols"), weighted by (1 + log tf) * idf with the headline and
 * lead counted more (and, for a page of a few words, its URL's slug),
 * idf from a hashed table of document frequencies over the whole stream
 * (in a stream shorter than a batch, a name's or a number's read as if
 * the batch were full: see IDF_RARE_ARTICLES). The vector is what tells
 * two events of one kind apart: "shooting", "police" and the city are in
 * most of a city's crime news and weigh little; victims' names, streets,
 * ages and counts are in one event's reports and weigh most.
 *
 * Likeness of two articles: their cosine, plus FIGURES_WEIGHT times the
 * cosine of their figures alone when they share some (less, with the
 * square of their words' cosine, when the words share little), less
 * FIGURES_PENALTY when both give figures and share
 * none (a vector of SHORT_TERMS terms or fewer, a headline and a line,
 * gives none), less TIME_SLOPE * log(1 + days apart), the days counted up
 * to TIME_DAYS_MAX, or up to NAMES_DAYS when they share names that are
 * rare in the stream (two articles of a batch that share a name in at most
 * RAREST_DF articles lose half the penalty); more than NAMED_DAYS apart,
 * they are of one story only when they share such a name. Days apart are
 * those between the articles' dates or between the days their texts say
 * their events were ("on Saturday", "the Jan. 5 shooting"), the fewer;
 * two whose events were days apart lose EVENT_PENALTY too; all of it no
 * lower than LIKENESS_FLOOR (penalties stacked under the threshold made
 * one report outweigh several in an average). Of an article
 * and a story: the same with the average over the story's articles (the
 * dot product with their summed vectors and figures, over their number),
 * the days counted to the story's candidate article closest in time.
 *
 * A batch is assigned in two steps. First its articles are grouped among
 * themselves by average linkage (linkage.c) on their likeness, with the
 * cohesion rule: two groups of three or more join only when their
 * likeness is at least COHESION times the lower of their own average
 * likeness (and an event's follow-ups weeks on, grouped apart from its
 * first reports, join them as they would their story: join_follow_ups()).
 * Then each group joins the window's story its members are on
 * average most like, under the same threshold and rule (there from two
 * articles a side: from three measured no better), or opens a new story.
 * So the first reports of a second event of a kind (ECB+'s second
 * earthquake of a topic) meet the first event's story together, and their
 * being more alike among themselves keeps them apart from it; one report
 * alone is judged on the threshold. Undated reports may state their
 * event's year (a date in the lead, "in May 2005"): two groups whose
 * reports state different years are two events, however alike (ECB+'s
 * two events of one kind in one place, years apart).
 *
 * Candidates come from an inverted index over the vectors of the most
 * recent articles (a ring of window_articles): the article's terms, rarest
 * first, accumulate dot products with the recent articles that share them
 * until a budget of postings is spent (the common terms left out weigh
 * little, and their postings would make the pass quadratic); the
 * MAX_CANDIDATES best name the stories that are scored. Time: an article
 * only joins stories with an article within window_days of its own date;
 * an article leaves the window when the ring wraps, and a story none of
 * whose articles is left is closed for good.
 *
 * Copies: a MinHash signature of 4-word shingles (minhash.c) and band keys
 * in a table of the recent articles (and of the batch's earlier ones); a
 * candidate whose estimated Jaccard similarity is COPY_JACCARD or more is
 * the original.
 *
 * Cost: per article, linear in its length plus the postings of its rarer
 * terms, which the ring bounds, plus its batch's pairs that share terms;
 * memory is the ring, the index over it, the frequency table and one
 * batch: constant in the length of the stream. Most of those reads are
 * cache misses at random in tables of tens of megabytes, so the tables
 * are in huge pages and each article's lookups are made in stages, the
 * lines they need fetched ahead (__builtin_prefetch, a hint: the results
 * are the same without it).
 *
 * Measured (bench/cluster, BCubed F1): gva-dev 0.9513 in date order,
 * 0.9504 in file order; ECB+ subtopics 0.958 (the scikit-learn peer: 0.840
 * and 0.870); a few stories' reports alone (cluster_small.py) 0.88 to
 * 0.95; CSTNews's Portuguese stories, untuned, 0.955. Cost: 8,700 to
 * 10,700 articles/s of one core's CPU time at 100,000 articles of the
 * synthetic stream, as the machine's load goes, peak RSS 480 MB (7,200
 * at a million in round 4; on round 12's slower machine 5,300 at 100,000
 * and 5,000 at a million, peak RSS 950 MB there); 49 to 72 times the
 * peer's speed at 45,000 (rounds 8 and 9), 47 to 50 against its quickest
 * run ever.
 *
 * Rejected: comparing each article with every story's centroid (the cost
 * grows with the stories); assigning articles one at a time (ECB+ 0.86:
 * the first report of a topic's second event joins the first's story, and
 * the rest follow it); a likeness that is the cosine with the story's
 * normalised sum or blended with its closest article (ECB+ 0.01 to 0.02
 * lower, gva-dev the same); figures counted among the words only, or
 * their shared cosine ungated (ECB+ 0.04 lower, or gva-dev 0.01); a
 * smaller or larger vector (40 terms: both sets lower; 96: ECB+ 0.01
 * lower); a 30-day window (a tenth of gva-dev's incidents have reports
 * months apart: arrests, trials); dropping sentences repeated across
 * stories as furniture (no gain measured: the cleaner and idf already
 * discount them); clustering without the cleaner (gva-dev 0.02 lower, and
 * no faster: the furniture it drops costs the tokenizer as much); keeping
 * the corpus of every article (memory grows with the stream); an undated
 * article's date read from its text (ECB+ 0.003 lower: of its two events
 * of one kind, only the later one's reports give a date); the URL's slug
 * read for every article (it mostly repeats the headline: gva-dev 0.001
 * lower; SLUG_TERMS); the headline alone, or counted more, for an
 * article whose text holds few of its words (a page whose text is
 * another story: headline-only vectors of generic headlines join other
 * events); a likeness
 * re-weighted as a logistic model of pair features suggests (names' terms
 * weighted less, or shared rare names added to the score: ECB+ 0.006 to
 * 0.02 lower, whose two events of a topic share their names); names
 * counted for the follow-up rules only when their family name recurs
 * alone, as people's do (gva-dev 0.0005 to 0.004 lower); a penalty for
 * two articles that both name rare people or places and share none
 * (ECB+ 0.935 to 0.940: reports of one event quote different people too);
 * term counts weighted 1 + k log tf with k 0.7 to 1.4 (ECB+ 0.939 to
 * 0.944); the year as a penalty on a pair of reports rather than a
 * refusal between groups (halves up, the whole set unchanged); a
 * story's sum aged so later reports weigh more, and a group's story
 * chosen by its best-matching members (gva-dev the same or up to 0.003
 * lower: its losses are likeness within a batch, not order or age); the
 * time penalty lowered for every pair of a batch (file order up, date
 * order down), or for an article and a story that share a rare name
 * (gva-dev 0.008 lower); a short vector's cosine with a longer one
 * scaled up by their lengths, or read within the short one's terms
 * (no gain, or gva-dev up to 0.026 lower: a headline's words are its
 * kind's and its city's, and precision falls long before recall moves);
 * no event penalty for two that share a very rare name (0.0006 lower:
 * such pairs under the threshold were mostly two incidents); in round
 * 10, pairs of adjacent content words as terms (two outlets seldom word
 * one event alike: recall falls), the headlines' own cosine added (date
 * order no higher), idf to a power of 0.8 to 1.4 (ECB+ lower), and a
 * penalty for two dated reports that name rare people or places and
 * share none (gva-dev lower). More in bench/README.md.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "cluster.h"
#include "dates.h"
#include "linkage.h"
#include "stages.h"
#include "util/hash.h"
#include "util/pages.h"

/* Articles cleaned and scored together. The cleaner's repeated-line test
 * needs a few dozen articles of a site to see its furniture, and the
 * document frequencies of a young stream need the batch itself; 256 keeps
 * the delay before the callbacks short. */
#define BATCH 256

/* Document-frequency table: 64 counters per article of the window, at
 * most 2^23 (32 MB, for the default window of 2^17). A million-article
 * stream has a few million distinct terms; a rare term that shares a
 * counter with a common one is all a collision costs. */
#define DF_BITS_MAX 23
#define DF_BITS_MIN 14

/* Band-key table of the copy finder: 8 slots per article of the window, at
 * most 2^20; the most recent key wins a slot. */
#define LSH_BITS_MAX 20
#define LSH_BITS_MIN 10

/* Document frequencies whose logarithm is looked up: nearly every term of
 * an article is rarer than this. */
#define LOG_TABLE 4096

/* Days from its date within which an article may join a story. A trial
 * or a plea comes up to years after its event, and past NAMED_DAYS only
 * a rare name shared joins it, so the window can be long: gva-dev 0.9225
 * to 0.9233 in date order (halves +0.001, +0.002), 0.9175 to 0.9180 in
 * file order (+0.001, +0.003), within 0.0005 of that from 900 to 1,500
 * days, 0.9228 / 0.9181 at 730; before the gate a longer window lost
 * (round 4). On a dense wire the ring of window articles is the shorter
 * bound. */
#define DEFAULT_WINDOW_DAYS 1095
#define DEFAULT_WINDOW_ARTICLES 131072
#define MAX_WINDOW_ARTICLES (1u << 24)

/* Likeness from which an article joins a story: two reports of one event
 * share names, places and figures, two events of one kind only the kind's
 * vocabulary. Tuned on the whole of gva-dev and ECB+ together: both are
 * within 0.003 F1 of their best anywhere from 0.05 to 0.08 (the cohesion
 * rule, not the threshold, keeps ECB+'s two events of one kind apart).
 * A dense wire needs the upper half of that range: on bench/gen_stream.c's
 * 400 new stories a day, 0.05 joins same-day stories of one kind in one
 * city (precision 0.93), 0.07 does not (0.98). */
#define DEFAULT_THRESHOLD 0.07

/* Recent articles scored exactly per new article: the 16 that share the
 * most weight with it cover every story it could belong to (48 gave the
 * same stories on both dev sets at three times the cost). */
#define MAX_CANDIDATES 16

/* Postings scanned per article, rarest terms first: the cost of finding
 * candidates is bounded whatever the window holds. On gva-dev (3,151
 * articles) the budget is never spent; in a window of 131,072 it stops
 * before terms on more than about 1 in 500 recent articles, which weigh
 * little and would cost the most. */
#define POSTINGS_BUDGET 4096

/* Likeness lost per unit of log(1 + days) between an article and the
 * story's closest one: 0.055 a day apart, 0.17 a week, 0.27 a month.
 * Most reports of one event come within two days; a follow-up weeks
 * later (an arrest, a trial) must share its names to join. Best on
 * gva-dev (0.04 and 0.1 are 0.01 F1 lower). Tuned again with
 * EVENT_SENTENCES (bench/README.md, round 9): once follow-ups are counted
 * the few days to their event's, a day can cost more: 0.07 to 0.08 takes
 * gva-dev from 0.9445 to 0.9456 in date order (precision 0.963 to 0.971,
 * recall 0.926 to 0.922), 0.9425 to 0.9440 in file order, no half of four
 * splits lower; 0.075 or 0.085 no better. */
#define TIME_SLOPE 0.08

/* Days apart beyond which the penalty grows no more: a month says what
 * time can say about a follow-up, and a plea or a trial a year on shares
 * no fewer names than an arrest a month on. gva-dev 0.914 to 0.915 in
 * both orders (halves +0.004 each in date order, +0.004 and -0.001 in
 * file order; 21 to 45 days all give 0.915 or 0.916 in date order);
 * without it the penalty reaches 0.47 at a year. */
#define TIME_DAYS_MAX 30

/* A follow-up (an arrest, a plea, a trial) weeks after its event shares
 * the names of its people with the event's reports, and little else: an
 * article and a story that share NAMES_MIN names of people or places
 * that are rare in the stream (in at most NAMES_SLACK more articles than
 * the story holds, so nearly all of their uses are the story's) lose
 * only the time penalty of NAMES_DAYS days; more than NAMED_DAYS apart,
 * they are of one story only when they share such a name. A city's, a
 * neighbourhood's or a police spokesperson's name is in many stories'
 * articles and never counts. Of gva-dev's article-story joins more than
 * a month apart, those sharing no name that is rare over the whole set
 * were 9 right and 32 wrong (the same neighbourhood's shootings months
 * apart, a story chained across a year), those sharing two or more 45
 * and 10 (bench/README.md, round 5). One name, a slack of 5 and 90 days:
 * gva-dev 0.917 to 0.923 in date order (halves +0.003, +0.007), 0.916
 * to 0.918 in file order (halves -0.000, +0.003); a slack of 4 or 6, two
 * names, or 30, 60, 120 or 180 days are no better (0.920 to 0.923
 * in date order); ECB+ has no dates and is unchanged. Since the event
 * days of round 9 count a follow-up the days to its event's, a month
 * tells as much as three did: 90 to 30 days (round 9, second search,
 * bench/README.md) takes gva-dev from 0.9457 to 0.9467 in date order
 * (precision 0.970 to 0.972, recall unchanged), 0.9444 to 0.9452 in
 * file order, no half of four splits lower; 25 to 40 days the same, 20
 * within 0.0002, 15 a half 0.0004 lower, 45 to 75 days up to 0.0004
 * less, 120 or 180 below 90's; on top of it a slack of 2 to 10, 3 to 30
 * days or two names gain neither order or lose a half. The window's
 * stories then need a rare name to join past a month: a trial a year on
 * names its people. */
#define NAMES_MIN 1
#define NAMES_SLACK 5
#define NAMES_DAYS 14
#define NAMED_DAYS 30

/* Two reports of a batch that share a name found in at most RAREST_DF
 * articles of the stream (one person's, nearly always of one event) lose
 * only RAREST_TIME of the time penalty: an arrest, a death in hospital or
 * a funeral days or weeks after a shooting shares its victim's name and
 * little else with the first reports. gva-dev 0.9233 to 0.9256 in date
 * order, 0.9180 to 0.9233 in file order, no half of four splits lower by
 * more than 0.0001 (bench/README.md, round 7); 0.4 or 0.6, a name in 3
 * or 5 articles: within 0.002 of that, no half more than 0.0007 lower;
 * any rare name (NAMES_SLACK): 0.9248 / 0.9245 but a half 0.0017 lower.
 * The same for an article and a story costs 0.008 (its days are counted
 * to the story's closest report already). */
#define RAREST_DF 4
#define RAREST_TIME 0.5f

/* Terms kept in a story's sum: twice an article's, since a story's
 * reports name more people and places than any one of them. */
#define STORY_TERMS 128

/* Figures kept in a story's sum of figures: its reports give a few ages,
 * counts and dates each, and mostly the same ones. */
#define STORY_FIGURES 32

/* Weight of the cosine of two articles' figures in their likeness, and
 * what two articles that both give figures but share none lose: tuned on
 * gva-dev and ECB+ together (ECB+ gains 0.06 F1 with both, gva-dev holds;
 * a penalty of 0.03 or 0.07 costs ECB+ 0.02). */
#define FIGURES_WEIGHT 0.2f
#define FIGURES_PENALTY 0.05f

/* Terms an article's vector needs for its figures to be weighed (beyond
 * their place among its terms): a vector of SHORT_TERMS or fewer is a
 * headline and a line or two (the rest of the page a sign-up box or an
 * error message), whose one count ("2 teens shot") is most of its
 * figures' length, so a "2" or a "15" shared with any report of two
 * victims or a 15-year-old made it alike, and one not shared cost it
 * FIGURES_PENALTY against its own event's reports. Of gva-dev's pairs of
 * a batch with such a vector, the figures lifted 13 over the threshold,
 * all of two incidents. From round 8's code: gva-dev 0.9408 to 0.9417 in
 * date order, 0.9401 to 0.9405 in file order; with round 9's event days,
 * the same within 0.0002, and with LONE_SMALL (linkage.c) 0.9457 / 0.9444,
 * ECB+ 0.9574 to 0.9582, no half of four splits lower by more than 0.0008
 * (bench/README.md, round 9); 6 or 10 terms gain less, 12 or 16 lose
 * halves or ECB+. */
#define SHORT_TERMS 8

/* Cosine below which shared figures add less, with the square of the
 * cosine's share of it: figures corroborate words, and two articles that
 * share only a "3", a "2016" or a 16-year-old are alike by chance
 * (without it gva-dev loses 0.01 F1 of precision; 0.17 or 0.2 gain
 * gva-dev 0.0005 to 0.002 but cost ECB+, or one of its halves, up to
 * 0.005; with round 9's NAMED_DAYS, 0.16 gains 0.0001 / 0.0005, and from
 * 0.165 one half of ECB+'s "alt" split loses 0.0036). Until round 10 the
 * share counted in proportion, and pairs of two incidents a cosine of
 * 0.05 to 0.1 apart rose over the threshold on a victim's age and a
 * count of the wounded: of gva-dev's pairs of a batch within 0.1 of the
 * threshold, those above it with figures shared were 35% of one
 * incident, those without 78%.
 * The square: gva-dev 0.9467 to 0.9476 in date order, 0.9452 to 0.9471
 * in file order, ECB+ 0.9582 to 0.9580, no half of three splits
 * (bench/cluster_halves.py) lower by more than 0.0007; the synthetic
 * stream's first 20,000 0.9704 to 0.9716. The power 1.5: gva-dev 0.9483
 * / 0.9469 with the floor below; the cube, or the square from 0.12 or
 * 0.18, cost ECB+ 0.003 to 0.007. A stream shorter than a batch is
 * mostly one story, its figures read as rare as its names
 * (IDF_RARE_ARTICLES): the figures its reports share are their event's,
 * and the share counts in proportion there. Squared there too, ECB+'s
 * topics streamed alone (cluster_small.py, a dozen or two reports each)
 * went from 0.9482 to 0.9425 and three topics from 0.9469 to 0.9461; in
 * proportion they are unchanged, and the whole sets, each longer than a
 * batch, the same (bench/README.md, round 10). */
#define FIGURES_GATE 0.15f

/* Likeness no score falls below (NO_LINK aside): under the threshold
 * two articles are unlike, and how far under says little, but the time,
 * event-day and figures penalties stack there (a follow-up five days on
 * that names another event day: -0.16), so in an average one such report
 * outweighed several alike ones: a batch's first reports of an event
 * and a group of its later ones, with one follow-up among them at -0.01
 * to -0.16 from the first, failed the cohesion rule. On top of the
 * squared gate (FIGURES_GATE): gva-dev 0.9476 to 0.9488 in date order,
 * 0.9471 to 0.9478 in file order, ECB+ (undated: few such scores)
 * unchanged, no half of three splits lower by more than 0.0004; -0.02 to
 * -0.05 within 0.0007 of that, 0 a half 0.0057 lower; the story scores'
 * floor alone is 0.0004 of it in date order (bench/README.md, round 10). */
#define LIKENESS_FLOOR (-0.03f)

/* The cohesion rule (linkage.h) for two groups of several articles: they
 * join only when their average likeness is at least this fraction of the
 * lower of their own internal averages. Two events of one kind in one
 * place share the kind's words and the place's names, so they are alike,
 * but each event's reports are more alike among themselves. ECB+ 0.951
 * with it, 0.87 without; 0.5 and 0.6 give 0.94; gva-dev is the same. */
#define COHESION 0.55

/* Estimated shingle Jaccard from which an article is a copy: syndicated
 * copies with different furniture and small edits are above 0.7; two
 * outlets' own reports of one event, quoting the same statement, share
 * under 0.3 of their shingles. */
#define COPY_JACCARD 0.7

/* Days within which a copy comes after its original: a wire's subscribers
 * run its story within days. The same text months apart is a site's
 * furniture that the cleaner left (a sign-up page, a gallery of teasers)
 * or a page crawled again, and is judged as any article is: of
 * gva-dev's 42 copies, 3 joined other incidents' reports months and
 * years apart under unrelated headlines (0.9405 to 0.9408 in date order,
 * 0.9398 to 0.9401 in file order; 60 days the same; the synthetic
 * stream, whose copies come within days, unchanged). */
#define COPY_DAYS 30

/* Counts of a term in the headline and the lead (first LEAD_SENTENCES
 * sentences): reporters put the event's who, where and what there (both
 * sets best at 3 and 2; 2 and 1.5 cost ECB+ 0.01). */
#define TITLE_TF 3.0f
#define LEAD_TF 2.0f
#define LEAD_SENTENCES 3

/* The URL's slug ("/three-hurt-in-shooting-outside-elm-street-bar/"),
 * for an article whose headline and text give SLUG_TERMS distinct terms
 * or fewer, counted SLUG_TF times each: sites write a report's first
 * headline into its path, and a page of a headline and a line or two (a
 * video's, a gallery's, one whose text the crawl lost) or one whose
 * headline is the site's name has little else that names its event.
 * gva-dev 0.9488 to 0.9499 in date order, 0.9478 to 0.9489 in file
 * order, every half of three splits the same or higher, ECB+ (no URLs)
 * and the synthetic stream unchanged; 12 to 20 terms and 1 to 2 times
 * within 0.0002 of that, 8 terms or 0.5 times up to 0.0009 lower; every
 * article's slug (64 terms) loses it all. A slug is a path segment of
 * SLUG_WORDS or more words of letters: fewer are as often a site's
 * sections ("crime-and-courts"; from 3 words 0.9502 / 0.9487, from 2
 * 0.9495 / 0.9476; bench/README.md, round 12). */
#define SLUG_WORDS 4
#define SLUG_TERMS 16
#define SLUG_TF 1.5f

/* Sentences read for the year an undated report states for its event (a
 * date in its lead, "in May 2005", or the URL's date on its first line):
 * the latest year its text names, when the lead names it. A report is of
 * no earlier a time than the latest year it names, and a lead that names
 * only a year of history ("since the 1990 flood") while the text goes to
 * 2005 states none. ECB+ 0.9514 to 0.9569 from 3 to 6 sentences (both
 * halves of every split at or above round 6's; 5 and 6 the best on them),
 * 0.9496 at 8, no change at 1 or 2; with the lead's most frequent year
 * and no later-year test (3 sentences) one half loses 0.006 (round
 * 7 of bench/README.md). Dated reports are judged by their dates. */
#define YEAR_SENTENCES 5

/* A report's event day: the earliest date its first EVENT_SENTENCES
 * sentences name ("on Saturday", "Jan. 5", "yesterday", resolved against
 * its own date by dates.c; undated, a full date), not after its own date.
 * Follow-ups name their event's day ("Saturday's shooting", "the Jan. 5
 * killing") days or weeks on, and one day's reports of a city's two
 * shootings name two nights. So two reports are as many days apart, for
 * every time rule, as the lesser of the gap between their dates and that
 * between their events (days_apart(): a report that names no day is of
 * its own date's), and two whose event days are EVENT_DAYS_APART or more
 * apart lose EVENT_PENALTY as well (a day apart is often one night told
 * as "Saturday night" and "early Sunday"). A follow-up often names the
 * event's day only below its own news (an arrest, then "the man shot on
 * Jan. 5"), so 25 sentences are read, the whole of most reports (gva-dev's
 * median is about 11). gva-dev 0.9285 to 0.9405 in date order with 5
 * sentences (bench/README.md, round 8), 0.9445 with 25 (round 9;
 * precision 0.961 to 0.963, recall 0.921 to 0.926; file order 0.9401 to
 * 0.9425), no half of four splits lower; 12 to 30 sentences within
 * 0.0012 of that, every sentence 0.0008 lower (a long report's history
 * names earlier days); the headline read as well, or a penalty from one
 * day apart, or against a report that names no day, no better; ECB+
 * (undated) 0.9569 to 0.9574 with event days, unchanged by the count. */
#define EVENT_SENTENCES 25
#define EVENT_DAYS_APART 2
#define EVENT_PENALTY 0.08f

/* Four-digit numbers read as years. A count ("2000 people") passes too,
 * but parts nothing unless it is also the latest year of its text and
 * two reports of a group agree on it (linkage.c). */
#define YEAR_FIRST 1900
#define YEAR_LAST 2099

typedef struct posting {
	uint32_t seq; /* article number */
	float w;      /* the term's weight in that article */
} posting;

typedef struct plist {
	uint64_t key;  /* 0: empty slot */
	posting *p;
	uint32_t head, len, cap; /* live postings are p[head .. len) */
} plist;

typedef struct rec {
	unsigned long long story;
	int32_t day, event_day; /* v's, in story's cache line for story_candidates() */
	char *id;
	nf_tvec v;
} rec;

/* A story of the window: the sum of its articles' vectors (its heaviest
 * STORY_TERMS terms). */
typedef struct story {
	unsigned long long id;  /* 0: empty slot */
	uint32_t last_seq;      /* its latest article */
	uint32_t size;
	uint32_t n, mark;       /* terms; the query that last saw it */
	int32_t link_days;      /* during a query: the fewest days apart of its
	                           candidates (days_apart()) */
	int link_differ;        /* ... and whether that one's event day differs */
	double inner;           /* summed cosines of its pairs of articles */
	float group_sum;        /* during a group's decision: its likeness */
	nf_term *sum;           /* n terms ascending by key */
	uint32_t nfig;          /* figures in figs */
	nf_term *figs;          /* the sum of its articles' figures, each
	                           article's of unit length, ascending by key */
} story_rec;

/* A story an article could join, and its likeness to it. */
typedef struct story_like {
	unsigned long long id;
	float score;
} story_like;

typedef struct lsh_slot {
	uint64_t key;
	uint32_t seq;
} lsh_slot;

typedef struct cand {
	uint32_t seq;
	float acc;
} cand;

/* A band of a slice article's signature, in cl->bands. */
typedef struct slice_band {
	uint64_t value;
	uint32_t stamp; /* the slice it is of: cl->band_stamp when in use */
	uint16_t band, art;
} slice_band;

typedef struct tf_entry {
	uint64_t key;
	float tf;
	uint32_t rare; /* a number, or written as a name in the body: see make_vector */
} tf_entry;

struct nf_cluster {
	nf_ctx *ctx;
	nf_cluster_fn fn;
	void *ud;
	nf_cluster_hooks hooks;
	uint32_t window_days;
	double threshold;

	nf_corpus *pending;   /* articles read, not yet clustered */

	uint32_t *df;         /* 1 << df_bits counters */
	int df_bits, lsh_bits;
	float *log_df;        /* log(df + 0.5) for df < LOG_TABLE */
	uint64_t ndf;         /* articles counted in df */

	rec *ring;            /* article seq is at ring[seq & (ring_cap - 1)] */
	uint32_t ring_cap, ring_max; /* allocated, and the window (powers of 2) */
	uint32_t next_seq;    /* articles in the window's history */
	plist *tab;           /* inverted index, open addressing */
	size_t tab_mask, tab_used;
	lsh_slot *lsh;
	story_rec *stories;       /* open addressing by id */
	size_t st_mask, st_used;
	uint32_t query;       /* queries made, for story.mark */
	nf_vec seen;          /* story_rec *: stories met by the current query */
	nf_term *merge;       /* scratch for story sums */
	uint32_t *merge_w;

	size_t count;         /* articles clustered */
	size_t ingested;      /* articles read */
	unsigned long long next_story;

	/* scratch, reused across articles */
	float *acc;
	uint32_t *touched;
	cand *cands;
	nf_vec title_toks;    /* nf_token: the headline's, then the slug's */
	tf_entry *tf;         /* per-article term counts, open addressing */
	size_t tf_mask, tf_used;
	nf_vec tf_slots;      /* size_t: the slots of tf in use */
	uint64_t *words;      /* word hashes for shingles, nwords of cap_words */
	size_t nwords, cap_words;
	nf_vec terms;         /* tf_entry: the batch's terms, article by article */

	/* the slice being assigned (BATCH articles at most) */
	struct batch_art *slice;
	size_t slice_cap;
	float *pair;          /* BATCH * BATCH likeness of its articles */
	float *pair_figs;     /* BATCH * BATCH: their figures' dot products */
	float *pair_cos;      /* BATCH * BATCH: their cosines (the upper triangle
	                         of these three, node p < node q at p * m + q) */
	uint8_t *pair_names;  /* BATCH * BATCH: their rare names shared, to NAMES_MIN,
	                         and NAME_RAREST when one is in RAREST_DF or fewer */
	slice_band *bands;    /* SLICE_BANDS, open addressing */
	uint32_t band_stamp;  /* slices assigned */
	uint32_t *node_art, *pre, *group, *members; /* BATCH each */
	int *node_year;                             /* BATCH */
	unsigned long long *group_story;            /* BATCH */
	nf_linkage lk;
};

/* --- Tables ----------------------------------------------------------------- */

/* The big tables (document frequencies, band keys, the index, the
 * stories, the ring) are read at random, a few times per term of every
 * article: in 4 KiB pages nearly every such read also missed the TLB
 * (the frequency table alone is 32 MiB, 8,192 pages), so they are on
 * huge pages (util/pages.h). */

/* Bytes of a cache line, for prefetching a table a line at a time. */
#define CACHE_LINE 64

static int live(const nf_cluster *cl, uint32_t seq)
{
	return seq < cl->next_seq && cl->next_seq - seq <= cl->ring_cap;
}

static rec *rec_of(nf_cluster *cl, uint32_t seq)
{
	return &cl->ring[seq & (cl->ring_cap - 1)];
}

/* The slot where the probe for key starts. */
static size_t tab_home(const nf_cluster *cl, uint64_t key)
{
	return (size_t)nf_hash_mix(key) & cl->tab_mask;
}

/* The list of key, probed from its home slot i. */
static plist *tab_find(const nf_cluster *cl, uint64_t key, size_t i)
{
	while (cl->tab[i].key) {
		if (cl->tab[i].key == key)
			return &cl->tab[i];
		i = (i + 1) & cl->tab_mask;
	}
	return NULL;
}

/* The list of each of v's terms into lists[0..v->n) (NULL for a term
 * with none). Each is a cache miss in a big table, all independent: in
 * two stages (every term's slot fetched, then every list found), they
 * are in flight at once rather than one at a time. */
static void tab_find_all(const nf_cluster *cl, const nf_tvec *v, plist **lists)
{
	size_t home[NF_CLUSTER_TERMS];
	for (uint32_t k = 0; k < v->n; k++) {
		home[k] = tab_home(cl, v->t[k].key);
		__builtin_prefetch(&cl->tab[home[k]]);
	}
	for (uint32_t k = 0; k < v->n; k++)
		lists[k] = tab_find(cl, v->t[k].key, home[k]);
}

static void trim(const nf_cluster *cl, plist *pl)
{
	while (pl->head < pl->len && !live(cl, pl->p[pl->head].seq))
		pl->head++;
}

/* Rebuilds the index table at size slots, dropping lists with no live
 * postings: the table holds the terms of the window, not of the stream. */
static nf_status tab_rebuild(nf_cluster *cl, size_t slots)
{
	plist *old = cl->tab;
	size_t old_n = old ? cl->tab_mask + 1 : 0;
	plist *t = nf_table_calloc(slots, sizeof *t);
	if (!t)
		return NF_ENOMEM;
	size_t mask = slots - 1, used = 0;
	for (size_t k = 0; k < old_n; k++) {
		plist *pl = &old[k];
		if (!pl->key)
			continue;
		trim(cl, pl);
		if (pl->head == pl->len) {
			free(pl->p);
			continue;
		}
		size_t i = (size_t)nf_hash_mix(pl->key) & mask;
		while (t[i].key)
			i = (i + 1) & mask;
		t[i] = *pl;
		used++;
	}
	free(old);
	cl->tab = t;
	cl->tab_mask = mask;
	cl->tab_used = used;
	return NF_OK;
}

static nf_status tab_append(nf_cluster *cl, uint64_t key, uint32_t seq, float w)
{
	if (!cl->tab || (cl->tab_used + 1) * 10 > (cl->tab_mask + 1) * 7) {
		size_t slots = cl->tab ? cl->tab_mask + 1 : 4096;
		/* Compact first; grow when the live terms alone fill half. */
		nf_status st = tab_rebuild(cl, slots);
		if (st)
			return st;
		while ((cl->tab_used + 1) * 2 > slots)
			slots *= 2;
		if (slots != cl->tab_mask + 1 && (st = tab_rebuild(cl, slots)))
			return st;
	}
	size_t i = (size_t)nf_hash_mix(key) & cl->tab_mask;
	while (cl->tab[i].key && cl->tab[i].key != key)
		i = (i + 1) & cl->tab_mask;
	plist *pl = &cl->tab[i];
	if (!pl->key) {
		pl->key = key;
		cl->tab_used++;
	}
	if (pl->len == pl->cap) {
		trim(cl, pl);
		if (pl->head > 0) {
			memmove(pl->p, pl->p + pl->head, (pl->len - pl->head) * sizeof *pl->p);
			pl->len -= pl->head;
			pl->head = 0;
		}
		if (pl->len == pl->cap) {
			uint32_t cap = pl->cap ? pl->cap * 2 : 4;
			posting *p = realloc(pl->p, cap * sizeof *p);
			if (!p)
				return NF_ENOMEM;
			pl->p = p;
			pl->cap = cap;
		}
	}
	pl->p[pl->len++] = (posting){seq, w};
	return NF_OK;
}

/* --- Terms of an article ---------------------------------------------------- */

/* The hash of lexicon entry id for its terms: the entry's own, the XXH3
 * of its string. Read from the entry where it is needed: a copy per
 * batch in an array of its own was filled from the entries anyway, and
 * its filling, growing and reads cost more than they saved (count_terms()
 * and run_batch() 14.6 and 15.4% of the perf samples of two runs, 13.7
 * and 14.0% without). The low bit set, as that copy's mark of a filled
 * slot set it: the terms' keys are unchanged. */
static inline uint64_t lex_hash(const nf_corpus *c, uint32_t id)
{
	return c->lex.entries[id].hash | 1;
}

/* The slot of term key in cl->tf: the key is a mixed hash already
 * (term_key()), its low bits the kind: not mixed again (count_terms()
 * 6.6% of the time to 5.9% by perf's samples). The order of an
 * article's terms is that of cl->tf_slots, whatever their slots. */
static size_t tf_home(uint64_t key, size_t mask)
{
	return (size_t)(key >> 32) & mask;
}

/* Doubles cl->tf: tf_add()'s slow path, apart so that the rest is
 * inlined in count_terms() (2.4 million calls in the synthetic stream's
 * first 10,000 articles). */
static nf_status tf_grow(nf_cluster *cl)
{
	size_t slots = cl->tf ? (cl->tf_mask + 1) * 2 : 1024;
	tf_entry *t = calloc(slots, sizeof *t);
	if (!t)
		return NF_ENOMEM;
	size_t *used = cl->tf_slots.data;
	for (size_t k = 0; k < cl->tf_slots.len; k++) {
		const tf_entry *e = &cl->tf[used[k]];
		size_t i = tf_home(e->key, slots - 1);
		while (t[i].key)
			i = (i + 1) & (slots - 1);
		t[i] = *e;
		used[k] = i;
	}
	free(cl->tf);
	cl->tf = t;
	cl->tf_mask = slots - 1;
	return NF_OK;
}

static inline nf_status tf_add(nf_cluster *cl, uint64_t key, float n, int rare)
{
	nf_status st;
	if (((cl->tf_used + 1) * 2 > cl->tf_mask + 1 || !cl->tf) && (st = tf_grow(cl)))
		return st;
	size_t i = tf_home(key, cl->tf_mask);
	while (cl->tf[i].key && cl->tf[i].key != key)
		i = (i + 1) & cl->tf_mask;
	if (!cl->tf[i].key) {
		size_t *slot = nf_vec_push(&cl->tf_slots, sizeof *slot);
		if (!slot)
			return NF_ENOMEM;
		*slot = i;
		cl->tf[i].key = key;
		cl->tf_used++;
	}
	cl->tf[i].tf += n;
	cl->tf[i].rare |= (uint32_t)rare;
	return NF_OK;
}

/* Term kinds, in a key's two low bits: a number and a word never share a
 * key, and the figures of a vector are known by their keys. */
enum { KIND_STEM = 1, KIND_NUM, KIND_NAME };
#define KIND_MASK 3u

static uint64_t term_key(uint64_t h, int kind)
{
	uint64_t k = nf_hash_mix(h + (uint64_t)kind * 0x9e3779b97f4a7c15ull);
	return (k & ~(uint64_t)KIND_MASK) | (uint64_t)kind;
}

/* Mixed into an age's number, so "25-year-old" and a bare 25 differ. */
#define AGE_SEED 0x61676521ull

static int is_figure(uint64_t key)
{
	return (key & KIND_MASK) == KIND_NUM;
}

static int content_word(const nf_token *t)
{
	return (t->flags & NF_TOK_WORD) && !(t->flags & NF_TOK_STOP) && t->len >= 2;
}

/* A word of a name: capitalised, not a function word, and not capitalised
 * only because it opens the sentence. */
static int name_word(const nf_token *t)
{
	return content_word(t) && (t->flags & NF_TOK_CAP) && !(t->flags & NF_TOK_SSTART);
}

/* Digits a run of numbers joined by "-" or "." from toks[i] spans, with
 * *end its last token: a telephone or case number when 7 or more. */
static size_t number_run(const nf_corpus *c, const nf_token *toks, size_t n, size_t i,
                         size_t *end)
{
	size_t digits = toks[i].len, j = i;
	while (j + 2 < n && (toks[j + 2].flags & NF_TOK_NUM) &&
	       (nf_tok_is(c, &toks[j + 1], "-") || nf_tok_is(c, &toks[j + 1], "."))) {
		j += 2;
		digits += toks[j].len;
	}
	*end = j;
	return digits;
}

/* What a number token of a sentence is to the clusterer. */
enum { FIG_PLAIN, FIG_AGE, FIG_NONE };

/* Reads the number at toks[i]: an age ("25-year-old") is a figure of its
 * own kind, since it names a victim or a suspect where a bare 25 may be
 * anything; a clock time and a telephone number are no figures (a time is
 * told differently by each outlet, a police tip line is the same for all
 * of a city's events). *last is the last token the number takes. */
static int figure_at(const nf_corpus *c, const nf_token *toks, size_t n, size_t i, size_t *last)
{
	static const char *const ages[] = {"year-old", "years-old", "month-old", "months-old"};
	*last = i;
	if (i + 2 < n && nf_tok_is(c, &toks[i + 1], "-")) {
		for (size_t k = 0; k < sizeof ages / sizeof *ages; k++) {
			if (nf_tok_is(c, &toks[i + 2], ages[k])) {
				*last = i + 2;
				return FIG_AGE;
			}
		}
	}
	if (i + 2 < n && nf_tok_is(c, &toks[i + 1], ":") && (toks[i + 2].flags & NF_TOK_NUM)) {
		*last = i + 2;
		return FIG_NONE;
	}
	/* 7 digits: the shortest telephone number without its area code */
	if (number_run(c, toks, n, i, last) >= 7)
		return FIG_NONE;
	*last = i;
	return FIG_PLAIN;
}

/* Counts the terms of toks[0..n), each w times. Pairs of name words are
 * counted in body text only: a headline in title case capitalises every
 * word. */
static nf_status count_terms(nf_cluster *cl, const nf_corpus *c,
                             const nf_token *toks, size_t n, float w, int names)
{
	for (size_t i = 0; i < n; i++) {
		const nf_token *t = &toks[i];
		uint64_t h;
		int kind;
		if (t->flags & NF_TOK_NUM) {
			size_t last;
			int fig = figure_at(c, toks, n, i, &last);
			h = lex_hash(c, t->norm), kind = KIND_NUM;
			i = last;
			if (fig == FIG_NONE)
				continue;
			if (fig == FIG_AGE)
				h = nf_hash_mix(h ^ AGE_SEED);
		} else if (content_word(t)) {
			h = lex_hash(c, t->stem), kind = KIND_STEM;
		} else {
			continue;
		}
		int rare = kind == KIND_NUM || (names && name_word(t));
		nf_status st = tf_add(cl, term_key(h, kind), w, rare);
		if (st)
			return st;
		if (names && i + 1 < n && name_word(t) && name_word(&t[1])) {
			uint64_t a = lex_hash(c, t->norm), b = lex_hash(c, t[1].norm);
			if ((st = tf_add(cl, term_key(a * 31 + b, KIND_NAME), w, 1)))
				return st;
		}
	}
	return NF_OK;
}

/* Length of a headline without a trailing " | Site", " - Site News" or
 * " :: Site": a suffix of up to five words after the last separator,
 * when at least three words stay. */
static size_t headline_len(const char *s)
{
	static const char *const seps[] = {" | ", " :: ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "};
	size_t n = strlen(s), best = n;
	for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
		const char *p = s, *last = NULL;
		while ((p = strstr(p, seps[k])))
			last = p++;
		if (!last)
			continue;
		size_t head = (size_t)(last - s), tail_words = 1, head_words = 1;
		for (const char *q = last + strlen(seps[k]); *q; q++)
			tail_words += *q == ' ';
		for (size_t i = 0; i < head; i++)
			head_words += s[i] == ' ';
		if (tail_words <= 5 && head_words >= 3 && head < best)
			best = head;
	}
	return best;
}

/* Whether [p, end) is letters only (ASCII: slugs are). */
static int all_letters(const char *p, const char *end)
{
	for (; p < end; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
			return 0;
	return 1;
}

/* The end of the slug's word at w: the next "-" or "_", or end. */
static const char *slug_part_end(const char *w, const char *end)
{
	while (w < end && *w != '-' && *w != '_')
		w++;
	return w;
}

/* The words of the URL's slug ("/2016/07/07/3-hurt-near-elm-bar.html"),
 * separated by spaces in out: of the path's segments (an archive's URL
 * wraps the page's, so all of them), the one with the most words of
 * letters joined by "-" or "_", at least SLUG_WORDS; its words and
 * counts, not its ids ("c9f2", "4417902"). Returns their length, 0 when
 * there is none. */
static size_t url_slug(const char *url, char *out, size_t cap)
{
	const char *best = NULL, *best_end = NULL;
	size_t best_words = SLUG_WORDS - 1;
	for (const char *p = url; *p && *p != '?' && *p != '#';) {
		const char *end = p + strcspn(p, "/?#"), *stem = end, *ext = end;
		while (ext > p && ext[-1] != '.')
			ext--;
		if (ext > p && end - ext <= 5 && all_letters(ext, end))
			stem = ext - 1; /* ".html", ".php" */
		size_t words = 0;
		for (const char *w = p, *we; w < stem; w = we + 1) {
			we = slug_part_end(w, stem);
			words += we - w >= 2 && all_letters(w, we);
		}
		if (words > best_words)
			best = p, best_end = stem, best_words = words;
		p = *end == '/' ? end + 1 : end;
	}
	size_t n = 0;
	for (const char *w = best, *we; best && w < best_end; w = we + 1) {
		we = slug_part_end(w, best_end);
		size_t len = (size_t)(we - w);
		int number = len <= 3 && strspn(w, "0123456789") >= len;
		if (len && n + len + 1 < cap && (number || all_letters(w, we))) {
			memcpy(out + n, w, len);
			n += len;
			out[n++] = ' ';
		}
	}
	return n;
}

/* The article's distinct terms with their counts, appended to cl->terms:
 * the headline's and the lead's counted more, a short one's URL slug's
 * too (SLUG_TERMS). */
static nf_status article_terms(nf_cluster *cl, nf_corpus *c, const nf_doc *d)
{
	for (size_t k = 0; k < cl->tf_slots.len; k++) /* after an error */
		cl->tf[((size_t *)cl->tf_slots.data)[k]] = (tf_entry){0, 0, 0};
	cl->tf_slots.len = 0;
	cl->tf_used = 0;
	nf_status st;
	if (d->title) {
		cl->title_toks.len = 0;
		if ((st = nf_text_tokenize(c, d->title, headline_len(d->title), &cl->title_toks)) ||
		    (st = count_terms(cl, c, cl->title_toks.data, cl->title_toks.len, TITLE_TF, 0)))
			return st;
	}
	for (size_t k = 0; k < d->nsents; k++) {
		const nf_sentence *se = &d->sents[k];
		if ((st = count_terms(cl, c, d->toks + se->tok0, se->ntok,
		                      k < LEAD_SENTENCES ? LEAD_TF : 1.0f, 1)))
			return st;
	}
	char slug[512];
	size_t slug_len;
	if (d->url && cl->tf_slots.len <= SLUG_TERMS &&
	    (slug_len = url_slug(d->url, slug, sizeof slug))) {
		cl->title_toks.len = 0;
		if ((st = nf_text_tokenize(c, slug, slug_len, &cl->title_toks)) ||
		    (st = count_terms(cl, c, cl->title_toks.data, cl->title_toks.len, SLUG_TF, 0)))
			return st;
	}
	const size_t *used = cl->tf_slots.data;
	for (size_t k = 0; k < cl->tf_slots.len; k++) {
		tf_entry *e = nf_vec_push(&cl->terms, sizeof *e);
		if (!e)
			return NF_ENOMEM;
		*e = cl->tf[used[k]];
		cl->tf[used[k]] = (tf_entry){0, 0, 0};
	}
	cl->tf_slots.len = 0;
	return NF_OK;
}

/* log((N + 1) / (df + 0.5)) with lnN1 = log(N + 1); the logarithms of
 * small frequencies come from a table, since most terms are rare. */
static float idf(const nf_cluster *cl, uint64_t key, float lnN1)
{
	uint32_t df = cl->df[key >> (64 - cl->df_bits)];
	float w = lnN1 - (df < LOG_TABLE ? cl->log_df[df] : logf((float)df + 0.5f));
	return w > 0 ? w : 0; /* restored counts can exceed N */
}

/* A float's bits as an unsigned integer of the same order (negative
 * numbers flipped whole, the others' sign bit set), and back: keys for
 * a radix select. Of equal floats only -0 and +0 differ. */
static uint32_t order_key(float f)
{
	uint32_t u;
	memcpy(&u, &f, sizeof u);
	return u ^ ((u >> 31) ? UINT32_MAX : 0x80000000u);
}

static float order_value(uint32_t u)
{
	u ^= (u >> 31) ? 0x80000000u : UINT32_MAX;
	float f;
	memcpy(&f, &u, sizeof f);
	return f;
}

/* The k-th largest of keys[0..n), 1 <= k <= n; keys are reordered. A
 * radix select, a byte at a time from the top: the byte's histogram
 * among the keys still in the running, the byte of the k-th largest,
 * the keys with it kept. No comparison of two weights, so none of the
 * mispredicted branches of the quickselect it replaces (whether a weight
 * is above the pivot is a coin toss): keep_heaviest() 3.7% of the time on
 * the synthetic stream's first 45,000 to 2.2%, by perf's samples. */
static uint32_t kth_largest(uint32_t *keys, size_t n, size_t k)
{
	for (int shift = 24; shift >= 0 && n > 1; shift -= 8) {
		uint32_t count[256] = {0};
		for (size_t i = 0; i < n; i++)
			count[keys[i] >> shift & 255]++;
		uint32_t byte = 255;
		for (; count[byte] < k; byte--)
			k -= count[byte];
		size_t m = 0;
		for (size_t i = 0; i < n; i++) {
			keys[m] = keys[i];
			m += (keys[i] >> shift & 255) == byte;
		}
		n = m;
	}
	return keys[0];
}

/* Keeps, in place and in their order, the k heaviest of t[0..n) (the
 * first ones among equals); returns how many are kept. tmp holds n. */
static size_t keep_heaviest(nf_term *t, size_t n, size_t k, uint32_t *tmp)
{
	if (n <= k)
		return n;
	for (size_t i = 0; i < n; i++)
		tmp[i] = order_key(t[i].w);
	/* -0 or +0: the same cut to the float comparisons below */
	float cut = order_value(kth_largest(tmp, n, k));
	size_t above = 0, o = 0;
	for (size_t i = 0; i < n; i++)
		above += t[i].w > cut;
	size_t ties = k - above;
	/* without a branch on each weight, as in kth_largest() */
	for (size_t i = 0; i < n; i++) {
		size_t tie = (t[i].w == cut) & (ties > 0);
		ties -= tie;
		t[o] = t[i];
		o += (t[i].w > cut) | tie;
	}
	return o;
}

/* static void name(const type *in, size_t n, type *out): in[0..n) into
 * out, ascending by the key field and, among equal keys, in the order of
 * in: a counting sort by the key's top bits bits (keys are hashes, which
 * fill the buckets evenly), then an insertion sort of each bucket's few.
 * For the two sorts of the clusterer's hot path, where qsort() through a
 * comparator cost five to ten times as much (below). */
#define BUCKET_SORT(name, type, bits)                                                   \
	static void name(const type *in, size_t n, type *out)                           \
	{                                                                               \
		enum { SHIFT = 64 - (bits) };                                           \
		uint32_t start[(1u << (bits)) + 1] = {0};                               \
		for (size_t i = 0; i < n; i++)                                          \
			start[(in[i].key >> SHIFT) + 1]++;                              \
		for (uint32_t b = 1; b <= 1u << (bits); b++)                            \
			start[b] += start[b - 1];                                       \
		for (size_t i = 0; i < n; i++)                                          \
			out[start[in[i].key >> SHIFT]++] = in[i];                       \
		/* start[b] is now the end of bucket b, the start of bucket b + 1 */ \
		for (uint32_t b = 0, lo = 0; b < 1u << (bits); lo = start[b++]) {       \
			for (uint32_t i = lo + 1; i < start[b]; i++) {                  \
				type x = out[i];                                        \
				uint32_t j = i;                                         \
				for (; j > lo && out[j - 1].key > x.key; j--)           \
					out[j] = out[j - 1];                            \
				out[j] = x;                                             \
			}                                                               \
		}                                                                       \
	}

/* An article's terms by key (n <= NF_CLUSTER_TERMS, keys distinct), in
 * NF_CLUSTER_TERMS buckets. An insertion sort of all n took 80 of the
 * 5,452 million instructions of `newsfuse cluster -q` on the synthetic
 * stream's first 10,000 articles, qsort() five times as much; this takes
 * 29. */
BUCKET_SORT(sort_by_key, nf_term, 6)

/* The fewest articles the document frequency of a name or a number is
 * read against. A stream of a few reports is mostly one story, whose names
 * (the town, the people) and figures are then in every article and would
 * weigh nothing, leaving each report its own story (the five seeds were
 * five stories, an ECB+ topic alone scored BCubed 0.49): names and numbers
 * are rare in the wider world, so their frequency is taken as if the rest
 * of a batch were articles without them. Common words ("river", "flooded",
 * "mayor") keep the stream's own frequency, which tells a few reports of
 * two floods apart. From a batch on (every data set's stream after its
 * first batch) the weights are the stream's own. */
#define IDF_RARE_ARTICLES BATCH

/* Whether the stream is shorter than a batch (IDF_RARE_ARTICLES). */
static int young_stream(const nf_cluster *cl)
{
	return cl->ndf < IDF_RARE_ARTICLES;
}

/* Terms ahead whose document frequency make_vector() fetches: a miss's
 * latency at the few nanoseconds a term's weight takes. */
#define DF_AHEAD 16

/* Terms ahead whose document frequency run_batch() fetches as it counts
 * them: the count takes a nanosecond or two, a miss a hundred. */
#define DF_COUNT_AHEAD 64

/* The unit vector of the NF_CLUSTER_TERMS heaviest of terms[0..n). */
static void make_vector(const nf_cluster *cl, const tf_entry *terms, size_t n,
                        nf_term *scratch, uint32_t *tmp, nf_tvec *v)
{
	float lnN1 = logf((float)cl->ndf + 1);
	float lnN1_rare = young_stream(cl) ? logf((float)IDF_RARE_ARTICLES + 1) : lnN1;
	for (size_t i = 0; i < n; i++) {
		/* the frequencies were counted a batch ago, out of the cache
		 * since: fetched DF_AHEAD terms ahead */
		if (i + DF_AHEAD < n)
			__builtin_prefetch(&cl->df[terms[i + DF_AHEAD].key >> (64 - cl->df_bits)]);
		scratch[i].key = terms[i].key;
		scratch[i].w = (1.0f + logf(terms[i].tf)) *
		               idf(cl, terms[i].key, terms[i].rare ? lnN1_rare : lnN1);
	}
	size_t k = keep_heaviest(scratch, n, NF_CLUSTER_TERMS, tmp);
	double norm = 0;
	for (size_t i = 0; i < k; i++)
		norm += (double)scratch[i].w * scratch[i].w;
	norm = norm > 0 ? sqrt(norm) : 1;
	for (size_t i = 0; i < k; i++)
		scratch[i].w = (float)(scratch[i].w / norm);
	sort_by_key(scratch, k, v->t);
	v->n = (uint32_t)k;
}

/* The hashes of the article's words and numbers, for its shingles. */
static nf_status article_words(nf_cluster *cl, const nf_corpus *c, const nf_doc *d)
{
	/* room for every token at once: a push per word cost 3% of a stream */
	if (d->ntoks > cl->cap_words) {
		uint64_t *w = realloc(cl->words, d->ntoks * sizeof *w);
		if (!w)
			return NF_ENOMEM;
		cl->words = w;
		cl->cap_words = d->ntoks;
	}
	cl->nwords = 0;
	for (size_t i = 0; i < d->ntoks; i++) {
		if (!(d->toks[i].flags & (NF_TOK_WORD | NF_TOK_NUM)))
			continue;
		cl->words[cl->nwords++] = lex_hash(c, d->toks[i].norm);
	}
	return NF_OK;
}

/* --- Assignment ------------------------------------------------------------- */

static int is_name(uint64_t key)
{
	return (key & KIND_MASK) == KIND_NAME;
}

/* Articles of the stream that hold term key (shared counters: at least). */
static uint32_t df_of(const nf_cluster *cl, uint64_t key)
{
	return cl->df[key >> (64 - cl->df_bits)];
}

/* Whether a name is in at most size + NAMES_SLACK articles of the stream. */
static int rare_name(const nf_cluster *cl, uint64_t key, uint32_t size)
{
	return is_name(key) && df_of(cl, key) <= size + NAMES_SLACK;
}

/* An article's terms by key, for its dot products with the stories' sums
 * in story_candidates(): a story's 128 terms are looked up in it instead
 * of merged with the article's 64: 1,600 instructions a story instead of
 * 2,800 (callgrind, the synthetic stream). 256 slots for 64 terms: a
 * missing key (most of a sum's) ends its probe at the first or second. */
#define TERM_TABLE_BITS 8

typedef struct term_table {
	nf_term slot[1u << TERM_TABLE_BITS]; /* key 0: empty (a key holds its kind) */
} term_table;

static void term_table_fill(term_table *tt, const nf_tvec *v)
{
	memset(tt, 0, sizeof *tt);
	for (uint32_t k = 0; k < v->n; k++) {
		uint32_t i = (uint32_t)(v->t[k].key >> (64 - TERM_TABLE_BITS));
		while (tt->slot[i].key)
			i = (i + 1) & ((1u << TERM_TABLE_BITS) - 1);
		tt->slot[i] = v->t[k];
	}
}

/* The dot product of the article in tt with b[0..nb) (ascending keys, so
 * the sum adds in the order of a merge); with names, the names they share
 * that are rare for a story of size articles are counted into it, up to
 * NAMES_MIN (one pass for both, as a story's score needs both). */
static float dot_names(const nf_cluster *cl, const term_table *tt, const nf_term *b, uint32_t nb,
                       uint32_t size, uint32_t *names)
{
	float dot = 0;
	for (uint32_t j = 0; j < nb; j++) {
		uint64_t key = b[j].key;
		uint32_t i = (uint32_t)(key >> (64 - TERM_TABLE_BITS));
		while (tt->slot[i].key && tt->slot[i].key != key)
			i = (i + 1) & ((1u << TERM_TABLE_BITS) - 1);
		if (!tt->slot[i].key)
			continue;
		dot += tt->slot[i].w * b[j].w;
		if (names && *names < NAMES_MIN && rare_name(cl, key, size))
			(*names)++;
	}
	return dot;
}

/* Length of v's figures alone: 0 when it has none. */
static float figures_norm(const nf_tvec *v)
{
	float sq = 0;
	for (uint32_t i = 0; i < v->n; i++)
		if (is_figure(v->t[i].key))
			sq += v->t[i].w * v->t[i].w;
	return sqrtf(sq);
}

/* The length of v's figures as its likeness weighs them: none for a
 * vector of SHORT_TERMS or fewer. */
static float figures_weighed(const nf_tvec *v)
{
	return v->n > SHORT_TERMS ? figures_norm(v) : 0;
}

/* Likeness from a cosine (or an average cosine with a story's articles)
 * and the cosine of the figures, figs < 0 when either side gives none:
 * the numbers of an event (ages, counts, magnitudes, scores, dates) are
 * what two events of one kind differ in, so shared ones add and a pair
 * that both give figures without sharing any loses. Below FIGURES_GATE
 * they add less, with the square of the words' share of it, or with
 * the share itself in a young stream. */
static float likeness(float all, float figs, int young)
{
	if (figs < 0)
		return all;
	if (figs == 0)
		return all - FIGURES_PENALTY;
	float share = all < FIGURES_GATE ? (all > 0 ? all : 0) / FIGURES_GATE : 1;
	return all + FIGURES_WEIGHT * figs * (young ? share : share * share);
}

/* likeness() less penalty (the time rules'), no lower than LIKENESS_FLOOR. */
static float net_likeness(float all, float figs, int young, float penalty)
{
	float score = likeness(all, figs, young) - penalty;
	return score > LIKENESS_FLOOR ? score : LIKENESS_FLOOR;
}

/* --- Stories ------------------------------------------------------------------ */

/* The slot where the probe for story id starts. */
static size_t story_home(const nf_cluster *cl, unsigned long long id)
{
	return (size_t)nf_hash_mix(id) & cl->st_mask;
}

static story_rec *story_find(const nf_cluster *cl, unsigned long long id)
{
	if (!cl->stories)
		return NULL;
	size_t i = story_home(cl, id);
	while (cl->stories[i].id) {
		if (cl->stories[i].id == id)
			return &cl->stories[i];
		i = (i + 1) & cl->st_mask;
	}
	return NULL;
}

/* Rebuilds the story table at size slots, closing the stories none of
 * whose articles is left in the window. */
static nf_status story_rebuild(nf_cluster *cl, size_t slots)
{
	story_rec *old = cl->stories, *t = nf_table_calloc(slots, sizeof *t);
	size_t old_n = old ? cl->st_mask + 1 : 0, used = 0;
	if (!t)
		return NF_ENOMEM;
	for (size_t k = 0; k < old_n; k++) {
		if (!old[k].id)
			continue;
		if (!live(cl, old[k].last_seq)) {
			free(old[k].sum);
			continue;
		}
		size_t i = (size_t)nf_hash_mix(old[k].id) & (slots - 1);
		while (t[i].id)
			i = (i + 1) & (slots - 1);
		t[i] = old[k];
		used++;
	}
	free(old);
	cl->stories = t;
	cl->st_mask = slots - 1;
	cl->st_used = used;
	return NF_OK;
}

static story_rec *story_get(nf_cluster *cl, unsigned long long id)
{
	story_rec *s = story_find(cl, id);
	if (s)
		return s;
	if (!cl->stories || (cl->st_used + 1) * 10 > (cl->st_mask + 1) * 7) {
		size_t slots = cl->stories ? cl->st_mask + 1 : 1024;
		if (story_rebuild(cl, slots))
			return NULL;
		while ((cl->st_used + 1) * 2 > slots)
			slots *= 2;
		if (slots != cl->st_mask + 1 && story_rebuild(cl, slots))
			return NULL;
	}
	size_t i = (size_t)nf_hash_mix(id) & cl->st_mask;
	while (cl->stories[i].id)
		i = (i + 1) & cl->st_mask;
	s = &cl->stories[i];
	if (!(s->sum = malloc((STORY_TERMS + STORY_FIGURES) * sizeof *s->sum)))
		return NULL;
	s->figs = s->sum + STORY_TERMS;
	s->id = id;
	cl->st_used++;
	return s;
}

/* Adds add[0..na) to sum[0..*n) (both ascending by key), keeping the cap
 * heaviest terms; returns the dot product of the two before. */
static double add_to_sum(nf_cluster *cl, nf_term *sum, uint32_t *n, uint32_t cap,
                         const nf_term *add, uint32_t na)
{
	nf_term *m = cl->merge;
	uint32_t i = 0, j = 0, o = 0;
	double dot = 0;
	while (i < *n || j < na) {
		if (j == na || (i < *n && sum[i].key < add[j].key)) {
			m[o++] = sum[i++];
		} else if (i == *n || add[j].key < sum[i].key) {
			m[o++] = add[j++];
		} else {
			dot += (double)sum[i].w * add[j].w;
			m[o] = sum[i++];
			m[o++].w += add[j++].w;
		}
	}
	o = (uint32_t)keep_heaviest(m, o, cap, cl->merge_w);
	memcpy(sum, m, o * sizeof *m);
	*n = o;
	return dot;
}

/* Adds article seq, of vector v, to story s: its terms to the sum, its
 * cosines with the story's articles (the dot product with the sum, before
 * v is in it) to the pairs' total, its figures to the figures' sum. */
static void story_add(nf_cluster *cl, story_rec *s, const nf_tvec *v, uint32_t seq)
{
	s->inner += add_to_sum(cl, s->sum, &s->n, STORY_TERMS, v->t, v->n);
	nf_term figs[NF_CLUSTER_TERMS];
	uint32_t nf = 0;
	float norm = figures_norm(v);
	for (uint32_t k = 0; k < v->n && norm > 0; k++)
		if (is_figure(v->t[k].key))
			figs[nf++] = (nf_term){v->t[k].key, v->t[k].w / norm};
	add_to_sum(cl, s->figs, &s->nfig, STORY_FIGURES, figs, nf);
	s->size++;
	s->last_seq = seq;
}

/* Average cosine of the story's pairs of articles; 0 for one article. */
static double story_cohesion(const story_rec *s)
{
	double pairs = (double)s->size * (s->size - 1) / 2;
	return pairs > 0 ? s->inner / pairs : 0;
}

static int32_t day_gap(int32_t a, int32_t b)
{
	if (a == NF_NO_DAY || b == NF_NO_DAY)
		return 0;
	return a > b ? a - b : b - a;
}

/* Days between two articles (their dates, their event days) for the time
 * rules: the lesser of their dates' gap and their events' (EVENT_SENTENCES;
 * a report that names no day of its event is taken to be of its own
 * date's), 0 when either date is unknown (two undated reports are judged
 * on their words alone); *differ is set when both name their event's day
 * and those are EVENT_DAYS_APART or more apart. */
static int32_t days_apart(int32_t a_day, int32_t a_event, int32_t b_day, int32_t b_event,
                          int *differ)
{
	int32_t days = day_gap(a_day, b_day);
	int32_t events = day_gap(a_event != NF_NO_DAY ? a_event : a_day,
	                         b_event != NF_NO_DAY ? b_event : b_day);
	*differ = a_event != NF_NO_DAY && b_event != NF_NO_DAY && events >= EVENT_DAYS_APART;
	return events < days ? events : days;
}

/* Whether two articles (or an article and a story's closest one) days
 * apart are too far apart for one story without a rare name shared. */
static int unnamed_far(int32_t days, int rare_names)
{
	return !rare_names && days > NAMED_DAYS;
}

/* Likeness lost to the days between two articles, counted up to
 * NAMES_DAYS when they share rare names, and to event days that differ. */
static float time_penalty(int32_t days, int rare_names, int events_differ)
{
	int32_t most = rare_names ? NAMES_DAYS : TIME_DAYS_MAX;
	return (float)(TIME_SLOPE * log1p(days < most ? days : most)) +
	       (events_differ ? EVENT_PENALTY : 0);
}

static void sift_down(cand *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && h[l].acc < h[m].acc)
			m = l;
		if (l + 1 < n && h[l + 1].acc < h[m].acc)
			m = l + 1;
		if (m == i)
			return;
		cand t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

/* Keeps in c[0..k) the k candidates of highest acc among c[0..n), n > k:
 * a min-heap of the best k so far, O(n log k). */
static void select_top(cand *c, size_t n, size_t k)
{
	for (size_t i = k / 2; i-- > 0;)
		sift_down(c, k, i);
	for (size_t i = k; i < n; i++) {
		if (c[i].acc <= c[0].acc)
			continue;
		c[0] = c[i];
		sift_down(c, k, 0);
	}
}

/* Terms of a story's sum in a cache line. */
#define SUM_LINE (CACHE_LINE / sizeof(nf_term))

/* Stories whose sums are fetched ahead of the one scored: more fill the
 * miss buffers (by perf's samples on the synthetic stream's first
 * 45,000, story_candidates() took 18.5%, 19.6% and 20.0% of the time
 * at 1, 2 and 3). */
#define SUMS_AHEAD 1

/* Starts the fetch of a story's sums, 2.5 KiB each, cold when a query
 * meets it. */
static void prefetch_sums(const story_rec *s)
{
	for (uint32_t j = 0; j < s->n; j += SUM_LINE)
		__builtin_prefetch(&s->sum[j]);
	for (uint32_t j = 0; j < s->nfig; j += SUM_LINE)
		__builtin_prefetch(&s->figs[j]);
}

/* Likeness of two articles, or of an article and a story, that are too
 * far apart (in days or in the window) to be of one story. */
#define NO_LINK (-1.0f)

/* Likeness of the article in tt (whose figures have length vfigs:
 * figures_weighed()) to story s, whose link_days and link_differ are set
 * for it: its average cosine with the story's articles (the dot product
 * with their summed vectors over their number, as average linkage has
 * it) and with their figures, less the time penalty for the days
 * between it and the story's candidate closest to it (NO_LINK when that
 * is too far without a rare name shared). */
static float story_score(const nf_cluster *cl, const term_table *tt, float vfigs,
                         const story_rec *s)
{
	float figs = -1;
	uint32_t names = 0;
	float all = dot_names(cl, tt, s->sum, s->n, s->size,
	                      s->link_days > NAMES_DAYS ? &names : NULL) /
	            (float)s->size;
	if (vfigs > 0 && s->nfig > 0) {
		figs = dot_names(cl, tt, s->figs, s->nfig, s->size, NULL) /
		       (vfigs * (float)s->size);
	}
	if (unnamed_far(s->link_days, names >= NAMES_MIN))
		return NO_LINK;
	return net_likeness(all, figs, young_stream(cl),
	                    time_penalty(s->link_days, names >= NAMES_MIN, s->link_differ));
}

/* Postings in a cache line, and the lines of postings
 * fetched ahead of story_candidates()'s accumulation: enough to cover a
 * miss's latency at a few nanoseconds a posting. By perf's samples on
 * the synthetic stream's first 45,000, story_candidates() took 20.8%,
 * 19.5%, 18.6% and 19.5% of the time at 8, 16, 32 and 64 lines. */
#define POSTINGS_LINE (CACHE_LINE / sizeof(posting))
#define POSTINGS_AHEAD 32

/* A cursor over the postings of lists[order[0..n)], in the order they
 * are accumulated: list i, and the address of its next line to fetch. */
typedef struct prefetcher {
	plist *const *lists;
	const uint64_t *order;
	uint32_t n, i;
	uintptr_t at; /* 0: at the start of list i */
} prefetcher;

/* Starts the fetch of the cursor's next lines lines of postings. The
 * addresses are of whole lines, the first one's perhaps before the list,
 * so they are kept as integers, not pointers into it. */
static void prefetch_postings(prefetcher *pf, size_t lines)
{
	while (lines && pf->i < pf->n) {
		const plist *pl = pf->lists[(uint32_t)pf->order[pf->i]];
		uintptr_t end = (uintptr_t)(pl->p + pl->len);
		if (!pf->at)
			pf->at = (uintptr_t)(pl->p + pl->head) & ~(uintptr_t)(CACHE_LINE - 1);
		for (; lines && pf->at < end; lines--, pf->at += CACHE_LINE)
			__builtin_prefetch((const void *)pf->at);
		if (pf->at >= end) {
			pf->i++;
			pf->at = 0;
		}
	}
}

/* The stories of the recent articles that share terms with v, each with
 * v's likeness to it, into out[0 .. *nout) (at most MAX_CANDIDATES). */
static nf_status story_candidates(nf_cluster *cl, const nf_tvec *v, story_like *out,
                                  uint32_t *nout)
{
	*nout = 0;
	/* Rarest terms first, until the budget of postings is spent: names,
	 * streets and figures find the candidates; the common terms that the
	 * budget leaves out still count in the exact scores below. */
	uint64_t order[NF_CLUSTER_TERMS]; /* a list's length << 32 | its term */
	plist *lists[NF_CLUSTER_TERMS];
	uint32_t nl = 0;
	if (!cl->tab)
		return NF_OK;
	tab_find_all(cl, v, lists);
	for (uint32_t k = 0; k < v->n; k++)
		if (lists[k])
			__builtin_prefetch(&lists[k]->p[lists[k]->head]);
	for (uint32_t k = 0; k < v->n; k++) {
		plist *pl = lists[k];
		if (!pl)
			continue;
		trim(cl, pl);
		if (pl->len == pl->head)
			continue;
		lists[k] = pl;
		order[nl++] = (uint64_t)(pl->len - pl->head) << 32 | k;
	}
	/* insertion sort, n <= 64, by length then term: one comparison of
	 * integers a step (through the lists it took 85 of 5,774 million
	 * instructions on the synthetic stream's first 10,000, this 59) */
	for (uint32_t i = 1; i < nl; i++) {
		uint64_t x = order[i];
		uint32_t j = i;
		for (; j > 0 && order[j - 1] > x; j--)
			order[j] = order[j - 1];
		order[j] = x;
	}
	size_t budget = POSTINGS_BUDGET;
	uint32_t nb = 0; /* the lists the budget reaches */
	for (; nb < nl; nb++) {
		const plist *pl = lists[(uint32_t)order[nb]];
		if (pl->len - pl->head > budget)
			break;
		budget -= pl->len - pl->head;
	}
	/* Those lists' postings are a few hundred cold lines, a list of a
	 * rare term too short for the hardware to see a stream in: they are
	 * fetched POSTINGS_AHEAD lines ahead of the accumulation. */
	prefetcher pf = {lists, order, nb, 0, 0};
	prefetch_postings(&pf, POSTINGS_AHEAD);
	/* in locals: a store to touched could otherwise be to cl's fields,
	 * which the compiler then reloads at every posting */
	float *acc = cl->acc;
	uint32_t *touched = cl->touched, ring_mask = cl->ring_cap - 1;
	size_t nt = 0;
	for (uint32_t i = 0; i < nb; i++) {
		uint32_t k = (uint32_t)order[i];
		const plist *pl = lists[k];
		const posting *post = pl->p;
		float vw = v->t[k].w;
		prefetch_postings(&pf, (pl->len - pl->head + POSTINGS_LINE - 1) / POSTINGS_LINE);
		for (uint32_t p = pl->head, end = pl->len; p < end; p++) {
			uint32_t slot = post[p].seq & ring_mask;
			float w = vw * post[p].w;
			/* a term of idf 0 (a frequency counter shared by common
			 * terms, or restored, can exceed the articles counted) adds
			 * nothing, and an accumulator at 0 must mean an article not
			 * yet touched: touched holds one entry per article */
			if (w <= 0)
				continue;
			/* without a branch: whether an article is new to the
			 * query is a coin toss the predictor loses */
			touched[nt] = post[p].seq;
			nt += acc[slot] == 0;
			acc[slot] += w;
		}
	}
	/* The articles whose dot product over the indexed terms is highest
	 * are scored exactly (the skipped common terms add a little). */
	float floor = (float)cl->threshold * 0.5f;
	size_t nc = 0;
	for (size_t i = 0; i < nt; i++) {
		uint32_t seq = cl->touched[i], slot = seq & (cl->ring_cap - 1);
		float a = cl->acc[slot];
		cl->acc[slot] = 0;
		if (a >= floor)
			cl->cands[nc++] = (cand){seq, a};
	}
	if (nc > MAX_CANDIDATES) {
		select_top(cl->cands, nc, MAX_CANDIDATES);
		nc = MAX_CANDIDATES;
	}
	/* The same for the candidates: their records, then their stories,
	 * each a cold line (the stories' sums are fetched as they are
	 * scored, below). */
	for (size_t i = 0; i < nc; i++) {
		const rec *r = rec_of(cl, cl->cands[i].seq);
		__builtin_prefetch(&r->story);
	}
	for (size_t i = 0; cl->stories && i < nc; i++)
		__builtin_prefetch(&cl->stories[story_home(cl, rec_of(cl, cl->cands[i].seq)->story)]);
	cl->query++;
	cl->seen.len = 0;
	for (size_t i = 0; i < nc; i++) {
		rec *r = rec_of(cl, cl->cands[i].seq);
		story_rec *s = story_find(cl, r->story);
		if (!s || (uint32_t)day_gap(v->day, r->day) > cl->window_days)
			continue;
		int differ;
		int32_t days = days_apart(v->day, v->event_day, r->day, r->event_day, &differ);
		if (s->mark == cl->query) {
			/* the closest in time of the story's candidates */
			if (days < s->link_days || (days == s->link_days && !differ))
				s->link_days = days, s->link_differ = differ;
			continue;
		}
		story_rec **slotp = nf_vec_push(&cl->seen, sizeof *slotp);
		if (!slotp)
			return NF_ENOMEM;
		*slotp = s;
		s->mark = cl->query;
		s->link_days = days, s->link_differ = differ;
	}
	story_rec **seen = cl->seen.data;
	float vfigs = figures_weighed(v);
	term_table tt;
	/* the first stories' sums come while the table is filled, each
	 * next one's while the one SUMS_AHEAD before it is scored */
	for (size_t i = 0; i < SUMS_AHEAD && i < cl->seen.len; i++)
		prefetch_sums(seen[i]);
	if (cl->seen.len)
		term_table_fill(&tt, v);
	for (size_t i = 0; i < cl->seen.len; i++) {
		if (i + SUMS_AHEAD < cl->seen.len)
			prefetch_sums(seen[i + SUMS_AHEAD]);
		out[(*nout)++] = (story_like){seen[i]->id,
		                              story_score(cl, &tt, vfigs, seen[i])};
	}
	return NF_OK;
}

/* The slot of band key in the copy finder's table. */
static lsh_slot *lsh_of(const nf_cluster *cl, uint64_t key)
{
	return &cl->lsh[key & ((1u << cl->lsh_bits) - 1)];
}

/* Whether articles of days a and b are near enough in time for one to
 * copy the other (COPY_DAYS, and within the window). */
static int copy_near(const nf_cluster *cl, int32_t a, int32_t b)
{
	uint32_t days = (uint32_t)day_gap(a, b);
	return days <= COPY_DAYS && days <= cl->window_days;
}

/* The earlier article of the window (in days too) that v nearly
 * duplicates, or NULL. */
static rec *find_copy(nf_cluster *cl, const nf_tvec *v, size_t shingles)
{
	if (!shingles || !cl->lsh)
		return NULL;
	rec *best = NULL;
	double best_sim = COPY_JACCARD;
	for (int b = 0; b < NF_MINHASH_BANDS; b++) {
		uint64_t key = nf_minhash_band(v->sig, b);
		const lsh_slot *s = lsh_of(cl, key);
		if (!key || s->key != key || !live(cl, s->seq))
			continue;
		rec *r = rec_of(cl, s->seq);
		if (!copy_near(cl, v->day, r->v.day))
			continue;
		double sim = nf_minhash_similarity(v->sig, r->v.sig);
		if (sim >= best_sim) {
			best_sim = sim;
			best = r;
		}
	}
	return best;
}

/* Puts v into the window as article next_seq of story. */
static nf_status remember(nf_cluster *cl, const char *id, unsigned long long story,
                          const nf_tvec *v, int has_shingles)
{
	if (cl->next_seq == UINT32_MAX)
		return nf_error(cl->ctx, NF_ETOOBIG, "more than %u articles in one clusterer",
		                UINT32_MAX - 1);
	if (cl->next_seq == cl->ring_cap && cl->ring_cap < cl->ring_max) {
		uint32_t cap = cl->ring_cap ? cl->ring_cap * 2 : cl->ring_max < 1024 ? cl->ring_max : 1024;
		/* realloc(), which moves the pages rather than copy them: fresh
		 * memory costs most where a virtual machine backs it (in huge
		 * pages, the part moved stays in small ones) */
		rec *r = nf_pages_huge(realloc(cl->ring, cap * sizeof *r), cap * sizeof *r);
		float *acc = r ? realloc(cl->acc, cap * sizeof *acc) : NULL;
		if (r)
			cl->ring = r;
		if (acc)
			cl->acc = acc;
		/* one past the articles: story_candidates() writes an entry
		 * before it knows whether to keep it */
		uint32_t *touched = acc ? realloc(cl->touched, ((size_t)cap + 1) * sizeof *touched) : NULL;
		if (touched)
			cl->touched = touched;
		cand *cands = touched ? realloc(cl->cands, cap * sizeof *cands) : NULL;
		if (!cands)
			return nf_error(cl->ctx, NF_ENOMEM, "out of memory");
		cl->cands = cands;
		memset(cl->ring + cl->ring_cap, 0, (cap - cl->ring_cap) * sizeof *r);
		memset(cl->acc + cl->ring_cap, 0, (cap - cl->ring_cap) * sizeof *acc);
		cl->ring_cap = cap;
	}
	uint32_t seq = cl->next_seq;
	rec *r = rec_of(cl, seq);
	free(r->id);
	r->id = strdup(id ? id : "");
	if (!r->id)
		return nf_error(cl->ctx, NF_ENOMEM, "out of memory");
	r->story = story;
	r->day = v->day;
	r->event_day = v->event_day;
	r->v = *v;
	story_rec *s = story_get(cl, story);
	if (!s)
		return nf_error(cl->ctx, NF_ENOMEM, "out of memory");
	cl->next_seq++;
	story_add(cl, s, v, seq);
	/* the lists' ends, fetched for all the terms before any is
	 * appended to */
	if (cl->tab) {
		plist *lists[NF_CLUSTER_TERMS];
		tab_find_all(cl, v, lists);
		for (uint32_t k = 0; k < v->n; k++)
			if (lists[k])
				__builtin_prefetch(lists[k]->p + lists[k]->len, 1);
	}
	for (uint32_t k = 0; k < v->n; k++)
		if (tab_append(cl, v->t[k].key, seq, v->t[k].w))
			return nf_error(cl->ctx, NF_ENOMEM, "out of memory");
	if (has_shingles) {
		if (!cl->lsh && !(cl->lsh = nf_table_calloc((size_t)1 << cl->lsh_bits, sizeof *cl->lsh)))
			return nf_error(cl->ctx, NF_ENOMEM, "out of memory");
		for (int b = 0; b < NF_MINHASH_BANDS; b++) {
			uint64_t key = nf_minhash_band(v->sig, b);
			if (key)
				*lsh_of(cl, key) = (lsh_slot){key, seq};
		}
	}
	return NF_OK;
}

/* --- Batches ------------------------------------------------------------------ */

#define NO_NODE UINT32_MAX

/* An article of the slice being assigned, from its vector to its story. */
typedef struct batch_art {
	nf_doc *d;
	nf_tvec v;
	size_t shingles;
	uint64_t bands[NF_MINHASH_BANDS];
	size_t term0, nterms;       /* its distinct terms in cl->terms */
	float figs;                 /* length of its figures (figures_weighed) */
	int year;                   /* the year it states (undated only), or 0 */
	const char *copy_of;        /* id of the article it copies, or NULL */
	float copy_sim;
	int32_t orig;               /* slice index of that article, or -1 */
	uint32_t node;              /* its item in the batch linkage; NO_NODE when
	                               its story is fixed as a copy's */
	unsigned long long story;   /* 0 until decided; for a node, 0 = new */
	float score;
	uint32_t ncands;
	story_like cands[MAX_CANDIDATES];
} batch_art;

/* Articles of a slice ahead of the one being assigned whose band keys
 * are fetched: its candidates take longer than a miss. */
#define BANDS_AHEAD 2

/* Slots of cl->bands: room for the bands of BATCH articles at a quarter
 * full, so that a probe for a band no earlier article has (nearly every
 * one) ends at once. */
#define SLICE_BANDS (4 * BATCH * NF_MINHASH_BANDS)

static uint32_t band_slot(uint64_t value, int band)
{
	return (uint32_t)(((value + (uint64_t)band * 0x9e3779b97f4a7c15ull) * 0xff51afd7ed558ccdull) >>
	                  40) % SLICE_BANDS;
}

/* Sets in shares the bit of every earlier article of the slice that has
 * one of a's bands (a = slice[k]), then adds a's bands for the articles
 * after it. A band of 0 is none (an article without shingles). Looking
 * the bands up replaced testing slice[k]'s against every earlier
 * article's, 181 of the 5,750 million instructions of `newsfuse cluster
 * -q` on the synthetic stream's first 10,000 articles (callgrind); the
 * look-ups take 3. */
static void slice_bands(nf_cluster *cl, const batch_art *a, size_t k, uint64_t *shares)
{
	for (int x = 0; x < NF_MINHASH_BANDS; x++) {
		if (!a->bands[x])
			continue;
		uint32_t i = band_slot(a->bands[x], x);
		for (; cl->bands[i].stamp == cl->band_stamp; i = (i + 1) % SLICE_BANDS) {
			const slice_band *e = &cl->bands[i];
			if (e->value == a->bands[x] && e->band == x)
				shares[e->art / 64] |= 1ull << (e->art % 64);
		}
		cl->bands[i] = (slice_band){a->bands[x], cl->band_stamp, (uint16_t)x, (uint16_t)k};
	}
}

/* The copy original of slice[k]: the earlier article, of the window or of
 * the slice, whose estimated shingle similarity is highest and at least
 * COPY_JACCARD. Fixes slice[k]'s story when the original's is known. */
static nf_status find_original(nf_cluster *cl, nf_corpus *c, batch_art *slice, size_t k)
{
	batch_art *a = &slice[k];
	a->orig = -1;
	rec *r = find_copy(cl, &a->v, a->shingles);
	double best = r ? nf_minhash_similarity(a->v.sig, r->v.sig) : COPY_JACCARD;
	uint64_t shares[BATCH / 64] = {0}; /* a bit for each article of the slice */
	slice_bands(cl, a, k, shares);
	/* the slice's articles are consecutive: k - j apart in the window */
	size_t lo = k > cl->ring_max ? k - cl->ring_max : 0;
	for (size_t w = lo / 64; w < BATCH / 64; w++) {
		for (uint64_t bits = shares[w]; bits; bits &= bits - 1) {
			size_t j = w * 64 + (size_t)__builtin_ctzll(bits);
			const batch_art *b = &slice[j];
			if (j < lo || !copy_near(cl, a->v.day, b->v.day))
				continue;
			double sim = nf_minhash_similarity(a->v.sig, b->v.sig);
			if (sim >= best) {
				best = sim;
				a->orig = (int32_t)j;
			}
		}
	}
	if (a->orig >= 0) {
		const batch_art *o = &slice[a->orig];
		a->copy_of = o->d->id ? o->d->id : "";
		if (o->node == NO_NODE)
			a->story = o->story;
	} else if (r) {
		/* the ring slot may be reused before this article's callback */
		if (!(a->copy_of = nf_arena_strdup(&c->arena, r->id)))
			return NF_ENOMEM;
		a->story = r->story;
	}
	a->copy_sim = (float)best;
	return NF_OK;
}

/* The 4-digit year token t is, or 0. */
static int year_of(const nf_corpus *c, const nf_token *t)
{
	if (!(t->flags & NF_TOK_NUM))
		return 0;
	const nf_lex_entry *e = &c->lex.entries[t->norm];
	if (e->len != 4)
		return 0;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (e->str[i] < '0' || e->str[i] > '9')
			return 0;
		y = y * 10 + (e->str[i] - '0');
	}
	return y >= YEAR_FIRST && y <= YEAR_LAST ? y : 0;
}

/* The year d states for its event (YEAR_SENTENCES), or 0. */
static int stated_year(const nf_corpus *c, const nf_doc *d)
{
	int lead = 0, latest = 0;
	for (size_t s = 0; s < d->nsents; s++) {
		const nf_sentence *se = &d->sents[s];
		for (size_t i = 0; i < se->ntok; i++) {
			int y = year_of(c, &d->toks[se->tok0 + i]);
			if (y > latest)
				latest = y;
			if (s < YEAR_SENTENCES && y > lead)
				lead = y;
		}
	}
	return lead == latest ? lead : 0;
}

/* d's event day (EVENT_SENTENCES) into *out, NF_NO_DAY when none; w
 * holds the date words of d's corpus classified so far. */
static nf_status event_day(const nf_corpus *c, const nf_doc *d, nf_date_words *w, int32_t *out)
{
	*out = NF_NO_DAY;
	/* undated, only a full date ("May 3, 2008") names a day (dates.c) */
	int32_t own = nf_date_valid(d->published) ? (int32_t)nf_date_days(d->published) : INT32_MAX;
	int32_t earliest = NF_NO_DAY;
	for (size_t s = 0; s < d->nsents && s < EVENT_SENTENCES; s++) {
		const nf_sentence *se = &d->sents[s];
		nf_status st = nf_date_words_add(w, c, d->toks + se->tok0, se->ntok);
		if (st)
			return st;
		nf_date when;
		nf_date_kind k = nf_date_find(w, d->text, d->toks + se->tok0, se->ntok, d->published,
		                              0, &when);
		/* a week ("last week") names no day */
		if (k == NF_DX_NONE || k == NF_DX_WEEK || !nf_date_valid(when))
			continue;
		int32_t day = (int32_t)nf_date_days(when);
		if (day <= own && (earliest == NF_NO_DAY || day < earliest))
			earliest = day;
	}
	*out = earliest;
	return NF_OK;
}

/* A term of a slice's article, for finding the pairs that share it. */
typedef struct slice_term {
	uint64_t key;
	uint32_t node;
	float w;
} slice_term;

/* A batch's terms by key, each key's run in the order pair_scores()
 * writes them (ascending by node): a batch's 16,384 entries at most in
 * 2,048 buckets (a term that many articles share keeps its run in one
 * bucket). It replaced qsort() through a comparator, 398 million of the
 * 6.24 billion instructions of `newsfuse cluster -q` on the synthetic
 * stream's first 10,000 articles (callgrind); this takes 40 million. */
BUCKET_SORT(sort_slice_terms, slice_term, 11)

/* In pair_names: the pair shares a name in RAREST_DF articles or fewer. */
#define NAME_RAREST 0x80u

/* cl->pair for the slice's m nodes. The dot products come from the
 * nodes' terms sorted by key, each run of one term adding to the pairs
 * that share it: articles share few of their heaviest terms, so this costs
 * the shared postings, not m * m merges of vectors (a third of the
 * clusterer's time on gva-dev when it did). */
/* Whether the slice's articles i and j are within the window of each
 * other, in articles (the slice's are consecutive in it) and in days. */
static int in_window(const nf_cluster *cl, const batch_art *slice, uint32_t i, uint32_t j)
{
	return (i > j ? i - j : j - i) < cl->ring_max &&
	       (uint32_t)day_gap(slice[i].v.day, slice[j].v.day) <= cl->window_days;
}

static nf_status pair_scores(nf_cluster *cl, batch_art *slice, const uint32_t *node_art,
                             size_t m)
{
	size_t ne = 0;
	for (size_t p = 0; p < m; p++)
		ne += slice[node_art[p]].v.n;
	slice_term *in = malloc((ne ? 2 * ne : 1) * sizeof *in);
	if (!in)
		return NF_ENOMEM;
	slice_term *e = in + ne;
	ne = 0;
	for (size_t p = 0; p < m; p++) {
		batch_art *a = &slice[node_art[p]];
		a->figs = figures_weighed(&a->v);
		for (uint32_t k = 0; k < a->v.n; k++)
			in[ne++] = (slice_term){a->v.t[k].key, (uint32_t)p, a->v.t[k].w};
	}
	sort_slice_terms(in, ne, e);
	float *dot = cl->pair, *fig = cl->pair_figs;
	uint8_t *names = cl->pair_names;
	memset(dot, 0, m * m * sizeof *dot);
	memset(fig, 0, m * m * sizeof *fig);
	memset(names, 0, m * m);
	for (size_t i = 0, j; i < ne; i = j) {
		for (j = i + 1; j < ne && e[j].key == e[i].key; j++)
			;
		float *into = is_figure(e[i].key) ? fig : NULL;
		/* a lone term pairs nothing: its frequency is not looked up */
		int rare = j - i > 1 && rare_name(cl, e[i].key, 1);
		int rarest = rare && df_of(cl, e[i].key) <= RAREST_DF;
		for (size_t x = i; x < j; x++) {
			for (size_t y = x + 1; y < j; y++) {
				size_t at = e[x].node * m + e[y].node; /* node e[x] < node e[y] */
				float w = e[x].w * e[y].w;
				dot[at] += w;
				if (into)
					into[at] += w;
				if (rare && (names[at] & ~NAME_RAREST) < NAMES_MIN)
					names[at]++;
				if (rarest)
					names[at] |= NAME_RAREST;
			}
		}
	}
	free(in);
	int young = young_stream(cl);
	for (size_t p = 0; p < m; p++) {
		const batch_art *a = &slice[node_art[p]];
		dot[p * m + p] = 0;
		for (size_t q = p + 1; q < m; q++) {
			const batch_art *b = &slice[node_art[q]];
			float sc = NO_LINK;
			int named = (names[p * m + q] & ~NAME_RAREST) >= NAMES_MIN;
			float days_weigh = names[p * m + q] & NAME_RAREST ? RAREST_TIME : 1;
			int differ;
			int32_t days = days_apart(a->v.day, a->v.event_day, b->v.day, b->v.event_day,
			                          &differ);
			if (in_window(cl, slice, node_art[p], node_art[q]) && !unnamed_far(days, named)) {
				float figs = a->figs > 0 && b->figs > 0 ? fig[p * m + q] / (a->figs * b->figs) : -1;
				sc = net_likeness(dot[p * m + q], figs, young,
				                  days_weigh * time_penalty(days, named, differ));
			}
			cl->pair_cos[p * m + q] = dot[p * m + q];
			dot[p * m + q] = dot[q * m + p] = sc;
		}
	}
	return NF_OK;
}

/* Reports a group of follow-ups needs to be joined to its event's
 * reports of the same batch by join_follow_ups() (1: 0.9510 / 0.9508, a
 * report alone joining another event's; 3: 0.9513 / 0.9502). */
#define FOLLOW_MIN 2

/* Where the pair of nodes x and y is in the batch's upper-triangle
 * matrices (pair_cos, pair_figs, pair_names). */
static size_t upper(size_t x, size_t y, size_t m)
{
	return x < y ? x * m + y : y * m + x;
}

/* The members of each group of the batch's linkage (cl->group), as
 * lists, with their number, first date and summed likeness within. */
typedef struct batch_groups {
	uint32_t head[BATCH], next[BATCH], size[BATCH];
	int32_t first[BATCH]; /* NF_NO_DAY when any member is undated */
	double inner[BATCH];
} batch_groups;

static void list_groups(const nf_cluster *cl, const batch_art *slice, const uint32_t *node_art,
                        size_t m, batch_groups *bg)
{
	const uint32_t *g = cl->group;
	for (size_t x = 0; x < m; x++) {
		bg->head[x] = UINT32_MAX;
		bg->size[x] = 0;
		bg->inner[x] = 0;
		bg->first[x] = INT32_MAX;
	}
	for (size_t x = m; x-- > 0;) {
		uint32_t r = g[x];
		int32_t day = slice[node_art[x]].v.day;
		for (uint32_t y = bg->head[r]; y != UINT32_MAX; y = bg->next[y])
			bg->inner[r] += cl->pair[x * m + y];
		bg->next[x] = bg->head[r];
		bg->head[r] = (uint32_t)x;
		bg->size[r]++;
		if (bg->first[r] != NF_NO_DAY)
			bg->first[r] = day == NF_NO_DAY ? NF_NO_DAY : day < bg->first[r] ? day : bg->first[r];
	}
}

/* Likeness of the batch's group from to its group to as story_score()
 * reads a group's member and a story: each member's average cosine and
 * figures with to's members, less the time penalty of the days to to's
 * member closest to it; averaged over from's members. NO_LINK when no
 * pair of them shares a rare name. */
static float group_likeness(const nf_cluster *cl, const batch_art *slice, const uint32_t *node_art,
                            size_t m, const batch_groups *bg, uint32_t from, uint32_t to)
{
	int young = young_stream(cl), any_named = 0;
	double sum = 0;
	for (uint32_t x = bg->head[from]; x != UINT32_MAX; x = bg->next[x]) {
		const batch_art *a = &slice[node_art[x]];
		double cos = 0, figs = 0;
		int with_figs = 0, named = 0, differ = 0;
		int32_t days = INT32_MAX;
		for (uint32_t y = bg->head[to]; y != UINT32_MAX; y = bg->next[y]) {
			const batch_art *b = &slice[node_art[y]];
			size_t at = upper(x, y, m);
			cos += cl->pair_cos[at];
			if (a->figs > 0 && b->figs > 0) {
				figs += cl->pair_figs[at] / (a->figs * b->figs);
				with_figs = 1;
			}
			named |= (cl->pair_names[at] & ~NAME_RAREST) >= NAMES_MIN;
			if (!in_window(cl, slice, node_art[x], node_art[y]))
				continue;
			int d;
			int32_t n = days_apart(a->v.day, a->v.event_day, b->v.day, b->v.event_day, &d);
			if (n < days || (n == days && !d))
				days = n, differ = d;
		}
		any_named |= named;
		float n = (float)bg->size[to];
		sum += days == INT32_MAX || unnamed_far(days, named)
		           ? NO_LINK
		           : net_likeness((float)cos / n, with_figs ? (float)figs / n : -1, young,
		                          time_penalty(days, named, differ));
	}
	return any_named ? (float)(sum / bg->size[from]) : NO_LINK;
}

/* Joins groups of the batch's linkage that are one event's reports and
 * its follow-ups weeks on (an arrest, a hearing, a sentencing) as the
 * follow-ups would join the reports' story in a later batch: the linkage
 * reads the time rules pair by pair, from each follow-up to each first
 * report, so one pair past NAMED_DAYS without a rare name (NO_LINK) sinks
 * an average, where a group meeting a story counts the days to the
 * story's report closest in time (story_score()). Groups of dated
 * reports only that share a rare name (an event's history names its
 * people; two events of a place in one batch are the time rules' to
 * part), the later one of FOLLOW_MIN or more (a report alone is the
 * linkage's to judge: LONE_MIN), under the threshold, and under the
 * cohesion rule from three reports a side, as in the linkage (from two,
 * as for a story, a pair's own score, the one that made it, is the
 * yardstick, and nothing joins). A stream in date order seldom brings
 * such groups in one batch; one in another order (gva-dev's file, by
 * incident; a site's archive) brings an event's whole history in one:
 * gva-dev in file order 0.9497 to 0.9504 (each half of three splits the
 * same or up to 0.0019 higher), in date order, ECB+ (undated) and the
 * synthetic stream unchanged, gva-dev's incidents streamed a few at a
 * time (cluster_small.py) 0.8822 to 0.8854 for two, 0.8999 to 0.9020 for
 * twenty; without the shared name the same on the whole sets but halves
 * in date order move by up to 0.001 either way (bench/README.md, round
 * 12). */
static void join_follow_ups(nf_cluster *cl, const batch_art *slice, const uint32_t *node_art,
                            size_t m)
{
	batch_groups groups, *bg = &groups;
	for (;;) {
		list_groups(cl, slice, node_art, m, bg);
		float best = (float)cl->threshold;
		uint32_t keep = UINT32_MAX, gone = UINT32_MAX;
		for (uint32_t a = 0; a < m; a++) {
			if (cl->group[a] != a || bg->first[a] == NF_NO_DAY)
				continue;
			for (uint32_t b = a + 1; b < m; b++) {
				if (cl->group[b] != b || bg->first[b] == NF_NO_DAY)
					continue;
				uint32_t from = bg->first[b] >= bg->first[a] ? b : a, to = from == b ? a : b;
				if (bg->size[from] < FOLLOW_MIN)
					continue;
				float like = group_likeness(cl, slice, node_art, m, bg, from, to);
				if (like < best)
					continue;
				if (bg->size[a] >= NF_COHESION_MIN && bg->size[b] >= NF_COHESION_MIN) {
					double ca = bg->inner[a] / (bg->size[a] * (bg->size[a] - 1) / 2.0);
					double cb = bg->inner[b] / (bg->size[b] * (bg->size[b] - 1) / 2.0);
					if (like < COHESION * (ca < cb ? ca : cb))
						continue;
				}
				best = like, keep = a, gone = b;
			}
		}
		if (keep == UINT32_MAX)
			return;
		for (uint32_t x = bg->head[gone]; x != UINT32_MAX; x = bg->next[x])
			cl->group[x] = keep;
	}
}

/* The story of each group of the slice's linkage: the window's story that
 * its members are most like on average, when that clears the threshold
 * (and, for a group of several joining a story of several, the cohesion
 * rule of linkage.h), else a new one (story 0). */
static nf_status decide_groups(nf_cluster *cl, batch_art *slice, const uint32_t *node_art,
                               size_t m)
{
	const float *score = cl->pair;
	uint32_t *members = cl->members;
	for (size_t g = 0; g < m; g++) {
		if (cl->group[g] != g)
			continue;
		size_t nm = 0;
		for (size_t p = g; p < m; p++)
			if (cl->group[p] == g)
				members[nm++] = (uint32_t)p;
		double inner = 0;
		for (size_t x = 0; x < nm; x++)
			for (size_t y = x + 1; y < nm; y++)
				inner += score[members[x] * m + members[y]];
		double cohesion = nm > 1 ? inner / ((double)nm * (nm - 1) / 2) : 0;
		/* the members' likeness to each candidate story, summed in the
		 * stories' records (a member without it as a candidate adds 0) */
		cl->query++;
		cl->seen.len = 0;
		for (size_t x = 0; x < nm; x++) {
			const batch_art *a = &slice[node_art[members[x]]];
			for (uint32_t k = 0; k < a->ncands; k++) {
				story_rec *s = story_find(cl, a->cands[k].id);
				if (!s)
					continue;
				if (s->mark != cl->query) {
					story_rec **slotp = nf_vec_push(&cl->seen, sizeof *slotp);
					if (!slotp)
						return NF_ENOMEM;
					*slotp = s;
					s->mark = cl->query;
					s->group_sum = 0;
				}
				s->group_sum += a->cands[k].score;
			}
		}
		unsigned long long best = 0;
		float best_score = (float)cl->threshold;
		story_rec **seen = cl->seen.data;
		for (size_t i = 0; i < cl->seen.len; i++) {
			const story_rec *s = seen[i];
			float avg = s->group_sum / (float)nm;
			if (avg < best_score)
				continue;
			if (nm > 1 && s->size > 1) {
				double coh = story_cohesion(s) < cohesion ? story_cohesion(s) : cohesion;
				if (avg < COHESION * coh)
					continue;
			}
			best = s->id;
			best_score = avg;
		}
		for (size_t x = 0; x < nm; x++) {
			batch_art *a = &slice[node_art[members[x]]];
			a->story = best;
			if (best) {
				a->score = best_score;
			} else if (nm > 1) {
				double sum = 0;
				for (size_t y = 0; y < nm; y++)
					if (y != x)
						sum += score[members[x] * m + members[y]];
				a->score = (float)(sum / (double)(nm - 1));
			}
		}
	}
	return NF_OK;
}

/* Reports article a as assigned to its story (hooks, callback) and puts
 * it into the window. */
static nf_status emit(nf_cluster *cl, batch_art *a, int new_story)
{
	nf_cluster_item it = {0};
	char date[11];
	nf_doc *d = a->d;
	it.index = cl->count;
	it.id = d->id;
	it.name = d->name;
	it.title = d->title;
	if (nf_date_valid(d->published)) {
		nf_date_format(d->published, date);
		it.published = date;
	}
	it.story = a->story;
	it.new_story = new_story;
	it.copy_of = a->copy_of;
	it.score = new_story ? 0 : a->copy_of ? a->copy_sim : a->score;
	if (cl->hooks.assigned) {
		uint64_t *keys = malloc((a->nterms ? a->nterms : 1) * sizeof *keys);
		if (!keys)
			return nf_error(cl->ctx, NF_ENOMEM, "out of memory");
		for (size_t i = 0; i < a->nterms; i++)
			keys[i] = ((const tf_entry *)cl->terms.data)[a->term0 + i].key;
		nf_status st = cl->hooks.assigned(cl->hooks.ud, d, &it, &a->v, keys, a->nterms);
		free(keys);
		if (st)
			return st;
	}
	if (cl->fn)
		cl->fn(cl->ud, &it);
	cl->count++;
	return remember(cl, d->id, a->story, &a->v, a->shingles > 0);
}

/* Assigns slice[0..n) (consecutive articles, input order): copies to their
 * originals' stories, the rest grouped by average linkage among
 * themselves and then each group to a story of the window or a new one,
 * so that the first reports of a new event found a story together. */
static nf_status assign_slice(nf_cluster *cl, nf_corpus *c, batch_art *slice, size_t n)
{
	nf_status st;
	size_t m = 0;
	uint32_t *node_art = cl->node_art;
	int years = 0;
	cl->band_stamp++; /* empties cl->bands */
	for (size_t k = 0; k < n; k++)
		for (int b = 0; b < NF_MINHASH_BANDS; b++)
			slice[k].bands[b] = slice[k].shingles ? nf_minhash_band(slice[k].v.sig, b) : 0;
	for (size_t k = 0; k < n; k++) {
		batch_art *a = &slice[k];
		/* find_copy()'s band keys of a later article, cold lines of a
		 * big table, fetched while this one is assigned */
		for (int b = 0; cl->lsh && k + BANDS_AHEAD < n && b < NF_MINHASH_BANDS; b++)
			__builtin_prefetch(lsh_of(cl, slice[k + BANDS_AHEAD].bands[b]));
		a->node = NO_NODE;
		if ((st = find_original(cl, c, slice, k)))
			return st;
		if (a->story)
			continue; /* a copy of an article whose story is known */
		a->node = (uint32_t)m;
		cl->pre[m] = a->orig >= 0 ? slice[a->orig].node : (uint32_t)m;
		/* a copy is no second report to state its original's year */
		cl->node_year[m] = a->orig >= 0 ? 0 : a->year;
		years |= cl->node_year[m] != 0;
		node_art[m++] = (uint32_t)k;
		if ((st = story_candidates(cl, &a->v, a->cands, &a->ncands)))
			return st;
	}
	if ((st = pair_scores(cl, slice, node_art, m)) ||
	    (st = nf_linkage_run(&cl->lk, cl->pair, m, cl->threshold, COHESION, cl->pre,
	                         years ? cl->node_year : NULL, cl->group)))
		return st;
	join_follow_ups(cl, slice, node_art, m);
	if ((st = decide_groups(cl, slice, node_art, m)))
		return st;
	/* Stories in order of their first article; a new group's story is
	 * numbered when its first member is reported. */
	for (size_t p = 0; p < m; p++)
		cl->group_story[p] = 0;
	for (size_t k = 0; k < n; k++) {
		batch_art *a = &slice[k];
		int opened = 0;
		if (a->node != NO_NODE && !a->story) {
			unsigned long long *gs = &cl->group_story[cl->group[a->node]];
			if (!*gs) {
				*gs = cl->next_story++;
				opened = 1;
			}
			a->story = *gs;
		}
		if ((st = emit(cl, a, opened)))
			return st;
	}
	return NF_OK;
}

static nf_status grow_slice(nf_cluster *cl, size_t n)
{
	if (n <= cl->slice_cap)
		return NF_OK;
	batch_art *b = realloc(cl->slice, n * sizeof *b);
	if (!b)
		return NF_ENOMEM;
	cl->slice = b;
	cl->slice_cap = n;
	return NF_OK;
}

static nf_status run_batch(nf_cluster *cl)
{
	nf_corpus *c = cl->pending;
	size_t n = NF_NDOCS(c);
	nf_status st = nf_clean(c);
	for (size_t i = 0; !st && i < n; i++)
		st = nf_text_analyze(c, NF_DOC(c, i));
	cl->terms.len = 0;
	if (!st)
		st = grow_slice(cl, n < BATCH ? n : BATCH);
	/* Pass 1: the terms of every article, counted in the frequencies, so
	 * the batch's own words have their weight before any of it is scored. */
	size_t *spans = n ? calloc(2 * n, sizeof *spans) : NULL;
	if (!st && n && !spans)
		st = NF_ENOMEM;
	size_t counted = 0; /* the batch's terms cl->terms[0..counted) */
	for (size_t i = 0; !st && i < n; i++) {
		nf_doc *d = NF_DOC(c, i);
		spans[2 * i] = spans[2 * i + 1] = cl->terms.len;
		if (cl->hooks.skip && cl->hooks.skip(cl->hooks.ud, d)) {
			spans[2 * i] = SIZE_MAX;
			continue;
		}
		if ((st = article_terms(cl, c, d)))
			break;
		counted = spans[2 * i + 1] = cl->terms.len;
		cl->ndf++;
	}
	/* Counted for the whole batch at once (nothing reads them before
	 * pass 2, and the order of the counts changes nothing): each is a
	 * cold line of a big table, fetched DF_COUNT_AHEAD terms ahead, a
	 * distance an article's few hundred terms would not give. */
	const tf_entry *t = cl->terms.data;
	for (size_t k = 0; k < counted; k++) {
		if (k + DF_COUNT_AHEAD < counted)
			__builtin_prefetch(&cl->df[t[k + DF_COUNT_AHEAD].key >> (64 - cl->df_bits)], 1);
		uint32_t *df = &cl->df[t[k].key >> (64 - cl->df_bits)];
		if (*df < UINT32_MAX)
			(*df)++;
	}
	/* Pass 2: vectors and signatures, then assignments and callbacks in
	 * input order, a slice of at most BATCH articles at a time. */
	nf_term *scratch = NULL;
	uint32_t *tmp = NULL;
	size_t scratch_n = 0, ns = 0;
	nf_date_words dw = {0};
	for (size_t i = 0; !st && i < n; i++) {
		if (spans[2 * i] != SIZE_MAX) {
			nf_doc *d = NF_DOC(c, i);
			size_t nt = spans[2 * i + 1] - spans[2 * i];
			if (nt > scratch_n) {
				nf_term *p = realloc(scratch, nt * sizeof *p);
				if (p)
					scratch = p;
				uint32_t *q = p ? realloc(tmp, nt * sizeof *q) : NULL;
				if (!q) {
					st = NF_ENOMEM;
					break;
				}
				tmp = q;
				scratch_n = nt;
			}
			batch_art *a = &cl->slice[ns++];
			memset(a, 0, sizeof *a);
			a->d = d;
			a->term0 = spans[2 * i];
			a->nterms = nt;
			/* no offset on the empty vector's NULL data */
			make_vector(cl, nt ? (const tf_entry *)cl->terms.data + a->term0 : NULL, nt, scratch,
			            tmp, &a->v);
			a->v.day = nf_date_valid(d->published) ? (int32_t)nf_date_days(d->published)
			                                       : NF_NO_DAY;
			if ((st = article_words(cl, c, d)))
				break;
			a->shingles = nf_minhash_sign(cl->words, cl->nwords, a->v.sig);
			if ((st = event_day(c, d, &dw, &a->v.event_day)))
				break;
			a->year = a->v.day == NF_NO_DAY ? stated_year(c, d) : 0;
		}
		if (ns && (ns == BATCH || i + 1 == n)) {
			st = assign_slice(cl, c, cl->slice, ns);
			ns = 0;
		}
	}
	free(scratch);
	free(tmp);
	free(spans);
	nf_date_words_free(&dw);
	nf_corpus_free(c);
	cl->pending = NULL;
	if (st == NF_ENOMEM)
		return nf_error(cl->ctx, st, "out of memory");
	return st;
}

/* --- Public interface ------------------------------------------------------- */

nf_status nf_cluster_new(nf_cluster **out, nf_ctx *ctx, const nf_cluster_options *opts,
                         nf_cluster_fn fn, void *userdata)
{
	*out = NULL;
	if (!ctx)
		return NF_EINVAL;
	nf_cluster *cl = calloc(1, sizeof *cl);
	if (!cl)
		return nf_error(ctx, NF_ENOMEM, "out of memory");
	cl->ctx = ctx;
	cl->fn = fn;
	cl->ud = userdata;
	cl->window_days = DEFAULT_WINDOW_DAYS;
	cl->threshold = DEFAULT_THRESHOLD;
	uint32_t articles = DEFAULT_WINDOW_ARTICLES;
	if (opts && opts->window_days > 0)
		cl->window_days = (uint32_t)opts->window_days;
	if (opts && opts->window_articles > 0)
		articles = (uint32_t)opts->window_articles < MAX_WINDOW_ARTICLES
		               ? (uint32_t)opts->window_articles : MAX_WINDOW_ARTICLES;
	if (opts && opts->threshold > 0 && opts->threshold <= 1)
		cl->threshold = opts->threshold;
	cl->ring_max = 1;
	int bits = 0;
	while (cl->ring_max < articles) {
		cl->ring_max *= 2;
		bits++;
	}
	cl->df_bits = bits + 6 > DF_BITS_MAX ? DF_BITS_MAX : bits + 6 < DF_BITS_MIN ? DF_BITS_MIN : bits + 6;
	cl->lsh_bits = bits + 3 > LSH_BITS_MAX ? LSH_BITS_MAX : bits + 3 < LSH_BITS_MIN ? LSH_BITS_MIN : bits + 3;
	cl->df = nf_table_calloc((size_t)1 << cl->df_bits, sizeof *cl->df);
	cl->next_story = 1;
	cl->log_df = malloc(LOG_TABLE * sizeof *cl->log_df);
	for (size_t i = 0; cl->log_df && i < LOG_TABLE; i++)
		cl->log_df[i] = logf((float)i + 0.5f);
	cl->merge = malloc((STORY_TERMS + NF_CLUSTER_TERMS) * sizeof *cl->merge);
	cl->merge_w = malloc((STORY_TERMS + NF_CLUSTER_TERMS) * sizeof *cl->merge_w);
	cl->pair = malloc((size_t)BATCH * BATCH * sizeof *cl->pair);
	cl->pair_figs = malloc((size_t)BATCH * BATCH * sizeof *cl->pair_figs);
	cl->pair_names = malloc((size_t)BATCH * BATCH);
	cl->pair_cos = malloc((size_t)BATCH * BATCH * sizeof *cl->pair_cos);
	cl->node_art = malloc(BATCH * sizeof *cl->node_art);
	cl->pre = malloc(BATCH * sizeof *cl->pre);
	cl->group = malloc(BATCH * sizeof *cl->group);
	cl->members = malloc(BATCH * sizeof *cl->members);
	cl->node_year = malloc(BATCH * sizeof *cl->node_year);
	cl->group_story = malloc(BATCH * sizeof *cl->group_story);
	cl->bands = calloc(SLICE_BANDS, sizeof *cl->bands);
	if (!cl->df || !cl->merge || !cl->merge_w || !cl->log_df || !cl->pair || !cl->node_art ||
	    !cl->pair_figs || !cl->pair_names || !cl->pair_cos || !cl->pre || !cl->group ||
	    !cl->members || !cl->node_year || !cl->group_story || !cl->bands) {
		nf_cluster_free(cl);
		return nf_error(ctx, NF_ENOMEM, "out of memory");
	}
	*out = cl;
	return NF_OK;
}

void nf_cluster_free(nf_cluster *cl)
{
	if (!cl)
		return;
	nf_corpus_free(cl->pending);
	for (uint32_t i = 0; i < cl->ring_cap; i++)
		free(cl->ring[i].id);
	for (size_t i = 0; cl->tab && i <= cl->tab_mask; i++)
		free(cl->tab[i].p);
	free(cl->tab);
	for (size_t i = 0; cl->stories && i <= cl->st_mask; i++)
		free(cl->stories[i].sum);
	free(cl->stories);
	free(cl->merge);
	free(cl->log_df);
	free(cl->merge_w);
	nf_vec_free(&cl->seen);
	free(cl->ring);
	free(cl->lsh);
	free(cl->df);
	free(cl->acc);
	free(cl->touched);
	free(cl->cands);
	free(cl->tf);
	nf_vec_free(&cl->title_toks);
	nf_vec_free(&cl->tf_slots);
	free(cl->words);
	nf_vec_free(&cl->terms);
	free(cl->slice);
	free(cl->pair);
	free(cl->pair_figs);
	free(cl->pair_names);
	free(cl->pair_cos);
	free(cl->node_art);
	free(cl->pre);
	free(cl->group);
	free(cl->members);
	free(cl->node_year);
	free(cl->group_story);
	free(cl->bands);
	nf_linkage_free(&cl->lk);
	free(cl);
}

/* Reads one block into the pending corpus, and runs the batch when full. */
static nf_status add_block(nf_cluster *cl, const char *name, size_t line,
                           const char *data, size_t len, nf_input kind)
{
	nf_status st;
	if (!cl->pending && (st = nf_corpus_new(&cl->pending, cl->ctx)))
		return st;
	size_t before = NF_NDOCS(cl->pending);
	cl->pending->line0 = line ? line - 1 : 0;
	st = nf_ingest(cl->pending, name, data, len, kind);
	cl->pending->line0 = 0;
	cl->ingested += NF_NDOCS(cl->pending) - before;
	if (st != NF_ENOMEM && NF_NDOCS(cl->pending) >= BATCH) {
		nf_status bst = run_batch(cl);
		if (bst)
			return bst;
	}
	return st;
}

nf_status nf_cluster_add(nf_cluster *cl, const char *name, size_t line,
                         const char *data, size_t len, nf_input kind)
{
	if (!cl || (!data && len))
		return NF_EINVAL;
	cl->ctx->errmsg[0] = '\0';
	name = name ? name : "-";
	data = data ? data : "";
	line = line ? line : 1;
	if (nf_ingest_kind(data, len, kind) != NF_INPUT_JSONL)
		return add_block(cl, name, line, data, len, kind);
	/* A JSONL stream goes in blocks of whole lines that fill the batch, so
	 * a large input is clustered as it is read, not held as one corpus. */
	size_t pos = 0, before = cl->ingested;
	nf_status st = NF_OK;
	char msg[sizeof cl->ctx->errmsg] = "";
	while (pos < len) {
		size_t want = BATCH - (cl->pending ? NF_NDOCS(cl->pending) : 0), lines = 0;
		size_t end = pos;
		while (end < len && lines < want) {
			const char *nl = memchr(data + end, '\n', len - end);
			end = nl ? (size_t)(nl - data) + 1 : len;
			lines++;
		}
		nf_status bst = add_block(cl, name, line, data + pos, end - pos, NF_INPUT_JSONL);
		if (bst == NF_ENOMEM)
			return bst;
		if (bst) {
			st = bst;
			snprintf(msg, sizeof msg, "%s", cl->ctx->errmsg);
		}
		line += lines;
		pos = end;
	}
	if (cl->ingested > before || !st)
		return NF_OK;
	return nf_error(cl->ctx, st, "%s", msg);
}

nf_status nf_cluster_flush(nf_cluster *cl)
{
	if (!cl)
		return NF_EINVAL;
	return cl->pending ? run_batch(cl) : NF_OK;
}

size_t nf_cluster_count(const nf_cluster *cl)
{
	return cl ? cl->count : 0;
}

unsigned long long nf_cluster_stories(const nf_cluster *cl)
{
	return cl ? cl->next_story - 1 : 0;
}

/* --- For the store ------------------------------------------------------------ */

void nf_cluster_set_hooks(nf_cluster *cl, const nf_cluster_hooks *h)
{
	cl->hooks = *h;
}

void nf_cluster_restore_df(nf_cluster *cl, uint64_t term, uint32_t df)
{
	uint32_t *c = &cl->df[term >> (64 - cl->df_bits)];
	*c = UINT32_MAX - *c < df ? UINT32_MAX : *c + df;
}

void nf_cluster_restore_counts(nf_cluster *cl, uint64_t articles,
                               unsigned long long next_story)
{
	cl->ndf = articles;
	if (next_story > cl->next_story)
		cl->next_story = next_story;
}

nf_status nf_cluster_restore_article(nf_cluster *cl, const char *id,
                                     unsigned long long story, const nf_tvec *v)
{
	if (!v || v->n > NF_CLUSTER_TERMS)
		return NF_EINVAL;
	int shingles = 0;
	for (int i = 0; i < NF_MINHASH && !shingles; i++)
		shingles = v->sig[i] != NF_MINHASH_EMPTY;
	if (story >= cl->next_story)
		cl->next_story = story + 1;
	return remember(cl, id, story, v, shingles);
}

uint64_t nf_cluster_article_key(const nf_doc *d)
{
	const char *parts[] = {d->id, d->title, d->raw};
	uint64_t h = 0;
	for (size_t i = 0; i < 3; i++) {
		const char *s = parts[i] ? parts[i] : "";
		h = XXH3_64bits_withSeed(s, strlen(s) + 1, h);
	}
	return h;
}
