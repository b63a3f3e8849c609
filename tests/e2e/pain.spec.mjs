// The core loop's two promises, as a user meets them on a phone, offline: pain is
// listened to wherever and whenever it is reported, and what the plan says is what the
// workout serves. Every control is found by its accessible name.
import { test, expect } from "./fixtures.mjs";
import { expectScreen, waitForControl, planSurvivesReload, answerSafety, watch, logAll, reportPain, openBlock, openMore, doneButton, setsDone, offline, setUp } from "./helpers.mjs";

const MONDAY = Date.parse("2026-05-04T09:00:00");
const DAY = 24 * 3600 * 1000;

async function startWorkout(page) {
  await page.goto("/workout");
  await page.getByRole("button", { name: "Start session" }).click();
  await expect(page.locator("article.block").first()).toBeVisible();
}


function session(page, label) {
  return page.locator("article", { has: page.getByRole("heading", { name: new RegExp(`^Session ${label} ·`) }) });
}

test("pain reported after the last set is kept: it shows at the finish and holds the exercise next week", async ({ page, context }) => {
  const { consoleErrors } = await watch(page);
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  await startWorkout(page);
  const first = page.locator("article.block").first();
  const name = await first.getByRole("heading", { level: 2 }).innerText();
  await logAll(page, first);
  await expect(first).toContainText("All sets done");
  await reportPain(first, 4);
  await expect(first).toContainText("Pain 4 noted");
  // Kept on disk: a reload shows it still chosen.
  await page.reload();
  const again = page.locator("article.block").first();
  await expect(again).toContainText("Pain 4 noted");
  await openBlock(again);
  await expect(again.getByRole("button", { name: "4", exact: true })).toHaveAttribute("aria-pressed", "true");
  // Finishing early asks first, and says what it means.
  await page.getByRole("button", { name: "Finish session" }).click();
  const early = page.getByRole("region", { name: "Finish early" });
  await expect(early).toContainText("not logged yet");
  await early.getByRole("button", { name: "Finish now" }).click();
  const summary = page.getByRole("region", { name: "Session summary" });
  await expect(summary).toContainText("Highest pain: 4 out of 10");
  await expect(summary).toContainText(`${name} 4`);
  // The screen going away after the finish leaves nothing broken behind (timers included).
  await page.waitForTimeout(2500);
  expect(consoleErrors).toEqual([]);
  // Next day settled; next week the exercise repeats its dose, and says why.
  await page.clock.setFixedTime(MONDAY + DAY);
  await page.goto("/");
  await page.getByRole("button", { name: "Fine, or any soreness has settled" }).click();
  await page.clock.setFixedTime(MONDAY + 7 * DAY);
  await page.goto("/plan");
  const item = session(page, "A").locator("li", { hasText: name }).first();
  await expect(item).toContainText("pain reached 4");
  // The reason links to the lesson that explains it.
  await item.getByRole("link", { name: "Why? Read: Hurt is not harm: what your pain numbers mean" }).click();
  await expectScreen(page, "Hurt is not harm: what your pain numbers mean");
});

test("a swap made by hand on Plan is what the workout serves, also after a reload", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  const a = session(page, "A");
  await a.getByText("Swap Wall hip hinge").click();
  await a.getByRole("button", { name: "Dowel hinge drill" }).click();
  await expect(a.getByText("Your choice, in place of Wall hip hinge.")).toBeVisible();
  await page.getByRole("link", { name: "Go to Today" }).click();
  await expect(page.getByRole("region", { name: "Strength session" })).toContainText("Dowel hinge drill");
  await startWorkout(page);
  const blocks = page.locator("article.block");
  await expect(blocks.getByRole("heading", { name: "Dowel hinge drill" })).toBeVisible();
  await expect(blocks.getByRole("heading", { name: "Wall hip hinge" })).toHaveCount(0);
  await page.reload();
  await expect(page.locator("article.block").getByRole("heading", { name: "Dowel hinge drill" })).toBeVisible();
  await expect(page.locator("article.block").getByRole("heading", { name: "Wall hip hinge" })).toHaveCount(0);
  // And it can be undone.
  await page.goto("/plan");
  await expect(session(page, "B").locator(".name", { hasText: "Dowel hinge drill" })).toBeVisible();
});

