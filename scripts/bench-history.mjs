// Time to open History and draw every chart over a synthetic five-year history, in
// headless Chromium with 4× CPU throttling. Prints p50/p95; asserts nothing.
// Goal (issue #7): ≤100 ms. Usage: node scripts/bench-history.mjs   (after a release build;
// DIST=dir for another build)
import { chromium } from "playwright-core";
import { SAFETY_QUESTIONS } from "../tests/shared/journey.mjs";
import { spawn } from "node:child_process";
import { replaceThroughSettings, synthesize } from "./lib/synthetic.mjs";

const PORT = 4177;
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.RUNS || 9);
const DIST = process.env.DIST || "dist";
// How long after a start the first open of History (and of the summary) waits, in ms.
const IDLE = Number(process.env.IDLE || 1000);
// How many starts each first-open case is timed over.
const FIRST = Number(process.env.FIRST || 3);
const server = spawn("python3", ["scripts/serve.py", DIST, String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 700));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
});

function stats(times) {
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor((times.length - 1) * p))].toFixed(0);
  return `p50 ${q(0.5)} ms, p95 ${q(0.95)} ms (n=${times.length})`;
}

/** Clicks `selector`'s element and resolves when `done()` holds after a DOM change. */
async function timeClick(page, clickSelector, doneScript) {
  return page.evaluate(
    async ([clickSelector, doneScript]) => {
      const done = new Function(doneScript);
      const target = document.querySelector(clickSelector);
      const t0 = performance.now();
      await new Promise((resolve) => {
        const seen = new MutationObserver(() => {
          if (done()) {
            seen.disconnect();
            resolve();
          }
        });
        seen.observe(document.body, { childList: true, subtree: true, attributes: true });
        target.click();
      });
      // Include style, layout and paint of the charts.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    },
    [clickSelector, doneScript],
  );
}

try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${BASE}/start`);
  for (const q of SAFETY_QUESTIONS) await page.getByRole("group", { name: q }).getByLabel("No", { exact: true }).check();
  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Make my plan" }).click();
  await page.getByRole("region", { name: "Your plan", exact: true }).waitFor();
  const counts = await replaceThroughSettings(page, BASE, (b) => synthesize(b, { days: 5 * 365, setsPerSession: 20 }));
  await page.goto(`${BASE}/`);
  await page.getByText(/Phase \d/).first().waitFor({ timeout: 60_000 });

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const open = [], all = [];
  const charted = "return document.querySelectorAll('figure.chart').length >= 9 && !!document.querySelector('.exercise-history');";
  for (let i = 0; i < RUNS; i++) {
    await page.getByRole("link", { name: "Today" }).click();
    await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
    open.push(await timeClick(page, 'nav a[href="/history"]', charted));
    const allButton = await page.getByRole("button", { name: "All" }).elementHandle();
    await allButton.evaluate((b) => b.setAttribute("data-bench", "all"));
    all.push(await timeClick(page, 'button[data-bench="all"]', "return document.querySelector('button[data-bench=\"all\"]').getAttribute('aria-pressed') === 'true' && document.querySelectorAll('figure.chart').length >= 9;"));
    await page.getByRole("button", { name: "6 months" }).click();
  }
  // A start reads only recent records (from the planner's checkpoint, stored once Today is
  // up); the first History after it reads the six months it shows, and All then reads
  // every record. Timed a moment (IDLE ms) after a start, once the screens chunk fetched
  // when Today is drawn is in, and at once after it, while the chunk may be on its way.
  const first = [], firstAll = [], ahead = [];
  for (let i = 0; i < FIRST; i++) {
    await page.waitForTimeout(2500);
    await page.goto(`${BASE}/`);
    await page.getByText(/Phase \d/).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(IDLE);
    ahead.push(await timeClick(page, 'nav a[href="/history"]', charted));
  }
  for (let i = 0; i < FIRST; i++) {
    await page.waitForTimeout(2500);
    await page.goto(`${BASE}/`);
    await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
    await page.getByText(/Phase \d/).first().waitFor({ timeout: 60_000 });
    first.push(await timeClick(page, 'nav a[href="/history"]', charted));
    const allButton = await page.getByRole("button", { name: "All" }).elementHandle();
    await allButton.evaluate((b) => b.setAttribute("data-bench", "all"));
    firstAll.push(await timeClick(page, 'button[data-bench="all"]', "return document.querySelector('button[data-bench=\"all\"]').getAttribute('aria-pressed') === 'true' && document.querySelectorAll('figure.chart').length >= 9 && !document.querySelector('main [role=status]');"));
  }
  // The physio summary, opened a moment after a start (it reads the twelve weeks it shows),
  // through a link the router follows like the one on History.
  const summary = [];
  const summed = "return !!document.getElementById('s-questions') && !document.querySelector('main').textContent.includes('Reading your history');";
  for (let i = 0; i < FIRST; i++) {
    await page.waitForTimeout(2500);
    await page.goto(`${BASE}/`);
    await page.getByText(/Phase \d/).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(IDLE);
    await page.evaluate(() => {
      const a = document.createElement("a");
      a.href = "/summary";
      a.id = "bench-summary";
      document.body.append(a);
    });
    summary.push(await timeClick(page, "#bench-summary", summed));
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  console.log(`five-year history: ${counts.sets} sets, ${counts.checkins} check-ins, ${counts.sessions} sessions`);
  console.log(`open History and draw every chart (6 months shown), 4× CPU throttling: ${stats(open)}`);
  console.log(`the first History ${IDLE / 1000} s after a start (reads the six months shown), 4× CPU throttling: ${stats(ahead)}`);
  console.log(`the first History at once after a start, 4× CPU throttling: ${stats(first)}`);
  console.log(`the physio summary ${IDLE / 1000} s after a start (reads the twelve weeks shown), 4× CPU throttling: ${stats(summary)}`);
  console.log(`then All for the first time (reads every record), 4× CPU throttling: ${stats(firstAll)}`);
  console.log(`switch to All (five years: 4-week blocks, the 10 % charts weekly for the last year), 4× CPU throttling: ${stats(all)}`);
} finally {
  await browser.close();
  server.kill();
}
