#!/usr/bin/python3
"""bench/cluster_halves.py - story clustering on halves of the dev sets.

    python3 bench/cluster_halves.py BENCH_CLUSTER [BASE.json [OUT.json]]

A change tuned on a whole set may fit its accidents. So each set is also
cut in two three ways, gva-dev by incident and ECB+ by topic (a story never
straddles a cut): "alt", every other one in order of first appearance;
"half", the first half of them and the rest; "md5", by the parity of the
MD5 of the id. bench_cluster (bench/bench_cluster.c) scores the whole sets
and each of the six halves, gva-dev in date and in file order, and this
prints their BCubed F1. With BASE (an earlier OUT), it prints each score's
change and marks with "<<" a half more than 0.001 lower: bench/README.md
keeps a change only when no half is. SHARED=dir picks the shared data
(default ../shared).
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

SHARED = os.environ.get("SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
SETS = (
    ("gva", "datasets/gva-dev/documents.jsonl", "incident_id", ("date", "file")),
    ("ecb", "datasets/clustering-ecbplus/ecbplus_documents.jsonl", "topic", ("file",)),
)


def f1_of(binary, kind, path, order):
    out = subprocess.run([binary, kind, path, order], capture_output=True, text=True,
                         check=True).stdout
    return float(out.split("f1=")[1].split()[0])


def splits(keys):
    """Each split's half (0 or 1) of every key, keys in order of appearance."""
    n = len(keys)
    return {
        "alt": {k: i % 2 for i, k in enumerate(keys)},
        "half": {k: int(i >= n // 2) for i, k in enumerate(keys)},
        "md5": {k: int(hashlib.md5(k.encode()).hexdigest(), 16) % 2 for k in keys},
    }


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: cluster_halves.py BENCH_CLUSTER [BASE.json [OUT.json]]")
    binary = sys.argv[1]
    scores = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind, rel, key, orders in SETS:
            path = os.path.join(SHARED, rel)
            lines = open(path, encoding="utf-8").read().splitlines()
            ids = [str(json.loads(line)[key]) for line in lines]
            for order in orders:
                scores[f"{kind}-{order}"] = f1_of(binary, kind, path, order)
            for name, side in splits(list(dict.fromkeys(ids))).items():
                for half in (0, 1):
                    part = os.path.join(tmp, f"{kind}-{name}{half}.jsonl")
                    with open(part, "w", encoding="utf-8") as f:
                        f.writelines(line + "\n" for line, k in zip(lines, ids) if side[k] == half)
                    for order in orders:
                        scores[f"{kind}-{order}-{name}{half}"] = f1_of(binary, kind, part, order)
    base = json.load(open(sys.argv[2])) if len(sys.argv) > 2 else None
    worst = None
    for name, f1 in scores.items():
        if base is None or name not in base:
            print(f"{name:22s} {f1:.4f}")
            continue
        delta = f1 - base[name]
        is_half = name.count("-") == 2
        if is_half:
            worst = delta if worst is None else min(worst, delta)
        print(f"{name:22s} {f1:.4f} {delta:+.4f}" + ("  <<" if is_half and delta < -0.001 else ""))
    if worst is not None:
        print(f"worst half {worst:+.4f}")
    if len(sys.argv) > 3:
        json.dump(scores, open(sys.argv[3], "w"), indent=1)


if __name__ == "__main__":
    main()