test("pain 6 on an exercise picked by hand stops it: not again this week, one rung lower next week", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  const a = session(page, "A");
  await a.getByText("Swap Wall hip hinge").click();
  await a.getByRole("button", { name: "Dowel hinge drill" }).click();
  await expect(a.getByText("Your choice, in place of Wall hip hinge.")).toBeVisible();
  await startWorkout(page);
  const block = page.locator("article.block", { has: page.getByRole("heading", { name: "Dowel hinge drill" }) });
  await doneButton(block).click();
  await expect(block.locator(".sets .saved")).toHaveCount(1);
  await reportPain(block, 6);
  const stop = page.getByRole("region", { name: "Stop for pain" });
  await expect(stop).toContainText("Pain 6: stop this movement. Switched to Wall hip hinge");
  await expect(page.locator("article.block").getByRole("heading", { name: "Wall hip hinge" })).toBeVisible();
  await page.getByRole("button", { name: "Finish session" }).click();
  await page.getByRole("region", { name: "Finish early" }).getByRole("button", { name: "Finish now" }).click();
  await expect(page.getByRole("region", { name: "Session summary" })).toContainText("Highest pain: 6");
  // The rest of the week: Thursday's session serves the easier rung.
  await page.goto("/plan");
  const b = session(page, "B");
  await expect(b.locator(".name", { hasText: "Wall hip hinge" })).toBeVisible();
  await expect(b.locator(".name", { hasText: "Dowel hinge drill" })).toHaveCount(0);
  await expect(b.getByText(/Replaces Dowel hinge drill: pain reached 6/)).toBeVisible();
  // Next week starts it one rung lower.
  await page.clock.setFixedTime(MONDAY + 7 * DAY);
  await page.goto("/plan");
  await expect(session(page, "A").locator(".name", { hasText: "Wall hip hinge" })).toBeVisible();
  await expect(session(page, "A").locator(".name", { hasText: "Dowel hinge drill" })).toHaveCount(0);
});

test("pain 6 with no gentler movement below pauses the exercise until it is brought back, lighter", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  await startWorkout(page);
  const block = page.locator("article.block", { has: page.getByRole("heading", { name: "Wall hip hinge" }) });
  await doneButton(block).click();
  await expect(block.locator(".sets .saved")).toHaveCount(1);
  await reportPain(block, 6);
  const stop = page.getByRole("region", { name: "Stop for pain" });
  await expect(stop).toContainText("Pain 6: stop this movement. Nothing gentler of another movement sits below it");
  await expect(block).toContainText("Stopped and paused");
  await page.getByRole("button", { name: "Finish session" }).click();
  await page.getByRole("region", { name: "Finish early" }).getByRole("button", { name: "Finish now" }).click();
  // Plan: out of every session, listed as paused, with the way back.
  await page.goto("/plan");
  const paused = page.getByRole("region", { name: "Paused for pain" });
  await expect(paused).toContainText("Wall hip hinge");
  await expect(session(page, "B").locator(".name", { hasText: "Wall hip hinge" })).toHaveCount(0);
  // Still paused next week.
  await page.clock.setFixedTime(MONDAY + 7 * DAY);
  await page.goto("/plan");
  await expect(session(page, "A").locator(".name", { hasText: "Wall hip hinge" })).toHaveCount(0);
  await paused.getByRole("button", { name: "Bring back Wall hip hinge" }).click();
  await expect(paused).toHaveCount(0);
  const back = session(page, "A").locator("li", { hasText: "Wall hip hinge" });
  await expect(back).toContainText(/Less of it \(-1\d% volume\): pain reached 6/);
});

