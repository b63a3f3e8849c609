// Your data in Settings: space and protection, backups, CSV, import, delete — offline.
import { test, expect } from "./fixtures.mjs";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectScreen, waitForControl, onboard } from "./helpers.mjs";

const fixture = new URL("../fixtures/backup-schema-1.json", import.meta.url).pathname;
// The newest schema: what this build exports.
const current = new URL("../fixtures/backup-schema-2.json", import.meta.url).pathname;
const withoutStamp = (text) => text.replace(/"exported":\s*"[^"]*"/, "");

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

async function importFile(page, path) {
  await page.getByLabel("Import a backup").setInputFiles(path);
}

async function replaceWith(page, path) {
  await importFile(page, path);
  const preview = page.getByRole("region", { name: "Backup to import" });
  await preview.getByRole("button", { name: "Replace everything here…" }).click();
  await preview.getByRole("button", { name: "Yes, replace everything on this device" }).click();
  await expect(page.getByText(/Replaced everything on this device/)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.goto("/settings");
  await expectScreen(page, "Settings");
});

test("settings says how much space is used and whether it is protected", async ({ page }) => {
  await expect(page.locator("#space")).toContainText(/Using .* on this device/);
  await expect(page.locator("#persisted")).toContainText(/clean-up/);
});

test("export, delete all and import round-trip byte for byte, offline", async ({ page, context }) => {
  await waitForControl(page);
  await context.setOffline(true);
  // An older backup is brought up to this build's schema as it comes in.
  await replaceWith(page, fixture);
  const migrated = JSON.parse((await download(page, "Export a full backup")).text);
  expect(migrated.schema).toBe(2);
  expect(migrated.stores.sets).toHaveLength(6);

  await replaceWith(page, current);
  const first = await download(page, "Export a full backup");
  expect(first.name).toMatch(/^backstrong-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(withoutStamp(first.text)).toBe(withoutStamp(readFileSync(current, "utf8")));

  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(page.getByText(/has been deleted/)).toBeVisible();
  const empty = JSON.parse((await download(page, "Export a full backup")).text);
  expect(empty.stores).toEqual({});

  const saved = join(mkdtempSync(join(tmpdir(), "backstrong-")), "backup.json");
  writeFileSync(saved, first.text);
  await replaceWith(page, saved);
  const again = await download(page, "Export a full backup");
  expect(withoutStamp(again.text)).toBe(withoutStamp(first.text));

  // Still there after a reload: it is in IndexedDB, not in memory.
  await page.reload();
  await expectScreen(page, "Settings");
  const afterReload = await download(page, "Export a full backup");
  expect(JSON.parse(afterReload.text).stores.sets).toHaveLength(9);
  await context.setOffline(false);
});

test("the import preview says what a backup holds before anything is written", async ({ page }) => {
  await importFile(page, fixture);
  const preview = page.getByRole("region", { name: "Backup to import" });
  await expect(preview).toContainText("2 sessions, 6 sets and 1 check-in from 2026-03-02 to 2026-03-05, and a profile");
  await preview.getByRole("button", { name: "Cancel" }).click();
  const empty = JSON.parse((await download(page, "Export a full backup")).text);
  expect(empty.stores).toEqual({});
});

test("merging keeps what is already here", async ({ page }) => {
  await replaceWith(page, fixture);
  await importFile(page, fixture);
  await page.getByRole("button", { name: "Add to what is here" }).click();
  await expect(page.getByText(/Imported 0 records; 16 already here were kept/)).toBeVisible();
});

for (const [label, body, expected] of [
  ["cut off", () => readFileSync(fixture, "utf8").slice(0, 700), /incomplete/],
  ["not a backup", () => "<html><body>hello</body></html>", /not a Backstrong backup/],
  ["from a newer version", () => readFileSync(fixture, "utf8").replace('"schema":1', '"schema":9'), /newer version/],
]) {
  test(`a backup that is ${label} is refused clearly and nothing is imported`, async ({ page }) => {
    await page.getByLabel("Import a backup").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(body()) });
    await expect(page.getByRole("status").filter({ hasText: expected })).toContainText("Nothing was imported");
    await expect(page.getByRole("region", { name: "Backup to import" })).toHaveCount(0);
    const empty = JSON.parse((await download(page, "Export a full backup")).text);
    expect(empty.stores).toEqual({});
  });
}

test("the set log exports as CSV, one row per set", async ({ page }) => {
  await replaceWith(page, fixture);
  const csv = await download(page, "Export sets as CSV");
  expect(csv.name).toMatch(/\.csv$/);
  const lines = csv.text.trim().split("\n");
  expect(lines[0]).toBe("date,session,set,exercise,amount,unit,load_kg,rpe,pain");
  expect(lines).toHaveLength(7);
  expect(lines[1]).toContain("Glute bridge");
});

test("deleting needs the typed confirmation", async ({ page }) => {
  const button = page.getByRole("button", { name: "Delete everything" });
  await expect(button).toBeDisabled();
  await page.getByLabel("Type DELETE to confirm").fill("delete");
  await expect(button).toBeDisabled();
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await expect(button).toBeEnabled();
});

test("the backup reminder waits for the first month, then asks once there is something to lose", async ({ page }) => {
  const start = Date.parse("2026-05-04T09:00:00");
  await page.clock.setFixedTime(start);
  await onboard(page);
  await page.goto("/settings");
  await expectScreen(page, "Settings");
  await expect(page.locator("#space")).toBeVisible();
  await expect(page.getByText(/No backup in the last 30 days/)).toHaveCount(0);
  await page.clock.setFixedTime(start + 31 * 86_400_000);
  await page.goto("/settings");
  await expect(page.getByText(/No backup in the last 30 days/)).toBeVisible();
  await page.getByRole("button", { name: "Export a full backup" }).click();
  await expect(page.getByText(/No backup in the last 30 days/)).toHaveCount(0);
});
