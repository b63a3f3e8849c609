// History and insight: charts with data and without, per-exercise history, triggers, the
// monthly check-in and the printable physio summary. Screenshots are kept as artefacts.
import { test, expect } from "./fixtures.mjs";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { expectScreen, onboard } from "./helpers.mjs";
import { replaceThroughSettings, synthesize } from "../../scripts/lib/synthetic.mjs";

// A fixed day, so calendar weeks and readings do not depend on when the tests run.
const TODAY = Date.parse("2026-06-10T10:00:00");

/** Replaces the onboarded user's log with `days` days of synthetic history. */
function withHistory(page, days) {
  return replaceThroughSettings(page, "", (backup) => synthesize(backup, { days, now: TODAY }));
}

test("History with nothing logged says so instead of drawing empty charts", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await onboard(page);
  await page.goto("/history");
  await expectScreen(page, "History");
  await expect(page.getByRole("heading", { name: "Nothing logged yet" })).toBeVisible();
  await expect(page.locator("figure.chart")).toHaveCount(0);
  await page.screenshot({ path: "test-results/artifacts/history-empty.png", fullPage: true });
});

test("week 1: the exercises logged are at the top, charts wait for two weeks and say so, the physio summary is its own action", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await onboard(page);
  await withHistory(page, 4);
  await page.goto("/history");
  await expectScreen(page, "History");
  const note = page.getByRole("note");
  await expect(note).toContainText("Still to come, once there are two weeks to compare: pain against training, weekly volume by movement");
  // No chart is drawn from less than two weeks: the only figures are inside closed exercise rows.
  await expect(page.locator("figure.chart:visible")).toHaveCount(0);
  const each = page.getByRole("heading", { name: "Each exercise" });
  await expect(each).toBeVisible();
  const first = page.locator("details.exercise-history").first();
  await expect(first).toBeVisible();
  // Reachable without a scroll on a phone.
  const box = await first.boundingBox();
  expect(box.y + box.height).toBeLessThan(page.viewportSize().height);
  await first.locator("summary").click();
  await expect(first.locator("tbody tr").first()).toContainText(/\d+ × \d+/);
  const physio = page.getByRole("article", { name: "For your physio" });
  await expect(physio.getByRole("link", { name: "Summary for your physio" })).toBeVisible();
  // Ranges of months mean nothing yet.
  await expect(page.getByRole("group", { name: "Time range" })).toHaveCount(0);
  await page.screenshot({ path: "tests/artifacts/screenshots/history-week-1.png" });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
});

test("three months of data: every chart draws with a plain reading, triggers and exercises", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await onboard(page);
  await withHistory(page, 91);
  await page.goto("/history");
  await expectScreen(page, "History");
  const charts = page.locator("figure.chart");
  // Pain, six movement patterns at most, walking, four habits, phases, function.
  await expect(page.getByRole("img", { name: "Pain against training", exact: true })).toBeVisible();
  await expect(page.getByRole("note")).toHaveCount(0);
  expect(await charts.count()).toBeGreaterThanOrEqual(9);
  for (const name of ["Pain against training", "Walking and mobility", "Sleep", "Stress", "Protein", "Water", "Phases over time, flare-ups marked", "Activity scores"]) {
    const svg = page.getByRole("img", { name, exact: true });
    await expect(svg).toBeVisible();
    expect(await svg.locator("rect, path, circle").count()).toBeGreaterThan(0);
  }
  await expect(page.getByRole("img", { name: "Squat", exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "Squat", exact: true }).locator("line.cap").first()).toBeAttached();
  // The readings say what the data says, with how much it rests on.
  await expect(page.locator("figure", { has: page.getByRole("img", { name: "Pain against training" }) })).toContainText(/Daily pain averaged \d\.\d over the latest \d+ weeks, lower than/);
  await expect(page.locator("figure", { has: page.getByRole("img", { name: "Sleep", exact: true }) })).toContainText(/pain averaged \d\.\d; in the other \d+ weeks/);
  await expect(page.locator("figure", { has: page.getByRole("img", { name: "Squat", exact: true }) })).toContainText(/\d+ of \d+ weekly rises stayed within 10 %/);
  await expect(page.locator("figure", { has: page.getByRole("img", { name: "Activity scores" }) })).toContainText(/From \d\.\d to \d\.\d across \d ratings/);
  const triggers = page.getByRole("region", { name: "Pain triggers" });
  await expect(triggers).toContainText(/Sitting: on the \d+ days you noted it, pain averaged \d\.\d; on the other \d+ days, \d\.\d\./);
  await expect(triggers).toContainText("does not prove");
  // Per exercise: every session with sets, loads and pain.
  await page.locator("details.exercise-history", { hasText: "Goblet squat" }).locator("summary").click();
  const squat = page.locator("details.exercise-history", { hasText: "Goblet squat" });
  await expect(squat.locator("tbody tr").first()).toContainText(/\d+ × \d+/);
  await expect(squat.getByRole("img", { name: /step on the ladder/ })).toBeVisible();
  await page.screenshot({ path: "test-results/artifacts/history-three-months.png", fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "tests/artifacts/screenshots/history-three-months.png" });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);

  // A shorter range redraws with fewer weeks.
  await page.getByRole("button", { name: "All" }).click();
  await expect(page.getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "true");
});

