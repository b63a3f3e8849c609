// Spoken cues: what the workout hands to speechSynthesis.speak, recorded (headless Chromium
// has no audio to listen to). Off by default, kept as a preference, hidden with a reason
// where the browser cannot speak.
import { test, expect } from "./fixtures.mjs";
import { doneButton, expectScreen, offline, setUp, setsDone } from "./helpers.mjs";

const MONDAY = Date.parse("2026-05-04T09:00:00");

async function recordSpeech(page) {
  await page.addInitScript(() => {
    window.__said = [];
    if (!window.speechSynthesis) return;
    speechSynthesis.speak = (u) => window.__said.push({ text: u.text, volume: u.volume });
  });
}

const said = (page) => page.evaluate(() => window.__said.filter((s) => s.volume !== 0).map((s) => s.text));

test("spoken cues say the next set, the tempo and the end of a rest, offline, and stay on after a reload", async ({ page, context }) => {
  await recordSpeech(page);
  await page.clock.install({ time: MONDAY });
  await offline(page, context);
  await setUp(page, { returning: true });
  await page.goto("/workout");
  await page.getByRole("button", { name: "Start session" }).click();
  const cues = page.getByRole("switch", { name: "Spoken cues" });
  await expect(cues).not.toBeChecked();
  // Off by default: the session opened in silence.
  expect(await said(page)).toEqual([]);
  await page.screenshot({ path: "tests/artifacts/screenshots/spoken-cues-off.png" });
  await cues.check();
  // The tap that turned them on also started speech (silently, for an iPhone), then said so.
  expect(await page.evaluate(() => window.__said.map((s) => s.volume))).toEqual([0, 1]);
  expect(await said(page)).toEqual(["Spoken cues on."]);

  await doneButton(page).click();
  await expect.poll(() => setsDone(page)).toBe(1);
  await expect.poll(() => said(page)).toContainEqual(expect.stringMatching(/^Next: [^,]+, set 2 of \d+, \d+ (reps|seconds)/));
  // The rest runs out.
  await page.clock.runFor(5 * 60_000);
  await expect.poll(() => said(page)).toContain("Rest over.");
  // The tempo guide names each phase as it comes.
  await page.getByRole("button", { name: "Tempo guide" }).first().click();
  await page.clock.runFor(10_000);
  const words = await said(page);
  for (const phase of ["Down", "Pause", "Up"]) expect(words).toContain(phase);

  // Kept: after a reload the switch is still on and Done's next set is said again.
  await page.reload();
  await expect(page.getByRole("switch", { name: "Spoken cues" })).toBeChecked();
  await page.screenshot({ path: "tests/artifacts/screenshots/spoken-cues-on.png" });
  const before = (await said(page)).length;
  await doneButton(page).click();
  await expect.poll(async () => (await said(page)).slice(before)).toContainEqual(expect.stringMatching(/^Next: /));
  // Off again: nothing more is said.
  await page.getByRole("switch", { name: "Spoken cues" }).uncheck();
  const after = (await said(page)).length;
  await doneButton(page).click();
  await page.clock.runFor(5 * 60_000);
  expect((await said(page)).length).toBe(after);
});

test("where the browser cannot speak, the workout has no switch and Settings says why", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
  });
  await page.clock.setFixedTime(MONDAY);
  await page.goto("/");
  await expectScreen(page, "Today");
  await setUp(page);
  await page.goto("/workout");
  await page.getByRole("button", { name: "Start session" }).click();
  await expect(doneButton(page)).toBeVisible();
  await expect(page.getByRole("switch", { name: "Spoken cues" })).toHaveCount(0);
  await page.goto("/settings");
  await expect(page.locator("#no-speech")).toContainText("this browser has no speech for web apps");
});
