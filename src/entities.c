/*
 * entities.c - the people, places and organisations a story names, each
 * with its spelling variants merged, acronyms joined to their expansion,
 * and mention counts per source.
 *
 * How, in four passes over the corpus:
 *
 * 1. Word statistics. For every word of the lexicon: how often it is
 *    written in lower case (also by stem), and how often capitalised away
 *    from the start of a sentence or quotation. A capitalised word at a
 *    sentence start is a name only if the corpus also capitalises it
 *    mid-sentence ("Tokayev said" after "chief Tokayev"); a single word
 *    written in lower case as often as capitalised is a common word.
 *
 * 2. Mentions. In every real sentence (lower-case words, not a shouted
 *    heading, not a list of names such as a credit line), a mention is a
 *    maximal run of capitalised words, joined through name particles
 *    ("von der", "al-"), initials ("James A. Baker") and abbreviations
 *    without a vowel ("Port St. Aubin"), "of" after a head
 *    noun ("University of ..."), "for"/"on" inside an organisation name and
 *    "'s" before a head noun ("County Sheriff's Office"). Titles
 *    ("President", "Mr", "Soviet Foreign Minister") are cut off and mark
 *    what follows as a person; what precedes a title ("Russian President")
 *    is a modifier. Weekdays, months, units after numbers ("5 p.m. EDT"),
 *    common nouns after "a"/"an", generational suffixes, e-mail and URL
 *    fragments, photo credits ("Name/AGENCY") and a legislator's party
 *    and state (", D-Ore.,") are skipped. "Russian-led"
 *    mentions "Russian", "ex-Soviet" mentions "Soviet". Each mention votes
 *    for a kind from its context: titles and role nouns ("commander X",
 *    "X, a mall manager", "X, 68,") for a person; place prepositions ("in
 *    X", unless X modifies a noun: "in Soviet mines"), place nouns ("the
 *    city of X", "the capital X", "X, the country's largest city") for a
 *    place; organisation nouns ("news agency X") and head nouns
 *    ("... Committee") for an organisation. "X (ABC)" links an acronym to
 *    its expansion when the initials agree. The headline only adds mentions
 *    of names the body already has, and none when it is in title case.
 *
 * 3. Merging. Mentions with the same case-folded text are one "form".
 *    Forms merge when (a) their skeletons are equal (case, diacritics,
 *    hyphens, spaces, doubled letters and y/i ignored: "Massimov" and
 *    "Masimov", "Nur-Sultan" and "Nur Sultan"); (b) their parts, middle
 *    initials aside, are variants one by one: first letter equal, a
 *    weighted edit distance (vowel for vowel, s/z, an added vowel or h
 *    cost 1, other edits 2) of at most 1 from 6 letters and 2 from 10, and
 *    not one a prefix of the other, so "Russia" and "Russian", "Osipov" and
 *    "Ospanov", "Chanel" and "Chapel" stay apart; (c) a one-word form is the
 *    last name of exactly one person's full name ("Tokayev" ->
 *    "Kassym-Jomart Tokayev"), or of the one of a family ("Ilona Varga"
 *    beside her husband "Peter Varga") named in at least twice as many of
 *    the surname's reports as any other, unless it is also another
 *    person's first name ("Li": "Wan Li", "Li Peng") that often or,
 *    untitled, stands alone in more reports than it shares with a full
 *    name that only its shape calls a person ("Cuba", "Santiago de
 *    Cuba"); (d) an acronym is linked to an expansion by
 *    "X (ABC)", or else its three or more letters are the initials of
 *    exactly one multi-word name that is not a person. A capitalised word
 *    that begins a sentence and is never capitalised elsewhere is dropped
 *    from a longer name, so a typo such as "Resident Kasim-Jomart Tokayev"
 *    still merges; so is a word that opens sentences ("Despite Bush's
 *    refusal"), which a small corpus may never write in lower case.
 *
 * 4. Kinds and ranking. A cluster's kind is the strongest of its votes; a
 *    multi-word name whose words are never written in lower case and that
 *    never follows "the" is a person when nothing says otherwise; so is an
 *    acronym an organisation, and a cluster that speaks or is told things
 *    ("Reuters saw", "told Reuters"); a would-be person mostly put before
 *    a noun and seldom titled ("Veldavian troops") is OTHER; one listed
 *    with others ("Armenia and Tajikistan") takes their kind; another
 *    name plus a demonym ending
 *    ("Russian" beside "Russia") is OTHER. The canonical name is the
 *    spelling used by the most independent sources, spelled out rather
 *    than an acronym ("Collective Security Treaty Organization", variant
 *    "CSTO") and, for a person, the full name; the other spellings are
 *    variants. Entities rank by the independent sources (copy groups) that
 *    mention them, then by mentions; single-mention OTHER entities and
 *    unexplained single acronyms are dropped and the list is capped at
 *    NF_MAX_ENTITIES.
 *
 * Cost: passes 1 and 2 are linear in tokens; fuzzy comparison runs only
 * between distinct name parts in buckets of equal first letter and near
 * length, after a letter-set filter, so 500 articles take about 15 ms.
 *
 * Rejected: a gazetteer of people and places (fails on the next story);
 * suffix rules for place names ("-stan", "-ia"), which mislabel people and
 * organisations; plain Levenshtein <= 2 (joins "Marat Osipov" to "Marat
 * Ospanov"); Jaro-Winkler, which scores shared prefixes so highly that
 * "Russia" and "Russian" match; "X said" as a person cue, since
 * organisations and capitals speak as often.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "stages.h"

/* The list shown to readers: enough for a long story, short enough to
 * read. */
#define NF_MAX_ENTITIES 40
/* Longer capitalised runs are headings or name lists, not one name. */
#define MAX_SPAN 8
/* Spellings listed per entity. */
#define MAX_VARIANTS 16
/* Skeletons longer than this are compared exactly: no name part is. */
#define MAX_SKEL 48

/* --- Word classes ----------------------------------------------------------- */

enum {
	W_TITLE = 1 << 0,      /* "President", "Mr": cut off, cue a person */
	W_ROLE = 1 << 1,       /* "commander", "adviser": lower-case person cue */
	W_ORGHEAD = 1 << 2,    /* "Committee": an organisation name ends so */
	W_ORGCUE = 1 << 3,     /* "agency", "chain": "news agency X" */
	W_PLACEHEAD = 1 << 4,  /* "Street", "Republic" */
	W_PLACECUE = 1 << 5,   /* "city", "capital": "the city of X" */
	W_PREP = 1 << 6,       /* "in", "near": "in X" is a place */
	W_PREPWEAK = 1 << 7,   /* "to", "from", "at": weaker */
	W_PARTICLE = 1 << 8,   /* "von", "de", "al": inside personal names */
	W_SPEECH = 1 << 9,     /* "said", "told": organisations speak too */
	W_CALENDAR = 1 << 10,  /* weekdays and months */
	W_GENERIC = 1 << 11,   /* "Jr", "St", "Inc": never a name alone */
	W_SUFFIX = 1 << 12,    /* "Jr", "III": not part of the name's key */
	W_OPENER = 1 << 13     /* "Despite", "Meanwhile": open sentences, not names */
};

typedef struct word_class {
	unsigned bits;
	const char *const *words;
} word_class;

/* Titles written out; the abbreviated ones ("Capt", "Supt") are the
 * tokenizer's list, nf_title_abbreviations. */
static const char *const titles[] = {
	"miss", "mx", "professor", "president", "vice", "prime", "minister",
	"secretary", "secretary-general", "chancellor", "governor", "senator",
	"representative", "congressman", "congresswoman", "mayor", "general",
	"colonel", "lieutenant", "captain", "sergeant", "major", "admiral",
	"commander", "officer", "detective", "sheriff", "deputy", "chief",
	"chairman", "chairwoman", "chairperson", "premier", "ambassador", "king",
	"queen", "prince", "princess", "sheikh", "emir", "pope", "cardinal",
	"bishop", "reverend", "judge", "attorney", "prosecutor", "spokesman",
	"spokeswoman", "spokesperson", "commissioner", "superintendent",
	"inspector", "corporal", "trooper", "marshal", "sir", "dame", "lord",
	"lady", "president-elect", "vice-president", NULL};

static const char *const roles[] = {
	"leader", "manager", "lawyer", "adviser", "advisor", "aide",
	"analyst", "activist", "journalist", "reporter", "correspondent",
	"editor", "founder", "owner", "head", "boss", "envoy",
	"diplomat", "candidate", "lawmaker", "politician", "businessman",
	"businesswoman", "tycoon", "oligarch", "musician", "singer", "actor",
	"author", "economist", "researcher", "teacher", "student", "doctor",
	"nurse", "pastor", "priest", "imam", "rabbi", "suspect", "victim",
	"witness", "son", "daughter", "wife", "husband", "mother", "father",
	"brother", "sister", "predecessor", "successor", "colleague", "opponent",
	"rival", "coach", "player", "chief", "director", "nominee", NULL};

static const char *const org_heads[] = {
	"organisation", "organization", "committee", "ministry", "council",
	"party", "agency", "company", "inc", "corp", "corporation", "ltd", "llc",
	"plc", "group", "alliance", "union", "army", "navy", "police", "bank",
	"university", "college", "school", "court", "service", "services",
	"department", "office", "commission", "association", "federation",
	"institute", "foundation", "forces", "force", "guard", "parliament",
	"assembly", "congress", "senate", "government", "league", "club",
	"bureau", "board", "authority", "network", "news", "times", "post",
	"press", "journal", "herald", "gazette", "tribune", "channel",
	"television", "radio", "airlines", "airways", "hospital", "church",
	"movement", "front", "brigade", "coalition", "bloc", "fund", "trust",
	"society", "centre", "center", "cabinet", "administration",
	"secretariat", "embassy", "corps", "agencies", "ministries", NULL};

static const char *const org_cues[] = {
	"agency", "chain", "company", "firm", "group", "party", "bank",
	"station", "network", "newspaper", "broadcaster", "channel", "outlet",
	"operator", "carrier", "airline", "retailer", "giant", "organisation",
	"organization", "alliance", "bloc", "movement", "club", "team", "union",
	"charity", "publication", "daily", "tabloid", "ministry", "committee",
	NULL};

static const char *const place_heads[] = {
	"street", "square", "avenue", "road", "boulevard", "lane", "bridge",
	"river", "lake", "mountain", "mountains", "island", "islands", "bay",
	"sea", "ocean", "valley", "park", "province", "region", "district",
	"county", "city", "town", "village", "republic", "peninsula", "gulf",
	"coast", "highway", "plaza", "kingdom", "oblast", "drive", "parkway",
	"parish", NULL};

static const char *const place_cues[] = {
	"city", "cities", "town", "towns", "village", "villages", "capital",
	"province", "provinces", "region", "regions", "district", "districts",
	"county", "counties", "country", "countries", "port", "suburb",
	"suburbs", "neighbourhood", "neighborhood", "township", "municipality",
	"island", "republic", NULL};

static const char *const preps[] = {
	"in", "near", "across", "throughout", "outside", "inside", NULL};
static const char *const preps_weak[] = {
	"at", "from", "to", "into", "towards", "toward", NULL};

static const char *const particles[] = {
	"de", "da", "di", "du", "del", "della", "des", "la", "le", "van", "von",
	"der", "den", "bin", "ibn", "al", "el", "dos", "das", "ter", NULL};

static const char *const speech[] = {
	"said", "says", "say", "told", "tells", "reported", "reports", "saw",
	"noted", "announced", "announces", "added", "stated", "confirmed",
	"claimed", "wrote", "tweeted", "denied", "warned", "urged", "insisted",
	"estimated", "according", NULL};

static const char *const calendar[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	NULL};

static const char *const suffixes[] = {"jr", "sr", "ii", "iii", "iv", NULL};

static const char *const generic[] = {
	"jr", "sr", "ii", "iii", "iv", "st", "ave", "rd", "blvd", "inc", "co",
	"corp", "ltd", "llc", "plc", "no", NULL};

/* Words that open sentences and are no stop words: capitalised at a
 * sentence start before a name ("Despite Bush's refusal"), and a small
 * corpus may never write them in lower case. */
