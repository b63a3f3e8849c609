// Your data in Settings: space and protection, backups, CSV, import, delete — offline.
import { test, expect } from "./fixtures.mjs";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectScreen, waitForControl, onboard } from "./helpers.mjs";

const fixture = new URL("../fixtures/backup-schema-1.json", import.meta.url).pathname;
// The newest schema: what this build exports.
const current = new URL("../fixtures/backup-schema-3.json", import.meta.url).pathname;
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
  expect(migrated.schema).toBe(JSON.parse(readFileSync(current, "utf8")).schema);
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
  const reminder = page.getByRole("status").filter({ hasText: "may clear its storage" });
  await expect(reminder).toHaveCount(0);
  await expect(page.getByText("No backup saved from this device yet.")).toBeVisible();
  await page.clock.setFixedTime(start + 31 * 86_400_000);
  await page.goto("/settings");
  await expect(reminder).toContainText("No backup has been saved from this device");
  await page.getByRole("button", { name: "Export a full backup" }).click();
  await expect(reminder).toHaveCount(0);
  await expect(page.getByText("Last backup saved on Thursday 4 June.")).toBeVisible();
  // A month on, the reminder says when the last backup left the phone.
  await page.clock.setFixedTime(start + 62 * 86_400_000);
  await page.goto("/settings");
  await expect(reminder).toContainText("Your last backup was saved on Thursday 4 June");
});

test("backups edited by hand or made elsewhere are refused whole or merged exactly as previewed", async ({ page }) => {
  test.setTimeout(120_000);
  const text = readFileSync(current, "utf8");
  const original = JSON.parse(text);
  const records = Object.values(original.stores).reduce((n, rows) => n + rows.length, 0);
  const upload = (name, body) => {
    // Playwright passes big files by path only.
    const path = join(mkdtempSync(join(tmpdir(), "backstrong-")), name);
    writeFileSync(path, body);
    return page.getByLabel("Import a backup").setInputFiles(path);
  };
  const preview = page.getByRole("region", { name: "Backup to import" });

  // Two copies of sets in one file: one pasted twice, one also under its schema-1 key.
  const twice = structuredClone(original);
  const [key, raw] = twice.stores.sets[0];
  twice.stores.sets.push([key, raw]);
  const second = JSON.parse(twice.stores.sets[1][1]).d;
  const v1 = { v: 1, d: { session: second.session, day: second.day, index: second.index, set: second.entry.Set, logged_ms: second.logged_ms } };
  twice.stores.sets.push([`${second.day}|${second.session}|${String(second.index).padStart(4, "0")}`, JSON.stringify(v1)]);
  await upload("twice.json", JSON.stringify(twice));
  await expect(preview).toContainText(`${original.stores.sets.length} sets`);
  await expect(preview).toContainText("The file holds 2 records twice");
  await preview.getByRole("button", { name: "Add to what is here" }).click();
  await expect(page.getByText(`Imported ${records} records; 0 already here were kept`)).toBeVisible();
  const merged = JSON.parse((await download(page, "Export a full backup")).text);
  expect(merged.stores.sets).toEqual(original.stores.sets);
  const before = withoutStamp((await download(page, "Export a full backup")).text);

  // Each of these is refused with its reason, and the device keeps exactly what it had.
  const renamed = structuredClone(original);
  renamed.stores.sets[2][1] = renamed.stores.sets[2][1].replace('"load":', '"weight":');
  const clash = structuredClone(original);
  clash.stores.sets.push([clash.stores.sets[0][0], clash.stores.sets[1][1]]);
  const cases = [
    ["a field renamed by hand", "renamed.json", JSON.stringify(renamed), /damaged \(sets .*missing field `load`/],
    ["one key holding two different sets", "clash.json", JSON.stringify(clash), /two different records under one key/],
    ["another app's workout export", "strong.csv", "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n2026-03-02,Legs,Squat,1,60,8\n", /not a Backstrong backup/],
    ["another app's JSON", "hevy.json", JSON.stringify({ app: "hevy", format: 1, schema: 1, exported: "x", stores: {} }), /not a Backstrong backup/],
    ["a 50 MB file", "huge.json", `{"app":"backstrong","format":1,"schema":2,"exported":"x","stores":{"sets":[["2026-03-02|a","${"x".repeat(50 * 1024 * 1024)}"]]}}`, /far larger than any Backstrong backup/],
  ];
  for (const [label, name, body, expected] of cases) {
    await test.step(label, async () => {
      await upload(name, body);
      await expect(page.getByRole("status").filter({ hasText: expected })).toContainText("Nothing was imported");
      await expect(preview).toHaveCount(0);
      expect(withoutStamp((await download(page, "Export a full backup")).text)).toBe(before);
    });
  }
});
