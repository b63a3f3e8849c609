// A synthetic training history written into an exported backup, for the History tests
// and the benchmarks: sessions three times a week with progressing loads, a daily
// check-in, pain that eases over time and rises on "sitting" days and short-sleep
// weeks, a flare-up and a function rating every four weeks.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DAY = 24 * 3600 * 1000;
const pad = (n, w) => String(n).padStart(w, "0");
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const env = (d) => JSON.stringify({ v: 1, d });

const EXERCISES = [
  { id: "goblet-squat", amount: 10, load: (w) => Math.min(8000 + 500 * w, 24000) },
  { id: "glute-bridge", amount: 12, load: () => 0 },
  { id: "wall-hip-hinge", amount: 10, load: () => 0 },
  { id: "bird-dog", amount: 8, load: () => 0 },
  { id: "side-plank-knees", amount: 20, load: () => 0 },
  { id: "dead-bug", amount: 8, load: () => 0 },
];

/** Replaces the backup's log with `days` days ending today (local time); sessions on the
 * plan week's days 0, 2 and 4, today's only with `trainToday`. */
export function synthesize(backup, { days, setsPerSession = 12, now = Date.now(), trainToday = false }) {
  const start = now - (days - 1) * DAY;
  const profile = backup.stores.singletons.find(([k]) => k === "profile");
  const p = JSON.parse(profile[1]);
  p.d.start = iso(start);
  profile[1] = JSON.stringify(p);
  const sessions = [], sets = [], checkins = [], events = [];
  for (let d = 0; d < days; d++) {
    const ms = start + d * DAY;
    const date = iso(ms);
    const week = Math.floor(d / 7);
    const sitting = d % 5 === 0;
    const sleep = 6 + (week % 4);
    const shortSleep = sleep === 6;
    const base = Math.max(1, 4 - Math.floor(week / 4));
    const pain = Math.min(10, base + (sitting ? 2 : 0) + (shortSleep ? 1 : 0));
    checkins.push([date, env({
      day: date, pain, walking_minutes: 10 + Math.min(20, week), mobility_done: d % 3 !== 0,
      sleep_hours: sleep, stress: sitting ? 6 : 3, protein_meals: 3, water: 6,
      triggers: sitting ? ["Sitting"] : [], new_symptoms: false,
    })]);
    if (d % 28 === 0) {
      events.push([`${date}|${pad(ms, 13)}`, env({ Psfs: { day: date, scores: [["Carry shopping", Math.min(10, 3 + week / 4 | 0)], ["Tie shoes", Math.min(10, 4 + week / 6 | 0)]] } })]);
    }
    if (days > 40 && d === 30) events.push([`${date}|${pad(ms + 1, 13)}`, env({ Flare: { Started: date } })]);
    if (days > 40 && d === 34) events.push([`${date}|${pad(ms + 1, 13)}`, env({ Flare: { Ended: date } })]);
    if ((d === days - 1 && !trainToday) || ![0, 2, 4].includes(d % 7)) continue;
    const id = `${date}-0-${ms}`;
    sessions.push([`${date}|${id}`, env({ id, day: date, slot: 0, started_ms: ms, finished: true, response: "Settled" })]);
    for (let i = 0; i < setsPerSession; i++) {
      const e = EXERCISES[i % EXERCISES.length];
      const set = { exercise: e.id, amount: e.amount, load: e.load(week), rpe: 7, pain: Math.max(0, pain - 2) };
      const logged = ms + i * 90_000;
      sets.push([`${date}|${id}|${pad(i, 4)}|${pad(logged, 13)}|00000000`, env({ session: id, day: date, index: i, set, logged_ms: logged, nonce: 0 })]);
    }
  }
  Object.assign(backup.stores, { sessions, sets, checkins, events });
  return { sets: sets.length, checkins: checkins.length, sessions: sessions.length };
}

/** Makes a synthesized history a calm one: every check-in at pain 1 with no triggers,
 * every set pain-free, no flare-ups. Such a user climbs through the phases on time. */
export function calm(backup) {
  const edit = (rows, change) => rows.forEach((row) => {
    const r = JSON.parse(row[1]);
    change(r.d);
    row[1] = JSON.stringify(r);
  });
  edit(backup.stores.checkins, (d) => { d.pain = 1; d.triggers = []; });
  edit(backup.stores.sets, (d) => { d.set.pain = 0; });
  backup.stores.events = backup.stores.events.filter(([, raw]) => !raw.includes("Flare"));
}

/**
 * Replaces what an onboarded page's app holds with `fill(backup)`'s changes: exports a
 * backup through Settings, lets `fill` rewrite it, and imports it with "replace".
 * Returns what `fill` returns (its counts).
 */
export async function replaceThroughSettings(page, base, fill) {
  await page.goto(`${base}/settings`);
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export a full backup" }).click(),
  ]);
  const backup = JSON.parse(readFileSync(await file.path(), "utf8"));
  const counts = fill(backup);
  const path = join(mkdtempSync(join(tmpdir(), "backstrong-history-")), "history.json");
  writeFileSync(path, JSON.stringify(backup));
  await page.getByLabel("Import a backup").setInputFiles(path);
  const preview = page.getByRole("region", { name: "Backup to import" });
  await preview.getByRole("button", { name: "Replace everything here…" }).click();
  await preview.getByRole("button", { name: "Yes, replace everything on this device" }).click();
  await page.getByText(/Replaced everything on this device/).waitFor({ timeout: 120_000 });
  return counts;
}