static const char *const openers[] = {
	"despite", "although", "though", "unlike", "meanwhile", "however", "amid",
	"amidst", "following", "besides", "nevertheless", "instead", "like",
	"throughout", "toward", "towards", "across", "beyond", "inside", "outside",
	"near", "without", "within", "upon", "among", "whereas", "unless", NULL};

static const word_class word_classes[] = {
	{W_TITLE, titles}, {W_ROLE, titles}, {W_TITLE, nf_title_abbreviations},
	{W_ROLE, nf_title_abbreviations}, {W_ROLE, roles},
	{W_ORGHEAD, org_heads}, {W_ORGCUE, org_cues},
	{W_PLACEHEAD, place_heads}, {W_PLACECUE, place_cues},
	{W_PREP, preps}, {W_PREPWEAK, preps_weak}, {W_PARTICLE, particles},
	{W_SPEECH, speech}, {W_CALENDAR, calendar}, {W_GENERIC, generic},
	{W_SUFFIX, suffixes}, {W_OPENER, openers}};

/* --- An interning hash table over byte strings ------------------------------ */

typedef struct ikey {
	const char *s;
	uint32_t len;
	uint64_t h;
} ikey;

typedef struct imap {
	uint32_t *slots; /* key index + 1; 0 is empty */
	size_t nslots;   /* a power of two, at most half full */
	nf_vec keys;     /* ikey */
} imap;

static void imap_free(imap *m)
{
	free(m->slots);
	nf_vec_free(&m->keys);
}

static nf_status imap_grow(imap *m)
{
	size_t n = m->nslots ? m->nslots * 2 : 256;
	uint32_t *s = calloc(n, sizeof *s);
	if (!s)
		return NF_ENOMEM;
	for (size_t i = 0; i < m->keys.len; i++) {
		size_t j = NF_VEC_AT(&m->keys, ikey, i).h & (n - 1);
		while (s[j])
			j = (j + 1) & (n - 1);
		s[j] = (uint32_t)i + 1;
	}
	free(m->slots);
	m->slots = s;
	m->nslots = n;
	return NF_OK;
}

/* Index of key s[0..len) in *out; added (copied to a) when new and add is
 * set, else *out = UINT32_MAX. *added tells which. */
static nf_status imap_get(imap *m, nf_arena *a, const char *s, size_t len,
                          int add, uint32_t *out, int *added)
{
	if (added)
		*added = 0;
	*out = UINT32_MAX;
	if (len > UINT32_MAX / 2)
		return NF_ETOOBIG;
	uint64_t h = XXH3_64bits(s, len);
	if (m->nslots) {
		size_t j = h & (m->nslots - 1);
		while (m->slots[j]) {
			ikey *k = &NF_VEC_AT(&m->keys, ikey, m->slots[j] - 1);
			if (k->h == h && k->len == len && !memcmp(k->s, s, len)) {
				*out = m->slots[j] - 1;
				return NF_OK;
			}
			j = (j + 1) & (m->nslots - 1);
		}
	}
	if (!add)
		return NF_OK;
	if ((m->keys.len + 1) * 2 > m->nslots && imap_grow(m))
		return NF_ENOMEM;
	char *copy = nf_arena_strndup(a, s, len);
	ikey *k = copy ? nf_vec_push(&m->keys, sizeof *k) : NULL;
	if (!k)
		return NF_ENOMEM;
	k->s = copy;
	k->len = (uint32_t)len;
	k->h = h;
	size_t j = h & (m->nslots - 1);
	while (m->slots[j])
		j = (j + 1) & (m->nslots - 1);
	m->slots[j] = (uint32_t)m->keys.len;
	*out = (uint32_t)m->keys.len - 1;
	if (added)
		*added = 1;
	return NF_OK;
}

/* --- The model of this stage ------------------------------------------------- */

enum { V_PERSON, V_PLACE, V_ORG };

/* One distinct case-folded spelling of a name. */
typedef struct form {
	uint32_t key;                /* index in forms_map: the folded text */
	uint32_t surf_doc;           /* where its display spelling was seen */
	uint32_t surf_off, surf_len;
	uint8_t surf_upper;          /* that spelling is all capitals */
	uint8_t acronym, namelike, demonym;
	uint8_t capsword;            /* a word in capitals: "Russian TV" */
	uint8_t head;                /* V_* + 1 from its head noun, or 0 */
	char initials[8];            /* first letters of its words, lower case */
	uint32_t part0, nparts;      /* part ids in partref */
	uint32_t words;              /* parts that are not connectors */
	uint32_t skel;               /* index in skel_map */
	uint32_t count, body;        /* mentions; those in the body */
	uint32_t upper, mixed;       /* mentions in capitals, in mixed case */
	uint32_t the, mod, speak;    /* after "the", before a title, speaking */
	uint32_t adj;                /* before a lower-case noun: "Veldavian troops" */
	uint32_t titled;             /* after a title or a role noun */
	uint8_t surname;             /* joined a full name in attach_surnames() */
	uint32_t groups;             /* distinct copy groups mentioning it */
	int32_t vote[3];             /* V_* evidence */
	uint32_t parent;             /* union-find */
} form;

typedef struct occ {
	uint32_t form, doc, group;
	uint32_t root; /* the form's cluster, once merged */
} occ;

typedef struct pair {
	uint32_t a, b;
} pair;

/* A distinct part ("kassym-jomart"), with its skeleton for fuzzy matching. */
typedef struct part {
	uint32_t key;    /* index in parts_map */
	uint32_t parent; /* union-find over variant parts */
	uint16_t skel_len;
	uint32_t letters; /* bit per letter a-z present, bit 26 for others */
	char skel[MAX_SKEL];
} part;

/* A cluster of forms: one entity before filtering. */
typedef struct cluster {
	uint32_t root;
	int kind;
	int32_t vote[3];
	uint32_t count, groups, speak, the, mod, namelike, adj, titled;
	uint8_t surname;  /* holds a surname joined to a full name */
	uint32_t demonym; /* mentions by demonym forms */
	uint32_t acronym; /* mentions by acronyms */
	int evidence;     /* any vote at all, see decide() */
} cluster;

typedef struct ex {
	nf_brief *brief;
	nf_corpus *c;
	size_t nids;
	uint16_t *cls;    /* W_* by lexicon id */
	uint32_t *low;    /* lower-case occurrences by lexicon id */
	uint32_t *lowstem; /* lower-case occurrences by stem id */
	uint32_t *capmid; /* capitalised, not sentence-initial, by lexicon id */
	nf_arena scratch;
	imap forms_map, parts_map, skel_map;
	nf_vec forms;   /* form, parallel to forms_map.keys */
	nf_vec parts;   /* part, parallel to parts_map.keys */
	nf_vec partref; /* uint32_t part ids of all forms */
	nf_vec occs;    /* occ */
	nf_vec lists;   /* pair (list number, form): names listed together */
	uint32_t nlists;
	nf_vec links;   /* pair (expansion form, acronym form) */
	nf_buf key;     /* scratch for building keys */
	/* the sentence being read */
	const char *text;
	const nf_token *tk;
	size_t a, b;
	uint32_t doc;
	int lookup;       /* headline: count known names only */
	uint32_t last_occ; /* previous mention in the sentence, UINT32_MAX */
	size_t last_end;   /* token after it */
	uint32_t list;     /* the list it is in, 0 for none */
} ex;

#define FORM(x, i) (&NF_VEC_AT(&(x)->forms, form, (i)))

static const char *form_key(const ex *x, uint32_t f, uint32_t *len)
{
	const ikey *k = &NF_VEC_AT(&x->forms_map.keys, ikey, FORM(x, f)->key);
	if (len)
		*len = k->len;
	return k->s;
}

/* --- Tokens ------------------------------------------------------------------ */

static uint16_t wcls(const ex *x, const nf_token *t)
{
	return t->norm < x->nids ? x->cls[t->norm] : 0;
}

static int tok_is(const ex *x, const nf_token *t, const char *w)
{
	return nf_tok_is(x->c, t, w);
}

static int is_punct(const ex *x, const nf_token *t, const char *p)
{
	size_t n = strlen(p);
	return (t->flags & NF_TOK_PUNCT) && t->len == n && !memcmp(x->text + t->off, p, n);
}

/* 1 when the first code point of s[0..len) is a lower-case letter. */
static int starts_lower(const char *s, size_t len)
{
	int32_t cp;
	if (!len || utf8proc_iterate((const utf8proc_uint8_t *)s,
	                             (utf8proc_ssize_t)(len < 4 ? len : 4), &cp) <= 0)
		return 0;
	return utf8proc_islower(cp);
}

static int starts_upper(const char *s, size_t len)
{
	int32_t cp;
	if (!len || utf8proc_iterate((const utf8proc_uint8_t *)s,
	                             (utf8proc_ssize_t)(len < 4 ? len : 4), &cp) <= 0)
		return 0;
	return utf8proc_isupper(cp);
}

/* Hyphen-separated segments of a token: the byte offsets where segment k
 * starts are returned in seg[] (at most cap); the count is returned. */
static size_t segments(const char *s, size_t len, size_t *seg, size_t cap)
{
	size_t n = 0;
	if (cap)
		seg[n++] = 0;
	for (size_t i = 0; i + 1 < len && n < cap; i++)
		if (s[i] == '-')
			seg[n++] = i + 1;
	return n;
}

/* A lower-case name prefix such as "al-" in "al-Assad". */
static int particle_prefixed(const ex *x, const nf_token *t)
{
	const char *s = x->text + t->off;
	const char *h = memchr(s, '-', t->len);
	if (!h || h == s)
		return 0;
	size_t pl = (size_t)(h - s), rest = t->len - pl - 1;
	if (pl > 4 || !starts_upper(h + 1, rest))
		return 0;
	char buf[5];
	memcpy(buf, s, pl);
	buf[pl] = '\0';
	for (const char *const *p = particles; *p; p++)
		if (!strcmp(*p, buf))
			return 1;
	return 0;
}

/* Capitalised token whose last hyphen segment is lower case: "Russian-led". */
static int lower_tail(const ex *x, const nf_token *t)
{
	size_t seg[16];
	const char *s = x->text + t->off;
	size_t n = segments(s, t->len, seg, 16);
	return n > 1 && starts_lower(s + seg[n - 1], t->len - seg[n - 1]);
}

/* "I'm", "Don't": an apostrophe followed by lower case. */
static int contraction(const ex *x, const nf_token *t)
{
	const unsigned char *s = (const unsigned char *)x->text + t->off;
	for (size_t i = 1; i + 1 < t->len; i++) {
		size_t n = s[i] == '\'' ? 1 :
		           (i + 3 < t->len && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99) ? 3 : 0;
		if (n && s[i + n] >= 'a' && s[i + n] <= 'z')
			return 1;
	}
	return 0;
}

/* A word that can be part of a name. */
static int name_tok(const ex *x, const nf_token *t)
{
	if (!(t->flags & NF_TOK_WORD))
		return 0;
	uint16_t k = wcls(x, t);
	if (k & W_CALENDAR)
		return 0;
	if (!(t->flags & NF_TOK_CAP))
		return particle_prefixed(x, t);
	if (t->flags & NF_TOK_UPPER)
		/* A longer word in capitals that the corpus also writes in lower
		 * case is shouted ("UPDATE"), not an acronym. */
		return t->len < 4 || t->norm >= x->nids || x->low[t->norm] < 2;
	if (contraction(x, t))
		return 0;
	if ((t->flags & NF_TOK_STOP) && !(k & W_TITLE))
		return 0;
	return !lower_tail(x, t);
}

/* A word glued to an e-mail, URL, path or credit separator. */
static int glued(const ex *x, size_t i)
{
	static const char bad[] = "@/\\_=#|";
	const nf_token *t = &x->tk[i];
	if (i > x->a) {
		const nf_token *p = &x->tk[i - 1];
		if ((p->flags & NF_TOK_PUNCT) && p->off + p->len == t->off && p->len == 1 &&
		    strchr(bad, x->text[p->off]))
			return 1;
	}
	if (i + 1 < x->b) {
		const nf_token *n = &x->tk[i + 1];
		if ((n->flags & NF_TOK_PUNCT) && t->off + t->len == n->off && n->len == 1) {
			char ch = x->text[n->off];
			if (strchr(bad, ch))
				return 1;
			/* "example.com": a period glued on both sides */
			if (ch == '.' && i + 2 < x->b && x->tk[i + 2].off == n->off + 1 &&
			    (x->tk[i + 2].flags & NF_TOK_WORD))
				return 1;
		}
	}
	return 0;
}

