#!/usr/bin/env python3
"""bench/extract/peer_readability_lxml.py MANIFEST OUT.jsonl: readability-lxml
(Debian's python3-readability) on every page of the manifest. The clock
covers Document(bytes).summary() (decoding, parsing, extraction) and
turning the summary's HTML into text with a line break at every block
element; it is CPU time (time.process_time), as newsfuse's is. Prints
"pages=N total_s=S"."""
import json
import logging
import sys
import time

import lxml.html
from readability import Document

logging.disable(logging.CRITICAL)
BLOCK = {"p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
         "ol", "blockquote", "pre", "table", "tr", "td", "th", "br", "dd", "dt", "figure"}


def to_text(html):
    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in BLOCK:
            el.tail = "\n" + (el.tail or "")
    return root.text_content()


manifest, out_path = sys.argv[1], sys.argv[2]
rows = [l.rstrip("\n").split("\t") for l in open(manifest, encoding="utf-8")]
total = 0.0
with open(out_path, "w", encoding="utf-8") as out:
    for _, ident, path, url in rows:
        data = open(path, "rb").read()
        t0 = time.process_time()
        try:
            doc = Document(data, url=url or None)
            text, title = to_text(doc.summary(html_partial=True)), doc.short_title()
        except Exception:
            text, title = "", None
        total += time.process_time() - t0
        out.write(json.dumps({"id": ident, "text": text, "title": title}) + "\n")
print("pages=%d total_s=%.4f" % (len(rows), total))