test("the monthly check-in re-rates function and compares the month with the last", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await onboard(page);
  await withHistory(page, 50);
  await page.goto("/");
  const card = page.getByRole("region", { name: "Monthly check-in" });
  await expect(card).toBeVisible();
  await expect(card.locator("table")).toContainText("Average daily pain");
  await card.getByRole("slider").first().fill("9");
  await card.getByRole("button", { name: "Save my ratings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "activity score" })).toContainText(/activity score (rose|changed|fell) by \d\.\d/);
  await expect(card).toHaveCount(0);
});

test("the physio summary holds every section and prints without the app's chrome", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await onboard(page);
  await withHistory(page, 91);
  await page.goto("/history");
  await page.getByRole("link", { name: "Summary for your physio" }).click();
  await expectScreen(page, "Summary for your physio");
  for (const h of ["Programme", "Red-flag questions", "Pain trend (last 12 weeks)", "Function (Patient-Specific Functional Scale)", "Training by movement", "Flare-ups", "Questions for the visit"]) {
    await expect(page.getByRole("heading", { name: h, exact: true })).toBeVisible();
  }
  await expect(page.getByText("What do you think is most likely driving my pain?")).toBeVisible();
  await expect(page.getByRole("row", { name: /Carry shopping/ })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await page.screenshot({ path: "test-results/artifacts/physio-summary-print.png", fullPage: true });
});

test("over years, the charts draw four-week blocks and the 10 % charts keep the latest year week by week", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await onboard(page);
  await withHistory(page, 800);
  await page.goto("/history");
  await page.getByRole("button", { name: "All" }).click();
  await expect(page.getByText("each bar is four weeks")).toBeVisible();
  await expect(page.getByText("The last 52 weeks, week by week")).toBeVisible();
  const bars = await page.getByRole("img", { name: "Pain against training" }).locator("rect.bar").count();
  expect(bars).toBeLessThanOrEqual(Math.ceil(115 / 4) + 1);
  const weekly = await page.getByRole("img", { name: "Squat", exact: true }).locator("rect.bar").count();
  expect(weekly).toBeLessThanOrEqual(52);
  expect(weekly).toBeGreaterThan(40);
});

test("kg or lb chosen in Settings shows on every screen with a load and in the CSV; stored loads stay the same", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await onboard(page);
  await withHistory(page, 91);
  const kg = /\d kg/;
  const lb = /\d lb/;
  await page.goto("/history");
  await expectScreen(page, "History");
  await expect(page.locator("main")).toContainText(kg);
  await page.goto("/plan");
  await expect(page.getByLabel("Weight in kg (leave empty for none)")).toBeAttached();
  await page.goto("/settings");
  await page.getByRole("button", { name: "Pounds" }).click();
  await expect(page.getByRole("button", { name: "Pounds" })).toHaveAttribute("aria-pressed", "true");
  for (const [route, heading] of [["/plan", "Plan"], ["/", null], ["/history", "History"]]) {
    await page.goto(route);
    if (heading) await expectScreen(page, heading);
    await page.waitForTimeout(300);
    const text = await page.locator("main").innerText();
    expect(text, route).not.toMatch(kg);
    if (route === "/history") expect(text, route).toMatch(lb);
  }
  await page.goto("/plan");
  await expect(page.getByLabel("Weight in lb (leave empty for none)")).toBeAttached();
  // The workout steps the load in pounds too.
  await page.goto("/workout");
  const start = page.getByRole("button", { name: "Start session" });
  if (await start.isVisible().catch(() => false)) {
    await start.click();
    await expect(page.locator(".session-bar")).toBeVisible();
    expect(await page.locator("main").innerText()).not.toMatch(kg);
  }
  // The CSV names its unit and converts; a reload keeps the choice.
  await page.goto("/settings");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export sets as CSV" }).click()]);
  const csv = readFileSync(await dl.path(), "utf8");
  expect(csv.split("\n")[0]).toBe("date,session,set,exercise,amount,unit,load_lb,rpe,pain");
  await page.reload();
  await expect(page.getByRole("button", { name: "Pounds" })).toHaveAttribute("aria-pressed", "true");
  // Back to kilograms: the same stored numbers, shown as before.
  await page.getByRole("button", { name: "Kilograms" }).click();
  await page.goto("/history");
  await expect(page.locator("main")).toContainText(kg);
});

