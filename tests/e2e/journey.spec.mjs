// A new user's journeys, at phone size, offline after the first load.
import { test, expect } from "./fixtures.mjs";
import { expectScreen, waitForControl, planSurvivesReload, answerSafety, setsDone, doneButton, logAll, reportPain, openMore, openBlock, onboard, offline, setUp } from "./helpers.mjs";

const MONDAY = Date.parse("2026-05-04T09:00:00");
const DAY = 24 * 3600 * 1000;

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
  await gate.getByLabel("Date you were cleared").fill("2026-05-04");
  await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();
  for (let step = 1; step < 6; step++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Make my plan" }).click();
  await expect(page.getByRole("region", { name: "Your plan", exact: true })).toContainText("Phase 1");
  await expect(page.getByRole("region", { name: "Your plan", exact: true })).toContainText("months");
});

const shots = new URL("../artifacts/screenshots/", import.meta.url).pathname;

test("a whole session with one thumb: every control in reach without a scroll, pain 4 modified, pain 6 stopped, taps counted", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  await page.getByRole("link", { name: "Go to Today" }).click();
  await page.getByRole("link", { name: "Start session" }).click();
  let taps = 0;
  let scrolls = 0;
  // A tap on a control the user can see now, between the session bar and the tab bar;
  // one that is not there yet would need a scroll, and is counted.
  async function tap(control) {
    await control.waitFor();
    const inReach = await control.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.querySelector(".session-bar")?.getBoundingClientRect().bottom ?? 0;
      const bottom = document.querySelector("nav.tabs").getBoundingClientRect().top;
      return r.top >= top - 1 && r.bottom <= bottom + 1;
    });
    if (!inReach) scrolls += 1;
    taps += 1;
    await control.click();
  }
  const bar = page.locator(".session-bar .count");
  async function logSet(control) {
    const before = await setsDone(page);
    await tap(control);
    await expect.poll(() => setsDone(page)).toBe(before + 1);
  }

  await tap(page.getByRole("button", { name: "Start session" }));
  await expect(bar).toHaveText(/^0 of \d+ sets$/);
  const total = Number((await bar.innerText()).match(/of (\d+)/)[1]);
  await page.screenshot({ path: `${shots}workout-start.png` });
  const first = page.locator("article.block").first();
  const firstName = await first.getByRole("heading").innerText();

  // Done names the set and the dose, and one tap logs it.
  const done = doneButton(page);
  await expect(done).toHaveText(/^Done · set 1 of \d+ · \d+ (reps|s)/);
  // The page reads in order: what is done, the next set, then the sets still to come.
  const later = first.getByRole("list", { name: "Sets still to come" });
  await expect(later.getByRole("listitem").first()).toHaveText(/^Set 2 · /);
  const below = await later.evaluate((l, d) => !!(d.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING), await done.elementHandle());
  expect(below, "the sets to come are below the Done button").toBe(true);
  await logSet(done);
  await expect(first.locator(".sets .saved")).toHaveCount(1);
  await page.screenshot({ path: `${shots}workout-mid-exercise.png` });
  await logSet(doneButton(page));
  // A finished exercise folds to a line with its numbers, and the next one opens.
  await expect(first.getByRole("button", { name: new RegExp(`${firstName}.*All sets done`) })).toBeVisible();

  // Pain 4 with the set, in one tap: the rule proposes a change in reach, one more tap applies it.
  const second = page.locator("article.block").nth(1);
  await logSet(second.getByRole("button", { name: "Done, pain 4" }));
  const change = second.getByRole("region", { name: "Change for pain" });
  await expect(change).toContainText("Pain 4");
  await page.screenshot({ path: `${shots}workout-pain-proposal.png` });
  await tap(change.getByRole("button", { name: "Apply to the remaining sets" }));
  await expect(change).toHaveCount(0);

  // Pain 6 with a set of a later exercise: that movement stops or steps down at once.
  await logSet(doneButton(page));
  await logSet(doneButton(page));
  const focus = page.locator("article.block.open");
  await logSet(focus.getByRole("button", { name: "Done, pain 6" }));
  await expect(page.getByRole("region", { name: "Stop for pain" })).toContainText("Pain 6");

  // Everything left, then finish.
  while (await doneButton(page).count()) await logSet(doneButton(page));
  await page.screenshot({ path: `${shots}workout-all-done.png` });
  const sets = await setsDone(page);
  await tap(page.getByRole("button", { name: "Finish session" }));
  const summary = page.getByRole("region", { name: "Session summary" });
  await expect(summary).toContainText(`${sets} sets logged`);
  await expect(summary).toContainText("Highest pain: 6");
  await expect(summary).toContainText("What changes next time");
  await page.screenshot({ path: `${shots}workout-finish.png`, fullPage: true });
  console.log(`one-thumb session: ${sets} of ${total} planned sets logged, two pain reports: ${taps} taps, ${scrolls} scrolls needed to reach a control`);
  expect(scrolls).toBe(0);
  expect(taps).toBeLessThanOrEqual(13);

  // The next day: the 24-hour question, and a spike changes the next session.
  await page.clock.setFixedTime(MONDAY + DAY);
  await page.goto("/");
  const question = page.getByRole("region", { name: "How is your back" });
  await expect(question).toContainText("Monday's session");
  await question.getByRole("button", { name: "Much worse, and staying up" }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByRole("status", { name: "Answer noted" })).toContainText("The plan steps back to easier doses for a week");
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
  // Every screen says why there is no session, and a shared link still carries the plan.
  await page.goto("/workout");
  await expect(page.locator("main")).toContainText("Flare-up mode: strength sessions wait while your back settles");
  await expect(page.locator("main")).not.toContainText("No session left this week");
  await page.goto("/plan");
  await expect(page.locator("main")).toContainText("Paused for a flare-up");
  const share = page.getByRole("region", { name: "Share this plan" });
  await expect(share).toContainText("You are in flare-up mode. The link shares your strength sessions");
  const link = await share.locator("textarea").inputValue();
  expect(link.length).toBeGreaterThan(60);
  await page.goto("/");
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

