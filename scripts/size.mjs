// Prints raw / gzip / brotli bytes of every file in dist/ and the first-load transfer
// (what a first visit downloads before the app runs: HTML, JS, wasm, CSS, manifest).
// Usage: node scripts/size.mjs [dist]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] || "dist";
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
})(dist);
files.sort();

const firstLoad = /(\.html|\.js|\.wasm|\.css|\.webmanifest)$/;
const rows = files.map((p) => {
  const data = readFileSync(p);
  return {
    file: relative(dist, p),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    first: firstLoad.test(p) && !p.endsWith("sw.js"),
  };
});

const pad = (s, n) => String(s).padStart(n);
console.log(`${"file".padEnd(44)}${pad("raw", 10)}${pad("gzip", 10)}${pad("brotli", 10)}`);
for (const r of rows) {
  console.log(`${r.file.padEnd(44)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}${r.first ? "  first load" : ""}`);
}
const sum = (k, only) => rows.filter((r) => !only || r.first).reduce((a, r) => a + r[k], 0);
console.log(`${"all files".padEnd(44)}${pad(sum("raw"), 10)}${pad(sum("gzip"), 10)}${pad(sum("brotli"), 10)}`);
console.log(`${"first load".padEnd(44)}${pad(sum("raw", true), 10)}${pad(sum("gzip", true), 10)}${pad(sum("brotli", true), 10)}`);
const kb = (sum("brotli", true) / 1024).toFixed(1);
console.log(`first-load transfer (brotli): ${kb} KB (budget 150 KB)`);
