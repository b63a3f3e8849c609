// Start → a usable Today with five years of history, in the shapes a user's history has,
// in headless Chromium at 4× CPU throttling: the first start after the import, then
// starts with the user staying on Today 3 s after each (the app stores its checkpoint
// then). Each line prints the time and how many records the start read, so that a
// checkpoint silently not used shows. Prints numbers; asserts nothing.
// Usage: node scripts/bench-start.mjs   (after a release build; DIST=dir for another
// build, YEARS=n for another history length, RUNS=n starts per shape)
import { replaceThroughSettings, synthesize } from "./lib/synthetic.mjs";
import { onboard, serveAndLaunch } from "./lib/bench.mjs";

const RUNS = Number(process.env.RUNS || 5);
const YEARS = Number(process.env.YEARS || 5);
const { base: BASE, browser, close } = await serveAndLaunch(4179);

const DAY = 24 * 3600 * 1000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
// Sessions fall on the plan week's days 0, 2 and 4; the length decides where today is.
const base = YEARS * 365 - (YEARS * 365) % 7;
const SHAPES = [
  { name: "trained yesterday", days: base + 4 },
  { name: "trained today", days: base + 1, trainToday: true },
  { name: "mid-week, not yet trained", days: base + 5 },
  { name: "in a flare (since 3 days)", days: base + 4, flare: 3 },
  { name: "after a setup change today", days: base + 4, setup: true },
];

/** One navigation to Today at 4×: ms until this week's plan shows, and what was read. */
async function start(page, cdp) {
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(`${BASE}/`);
  await page.getByText(/Phase \d|flare-up mode|Flare-up mode/).first().waitFor({ timeout: 120_000 });
  const [ms, progress] = await page.evaluate(() => [window.__usable, window.__progress]);
  // Tasks still running after the plan shows (the checkpoint kept) count too.
  await page.waitForTimeout(1500);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  const read = await page.evaluate(() => window.__backstrong?.load ?? "?");
  const longest = await page.evaluate(() => window.__longest);
  return { ms, progress, read, longest };
}

const p50 = (t) => [...t].sort((a, b) => a - b)[Math.floor((t.length - 1) / 2)];

try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      const text = document.body?.innerText || "";
      if (!window.__progress && /Loading your plan/.test(text)) window.__progress = performance.now();
      if (/Phase \d|flare-up mode/i.test(text)) {
        window.__progress ??= performance.now();
        window.__usable = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true, characterData: true });
    // The longest main-thread task of this page load.
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await onboard(page, BASE);
  const cdp = await page.context().newCDPSession(page);
  const empty = [];
  for (let run = 0; run < RUNS; run++) empty.push((await start(page, cdp)).ms);
  if (process.env.SHAPES) SHAPES.splice(Number(process.env.SHAPES));
  console.log(`4× CPU throttling; start → Today usable; ${YEARS} years of history, 20 sets a session`);
  console.log(`  empty store:                   p50 ${p50(empty).toFixed(0)} ms`);
  for (const shape of SHAPES) {
    const counts = await replaceThroughSettings(page, BASE, (b) => {
      const c = synthesize(b, { days: shape.days, setsPerSession: 20, trainToday: shape.trainToday });
      // The synthetic flare's end comes before three calm days: by the rules it never ends.
      b.stores.events = b.stores.events.filter(([, v]) => !v.includes("Flare"));
      if (shape.flare) {
        const ms = Date.now() - shape.flare * DAY;
        b.stores.events.push([`${iso(ms)}|${String(ms).padStart(13, "0")}`, JSON.stringify({ v: 1, d: { Flare: { Started: iso(ms) } } })]);
      }
      return c;
    });
    const first = await start(page, cdp);
    await page.waitForTimeout(3000);
    if (shape.setup) {
      await page.goto(`${BASE}/setup`);
      await page.getByRole("group", { name: "Strength days a week" }).getByLabel("4").check();
      await page.getByRole("button", { name: "Save my setup" }).click();
      await page.getByRole("region", { name: "What changed" }).waitFor();
    }
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      runs.push(await start(page, cdp));
      await page.waitForTimeout(3000);
    }
    const ms = runs.map((r) => r.ms);
    const longest = Math.max(...runs.map((r) => r.longest));
    console.log(
      `  ${shape.name.padEnd(30)} p50 ${p50(ms).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms, longest task ${longest.toFixed(0)} ms, read ${runs.at(-1).read}`,
    );
    console.log(
      `  ${"".padEnd(30)} first start after the import (${counts.sets} sets): ${first.ms.toFixed(0)} ms (\"Loading your plan…\" at ${first.progress.toFixed(0)} ms), longest task ${first.longest.toFixed(0)} ms, read ${first.read}`,
    );
  }
} finally {
  await close();
}