/** A returning user on Monday, with the day's session started (the clock installed). */
async function startAsReturningUser(page) {
  await page.clock.install({ time: MONDAY });
  await page.goto("/");
  await expectScreen(page, "Today");
  await setUp(page, { returning: true });
  await page.goto("/workout");
  await page.getByRole("button", { name: "Start session" }).click();
}

test("a bounced double tap on Done, or on Done with pain, logs one set", async ({ page }) => {
  await startAsReturningUser(page);
  // Two clicks in the same instant, as a thumb that bounces: the second comes while the
  // first set is being stored.
  const bounce = (button) => button.evaluate((b) => { b.click(); b.click(); });
  await bounce(doneButton(page));
  await expect.poll(() => setsDone(page)).toBe(1);
  await bounce(page.getByRole("button", { name: "Done, pain 3" }).first());
  await expect.poll(() => setsDone(page)).toBe(2);
  await page.reload();
  await expect.poll(() => setsDone(page)).toBe(2);
  await expect(page.getByRole("region", { name: "Stop for pain" })).toHaveCount(0);
});

test("a timed hold counts down to get ready, then holds, then logs itself", async ({ page }) => {
  await startAsReturningUser(page);
  // The first timed exercise, found by its name: its text changes once it is open.
  const name = await page.locator("article.block", { hasText: /\d+ × \d+ s/ }).first().locator(".name").innerText();
  const timed = page.locator("article.block", { has: page.getByRole("heading", { name }) });
  await openBlock(timed);
  const hold = timed.getByRole("button", { name: /^Start the \d+ s hold/ });
  await expect(hold).toBeVisible();
  await hold.click();
  await expect(page.getByText(/Get ready… \d/)).toBeVisible();
  await page.clock.runFor(6_000);
  await expect(page.getByText(/Hold! \d+ s/)).toBeVisible();
  await page.clock.runFor(60_000);
  await expect(timed.locator(".sets .saved")).toHaveCount(1);
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
    await expect(doneButton(page)).toBeVisible();
    while (await doneButton(page).count()) {
      const before = await setsDone(page);
      await doneButton(page).click();
      await expect.poll(() => setsDone(page)).toBe(before + 1);
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
    await expect(page.getByRole("status", { name: "Answer noted" })).toContainText("That dose was right");
  }
  // Week 2: the plan has moved on, and says why.
  await page.clock.setFixedTime(MONDAY + 7 * DAY);
  await page.goto("/plan");
  const plan = page.getByRole("region", { name: "Your plan", exact: true });
  await expect(plan).toContainText("Week 2");
  await expect(page.getByText(/^Up .*settled within a day\./).first()).toBeVisible();
  // The first load going up is when the lesson on load and the 10 % rule is offered.
  await page.getByRole("link", { name: "Go to Today" }).click();
  await expect(page.getByRole("region", { name: "Something to read" }).getByRole("heading")).toHaveText(
    "Load, capacity and the 10 % rule",
  );
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
  // Each drill opens to its moving figure.
  const drill = page.locator(".warmup-step details").first();
  const drillName = (await drill.locator("summary span").first().innerText()).trim();
  await drill.locator("summary").click();
  await expect(drill.getByRole("img", { name: new RegExp(`^${drillName}: `) })).toBeVisible();
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
  await expect(now).toHaveCount(0);
  // Started again, it paces the set until the set is logged; the rest is quiet.
  await guide.click();
  await expect(now).toHaveText(/^(Down|Pause|Up) \d$/);

  // A rest ends with a beep (sound on by default) ...
  const beeps = await page.evaluate(() => window.__beeps);
  await doneButton(page).click();
  await expect(page.getByRole("timer")).toBeVisible();
  await expect(page.getByRole("button", { name: "Tempo guide" }).first()).toHaveAttribute("aria-pressed", "false");
  await expect(now).toHaveCount(0);
  await page.clock.runFor(181_000);
  await expect(page.getByRole("timer")).toHaveCount(0);
  expect(await page.evaluate(() => window.__beeps)).toBeGreaterThan(beeps);

  // ... and without one once sound is turned off in Settings.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel(/Beep when a rest or a timer ends/).uncheck();
  await page.getByRole("link", { name: "Today" }).click();
  await page.goto("/workout");
  const quiet = await page.evaluate(() => window.__beeps);
  await doneButton(page).click();
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
  const block = page.locator("article.block", { has: page.getByRole("heading", { name: "Pallof press <b>band</b>" }) });
  await expect(block).toContainText("2 × 12 reps");
  await block.getByRole("button", { name: /Pallof press/ }).click();
  await expect(block).toContainText("Your own exercise · Core stability");
  // Effort is optional; chosen, it is stored with the set.
  await openMore(block);
  await block.getByRole("button", { name: "Effort 8" }).click();
  await block.getByRole("button", { name: /^Done · set 1 of 2 · 12 reps/ }).click();
  await expect(block.locator(".saved")).toHaveCount(1);
  const stored = await page.evaluate(async () => {
    const db = await new Promise((res) => { const r = indexedDB.open("backstrong"); r.onsuccess = () => res(r.result); });
    const values = await new Promise((res) => { const r = db.transaction("sets").objectStore("sets").getAll(); r.onsuccess = () => res(r.result); });
    db.close();
    return values.map((v) => JSON.parse(v).d.entry.Set).filter(Boolean);
  });
  expect(stored).toContainEqual(expect.objectContaining({ exercise: "own:Pallof press <b>band</b>", rpe: 8, amount: 12 }));
  await reportPain(block, 6);
  await expect(block.getByRole("region", { name: "Stop for pain" })).toContainText("Pain 6: stop this exercise. It is paused");
  await expect(doneButton(block)).toHaveCount(0);

  await page.goto("/history");
  await expect(page.locator("details.exercise-history", { hasText: "Pallof press <b>band</b>" })).toContainText("your own · 1 session");
});

