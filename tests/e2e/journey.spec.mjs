// A new user's journeys, at phone size, offline after the first load.
import { test, expect } from "./fixtures.mjs";
import { expectScreen, waitForControl, savedSets, planSurvivesReload, answerSafety } from "./helpers.mjs";

const MONDAY = Date.parse("2026-05-04T09:00:00");
const DAY = 24 * 3600 * 1000;

async function offline(page, context) {
  await page.goto("/");
  await expectScreen(page, "Today");
  await waitForControl(page);
  await context.setOffline(true);
}

async function setUp(page, { returning = false } = {}) {
  await page.getByRole("link", { name: "Set up my plan" }).click();
  await answerSafety(page);
  for (let step = 1; step < 6; step++) {
    if (step === 4 && returning) await page.getByLabel("I lifted weights regularly before my back pain").check();
    await page.getByRole("button", { name: "Next" }).click();
  }
  await page.getByRole("button", { name: "Make my plan" }).click();
  await expect(page.getByRole("region", { name: "Your plan", exact: true })).toBeVisible();
  await planSurvivesReload(page);
}

test("a red flag means no plan until a professional's clearance is recorded", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await page.getByRole("link", { name: "Set up my plan" }).click();
  // Nothing starts answered: Next waits for every question.
  await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
  await expect(page.getByText("10 questions still to answer.")).toBeVisible();
  await answerSafety(page, [/tingling running down a leg/]);
  const gate = page.getByRole("region", { name: "Get checked first" });
  await expect(gate).toContainText("No plan is made until then");
  await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
  await gate.getByLabel(/checked and cleared for exercise/).check();
  await gate.getByLabel("Date you were cleared").fill("2026-05-01");
  await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();
  for (let step = 1; step < 6; step++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Make my plan" }).click();
  await expect(page.getByRole("region", { name: "Your plan", exact: true })).toContainText("Phase 1");
  await expect(page.getByRole("region", { name: "Your plan", exact: true })).toContainText("months");
});

test("a full workout: pain 4 is modified, pain 6 swaps the exercise in place, and tapping counts stay low", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page, { returning: true });
  await page.getByRole("link", { name: "Go to Today" }).click();
  let taps = 0;
  await page.getByRole("link", { name: "Start session" }).click();
  await page.getByRole("button", { name: "Start session" }).click();
  taps += 1;

  const blocks = page.locator("article.block");
  const first = blocks.nth(0);
  const second = blocks.nth(1);
  const firstName = await first.getByRole("heading").innerText();
  const secondName = await second.getByRole("heading").innerText();

  // One tap logs a planned set.
  await first.getByRole("button", { name: /^Log set 1/ }).click();
  taps += 1;
  await expect(savedSets(page)).toHaveCount(1);
  const tapsPerSet = 1;

  // Pain 4: the rule proposes a concrete change; applying it takes one more tap.
  await first.getByRole("button", { name: "4", exact: true }).click();
  const change = first.getByRole("region", { name: "Change for pain" });
  await expect(change).toContainText("Pain 4");
  await change.getByRole("button", { name: "Apply to the remaining sets" }).click();
  await expect(change).toHaveCount(0);

  // Pain 6: stop, and the easier variation replaces it in place.
  await second.getByRole("button", { name: "6", exact: true }).click();
  await expect(second.getByRole("region", { name: "Stop for pain" })).toContainText("Pain 6: stop this movement");
  await expect(second.getByRole("heading")).not.toHaveText(secondName);
  await expect(second).toContainText(`Swapped in for ${secondName} because of pain.`);

  // Log everything left.
  for (;;) {
    const next = page.getByRole("button", { name: /^Log set/ }).first();
    if (!(await next.isVisible())) break;
    const before = await savedSets(page).count();
    await next.click();
    taps += 1;
    await expect(savedSets(page)).toHaveCount(before + 1);
  }
  const sets = await savedSets(page).count();
  await page.getByRole("button", { name: "Finish session" }).click();
  taps += 1;
  await expect(page.getByRole("region", { name: "Session summary" })).toContainText(`${sets} sets logged`);
  await expect(page.getByRole("region", { name: "Session summary" })).toContainText("Highest pain: 6");
  // What hurt today does not move on.
  await expect(page.getByRole("region", { name: "Session summary" })).toContainText("What changes next time");
  console.log(`taps to log a planned set: ${tapsPerSet}; taps for the whole session (${sets} sets, with two pain reports): ${taps + 3}`);
  expect(firstName).not.toBe("");

  // The next day: the 24-hour question, and a spike changes the next session.
  await page.clock.setFixedTime(MONDAY + DAY);
  await page.goto("/");
  const question = page.getByRole("region", { name: "How is your back" });
  await expect(question).toContainText("Monday's session");
  await question.getByRole("button", { name: "Much worse, and staying up" }).click();
  await expect(question).toHaveCount(0);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
  await expect(page.getByText(/flared up after the last session/).first()).toBeVisible();
});

