// Runs a built site's piccolo_theme_search.js under node against that site's
// searchindex.js and language_data.js, as a browser would after focus.
//   node tests/js/search_engine.js <outdir> <query> [<query> ...]
// prints {"ready_ms": ..., "results": {query: [result, ...]}} as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [outdir, ...queries] = process.argv.slice(2);
const search = require(path.resolve(outdir, "_static", "piccolo_theme_search.js"));

// language_data.js is a classic script: run it in a context that is its window.
const context = {};
context.window = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(outdir, "_static", "language_data.js"), "utf8"), context);

const started = process.hrtime.bigint();
const index = search.parseIndex(fs.readFileSync(path.join(outdir, "searchindex.js"), "utf8"));
const engine = new search.Engine(index, {
  stemmer: new context.Stemmer(),
  stopwords: context.stopwords,
  split: typeof context.splitQuery === "function" ? context.splitQuery : null,
});
const readyMs = Number(process.hrtime.bigint() - started) / 1e6;

const results = {};
for (const query of queries) {
  results[query] = engine.search(query).map((r) => ({
    kind: r.kind, title: r.title, docname: r.docname, anchor: r.anchor, type: r.type || "", page: r.page,
  }));
}
process.stdout.write(JSON.stringify({ ready_ms: readyMs, results }));