test("Edit my setup: new equipment and days are saved, the screen says what changes and why, and the plan follows", async ({ page }) => {
  await onboard(page);
  await page.goto("/settings");
  const card = page.getByRole("article", { name: "Your setup" });
  await expect(card).toContainText("Body weight only · 2 days a week");
  await card.getByRole("link", { name: "Edit my setup" }).click();
  await expectScreen(page, "Edit my setup");
  await page.getByLabel("Dumbbells").check();
  // A typo is named, and nothing is saved.
  await page.getByLabel("Lightest (kg)").fill("two");
  await page.getByRole("button", { name: "Save my setup" }).click();
  await expect(page.getByRole("alert")).toContainText("Check the dumbbell weights");
  await expect(page.getByRole("region", { name: "What changed" })).toHaveCount(0);
  await page.getByLabel("Lightest (kg)").fill("2");
  await page.getByRole("group", { name: "Strength days a week" }).getByLabel("3").check();
  await page.getByRole("button", { name: "Save my setup" }).click();
  const changed = page.getByRole("region", { name: "What changed" });
  await expect(changed).toContainText("3 strength days a week instead of 2, from next week");
  await expect(changed).toContainText("Added: dumbbells.");
  await expect(changed).toContainText("Your dumbbells come in with phase 2");
  await page.screenshot({ path: "tests/artifacts/screenshots/edit-setup-saved.png" });
  // The plan says why the dumbbells are not there yet; Settings shows the new setup.
  await changed.getByRole("link", { name: "See your plan" }).click();
  await expect(page.locator("main")).toContainText("Your dumbbells come in with phase 2");
  await page.goto("/settings");
  await expect(card).toContainText("Dumbbells · 3 days a week");
  // Kept: the form opens with what was saved.
  await page.goto("/setup");
  await expect(page.getByLabel("Dumbbells")).toBeChecked();
  await expect(page.getByRole("group", { name: "Strength days a week" }).getByLabel("3")).toBeChecked();
  await expect(page.getByLabel("Heaviest (kg)")).toHaveValue("24");
});