/* A short capitalised word without a vowel ("St", "Ft", "Mt"): an
 * abbreviation, never a word of its own, so its period ends no name. */
static int vowelless(const ex *x, const nf_token *t)
{
	if (!(t->flags & NF_TOK_CAP) || t->len < 2 || t->len > 3)
		return 0;
	for (uint32_t i = 0; i < t->len; i++) {
		unsigned char ch = (unsigned char)x->text[t->off + i];
		if (ch >= 0x80 || strchr("aeiouyAEIOUY", ch))
			return 0;
	}
	return 1;
}

/* Whether token i starts its sentence, or a quotation or bracket in it. */
static int initial(const ex *x, size_t i)
{
	size_t k = i;
	while (k > x->a && (x->tk[k - 1].flags & NF_TOK_PUNCT))
		k--;
	if (k == x->a)
		return 1;
	if (k == i)
		return 0;
	const nf_token *p = &x->tk[i - 1];
	const unsigned char *s = (const unsigned char *)x->text + p->off;
	if (p->len == 1)
		return s[0] == '(' || s[0] == '[' || s[0] == ':' || s[0] == '*' ||
		       ((s[0] == '"' || s[0] == '\'') && p->off + 1 == x->tk[i].off);
	/* “ ‘ « • */
	return (p->len == 3 && s[0] == 0xE2 && s[1] == 0x80 &&
	        (s[2] == 0x9C || s[2] == 0x98 || s[2] == 0xA2)) ||
	       (p->len == 2 && s[0] == 0xC2 && s[1] == 0xAB);
}

/* --- Sentences ----------------------------------------------------------------- */

/* A sentence worth reading names from: lower-case words, not shouted, not
 * a list of names (a credit line "Reporting by A, B and C"). */
static int real_sentence(const ex *x)
{
	size_t words = 0, lower = 0, upper = 0, caps = 0;
	for (size_t i = x->a; i < x->b; i++) {
		const nf_token *t = &x->tk[i];
		if (!(t->flags & NF_TOK_WORD))
			continue;
		words++;
		if (t->flags & NF_TOK_UPPER)
			upper++;
		else if (t->flags & NF_TOK_CAP)
			caps++;
		else
			lower++;
	}
	if (!lower || upper * 2 > words)
		return 0;
	/* Over 75% capitalised in eight or more words: names listed, as in a
	 * credit line (over 80%), not a sentence; a short sentence full of
	 * names ("Police detained Timur Belov and Timur Belikov on Sunday")
	 * reaches two thirds. */
	if (words >= 8 && (caps + upper) * 4 > words * 3)
		return 0;
	const nf_token *last = &x->tk[x->b - 1];
	char ch = x->text[last->off];
	/* Without a full stop, three lower-case words tell a sentence from a
	 * heading ("Cash machines gutted"). */
	return lower >= 3 || ch == '.' || ch == '!' || ch == '?' || ch == '"' ||
	       (unsigned char)ch == 0xE2;
}

static void set_sentence(ex *x, const char *text, const nf_token *tk, size_t a, size_t b)
{
	x->text = text;
	x->tk = tk;
	x->a = a;
	x->b = b;
	x->last_occ = UINT32_MAX;
	x->last_end = a;
	x->list = 0;
}

static void count_words(ex *x, int real)
{
	for (size_t i = x->a; i < x->b; i++) {
		const nf_token *t = &x->tk[i];
		if (!(t->flags & NF_TOK_WORD) || t->norm >= x->nids)
			continue;
		if (!(t->flags & NF_TOK_CAP)) {
			x->low[t->norm]++;
			if (t->stem < x->nids)
				x->lowstem[t->stem]++;
		}
		else if (real && !initial(x, i))
			x->capmid[t->norm]++;
	}
}

/* --- Mentions ------------------------------------------------------------------- */

/* Appends s[0..len) to the key buffer with whitespace runs as one space. */
static nf_status put_collapsed(nf_buf *out, const char *s, size_t len)
{
	nf_status st = NF_OK;
	for (size_t i = 0; i < len && !st; i++) {
		char ch = s[i];
		if (ch == ' ' || ch == '\n' || ch == '\t') {
			while (i + 1 < len && (s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '\t'))
				i++;
			ch = ' ';
		}
		st = nf_buf_putc(out, ch);
	}
	return st;
}

enum { CUE_TITLE = 1, CUE_MOD = 2 };

static uint32_t doc_group(const ex *x, uint32_t doc)
{
	int g = NF_DOC(x->c, doc)->group;
	return g >= 0 && (size_t)g < NF_NDOCS(x->c) ? (uint32_t)g : doc;
}

/* The form of key[0..len), added unless reading a headline (where only
 * names the body has count); *f is UINT32_MAX when there is none. The
 * display spelling is the first one seen that is not in capitals. */
static nf_status get_form(ex *x, const char *key, size_t len, uint32_t off,
                          uint32_t slen, int upper, uint32_t *f)
{
	int added;
	nf_status st = imap_get(&x->forms_map, &x->scratch, key, len, !x->lookup, f, &added);
	if (st || *f == UINT32_MAX)
		return st;
	if (added) {
		form *fm = nf_vec_push(&x->forms, sizeof *fm);
		if (!fm)
			return NF_ENOMEM;
		fm->key = *f;
		fm->parent = *f;
		fm->surf_doc = x->doc;
		fm->surf_off = off;
		fm->surf_len = slen;
		fm->surf_upper = (uint8_t)upper;
		return NF_OK;
	}
	form *fm = FORM(x, *f);
	if (x->lookup) {
		if (!fm->body)
			*f = UINT32_MAX;
	} else if (fm->surf_upper && !upper) {
		fm->surf_doc = x->doc;
		fm->surf_off = off;
		fm->surf_len = slen;
		fm->surf_upper = 0;
	}
	return NF_OK;
}

static nf_status add_occ(ex *x, uint32_t f, int upper)
{
	occ *o = nf_vec_push(&x->occs, sizeof *o);
	if (!o)
		return NF_ENOMEM;
	o->form = f;
	o->doc = x->doc;
	o->group = doc_group(x, x->doc);
	form *fm = FORM(x, f);
	fm->count++;
	fm->body += !x->lookup;
	if (upper)
		fm->upper++;
	else
		fm->mixed++;
	return NF_OK;
}

static int lower_word(const nf_token *t)
{
	return (t->flags & NF_TOK_WORD) && !(t->flags & NF_TOK_CAP);
}

/* "X, the country's largest city", "X, a mall manager", "X, 68,". */
static void appositive(ex *x, form *fm, size_t q)
{
	size_t i = q + 1;
	if (i + 1 >= x->b || !is_punct(x, &x->tk[i], ","))
		return;
	i++;
	const nf_token *t = &x->tk[i];
	if (t->flags & NF_TOK_NUM) {
		if (i + 1 < x->b && is_punct(x, &x->tk[i + 1], ","))
			fm->vote[V_PERSON] += 2;
		return;
	}
	int art = lower_word(t) && (tok_is(x, t, "a") || tok_is(x, t, "an") || tok_is(x, t, "the"));
	/* An appositive's head noun is its last cue word before a clause or a
	 * preposition ("the official news agency", "the head of ..."); without
	 * an article only a bare role ("presidential adviser") is trusted. */
	int vote = -1;
	for (size_t k = i; k < x->b && k < i + 8; k++) {
		const nf_token *w = &x->tk[k];
		if (!art && k >= i + 3)
			break;
		if (w->flags & NF_TOK_PUNCT) {
			char ch = x->text[w->off];
			if (ch == ',' || ch == '.' || ch == ';' || ch == ')' || ch == ':')
				break;
			continue;
		}
		if (!lower_word(w))
			continue;
		uint16_t k2 = wcls(x, w);
		if (k2 & (W_PREP | W_PREPWEAK) || tok_is(x, w, "of") || tok_is(x, w, "who") ||
		    tok_is(x, w, "which") || tok_is(x, w, "that"))
			break;
		if (k2 & W_ROLE)
			vote = V_PERSON;
		else if (k2 & W_PLACECUE)
			vote = V_PLACE;
		else if (k2 & W_ORGCUE)
			vote = V_ORG;
	}
	if (vote >= 0)
		fm->vote[vote] += 2;
}

/* Whether the lower-case word t after a name may be a noun the name
 * modifies ("Veldavian troops") rather than its verb: not a speech verb,
 * not "-ed" or "-ing" ("Lanz ordered", "Lanz starting"). Third-person
 * verbs in "-s" pass, as plurals look the same; they are rarer after a
 * name. */
static int noun_like(const ex *x, const nf_token *t)
{
	const char *w = x->text + t->off;
	size_t n = t->len;
	if (wcls(x, t) & W_SPEECH)
		return 0;
	if (n > 4 && w[n - 2] == 'e' && w[n - 1] == 'd')
		return 0;
	return !(n > 5 && !memcmp(w + n - 3, "ing", 3));
}

/* Votes for a kind from the words around mention p..q. */
static void cues(ex *x, form *fm, size_t p, size_t q, unsigned cue)
{
	int32_t *v = fm->vote;
	const nf_token *n1 = q + 1 < x->b ? &x->tk[q + 1] : NULL;
	/* "according to Kazakh news agency X", "in Soviet mines": the name
	 * modifies a noun, which is what the preposition governs. */
	int modifier = n1 && lower_word(n1) && !(n1->flags & NF_TOK_STOP);
	int poss = (n1 && tok_is(x, n1, "'s")) || modifier;
	fm->adj += modifier && noun_like(x, n1);
	if (cue & CUE_TITLE) {
		v[V_PERSON] += 3;
		fm->titled++;
	}
	if (cue & CUE_MOD)
		fm->mod++;
	if (n1 && lower_word(n1) && (wcls(x, n1) & W_SPEECH))
		fm->speak++;
	if (p > x->a) {
		const nf_token *p1 = &x->tk[p - 1];
		const nf_token *p2 = p - 1 > x->a ? &x->tk[p - 2] : NULL;
		uint16_t k1 = wcls(x, p1), k2 = p2 ? wcls(x, p2) : 0;
		int l1 = lower_word(p1), l2 = p2 && lower_word(p2);
		/* "the X", and "The X" opening a sentence */
		if ((l1 || (p1->flags & NF_TOK_SSTART)) && tok_is(x, p1, "the")) {
			fm->the++;
			/* "in the US" */
			if (l2 && (k2 & (W_PREP | W_PREPWEAK)) && !poss)
				v[V_PLACE] += 1;
		} else if (l1 && (k1 & W_SPEECH)) {
			/* "told Reuters"; "..., said X." but not "said X was" */
			if (tok_is(x, p1, "told") || tok_is(x, p1, "tells") ||
			    !n1 || (n1->flags & NF_TOK_PUNCT))
				fm->speak += !modifier;
		} else if (l1 && (k1 & W_ROLE)) {
			v[V_PERSON] += 2;
			fm->titled++;
		} else if (l1 && (k1 & W_ORGCUE)) {
			v[V_ORG] += 3;
		} else if (l1 && (k1 & W_PLACECUE)) {
			v[V_PLACE] += 3;
		} else if (l1 && (k1 & (W_PREP | W_PREPWEAK)) && !poss) {
			if (p2 && tok_is(x, p2, "according"))
				fm->speak += !modifier;
			else
				v[V_PLACE] += (k1 & W_PREP) ? 2 : 1;
		} else if (l2 && (k2 & W_PLACECUE) &&
		           (tok_is(x, p1, "of") || is_punct(x, p1, ","))) {
			v[V_PLACE] += 3; /* "the city of X", "the capital, X" */
		}
	}
	appositive(x, fm, q);
}

/* Lower-case ASCII initials of the name words in p..q into out (cap 8);
 * 0 when a word does not start with an ASCII letter. */
