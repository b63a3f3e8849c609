// Runs Lighthouse (mobile) against the release build in Debian's Chromium and prints the
// category scores and LCP / TBT / CLS. Usage: node scripts/lighthouse.mjs  (after a build;
// DIST=dir for another build)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const port = 4175;
const server = spawn("python3", ["scripts/serve.py", process.env.DIST || "dist", String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 700));
const profile = mkdtempSync(join(tmpdir(), "backstrong-lh-"));
const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  userDataDir: profile,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const result = await lighthouse(`http://127.0.0.1:${port}/`, { port: chrome.port, output: "json", logLevel: "error" });
  const { categories, audits } = result.lhr;
  for (const c of Object.values(categories)) console.log(`${c.title.padEnd(16)} ${Math.round(c.score * 100)}`);
  console.log(`LCP ${audits["largest-contentful-paint"].displayValue}`);
  console.log(`TBT ${audits["total-blocking-time"].displayValue}`);
  console.log(`CLS ${audits["cumulative-layout-shift"].displayValue}`);
} finally {
  await chrome.kill();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}