test("a check-in refuses words where a number belongs, names the field, and saves once it is fixed", async ({ page }) => {
  await onboard(page);
  await page.goto("/");
  await page.getByText("Daily check-in").click();
  await page.getByLabel("Hours slept").fill("seven");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByRole("alert")).toContainText("Hours slept: type a number from 0 to 24");
  await expect(page.getByRole("heading", { name: "Checked in" })).toHaveCount(0);
  await page.getByLabel("Minutes walked").fill("-5");
  await page.getByLabel("Hours slept").fill("7,5");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByRole("alert")).toContainText("Minutes walked: type a number");
  await page.getByLabel("Minutes walked").fill("25");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByRole("heading", { name: "Checked in" })).toBeVisible();
  await expect(page.locator("main")).toContainText("walked 25 min");
});

test("Today turns over at midnight while the app stays open", async ({ page }) => {
  await page.clock.install({ time: Date.parse("2026-06-08T23:58:00") });
  await onboard(page);
  await page.goto("/");
  await page.getByText("Daily check-in").click();
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByRole("heading", { name: "Checked in" })).toBeVisible();
  // No reload: past midnight the new day asks for its own check-in.
  await page.clock.fastForward("03:00");
  await expect(page.getByText("Daily check-in")).toBeVisible({ timeout: 5000 });
  await expect(page.getByRole("heading", { name: "Checked in" })).toHaveCount(0);
});
