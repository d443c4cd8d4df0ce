"""Baseline summarizers for bench/rouge, run on the same clusters.

    lead       the leading sentences of the most recent document (the DUC
               baseline for multi-document summaries)
    lead-each  the first sentence of every document in date order, then
               the second of each, ... (the other DUC baseline)
    lexrank    Erkan & Radev (2004): idf-modified cosine between sentences,
               edges from cosine 0.1, PageRank (networkx, damping 0.85);
               sentences taken by rank, skipping one with cosine >= 0.5 to
               a chosen one (MEAD's redundancy filter)
    textrank   Mihalcea & Tarau (2004): weighted PageRank over the overlap
               of stemmed content words, |Si & Sj| / (log|Si| + log|Sj|);
               the same selection as lexrank

Every baseline fills the word budget and lets its last sentence run over:
ROUGE cuts it at the budget, as DUC's assessors did.

Sentences: each paragraph split after . ! ? (a closing quote or bracket
may follow) before a capital, digit or quote, except after a known
abbreviation or an initial. Documents are dicts with "date" (sortable or
None) and "paragraphs".
"""
import math
import re

import networkx
import Stemmer

_stem = Stemmer.Stemmer("english").stemWord

STOP = frozenset("""a about above after again against all also am an and any
are as at be because been before being below between both but by can could
did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our
ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under
until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say mr mrs ms""".split())

ABBREV = frozenset("""mr mrs ms dr st jr sr gov sen rep gen lt col sgt capt
prof rev inc corp co ltd bros no vs jan feb mar apr aug sep sept oct nov dec
u.s u.n u.k calif fla ariz tex mass conn ill wis minn mich ore wash ga ky la
md mo pa va""".split())

_BOUNDARY = re.compile(r"([.!?]['\")\]]*)\s+(?=[A-Z0-9\"'`(\[])")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['.-][A-Za-z0-9]+)*")


def split_sentences(paragraph):
    out, start = [], 0
    for m in _BOUNDARY.finditer(paragraph):
        before = paragraph[start:m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in ABBREV or (len(last) == 1 and last.isalpha()):
            continue
        out.append(paragraph[start:m.end(1)].strip())
        start = m.end()
    rest = paragraph[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if _WORD.search(s)]


def words(s):
    return len(s.split())


def content_terms(s):
    return [_stem(w) for w in (t.lower() for t in _WORD.findall(s))
            if w not in STOP and not w.isdigit()]


def sentences_of(docs):
    """(date order index, position, sentence) of every document."""
    order = sorted(range(len(docs)), key=lambda i: (docs[i]["date"] or "", i))
    out = []
    for rank, i in enumerate(order):
        pos = 0
        for p in docs[i]["paragraphs"]:
            for s in split_sentences(p):
                out.append((rank, pos, s))
                pos += 1
    return out


def fill(texts, order, budget, too_close=None):
    """texts[i] for i in order while the budget lasts, the last one
    running over; too_close(i, j) skips i when it restates chosen j."""
    chosen, used = [], 0
    for i in order:
        if used >= budget:
            break
        if too_close and any(too_close(i, j) for j in chosen):
            continue
        chosen.append(i)
        used += words(texts[i])
    return [texts[i] for i in chosen]


def lead(docs, budget):
    sents = sentences_of(docs)
    latest = max((r for r, _, _ in sents), default=0)
    texts = [s for r, _, s in sents if r == latest]
    return fill(texts, range(len(texts)), budget)


def lead_each(docs, budget):
    texts = [s for _, _, s in sorted(sentences_of(docs), key=lambda x: (x[1], x[0]))]
    return fill(texts, range(len(texts)), budget)


def _tfidf(sents, docs):
    df = {}
    for d in docs:
        for t in set(t for p in d["paragraphs"] for t in content_terms(p)):
            df[t] = df.get(t, 0) + 1
    n = len(docs)
    vecs = []
    for s in sents:
        tf = {}
        for t in content_terms(s):
            tf[t] = tf.get(t, 0) + 1
        vecs.append({t: c * math.log((n + 1) / (df.get(t, 0) + 0.5)) for t, c in tf.items()})
    return vecs


def _cosine(a, b):
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _rank(n, edges):
    g = networkx.Graph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from(edges)
    pr = networkx.pagerank(g, alpha=0.85, weight="weight")
    return sorted(range(n), key=lambda i: (-pr[i], i))


def _select(texts, vecs, order, budget):
    return fill(texts, order, budget, lambda i, j: _cosine(vecs[i], vecs[j]) >= 0.5)


def lexrank(docs, budget):
    texts = [s for _, _, s in sentences_of(docs)]
    vecs = _tfidf(texts, docs)
    edges = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            c = _cosine(vecs[i], vecs[j])
            if c >= 0.1:
                edges.append((i, j, 1.0))
    return _select(texts, vecs, _rank(len(texts), edges), budget)


def textrank(docs, budget):
    texts = [s for _, _, s in sentences_of(docs)]
    terms = [set(content_terms(s)) for s in texts]
    edges = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            common = len(terms[i] & terms[j])
            if common and len(terms[i]) > 1 and len(terms[j]) > 1:
                w = common / (math.log(len(terms[i])) + math.log(len(terms[j])))
                edges.append((i, j, w))
    return _select(texts, _tfidf(texts, docs), _rank(len(texts), edges), budget)


BASELINES = {"lead": lead, "lead-each": lead_each, "lexrank": lexrank, "textrank": textrank}