test("a flare day switches to flare-up mode and back once pain settles", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  await page.getByRole("link", { name: "Go to Today" }).click();
  await page.getByRole("button", { name: "My back is flaring" }).click();
  const flare = page.getByRole("region", { name: "Flare-up mode" });
  await expect(flare).toContainText("Pause the strength sessions");
  await expect(page.getByRole("region", { name: "Strength session" })).toHaveCount(0);
  await expect(flare.getByRole("button", { name: "My back has calmed down" })).toHaveCount(0);
  // Three calm check-ins in a row.
  for (let d = 0; d < 3; d++) {
    await page.clock.setFixedTime(MONDAY + d * DAY);
    await page.goto("/");
    await page.getByText("Daily check-in").click();
    await page.getByLabel(/Back pain today/).fill("1");
    await page.getByRole("button", { name: "Save check-in" }).click();
    await expect(page.getByRole("heading", { name: "Checked in" })).toBeVisible();
  }
  await flare.getByRole("button", { name: "My back has calmed down" }).click();
  await expect(page.getByRole("heading", { name: "Easing back in" })).toBeVisible();
});

test("a new symptom brings the safety questions back, and a yes stops the plan until cleared", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  await page.getByRole("link", { name: "Go to Today" }).click();
  await expect(page.getByRole("region", { name: "Safety questions" })).toHaveCount(0);
  await page.getByText("Daily check-in").click();
  await page.getByLabel(/I have a new symptom/).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  const check = page.getByRole("region", { name: "Safety questions" });
  await expect(check).toBeVisible();
  await expect(check.getByRole("button", { name: "Save my answers" })).toBeDisabled();
  await answerSafety(check, [/weaker, or does a foot catch/]);
  await check.getByRole("button", { name: "Save my answers" }).click();
  const gate = page.getByRole("region", { name: "Get checked first" });
  await expect(gate).toContainText("Training waits");
  // New or worsening leg weakness: urgent help today, never "probably nothing".
  await expect(gate.getByRole("heading", { name: "Get urgent medical help today" })).toBeVisible();
  await expect(gate).not.toContainText("probably nothing");
  await expect(page.getByRole("region", { name: "Strength session" })).toHaveCount(0);
  await gate.getByLabel("I was cleared by a professional on").fill("2026-05-04");
  await gate.getByRole("button", { name: "Record my clearance" }).click();
  await expect(page.getByRole("region", { name: "Strength session" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Safety questions" })).toHaveCount(0);
});

test("the safety questions come back after a month", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  await page.clock.setFixedTime(MONDAY + 31 * DAY);
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Safety questions" })).toBeVisible();
});

test("a timed hold counts down to get ready, then holds, then logs itself", async ({ page }) => {
  await page.clock.install({ time: MONDAY });
  await page.goto("/");
  await expectScreen(page, "Today");
  await setUp(page, { returning: true });
  await page.goto("/workout");
  await page.getByRole("button", { name: "Start session" }).click();
  const hold = page.getByRole("button", { name: /^Start the \d+ s hold/ }).first();
  await expect(hold).toBeVisible();
  await hold.click();
  await expect(page.getByText(/Get ready… \d/)).toBeVisible();
  await page.clock.runFor(6_000);
  await expect(page.getByText(/Hold! \d+ s/)).toBeVisible();
  await page.clock.runFor(60_000);
  await expect(savedSets(page)).toHaveCount(1);
  await expect(page.getByText(/Hold! \d+ s/)).toHaveCount(0);
});

test("any exercise can be swapped by hand for another of the same pattern", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  const plan = page.locator("article", { hasText: "Session A" });
  await plan.getByText("Swap Wall hip hinge").click();
  await plan.getByRole("button", { name: "Dowel hinge drill" }).click();
  await expect(plan.getByText("Your choice, in place of Wall hip hinge.")).toBeVisible();
  await page.getByRole("link", { name: "Go to Today" }).click();
  await expect(page.getByRole("region", { name: "Strength session" })).toContainText("Dowel hinge drill");
});

