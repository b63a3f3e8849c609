// Never lose a set: kill the app at random points after acknowledged sets, reopen, and
// check every acknowledged set is there and the workout resumes where it was.
// KILL_POINTS=N runs more (scripts/soak.sh).
import { test, expect, chromium } from "@playwright/test";
import { execSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchOptions } from "./playwright.config.mjs";
import { onboard, setsDone, doneButton } from "./helpers.mjs";

const KILL_POINTS = Number(process.env.KILL_POINTS || 50);
const DAY = 24 * 3600 * 1000;

/** A seeded random generator, so a failing run can be replayed with the same seed. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function open(profile, baseURL, time, timezoneId) {
  const ctx = await chromium.launchPersistentContext(profile, {
    ...launchOptions,
    viewport: { width: 390, height: 844 },
    timezoneId,
  });
  await ctx.clock.setFixedTime(time);
  const page = ctx.pages()[0] || (await ctx.newPage());
  return { ctx, page, base: baseURL };
}

function hardKill(profile) {
  try {
    execSync(`pkill -9 -f -- "--user-data-dir=${profile}"`);
  } catch (_) {}
}

/** Closing a context whose browser or renderer just died can hang: bound it. */
const bounded = (p) => Promise.race([p.catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);

async function kill(mode, ctx, page, profile) {
  if (mode === "sigkill") {
    // The whole browser dies at once, as when the phone kills the app.
    hardKill(profile);
  } else if (mode === "crash") {
    // The page's renderer process crashes.
    const cdp = await bounded(ctx.newCDPSession(page));
    if (cdp) await bounded(cdp.send("Page.crash"));
  } else {
    // Closed without running unload handlers, possibly mid-write.
    await bounded(page.close({ runBeforeUnload: false }));
  }
  await bounded(ctx.close());
  hardKill(profile);
}

/** Opens the workout, starting a session (moving a week on when the week is done). */
async function workout(page, base, ctx, clock) {
  for (let tries = 0; tries < 4; tries++) {
    await page.goto(`${base}/workout`);
    const ready = page.getByRole("button", { name: /^(Done · set|Start session|Finish session)/ })
      .or(page.getByText("No session left this week"));
    await expect(ready.first()).toBeVisible();
    if (await page.getByText("No session left this week").isVisible()) {
      clock.now += 7 * DAY;
      await ctx.clock.setFixedTime(clock.now);
      continue;
    }
    if (await page.getByRole("button", { name: "Start session" }).isVisible()) {
      await page.getByRole("button", { name: "Start session" }).click();
      await expect(page.getByRole("button", { name: "Finish session" })).toBeVisible();
    }
    return;
  }
  throw new Error("no session could be started");
}

test("every acknowledged set survives random kills and the workout resumes", async ({ baseURL }) => {
  test.setTimeout(60_000 + KILL_POINTS * 8_000);
  const random = rng(Number(process.env.KILL_SEED || 20261121));
  const profile = mkdtempSync(join(tmpdir(), "backstrong-kill-"));
  const clock = { now: Date.parse("2026-05-04T10:00:00") };
  let { ctx, page } = await open(profile, baseURL, clock.now);
  await onboard(page, baseURL);
  await ctx.close();

  let acknowledged = 0; // in the open session
  let totalAcknowledged = 0;
  let lost = 0;
  const modes = { sigkill: 0, crash: 0, close: 0 };
  for (let k = 0; k < KILL_POINTS; k++) {
    ({ ctx, page } = await open(profile, baseURL, clock.now));
    await workout(page, baseURL, ctx, clock);
    // Resumed exactly where it was: every acknowledged set is shown as saved.
    const saved = await setsDone(page);
    lost += Math.max(0, acknowledged - saved);
    expect(saved, `kill point ${k}: sets acknowledged before the kill`).toBeGreaterThanOrEqual(acknowledged);
    acknowledged = saved;

    const sets = 1 + Math.floor(random() * 3);
    const inflight = random() < 0.4;
    for (let j = 0; j < sets; j++) {
      const next = doneButton(page);
      if (!(await next.isVisible())) {
        await page.getByRole("button", { name: "Finish session" }).click();
        await expect(page.getByRole("region", { name: "Session summary" })).toBeVisible();
        acknowledged = 0;
        await workout(page, baseURL, ctx, clock);
        continue;
      }
      await next.click();
      if (inflight && j === sets - 1) break; // killed before the write is acknowledged
      await expect.poll(() => setsDone(page)).toBe(acknowledged + 1);
      acknowledged += 1;
      totalAcknowledged += 1;
    }
    const mode = ["sigkill", "crash", "close"][Math.floor(random() * 3)];
    modes[mode] += 1;
    await kill(mode, ctx, page, profile);
  }
  ({ ctx, page } = await open(profile, baseURL, clock.now));
  await workout(page, baseURL, ctx, clock);
  const saved = await setsDone(page);
  lost += Math.max(0, acknowledged - saved);
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
  console.log(`kill points: ${KILL_POINTS} (${JSON.stringify(modes)}), acknowledged sets: ${totalAcknowledged}, sets lost: ${lost}`);
  expect(lost).toBe(0);
  expect(totalAcknowledged).toBeGreaterThan(KILL_POINTS / 2);
});

test("two tabs log at the same time and neither overwrites the other", async ({ context, baseURL }) => {
  const a = await context.newPage();
  await onboard(a, baseURL);
  await a.goto(`${baseURL}/workout`);
  await a.getByRole("button", { name: "Start session" }).click();
  const b = await context.newPage();
  await b.goto(`${baseURL}/workout`);
  await expect(b.getByRole("button", { name: "Finish session" })).toBeVisible();
  // Both tap at once, on different exercises.
  await b.locator("article.block").nth(1).locator("h2.line button").click();
  await Promise.all([doneButton(a).click(), doneButton(b).click()]);
  await expect.poll(() => setsDone(a)).toBe(2);
  await expect.poll(() => setsDone(b)).toBe(2);
  // And once more from each.
  await Promise.all([doneButton(a).click(), doneButton(b).click()]);
  await expect.poll(() => setsDone(a)).toBe(4);
  await a.reload();
  await expect.poll(() => setsDone(a)).toBe(4);
});

async function exportBackup(page, base) {
  await page.goto(`${base}/settings`);
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export a full backup" }).click()]);
  return JSON.parse(readFileSync(await file.path(), "utf8"));
}

const days = (backup, store) => (backup.stores[store] || []).map(([, v]) => JSON.parse(v).d.day);

test("a session that crosses midnight, a clock change and a time-zone change stays on the day it began", async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), "backstrong-midnight-"));
  // Europe's clocks go forward at 02:00 on 29 March 2026.
  let { ctx, page } = await open(profile, baseURL, Date.parse("2026-03-28T23:50:00+01:00"), "Europe/Berlin");
  await onboard(page, baseURL);
  await page.goto(`${baseURL}/workout`);
  await page.getByRole("button", { name: "Start session" }).click();
  await doneButton(page).click();
  await expect.poll(() => setsDone(page)).toBe(1);
  // 03:10 the next morning, after midnight and after the clock change.
  await ctx.clock.setFixedTime(Date.parse("2026-03-29T03:10:00+02:00"));
  await doneButton(page).click();
  await expect.poll(() => setsDone(page)).toBe(2);
  await ctx.close();

  // The phone moves to New York, where it is still the 28th… then the 29th.
  ({ ctx, page } = await open(profile, baseURL, Date.parse("2026-03-29T09:30:00-04:00"), "America/New_York"));
  await page.goto(`${baseURL}/workout`);
  await expect.poll(() => setsDone(page)).toBe(2);
  await doneButton(page).click();
  await expect.poll(() => setsDone(page)).toBe(3);
  const backup = await exportBackup(page, baseURL);
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
  expect(days(backup, "sessions")).toEqual(["2026-03-28"]);
  expect(days(backup, "sets")).toEqual(["2026-03-28", "2026-03-28", "2026-03-28"]);
});
