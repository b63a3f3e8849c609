// Every exercise's figure, as a user meets it in Learn: it moves, it has a name that says
// what it shows, and with reduced motion its key poses stand side by side. Each one's key
// poses are saved at phone size in tests/artifacts/figures/ to be looked at.
import { test, expect } from "./fixtures.mjs";
import { mkdirSync } from "node:fs";
import { expectScreen, offline, setUp } from "./helpers.mjs";

const MONDAY = Date.parse("2026-05-04T09:00:00");

const shots = new URL("../artifacts/figures/", import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

test("every exercise in the library shows a moving figure with a name that says what it shows", async ({ page }) => {
  await page.goto("/learn/exercises");
  await expectScreen(page, "The exercises");
  const all = page.locator("details.exercise");
  const n = await all.count();
  expect(n).toBeGreaterThan(60);
  for (let i = 0; i < n; i++) {
    const d = all.nth(i);
    const name = (await d.locator("summary span").first().innerText()).trim();
    await d.locator("summary").click();
    const fig = d.getByRole("img", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: .+, then .+`) });
    await expect(fig).toBeVisible();
    // It moves: the animation runs on every body part.
    expect(await fig.locator("animate").count()).toBeGreaterThan(10);
  }
});

test("with reduced motion the key poses stand still side by side, and each is captured", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/learn/exercises");
  await expectScreen(page, "The exercises");
  const all = page.locator("details.exercise");
  const n = await all.count();
  for (let i = 0; i < n; i++) {
    const d = all.nth(i);
    await d.locator("summary").click();
    await expect(d.locator("svg.fig-anim")).toBeHidden();
    const stills = d.getByRole("img", { name: / \(still\)$/ });
    await expect(stills).toBeVisible();
    expect(await stills.locator("svg").count()).toBeGreaterThanOrEqual(2);
    const id = await d.getAttribute("data-id");
    // Clear of the sticky tab bar, which would otherwise cover the capture.
    await stills.evaluate((e) => e.scrollIntoView({ block: "center" }));
    await stills.screenshot({ path: `${shots}${id}.png` });
    await d.locator("summary").click();
  }
});

test("in the workout the figure moves in time with the tempo guide, and Plan shows how each exercise is done", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await offline(page, context);
  await setUp(page);
  // Plan: each exercise opens to its figure and cues.
  const item = page.locator(".plan-list li", { hasText: "Wall hip hinge" }).first();
  await item.getByText("How to do it").click();
  await expect(item.getByRole("img", { name: /^Wall hip hinge: standing a foot from the wall, then hips reaching back/ })).toBeVisible();
  await item.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/artifacts/screenshots/plan-how-to.png" });

  await page.goto("/workout");
  await page.getByRole("button", { name: "Start session" }).click();
  const first = page.locator("article.block").first();
  await expect(first.getByRole("heading", { level: 2 })).toHaveText("Wall hip hinge");
  await expect(first.getByRole("img", { name: /^Wall hip hinge: / })).toBeVisible();
  // Tempo 3-1-2: down over the first half of a 6 s loop, a pause, then up.
  await page.waitForTimeout(1500);
  await first.getByRole("button", { name: "Tempo guide" }).click();
  const svg = first.locator(".fig-synced svg.fig-anim");
  await expect(svg).toBeVisible();
  const anim = svg.locator("animate").first();
  await expect(anim).toHaveAttribute("dur", "6.00s");
  const times = (await anim.getAttribute("keyTimes")).split(";").map(Number);
  expect(times).toContain(0.5);
  expect(times).toContain(0.667);
  // The figure's clock starts with the guide's, not with the page.
  expect(await svg.evaluate((s) => s.getCurrentTime())).toBeLessThan(1);
  await expect(first.locator(".tempo-now")).toHaveText(/^Down [123]$/);
  await page.screenshot({ path: "tests/artifacts/screenshots/workout-figure.png", fullPage: true });
});

test("a mobility drill on Today opens its moving figure in one tap", async ({ page }) => {
  await page.goto("/");
  await expectScreen(page, "Today");
  const drill = page.locator(".drills li").first();
  const name = (await drill.locator("summary span").first().innerText()).trim();
  await drill.locator("summary").click();
  await drill.getByRole("link", { name: "See it move" }).click();
  await expectScreen(page, "The exercises");
  const open = page.locator("details.exercise[open]");
  await expect(open).toHaveCount(1);
  await expect(open.getByRole("img", { name: new RegExp(`^${name}: `) })).toBeInViewport();
});