test("from install to a logged, progressed second week, offline", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  // Week 1: Monday and Thursday, every set as planned, settled each next day.
  for (const day of [0, 3]) {
    await page.clock.setFixedTime(MONDAY + day * DAY);
    await page.goto("/workout");
    await page.getByRole("button", { name: "Start session" }).click();
    await expect(page.getByRole("button", { name: /^Log set/ }).first()).toBeVisible();
    for (;;) {
      const next = page.getByRole("button", { name: /^Log set/ }).first();
      if (!(await next.isVisible())) break;
      const before = await savedSets(page).count();
      await next.click();
      await expect(savedSets(page)).toHaveCount(before + 1);
    }
    await page.getByRole("button", { name: "Finish session" }).click();
    const summary = page.getByRole("region", { name: "Session summary" });
    await expect(summary).toBeVisible();
    // What changes next time, with its reason, before the week has even ended.
    await expect(summary.getByRole("heading", { name: "What changes next time" })).toBeVisible();
    await expect(summary.locator(".next-time li").first()).toContainText(/→ .*(Up|more|settled)/);
    await page.clock.setFixedTime(MONDAY + (day + 1) * DAY);
    await page.goto("/");
    await page.getByRole("button", { name: "Fine, or any soreness has settled" }).click();
    await expect(page.getByRole("region", { name: "How is your back" })).toHaveCount(0);
  }
  // Week 2: the plan has moved on, and says why.
  await page.clock.setFixedTime(MONDAY + 7 * DAY);
  await page.goto("/plan");
  const plan = page.getByRole("region", { name: "Your plan", exact: true });
  await expect(plan).toContainText("Week 2");
  await expect(page.getByText(/^Up .*settled within a day\.$/).first()).toBeVisible();
});

