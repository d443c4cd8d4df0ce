// bench/extract/peer_readability.js MANIFEST OUT.jsonl: Mozilla Readability
// (Firefox Reader View) on every page of the manifest, with jsdom as the
// DOM, as its README shows. The clock covers parsing the bytes into a DOM
// and the extraction (the same work newsfuse's clock covers: bytes in,
// text out); it is CPU time (process.cpuUsage, garbage collection
// included), as newsfuse's is. The article's HTML is turned into text with a line break at
// every block element, so paragraphs do not run together in the scores.
// Pages FIRST..FIRST+COUNT-1 of the manifest only, appended to OUT: jsdom
// keeps memory across documents, so run.sh starts a fresh process for every
// batch (process start is outside the clock). Prints "pages=N total_s=S".
const fs = require("fs");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const [manifest, outPath, first, count] = process.argv.slice(2);
const rows = fs.readFileSync(manifest, "utf8").split("\n").filter(Boolean).map((l) => l.split("\t"))
  .slice(Number(first || 0), Number(first || 0) + Number(count || 1e9));
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

const out = fs.openSync(outPath, "a");
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
      const fragDom = new JSDOM(art.content || "");
      const parts = [];
      text(fragDom.window.document.body, parts);
      body = parts.join("");
      fragDom.window.close();
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
