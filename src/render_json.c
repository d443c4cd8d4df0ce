/*
 * render_json.c - the brief as JSON, schema "newsfuse.brief/1".
 *
 * This output is a contract (docs/brief-schema.md): fields are only ever
 * added, never renamed or removed, within one schema version. Unknown values
 * are null rather than absent so consumers see the full shape every time.
 * Documents are named by their id everywhere (copy_of, citations, claims).
 *
 * Built as a json-c tree and serialised once: briefs are kilobytes, and a
 * tree keeps escaping and nesting correct by construction.
 */
#include <json-c/json.h>
#include <math.h>

#include "dates.h"
#include "stages.h"

static const char *const status_names[] = {"single", "agreed", "conflict",
                                           "changing"};
static const char *const kind_names[] = {"person", "place", "organisation",
                                         "other"};
static const char *const date_source_names[] = {
	NULL, "metadata", "dateline", "text", "caption", "estimated"};

static json_object *str_or_null(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

/* Integral values as JSON integers: "164", not "164.0". */
static json_object *number(double v)
{
	if (isnan(v))
		return NULL;
	if (v == floor(v) && fabs(v) < 9e15)
		return json_object_new_int64((int64_t)v);
	return json_object_new_double(v);
}

static json_object *date_or_null(nf_date d)
{
	char buf[11];
	nf_date_format(d, buf);
	return buf[0] ? json_object_new_string(buf) : NULL;
}

static const char *doc_id(const nf_brief *b, int i)
{
	if (i < 0 || (size_t)i >= NF_NDOCS(b->corpus))
		return NULL;
	return NF_DOC(b->corpus, i)->id;
}

static json_object *id_list(const nf_brief *b, const int *idx, size_t n)
{
	json_object *a = json_object_new_array();
	for (size_t i = 0; a && i < n; i++)
		json_object_array_add(a, str_or_null(doc_id(b, idx[i])));
	return a;
}

/* json-c returns NULL only when out of memory; adding NULL to an object
 * would then silently store null, so every add goes through here. */
static int put(json_object *o, const char *key, json_object *v, int nullable)
{
	if (!v && !nullable)
		return -1;
	return json_object_object_add(o, key, v);
}

/* put() for a literal key added once per object: json-c need neither look
 * it up nor copy it. Figures and claims are most of a large brief's
 * objects, and the plain add was a third of rendering them. */
static int put_key(json_object *o, const char *key, json_object *v, int nullable)
{
	if (!v && !nullable)
		return -1;
	return json_object_object_add_ex(o, key, v,
	                                 JSON_C_OBJECT_ADD_KEY_IS_NEW |
	                                 JSON_C_OBJECT_KEY_IS_CONSTANT);
}

static json_object *source_json(const nf_doc *d, const nf_brief *b)
{
	json_object *o = json_object_new_object();
	if (!o)
		return NULL;
	int bad = 0;
	bad |= put(o, "id", json_object_new_string(d->id ? d->id : ""), 0);
	bad |= put(o, "file", str_or_null(d->name), 1);
	bad |= put(o, "title", str_or_null(d->title), 1);
	bad |= put(o, "outlet", str_or_null(d->outlet), 1);
	bad |= put(o, "agency", str_or_null(d->agency), 1);
	bad |= put(o, "byline", str_or_null(d->byline), 1);
	bad |= put(o, "dateline", str_or_null(d->dateline), 1);
	bad |= put(o, "url", str_or_null(d->url), 1);
	bad |= put(o, "published", date_or_null(d->published), 1);
	bad |= put(o, "date_source", str_or_null(date_source_names[d->date_source]), 1);
	bad |= put(o, "estimated", json_object_new_boolean(d->date_source == NF_DATE_ESTIMATED), 0);
	bad |= put(o, "words", json_object_new_int64((int64_t)d->words), 0);
	bad |= put(o, "lines_kept", json_object_new_int64((int64_t)d->lines_kept), 0);
	bad |= put(o, "lines_dropped", json_object_new_int64((int64_t)d->lines_dropped), 0);
	bad |= put(o, "copy_of", str_or_null(doc_id(b, d->copy_of)), 1);
	bad |= put(o, "copy_score", d->copy_of >= 0 ? json_object_new_double(
		round(d->copy_score * 1000) / 1000) : NULL, 1);
	if (bad) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

static json_object *claim_json(const nf_claim *c, const nf_brief *b)
{
	json_object *o = json_object_new_object();
	if (!o)
		return NULL;
	int bad = 0;
	bad |= put_key(o, "value", number(c->value), 1);
	bad |= put_key(o, "low", number(c->low), 1);
	bad |= put_key(o, "high", number(c->high), 1);
	bad |= put_key(o, "qualifier", str_or_null(c->qualifier), 1);
	bad |= put_key(o, "subject", str_or_null(c->subject), 1);
	bad |= put_key(o, "place", str_or_null(c->place), 1);
	bad |= put_key(o, "source", str_or_null(doc_id(b, c->doc)), 1);
	bad |= put_key(o, "said_by", str_or_null(c->said_by), 1);
	bad |= put_key(o, "hedged", json_object_new_boolean(c->hedged), 0);
	bad |= put_key(o, "hedge", str_or_null(c->hedge), 1);
	bad |= put_key(o, "part", json_object_new_boolean(c->is_part), 0);
	bad |= put_key(o, "sum", json_object_new_boolean(c->is_sum), 0);
	bad |= put_key(o, "shot", json_object_new_boolean(c->is_shot), 0);
	bad |= put_key(o, "aggregate", json_object_new_boolean(c->is_aggregate), 0);
	bad |= put_key(o, "other_event", json_object_new_boolean(c->is_other), 0);
	bad |= put_key(o, "headline", json_object_new_boolean(c->sent < 0), 0);
	bad |= put_key(o, "text", str_or_null(c->text), 1);
	bad |= put_key(o, "date", date_or_null(c->date), 1);
	if (bad) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

static json_object *figure_json(const nf_figure *f, const nf_brief *b)
{
	json_object *o = json_object_new_object(), *claims = json_object_new_array();
	if (!o || !claims) {
		json_object_put(o);
		json_object_put(claims);
		return NULL;
	}
	int bad = 0;
	for (size_t i = 0; i < f->nclaims && !bad; i++) {
		json_object *c = claim_json(&f->claims[i], b);
		bad |= !c || json_object_array_add(claims, c);
	}
	bad |= put_key(o, "measure", str_or_null(f->measure), 1);
	bad |= put_key(o, "subject", str_or_null(f->subject), 1);
	bad |= put_key(o, "status", json_object_new_string(status_names[f->status]), 0);
	bad |= put_key(o, "value", number(f->value), 1);
	bad |= put_key(o, "low", number(f->low), 1);
	bad |= put_key(o, "high", number(f->high), 1);
	bad |= put_key(o, "explanation", str_or_null(f->explanation), 1);
	bad |= put_key(o, "claims", claims, 0);
	if (bad) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

static json_object *entity_json(const nf_entity *e, const nf_brief *b)
{
	json_object *o = json_object_new_object();
	json_object *vars = json_object_new_array();
	json_object *srcs = json_object_new_object();
	if (!o || !vars || !srcs) {
		json_object_put(o);
		json_object_put(vars);
		json_object_put(srcs);
		return NULL;
	}
	int bad = 0;
	for (size_t i = 0; i < e->nvariants; i++)
		bad |= json_object_array_add(vars, str_or_null(e->variants[i]));
	for (size_t i = 0; e->doc_mentions && i < NF_NDOCS(b->corpus); i++)
		if (e->doc_mentions[i])
			bad |= put(srcs, doc_id(b, (int)i),
			           json_object_new_int64((int64_t)e->doc_mentions[i]), 0);
	bad |= put(o, "name", json_object_new_string(e->name ? e->name : ""), 0);
	bad |= put(o, "kind", json_object_new_string(kind_names[e->kind]), 0);
	bad |= put(o, "variants", vars, 0);
	bad |= put(o, "mentions", json_object_new_int64((int64_t)e->mentions), 0);
	bad |= put(o, "sources", srcs, 0);
	if (bad) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

static json_object *event_json(const nf_event *ev, const nf_brief *b)
{
	json_object *o = json_object_new_object();
	if (!o)
		return NULL;
	int bad = 0;
	bad |= put(o, "date", date_or_null(ev->date), 1);
	bad |= put(o, "end", date_or_null(ev->end), 1);
	bad |= put(o, "estimated", json_object_new_boolean(ev->estimated), 0);
	bad |= put(o, "text", str_or_null(ev->text), 1);
	bad |= put(o, "sources", id_list(b, ev->sources, ev->nsources), 0);
	if (bad) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

static json_object *summary_json(const nf_summary_item *s, const nf_brief *b)
{
	json_object *o = json_object_new_object();
	if (!o)
		return NULL;
	int bad = 0;
	bad |= put(o, "text", str_or_null(s->text), 1);
	bad |= put(o, "sources", id_list(b, s->sources, s->nsources), 0);
	bad |= put(o, "independent", json_object_new_int64((int64_t)s->independent), 0);
	if (bad) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

/* Appends n items made by fn to a new array under key. */
#define ADD_ARRAY(root, key, n, fn, items)                                   \
	do {                                                                 \
		json_object *arr_ = json_object_new_array();                 \
		bad |= !arr_;                                                \
		for (size_t i_ = 0; arr_ && i_ < (n) && !bad; i_++) {        \
			json_object *it_ = fn((items), b);                   \
			bad |= !it_ || json_object_array_add(arr_, it_);     \
		}                                                            \
		bad |= put(root, key, arr_, 0);                              \
	} while (0)

static const nf_doc *doc_at(const nf_corpus *c, size_t i)
{
	return NF_DOC(c, i);
}

nf_status nf_render_json(const nf_brief *b, unsigned flags, nf_buf *out)
{
	(void)flags;
	json_object *root = json_object_new_object();
	if (!root)
		return NF_ENOMEM;
	int bad = 0;
	bad |= put(root, "schema", json_object_new_string("newsfuse.brief/1"), 0);
	bad |= put(root, "generator", json_object_new_string("newsfuse " NF_VERSION_STRING), 0);
	bad |= put(root, "independent_sources", json_object_new_int64((int64_t)b->independent), 0);
	ADD_ARRAY(root, "sources", NF_NDOCS(b->corpus), source_json, doc_at(b->corpus, i_));
	ADD_ARRAY(root, "summary", b->nsummary, summary_json, &b->summary[i_]);
	ADD_ARRAY(root, "figures", b->nfigures, figure_json, &b->figures[i_]);
	ADD_ARRAY(root, "entities", b->nentities, entity_json, &b->entities[i_]);
	ADD_ARRAY(root, "timeline", b->ntimeline, event_json, &b->timeline[i_]);
	nf_status st = NF_ENOMEM;
	if (!bad) {
		size_t len;
		const char *s = json_object_to_json_string_length(
			root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
			      JSON_C_TO_STRING_NOSLASHESCAPE, &len);
		st = s ? nf_buf_put(out, s, len) : NF_ENOMEM;
		if (!st)
			st = nf_buf_putc(out, '\n');
	}
	json_object_put(root);
	return st;
}
