// Measures "tap Done → stored durably → shown as saved" in headless Chromium with 4× CPU
// throttling, on an empty store and on a synthetic five-year history (≈16,000 sets,
// 1,800 check-ins) imported through Settings. Prints p50/p95; asserts nothing.
// Usage: node scripts/bench-log.mjs   (after a release build)
// SPLIT=1 also prints where each tap's time goes: tap → the set's IndexedDB put issued →
// the put's success → its transaction's commit → the count shown.
import { chromium } from "playwright-core";
import { SAFETY_QUESTIONS, DONE } from "../tests/shared/journey.mjs";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { replaceThroughSettings } from "./lib/synthetic.mjs";
import { traced } from "./lib/trace.mjs";

const PORT = 4176;
const BASE = `http://127.0.0.1:${PORT}`;
const server = spawn("python3", ["scripts/serve.py", process.env.DIST || "dist", String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 700));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
});

/** With SPLIT=1: the times of the sets store's put, its success and its commit. */
const SPLIT = () => {
  window.__t = {};
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...a) {
    const r = put.apply(this, a);
    if (this.name === "sets") {
      const t = (window.__t = { put: performance.now() });
      r.addEventListener("success", () => (t.ok = performance.now()));
      this.transaction.addEventListener("complete", () => (t.done = performance.now()));
    }
    return r;
  };
};

async function onboard(page) {
  if (process.env.SPLIT) await page.addInitScript(SPLIT);
  await page.goto(`${BASE}/start`);
  for (const q of SAFETY_QUESTIONS) await page.getByRole("group", { name: q }).getByLabel("No", { exact: true }).check();
  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Make my plan" }).click();
  await page.getByRole("region", { name: "Your plan", exact: true }).waitFor();
}

const pad = (n, w) => String(n).padStart(w, "0");
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Adds five years of sessions, sets and check-ins to an exported backup. */
function fiveYears(backup) {
  const day = 24 * 3600 * 1000;
  const start = Date.now() - 5 * 365 * day;
  const profile = backup.stores.singletons.find(([k]) => k === "profile");
  const p = JSON.parse(profile[1]);
  p.d.start = iso(start);
  profile[1] = JSON.stringify(p);
  const sessions = [], sets = [], checkins = [];
  const exercises = ["wall-hip-hinge", "glute-bridge", "brace-breathing", "bird-dog", "side-plank-knees", "dead-bug"];
  for (let d = 0; d < 5 * 365; d++) {
    const ms = start + d * day;
    const date = iso(ms);
    checkins.push([date, JSON.stringify({ v: 1, d: { day: date, pain: 1, walking_minutes: 20, mobility_done: true, sleep_hours: 7, stress: 3, protein_meals: 3, water: 6, triggers: [], new_symptoms: false } })]);
    if (d % 7 !== 0 && d % 7 !== 2 && d % 7 !== 4) continue;
    const id = `${date}-0-${ms}`;
    sessions.push([`${date}|${id}`, JSON.stringify({ v: 1, d: { id, day: date, slot: 0, started_ms: ms, finished: true, response: "Settled" } })]);
    for (let i = 0; i < 20; i++) {
      const set = { exercise: exercises[i % exercises.length], amount: 10, load: 0, rpe: 7, pain: 1 };
      const logged = ms + i * 90_000;
      sets.push([`${date}|${id}|${pad(i, 4)}|${pad(logged, 13)}|00000000`, JSON.stringify({ v: 1, d: { session: id, day: date, index: i, set, logged_ms: logged, nonce: 0 } })]);
    }
  }
  Object.assign(backup.stores, { sessions, sets, checkins });
  return { sets: sets.length, checkins: checkins.length };
}

async function measure(page, samples) {
  const cdp = await page.context().newCDPSession(page);
  return traced(cdp, "taps", () => measureWith(page, cdp, samples));
}

