// Prints raw / gzip / brotli bytes of every file in dist/, the first screen (what a visit
// downloads before the app runs: HTML, JS, the main wasm, CSS, manifest) and the whole app
// (everything the service worker precaches: the first screen, every split-off chunk, icons).
// Usage: node scripts/size.mjs [dist]
//        node scripts/size.mjs --compare DIST_BEFORE DIST_AFTER   (what a change adds)
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const firstLoad = /(\.html|\.js|\.wasm|\.css|\.webmanifest)$/;
// Chunks split off the main wasm (scripts/split_build.py): fetched when their screen opens.
const chunk = /\/(split|chunk)_[^/]*\.wasm$/;

/** Every file of a build with its sizes, and whether the first screen loads it. */
function measure(dist) {
  const files = [];
  (function walk(dir) {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  })(dist);
  files.sort();
  return files.map((p) => {
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
}

const pad = (s, n) => String(s).padStart(n);
const kb = (n) => (n / 1024).toFixed(1);
const sum = (rows, k, only) => rows.filter((r) => !only || r.first).reduce((a, r) => a + r[k], 0);

if (process.argv[2] === "--compare") {
  // Two builds, e.g. before and after a feature (scripts/feature-size.sh builds them).
  const [before, after] = [measure(process.argv[3]), measure(process.argv[4])];
  // The same file in both builds, whatever hash its name or folder carries.
  const kind = (f) => f.replace(/^app\/[0-9a-f]+\//, "app/").replace(/-[0-9a-f]{16}\./, ".");
  const by = (rows) => new Map(rows.map((r) => [kind(r.file), r]));
  const [b, a] = [by(before), by(after)];
  const signed = (n) => (n >= 0 ? "+" : "") + kb(n);
  console.log(`${"brotli, KB".padEnd(44)}${pad("before", 10)}${pad("after", 10)}${pad("added", 10)}`);
  for (const k of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const [x, y] = [b.get(k)?.brotli ?? 0, a.get(k)?.brotli ?? 0];
    if (x !== y) console.log(`${k.padEnd(44)}${pad(kb(x), 10)}${pad(kb(y), 10)}${pad(signed(y - x), 10)}`);
  }
  for (const [label, only] of [["first screen", true], ["whole app", false]]) {
    const [x, y] = [sum(before, "brotli", only), sum(after, "brotli", only)];
    console.log(`${label.padEnd(44)}${pad(kb(x), 10)}${pad(kb(y), 10)}${pad(signed(y - x), 10)}`);
  }
  process.exit(0);
}

const rows = measure(process.argv[2] || "dist");
console.log(`${"file".padEnd(44)}${pad("raw", 10)}${pad("gzip", 10)}${pad("brotli", 10)}`);
for (const r of rows) {
  console.log(`${r.file.padEnd(44)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}${r.first ? "  first screen" : r.chunk ? "  chunk" : ""}`);
}
console.log(`${"whole app".padEnd(44)}${pad(sum(rows, "raw"), 10)}${pad(sum(rows, "gzip"), 10)}${pad(sum(rows, "brotli"), 10)}`);
console.log(`${"first screen".padEnd(44)}${pad(sum(rows, "raw", true), 10)}${pad(sum(rows, "gzip", true), 10)}${pad(sum(rows, "brotli", true), 10)}`);
console.log(`first screen (brotli): ${kb(sum(rows, "brotli", true))} KB (budget 150 KB)`);
console.log(`whole app (brotli): ${kb(sum(rows, "brotli"))} KB (budget 250 KB)`);

// Where the first screen's bytes are, when twiggy is installed (never fails the report).
if (spawnSync("twiggy", ["--version"]).status === 0) {
  const r = spawnSync("python3", ["scripts/attribution.py", "--top", "10"], { encoding: "utf8" });
  process.stdout.write(r.status === 0 ? r.stdout : `attribution failed: ${r.stderr}`);
} else {
  console.log("attribution: install twiggy (cargo install twiggy --version 0.8.0 --locked), then python3 scripts/attribution.py");
}
