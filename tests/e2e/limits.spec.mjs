// The browser's limits, met for real: a full disk mid-workout (Chromium's quota override
// through the DevTools protocol), storage that the browser will not protect, and an old
// tab left open while a newer version upgrades the database.
import { test, expect } from "./fixtures.mjs";
import { chromium } from "@playwright/test";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchOptions } from "./playwright.config.mjs";
import { expectScreen, onboard, doneButton, setsDone } from "./helpers.mjs";

/** Sets logged in IndexedDB, counted straight from the store. */
function storedSets(page) {
  return page.evaluate(async () => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open("backstrong");
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const n = await new Promise((res) => {
      const r = db.transaction("sets").objectStore("sets").count();
      r.onsuccess = () => res(r.result);
    });
    db.close();
    return n;
  });
}

/** Opens the same on-disk profile again, as reopening the app on a phone does. */
function reopen(dir, baseURL) {
  return chromium.launchPersistentContext(dir, {
    ...launchOptions,
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
}

/** Chromium's quota for the origin; without `bytes`, back to the real one. Chromium reads
 * it when the storage is first opened in a browser run, so it is set on a blank page. */
async function setQuota(context, baseURL, bytes) {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const origin = new URL(baseURL).origin;
  await cdp.send("Storage.overrideQuotaForOrigin", bytes === undefined ? { origin } : { origin, quotaSize: bytes });
  return page;
}

test("a full disk mid-workout: the set that did not fit says so, the rest stay, a backup still exports, logging resumes", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), "backstrong-full-"));
  try {
    let context = await reopen(dir, baseURL);
    let page = context.pages()[0];
    await onboard(page);
    await page.goto("/workout");
    await page.getByRole("button", { name: "Start session" }).click();
    for (let i = 0; i < 2; i++) {
      await doneButton(page).first().click();
      await expect.poll(() => setsDone(page)).toBe(i + 1);
    }
    await context.close();

    // The phone's disk is full when the app comes back: the origin may store almost nothing.
    context = await reopen(dir, baseURL);
    page = await setQuota(context, baseURL, 1024);
    await page.goto("/workout");
    await expect.poll(() => setsDone(page)).toBe(2);
    await doneButton(page).first().click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("out of space, so this was not saved");
    await expect(alert).toContainText("Everything saved before is safe");
    expect(await setsDone(page)).toBe(2);
    await page.screenshot({ path: "tests/artifacts/screenshots/full-disk.png" });

    // Every set before it is still there after a reload, still without space.
    await page.reload();
    await expectScreen(page, "Workout");
    await expect.poll(() => setsDone(page)).toBe(2);
    expect(await storedSets(page)).toBe(2);

    // A backup can still be exported, with both sets in it.
    await page.goto("/settings");
    await expectScreen(page, "Settings");
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export a full backup" }).click()]);
    const backup = JSON.parse(readFileSync(await file.path(), "utf8"));
    expect(backup.stores.sets).toHaveLength(2);
    await context.close();

    // Space freed: logging resumes where it stopped.
    context = await reopen(dir, baseURL);
    page = await setQuota(context, baseURL);
    await page.goto("/workout");
    await expect.poll(() => setsDone(page)).toBe(2);
    await doneButton(page).first().click();
    await expect.poll(() => setsDone(page)).toBe(3);
    await expect(page.getByRole("alert")).toHaveCount(0);
    await page.reload();
    await expect.poll(() => setsDone(page)).toBe(3);
    expect(await storedSets(page)).toBe(3);
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("storage the browser will not protect: Settings says what that means and points to a backup", async ({ context, page }) => {
  // The browser answers "no" to persist(), as Safari and private windows often do.
  await context.addInitScript(() => {
    if (navigator.storage) {
      navigator.storage.persist = async () => false;
      navigator.storage.persisted = async () => false;
    }
  });
  await onboard(page);
  await page.goto("/settings");
  await expectScreen(page, "Settings");
  await expect(page.locator("#persisted")).toContainText("not yet");
  await page.getByRole("button", { name: "Protect my data" }).click();
  const refused = page.getByRole("status").filter({ hasText: "did not agree" });
  await expect(refused).toContainText("your history would go with it");
  await expect(refused).toContainText("may delete what Backstrong keeps");
  await expect(refused).toContainText("export a backup");
  await page.screenshot({ path: "tests/artifacts/screenshots/not-protected.png" });
});

test("an old tab steps aside when a newer version upgrades the database, and says to reload", async ({ context, page }) => {
  await onboard(page);
  await page.goto("/");
  await expectScreen(page, "Today");
  // A newer build opens the database one version up in another tab.
  const newer = await context.newPage();
  await newer.goto("/manifest.webmanifest");
  const upgraded = await newer.evaluate(
    () =>
      new Promise((res) => {
        const current = indexedDB.open("backstrong");
        current.onsuccess = () => {
          const v = current.result.version;
          current.result.close();
          const r = indexedDB.open("backstrong", v + 1);
          r.onblocked = () => res("blocked");
          r.onsuccess = () => {
            r.result.close();
            res(`opened at ${v + 1}`);
          };
          r.onerror = () => res(`error ${r.error}`);
        };
      }),
  );
  expect(upgraded).toMatch(/^opened at \d+$/);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("A newer version of Backstrong is using your data now");
  await expect(alert).toContainText("Reload this tab to update");
  // Nothing is written by the old tab after the upgrade: a tap fails with the same words.
  await page.goto("/settings");
  await expect(page.getByRole("alert")).toContainText("Reload this tab to update");
});

test("no storage at all (a private window that refuses IndexedDB): the app says nothing will be kept", async ({ context, page }) => {
  await context.addInitScript(() => {
    const refuse = () => {
      throw new DOMException("The user denied permission to access the database.", "InvalidStateError");
    };
    Object.defineProperty(window, "indexedDB", { value: { open: refuse, deleteDatabase: refuse }, configurable: true });
  });
  await page.goto("/");
  await expectScreen(page, "Today");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("not letting Backstrong save anything");
  await expect(alert).toContainText("Nothing you log now will be kept");
  // The app still works as a guide: the welcome and the pain rules are there.
  await expect(page.getByRole("link", { name: "Set up my plan" })).toBeVisible();
});
