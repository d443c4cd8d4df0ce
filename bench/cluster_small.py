#!/usr/bin/python3
"""Small streams for bench/cluster: a few stories' reports clustered alone.

    python3 bench/cluster_small.py NEWSFUSE [SHARED]

A user who adds a handful of reports to a new store, or pipes one day's
feed of a topic through `newsfuse cluster`, gives the clusterer too few
articles for document frequencies of its own. Each row streams sets drawn
from the dev data through `newsfuse cluster --input jsonl -` and prints
the mean BCubed precision, recall and F1 over the sets; the sklearn peer
of peer_cluster.py clusters the same sets at the distance threshold it
tunes on the whole dev set (0.75 for gva-dev, 0.80 for ECB+):

- gva-dev, k incidents of three or more articles each (40 sets per k,
  drawn with a fixed seed), in date order;
- ECB+, each topic alone (its two events of one kind: the hard case for
  precision), and three topics together (20 sets);
- CSTNews, Portuguese: all 50 stories of 2 or 3 reports each, in date
  order, the peer at the best of its thresholds for this set (it has no
  Portuguese dev set to tune on), so newsfuse, tuned on English only, is
  measured against the peer's best;
- the five seed reports and the example corpus (all one event each):
  the number of stories found.
"""
import collections
import glob
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_cluster  # noqa: E402

NF = sys.argv[1]
SHARED = sys.argv[2] if len(sys.argv) > 2 else "../shared"


def newsfuse(articles):
    data = "".join(json.dumps(a) + "\n" for a in articles)
    out = subprocess.run([NF, "cluster", "-q", "--input", "jsonl", "-"],
                         input=data.encode(), capture_output=True).stdout.decode()
    story = {}
    for line in out.splitlines():
        o = json.loads(line)
        story[o["id"]] = o["story"]
    return [story.get(a["id"], ("alone", a["id"])) for a in articles]


def peer(articles, threshold):
    texts = [(a.get("title") or "") + "\n" + a["text"] for a in articles]
    return peer_cluster.cluster(texts, threshold)


def mean_scores(sets, system):
    total = [0.0, 0.0, 0.0]
    for articles, gold in sets:
        p, r, f = peer_cluster.bcubed(gold, system(articles))
        total = [total[0] + p, total[1] + r, total[2] + f]
    return [x / len(sets) for x in total]


def gva_sets(rng):
    incidents = collections.defaultdict(list)
    with open(SHARED + "/datasets/gva-dev/documents.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f):
            o = json.loads(line)
            if o["content"].strip():
                incidents[o["incident_id"]].append(
                    {"id": str(n), "title": o["title"], "text": o["content"],
                     "published": o["dct"]})
    big = sorted(g for g, a in incidents.items() if len(a) >= 3)
    rows = []
    for k in (1, 2, 5, 20):
        sets = []
        for _ in range(40):
            picked = [(a, g) for g in rng.sample(big, k) for a in incidents[g]]
            picked.sort(key=lambda x: x[0]["published"])
            sets.append(([a for a, _ in picked], [g for _, g in picked]))
        rows.append(("gva-dev, %d incident%s alone" % (k, "" if k == 1 else "s"), sets, 0.75))
    return rows


def ecb_sets(rng):
    topics = collections.defaultdict(list)
    with open(SHARED + "/datasets/clustering-ecbplus/ecbplus_documents.jsonl",
              encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            text = "\n".join(s["text"] for s in o["sentences"])
            topics[o["topic"]].append(({"id": o["doc_id"], "text": text}, o["subtopic"]))
    alone = [([a for a, _ in t], [g for _, g in t]) for t in topics.values()]
    three = []
    for _ in range(20):
        picked = [x for t in rng.sample(sorted(topics), 3) for x in topics[t]]
        three.append(([a for a, _ in picked], [g for _, g in picked]))
    return [("ECB+, one topic alone (%d)" % len(alone), alone, 0.80),
            ("ECB+, three topics", three, 0.80)]


def cstnews_set():
    """The articles of CSTNews's Textos-fonte folders, as JSONL records in
    date order (the date and often the hour are in a file's name; the few
    files without one come last), the headline from its _titulo file; gold
    story = the cluster's folder."""
    picked = []
    for folder in sorted(glob.glob(SHARED + "/datasets/multilingual-cstnews-pt/C*")):
        for path in sorted(glob.glob(folder + "/Textos-fonte/*.txt")):
            if path.endswith("_titulo.txt"):
                continue
            name = os.path.basename(path)[:-4]
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read().replace("\r", "")
            article = {"id": name, "text": text}
            when = re.search(r"_(\d\d)-(\d\d)-(\d{4})(_\d\dh\d\d)?", name)
            if when:
                article["published"] = "%s-%s-%s" % (when[3], when[2], when[1])
            title = path[:-4] + "_titulo.txt"
            if os.path.exists(title):
                with open(title, encoding="utf-8", errors="replace") as f:
                    article["title"] = f.read().strip()
            key = (when[3] + when[2] + when[1] + (when[4] or "")) if when else "~"
            picked.append(((key, name), article, os.path.basename(folder)))
    picked.sort(key=lambda x: x[0])
    return [a for _, a, _ in picked], [g for _, _, g in picked]


def stories_of(files):
    out = subprocess.run([NF, "cluster", "-q"] + files, capture_output=True).stdout.decode()
    return len({json.loads(line)["story"] for line in out.splitlines()})


def main():
    rng = random.Random(11)
    print("%-30s %-9s %7s %7s %7s" % ("small streams (mean of sets)", "system", "P", "R", "F1"))
    for name, sets, threshold in gva_sets(rng) + ecb_sets(rng):
        for system, fn in (("newsfuse", newsfuse), ("sklearn", lambda a: peer(a, threshold))):
            p, r, f = mean_scores(sets, fn)
            print("%-30s %-9s %7.4f %7.4f %7.4f" % (name, system, p, r, f), flush=True)
    articles, gold = cstnews_set()
    name = "CSTNews (Portuguese), %d" % len(articles)
    p, r, f = peer_cluster.bcubed(gold, newsfuse(articles))
    print("%-30s %-9s %7.4f %7.4f %7.4f" % (name, "newsfuse", p, r, f), flush=True)
    texts = [(a.get("title") or "") + "\n" + a["text"] for a in articles]
    merges = peer_cluster.tree(peer_cluster.distances(texts))
    best = max(((peer_cluster.bcubed(gold, peer_cluster.cut(len(texts), merges, t / 100)), t / 100)
                for t in range(5, 100, 5)), key=lambda x: x[0][2])
    print("%-30s %-9s %7.4f %7.4f %7.4f (its best threshold, %.2f)"
          % ((name, "sklearn") + best[0] + (best[1],)), flush=True)
    seeds = sorted(glob.glob(SHARED + "/seeds/*.txt"))
    examples = sorted(glob.glob("examples/*.txt"))
    print("the %d seed reports (one event): %d stories; the %d examples (one event): %d stories"
          % (len(seeds), stories_of(seeds), len(examples), stories_of(examples)))


if __name__ == "__main__":
    main()
