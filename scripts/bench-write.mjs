// Measures, in headless Chromium with 4× CPU throttling: start → a usable Today (service
// worker warm, no network) on an empty store and on a synthetic history, and "write →
// shown" for the writes that are not a set — saving the daily check-in, starting a
// session, finishing one. Prints p50/max; asserts nothing.
// Usage: node scripts/bench-write.mjs   (after a release build; DIST=dir for another
// build, YEARS=n for another history length, default 5)
import { replaceThroughSettings, synthesize } from "./lib/synthetic.mjs";
import { traced } from "./lib/trace.mjs";
import { onboard, serveAndLaunch } from "./lib/bench.mjs";

const RUNS = Number(process.env.RUNS || 5);
const YEARS = Number(process.env.YEARS || 5);
const { base: BASE, browser, close } = await serveAndLaunch(4178);

const stats = (t) => {
  t.sort((a, b) => a - b);
  return `p50 ${t[Math.floor((t.length - 1) / 2)].toFixed(0)} ms, max ${t[t.length - 1].toFixed(0)} ms (n=${t.length})`;
};

/** Clicks the button named `name` and resolves, in ms, once `done` (a function body) holds. */
function timeClick(page, name, done) {
  return page.evaluate(
    async ([name, doneScript]) => {
      const done = new Function(doneScript);
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === name);
      const t0 = performance.now();
      await new Promise((resolve) => {
        const seen = new MutationObserver(() => {
          if (done()) {
            seen.disconnect();
            resolve();
          }
        });
        seen.observe(document.body, { childList: true, subtree: true });
        button.click();
      });
      return performance.now() - t0;
    },
    [name, done],
  );
}

/** Navigates to Today `RUNS` times at 4× throttling; each time, ms from navigation until
 * this week's plan is on screen (stamped in the page as it appears). */
async function timeStart(page, cdp) {
  const t = [];
  t.memory = "";
  for (let run = 0; run < RUNS; run++) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(`${BASE}/`);
    await page.getByText(/Phase \d/).first().waitFor({ timeout: 60_000 });
    t.push(await page.evaluate(() => window.__usable));
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  }
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? NaN);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const mb = (b) => (b / 1048576).toFixed(1);
  t.memory = `memory after start: wasm ${mb(wasm)} MB, JS heap ${mb(usedSize)} MB`;
  return t;
}

/** Deletes today's check-in and the last eight days' sessions from IndexedDB, so that
 * each run can check in and start a session again. */
function forgetRecent(page) {
  return page.evaluate(async () => {
    const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    const today = iso(new Date());
    const since = iso(new Date(Date.now() - 8 * 24 * 3600 * 1000));
    const db = await new Promise((res) => {
      const r = indexedDB.open("backstrong");
      r.onsuccess = () => res(r.result);
    });
    await new Promise((res) => {
      const tx = db.transaction(["checkins", "sessions", "sets"], "readwrite");
      tx.objectStore("checkins").delete(today);
      for (const s of ["sessions", "sets"]) tx.objectStore(s).delete(IDBKeyRange.lowerBound(since));
      tx.oncomplete = res;
    });
    db.close();
  });
}

/** Deletes the planner's checkpoint, as a change dated before its week does. */
function forgetCheckpoint(page) {
  return page.evaluate(async () => {
    const db = await new Promise((res) => {
      const r = indexedDB.open("backstrong");
      r.onsuccess = () => res(r.result);
    });
    await new Promise((res) => {
      const tx = db.transaction("singletons", "readwrite");
      tx.objectStore("singletons").delete("checkpoint");
      tx.oncomplete = res;
    });
    db.close();
  });
}

try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  if (process.env.PROBE) page.on("console", (m) => m.text().startsWith("PROBE") && console.log(m.text()));
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (/Phase \d/.test(document.body?.innerText || "")) {
        window.__usable = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true, characterData: true });
    // Trunk's loader hands over the wasm exports: their linear memory only grows, so its
    // size is the most the app held.
    addEventListener("TrunkApplicationStarted", (e) => (window.__wasmMemory = e.detail?.wasm?.memory));
  });
  await onboard(page, BASE);
  const cdp = await page.context().newCDPSession(page);
  const startEmpty = await timeStart(page, cdp);
  const counts = await replaceThroughSettings(page, BASE, (b) => {
    synthesize(b, { days: YEARS * 365, setsPerSession: 20 });
    // This week's sessions still to do, so one can be started.
    const since = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    b.stores.sessions = b.stores.sessions.filter(([k]) => k < since);
    b.stores.sets = b.stores.sets.filter(([k]) => k < since);
    // The synthetic flare's end comes before three calm days, so it would never end.
    b.stores.events = b.stores.events.filter(([, v]) => !v.includes("Flare"));
    return { sets: b.stores.sets.length, checkins: b.stores.checkins.length };
  });
  // The first start after an import rewrites what it migrates: not what a user meets daily.
  // The first start after the restore migrates the synthetic (schema 1) records; not timed.
  await page.goto(`${BASE}/`);
  await page.getByText(/Phase \d/).first().waitFor({ timeout: 120_000 });
  // Without the planner's checkpoint (as after a change older than it): everything is read.
  const startWithout = [];
  for (let run = 0; run < 3; run++) {
    await forgetCheckpoint(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(`${BASE}/`);
    await page.getByText(/Phase \d/).first().waitFor({ timeout: 60_000 });
    startWithout.push(await page.evaluate(() => window.__usable));
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  }
  // Once Today is up the app stores the checkpoint again; the starts below read from it.
  await page.waitForTimeout(3000);
  const startLong = await traced(cdp, `start with ${YEARS} years`, () => timeStart(page, cdp));

  const checkin = [];
  const start = [];
  const finish = [];
  for (let run = 0; run < RUNS; run++) {
    await forgetRecent(page);
    await page.goto(`${BASE}/`);
    await page.getByText(/Phase \d/).first().waitFor({ timeout: 60_000 });
    await page.getByText("Daily check-in").click();
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    checkin.push(await timeClick(page, "Save check-in", 'return [...document.querySelectorAll("h2")].some((h) => h.textContent === "Checked in")'));
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

    await page.goto(`${BASE}/workout`);
    await page.getByRole("button", { name: "Start session" }).waitFor({ timeout: 60_000 }).catch(async (e) => {
      console.log(await page.locator("main").innerText());
      throw e;
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    start.push(await timeClick(page, "Start session", 'return document.querySelector(".session-bar") !== null'));
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await page.getByRole("button", { name: "Finish session" }).click();
    await page.getByRole("button", { name: "Finish now" }).waitFor();
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    finish.push(await timeClick(page, "Finish now", 'return document.querySelector(\'[aria-label="Session summary"]\') !== null'));
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  }
  console.log(`4× CPU throttling; start → Today usable:`);
  console.log(`  empty store:      ${stats(startEmpty)}; ${startEmpty.memory}`);
  console.log(`  ${YEARS} years:          ${stats(startLong)}; ${startLong.memory}`);
  console.log(`  ${YEARS} years, no checkpoint stored (everything read): ${stats(startWithout)}`);
  console.log(`${YEARS}-year history (${counts.sets} sets, ${counts.checkins} check-ins), write → shown:`);
  console.log(`  check-in saved:   ${stats(checkin)}`);
  console.log(`  session started:  ${stats(start)}`);
  console.log(`  session finished: ${stats(finish)}`);
} finally {
  await close();
}
