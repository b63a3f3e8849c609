import { expect } from "@playwright/test";

import { ROUTES, SAFETY_QUESTIONS, DONE } from "../shared/journey.mjs";
export { ROUTES, SAFETY_QUESTIONS };

/** Resolves once a service worker controls the page. */
export async function waitForControl(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  });
}

/** The app has replaced the static shell and rendered the route's heading. */
export async function expectScreen(page, heading) {
  await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
  await expect(page.locator(".shell")).toHaveCount(0);
}

/** Records every request's origin and every CSP violation of a page. */
export async function watch(page) {
  const requests = [];
  const consoleErrors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { requests, consoleErrors };
}

/**
 * Answers every safety question: nothing starts answered. `yes` lists the questions
 * (regexes from SAFETY_QUESTIONS) to answer "Yes"; the rest get "No".
 */
export async function answerSafety(scope, yes = []) {
  for (const q of SAFETY_QUESTIONS) {
    const answer = yes.some((y) => String(y) === String(q)) ? "Yes" : "No";
    await scope.getByRole("group", { name: q }).getByLabel(answer, { exact: true }).check();
  }
}

/** First run through onboarding: every safety question answered no, the rest defaults. */
export async function onboard(page, base = "") {
  await page.goto(`${base}/start`);
  await expect(page.getByRole("heading", { name: "Let's set up your plan" })).toBeVisible();
  await answerSafety(page);
  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Make my plan" }).click();
  await expect(page.getByRole("region", { name: "Your plan", exact: true })).toBeVisible();
  await planSurvivesReload(page, base);
}

/**
 * The saved plan must show again after a fresh page load. Locators for "Your plan" are
 * exact: the onboarding screen is itself a region named "Let's set up your plan", and a
 * substring match once let tests reload while the save was still running (see docs/decisions.md).
 */
export async function planSurvivesReload(page, base = "") {
  await page.goto(`${base}/plan`);
  const shown = await page
    .getByRole("region", { name: "Your plan", exact: true })
    .waitFor({ timeout: 10_000 })
    .then(() => true, () => false);
  if (shown) return;
  const dump = await page.evaluate(async () => {
    const db = await new Promise((res, rej) => { const r = indexedDB.open("backstrong"); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const out = { url: location.href, text: document.body.innerText.slice(0, 200) };
    for (const name of db.objectStoreNames) {
      out[name] = await new Promise((res) => { const r = db.transaction(name).objectStore(name).getAllKeys(); r.onsuccess = () => res(r.result); });
    }
    db.close();
    return out;
  });
  throw new Error(`the saved plan did not come back after a reload; IndexedDB holds ${JSON.stringify(dump)}`);
}

/** Sets shown as saved on the workout screen. */
export function savedSets(page) {
  return page.locator(".sets .saved");
}

/** The workout's sets done so far, as its session bar counts them. */
export async function setsDone(page) {
  const text = await page.locator(".session-bar .count").innerText();
  return Number(text.match(/^(\d+) of/)[1]);
}

/** Opens an exercise of the workout that is folded to a line. */
export async function openBlock(block) {
  const line = block.locator("h2.line button");
  if (await line.count()) await line.click();
  await expect(block.locator("h2.line")).toHaveCount(0);
}

/** Opens the folded "Pain now, effort, swap" of the exercise in focus, if it has one. */
export async function openMore(block) {
  const more = block.locator("details.more");
  if ((await more.count()) && !(await more.evaluate((d) => d.open))) await more.locator(":scope > summary").click();
}

/** Reports pain on an exercise's 0–10 scale, opening whatever is folded first. */
export async function reportPain(block, n) {
  await openBlock(block);
  await openMore(block);
  await block
    .getByRole("group", { name: /^Pain during this exercise/ })
    .getByRole("button", { name: String(n), exact: true })
    .click();
}

/** The button that logs the next set of the exercise in focus. */
export function doneButton(scope) {
  return scope.getByRole("button", { name: DONE });
}

/** Logs every set an exercise still has, one tap each, each seen saved. */
export async function logAll(page, block) {
  for (;;) {
    const next = doneButton(block);
    if ((await next.count()) === 0) break;
    const before = await setsDone(page);
    await next.click();
    await expect.poll(() => setsDone(page)).toBe(before + 1);
  }
}

/** Loads Today, waits for the service worker, then cuts the network. */
export async function offline(page, context) {
  await page.goto("/");
  await expectScreen(page, "Today");
  await waitForControl(page);
  await context.setOffline(true);
}

/** Onboarding from Today's welcome card with the defaults; `returning` ticks prior lifting. */
export async function setUp(page, { returning = false } = {}) {
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