test("warm-up steps have timers, the tempo guide keeps time, and rests end with a beep that can be turned off", async ({ page, context }) => {
  await page.addInitScript(() => {
    window.__beeps = 0;
    const Ctx = window.AudioContext;
    if (!Ctx) return;
    const create = Ctx.prototype.createOscillator;
    Ctx.prototype.createOscillator = function () {
      const osc = create.call(this);
      const start = osc.start.bind(osc);
      osc.start = (...a) => { window.__beeps += 1; return start(...a); };
      return osc;
    };
  });
  await page.clock.install({ time: MONDAY });
  await offline(page, context);
  await setUp(page);
  await page.goto("/workout");
  await page.getByRole("button", { name: "Start session" }).click();

  // Warm-up: each step runs its own timer and says when it is done.
  await page.getByText("Warm-up, about 10 minutes").click();
  const step = page.getByRole("button", { name: "Start a 3 minute timer: Raise your temperature" });
  await step.click();
  await expect(page.getByRole("button", { name: /Stop the timer: Raise your temperature/ })).toHaveText(/[23]:\d\d left/);
  await page.clock.runFor(181_000);
  await expect(page.getByRole("button", { name: "Start a 3 minute timer: Raise your temperature" })).toHaveText(/Done/);

  // The tempo guide counts the parts of each repetition.
  const guide = page.getByRole("button", { name: "Tempo guide" }).first();
  await guide.click();
  const now = page.locator(".tempo-now").first();
  await expect(now).toHaveText(/^(Down|Pause|Up) \d$/);
  const first = await now.innerText();
  await page.clock.runFor(1_500);
  await expect(now).not.toHaveText(first);
  await page.getByRole("button", { name: "Stop tempo guide" }).click();

  // A rest ends with a beep (sound on by default) ...
  const beeps = await page.evaluate(() => window.__beeps);
  await page.getByRole("button", { name: /^Log set/ }).first().click();
  await expect(page.getByRole("timer")).toBeVisible();
  await page.clock.runFor(181_000);
  await expect(page.getByRole("timer")).toHaveCount(0);
  expect(await page.evaluate(() => window.__beeps)).toBeGreaterThan(beeps);

  // ... and without one once sound is turned off in Settings.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel(/Beep when a rest or a timer ends/).uncheck();
  await page.getByRole("link", { name: "Today" }).click();
  await page.goto("/workout");
  const quiet = await page.evaluate(() => window.__beeps);
  await page.getByRole("button", { name: /^Log set/ }).first().click();
  await expect(page.getByRole("timer")).toBeVisible();
  await page.clock.runFor(181_000);
  await expect(page.getByRole("timer")).toHaveCount(0);
  expect(await page.evaluate(() => window.__beeps)).toBe(quiet);
});

test("an own exercise can be added, is logged with the pain rule, and shows in History", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  const own = page.getByRole("region", { name: "Your own exercises" });
  await own.getByText("Add an exercise", { exact: true }).click();
  await own.getByLabel("Name").fill("Pallof press <b>band</b>");
  await own.getByLabel("Movement").selectOption({ label: "Core stability" });
  await own.getByLabel("Sets").fill("2");
  await own.getByLabel("Reps").fill("12");
  await own.getByRole("button", { name: "Add to my sessions" }).click();
  await expect(own.locator("li")).toContainText("Pallof press <b>band</b>");
  await expect(own.locator("li")).toContainText("2 × 12 reps");
  // Nonsense is refused with a reason.
  await own.getByLabel("Name").fill("Too many");
  await own.getByLabel("Sets").fill("40");
  await own.getByRole("button", { name: "Add to my sessions" }).click();
  await expect(own.getByRole("alert")).toContainText("impossible amount");

  await page.goto("/workout");
  await page.getByRole("button", { name: "Start session" }).click();
  const block = page.getByRole("article", { name: "Pallof press <b>band</b>" });
  await expect(block).toContainText("Your own exercise · Core stability · 2 × 12 reps");
  // Effort is optional; chosen, it is stored with the set.
  await block.getByRole("button", { name: "Effort 8" }).click();
  await block.getByRole("button", { name: "Log set 1 of 2" }).click();
  await expect(block.locator(".saved")).toHaveCount(1);
  const stored = await page.evaluate(async () => {
    const db = await new Promise((res) => { const r = indexedDB.open("backstrong"); r.onsuccess = () => res(r.result); });
    const values = await new Promise((res) => { const r = db.transaction("sets").objectStore("sets").getAll(); r.onsuccess = () => res(r.result); });
    db.close();
    return values.map((v) => JSON.parse(v).d.entry.Set).filter(Boolean);
  });
  expect(stored).toContainEqual(expect.objectContaining({ exercise: "own:Pallof press <b>band</b>", rpe: 8, amount: 12 }));
  await block.getByRole("button", { name: "6", exact: true }).click();
  await expect(block.getByRole("region", { name: "Stop for pain" })).toContainText("Pain 6: stop this exercise. It is paused");
  await expect(block.getByRole("button", { name: /^Log set/ })).toHaveCount(0);

  await page.goto("/history");
  await expect(page.locator("details.exercise-history", { hasText: "Pallof press <b>band</b>" })).toContainText("your own · 1 session");
});
