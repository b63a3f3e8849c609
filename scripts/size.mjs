// Prints raw / gzip / brotli bytes of every file in dist/, the first screen (what a visit
// downloads before the app runs: HTML, JS, the main wasm, CSS, manifest) and the whole app
// (everything the service worker precaches: the first screen, every split-off chunk, icons).
// Usage: node scripts/size.mjs [dist]
import { spawnSync } from "node:child_process";
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
// Chunks split off the main wasm (scripts/split_build.py): fetched when their screen opens.
const chunk = /\/(split|chunk)_[^/]*\.wasm$/;
const rows = files.map((p) => {
  const data = readFileSync(p);
  return {
    file: relative(dist, p),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    first: firstLoad.test(p) && !p.endsWith("sw.js") && !chunk.test(p),
    chunk: chunk.test(p),
  };
});

const pad = (s, n) => String(s).padStart(n);
console.log(`${"file".padEnd(44)}${pad("raw", 10)}${pad("gzip", 10)}${pad("brotli", 10)}`);
for (const r of rows) {
  console.log(`${r.file.padEnd(44)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}${r.first ? "  first screen" : r.chunk ? "  chunk" : ""}`);
}
const sum = (k, only) => rows.filter((r) => !only || r.first).reduce((a, r) => a + r[k], 0);
console.log(`${"whole app".padEnd(44)}${pad(sum("raw"), 10)}${pad(sum("gzip"), 10)}${pad(sum("brotli"), 10)}`);
console.log(`${"first screen".padEnd(44)}${pad(sum("raw", true), 10)}${pad(sum("gzip", true), 10)}${pad(sum("brotli", true), 10)}`);
const kb = (n) => (n / 1024).toFixed(1);
console.log(`first screen (brotli): ${kb(sum("brotli", true))} KB (budget 150 KB)`);
console.log(`whole app (brotli): ${kb(sum("brotli"))} KB (budget 250 KB)`);

// Where the first screen's bytes are, when twiggy is installed (never fails the report).
if (spawnSync("twiggy", ["--version"]).status === 0) {
  const r = spawnSync("python3", ["scripts/attribution.py", "--top", "10"], { encoding: "utf8" });
  process.stdout.write(r.status === 0 ? r.stdout : `attribution failed: ${r.stderr}`);
} else {
  console.log("attribution: install twiggy (cargo install twiggy --version 0.8.0 --locked), then python3 scripts/attribution.py");
}