/** The planner's checkpoint as stored, or null. */
function storedCheckpoint(page) {
  return page.evaluate(async () => {
    const db = await new Promise((res) => {
      const r = indexedDB.open("backstrong");
      r.onsuccess = () => res(r.result);
    });
    const value = await new Promise((res) => {
      const get = db.transaction("singletons").objectStore("singletons").get("checkpoint");
      get.onsuccess = () => res(get.result ?? null);
    });
    db.close();
    return value;
  });
}

/** Writes `value` as the stored checkpoint, from a page of the origin that does not run the app. */
async function writeCheckpoint(page, value) {
  await page.goto("/manifest.webmanifest");
  await page.evaluate(async (value) => {
    const db = await new Promise((res) => {
      const r = indexedDB.open("backstrong");
      r.onsuccess = () => res(r.result);
    });
    await new Promise((res) => {
      const tx = db.transaction("singletons", "readwrite");
      tx.objectStore("singletons").put(value, "checkpoint");
      tx.oncomplete = res;
    });
    db.close();
  }, value);
}

test("a start reads from the planner's stored checkpoint; a damaged or outdated one is not used and is replaced, and the plan stays the same", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await onboard(page);
  await withHistory(page, 200);
  // This history ends in a flare: Today shows flare-up mode, worked out from check-ins
  // older than the checkpoint's week.
  const plan = page.getByRole("region", { name: "Today", exact: true });
  await page.goto("/");
  await expect(plan.getByText(/Phase \d/)).toBeVisible();
  const expected = await plan.innerText();
  // Stored once Today is up (after a restore, nothing is stored yet).
  await expect.poll(() => storedCheckpoint(page), { timeout: 15_000 }).not.toBeNull();
  const good = await storedCheckpoint(page);
  // Of the week of four weeks ago; a flare still on reaches back to its first day.
  // Its last field is that floor: days since 1 January of year 1, zig-zag coded.
  const floorDays = Number(good.match(/(\d+),$/)[1]) / 2;
  const floor = new Date((floorDays - 719_163) * 86_400_000).toISOString().slice(0, 10);
  expect(floor <= "2026-05-13", floor).toBe(true);
  expect(good.length).toBeLessThan(20_000);
  await page.reload();
  await expect(plan.getByText(/Phase \d/)).toBeVisible();
  expect(await plan.innerText()).toBe(expected);

  // Its first field is the rules' version.
  const outdated = good.replace(/^cp2;\d+,/, "cp2;0,");
  expect(outdated).not.toBe(good);
  const cases = [
    ["damaged", "{\"v\":2,\"d\":{\"week\":\"nonsense\""],
    ["cut short", good.slice(0, good.length / 2)],
    ["not text", 42],
    ["made by other rules", outdated],
  ];
  for (const [what, damaged] of cases) {
    await writeCheckpoint(page, damaged);
    await page.goto("/");
    await expect(plan.getByText(/Phase \d/), what).toBeVisible();
    expect(await plan.innerText(), what).toBe(expected);
    await expect.poll(() => storedCheckpoint(page), { timeout: 15_000, message: `${what}: repaired` }).toBe(good);
  }

  // History reads the six months it shows, not only the recent records a start read;
  // All reads every record. Back at six months, with everything held, it shows the same.
  await page.goto("/");
  await expect(plan.getByText(/Phase \d/)).toBeVisible();
  await page.getByRole("link", { name: "History" }).first().click();
  await expect(page.getByRole("img", { name: "Phases over time, flare-ups marked", exact: true })).toBeVisible();
  const weeks = page.getByRole("group", { name: "Time range" });
  await expect(weeks.getByRole("button", { name: "6 months" })).toHaveAttribute("aria-pressed", "true");
  const main = page.locator("main");
  const sixMonths = await main.innerText();
  const charts = await main.locator("svg [aria-label], svg title, [role=img]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? e.textContent));
  expect(sixMonths).toContain("flare");
  await weeks.getByRole("button", { name: "All" }).click();
  // The six months' charts stay while the rest is read.
  await expect(page.getByRole("img", { name: "Pain against training", exact: true })).toBeVisible();
  await expect(main.getByText("Reading the rest of your history…")).toHaveCount(0);
  expect(await main.innerText()).not.toBe(sixMonths);
  await weeks.getByRole("button", { name: "6 months" }).click();
  await expect(page.getByRole("img", { name: "Phases over time, flare-ups marked", exact: true })).toBeVisible();
  expect(await main.innerText()).toBe(sixMonths);
  expect(await main.locator("svg [aria-label], svg title, [role=img]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? e.textContent))).toEqual(charts);
  // Opened straight at History (a reload there), while the start's recent read is under way.
  await page.reload();
  await expect(page.getByRole("img", { name: "Phases over time, flare-ups marked", exact: true })).toBeVisible();
  await page.goto("/summary");
  await expect(page.getByRole("img", { name: "Pain and training" })).toBeVisible();
});
