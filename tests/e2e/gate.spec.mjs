// The red-flag gate as a user meets it after setting up: a new symptom told at a daily
// check-in closes every way into a workout (Today, Plan, /workout, a reload) until the
// questions are answered again, and a yes is let through only by a clearance dated on or
// after that answer. At both phone sizes, offline.
import { test, expect } from "./fixtures.mjs";
import { answerSafety, doneButton, expectScreen, offline, setsDone, setUp } from "./helpers.mjs";

const MONDAY = Date.parse("2026-05-04T09:00:00");
const SIZES = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
];

/** Today's check-in, telling of a new symptom. */
async function checkInWithNewSymptom(page) {
  await page.goto("/");
  await expectScreen(page, "Today");
  await page.getByText("Daily check-in").click();
  await page.getByLabel(/I have a new symptom/).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
}

/** Every way into a workout is shut, and says why. */
async function expectNoWayIn(page) {
  await page.goto("/");
  await expectScreen(page, "Today");
  await expect(page.getByRole("region", { name: "Safety questions" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Strength session" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Start session|Resume workout/ })).toHaveCount(0);
  await page.goto("/workout");
  await expectScreen(page, "Workout");
  await expect(page.getByRole("region", { name: "Training waits" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start session" })).toHaveCount(0);
  await expect(doneButton(page)).toHaveCount(0);
  await page.goto("/plan");
  await expectScreen(page, "Plan");
  await expect(page.getByRole("region", { name: "Your plan waits" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your plan", exact: true })).toHaveCount(0);
}

for (const size of SIZES) {
  test(`a new symptom at a check-in shuts every way into a workout until the questions are answered again (${size.width}×${size.height})`, async ({ page, context }) => {
    await page.setViewportSize(size);
    await page.clock.setFixedTime(MONDAY);
    await offline(page, context);
    await setUp(page);
    // A session under way, one set logged.
    await page.goto("/workout");
    await page.getByRole("button", { name: "Start session" }).click();
    await doneButton(page).first().click();
    await expect.poll(() => setsDone(page)).toBe(1);

    await checkInWithNewSymptom(page);
    await expectNoWayIn(page);
    // A reload does not open it.
    await page.reload();
    await expectNoWayIn(page);

    // Answered again, all no: the session resumes where it stood.
    await page.goto("/");
    const check = page.getByRole("region", { name: "Safety questions" });
    await expect(check).toContainText("told of a new symptom");
    await answerSafety(check);
    await check.getByRole("button", { name: "Save my answers" }).click();
    await expect(page.getByRole("region", { name: "Strength session" })).toBeVisible();
    await page.getByRole("link", { name: "Resume workout" }).click();
    await expect.poll(() => setsDone(page)).toBe(1);
    await expect(doneButton(page).first()).toBeVisible();

    // The check-in keeps its report: the physio summary shows it.
    await page.goto("/summary");
    await expect(page.getByRole("region", { name: "Red-flag questions" })).toContainText("New symptom reported on Monday 4 May");
  });
}

test("a yes after a new symptom is let through only by a clearance dated on or after that answer", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  // Set up with a yes and a clearance recorded that day.
  await page.getByRole("link", { name: "Set up my plan" }).click();
  await answerSafety(page, [/numbness anywhere in your legs/]);
  const onboardingGate = page.getByRole("region", { name: "Get checked first" });
  await onboardingGate.getByLabel(/checked and cleared for exercise/).check();
  // A clearance dated before the answers cannot clear them.
  await onboardingGate.getByLabel("Date you were cleared").fill("2026-05-01");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("alert")).toContainText("counts only for answers given before it");
  await onboardingGate.getByLabel("Date you were cleared").fill("2026-05-04");
  for (let step = 1; step < 6; step++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Make my plan" }).click();
  await expect(page.getByRole("region", { name: "Your plan", exact: true })).toBeVisible();

  // Two days on, a new symptom, and numbness again.
  await page.clock.setFixedTime(MONDAY + 2 * 24 * 3600 * 1000);
  await checkInWithNewSymptom(page);
  const check = page.getByRole("region", { name: "Safety questions" });
  await answerSafety(check, [/numbness anywhere in your legs/]);
  await check.getByRole("button", { name: "Save my answers" }).click();
  // The clearance from onboarding does not let this yes through.
  const gate = page.getByRole("region", { name: "Get checked first" });
  await expect(gate).toContainText("Training waits");
  await expect(page.getByRole("region", { name: "Strength session" })).toHaveCount(0);
  await page.goto("/workout");
  await expect(page.getByRole("region", { name: "Training waits" })).toBeVisible();
  await page.goto("/");
  // Nor does one dated the day before the answer.
  await gate.getByLabel("I was cleared by a professional on").fill("2026-05-05");
  await gate.getByRole("button", { name: "Record my clearance" }).click();
  await expect(gate.getByRole("alert")).toContainText("counts only for answers given before it");
  await expect(page.getByRole("region", { name: "Strength session" })).toHaveCount(0);
  // Dated the day of the answer: training goes on.
  await gate.getByLabel("I was cleared by a professional on").fill("2026-05-06");
  await gate.getByRole("button", { name: "Record my clearance" }).click();
  await expect(page.getByRole("region", { name: "Strength session" })).toBeVisible();
  // The urgent words stay with an urgent flag.
  await page.clock.setFixedTime(MONDAY + 3 * 24 * 3600 * 1000);
  await checkInWithNewSymptom(page);
  await answerSafety(check, [/controlling your bladder or bowels/]);
  await check.getByRole("button", { name: "Save my answers" }).click();
  await expect(gate.getByRole("heading", { name: "Get urgent medical help today" })).toBeVisible();
});
