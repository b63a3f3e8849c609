// The PWA contract: precached by a service worker on first visit, every route offline,
// installable, updates only when the user accepts, no other origin, no CSP violation.
import { test, expect, chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { ROUTES, expectScreen, waitForControl, watch, onboard, doneButton, setsDone } from "./helpers.mjs";
import { launchOptions } from "./playwright.config.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

test("the service worker takes control on the first visit", async ({ page }) => {
  await page.goto("/");
  await expectScreen(page, "Today");
  await waitForControl(page);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys[0]);
    return { keys, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  expect(cached.keys).toHaveLength(1);
  // Everything of the build is precached: the main wasm and JS, and every chunk split off
  // it, all from this build's own directory (so a screen opens offline).
  expect(cached.urls).toContain("/index.html");
  const [build] = readdirSync(join(root, "dist", "app"));
  const files = readdirSync(join(root, "dist", "app", build));
  expect(files).toContain("backstrong_bg.wasm");
  expect(files).toContain("backstrong.js");
  expect(files.filter((f) => f.startsWith("split_")).length).toBeGreaterThanOrEqual(3);
  for (const f of files) expect(cached.urls).toContain(`/app/${build}/${f}`);
  expect(cached.urls).toContain("/manifest.webmanifest");
  expect(cached.urls).toContain("/icons/icon-512.png");
});

test("with no network, a reload of every route still renders", async ({ page, context }) => {
  await page.goto("/");
  await waitForControl(page);
  await context.setOffline(true);
  for (const { path, heading } of ROUTES) {
    await page.goto(path);
    await expectScreen(page, heading);
  }
  // A brand-new tab, offline, straight onto a deep link.
  const fresh = await context.newPage();
  await fresh.goto("/plan");
  await expectScreen(fresh, "Plan");
  await context.setOffline(false);
});

function pngSize(buf) {
  expect(buf.subarray(1, 4).toString()).toBe("PNG");
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

test("the manifest and icons load with the sizes they claim", async ({ page }) => {
  const res = await page.request.get("/manifest.webmanifest");
  expect(res.ok()).toBe(true);
  const m = await res.json();
  for (const key of ["id", "name", "short_name", "description", "start_url", "scope", "theme_color", "background_color"]) {
    expect(m[key], key).toBeTruthy();
  }
  expect(m.display).toBe("standalone");
  const pngs = m.icons.filter((i) => i.type === "image/png");
  for (const icon of pngs) {
    const r = await page.request.get(icon.src);
    expect(r.ok(), icon.src).toBe(true);
    const [w, h] = pngSize(await r.body());
    expect(`${w}x${h}`).toBe(icon.sizes);
  }
  expect(pngs.some((i) => i.sizes === "192x192")).toBe(true);
  expect(pngs.some((i) => i.sizes === "512x512" && i.purpose === "any")).toBe(true);
  expect(pngs.some((i) => i.purpose === "maskable")).toBe(true);

});

test("Chromium finds the app installable", async ({ baseURL }) => {
  // Test contexts are incognito, where nothing installs: use a real profile.
  const profile = mkdtempSync(join(tmpdir(), "backstrong-profile-"));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await expectScreen(page, "Today");
    await waitForControl(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    const { url, data } = await cdp.send("Page.getAppManifest");
    expect(url).toBe(`${baseURL}/manifest.webmanifest`);
    expect(JSON.parse(data).display).toBe("standalone");
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test("no request leaves the app's origin and nothing breaks the CSP", async ({ page, baseURL }) => {
  const log = await watch(page);
  for (const { path, heading } of ROUTES) {
    await page.goto(path);
    await expectScreen(page, heading);
  }
  await waitForControl(page);
  const origin = new URL(baseURL).origin;
  const foreign = log.requests.filter((u) => new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(log.consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain("unsafe-inline");
});

function freePort() {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Serves a private copy of dist/ so a test can "deploy" a new version into it. */
async function privateServer() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "backstrong-deploy-"));
  cpSync(join(root, "dist"), dir, { recursive: true });
  const proc = spawn("python3", [join(root, "scripts/serve.py"), dir, String(port)], { stdio: "ignore" });
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    try {
      up = (await fetch(`http://127.0.0.1:${port}/index.html`)).ok;
    } catch (_) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!up) throw new Error(`the private server on port ${port} did not start`);
  return {
    url: `http://127.0.0.1:${port}`,
    /** A new build: new ids, and its code in a new directory (the old one is gone). */
    deploy(oldBuild, newBuild) {
      const [oldApp] = readdirSync(join(dir, "app"));
      const newApp = newBuild.padEnd(16, "0").slice(0, 16);
      renameSync(join(dir, "app", oldApp), join(dir, "app", newApp));
      for (const f of ["index.html", "sw.js"]) {
        const p = join(dir, f);
        writeFileSync(p, readFileSync(p, "utf8").replaceAll(oldBuild, newBuild).replaceAll(oldApp, newApp));
      }
    },
    close() {
      proc.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test("a new deploy waits behind an update prompt and the old version keeps working", async () => {
  const server = await privateServer();
  const browser = await chromium.launch(launchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await expectScreen(page, "Today");
    await waitForControl(page);
    const build = page.locator('meta[name="backstrong-build"]');
    const oldBuild = await build.getAttribute("content");
    const newBuild = `e2e${Date.now().toString(16)}`;

    server.deploy(oldBuild, newBuild);
    // Ask for an update check until the browser sees the new worker: a check already in
    // flight (the app's own, at start) answers for the old script.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const r = await navigator.serviceWorker.getRegistration();
          await r.update();
          return Boolean(r.installing || r.waiting);
        }),
      )
      .toBe(true);
    const banner = page.getByRole("region", { name: "Update available" });
    await expect(banner).toBeVisible();

    // Not accepted yet: a reload still runs the old version, and the prompt is back.
    await page.reload();
    await expectScreen(page, "Today");
    await expect(build).toHaveAttribute("content", oldBuild);
    await expect(banner).toBeVisible();
    // A screen not opened yet still opens: its chunk comes from the old build's cache,
    // though the server now has only the new build's.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
    await expectScreen(page, "History");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
    await expectScreen(page, "Today");

    await banner.getByRole("button", { name: "Update now" }).click();
    await expect(build).toHaveAttribute("content", newBuild, { timeout: 20_000 });
    await expectScreen(page, "Today");
    await expect(banner).toHaveCount(0);
    const keys = await page.evaluate(() => caches.keys());
    expect(keys).toEqual([`backstrong-${newBuild}`]);
  } finally {
    await browser.close();
    server.close();
  }
});

test("an update deployed mid-workout waits for the finish: no set lost, the session whole after it", async () => {
  test.setTimeout(120_000);
  const server = await privateServer();
  const browser = await chromium.launch(launchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await onboard(page, server.url);
    await waitForControl(page);
    await page.goto(`${server.url}/workout`);
    await page.getByRole("button", { name: "Start session" }).click();
    for (let i = 0; i < 2; i++) {
      await doneButton(page).first().click();
      await expect.poll(() => setsDone(page)).toBe(i + 1);
    }
    const build = page.locator('meta[name="backstrong-build"]');
    const oldBuild = await build.getAttribute("content");
    const newBuild = `e2e${Date.now().toString(16)}`;
    server.deploy(oldBuild, newBuild);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const r = await navigator.serviceWorker.getRegistration();
          await r.update();
          return Boolean(r.installing || r.waiting);
        }),
      )
      .toBe(true);

    // The session goes on in the version it started in: no prompt, no reload, sets saved.
    const banner = page.getByRole("region", { name: "Update available" });
    await doneButton(page).first().click();
    await expect.poll(() => setsDone(page)).toBe(3);
    await page.reload();
    await expectScreen(page, "Workout");
    await expect(build).toHaveAttribute("content", oldBuild);
    await expect.poll(() => setsDone(page)).toBe(3);
    await doneButton(page).first().click();
    await expect.poll(() => setsDone(page)).toBe(4);
    await expect(banner).toHaveCount(0);

    // At the finish, the update is offered.
    await page.getByRole("button", { name: "Finish session" }).click();
    await page.getByRole("button", { name: "Finish now" }).click();
    await expect(page.getByRole("region", { name: "Session summary" })).toContainText("4 sets logged");
    await expect(banner).toBeVisible();
    await banner.getByRole("button", { name: "Update now" }).click();
    await expect(build).toHaveAttribute("content", newBuild, { timeout: 20_000 });

    // The new version reads the session and all its sets, and writes beside them.
    const stored = () =>
      page.evaluate(async () => {
        const db = await new Promise((res) => {
          const r = indexedDB.open("backstrong");
          r.onsuccess = () => res(r.result);
        });
        const all = (name) =>
          new Promise((res) => {
            const r = db.transaction(name).objectStore(name).getAll();
            r.onsuccess = () => res(r.result.map((v) => JSON.parse(v).d));
          });
        const out = { sessions: await all("sessions"), sets: await all("sets") };
        db.close();
        return out;
      });
    const after = await stored();
    expect(after.sessions).toHaveLength(1);
    expect(after.sessions[0].finished).toBe(true);
    expect(after.sets.filter((s) => s.session === after.sessions[0].id)).toHaveLength(4);
    await page.goto(`${server.url}/history`);
    await expectScreen(page, "History");
    await expect(page.locator("main")).toContainText("Wall hip hinge");
    await page.goto(`${server.url}/`);
    await expectScreen(page, "Today");
    await page.getByRole("button", { name: "My back is flaring" }).click();
    await expect(page.locator("main")).toContainText("Flare-up mode");
    await page.reload();
    await expect(page.locator("main")).toContainText("Flare-up mode");
    expect((await stored()).sets).toHaveLength(4);
  } finally {
    await browser.close();
    server.close();
  }
});
