// Plate maths: the plates a user owns, set up in pairs, and what goes on each side of the
// bar in a phase-3 session (the next set and the sets to come) — offline.
import { test, expect } from "./fixtures.mjs";
import { answerSafety, planSurvivesReload, offline, openBlock, doneButton } from "./helpers.mjs";
import { calm, replaceThroughSettings, synthesize } from "../../scripts/lib/synthetic.mjs";

// A fixed day, so the weeks of history and the phase do not depend on when tests run.
const TODAY = Date.parse("2026-06-10T10:00:00");

/** Onboarding up to the equipment step, with the barbell ticked. */
async function toPlates(page) {
  await page.goto("/start");
  await answerSafety(page);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "What you train with" })).toBeVisible();
  await page.getByLabel("Barbell and plates").check();
  return page.getByRole("group", { name: "Plates you own, in pairs" });
}

/** The rest of onboarding: deadlifting is the goal, and the user lifted before. */
async function finish(page) {
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Deadlift with a barbell again").check();
  await page.getByLabel("I lifted weights regularly before my back pain").check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Make my plan" }).click();
  await expect(page.getByRole("region", { name: "Your plan", exact: true })).toBeVisible();
  await planSurvivesReload(page);
}

/** Ten weeks of calm training and check-ins, so the plan has reached phase 3. */
function calmWeeks(backup) {
  const counts = synthesize(backup, { days: 70, now: TODAY });
  calm(backup);
  return counts;
}

test("the setup form takes plates in pairs and says which loads they make", async ({ page }) => {
  const plates = await toPlates(page);
  // A common home set to start from, in kilograms.
  await expect(page.getByLabel("The bar (kg)")).toHaveValue("20");
  await expect(plates.getByLabel("Pairs of 20 kg plates")).toHaveValue("2");
  await expect(plates.getByLabel("Pairs of 1.25 kg plates")).toHaveValue("1");
  await expect(plates.getByLabel("Pairs of 25 kg plates")).toHaveValue("0");
  await expect(plates).toContainText("These make 20 kg to 137.5 kg in steps of 2.5 kg.");
  await plates.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: "tests/artifacts/screenshots/setup-plates.png" });

  // Pounds: the sizes sold in pounds, on a 45 lb bar.
  await page.getByLabel("lb", { exact: true }).check();
  await expect(page.getByLabel("The bar (lb)")).toHaveValue("45");
  await expect(plates.getByLabel("Pairs of 45 lb plates")).toHaveValue("2");
  await expect(plates).toContainText("These make 45 lb to 330 lb in steps of 5 lb.");
  await page.getByLabel("kg", { exact: true }).check();
  await expect(page.getByLabel("The bar (kg)")).toHaveValue("20");

  // Without the smallest plates the steps double; a gap is named as one.
  await plates.getByLabel("Pairs of 1.25 kg plates").fill("0");
  await expect(plates).toContainText("These make 20 kg to 135 kg in steps of 5 kg.");
  await plates.getByLabel("Pairs of 2.5 kg plates").fill("0");
  await expect(plates).toContainText("These make 20 kg to 130 kg in steps of 10 kg.");
  await plates.getByLabel("Pairs of 10 kg plates").fill("0");
  await expect(plates).toContainText("These make 20 kg to 110 kg; the steps between are 10 kg to 30 kg, so some loads are out of reach.");

  // A count no rack holds is refused with the field to fix.
  await plates.getByLabel("Pairs of 10 kg plates").fill("40");
  await expect(plates).toContainText("Check the 10 kg plates: a whole number of pairs from 0 to 20.");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("alert")).toContainText("Check the 10 kg plates");
});

