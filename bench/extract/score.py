#!/usr/bin/env python3
"""bench/extract/score.py SHARED MANIFEST TOOL=OUT.jsonl ...: scores each
tool's extractions on the two dev sets.

trafilatura-eval: the metric of trafilatura's tests/eval_common.py: output
and segments whitespace-normalised, each "with" segment found is a true
positive, missing a false negative; each "without" segment found is a false
positive; precision, recall, F micro-averaged over the set.

big9-chaos: the Zyte article-extraction benchmark's measure: 4-word
shingles (\\w+ tokens) of gold and output, per page tp/fp/fn normalised by
their sum, summed over the pages, then precision, recall and F1.

Title and date (newsfuse only): share of trafilatura-eval pages with gold
for them where the extracted value matches (title: case and white space
aside; date: the day)."""
import json
import os
import re
import sys
from collections import Counter

shared, manifest = sys.argv[1], sys.argv[2]
tools = [a.split("=", 1) for a in sys.argv[3:]]
tv_gold = json.load(open(os.path.join(shared, "datasets", "extraction-trafilatura-eval",
                                      "evaldata.json"), encoding="utf-8"))
b9_root = os.path.join(shared, "datasets", "extraction-big9-chaos", "Extraction")
pages = [l.rstrip("\n").split("\t") for l in open(manifest, encoding="utf-8")]

def read_gold_text(ident):
    sub, stem = ident.split("/", 1)
    raw = open(os.path.join(b9_root, sub, "gold", stem + ".txt"), "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")

WS = re.compile(r"\s+")
TOK = re.compile(r"\w+", re.UNICODE)

def norm(s):
    return WS.sub(" ", s or "").strip()

def shingles(text, n=4):
    t = TOK.findall(text or "")
    return Counter(tuple(t[i:i + n]) for i in range(max(1, len(t) - n + 1)))

def shingle_prf(true, pred):
    a, b = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for k in set(a) | set(b):
        x, y = a.get(k, 0), b.get(k, 0)
        tp += min(x, y)
        fp += max(0, y - x)
        fn += max(0, x - y)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0, 0, 0)

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    return p, r, (2 * p * r / (p + r) if p + r else 0)

b9_gold = {}
results = {}
for name, path in tools:
    out = {}
    for line in open(path, encoding="utf-8"):
        o = json.loads(line)
        out[o["id"]] = o
    tp = fp = fn = 0
    stp = sfp = sfn = 0.0
    tcount = tok = dcount = dok = 0
    for s, ident, _, _ in pages:
        o = out.get(ident, {})
        text = o.get("text") or ""
        if s == "tv":
            g = tv_gold[ident]
            t = norm(text)
            for seg in g["with"]:
                if norm(seg) in t:
                    tp += 1
                else:
                    fn += 1
            for seg in g["without"]:
                if norm(seg) in t:
                    fp += 1
            if g.get("title"):
                tcount += 1
                tok += norm(o.get("title") or "").lower() == norm(g["title"]).lower()
            if g.get("date"):
                dcount += 1
                dok += (o.get("published") or "")[:10] == g["date"][:10]
        else:
            if ident not in b9_gold:
                b9_gold[ident] = read_gold_text(ident)
            a, b, c = shingle_prf(b9_gold[ident], text)
            stp += a
            sfp += b
            sfn += c
    results[name] = {
        "tv": prf(tp, fp, fn), "b9": prf(stp, sfp, sfn),
        "title": (tok / tcount if tcount else 0, tcount),
        "date": (dok / dcount if dcount else 0, dcount),
        "has_meta": any("published" in o for o in out.values()),
    }

print("%-22s %7s %7s %7s   %7s %7s %7s" % ("extractor", "tv P", "tv R", "tv F", "b9 P", "b9 R", "b9 F1"))
for name, _ in tools:
    r = results[name]
    print("%-22s %7.3f %7.3f %7.3f   %7.3f %7.3f %7.3f" % ((name,) + r["tv"] + r["b9"]))
for name, _ in tools:
    r = results[name]
    if r["has_meta"]:
        print("%s metadata on trafilatura-eval: title %.3f of %d pages, date %.3f of %d pages"
              % (name, r["title"][0], r["title"][1], r["date"][0], r["date"][1]))
json.dump({k: v for k, v in results.items()}, open(os.path.splitext(manifest)[0] + "-scores.json", "w"))
