#!/usr/bin/env python3
"""bench/extract/prepare.py SHARED OUTDIR: unpacks the two extraction dev
sets into OUTDIR/pages/ and writes OUTDIR/manifest.tsv, one page a line:
set, id, path, url (empty when the set gives none). Nothing from the data
sets is written into the repository."""
import gzip
import json
import os
import sys

shared, out = sys.argv[1], sys.argv[2]
tv = os.path.join(shared, "datasets", "extraction-trafilatura-eval")
b9 = os.path.join(shared, "datasets", "extraction-big9-chaos", "Extraction")
os.makedirs(os.path.join(out, "pages"), exist_ok=True)
rows = []

def unpack(src, dst):
    if not os.path.exists(dst):
        with gzip.open(src, "rb") as f, open(dst, "wb") as g:
            g.write(f.read())

with open(os.path.join(tv, "evaldata.json"), encoding="utf-8") as f:
    gold = json.load(f)
for url, g in sorted(gold.items()):
    dst = os.path.join(out, "pages", "tv-" + g["file"])
    unpack(os.path.join(tv, "html", g["file"] + ".gz"), dst)
    rows.append(("tv", url, dst, url))
for sub in sorted(os.listdir(b9)):
    hdir = os.path.join(b9, sub, "html")
    for name in sorted(os.listdir(hdir)):
        base = name[:-3] if name.endswith(".gz") else name
        stem = base.rsplit(".", 1)[0]
        ident = sub + "/" + stem
        dst = os.path.join(out, "pages", "b9-" + sub + "-" + base.replace(" ", "_"))
        unpack(os.path.join(hdir, name), dst)
        rows.append(("b9", ident, dst, ""))
with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as f:
    for r in rows:
        f.write("\t".join(r) + "\n")
print(len(rows), "pages", file=sys.stderr)
