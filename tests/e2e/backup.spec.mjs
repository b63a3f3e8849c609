// "Save a backup to…": the backup handed to the share sheet in the tap, in the form the
// browser's canShare takes, and restored from whichever form it was saved in. Headless
// Chromium on Linux has no share sheet, so each test gives the page one that behaves as a
// phone's does (Chromium's takes plain text files and refuses JSON; Safari's takes both)
// and records what it was handed; the app's own code runs unchanged.
import { test, expect } from "./fixtures.mjs";
import { expectScreen, onboard, offline } from "./helpers.mjs";

const MONDAY = Date.parse("2026-05-04T09:00:00");

/** A share sheet taking files of `types`, answering with `answer` ("ok" or an error name). */
async function giveShareSheet(page, types, answer = "ok") {
  await page.addInitScript(
    ({ types, answer }) => {
      window.__shared = [];
      window.__offered = [];
      navigator.canShare = (data) => !!data?.files?.length && data.files.every((f) => types.includes(f.type));
      navigator.share = async (data) => {
        // As a browser does, the sheet needs the tap it was asked in.
        if (!navigator.userActivation.isActive) throw new DOMException("no tap", "NotAllowedError");
        window.__offered.push(...data.files.map((f) => f.name));
        if (answer !== "ok") throw new DOMException("closed", answer);
        for (const f of data.files) window.__shared.push({ name: f.name, type: f.type, text: await f.text() });
      };
    },
    { types, answer },
  );
}

async function settings(page) {
  await page.goto("/settings");
  await expectScreen(page, "Settings");
}

test("Chromium's share sheet takes the backup as a text file, in the tap, offline; restoring reads it back", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await giveShareSheet(page, ["text/plain"]);
  await onboard(page);
  await offline(page, context);
  await settings(page);
  const save = page.getByRole("button", { name: "Save a backup to…" });
  await expect(save).toBeEnabled();
  await expect(page.getByText("No backup saved from this device yet.")).toBeVisible();
  await save.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/artifacts/screenshots/backup-share.png" });
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "Backup handed over as backstrong-backup-2026-05-04.txt" })).toBeVisible();
  await expect(page.getByText("Last backup saved on Monday 4 May.")).toBeVisible();
  const [shared] = await page.evaluate(() => window.__shared);
  expect(shared.type).toBe("text/plain");
  const backup = JSON.parse(shared.text);
  expect(backup.exported).toBeTruthy();
  expect(Object.values(backup.stores).flat().length).toBeGreaterThan(0);

  // Everything deleted; the .txt the share sheet took restores the plan.
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(page.getByText(/has been deleted/)).toBeVisible();
  await page.locator("input[type=file]").setInputFiles({ name: shared.name, mimeType: "text/plain", buffer: Buffer.from(shared.text) });
  await page.getByRole("region", { name: "Backup to import" }).getByRole("button", { name: "Add to what is here" }).click();
  await expect(page.getByText(/Imported \d+ records/)).toBeVisible();
  await page.goto("/plan");
  await expect(page.getByRole("region", { name: "Your plan", exact: true })).toBeVisible();
});

test("a share sheet that takes JSON gets the .json file; closing it saves nothing and says so", async ({ page }) => {
  await page.clock.setFixedTime(MONDAY);
  await giveShareSheet(page, ["application/json", "text/plain"], "AbortError");
  await onboard(page);
  await settings(page);
  await page.getByRole("button", { name: "Save a backup to…" }).click();
  await expect(page.getByRole("status").filter({ hasText: "No backup was saved: the share sheet was closed." })).toBeVisible();
  await expect(page.getByText("No backup saved from this device yet.")).toBeVisible();
  expect(await page.evaluate(() => window.__shared.length)).toBe(0);
  expect(await page.evaluate(() => window.__offered)).toEqual(["backstrong-backup-2026-05-04.json"]);
});

test("where the share sheet takes no file, the same button downloads the backup", async ({ page }) => {
  await page.clock.setFixedTime(MONDAY);
  await giveShareSheet(page, []);
  await onboard(page);
  await settings(page);
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export a full backup" }).click()]);
  expect(file.suggestedFilename()).toBe("backstrong-backup-2026-05-04.json");
  await expect(page.getByText("Last backup saved on Monday 4 May.")).toBeVisible();
});
