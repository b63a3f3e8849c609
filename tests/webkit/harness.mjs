// The WebKit layer's harness: Debian's WebKitWebDriver (WebKitGTK's MiniBrowser, Safari's
// engine) under xvfb-run, driven over W3C WebDriver by selenium-webdriver. Controls are
// found the way the Playwright tests find them: by role and accessible name.
import { Builder, By, until } from "selenium-webdriver";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
// Not 4190: WebKit refuses ports on the Fetch standard's bad-port list (4190 is ManageSieve)
// and the page silently stays blank.
export const PORT = Number(process.env.WEBKIT_PORT || 4183);
const DRIVER_PORT = Number(process.env.WEBKIT_DRIVER_PORT || 4444);
export const BASE = `http://127.0.0.1:${PORT}`;
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

let server = null;
let driverProcess = null;

// A file the test runner stops (its time is up) gets SIGTERM and runs no `after` hook:
// the server and the driver, a process group of its own, would outlive it and hold their
// ports against the next run. Stop them on the way out.
function stopChildren() {
  try {
    server?.kill();
  } catch {}
  try {
    if (driverProcess) process.kill(-driverProcess.pid, "SIGTERM");
  } catch {}
}
process.once("exit", stopChildren);
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    stopChildren();
    process.exit(1);
  });
}

async function waitForHttp(url, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      await fetch(url);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`nothing answered at ${url}`);
}

/** Serves the release build (dist/) as the Playwright tests do. */
export async function startServer() {
  if (server) return;
  // Another process on the port would answer in its place, and this one's exit would go
  // unseen: say so instead.
  if (await fetch(`${BASE}/`).then(() => true, () => false)) {
    throw new Error(`port ${PORT} is already in use (WEBKIT_PORT picks another)`);
  }
  server = spawn("python3", [resolve(root, "scripts/serve.py"), resolve(root, "dist"), String(PORT)], { stdio: "ignore" });
  await waitForHttp(`${BASE}/`);
}

export async function stopServer() {
  if (!server) return;
  // A server that already exited would never send "exit" again.
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill();
    await exited;
  }
  server = null;
}

/** Starts WebKitWebDriver on a virtual display, once for the whole run. */
export async function startDriver() {
  if (driverProcess) return;
  driverProcess = spawn("xvfb-run", ["-a", "WebKitWebDriver", `--port=${DRIVER_PORT}`], {
    stdio: "ignore",
    detached: true,
    // WebKit's bubblewrap sandbox cannot start inside this container (no user namespaces).
    env: { ...process.env, WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS: "1" },
  });
  await waitForHttp(`http://127.0.0.1:${DRIVER_PORT}/status`);
}

export async function stopDriver() {
  if (!driverProcess) return;
  try {
    process.kill(-driverProcess.pid, "SIGTERM");
  } catch {}
  driverProcess = null;
}

/**
 * A fresh browser: WebKitGTK's automation sessions are ephemeral, so each one is a new
 * profile with empty storage (a second phone, for sharing).
 */
