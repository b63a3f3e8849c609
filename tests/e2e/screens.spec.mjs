// Every screen renders, passes axe-core, and is captured at phone size.
import { test, expect, phone } from "./fixtures.mjs";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { ROUTES, expectScreen } from "./helpers.mjs";

const shots = new URL("../artifacts/screenshots/", import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

for (const { path, heading } of ROUTES) {
  test(`${heading} renders, has no axe violations, and is captured`, async ({ page }) => {
    await page.goto(path);
    await expectScreen(page, heading);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: heading })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await page.screenshot({ path: `${shots}${heading.toLowerCase()}.png`, fullPage: true });
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(summary).toEqual([]);
  });
}

test("an unknown address shows a way back instead of a blank page", async ({ page }) => {
  await page.goto("/no/such/page");
  await expectScreen(page, "Nothing here");
  await page.getByRole("link", { name: "Back to Today" }).click();
  await expectScreen(page, "Today");
});

test("the tab bar moves between screens without reloading", async ({ page }) => {
  await page.goto("/");
  await expectScreen(page, "Today");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const { heading } of ROUTES.slice(1)) {
    await nav.getByRole("link", { name: heading }).click();
    await expectScreen(page, heading);
  }
});

test("the units choice is kept across reloads", async ({ page }) => {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Pounds" }).click();
  await expect(page.getByRole("button", { name: "Pounds" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.getByRole("button", { name: "Pounds" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Kilograms" })).toHaveAttribute("aria-pressed", "false");
});

test("each rule the plan applies has a why, one tap away", async ({ page }) => {
  await page.goto("/plan");
  await expectScreen(page, "Plan");
  const why = page.locator("details.why");
  await expect(why).toHaveCount(7);
  await page.getByText("Why pain decides each exercise").click();
  await expect(page.getByText(/3 or 4 means change the exercise/)).toBeVisible();
});

test("a screen whose code cannot be fetched says so, keeps the data, and opens when tried again", async ({ baseURL }) => {
  // No service worker: its precache would answer; this is a first visit on a bad signal.
  const context = await phone({ baseURL, serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    let fail = true;
    await page.route(/\/split_screens\.wasm$/, (route) => (fail ? route.abort() : route.continue()));
    await page.goto("/");
    await expectScreen(page, "Today");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
    await expect(page.getByRole("heading", { name: "This screen did not open" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Your data is safe" })).toBeVisible();
    // The rest of the app still works: the tabs lead back to Today.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
    await expectScreen(page, "Today");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    fail = false;
    await page.getByRole("button", { name: "Try again" }).click();
    await expectScreen(page, "History");
  } finally {
    await context.close();
  }
});