async function measureWith(page, cdp, samples) {
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const times = [];
  while (times.length < samples) {
    await page.goto(`${BASE}/workout`);
    const start = page.getByRole("button", { name: "Start session" });
    const log = page.getByRole("button", { name: DONE }).first();
    await start.or(log).or(page.getByText("No session left")).first().waitFor({ timeout: 120_000 }).catch(async (e) => { console.log("STUCK:", times.length, await page.locator("body").innerText());
      await page.goto(`${BASE}/settings`);
      const [f] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export a full backup" }).click()]);
      const b = JSON.parse(readFileSync(await f.path(), "utf8"));
      console.log("STORES", JSON.stringify(Object.fromEntries(Object.entries(b.stores).map(([k, v]) => [k, v.map(([key, val]) => key + " " + val.slice(0, 160))]))));
      throw e; });
    if (await page.getByText("No session left").isVisible()) break;
    if (await start.isVisible()) await start.click();
    await log.waitFor();
    // As in a gym, where the warm-up comes first: the session is open a moment before its
    // first set (the app readies the rest's sound then, away from any tap).
    await page.waitForTimeout(2000);
    while (times.length < samples && (await log.isVisible())) {
      await page.waitForTimeout(50);
      times.push(
        await page.evaluate(async () => {
          // The session bar's "N of M sets": a set counts once it is stored.
          const count = () => Number((document.querySelector(".session-bar .count")?.textContent || "0").match(/^\d+/)?.[0] || 0);
          const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim().startsWith("Done · set"));
          const before = count();
          const t0 = performance.now();
          await new Promise((resolve) => {
            const seen = new MutationObserver(() => {
              if (count() > before) {
                seen.disconnect();
                resolve();
              }
            });
            seen.observe(document.body, { childList: true, subtree: true });
            button.click();
          });
          const t = performance.now();
          const T = window.__t || {};
          return T.done ? [t - t0, T.put - t0, T.ok - T.put, T.done - T.ok, t - T.done] : [t - t0];
        }),
      );
    }
    if (times.length < samples) {
      await page.getByRole("button", { name: "Finish session" }).click();
      const now = page.getByRole("button", { name: "Finish now" });
      if (await now.isVisible()) await now.click();
      await page.getByRole("region", { name: "Session summary" }).waitFor();
    }
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  const col = (i) => times.map((x) => x[i]).sort((a, b) => a - b);
  const q = (v, p) => v[Math.min(v.length - 1, Math.floor((v.length - 1) * p))].toFixed(1);
  const parts = ["to the put", "put → success", "success → commit", "commit → shown"];
  const split = times[0].length > 1 ? parts.map((n, i) => `\n    ${n}: p50 ${q(col(i + 1), 0.5)} ms, p95 ${q(col(i + 1), 0.95)} ms`).join("") : "";
  return `p50 ${q(col(0), 0.5)} ms, p95 ${q(col(0), 0.95)} ms (n=${times.length})${split}`;
}

/** The floor under any app: one strict-durability put and its commit, in a page with no app. */
async function browserWrite() {
  const page = await browser.newPage();
  await page.goto(`${BASE}/robots.txt`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const t = await page.evaluate(async () => {
    const db = await new Promise((ok) => {
      const q = indexedDB.open("floor", 1);
      q.onupgradeneeded = () => q.result.createObjectStore("s");
      q.onsuccess = () => ok(q.result);
    });
    const out = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await new Promise((ok) => {
        const tx = db.transaction("s", "readwrite", { durability: "strict" });
        tx.objectStore("s").put("x".repeat(200), i);
        tx.oncomplete = ok;
      });
      out.push(performance.now() - t0);
      await new Promise((ok) => setTimeout(ok, 50));
    }
    return out.sort((a, b) => a - b);
  });
  await page.close();
  return `p50 ${t[14].toFixed(1)} ms, p95 ${t[28].toFixed(1)} ms (n=30)`;
}

try {
  if (process.env.SPLIT) console.log(`the browser's own strict write and commit, no app, 4× CPU throttling: ${await browserWrite()}`);
  const empty = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await onboard(empty);
  console.log(`tap → stored → shown, 4× CPU throttling, empty store: ${await measure(empty, 20)}`);
  await empty.context().close();

  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await onboard(page);
  const counts = await replaceThroughSettings(page, BASE, fiveYears);
  const t0 = Date.now();
  await page.goto(`${BASE}/`);
  await page.getByRole("heading", { name: "Today" }).waitFor();
  await page.getByText(/Phase \d/).first().waitFor({ timeout: 60_000 });
  console.log(`five-year history (${counts.sets} sets, ${counts.checkins} check-ins) opened and planned in ${Date.now() - t0} ms (unthrottled)`);
  console.log(`tap → stored → shown, 4× CPU throttling, five-year history: ${await measure(page, 20)}`);
} finally {
  await browser.close();
  server.kill();
}
