// What a thumb and a screen reader meet on a small phone, at both phone sizes: every
// target at least 44 × 44 px, nothing under a bar, messages where the user is looking,
// and a set's name that says the change accepted for pain.
import { test, expect } from "./fixtures.mjs";
import { answerSafety, doneButton, expectScreen, offline, reportPain, setUp } from "./helpers.mjs";

const MONDAY = Date.parse("2026-05-04T09:00:00");
const SIZES = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
];

/** Every control on the page narrower or lower than 44 px, described. */
async function smallTargets(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("button, a, summary, input, select, textarea, [role=button]")) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if ((r.width === 0 && r.height === 0) || style.visibility === "hidden") continue;
      if (r.width < 44 || r.height < 44) {
        const name = el.getAttribute("aria-label") || el.innerText || el.name || el.id;
        out.push(`${el.tagName.toLowerCase()} "${String(name).trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  });
}

/** The element is wholly inside the screen's scroller, above the tab bar, and on top there. */
async function expectInSight(locator) {
  await expect(locator).toBeVisible();
  const seen = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const main = document.getElementById("main").getBoundingClientRect();
    const tabs = document.querySelector("nav.tabs").getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const top = document.elementFromPoint(x, y);
    return {
      inside: r.top >= main.top - 1 && r.bottom <= main.bottom + 1 && r.bottom <= tabs.top + 1,
      onTop: top === el || el.contains(top) || top?.closest("label")?.contains(el),
    };
  });
  expect(seen).toEqual({ inside: true, onTop: true });
}

for (const size of SIZES) {
  test(`every target is at least 44 × 44 px on every screen (${size.width}×${size.height})`, async ({ page, context }) => {
    await page.setViewportSize(size);
    await page.clock.setFixedTime(MONDAY);
    await offline(page, context);
    expect(await smallTargets(page), "Today").toEqual([]);
    await page.getByRole("link", { name: "Set up my plan" }).click();
    await expect(page.getByRole("heading", { name: "Let's set up your plan" })).toBeVisible();
    expect(await smallTargets(page), "safety questions").toEqual([]);
    await answerSafety(page);
    for (let step = 2; step <= 6; step++) {
      await page.getByRole("button", { name: "Next" }).click();
      await expect(page.getByText(`Step ${step} of 6`)).toBeVisible();
      expect(await smallTargets(page), `onboarding step ${step}`).toEqual([]);
    }
    await page.getByRole("button", { name: "Make my plan" }).click();
    await expect(page.getByRole("region", { name: "Your plan", exact: true })).toBeVisible();
    for (const details of await page.locator("details").all()) await details.evaluate((d) => (d.open = true));
    expect(await smallTargets(page), "Plan, everything open").toEqual([]);
    await page.goto("/workout");
    await page.getByRole("button", { name: "Start session" }).click();
    await expect(doneButton(page).first()).toBeVisible();
    for (const details of await page.locator("details").all()) await details.evaluate((d) => (d.open = true));
    expect(await smallTargets(page), "workout, everything open").toEqual([]);
    for (const [path, heading] of [["/", "Today"], ["/history", "History"], ["/learn", "Learn"], ["/settings", "Settings"], ["/setup", "Edit my setup"], ["/summary", "Summary for your physio"]]) {
      await page.goto(path);
      await expectScreen(page, heading);
      for (const details of await page.locator("details").all()) await details.evaluate((d) => (d.open = true));
      expect(await smallTargets(page), heading).toEqual([]);
    }
  });

  test(`nothing sits under a bar and a message shows by its field (${size.width}×${size.height})`, async ({ page, context }) => {
    await page.setViewportSize(size);
    await page.clock.setFixedTime(MONDAY);
    await offline(page, context);
    await page.getByRole("link", { name: "Set up my plan" }).click();
    await answerSafety(page, [/fever/]);
    const gate = page.getByRole("region", { name: "Get checked first" });
    await gate.getByLabel(/checked and cleared for exercise/).check();
    await gate.getByLabel("Date you were cleared").fill("2026-05-20");
    await page.getByRole("button", { name: "Next" }).click();
    // The refusal is announced, shown whole by the date, clear of every bar.
    const alert = gate.getByRole("alert");
    await expect(alert).toContainText("cannot be in the future");
    await expectInSight(alert);
    const below = await alert.evaluate((el) => el.getBoundingClientRect().top >= document.getElementById("cleared-on").getBoundingClientRect().bottom);
    expect(below).toBe(true);
    await gate.getByLabel("Date you were cleared").fill("2026-05-04");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Next" }).click();
    // The equipment step: every choice, brought into view, is on top of whatever is there.
    for (const name of ["Resistance bands", "Dumbbells", "Kettlebells", "Cable machine", "Barbell and plates"]) {
      const box = page.getByLabel(name, { exact: true });
      await box.scrollIntoViewIfNeeded();
      await expectInSight(box);
    }
    await page.getByRole("button", { name: "Next" }).scrollIntoViewIfNeeded();
    await expectInSight(page.getByRole("button", { name: "Next" }));
    await expectInSight(page.getByRole("button", { name: "Back" }));
  });

  test(`a change accepted for pain is in the set's name, as on screen (${size.width}×${size.height})`, async ({ page, context }) => {
    await page.setViewportSize(size);
    await page.clock.install({ time: MONDAY });
    await offline(page, context);
    await setUp(page);
    await page.goto("/workout");
    await page.getByRole("button", { name: "Start session" }).click();
    const block = page.locator("article.block").first();
    await block.getByRole("button", { name: "Done, pain 3" }).click();
    const change = page.getByRole("region", { name: "Change for pain" });
    await expect(change).toContainText("shorten the range");
    await change.getByRole("button", { name: "Apply to the remaining sets" }).click();
    const cue = (await block.locator(".range-cue").innerText()).replace(/^Shorter range: /, "");
    // Seen above the set, and heard in the name of the button that logs it.
    await expect(doneButton(block)).toHaveAccessibleName(new RegExp(`shorter range: ${cue.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    await expectInSight(doneButton(block));
    // Pain 3 again, before the next set: a slower tempo, named too.
    await reportPain(block, 3);
    await expect(change).toContainText("slow down");
    await change.getByRole("button", { name: "Apply to the remaining sets" }).click();
    await expect(doneButton(block)).toHaveAccessibleName(/shorter range: .* · slower tempo \d-\d-\d/);
  });
}
