// Training days in the phone's calendar: the file is read back by an independent
// iCalendar parser (Mozilla's ical.js), as a calendar app would read it.
import { test, expect } from "./fixtures.mjs";
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { expectScreen, offline, onboard } from "./helpers.mjs";

// Monday 4 May 2026, 09:00 local time.
const MONDAY = Date.parse("2026-05-04T09:00:00");
const BYDAY = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
const HEALTH_WORDS = /pain|phase|flare|rehab|back pain|injur|physio|symptom|sciatica/i;

async function makeFile(page) {
  const card = page.locator("details.calendar");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", { name: "Add my training days to my calendar" }).click(),
  ]);
  expect(file.suggestedFilename()).toBe("backstrong-training-days.ics");
  await expect(card.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  return readFileSync(await file.path());
}

/** The file's own format (RFC 5545 §3.1), then its events as ical.js reads them. */
function read(bytes) {
  const text = bytes.toString("utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const raw = text.split("\r\n").slice(0, -1);
  const strict = new TextDecoder("utf-8", { fatal: true });
  for (const line of raw) {
    const octets = Buffer.from(line, "utf8");
    expect(octets.length, line).toBeLessThanOrEqual(75);
    // Each physical line is whole UTF-8 on its own: no fold inside a character.
    expect(strict.decode(octets)).toBe(line);
  }
  expect(raw.some((l) => l.startsWith(" ")), "a long line was folded").toBe(true);
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.getFirstPropertyValue("version")).toBe("2.0");
  expect(cal.getFirstPropertyValue("prodid")).toContain("Backstrong");
  const events = cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    const start = v.getFirstProperty("dtstart");
    return {
      v,
      e,
      uid: e.uid,
      sequence: e.sequence,
      status: v.getFirstPropertyValue("status"),
      summary: e.summary,
      description: e.description,
      start: e.startDate,
      floating: start.getParameter("tzid") === undefined && !e.startDate.toString().endsWith("Z"),
      rule: v.getFirstPropertyValue("rrule"),
      alarms: v.getAllSubcomponents("valarm"),
      stamp: v.getFirstProperty("dtstamp").getFirstValue().toString(),
      url: v.getFirstPropertyValue("url"),
    };
  });
  for (const ev of events) {
    expect(ev.uid).toBeTruthy();
    expect(ev.stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(ev.floating, `${ev.uid} keeps local time`).toBe(true);
    expect(ev.url).toBeNull();
    expect(`${ev.summary} ${ev.description}`).not.toMatch(HEALTH_WORDS);
    expect(`${ev.summary} ${ev.description}`).not.toMatch(/https?:/);
  }
  return events;
}

/** The next `n` dates an event falls on, as "2026-05-04T07:15:00". */
function next(ev, n) {
  const it = ev.e.iterator();
  const out = [];
  for (let t = it.next(); t && out.length < n; t = it.next()) out.push(t.toString());
  return out;
}

