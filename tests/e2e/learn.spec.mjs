// Lessons as a user meets them: offered on Today at the right moment, read offline, their
// read state kept on the device, one new one every few days, and "Why?" beside a reason.
import { test, expect } from "./fixtures.mjs";
import AxeBuilder from "@axe-core/playwright";
import { expectScreen, offline, setUp } from "./helpers.mjs";

const MONDAY = Date.parse("2026-05-04T09:00:00");
const DAY = 24 * 3600 * 1000;

const offer = (page) => page.getByRole("region", { name: "Something to read" });

test("the pain lesson is offered before the first workout, read offline, and the next one waits a few days", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  await page.goto("/");
  await expect(offer(page).getByRole("heading")).toHaveText("Hurt is not harm: what your pain numbers mean");
  await page.screenshot({ path: "tests/artifacts/screenshots/today-lesson-offer.png", fullPage: true });
  await offer(page).getByRole("link", { name: "Read it" }).click();
  await expectScreen(page, "Hurt is not harm: what your pain numbers mean");
  await expect(page.getByText("5 or more: stop that movement.", { exact: false })).toBeVisible();
  await page.screenshot({ path: "tests/artifacts/screenshots/lesson-pain.png", fullPage: true });
  await expect(page.getByRole("link", { name: "Next: The day-after check" })).toBeVisible();
  await page.getByRole("link", { name: "Back to Today" }).click();
  await expectScreen(page, "Today");
  await expect(offer(page)).toHaveCount(0);

  // Kept on the device: the Learn tab knows it was read, also after a reload.
  await page.reload();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Learn" }).click();
  await expectScreen(page, "Learn");
  await expect(page.getByText("1 of 11 read")).toBeVisible();
  await expect(page.locator(".lessons li")).toHaveCount(11);
  await page.screenshot({ path: "tests/artifacts/screenshots/learn.png", fullPage: true });

  // Two days on, nothing new; three days on, the next in order.
  await page.clock.setFixedTime(MONDAY + 2 * DAY);
  await page.goto("/");
  await expectScreen(page, "Today");
  await expect(page.getByRole("region", { name: "Strength session" })).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
  await page.clock.setFixedTime(MONDAY + 3 * DAY);
  await page.goto("/");
  await expect(offer(page).getByRole("heading")).toHaveText("Why rest alone makes a back more fragile");
  // "Later" puts it off for today, and that is remembered.
  await offer(page).getByRole("button", { name: "Later" }).click();
  await expect(offer(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("region", { name: "Strength session" })).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
});

test("flare-up mode offers the flare lesson at once, even on a day another was read", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  await page.goto("/learn/rest");
  await expectScreen(page, "Why rest alone makes a back more fragile");
  await page.goto("/");
  await page.getByRole("button", { name: "My back is flaring" }).click();
  await expect(page.getByRole("region", { name: "Flare-up mode" })).toBeVisible();
  await expect(offer(page).getByRole("heading")).toHaveText("A flare-up, and the plan for one");
});

test("a lesson address that does not exist says so", async ({ page }) => {
  await page.goto("/learn/no-such-lesson");
  await expectScreen(page, "Lesson not found");
  await expect(page.getByText("Your data is safe.", { exact: false })).toBeVisible();
});

test("a lesson and the exercise list pass axe-core", async ({ page }) => {
  for (const [path, heading] of [["/learn/day-after", "The day-after check"], ["/learn/exercises", "The exercises"]]) {
    await page.goto(path);
    await expectScreen(page, heading);
    const first = page.locator("details.exercise").first();
    if (await first.count()) await first.locator("summary").click();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});
