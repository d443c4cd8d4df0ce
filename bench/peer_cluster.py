"""Peer for bench/cluster: scikit-learn story clustering on the same sets.

    python3 bench/peer_cluster.py gva|ecb|synth FILE [THRESHOLD]

TF-IDF (English stop words, sublinear tf) over headline + text, then
average-linkage agglomerative clustering on cosine distance (the distance
matrix computed once from the sparse TF-IDF rows), cut at the
distance threshold that gives the best BCubed F1 on this very set (a sweep
from 0.05 to 0.95: the peer is tuned on what it is scored on, which only
flatters it). Articles without text are stories of their own, as in
bench_cluster. Times one vectorize + cluster run at the tuned threshold
(best of 3; wall and CPU seconds). With THRESHOLD, no sweep: one timed run at that distance
threshold (for the larger synthetic streams, where a sweep would take
hours). Prints one line:

    articles=N threshold=T precision=P recall=R f1=F seconds=S cpu=C
"""
import json
import sys
import time
from collections import Counter

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer


def load(kind, path):
    texts, gold = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if kind == "synth":
                g = rec.get("story")
                text = (rec.get("title") or "") + "\n" + (rec.get("text") or "")
            elif kind == "gva":
                g = rec.get("incident_id")
                text = (rec.get("title") or "") + "\n" + (rec.get("content") or "")
            else:
                g = rec.get("subtopic")
                text = "\n".join(s.get("text", "") for s in rec.get("sentences", []))
            if g is None:
                continue
            gold.append(str(g))
            texts.append(text)
    return texts, gold


def bcubed(gold, pred):
    n = len(gold)
    pc, gc, both = Counter(pred), Counter(gold), Counter(zip(gold, pred))
    p = sum(both[(g, q)] / pc[q] for g, q in zip(gold, pred)) / n
    r = sum(both[(g, q)] / gc[g] for g, q in zip(gold, pred)) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def distances(texts):
    """Cosine distances between the articles that have text (the rows of a
    unit-length TF-IDF matrix: 1 - X X^T), and their indexes."""
    has = [i for i, t in enumerate(texts) if t.strip()]
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [texts[i] for i in has])
    d = 1.0 - (x @ x.T).toarray()
    d[d < 0] = 0.0
    for i in range(len(has)):
        d[i, i] = 0.0
    return d, has


def cluster(texts, threshold, dist=None):
    d, has = dist if dist is not None else distances(texts)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average",
        distance_threshold=threshold).fit(d).labels_
    pred = [("s", i) for i in range(len(texts))]
    for i, lab in zip(has, labels):
        pred[i] = ("c", int(lab))
    return pred


def main():
    kind, path = sys.argv[1], sys.argv[2]
    texts, gold = load(kind, path)
    if len(sys.argv) > 3:
        t = float(sys.argv[3])
        t0, c0 = time.perf_counter(), time.process_time()
        pred = cluster(texts, t)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        p, r, f = bcubed(gold, pred)
        print("articles=%d threshold=%.2f precision=%.4f recall=%.4f f1=%.4f seconds=%.4f cpu=%.4f"
              % (len(texts), t, p, r, f, secs, cpu))
        return
    best = None
    dist = distances(texts)
    for k in range(1, 20):
        t = k * 0.05
        p, r, f = bcubed(gold, cluster(texts, t, dist))
        if best is None or f > best[3]:
            best = (t, p, r, f)
    secs = cpu = None
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        cluster(texts, best[0])
        s, c = time.perf_counter() - t0, time.process_time() - c0
        secs = s if secs is None or s < secs else secs
        cpu = c if cpu is None or c < cpu else cpu
    print("articles=%d threshold=%.2f precision=%.4f recall=%.4f f1=%.4f seconds=%.4f cpu=%.4f"
          % (len(texts), best[0], best[1], best[2], best[3], secs, cpu))


if __name__ == "__main__":
    main()