test("training days go to the calendar as weekly events at a chosen time, and a change of days moves and cancels them, offline", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await onboard(page);
  await offline(page, context);
  // Offered once after onboarding, on Plan.
  await page.goto("/plan");
  const card = page.locator("details.calendar");
  await expect(card).toHaveAttribute("open", "");
  await expect(card).toContainText("Your training days: Monday and Thursday");
  await card.getByLabel("Session time").fill("07:15");
  await card.getByLabel("Add a daily walk too").check();
  await card.getByLabel("Walk time").fill("12:30");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/artifacts/screenshots/calendar-offer.png", fullPage: false });
  const first = read(await makeFile(page));
  await page.screenshot({ path: "tests/artifacts/screenshots/calendar-saved.png" });

  const strength = first.filter((e) => e.rule.freq === "WEEKLY");
  expect(strength.map((e) => e.rule.parts.BYDAY)).toEqual([["MO"], ["TH"]]);
  for (const ev of strength) {
    expect(ev.summary).toBe("Backstrong · strength session");
    expect(ev.status).toBe("CONFIRMED");
    expect(ev.sequence).toBe(0);
    // The first occurrence is on its own weekday, on or after today.
    expect(BYDAY[ev.start.dayOfWeek() - 1]).toBe(ev.rule.parts.BYDAY[0]);
    expect(ev.start.toString() >= "2026-05-04").toBe(true);
    expect(ev.alarms).toHaveLength(1);
    expect(ev.alarms[0].getFirstPropertyValue("action")).toBe("DISPLAY");
    expect(ev.alarms[0].getFirstPropertyValue("trigger").toString()).toBe("-PT30M");
    expect(ev.e.duration.toSeconds()).toBeGreaterThan(0);
  }
  expect(next(strength[0], 3)).toEqual(["2026-05-04T07:15:00", "2026-05-11T07:15:00", "2026-05-18T07:15:00"]);
  expect(next(strength[1], 2)).toEqual(["2026-05-07T07:15:00", "2026-05-14T07:15:00"]);
  const walk = first.find((e) => e.rule.freq === "DAILY");
  expect(walk.summary).toBe("Backstrong · walk");
  expect(next(walk, 2)).toEqual(["2026-05-04T12:30:00", "2026-05-05T12:30:00"]);

  // Made once: after a reload the card is folded and says when.
  await page.reload();
  await expect(card).toContainText("Last file made on Monday 4 May: Monday and Thursday at 07:15, and a daily walk at 12:30.");
  await expect(card).not.toHaveAttribute("open", "");

  // The days change: Plan says so and the next file moves and cancels, with the same ids.
  await page.goto("/setup");
  await expectScreen(page, "Edit my setup");
  await page.getByRole("group", { name: "Strength days a week" }).getByLabel("3").check();
  await page.getByRole("button", { name: "Save my setup" }).click();
  await expect(page.getByRole("region", { name: "What changed" })).toContainText("Your calendar still has your old training days");
  await page.goto("/plan");
  await expect(card).toHaveAttribute("open", "");
  await expect(card.getByRole("status")).toContainText("your calendar has Monday and Thursday, your plan now trains on Monday, Wednesday and Friday");
  await card.getByLabel("Remind me 30 minutes before").uncheck();
  await card.getByLabel("Add a daily walk too").uncheck();
  await page.screenshot({ path: "tests/artifacts/screenshots/calendar-changed.png" });
  const second = read(await makeFile(page));
  const byUid = Object.fromEntries(second.map((e) => [e.uid, e]));
  for (const old of first) expect(byUid[old.uid], `${old.uid} is named again`).toBeTruthy();
  for (const ev of second) expect(ev.sequence).toBe(1);
  const status = (day) => second.find((e) => e.rule.freq === "WEEKLY" && e.rule.parts.BYDAY[0] === day).status;
  expect(["MO", "TH", "WE", "FR"].map(status)).toEqual(["CONFIRMED", "CANCELLED", "CONFIRMED", "CONFIRMED"]);
  expect(byUid[walk.uid].status).toBe("CANCELLED");
  // The new days begin with the program week the change takes effect in.
  const wednesday = second.find((e) => e.rule.parts.BYDAY?.[0] === "WE");
  expect(next(wednesday, 1)).toEqual(["2026-05-13T07:15:00"]);
  // The kept Monday keeps its series; no alarm once it is turned off.
  expect(byUid[strength[0].uid].start.toString()).toBe(strength[0].start.toString());
  for (const ev of second) expect(ev.alarms).toHaveLength(0);
  await expect(card).not.toContainText("your calendar has");
});

test("the calendar offer can be put away and is still found on Plan, at the smallest phone size", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.clock.setFixedTime(MONDAY);
  await onboard(page);
  await page.goto("/plan");
  const card = page.locator("details.calendar");
  await card.getByRole("button", { name: "Not now" }).click();
  await expect(card).not.toHaveAttribute("open", "");
  await page.reload();
  await expect(card).not.toHaveAttribute("open", "");
  await card.getByText("Training days in your calendar").click();
  await expect(card.getByRole("button", { name: "Add my training days to my calendar" })).toBeVisible();
  await expect(card.getByRole("button", { name: "Not now" })).toHaveCount(0);
  await card.getByRole("button", { name: "Add my training days to my calendar" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/artifacts/screenshots/calendar-360.png" });
  read(await makeFile(page));
});