test("a phase-3 deadlift shows what goes on each side of the bar, and steps only to loads the plates make, offline", async ({ page, context }) => {
  await page.clock.setFixedTime(TODAY);
  const plates = await toPlates(page);
  // One pair of 20s, one of 5s, one of 2.5s and one of 1.25s: no 10s.
  await plates.getByLabel("Pairs of 20 kg plates").fill("1");
  await plates.getByLabel("Pairs of 10 kg plates").fill("0");
  await expect(plates).toContainText("These make 20 kg to 77.5 kg; the steps between are 2.5 kg to 22.5 kg");
  await finish(page);
  await replaceThroughSettings(page, "", calmWeeks);
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Today", exact: true })).toContainText("Phase 3");

  await offline(page, context);
  await page.goto("/workout");
  await page.getByRole("button", { name: "Start session" }).click();
  const block = page.getByRole("article", { name: /^Barbell deadlift/ });
  const next = block.getByRole("group", { name: "Next set of Barbell deadlift" });
  // The workout draws itself again just after it starts: open it until it stays open.
  await expect(async () => {
    await openBlock(block);
    await expect(next).toBeVisible({ timeout: 1_000 });
  }).toPass();
  // Phase 3 brings the deadlift back on the empty bar.
  await expect(next).toContainText("The bar alone (20 kg)");
  // Heavier steps only to loads the plates make: 20, 22.5 … 37.5, then 60 (the 20s).
  const load = next.getByRole("group", { name: "Load for the next set" });
  const before = await load.innerText();
  await load.getByRole("button", { name: "Heavier" }).click();
  await expect(load).not.toHaveText(before);
  for (let i = 0; i < 10; i++) await load.getByRole("button", { name: "Heavier" }).click();
  // 20 + 2 × (1.25 + 2.5 + 5 + …): every load shown can be loaded, each side the same.
  const shown = await next.locator(".plates").innerText();
  const kg = Number((await load.innerText()).match(/([\d.]+) kg/)[1]);
  const side = shown.match(/per side (.+)$/)[1].split(" + ").map(Number);
  expect(20 + 2 * side.reduce((a, b) => a + b, 0)).toBe(kg);
  expect(side.every((p) => [20, 5, 2.5, 1.25].includes(p))).toBe(true);
  expect(new Set(side).size).toBe(side.length);
  await page.screenshot({ path: "tests/artifacts/screenshots/workout-plates.png" });

  // The sets still to come say it too.
  await expect(block.getByRole("list", { name: "Sets still to come" })).toContainText(/per side|The bar alone/);
  // Nothing is lighter than the empty bar, so the warm-up has no ramp-up sets into it
  // (with a heavier working weight they list their plates the same way).
  await page.locator("details.warmup > summary").click();
  await expect(page.getByText("Ramp-up sets into your working weight")).toBeVisible();
  await expect(page.getByRole("list", { name: /Ramp-up sets into/ })).toHaveCount(0);
  await doneButton(next).click();
  await expect(block.getByText("✓ Saved").first()).toBeVisible();
});

test("Edit my setup: fewer plates are a dated change, named with the loads they make, and kept", async ({ page }) => {
  await toPlates(page);
  await finish(page);
  await page.goto("/setup");
  const plates = page.getByRole("group", { name: "Plates you own, in pairs" });
  // Opens with what was saved, in pairs.
  await expect(plates.getByLabel("Pairs of 20 kg plates")).toHaveValue("2");
  await plates.getByLabel("Pairs of 20 kg plates").fill("1");
  await expect(plates).toContainText("These make 20 kg to 97.5 kg in steps of 2.5 kg.");
  await page.getByRole("button", { name: "Save my setup" }).click();
  const changed = page.getByRole("region", { name: "What changed" });
  await expect(changed).toContainText("Your bar and plates now make 20 kg to 97.5 kg.");
  await expect(changed).toContainText("never a heavier one");
  await changed.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: "tests/artifacts/screenshots/edit-setup-plates.png" });
  await page.goto("/setup");
  await expect(page.getByRole("group", { name: "Plates you own, in pairs" }).getByLabel("Pairs of 20 kg plates")).toHaveValue("1");
});