test("an accepted change for pain 3–4 shows on every remaining set, and the tempo guide counts the slower tempo", async ({ page, context }) => {
  await page.clock.install({ time: MONDAY });
  await offline(page, context);
  await setUp(page);
  await startWorkout(page);
  const first = page.locator("article.block").first();
  await reportPain(first, 4);
  let change = first.getByRole("region", { name: "Change for pain" });
  await expect(change).toContainText("shorten the range");
  const how = (await change.innerText()).match(/remaining sets\. (.+?)\.\n/)?.[1];
  await change.getByRole("button", { name: "Apply to the remaining sets" }).click();
  await expect(change).toHaveCount(0);
  const next = first.getByRole("group", { name: /^Next set of/ });
  await expect(next).toContainText("Shorter range:");
  if (how) await expect(next).toContainText(how);
  // The sets after the next one carry it too.
  if (how) await expect(first.locator(".sets .todo").first()).toContainText(how);
  // A second report: a slower tempo, which the guide then counts.
  await reportPain(first, 3);
  change = first.getByRole("region", { name: "Change for pain" });
  await expect(change).toContainText("slow down to a");
  const tempo = (await change.innerText()).match(/(\d-\d-\d) tempo/)[1];
  await change.getByRole("button", { name: "Apply to the remaining sets" }).click();
  await expect(first).toContainText(`Tempo ${tempo}`);
  await first.getByRole("button", { name: "Tempo guide" }).click();
  await expect(first.locator(".tempo-now")).toHaveText(`Down ${tempo.split("-")[0]}`);
  // The figure moves in the slower tempo: one repetition lasts down + pause + up.
  const secs = tempo.split("-").map(Number).reduce((a, b) => a + b, 0);
  await expect(first.locator(".fig-synced svg.fig-anim animate").first()).toHaveAttribute("dur", `${secs.toFixed(2)}s`);
  await first.getByRole("button", { name: "Stop tempo guide" }).click();
  // It outlives a reload.
  await page.reload();
  const after = page.locator("article.block").first();
  await expect(after).toContainText(`Tempo ${tempo}`);
  await expect(after.getByRole("group", { name: /^Next set of/ })).toContainText("Shorter range:");
});

test("an own exercise of a careful kind is marked careful for now, with a safer choice offered", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  const own = page.getByRole("region", { name: "Your own exercises" });
  await own.getByText("Add an exercise", { exact: true }).click();
  await own.getByLabel("Name").fill("Sit-ups");
  // The kind is guessed from the name.
  await expect(own.getByLabel("Kind of movement")).toHaveValue(/\d+/);
  await expect(own.getByLabel("Kind of movement").locator("option:checked")).toHaveText(/Sit-ups or crunches/);
  const careful = own.getByRole("region", { name: "Careful for now" });
  await expect(careful).toContainText("Careful for now.");
  await expect(careful.getByRole("button", { name: /^Add .+ instead$/ })).toBeVisible();
  await own.getByRole("button", { name: "Add it anyway, marked careful" }).click();
  const item = own.locator("li", { hasText: "Sit-ups" });
  await expect(item).toContainText("Careful for now");
  await expect(item.getByRole("button", { name: /^Use .+ instead$/ })).toBeVisible();
  // The workout marks it too.
  await startWorkout(page);
  const block = page.locator("article.block", { has: page.getByRole("heading", { name: "Sit-ups" }) });
  await expect(block).toContainText("Careful for now");
  // Taking the safer choice replaces it.
  await page.goto("/plan");
  const useInstead = page.getByRole("region", { name: "Your own exercises" }).getByRole("button", { name: /^Use .+ instead$/ });
  const label = await useInstead.innerText();
  await useInstead.click();
  const safer = label.replace(/^Use /, "").replace(/ instead$/, "");
  await expect(page.getByRole("region", { name: "Your own exercises" }).locator("li", { hasText: safer })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your own exercises" }).locator("li", { hasText: "Sit-ups" })).toHaveCount(0);
});

test("a change in bladder or bowel control means urgent help today, and a clearance cannot be dated in the future", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await page.getByRole("link", { name: "Set up my plan" }).click();
  await answerSafety(page, [/controlling your bladder or bowels/]);
  const gate = page.getByRole("region", { name: "Get checked first" });
  await expect(gate.getByRole("heading", { name: "Get urgent medical help today" })).toBeVisible();
  await expect(gate).not.toContainText("probably nothing");
  await gate.getByLabel(/checked and cleared for exercise/).check();
  await gate.getByLabel("Date you were cleared").fill("2026-05-20");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("alert")).toContainText("cannot be in the future");
  await expect(page.getByText("Step 1 of 6")).toBeVisible();
  await gate.getByLabel("Date you were cleared").fill("2026-05-04");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 2 of 6")).toBeVisible();
});