static int span_initials(const ex *x, size_t p, size_t q, char *out)
{
	size_t n = 0;
	for (size_t i = p; i <= q; i++) {
		const nf_token *t = &x->tk[i];
		if (!name_tok(x, t))
			continue;
		char ch = x->text[t->off];
		if (n >= 7 || !((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
			return 0;
		out[n++] = (char)(ch | 0x20);
	}
	out[n] = '\0';
	return n >= 2;
}

/* "Collective Security Treaty Organisation (CSTO)": links the two forms
 * when the letters in brackets are the initials of the name. */
static nf_status acronym_link(ex *x, uint32_t f, size_t p, size_t q)
{
	if (q + 3 >= x->b || !is_punct(x, &x->tk[q + 1], "(") ||
	    !is_punct(x, &x->tk[q + 3], ")"))
		return NF_OK;
	const nf_token *t = &x->tk[q + 2];
	if (!(t->flags & NF_TOK_UPPER) || t->len > 12)
		return NF_OK;
	char ini[8], letters[13];
	size_t n = 0;
	for (size_t i = 0; i < t->len; i++)
		if (x->text[t->off + i] != '.')
			letters[n++] = (char)(x->text[t->off + i] | 0x20);
	letters[n] = '\0';
	if (!span_initials(x, p, q, ini) || strcmp(ini, letters))
		return NF_OK;
	const char *key = nf_lex_str(&x->c->lex, t->norm);
	uint32_t a;
	nf_status st = get_form(x, key, strlen(key), t->off, t->len, 1, &a);
	if (st || a == UINT32_MAX)
		return st;
	pair *l = nf_vec_push(&x->links, sizeof *l);
	if (!l)
		return NF_ENOMEM;
	l->a = f;
	l->b = a;
	return NF_OK;
}

static nf_status list_add(ex *x, uint32_t list, uint32_t f)
{
	pair *l = nf_vec_push(&x->lists, sizeof *l);
	if (!l)
		return NF_ENOMEM;
	l->a = list;
	l->b = f;
	return NF_OK;
}

/* Records the names of one list, "A, B and C", under one number. */
static nf_status list_link(ex *x, uint32_t f, size_t p)
{
	size_t gap = p - x->last_end;
	int ok = x->last_occ != UINT32_MAX && gap >= 1 && gap <= 2;
	for (size_t i = x->last_end; ok && i < p; i++) {
		const nf_token *t = &x->tk[i];
		ok = is_punct(x, t, ",") || tok_is(x, t, "and") || tok_is(x, t, "or");
	}
	if (!ok) {
		x->list = 0;
		return NF_OK;
	}
	nf_status st = NF_OK;
	if (!x->list) {
		x->list = ++x->nlists;
		st = list_add(x, x->list, x->last_occ);
	}
	return st ? st : list_add(x, x->list, f);
}

/* "Sen. Jo Lind, D-Ore., said": the party letter and the abbreviated state
 * or district that wire copy puts after a legislator's name, between
 * commas or in brackets. Five letters after the hyphen at most: the
 * abbreviations are short ("Calif", "N.C"), a hyphenated name is not
 * ("X-Ray" aside, which no comma precedes). */
static int affiliation(const ex *x, size_t p, size_t q)
{
	if (p == x->a)
		return 0;
	const nf_token *pv = &x->tk[p - 1];
	if (!is_punct(x, pv, ",") && !is_punct(x, pv, "("))
		return 0;
	const char *s = x->text + x->tk[p].off;
	size_t len = x->tk[q].off + x->tk[q].len - x->tk[p].off;
	if (len < 3 || len > 7 || s[0] < 'A' || s[0] > 'Z' || s[1] != '-' ||
	    s[2] < 'A' || s[2] > 'Z')
		return 0;
	for (size_t i = 3; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      s[i] == '.'))
			return 0;
	return 1;
}

/* A mention: tokens p..q (name words, connectors and initials' periods). */
static nf_status emit(ex *x, size_t p, size_t q, unsigned cue)
{
	for (int pass = 0; pass < 2; pass++) {
		while (p <= q && !name_tok(x, &x->tk[p]))
			p++;
		while (q > p && !name_tok(x, &x->tk[q]))
			q--;
		if (p > q || !name_tok(x, &x->tk[p]))
			return NF_OK;
		const nf_token *t = &x->tk[p];
		if (!pass && initial(x, p) && !(t->flags & NF_TOK_UPPER) && (wcls(x, t) & W_OPENER)) {
			p++;
			continue;
		}
		if (pass || (t->flags & NF_TOK_UPPER) || t->norm >= x->nids ||
		    x->capmid[t->norm] || !initial(x, p))
			break;
		/* A capitalised first word never capitalised elsewhere: a common
		 * word ("Former", "Following" beside "followed") or a typo
		 * ("Resident") unless it starts a two-word name ("Yerkin
		 * Zhumabekov said"). */
		size_t words = 0;
		for (size_t i = p; i <= q; i++)
			words += name_tok(x, &x->tk[i]);
		if (words == 1 || words >= 3 || x->low[t->norm] ||
		    (t->stem < x->nids && x->lowstem[t->stem]))
			p++;
		else
			break;
	}
	while (q > p && ((wcls(x, &x->tk[q]) & W_SUFFIX) || !name_tok(x, &x->tk[q])))
		q--;
	size_t words = 0;
	for (size_t i = p; i <= q; i++)
		words += name_tok(x, &x->tk[i]);
	if (words > MAX_SPAN)
		return NF_OK;
	if (p > x->a) {
		/* "5 p.m. EDT", "4 GW": a unit, not a name */
		const nf_token *pv = &x->tk[p - 1];
		if ((pv->flags & NF_TOK_NUM) || tok_is(x, pv, "a.m.") || tok_is(x, pv, "p.m."))
			return NF_OK;
	}
	const nf_token *w0 = &x->tk[p];
	if (affiliation(x, p, q))
		return NF_OK;
	/* One word written in lower case as often as capitalised mid-sentence
	 * is a common word ("the Internet", a stray "According"). */
	if (words == 1 && !(w0->flags & NF_TOK_UPPER) && w0->norm < x->nids &&
	    x->low[w0->norm] && x->low[w0->norm] >= x->capmid[w0->norm])
		return NF_OK;
	/* A head noun alone ("Office", "Street") or an abbreviation ("Jr"):
	 * the rest of the name is elsewhere. */
	uint16_t k0 = wcls(x, w0);
	if (words == 1 && !(w0->flags & NF_TOK_UPPER) &&
	    ((k0 & W_GENERIC) || ((k0 & (W_ORGHEAD | W_PLACEHEAD)) && x->low[w0->norm])))
		return NF_OK;
	if (p > x->a && lower_word(&x->tk[p - 1]) &&
	    (tok_is(x, &x->tk[p - 1], "a") || tok_is(x, &x->tk[p - 1], "an")))
		return NF_OK; /* "an ATM": a common noun */
	x->key.len = 0;
	nf_status st = NF_OK;
	int upper = 1;
	for (size_t i = p; i <= q && !st; i++) {
		const nf_token *t = &x->tk[i];
		if ((t->flags & NF_TOK_WORD) && !(t->flags & NF_TOK_UPPER))
			upper = 0;
		if (i > p && t->off > x->tk[i - 1].off + x->tk[i - 1].len)
			st = nf_buf_putc(&x->key, ' ');
		if (!st)
			st = nf_buf_puts(&x->key, nf_lex_str(&x->c->lex, t->norm));
	}
	if (st)
		return st;
	uint32_t off = x->tk[p].off, len = x->tk[q].off + x->tk[q].len - off, f;
	if ((st = get_form(x, x->key.data, x->key.len, off, len, upper, &f)) ||
	    f == UINT32_MAX || (st = add_occ(x, f, upper)) || x->lookup)
		return st;
	form *fm = FORM(x, f);
	for (size_t i = p; i <= q; i++)
		if (x->tk[i].flags & NF_TOK_UPPER)
			fm->capsword = 1;
	cues(x, fm, p, q, cue);
	if ((st = list_link(x, f, p)))
		return st;
	x->last_occ = f;
	x->last_end = q + 1;
	return acronym_link(x, f, p, q);
}

/* Whether the title word at k introduces a name: what follows it is not a
 * common lower-case word ("Justice Department" is no title use). */
static int title_use(const ex *x, size_t k, size_t e)
{
	size_t n = k + 1;
	while (n <= e && is_punct(x, &x->tk[n], "."))
		n++;
	if (n > e)
		return 1;
	const nf_token *t = &x->tk[n];
	if (tok_is(x, t, "of") || (wcls(x, t) & W_TITLE) || (t->flags & NF_TOK_UPPER))
		return 1;
	return t->norm < x->nids && !x->low[t->norm];
}

/* A run of name tokens i..e: titles cut off, then mentions emitted. */
static nf_status span(ex *x, size_t i, size_t e)
{
	for (size_t k = i; k <= e; k++)
		if (glued(x, k))
			return NF_OK;
	if (wcls(x, &x->tk[e]) & (W_ORGHEAD | W_PLACEHEAD))
		return emit(x, i, e, 0); /* "Prime Minister's Office" */
	size_t first = SIZE_MAX, last = SIZE_MAX;
	for (size_t k = i; k <= e; k++) {
		const nf_token *t = &x->tk[k];
		if (!(wcls(x, t) & W_TITLE) || !(t->flags & NF_TOK_CAP) || (t->flags & NF_TOK_UPPER))
			continue;
		if (first == SIZE_MAX)
			first = k;
		if (title_use(x, k, e))
			last = k;
	}
	if (last == SIZE_MAX)
		return emit(x, i, e, 0);
	/* Common words before a title belong to it: "Soviet Foreign Minister" */
	while (first > i && (x->tk[first - 1].flags & NF_TOK_CAP) &&
	       !(x->tk[first - 1].flags & NF_TOK_UPPER) && x->tk[first - 1].norm < x->nids &&
	       x->low[x->tk[first - 1].norm])
		first--;
	nf_status st = NF_OK;
	if (first > i && (st = emit(x, i, first - 1, CUE_MOD)))
		return st;
	size_t p = last + 1;
	while (p <= e && is_punct(x, &x->tk[p], "."))
		p++;
	if (p <= e && tok_is(x, &x->tk[p], "of")) {
		/* "Secretary of State Antony Blinken", "President of Kazakhstan" */
		while (p <= e && !name_tok(x, &x->tk[p]))
			p++;
		if (p + 1 > e)
			return p <= e ? emit(x, p, e, 0) : NF_OK;
		p++;
	}
	return p <= e ? emit(x, p, e, CUE_TITLE) : NF_OK;
}

/* A capitalised part of a hyphenated word: "Russian-led", "ex-Soviet". */
static nf_status sub_mention(ex *x, size_t i)
{
	const nf_token *t = &x->tk[i];
	const char *s = x->text + t->off;
	const char *norm = nf_lex_str(&x->c->lex, t->norm);
	size_t seg[16], nseg[16], nlen = strlen(norm);
	size_t n = segments(s, t->len, seg, 16);
	if (n < 2 || n >= 16 || segments(norm, nlen, nseg, 16) != n)
		return NF_OK;
	size_t k0 = 0;
	while (k0 < n && !starts_upper(s + seg[k0], t->len - seg[k0]))
		k0++;
	size_t k1 = k0;
	while (k1 < n && starts_upper(s + seg[k1], t->len - seg[k1]))
		k1++;
	if (k0 == n || (k0 == 0 && k1 == n))
		return NF_OK;
	size_t off = seg[k0], end = k1 < n ? seg[k1] - 1 : t->len;
	size_t noff = nseg[k0], nend = k1 < n ? nseg[k1] - 1 : nlen;
	uint32_t id = nf_lex_find(&x->c->lex, norm + noff, nend - noff);
	if (id && id < x->nids && (x->cls[id] & W_CALENDAR))
		return NF_OK; /* "mid-January" */
	uint32_t f;
	nf_status st = get_form(x, norm + noff, nend - noff, t->off + (uint32_t)off,
	                        (uint32_t)(end - off), 0, &f);
	if (st || f == UINT32_MAX)
		return st;
	return add_occ(x, f, 0);
}

/* Whether the connector at j may join the name i..j-1 to what follows. */
static int connector(const ex *x, size_t i, size_t j)
{
	const nf_token *t = &x->tk[j];
	if (!lower_word(t))
		return 0;
	if (wcls(x, t) & W_PARTICLE)
		return 1;
	/* "University of", "Republic of", "Secretary of": after a head noun */
	if (tok_is(x, t, "of"))
		return (wcls(x, &x->tk[j - 1]) & (W_ORGHEAD | W_PLACEHEAD | W_TITLE)) != 0;
	if (tok_is(x, t, "the"))
		return j > i && lower_word(&x->tk[j - 1]);
	if (tok_is(x, t, "for") || tok_is(x, t, "on")) {
		for (size_t k = i; k < j; k++)
			if (wcls(x, &x->tk[k]) & W_ORGHEAD)
				return 1;
	}
	return 0;
}

/* Every mention in the current sentence. */
static nf_status walk(ex *x)
{
	nf_status st = NF_OK;
	for (size_t i = x->a; i < x->b && !st;) {
		const nf_token *t = &x->tk[i];
		if (!name_tok(x, t)) {
			if ((t->flags & NF_TOK_WORD) && memchr(x->text + t->off, '-', t->len) &&
			    !glued(x, i))
				st = sub_mention(x, i);
			i++;
			continue;
		}
		size_t e = i, j = i + 1;
		while (j < x->b) {
			const nf_token *n = &x->tk[j];
			if (name_tok(x, n)) {
				e = j++;
				continue;
			}
			/* "Mr. Massimov", "John F. Kennedy", "Mount St. Helens" */
			const nf_token *pv = &x->tk[j - 1];
			if (is_punct(x, n, ".") && pv->off + pv->len == n->off && j + 1 < x->b &&
			    name_tok(x, &x->tk[j + 1]) &&
			    ((wcls(x, pv) & W_TITLE) || pv->len == 1 || vowelless(x, pv))) {
				j++;
				continue;
			}
			/* "James A. Baker": an initial, which is a stop word alone */
			if (n->len == 1 && (n->flags & NF_TOK_CAP) && j + 2 < x->b &&
			    is_punct(x, &x->tk[j + 1], ".") && x->tk[j + 1].off == n->off + 1 &&
			    name_tok(x, &x->tk[j + 2])) {
				j += 2;
				continue;
			}
			/* "County Sheriff's Office" */
			if (tok_is(x, n, "'s") && pv->off + pv->len == n->off && j + 1 < x->b &&
			    name_tok(x, &x->tk[j + 1]) &&
			    (wcls(x, &x->tk[j + 1]) & (W_ORGHEAD | W_PLACEHEAD))) {
				j++;
				continue;
			}
			/* Up to three connectors: "of the", "von der". */
			size_t k = j;
			while (k < x->b && k < j + 3 && connector(x, i, k))
				k++;
			if (k > j && k < x->b && name_tok(x, &x->tk[k])) {
				j = k;
				continue;
			}
			break;
		}
		st = span(x, i, e);
		i = e + 1;
	}
	return st;
}

/* A headline in title case ("Kazakhstan Says 164 People Were Killed"),
 * where capitals do not mark names. */
static int title_case(const ex *x)
{
	size_t words = 0, caps = 0;
	for (size_t i = x->a + 1; i < x->b; i++) {
		const nf_token *t = &x->tk[i];
		if (!(t->flags & NF_TOK_WORD) || (t->flags & NF_TOK_STOP))
			continue;
		words++;
		caps += (t->flags & NF_TOK_CAP) != 0;
	}
	/* Most content words capitalised: sentence case rarely exceeds half. */
	return words >= 3 && caps * 10 > words * 6;
}

/* --- Reading the corpus --------------------------------------------------------- */

static nf_status read_body(ex *x)
{
	nf_corpus *c = x->c;
	for (size_t d = 0; d < NF_NDOCS(c); d++) {
		nf_doc *doc = NF_DOC(c, d);
		if (!doc->text)
			continue;
		x->doc = (uint32_t)d;
		for (size_t s = 0; s < doc->nsents; s++) {
			const nf_sentence *se = &doc->sents[s];
			set_sentence(x, doc->text, doc->toks, se->tok0, se->tok0 + se->ntok);
			if (se->ntok && real_sentence(x)) {
				nf_status st = walk(x);
				if (st)
					return st;
			}
		}
	}
	return NF_OK;
}

static nf_status read_headlines(ex *x, const nf_vec *htoks, const size_t *h0)
{
	nf_corpus *c = x->c;
	x->lookup = 1;
	for (size_t d = 0; d < NF_NDOCS(c); d++) {
		const nf_doc *doc = NF_DOC(c, d);
		if (!doc->title || h0[d] == h0[d + 1])
			continue;
		x->doc = (uint32_t)d;
		set_sentence(x, doc->title, (const nf_token *)htoks->data + h0[d], 0,
		             h0[d + 1] - h0[d]);
		if (!title_case(x)) {
			nf_status st = walk(x);
			if (st)
				return st;
		}
	}
	x->lookup = 0;
	return NF_OK;
}

static nf_status word_stats(ex *x)
{
	nf_corpus *c = x->c;
	x->nids = (size_t)c->lex.count + 1;
	x->cls = calloc(x->nids, sizeof *x->cls);
	x->low = calloc(x->nids, sizeof *x->low);
	x->capmid = calloc(x->nids, sizeof *x->capmid);
	x->lowstem = calloc(x->nids, sizeof *x->lowstem);
	if (!x->cls || !x->low || !x->capmid || !x->lowstem)
		return NF_ENOMEM;
	for (size_t k = 0; k < sizeof word_classes / sizeof *word_classes; k++)
		for (const char *const *w = word_classes[k].words; *w; w++) {
			uint32_t id = nf_lex_find(&c->lex, *w, strlen(*w));
			if (id && id < x->nids)
				x->cls[id] |= (uint16_t)word_classes[k].bits;
		}
	for (size_t d = 0; d < NF_NDOCS(c); d++) {
		nf_doc *doc = NF_DOC(c, d);
		if (!doc->text)
			continue;
		for (size_t s = 0; s < doc->nsents; s++) {
			const nf_sentence *se = &doc->sents[s];
			set_sentence(x, doc->text, doc->toks, se->tok0, se->tok0 + se->ntok);
			if (se->ntok)
				count_words(x, real_sentence(x));
		}
	}
	return NF_OK;
}

/* --- Parts and skeletons ---------------------------------------------------------- */

/* The skeleton of a name part: case, diacritics and everything but letters
 * and digits dropped, y as i, doubled letters single ("Kassym" -> "kasim"). */
static nf_status skeleton(const char *s, size_t len, char *out, uint16_t *outlen)
{
	utf8proc_uint8_t *mapped = NULL;
	int ascii = 1;
	for (size_t i = 0; i < len && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (!ascii) {
		utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
		                                  &mapped, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
		                                  UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
		if (r < 0)
			return r == UTF8PROC_ERROR_NOMEM ? NF_ENOMEM : NF_OK;
		s = (const char *)mapped;
		len = (size_t)r;
	}
	size_t n = 0;
	for (size_t i = 0; i < len && n < MAX_SKEL - 1; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch | 0x20);
		if (ch == 'y')
			ch = 'i';
		if (ch < 0x80 && !((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
			continue;
		if (ch < 0x80 && n && (unsigned char)out[n - 1] == ch)
			continue;
		out[n++] = (char)ch;
	}
	free(mapped);
	*outlen = (uint16_t)n;
	return NF_OK;
}

static int vowel(char c)
{
	switch (c) {
	case 'a': case 'e': case 'i': case 'o': case 'u':
		return 1;
	default:
		return 0;
	}
}

/* What transliteration changes costs 1: a vowel for a vowel, a consonant
 * for its usual rival ("Organisation"/"Organization", "Luhansk"/
 * "Lugansk"), a vowel or h more or less ("Tokayev"/"Tokaev", "Nur-Sultan"/
 * "Nure-Sultan"). Anything else costs 2: "Chanel" and "Chapel" are two
 * names, not two spellings. */
static size_t sub_cost(char a, char b)
{
	static const char *const rivals[] = {"sz", "cs", "ck", "kq", "gh", "vw",
	                                     "fv", "ij", "xz"};
	if (a == b)
		return 0;
	if (vowel(a) && vowel(b))
		return 1;
	for (size_t i = 0; i < sizeof rivals / sizeof *rivals; i++)
		if ((a == rivals[i][0] && b == rivals[i][1]) ||
		    (a == rivals[i][1] && b == rivals[i][0]))
			return 1;
	return 2;
}

static size_t indel_cost(char a)
{
	return vowel(a) || a == 'h' ? 1 : 2;
}

/* Weighted edit distance with adjacent transpositions (costs above), or
 * max + 1 when over max. */
static size_t osa(const char *a, size_t la, const char *b, size_t lb, size_t max)
{
	size_t r0[MAX_SKEL + 1], r1[MAX_SKEL + 1], r2[MAX_SKEL + 1];
	size_t *pp = r0, *p = r1, *cur = r2;
	p[0] = 0;
	for (size_t j = 1; j <= lb; j++)
		p[j] = p[j - 1] + indel_cost(b[j - 1]);
	for (size_t i = 1; i <= la; i++) {
		cur[0] = p[0] + indel_cost(a[i - 1]);
		size_t best = cur[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t v = p[j - 1] + sub_cost(a[i - 1], b[j - 1]);
			if (p[j] + indel_cost(a[i - 1]) < v)
				v = p[j] + indel_cost(a[i - 1]);
			if (cur[j - 1] + indel_cost(b[j - 1]) < v)
				v = cur[j - 1] + indel_cost(b[j - 1]);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		size_t *t = pp;
		pp = p;
		p = cur;
		cur = t;
	}
	return p[lb];
}

/* The bucket of a part's first letter: g and h are one, as a Cyrillic
 * letter is written G in one transliteration and H in another ("Galina"/
 * "Halyna", "Gordienko"/"Hordiienko"). */
static unsigned char first_letter(char c)
{
	return c == 'h' ? 'g' : (unsigned char)c;
}

/* Whether two name parts are spellings of one name. */
static int variant(const part *a, const part *b)
{
	size_t la = a->skel_len, lb = b->skel_len, m = la < lb ? la : lb;
	if (la == lb && !memcmp(a->skel, b->skel, la))
		return 1;
	/* Transliterations differ by a letter in six ("Tokayev"/"Tokaev" after
	 * y->i), by two in ten; shorter names differ by too much per edit. */
	size_t max = m >= 10 ? 2 : m >= 6 ? 1 : 0;
	if (!max || first_letter(a->skel[0]) != first_letter(b->skel[0]) ||
	    (la > lb ? la - lb : lb - la) > max)
		return 0;
	/* One a prefix of the other is morphology: Russia/Russian. */
	if (!memcmp(a->skel, b->skel, m))
		return 0;
	/* Each edit adds or removes at most two letters of the alphabet used;
	 * this rejects most pairs before the quadratic comparison. */
	uint32_t diff = a->letters ^ b->letters;
	size_t bits = 0;
	for (; diff && bits <= 2 * max; diff &= diff - 1)
		bits++;
	if (bits > 2 * max)
		return 0;
	return osa(a->skel, la, b->skel, lb, max) <= max;
}

static uint32_t part_root(ex *x, uint32_t i)
{
	part *v = x->parts.data;
	while (v[i].parent != i) {
		v[i].parent = v[v[i].parent].parent;
		i = v[i].parent;
	}
	return i;
}

static uint32_t root(ex *x, uint32_t i)
{
	form *v = x->forms.data;
	while (v[i].parent != i) {
		v[i].parent = v[v[i].parent].parent;
		i = v[i].parent;
	}
	return i;
}

/* Joins two clusters; the older form stays the root, for stable output. */
static void unite(ex *x, uint32_t a, uint32_t b)
{
	a = root(x, a);
	b = root(x, b);
	if (a == b)
		return;
	if (a < b)
		FORM(x, b)->parent = a;
	else
		FORM(x, a)->parent = b;
}

static int connector_part(const ex *x, const char *s, size_t len)
{
	uint32_t id = nf_lex_find(&x->c->lex, s, len);
	if (id && id < x->nids && (x->cls[id] & W_PARTICLE))
		return 1;
	return (len == 2 && !memcmp(s, "of", 2)) || (len == 3 && !memcmp(s, "the", 3)) ||
	       (len == 3 && !memcmp(s, "for", 3)) || (len == 2 && !memcmp(s, "on", 2));
}

static uint16_t part_class(const ex *x, const char *s, size_t len)
{
	uint32_t id = nf_lex_find(&x->c->lex, s, len);
	return id && id < x->nids ? x->cls[id] : 0;
}

/* Parts, skeleton, head noun, initials and shape of form f. */
static nf_status analyse_form(ex *x, uint32_t f)
{
	uint32_t klen;
	const char *key = form_key(x, f, &klen);
	form *fm = FORM(x, f);
	fm->part0 = (uint32_t)x->partref.len;
	char skel[MAX_SKEL * 4];
	size_t sl = 0, ni = 0, letters = 0;
	int lowercase_words = 0, roleword = 0, head_done = 0;
	const char *head = NULL;
	size_t head_len = 0;
	nf_status st;
	for (size_t i = 0; i < klen;) {
		size_t j = i;
		while (j < klen && key[j] != ' ')
			j++;
		uint32_t pid;
		int added;
		if ((st = imap_get(&x->parts_map, &x->scratch, key + i, j - i, 1, &pid, &added)))
			return st;
		if (added) {
			part *p = nf_vec_push(&x->parts, sizeof *p);
			if (!p)
				return NF_ENOMEM;
			p->key = pid;
			p->parent = pid;
			if ((st = skeleton(key + i, j - i, p->skel, &p->skel_len)))
				return st;
			for (size_t k = 0; k < p->skel_len; k++) {
				unsigned char ch = (unsigned char)p->skel[k];
				p->letters |= ch >= 'a' && ch <= 'z' ? 1u << (ch - 'a') : 1u << 26;
			}
		}
		uint32_t *r = nf_vec_push(&x->partref, sizeof *r);
		if (!r)
			return NF_ENOMEM;
		*r = pid;
		fm->nparts++;
		const part *p = &NF_VEC_AT(&x->parts, part, pid);
		if (sl + p->skel_len < sizeof skel) {
			memcpy(skel + sl, p->skel, p->skel_len);
			sl += p->skel_len;
		}
		if (j - i == 2 && !memcmp(key + i, "of", 2) && head && !head_done)
			head_done = 1;
		if (!connector_part(x, key + i, j - i)) {
			fm->words++;
			if (!head_done) {
				head = key + i;
				head_len = j - i;
			}
			if (ni < 7 && key[i] >= 'a' && key[i] <= 'z')
				fm->initials[ni++] = key[i];
			else
				ni = 8;
			uint32_t id = nf_lex_find(&x->c->lex, key + i, j - i);
			if (!id || id >= x->nids || x->low[id])
				lowercase_words = 1;
			if (id && id < x->nids && (x->cls[id] & (W_TITLE | W_ROLE)))
				roleword = 1;
		}
		for (size_t k = i; k < j; k++)
			letters += key[k] != '.';
		i = j + 1;
	}
	if (ni > 7 || fm->words < 2)
		fm->initials[0] = '\0';
	uint16_t hc = head ? part_class(x, head, head_len) : 0;
	fm->head = (hc & W_ORGHEAD) ? V_ORG + 1 : (hc & W_PLACEHEAD) ? V_PLACE + 1 : 0;
	/* Acronyms are short ("CSTO", "U.S."); longer capitals are shouting. */
	fm->acronym = fm->nparts == 1 && fm->upper > fm->mixed && letters >= 2 && letters <= 6;
	fm->namelike = fm->words >= 2 && fm->words <= 4 && !fm->head && !fm->acronym &&
	               !fm->capsword && !lowercase_words && !roleword;
	uint32_t sid;
	if ((st = imap_get(&x->skel_map, &x->scratch, skel, sl, 1, &sid, NULL)))
		return st;
	fm->skel = sid;
	return NF_OK;
}

/* A part's place in the fuzzy-comparison buckets. */
typedef struct bucket {
	unsigned char first;
	uint16_t len;
	uint32_t id;
} bucket;

static int cmp_bucket(const void *pa, const void *pb)
{
	const bucket *a = pa, *b = pb;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static uint32_t part_of(const ex *x, const form *fm, uint32_t k)
{
	return NF_VEC_AT(&x->partref, uint32_t, fm->part0 + k);
}

static nf_status merge_parts(ex *x)
{
	size_t n = x->parts.len, m = 0;
	part *pv = x->parts.data;
	bucket *bk = malloc((n ? n : 1) * sizeof *bk);
	if (!bk)
		return NF_ENOMEM;
	for (size_t i = 0; i < n; i++)
		if (pv[i].skel_len >= 6)
			bk[m++] = (bucket){first_letter(pv[i].skel[0]), pv[i].skel_len, (uint32_t)i};
	qsort(bk, m, sizeof *bk, cmp_bucket);
	for (size_t i = 0; i < m; i++)
		for (size_t j = i + 1; j < m && bk[j].first == bk[i].first &&
		                       bk[j].len - bk[i].len <= 2; j++)
			if (variant(&pv[bk[i].id], &pv[bk[j].id])) {
				uint32_t a = part_root(x, bk[i].id), b = part_root(x, bk[j].id);
				if (a < b)
					pv[b].parent = a;
				else if (b < a)
					pv[a].parent = b;
			}
	free(bk);
	return NF_OK;
}

/* Forms with one skeleton, and forms whose parts are variants one by one. */
static nf_status merge_variants(ex *x, uint32_t *skel_first)
{
	size_t nf = x->forms.len;
	for (size_t i = 0; i < x->skel_map.keys.len; i++)
		skel_first[i] = UINT32_MAX;
	imap sig = {0};
	nf_vec sig_first = NF_VEC_INIT;
	nf_status st = NF_OK;
	for (uint32_t f = 0; f < nf && !st; f++) {
		form *fm = FORM(x, f);
		/* Short skeletons lose too much: "Lee" and "Le" are two names. */
		if (NF_VEC_AT(&x->skel_map.keys, ikey, fm->skel).len >= 5) {
			if (skel_first[fm->skel] == UINT32_MAX)
				skel_first[fm->skel] = f;
			else
				unite(x, skel_first[fm->skel], f);
		}
		uint32_t s[MAX_SPAN * 2 + 8], ns = 0, initials = 0;
		if (fm->acronym || fm->nparts > sizeof s / sizeof *s)
			continue;
		for (uint32_t k = 0; k < fm->nparts; k++)
			initials += NF_VEC_AT(&x->parts, part, part_of(x, fm, k)).skel_len == 1;
		/* Middle initials drop out when two words remain: "Mikhail S.
		 * Gorbachev" is "Mikhail Gorbachev". */
		for (uint32_t k = 0; k < fm->nparts; k++) {
			uint32_t pid = part_of(x, fm, k);
			if (fm->nparts - initials < 2 || NF_VEC_AT(&x->parts, part, pid).skel_len != 1)
				s[ns++] = part_root(x, pid);
		}
		uint32_t id;
		int added;
		if ((st = imap_get(&sig, &x->scratch, (const char *)s, ns * sizeof *s, 1,
		                   &id, &added)))
			break;
		if (added) {
			uint32_t *slot = nf_vec_push(&sig_first, sizeof *slot);
			if (!slot)
				st = NF_ENOMEM;
			else
				*slot = f;
		} else {
			unite(x, NF_VEC_AT(&sig_first, uint32_t, id), f);
		}
	}
	imap_free(&sig);
	nf_vec_free(&sig_first);
	return st;
}

/* The kind a cluster's evidence points to; *evidence tells whether any.
 * surnames_joined: attach_surnames() has run (see the adjective rule). */
static int decide(const cluster *k, int surnames_joined, int *evidence)
{
	*evidence = 1;
	if (k->demonym * 2 > k->count)
		return NF_ENT_OTHER;
	int32_t p = k->vote[V_PERSON], l = k->vote[V_PLACE], o = k->vote[V_ORG];
	/* A name whose words are never lower case and never follow "the" is a
	 * person unless its context says place or organisation ("in Puerto
	 * Rico"); so is an acronym an organisation. */
	if (!k->the && !k->mod && l <= 0 && o <= 0)
		p += (int32_t)k->namelike;
	if (p <= 0 && l <= 0 && o <= 0 && k->acronym * 2 > k->count)
		return NF_ENT_ORG;
	if (p <= 0 && l <= 0 && o <= 0) {
		*evidence = 0;
		/* Speaks or is told, yet no title, first name or place: an
		 * organisation ("Reuters saw", "the Kremlin said"). */
		return k->speak ? NF_ENT_ORG : NF_ENT_OTHER;
	}
	/* A person is named, not used as an adjective: a name mostly put
	 * before a noun ("Veldavian troops") is a nationality or a movement,
	 * even when a stray cue or a list says person. A person
	 * modifies nouns too ("the Lanz administration") but is titled
	 * ("President Lanz") once in every few such mentions, while a
	 * nationality meets a title only by a misreading, under one in eight.
	 * Places and organisations modify nouns as often as not ("Navy
	 * divers", "Alabama tornado"), so only a person is undone, and only
	 * once surnames have joined their full names and not one that joined:
	 * a surname the reports use as an adjective ("the Lanz look") still
	 * stands for the person its full name introduced. Nor a person by
	 * the shape of a full name: local news writes "Jo Lind says" in the
	 * present, and third-person verbs look like plural nouns. */
	if (p >= l && p >= o)
		return surnames_joined && !k->surname && !k->namelike &&
		       k->adj * 2 > k->count && k->titled * 8 < k->adj
		       ? NF_ENT_OTHER : NF_ENT_PERSON;
	return o >= l ? NF_ENT_ORG : NF_ENT_PLACE;
}

static void aggregate(ex *x, cluster *cl, int surnames_joined)
{
	size_t nf = x->forms.len;
	memset(cl, 0, nf * sizeof *cl);
	for (uint32_t f = 0; f < nf; f++) {
		form *fm = FORM(x, f);
		cluster *k = &cl[root(x, f)];
		for (int v = 0; v < 3; v++)
			k->vote[v] += fm->vote[v];
		/* A head noun outweighs the cues of a few mentions. */
		if (fm->head)
			k->vote[fm->head - 1] += 4 * (int32_t)fm->count;
		k->acronym += fm->acronym ? fm->count : 0;
		k->count += fm->count;
		k->speak += fm->speak;
		k->the += fm->the;
		k->mod += fm->mod;
		k->adj += fm->adj;
		k->titled += fm->titled;
		k->surname |= fm->surname;
		k->namelike += fm->namelike ? fm->count : 0;
		k->demonym += fm->demonym ? fm->count : 0;
	}
	for (uint32_t f = 0; f < nf; f++)
		if (root(x, f) == f) {
			cl[f].root = f;
			cl[f].kind = decide(&cl[f], surnames_joined, &cl[f].evidence);
		}
}

/* Pairs in order of a, then b. */
static int cmp_pair(const void *pa, const void *pb)
{
	const pair *a = pa, *b = pb;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

/* The first of the sorted p[0..n) not before key. */
static size_t pair_at(const pair *p, size_t n, pair key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cmp_pair(&p[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The reports that name cluster a and, of them, those that also name b
 * (*shared); d holds the sorted (cluster, document) pairs of all mentions. */
static size_t reports_of(const pair *d, size_t n, uint32_t a, uint32_t b, size_t *shared)
{
	size_t all = 0;
	*shared = 0;
	for (size_t i = pair_at(d, n, (pair){a, 0}); i < n && d[i].a == a; i++)
		if (!i || d[i - 1].a != a || d[i - 1].b != d[i].b) {
			size_t j = pair_at(d, n, (pair){b, d[i].b});
			*shared += j < n && d[j].a == b && d[j].b == d[i].b;
			all++;
		}
	return all;
}

/* Whether cluster a stands alone: more of its reports never name cluster b
 * than do. A reporter introduces a surname with the full name ("Bob Sheets
 * ... Sheets said"), so a surname is seldom alone; a place or a person of
 * its own is ("Cuba" in reports that never say "Santiago de Cuba"). */
static int stands_alone(const pair *d, size_t n, uint32_t a, uint32_t b)
{
	size_t shared, all = reports_of(d, n, a, b, &shared);
	return all - shared > shared;
}

/* Of the people rival[0..nr) a surname could stand for, the one named in
 * at least twice as many of the surname's reports as any other, else
 * UINT32_MAX. A story of one family tells of one of them mostly (the
 * governor, not her husband): the reporter names the other in full or by
 * title each time, and the bare surname is the one the story is about.
 * Twice: when two are named about as often, the surname is as likely
 * either's, and a wrong join is worse than none. */
static uint32_t main_bearer(const pair *d, size_t n, uint32_t self,
                            const uint32_t *rival, size_t nr)
{
	size_t best = 0, second = 0;
	uint32_t who = UINT32_MAX;
	for (size_t i = 0; i < nr; i++) {
		size_t shared;
		reports_of(d, n, self, rival[i], &shared);
		if (shared > best) {
			second = best;
			best = shared;
			who = rival[i];
		} else if (shared > second)
			second = shared;
	}
	return best >= 2 * second && best >= 2 ? who : UINT32_MAX;
}

/* People compared for one surname: a family rarely has more in the news. */
#define MAX_BEARERS 8

static void add_rival(uint32_t *rival, size_t *nr, uint32_t r)
{
	for (size_t i = 0; i < *nr; i++)
		if (rival[i] == r)
			return;
	if (*nr < MAX_BEARERS)
		rival[(*nr)++] = r;
}

/* "Tokayev" -> "Kassym-Jomart Tokayev" when that is the only person whose
 * last name it is, and neither the first name of another ("Li" of "Wan Li"
 * and of "Li Peng") nor a name standing alone with no title ("Cuba"); when
 * several people bear it, to the one main_bearer() finds. */
static nf_status attach_surnames(ex *x, cluster *cl)
{
	size_t nf = x->forms.len, n = 0, nfirst = 0, nd = x->occs.len;
	/* (last part, form), (first part, form) of full names */
	pair *lr = malloc((nf ? nf : 1) * sizeof *lr);
	pair *first = malloc((nf ? nf : 1) * sizeof *first);
	pair *dr = malloc((nd ? nd : 1) * sizeof *dr);
	/* Each form's cluster before this pass, and whether that cluster has
	 * joined a full name: a surname joins one person, and its spelling
	 * variants ("Mandla" beside "Mandela") must not take it to another. */
	uint32_t *root0 = malloc((nf ? nf : 1) * sizeof *root0);
	uint8_t *joined = calloc(nf ? nf : 1, 1);
	if (!lr || !first || !dr || !root0 || !joined) {
		free(lr);
		free(first);
		free(dr);
		free(root0);
		free(joined);
		return NF_ENOMEM;
	}
	for (uint32_t f = 0; f < nf; f++)
		root0[f] = root(x, f);
	for (uint32_t f = 0; f < nf; f++) {
		const form *fm = FORM(x, f);
		if (fm->words >= 2 && !fm->head && !fm->acronym) {
			lr[n++] = (pair){part_root(x, part_of(x, fm, fm->nparts - 1)), f};
			first[nfirst++] = (pair){part_root(x, part_of(x, fm, 0)), f};
		}
	}
	qsort(lr, n, sizeof *lr, cmp_pair);
	qsort(first, nfirst, sizeof *first, cmp_pair);
	/* The clusters as they were before any surname joined them, so that
	 * what a surname stands beside does not change as others join. */
	for (size_t i = 0; i < nd; i++) {
		const occ *o = &NF_VEC_AT(&x->occs, occ, i);
		dr[i] = (pair){root(x, o->form), o->doc};
	}
	qsort(dr, nd, sizeof *dr, cmp_pair);
	for (uint32_t f = 0; f < nf; f++) {
		const form *fm = FORM(x, f);
		if (fm->nparts != 1 || fm->words != 1 || fm->acronym)
			continue;
		uint32_t pr = part_root(x, part_of(x, fm, 0)), self = root0[f];
		if (joined[self])
			continue;
		/* A surname is also "to X" now and then; a place is mostly so. */
		const cluster *sk = &cl[self];
		if (sk->kind != NF_ENT_PERSON && sk->evidence &&
		    (sk->vote[V_PLACE] >= (int32_t)sk->count || sk->vote[V_ORG] >= (int32_t)sk->count))
			continue;
		/* "the Kryvets dam": a surname seldom follows "the" */
		if (sk->the * 2 > sk->count)
			continue;
		size_t lo = pair_at(lr, n, (pair){pr, 0});
		uint32_t cand = UINT32_MAX, rival[MAX_BEARERS];
		size_t nr = 0;
		int ambiguous = 0;
		/* The full name must be a person by its context, unless the
		 * surname itself is ("Mr X") or has no context at all: "North
		 * Texas" is a person only by the shape of its words. */
		int trusted = sk->vote[V_PERSON] > 0 || !sk->evidence;
		for (size_t i = lo; i < n && lr[i].a == pr; i++) {
			uint32_t r = root(x, lr[i].b);
			if (cl[r].kind != NF_ENT_PERSON || r == self ||
			    (!trusted && cl[r].vote[V_PERSON] <= 0))
				continue;
			if (cand == UINT32_MAX)
				cand = r;
			else if (cand != r)
				ambiguous = 1;
			add_rival(rival, &nr, r);
		}
		/* "Li" is as likely "Li Peng" as "Wan Li"; a name said once
		 * may be a list misread ("Ono, McCartney"), so not against it. */
		size_t k = pair_at(first, nfirst, (pair){pr, 0});
		for (; k < nfirst && first[k].a == pr; k++) {
			uint32_t r = root(x, first[k].b);
			if (cl[r].kind == NF_ENT_PERSON && cl[r].count >= 2 &&
			    r != cand && r != self) {
				ambiguous = 1;
				add_rival(rival, &nr, r);
			}
		}
		if (ambiguous && cand != UINT32_MAX &&
		    main_bearer(dr, nd, self, rival, nr) == cand)
			ambiguous = 0;
		/* A full name that is a person by the shape of its words alone
		 * ("Santiago de Cuba") may well be a place; one a title or role
		 * marks ("President Mikhail Gorbachev") takes its surname even
		 * where famous enough to stand alone. */
		if (cand != UINT32_MAX && !ambiguous &&
		    (sk->kind == NF_ENT_PERSON || cl[cand].vote[V_PERSON] > 0 ||
		     !stands_alone(dr, nd, self, cand))) {
			unite(x, f, cand);
			joined[self] = 1;
			FORM(x, f)->surname = 1;
		}
	}
	free(lr);
	free(first);
	free(dr);
	free(root0);
	free(joined);
	return NF_OK;
}

typedef struct iniref {
	char ini[8];
	uint32_t form;
} iniref;

static int cmp_iniref(const void *pa, const void *pb)
{
	const iniref *a = pa, *b = pb;
	int c = strcmp(a->ini, b->ini);
	return c ? c : (a->form < b->form ? -1 : a->form > b->form);
}

/* Acronyms: to the name bracketed with them, else to the one multi-word
 * name (not a person) whose initials they are. */
static nf_status join_acronyms(ex *x, cluster *cl)
{
	size_t nf = x->forms.len, n = 0;
	uint8_t *linked = calloc(nf ? nf : 1, 1);
	iniref *ir = malloc((nf ? nf : 1) * sizeof *ir);
	if (!linked || !ir) {
		free(linked);
		free(ir);
		return NF_ENOMEM;
	}
	for (size_t i = 0; i < x->links.len; i++) {
		pair *l = &NF_VEC_AT(&x->links, pair, i);
		unite(x, l->a, l->b);
		linked[l->b] = 1;
	}
	for (uint32_t f = 0; f < nf; f++)
		if (FORM(x, f)->initials[0]) {
			memcpy(ir[n].ini, FORM(x, f)->initials, 8);
			ir[n++].form = f;
		}
	qsort(ir, n, sizeof *ir, cmp_iniref);
	for (uint32_t f = 0; f < nf; f++) {
		const form *fm = FORM(x, f);
		if (!fm->acronym || linked[f])
			continue;
		uint32_t klen;
		const char *key = form_key(x, f, &klen);
		iniref want = {{0}, 0};
		size_t k = 0;
		for (uint32_t i = 0; i < klen && k < 7; i++)
			if (key[i] != '.')
				want.ini[k++] = key[i];
		/* Two letters match too many names by chance ("AP"); brackets
		 * ("Avoyelles Parish (AP)") would have linked them above. */
		if (k < 3)
			continue;
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (strcmp(ir[mid].ini, want.ini) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		uint32_t cand = UINT32_MAX;
		int ambiguous = 0;
		for (size_t i = lo; i < n && !strcmp(ir[i].ini, want.ini); i++) {
			uint32_t r = root(x, ir[i].form);
			if (cl[r].kind == NF_ENT_PERSON)
				continue;
			if (cand == UINT32_MAX)
				cand = r;
			else if (cand != r)
				ambiguous = 1;
		}
		if (cand != UINT32_MAX && !ambiguous)
			unite(x, f, cand);
	}
	free(linked);
	free(ir);
	return NF_OK;
}

/* "Russian" beside "Russia", "Central Asian" beside "Central Asia":
 * another name plus a demonym ending. */
static void find_demonyms(ex *x, const uint32_t *skel_first)
{
	static const char *const endings[] = {"n", "an", "ian", "i", "ese", "ish"};
	static const char restore[] = {'\0', 'a', 'e', 'o'};
	for (uint32_t f = 0; f < x->forms.len; f++) {
		form *fm = FORM(x, f);
		const ikey *sk = &NF_VEC_AT(&x->skel_map.keys, ikey, fm->skel);
		for (size_t e = 0; e < sizeof endings / sizeof *endings && !fm->demonym; e++) {
			size_t el = strlen(endings[e]);
			/* Four letters of stem at least: "Iran" is no demonym of "Ira". */
			if (sk->len < el + 4 || memcmp(sk->s + sk->len - el, endings[e], el))
				continue;
			char base[MAX_SKEL * 4 + 2];
			size_t bl = sk->len - el;
			if (bl + 1 >= sizeof base)
				continue;
			memcpy(base, sk->s, bl);
			for (size_t r = 0; r < sizeof restore && !fm->demonym; r++) {
				size_t l = bl;
				if (restore[r])
					base[l++] = restore[r];
				uint32_t sid;
				if (imap_get(&x->skel_map, NULL, base, l, 0, &sid, NULL) || sid == UINT32_MAX)
					continue;
				uint32_t g = skel_first[sid];
				if (g != UINT32_MAX && root(x, g) != root(x, f))
					fm->demonym = 1;
			}
		}
	}
}

/* Clusters without evidence take the kind of those listed with them. */
static nf_status propagate_lists(ex *x, cluster *cl)
{
	size_t nf = x->forms.len;
	uint32_t *tally = calloc(nf ? nf * 3 : 1, sizeof *tally);
	uint8_t *ev = calloc(nf ? nf : 1, 1);
	if (!tally || !ev) {
		free(tally);
		free(ev);
		return NF_ENOMEM;
	}
	for (uint32_t f = 0; f < nf; f++)
		if (root(x, f) == f) {
			int e;
			cl[f].kind = decide(&cl[f], 1, &e);
			ev[f] = (uint8_t)(e || cl[f].demonym * 2 > cl[f].count);
		}
	/* Entries of one list are contiguous: a list ends with its sentence. */
	const pair *l = x->lists.data;
	for (size_t i = 0, j; i < x->lists.len; i = j) {
		uint32_t kinds[3] = {0, 0, 0};
		for (j = i; j < x->lists.len && l[j].a == l[i].a; j++) {
			uint32_t r = root(x, l[j].b);
			if (ev[r] && cl[r].kind != NF_ENT_OTHER)
				kinds[cl[r].kind]++;
		}
		for (size_t k = i; k < j; k++) {
			uint32_t r = root(x, l[k].b);
			if (!ev[r])
				for (int v = 0; v < 3; v++)
					tally[r * 3 + (uint32_t)v] += kinds[v];
		}
	}
	for (uint32_t f = 0; f < nf; f++) {
		uint32_t *t = &tally[f * 3];
		if (ev[f] || root(x, f) != f || !(t[0] | t[1] | t[2]))
			continue;
		cl[f].kind = t[0] >= t[1] && t[0] >= t[2] ? NF_ENT_PERSON :
		             t[2] >= t[1] ? NF_ENT_ORG : NF_ENT_PLACE;
	}
	free(tally);
	free(ev);
	return NF_OK;
}

static int cmp_occ_form(const void *pa, const void *pb)
{
	const occ *a = pa, *b = pb;
	if (a->form != b->form)
		return a->form < b->form ? -1 : 1;
	return a->group < b->group ? -1 : a->group > b->group;
}

static int cmp_occ_root(const void *pa, const void *pb)
{
	const occ *a = pa, *b = pb;
	if (a->root != b->root)
		return a->root < b->root ? -1 : 1;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return a->doc < b->doc ? -1 : a->doc > b->doc;
}

/* Distinct copy groups of every form and cluster; occs end sorted by
 * cluster. */
static void count_groups(ex *x, cluster *cl)
{
	occ *o = x->occs.data;
	size_t n = x->occs.len;
	for (size_t i = 0; i < n; i++)
		o[i].root = root(x, o[i].form);
	qsort(o, n, sizeof *o, cmp_occ_form);
	for (size_t i = 0; i < n; i++)
		if (!i || o[i].form != o[i - 1].form || o[i].group != o[i - 1].group)
			FORM(x, o[i].form)->groups++;
	qsort(o, n, sizeof *o, cmp_occ_root);
	for (size_t i = 0; i < n; i++)
		if (!i || o[i].root != o[i - 1].root || o[i].group != o[i - 1].group)
			cl[o[i].root].groups++;
}

/* Whether form a names its cluster better than form b: a spelled-out name
 * before an acronym, a person's full name before a surname, then the
 * spelling of the most independent sources, then the most mentions. */
static int better_name(const ex *x, int kind, uint32_t a, uint32_t b)
{
	const form *fa = FORM(x, a), *fb = FORM(x, b);
	if (fa->acronym != fb->acronym)
		return fb->acronym;
	if (kind == NF_ENT_PERSON && (fa->words >= 2) != (fb->words >= 2))
		return fa->words >= 2;
	if (fa->groups != fb->groups)
		return fa->groups > fb->groups;
	if (fa->count != fb->count)
		return fa->count > fb->count;
	return a < b;
}

typedef struct rank {
	uint32_t groups, count, root;
} rank;

/* Most independent sources first, then most mentions. */
static int cmp_rank(const void *pa, const void *pb)
{
	const rank *a = pa, *b = pb;
	if (a->groups != b->groups)
		return a->groups > b->groups ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->root < b->root ? -1 : a->root > b->root;
}

/* A form as a member of its cluster. */
typedef struct member {
	uint32_t root, count, form;
} member;

/* Forms by cluster, most mentioned first: the order variants are listed. */
static int cmp_member(const void *pa, const void *pb)
{
	const member *a = pa, *b = pb;
	if (a->root != b->root)
		return a->root < b->root ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->form < b->form ? -1 : a->form > b->form;
}

/* The display spelling of form f, whitespace collapsed, in the brief. */
static const char *surface(ex *x, uint32_t f)
{
	const form *fm = FORM(x, f);
	const nf_doc *d = NF_DOC(x->c, fm->surf_doc);
	x->key.len = 0;
	if (put_collapsed(&x->key, d->text + fm->surf_off, fm->surf_len) ||
	    nf_buf_putc(&x->key, '\0'))
		return NULL;
	return nf_arena_strdup(&x->brief->arena, x->key.data);
}

/* First index in sorted o[0..n) whose root is >= r. */
static size_t occ_lower(const occ *o, size_t n, uint32_t r)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (o[mid].root < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t member_lower(const member *m, size_t n, uint32_t r)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (m[mid].root < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* One entity of the brief from cluster r named by form best. */
static nf_status fill_entity(ex *x, nf_entity *e, const cluster *k, uint32_t best,
                             const member *members, size_t nmembers)
{
	size_t ndocs = NF_NDOCS(x->c);
	const occ *o = x->occs.data;
	size_t no = x->occs.len;
	e->kind = (nf_entity_kind)k->kind;
	e->mentions = k->count;
	e->name = surface(x, best);
	e->doc_mentions = nf_arena_array(&x->brief->arena, ndocs ? ndocs : 1, sizeof(size_t));
	if (!e->name || !e->doc_mentions)
		return NF_ENOMEM;
	for (size_t i = occ_lower(o, no, k->root); i < no && o[i].root == k->root; i++)
		e->doc_mentions[o[i].doc]++;
	size_t m0 = member_lower(members, nmembers, k->root), m1 = m0;
	while (m1 < nmembers && members[m1].root == k->root)
		m1++;
	size_t cap = m1 - m0 < MAX_VARIANTS ? m1 - m0 : MAX_VARIANTS;
	e->variants = nf_arena_array(&x->brief->arena, cap ? cap : 1, sizeof(char *));
	if (!e->variants)
		return NF_ENOMEM;
	for (size_t i = m0; i < m1 && e->nvariants < cap; i++) {
		uint32_t f = members[i].form;
		if (f == best || !FORM(x, f)->count)
			continue;
		const char *s = surface(x, f);
		if (!s)
			return NF_ENOMEM;
		int dup = !strcmp(s, e->name);
		for (size_t v = 0; v < e->nvariants && !dup; v++)
			dup = !strcmp(s, e->variants[v]);
		if (!dup)
			e->variants[e->nvariants++] = s;
	}
	return NF_OK;
}

/* Whether the case-folded name[0..len) of s[0..n) is s itself, without a
 * leading "the" and trailing words every publisher might carry ("VTV" of
 * "VTV News", "Meridian" of "Meridian News Agency"). */
static int names_publisher(const char *name, size_t len, const char *s, size_t n)
{
	static const char *const media[] = {"news", "agency", "service", "wire",
		"online", "network", "media", "group", "ltd", "inc"};
	if (n > 4 && !strncasecmp(s, "the ", 4)) {
		s += 4;
		n -= 4;
	}
	for (;;) {
		if (n == len && !strncasecmp(s, name, n))
			return 1;
		size_t w = n;
		while (w && s[w - 1] != ' ')
			w--;
		if (!w)
			return 0;
		size_t g = 0;
		while (g < sizeof media / sizeof *media &&
		       !(strlen(media[g]) == n - w && !strncasecmp(s + w, media[g], n - w)))
			g++;
		if (g == sizeof media / sizeof *media)
			return 0;
		n = w - 1;
	}
}

/* The distinct outlets and wire agencies of the corpus into out (caller
 * frees); their number, or -1 when out of memory. */
static long publishers(const nf_corpus *c, const char ***out)
{
	size_t n = 0, nd = NF_NDOCS(c);
	const char **p = malloc((2 * nd + 1) * sizeof *p);
	if (!p)
		return -1;
	for (size_t i = 0; i < nd; i++) {
		const char *name[2] = {NF_DOC(c, i)->outlet, NF_DOC(c, i)->agency};
		for (int k = 0; k < 2; k++) {
			size_t j = 0;
			while (name[k] && j < n && strcmp(p[j], name[k]))
				j++;
			if (name[k] && j == n)
				p[n++] = name[k];
		}
	}
	*out = p;
	return (long)n;
}

/* A publisher of the corpus: the brief lists its sources apart, and "told
 * Meridian" makes the agency no actor of the story. */
static int publisher(const char **pub, size_t npub, const char *name, size_t len)
{
	for (size_t i = 0; i < npub; i++)
		if (names_publisher(name, len, pub[i], strlen(pub[i])))
			return 1;
	return 0;
}

static nf_status output(ex *x, cluster *cl)
{
	size_t nf = x->forms.len, n = 0;
	uint32_t *best = malloc(nf * sizeof *best);
	rank *rk = malloc(nf * sizeof *rk);
	member *members = malloc(nf * sizeof *members);
	nf_status st = NF_OK;
	if (!best || !rk || !members) {
		st = NF_ENOMEM;
		goto done;
	}
	for (uint32_t f = 0; f < nf; f++)
		best[f] = UINT32_MAX;
	for (uint32_t f = 0; f < nf; f++) {
		uint32_t r = root(x, f);
		if (FORM(x, f)->count &&
		    (best[r] == UINT32_MAX || better_name(x, cl[r].kind, f, best[r])))
			best[r] = f;
		members[f] = (member){r, FORM(x, f)->count, f};
	}
	qsort(members, nf, sizeof *members, cmp_member);
	const char **pub = NULL;
	long npub = publishers(x->c, &pub);
	if (npub < 0) {
		st = NF_ENOMEM;
		goto done;
	}
	for (uint32_t f = 0; f < nf; f++) {
		uint32_t len;
		const char *key = form_key(x, f, &len);
		if (best[root(x, f)] != UINT32_MAX && publisher(pub, (size_t)npub, key, len))
			best[root(x, f)] = UINT32_MAX;
	}
	free(pub);
	for (uint32_t r = 0; r < nf; r++) {
		const cluster *k = &cl[r];
		if (root(x, r) != r || !k->count || best[r] == UINT32_MAX)
			continue;
		/* One mention of an unknown kind, or of an acronym nothing
		 * explains, is noise more often than a name. */
		if (k->count < 2 && (k->kind == NF_ENT_OTHER || FORM(x, best[r])->acronym))
			continue;
		rk[n++] = (rank){k->groups, k->count, r};
	}
	qsort(rk, n, sizeof *rk, cmp_rank);
	if (n > NF_MAX_ENTITIES)
		n = NF_MAX_ENTITIES;
	nf_entity *ents = nf_arena_array(&x->brief->arena, n ? n : 1, sizeof *ents);
	if (!ents) {
		st = NF_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < n && !st; i++)
		st = fill_entity(x, &ents[i], &cl[rk[i].root], best[rk[i].root], members, nf);
	if (!st) {
		x->brief->entities = ents;
		x->brief->nentities = n;
	}
done:
	free(best);
	free(rk);
	free(members);
	return st;
}

nf_status nf_entities_build(nf_brief *b)
{
	nf_corpus *c = b->corpus;
	size_t ndocs = NF_NDOCS(c);
	ex x;
	memset(&x, 0, sizeof x);
	x.brief = b;
	x.c = c;
	b->entities = NULL;
	b->nentities = 0;
	nf_vec htoks = NF_VEC_INIT;
	cluster *cl = NULL;
	uint32_t *skel_first = NULL;
	size_t *h0 = calloc(ndocs + 1, sizeof *h0);
	nf_status st = h0 ? NF_OK : NF_ENOMEM;
	/* Headlines are tokenized first: that may add words to the lexicon,
	 * whose size the word statistics take. */
	for (size_t d = 0; d < ndocs && !st; d++) {
		const nf_doc *doc = NF_DOC(c, d);
		h0[d] = htoks.len;
		if (doc->title)
			st = nf_text_tokenize(c, doc->title, strlen(doc->title), &htoks);
	}
	if (st)
		goto done;
	h0[ndocs] = htoks.len;
	if ((st = word_stats(&x)) || (st = read_body(&x)) ||
	    (st = read_headlines(&x, &htoks, h0)))
		goto done;
	size_t nf = x.forms.len;
	if (!nf)
		goto done;
	for (uint32_t f = 0; f < nf && !st; f++)
		st = analyse_form(&x, f);
	cl = malloc(nf * sizeof *cl);
	skel_first = malloc((x.skel_map.keys.len ? x.skel_map.keys.len : 1) * sizeof *skel_first);
	if (!st && (!cl || !skel_first))
		st = NF_ENOMEM;
	if (st || (st = merge_parts(&x)) || (st = merge_variants(&x, skel_first)))
		goto done;
	aggregate(&x, cl, 0);
	if ((st = attach_surnames(&x, cl)))
		goto done;
	aggregate(&x, cl, 1);
	if ((st = join_acronyms(&x, cl)))
		goto done;
	find_demonyms(&x, skel_first);
	aggregate(&x, cl, 1);
	if ((st = propagate_lists(&x, cl)))
		goto done;
	count_groups(&x, cl);
	st = output(&x, cl);
done:
	free(h0);
	free(cl);
	free(skel_first);
	nf_vec_free(&htoks);
	free(x.cls);
	free(x.low);
	free(x.capmid);
	free(x.lowstem);
	imap_free(&x.forms_map);
	imap_free(&x.parts_map);
	imap_free(&x.skel_map);
	nf_vec_free(&x.forms);
	nf_vec_free(&x.parts);
	nf_vec_free(&x.partref);
	nf_vec_free(&x.occs);
	nf_vec_free(&x.lists);
	nf_vec_free(&x.links);
	nf_buf_free(&x.key);
	nf_arena_free(&x.scratch);
	return st;
}
