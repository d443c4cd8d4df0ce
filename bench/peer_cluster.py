"""Peer for bench/cluster: scikit-learn story clustering on the same sets.

    python3 bench/peer_cluster.py gva|ecb|synth FILE [THRESHOLD]

TF-IDF (English stop words, sublinear tf) over headline + text, then
average-linkage agglomerative clustering on cosine distance, cut at the
distance threshold that gives the best BCubed F1 on this very set (a sweep
from 0.05 to 0.95: the peer is tuned on what it is scored on, which only
flatters it). Articles without text are stories of their own, as in
bench_cluster. Times one vectorize + cluster run at the tuned threshold
(best of 3; wall and CPU seconds). With THRESHOLD, no sweep: one timed run
at that distance threshold (for the larger synthetic streams). Prints one
line:

    articles=N threshold=T precision=P recall=R f1=F seconds=S cpu=C

Memory. AgglomerativeClustering(metric="precomputed", linkage="average")
takes a square n x n matrix (8 n^2 bytes) and, with no connectivity,
hands its upper triangle to scipy.cluster.hierarchy.linkage: two index
arrays from np.triu_indices (8 n^2), the values gathered (4 n^2), and
nn_chain's copy of those (4 n^2), all alive at once: 24 n^2 bytes, 38 GB
at 40,000 articles (this script built the square as 1 - (X X^T).toarray(),
a sparse product holding every pair, then two dense squares, and peaked
at 2.5 GB at 10,000). Here the same steps are taken without the
squares: the condensed upper triangle (4 n^2 bytes) is filled a block
of rows at a time from the same sparse products, and linkage() and the
cut are the ones AgglomerativeClustering runs, so the peak is the
condensed matrix and nn_chain's copy, 8 n^2 bytes (12.8 GB at 40,000).
Each cosine is the same floating-point sum as in the whole product (a
CSR product sums row i's terms in row i's order whatever the other
operand holds), so the tree and the labels are those of
AgglomerativeClustering on the square matrix, bit for bit (checked on
gva-dev, ECB+ and the stream's first 5,000 and 10,000). float32 was not
taken: nn_chain works in float64 and would convert it back. The tree does
not depend on the threshold, so the sweep builds it once and cuts it at
each threshold (AgglomerativeClustering would build it 19 times).
"""
import json
import sys
import time
from collections import Counter

import numpy as np
from scipy.cluster import hierarchy
# the cut AgglomerativeClustering makes of its tree (private, but the one
# the class calls, so the labels are the class's; Debian pins the version)
from sklearn.cluster._agglomerative import _hc_cut
from sklearn.feature_extraction.text import TfidfVectorizer

# pairs per block of rows: the block's sparse product and its dense copy
# are about 20 bytes a pair, 160 MB, small beside the condensed matrix
BLOCK_PAIRS = 8_000_000


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
    """Condensed cosine distances (scipy's layout: row i's pairs with every
    j > i, row after row) between the articles that have text, the rows of
    a unit-length TF-IDF matrix (1 - X X^T, negatives 0), and their
    indexes."""
    has = [i for i, t in enumerate(texts) if t.strip()]
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [texts[i] for i in has])
    n = x.shape[0]
    d = np.empty(n * (n - 1) // 2)
    rows = max(1, BLOCK_PAIRS // max(n, 1))
    at = 0
    for r0 in range(0, n, rows):
        r1 = min(n, r0 + rows)
        s = (x[r0:r1] @ x[r0:].T).toarray()
        for i in range(r0, r1):
            row = s[i - r0, i - r0 + 1:]
            np.subtract(1.0, row, out=d[at:at + len(row)])
            at += len(row)
        del s
    np.maximum(d, 0.0, out=d)
    return d, has


def tree(dist):
    """The average-linkage merges of AgglomerativeClustering: scipy's
    linkage() on the condensed matrix; its children and heights."""
    d, has = dist
    z = hierarchy.linkage(d, method="average")
    return z[:, :2].astype(int), z[:, 2], has


def cut(n, merges, threshold):
    """Stories at one distance threshold, cut as AgglomerativeClustering
    cuts: every merge at or above it undone."""
    children, heights, has = merges
    labels = _hc_cut(int(np.count_nonzero(heights >= threshold)) + 1, children, len(has))
    pred = [("s", i) for i in range(n)]
    for i, lab in zip(has, labels):
        pred[i] = ("c", int(lab))
    return pred


def cluster(texts, threshold):
    return cut(len(texts), tree(distances(texts)), threshold)


def report(texts, gold, threshold, pred, secs, cpu):
    p, r, f = bcubed(gold, pred)
    print("articles=%d threshold=%.2f precision=%.4f recall=%.4f f1=%.4f seconds=%.4f cpu=%.4f"
          % (len(texts), threshold, p, r, f, secs, cpu))


def timed(texts, threshold):
    t0, c0 = time.perf_counter(), time.process_time()
    pred = cluster(texts, threshold)
    return pred, time.perf_counter() - t0, time.process_time() - c0


def main():
    kind, path = sys.argv[1], sys.argv[2]
    texts, gold = load(kind, path)
    if len(sys.argv) > 3:
        t = float(sys.argv[3])
        pred, secs, cpu = timed(texts, t)
        report(texts, gold, t, pred, secs, cpu)
        return
    merges = tree(distances(texts))
    best = None
    for k in range(1, 20):
        t = k * 0.05
        f = bcubed(gold, cut(len(texts), merges, t))[2]
        if best is None or f > best[1]:
            best = (t, f)
    secs = cpu = None
    for _ in range(3):
        pred, s, c = timed(texts, best[0])
        secs = s if secs is None or s < secs else secs
        cpu = c if cpu is None or c < cpu else cpu
    report(texts, gold, best[0], pred, secs, cpu)


if __name__ == "__main__":
    main()
