"""Peer for bench_text: scikit-learn's CountVectorizer over the same texts.

    python3 bench/peer_sklearn.py MIN_MB FILE...

Files as bench_text reads them (.jsonl: the "content" or "text" field of
each line; else the whole file). Two measures, each repeated until at least
MIN_MB megabytes (10^6 bytes of UTF-8 input) have passed:

  analyzer  CountVectorizer().build_analyzer() on each text: lower-casing
            and the default token regex, i.e. tokenization alone
  fit       CountVectorizer().fit_transform() on batches of 500 texts:
            tokens plus vocabulary and counts, the closer match to
            newsfuse's tokens + lexicon ids

Prints one line: bytes=N analyzer_mbps=A fit_mbps=F
"""
import json
import sys
import time

from sklearn.feature_extraction.text import CountVectorizer

BATCH = 500  # as bench_text: the largest brief the issue sets a target for


def load(paths):
    texts = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            if path.endswith(".jsonl"):
                for line in f:
                    try:
                        rec = json.loads(line)
                    except ValueError:
                        continue
                    s = rec.get("content", rec.get("text"))
                    if isinstance(s, str) and s.strip():
                        texts.append(s)
            else:
                texts.append(f.read())
    return texts


def main():
    min_bytes = float(sys.argv[1]) * 1e6
    texts = load(sys.argv[2:])
    sizes = [len(s.encode("utf-8")) for s in texts]
    per_pass = sum(sizes)
    if not per_pass:
        sys.exit("peer_sklearn: no text")
    passes = max(1, int(-(-min_bytes // per_pass)))

    analyze = CountVectorizer().build_analyzer()
    t0 = time.perf_counter()
    for _ in range(passes):
        for s in texts:
            analyze(s)
    analyzer_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in range(passes):
        for i in range(0, len(texts), BATCH):
            CountVectorizer().fit_transform(texts[i:i + BATCH])
    fit_s = time.perf_counter() - t0

    total = per_pass * passes
    print("bytes=%d analyzer_mbps=%.1f fit_mbps=%.1f"
          % (total, total / 1e6 / analyzer_s, total / 1e6 / fit_s))


if __name__ == "__main__":
    main()