export async function browser() {
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${DRIVER_PORT}`)
    .withCapabilities({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
    })
    .build();
  await driver.manage().window().setRect({ width: 390, height: 844 });
  return new Page(driver);
}

// Runs in the page: finds visible elements by role and accessible name (a practical
// subset of the accname rules: aria-label, aria-labelledby, <label>, <legend>, text).
const FIND = `
const [role, name, flags, scope] = arguments;
const norm = (s) => (s || "").replace(/\\s+/g, " ").trim();
const re = flags === null ? null : new RegExp(name, flags);
const byRole = {
  button: "button, [role=button], summary",
  link: "a[href]",
  region: "[role=region], section[aria-label], section[aria-labelledby]",
  article: "article",
  heading: "h1, h2, h3, h4, h5, h6, [role=heading]",
  checkbox: "input[type=checkbox]",
  switch: "[role=switch]",
  radio: "input[type=radio]",
  textbox: "input:not([type=checkbox]):not([type=radio]):not([type=range]), textarea",
  group: "fieldset, [role=group]",
  status: "[role=status]",
  alert: "[role=alert]",
  note: "[role=note]",
  navigation: "nav",
  img: "img, [role=img]",
};
function accName(el) {
  if (el.hasAttribute("aria-label")) return norm(el.getAttribute("aria-label"));
  const by = el.getAttribute("aria-labelledby");
  if (by) return norm(by.split(/\\s+/).map((id) => document.getElementById(id)?.textContent || "").join(" "));
  if (el.matches("input, textarea, select")) {
    const l = (el.id && document.querySelector('label[for="' + el.id + '"]')) || el.closest("label");
    return norm(l ? l.textContent : el.getAttribute("placeholder"));
  }
  if (el.matches("fieldset")) return norm(el.querySelector("legend")?.textContent);
  return norm(el.textContent);
}
const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
const base = scope || document;
return [...base.querySelectorAll(byRole[role] || role)].filter((el) => {
  if (!visible(el)) return false;
  if (name === null) return true;
  const n = accName(el);
  return re ? re.test(n) : n === name;
});
`;

export class Page {
  constructor(driver, scope = null) {
    this.driver = driver;
    this.scope = scope;
  }

  /** The same browser, looking only inside `el`. */
  within(el) {
    return new Page(this.driver, el);
  }

  async goto(path) {
    await this.driver.get(`${BASE}${path}`);
  }

  async all(role, name = null) {
    const isRe = name instanceof RegExp;
    // The app re-renders as it saves: an element found a moment ago can be gone by the
    // time WebDriver hands it back. Ask again.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.driver.executeScript(FIND, role, isRe ? name.source : name, isRe ? name.flags : null, this.scope);
      } catch (e) {
        if (e.name !== "StaleElementReferenceError" || attempt >= 20) throw e;
        await sleep(50);
      }
    }
  }

  /** Waits for the first visible element with this role and name. */
  async get(role, name = null, ms = 15_000) {
    let found = [];
    await this.driver.wait(async () => {
      found = await this.all(role, name);
      return found.length > 0;
    }, ms, `no ${role} named ${name} appeared`);
    return found[0];
  }

  async count(role, name = null) {
    return (await this.all(role, name)).length;
  }

  async gone(role, name = null, ms = 15_000) {
    await this.driver.wait(async () => (await this.count(role, name)) === 0, ms, `${role} ${name} is still there`);
  }

  async click(role, name) {
    for (let attempt = 0; ; attempt++) {
      try {
        const el = await this.get(role, name);
        await this.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", el);
        await el.click();
        return;
      } catch (e) {
        if (e.name !== "StaleElementReferenceError" || attempt >= 20) throw e;
        await sleep(50);
      }
    }
  }

  async fill(name, text) {
    const el = await this.get("textbox", name);
    // WebKitGTK's date field takes keys into its own month, day and year parts in an order
    // WebDriver cannot know: a date is picked as its picker would, by value and an input event.
    if ((await el.getAttribute("type")) === "date") {
      await this.driver.executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true})); arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        el,
        text,
      );
      return;
    }
    await el.clear();
    await el.sendKeys(text);
  }

  /** Ticks a checkbox or radio by tapping its label, as a thumb would. */
  async check(role, name) {
    // The app may draw the control again just after it shows (a screen re-rendered as its
    // data arrives): a tick on the old one is lost, so the control is looked up afresh.
    const ticked = async () => {
      const [el] = await this.all(role, name);
      return !!el && (await el.isSelected().catch(() => false));
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await ticked()) return;
      const el = await this.get(role, name);
      const target = await this.driver.executeScript("return arguments[0].closest('label') || arguments[0]", el);
      await this.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
      await target.click().catch((e) => {
        if (e.name !== "StaleElementReferenceError") throw e;
      });
      try {
        await this.driver.wait(ticked, 2_000);
        return;
      } catch {
        // Drawn again under the tap: tick the new one.
      }
    }
    throw new Error(`${name} did not get ticked`);
  }

  /** Text of the whole page (or the scope). */
  async text() {
    return this.driver.executeScript("return (arguments[0] || document.body).innerText", this.scope);
  }

  /** Waits until the page's text matches. */
  async sees(pattern, ms = 15_000) {
    const test = (t) => (pattern instanceof RegExp ? pattern.test(t) : t.includes(pattern));
    let last = "";
    try {
      await this.driver.wait(async () => test((last = await this.text())), ms);
    } catch {
      throw new Error(`expected to see ${pattern}; the page says: ${last.length > 1500 ? "…" + last.slice(-1500) : last}`);
    }
  }

  async eval(script, ...args) {
    return this.driver.executeScript(script, ...args);
  }

  async quit() {
    await this.driver.quit();
  }
}

/** Resolves once a service worker controls the page. */
export async function controlled(page) {
  await page.driver.wait(async () => page.eval("return !!navigator.serviceWorker?.controller"), 20_000, "no service worker took control");
}

export { By, until, sleep };
