// bench/extract/peer_readability.js MANIFEST OUT.jsonl: Mozilla Readability
// (Firefox Reader View) on every page of the manifest, with jsdom as the
// DOM, as its README shows. The clock covers parsing the bytes into a DOM
// and the extraction (the same work newsfuse's clock covers: bytes in,
// text out); it is CPU time (process.cpuUsage, garbage collection
// included), as newsfuse's is. The article's HTML is turned into text with a line break at
// every block element, so paragraphs do not run together in the scores.
// Prints "pages=N total_s=S".
const fs = require("fs");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const [manifest, outPath] = process.argv.slice(2);
const rows = fs.readFileSync(manifest, "utf8").split("\n").filter(Boolean).map((l) => l.split("\t"));
const BLOCK = new Set(["P", "DIV", "SECTION", "ARTICLE", "H1", "H2", "H3", "H4", "H5", "H6",
  "LI", "UL", "OL", "BLOCKQUOTE", "PRE", "TABLE", "TR", "TD", "TH", "BR", "DD", "DT", "FIGURE"]);

function text(node, out) {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out.push(c.nodeValue);
    else if (c.nodeType === 1) {
      const b = BLOCK.has(c.tagName);
      if (b) out.push("\n");
      text(c, out);
      if (b) out.push("\n");
    }
  }
}

const out = fs.openSync(outPath, "w");
const quiet = new VirtualConsole();
let total = 0;
for (const [, id, path, url] of rows) {
  const bytes = fs.readFileSync(path);
  const t0 = process.cpuUsage();
  let body = "", title = null;
  try {
    const dom = new JSDOM(bytes, { url: url || "https://example.invalid/", virtualConsole: quiet });
    const art = new Readability(dom.window.document).parse();
    if (art) {
      title = art.title;
      const frag = new JSDOM(art.content || "").window.document.body;
      const parts = [];
      text(frag, parts);
      body = parts.join("");
    }
    dom.window.close();
  } catch (e) {
    body = "";
  }
  const dt = process.cpuUsage(t0);
  total += (dt.user + dt.system) / 1e6;
  fs.writeSync(out, JSON.stringify({ id, text: body, title }) + "\n");
}
fs.closeSync(out);
console.log(`pages=${rows.length} total_s=${total.toFixed(4)}`);
