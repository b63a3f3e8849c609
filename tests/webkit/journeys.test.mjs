// Core journeys in WebKit (Safari's engine), as a user meets them on an iPhone-sized
// screen: install to a first plan, a workout with pain, data kept across a reload,
// offline, a shared link on a second phone, and what the app says where WebKit lacks an API.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import { browser, By, controlled, startDriver, startServer, stopDriver, stopServer } from "./harness.mjs";
import { ROUTES, SAFETY_QUESTIONS, ONBOARDING_STEPS, DONE, donePain } from "../shared/journey.mjs";
import { calm, synthesize } from "../../scripts/lib/synthetic.mjs";

before(async () => {
  await startServer();
  await startDriver();
});
after(async () => {
  await stopDriver();
  await stopServer();
});

/** Runs `fn` with a fresh browser (an empty profile), always closing it. When WebKitGTK's
 * web process dies under automation ("page crash or hang": once in about twenty runs on a
 * busy machine, in the workout journey), the run says so and tries once more from a new,
 * empty profile; any other failure, or a second crash, fails the test. `retried` true:
 * no second try at all (the repeated journeys below). */
async function withBrowser(fn, retried = false) {
  const page = await browser();
  try {
    await fn(page);
  } catch (e) {
    if (retried || e?.name !== "NoSuchSessionError" || !/page crash or hang/.test(e?.message)) throw e;
    console.log(`# WebKit's web process crashed (${e.message}); trying once more with a new profile`);
    return withBrowser(fn, true);
  } finally {
    await page.quit().catch(() => {});
  }
}

/** Today's local date as a date field takes it: a clearance counts only from the day of
 * the answers it clears. */
function today() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

async function answerSafety(page, yes = []) {
  for (const q of SAFETY_QUESTIONS) {
    const group = page.within(await page.get("group", q));
    await group.check("radio", yes.includes(q) ? "Yes" : "No");
  }
}

/** Onboarding with every default; `yes` answers those safety questions "Yes". */
async function onboard(page, yes = []) {
  await page.goto("/");
  await page.get("heading", "Today");
  await controlled(page);
  await page.click("link", "Set up my plan");
  await answerSafety(page, yes);
  if (yes.length) {
    const gate = page.within(await page.get("region", "Get checked first"));
    await gate.check("checkbox", /checked and cleared for exercise/);
    await gate.fill("Date you were cleared", today());
  }
  for (let step = 1; step < ONBOARDING_STEPS; step++) await page.click("button", "Next");
  await page.click("button", "Make my plan");
  await page.get("region", "Your plan");
}

/** A new user with a plan, in a started workout. */
async function startWorkout(page) {
  await onboard(page);
  await page.goto("/workout");
  await page.click("button", "Start session");
  await page.get("button", DONE);
}

/** The sets the workout's session bar counts as done. */
async function setsDone(page) {
  const text = await page.eval("return document.querySelector('.session-bar .count')?.innerText || ''");
  return Number((text.match(/^(\d+) of/) || [])[1] ?? NaN);
}

async function logWith(page, role, name) {
  const before = await setsDone(page);
  await page.click(role, name);
  await page.driver.wait(async () => (await setsDone(page)) === before + 1, 10_000, `set ${before + 1} was not saved`);
}

test("a red flag gives no plan until a clearance is recorded, then the first plan", async () => {
  await withBrowser(async (page) => {
    await page.goto("/");
    await page.get("heading", "Today");
    await page.click("link", "Set up my plan");
    const next = await page.get("button", "Next");
    assert.equal(await next.isEnabled(), false, "Next waits for every answer");
    await answerSafety(page, [SAFETY_QUESTIONS[1]]);
    const gate = page.within(await page.get("region", "Get checked first"));
    await gate.sees("No plan is made until then");
    assert.equal(await next.isEnabled(), false, "a yes blocks the plan");
    await gate.check("checkbox", /checked and cleared for exercise/);
    await gate.fill("Date you were cleared", today());
    await page.driver.wait(() => next.isEnabled(), 5_000, "a recorded clearance opens the way");
    for (let step = 1; step < ONBOARDING_STEPS; step++) await page.click("button", "Next");
    await page.click("button", "Make my plan");
    const plan = page.within(await page.get("region", "Your plan"));
    await plan.sees("Phase 1");
  });
});

test("a workout with pain 4 and pain 6, every set still there after a reload", async () => {
  await withBrowser(async (page) => {
    await startWorkout(page);
    await logWith(page, "button", DONE);
    await logWith(page, "button", DONE);
    // Pain 4 with a set: the rule proposes a change, one tap applies it.
    await logWith(page, "button", donePain(4));
    const change = page.within(await page.get("region", "Change for pain"));
    await change.sees("Pain 4");
    await change.click("button", "Apply to the remaining sets");
    await page.gone("region", "Change for pain");
    // Pain 6: that exercise stops for today.
    await logWith(page, "button", DONE);
    await logWith(page, "button", donePain(6));
    await page.within(await page.get("region", "Stop for pain")).sees("Pain 6");
    const done = await setsDone(page);
    assert.ok(done >= 5);
    // Reload mid-workout (WebKit's stand-in for the app being killed: see the skip below).
    await page.driver.navigate().refresh();
    await page.get("button", DONE);
    assert.equal(await setsDone(page), done, "every acknowledged set is still there");
    while ((await page.count("button", DONE)) > 0) await logWith(page, "button", DONE);
    await page.click("button", "Finish session");
    const summary = page.within(await page.get("region", "Session summary"));
    await summary.sees("Highest pain: 6");
  });
});

test("exercise figures move in Safari's engine, and a lesson opens offline", async () => {
  await withBrowser(async (page) => {
    await page.goto("/learn/exercises");
    await page.get("heading", "The exercises");
    await page.eval(`document.querySelector("details.exercise").open = true`);
    await page.get("img", /^Wall hip hinge: standing a foot from the wall, then /);
    const running = async () =>
      page.eval(`const s = document.querySelector("details.exercise svg.fig-anim"); return s.getCurrentTime()`);
    const t0 = await running();
    await page.driver.sleep(700);
    assert.ok((await running()) > t0, "the figure's animation clock runs");
    assert.ok((await page.eval(`return document.querySelectorAll("details.exercise svg.fig-anim animate").length`)) > 10);
    await controlled(page);
    await stopServer();
    try {
      await page.goto("/learn/pain");
      await page.get("heading", "Hurt is not harm: what your pain numbers mean");
    } finally {
      await startServer();
    }
  });
});

test("killing the browser mid-workout and relaunching keeps every set", { skip: "WebKitGTK's automation cannot do it: a relaunched MiniBrowser gets a new, empty profile (automation sessions are ephemeral), and killing only the web content process ends the WebDriver session ('page crash or hang'). Chromium runs 50 kill points per run (crash.spec.mjs); here the reload in the workout journey stands in." }, () => {});

test("offline, every route reloads with the server stopped", async () => {
  await withBrowser(async (page) => {
    await onboard(page);
    await stopServer();
    try {
      for (const { path, heading } of ROUTES) {
        await page.goto(path);
        await page.get("heading", heading);
      }
      await page.goto("/workout");
      await page.get("heading", "Workout");
    } finally {
      await startServer();
    }
  });
});

test("training days go to the calendar offline: the file the page hands over reads as weekly events", async () => {
  await withBrowser(async (page) => {
    await onboard(page);
    await stopServer();
    try {
      await page.goto("/plan");
      await page.get("region", "Your plan");
      await keepHandedOver(page);
      await page.click("button", "Add my training days to my calendar");
      await page.sees("Saved “backstrong-training-days.ics”");
      const text = await handedOver(page, "no calendar file was handed over");
      const cal = new ICAL.Component(ICAL.parse(text));
      const days = cal.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("rrule").parts.BYDAY[0]);
      assert.deepEqual(days, ["MO", "TH"]);
      assert.ok(text.split("\r\n").every((l) => Buffer.byteLength(l) <= 75));
    } finally {
      await startServer();
    }
  });
});

test("spoken cues: the switch's tap starts speech and each next set is handed to the phone's voice", async () => {
  await withBrowser(async (page) => {
    await startWorkout(page);
    const speaks = await page.eval("return !!window.speechSynthesis && typeof SpeechSynthesisUtterance === 'function'");
    if (!speaks) {
      // This WebKit build has no speech: no switch, and Settings says why.
      assert.equal(await page.count("switch", "Spoken cues"), 0);
      await page.goto("/settings");
      await page.sees("this browser has no speech for web apps");
      return;
    }
    const [cues] = await page.all("switch", "Spoken cues");
    assert.equal(await cues.isSelected(), false, "off until turned on");
    // Recorded on the prototype: WebKit may hand the page a new speechSynthesis object
    // later, without anything set on the old one (a stub there was lost mid-test).
    await page.eval("window.__said = []; SpeechSynthesis.prototype.speak = function (u) { window.__said.push(u.text); };");
    await page.check("switch", "Spoken cues");
    await logWith(page, "button", DONE);
    try {
      await page.driver.wait(() => page.eval("return window.__said.some((t) => t.startsWith('Next: '))"), 20_000);
    } catch {
      const said = await page.eval("return window.__said");
      throw new Error(`no cue for the next set within 20 s; said: ${JSON.stringify(said)}`);
    }
    const said = await page.eval("return window.__said");
    assert.ok(said.includes("Spoken cues on."), said.join(" | "));
  });
});

test("a plan shared as a link opens on a second phone offline, previews and imports", async () => {
  let link = "";
  await withBrowser(async (page) => {
    await onboard(page);
    await page.goto("/plan");
    const share = page.within(await page.get("region", "Share this plan"));
    await share.fill("Name it", "Anna's plan");
    link = await (await share.get("textbox", /^The link/)).getAttribute("value");
    assert.match(link, /\/open#plan=/);
  });
  await withBrowser(async (other) => {
    await other.goto("/");
    await other.get("heading", "Today");
    await controlled(other);
    await stopServer();
    try {
      await other.driver.get(link);
      await other.sees("Anna's plan");
      await other.click("button", "Import as a new plan");
      await other.sees(/saved|imported/i);
    } finally {
      await startServer();
    }
  });
});

test("where WebKit lacks an API the app says so or hides the control", async () => {
  await withBrowser(async (page) => {
    await onboard(page);
    const apis = await page.eval("return { persist: !!navigator.storage?.persist, share: typeof navigator.share }");
    await page.goto("/settings");
    await page.get("heading", "Settings");
    if (!apis.persist) await page.sees("this browser has no way to ask for it, and may clear stored data when space runs low. Export a backup");
    // With no share sheet for files, the backup button downloads, and says so.
    await page.get("button", apis.share === "function" ? /^(Save a backup to…|Export a full backup)$/ : "Export a full backup");
    await page.goto("/plan");
    const share = page.within(await page.get("region", "Share this plan"));
    if (apis.share !== "function") assert.equal(await share.count("button", "Share…"), 0, "no share sheet, no Share button");
    await share.get("button", "Copy link");
    await share.get("button", "Show QR code");
  });
});

/** From now on, keeps the text of the next file the page hands over (WebDriver cannot
 * read a download here: these are the bytes the phone would save). */
async function keepHandedOver(page) {
  await page.eval(`
    window.__saved = null;
    const create = URL.createObjectURL;
    URL.createObjectURL = function (blob) {
      blob.text().then((text) => (window.__saved = text));
      return create.call(URL, blob);
    };`);
}

/** The text of the file handed over since `keepHandedOver`. */
async function handedOver(page, why) {
  await page.driver.wait(() => page.eval("return window.__saved !== null"), 10_000, why);
  return page.eval("return window.__saved");
}

/** Exports a full backup from Settings and returns the path of the file the page handed
 * over. WebDriver cannot read a download here, so the test keeps the bytes the page hands
 * over: the same bytes the phone would save. */
async function exportBackup(page) {
  await keepHandedOver(page);
  await page.click("button", "Export a full backup");
  await page.sees(/Backup saved as backstrong-backup-\d{4}-\d{2}-\d{2}\.json/);
  const saved = await handedOver(page, "no backup was handed over");
  assert.match(saved, /"exported"/);
  const file = join(mkdtempSync(join(tmpdir(), "webkit-backup-")), "backstrong-backup.json");
  writeFileSync(file, saved);
  return file;
}

test("Save a backup to…: a share sheet that takes JSON gets the backup in the tap, offline", async () => {
  await withBrowser(async (page) => {
    await onboard(page);
    await stopServer();
    try {
      // Desktop WebKit has no share sheet; an iPhone's takes .json. The page is given one
      // that takes what Safari's does and records what it is handed; the app's code runs
      // unchanged. Set before Settings opens (by the tab bar: no page load loses it).
      await page.eval(`window.__shared = [];
        navigator.canShare = (d) => !!d?.files?.length && d.files.every((f) => ["application/json", "text/plain"].includes(f.type));
        navigator.share = async (d) => { for (const f of d.files) window.__shared.push({ name: f.name, type: f.type, text: await f.text() }); };`);
      await page.click("link", "Settings");
      await page.get("heading", "Settings");
      await page.click("button", "Save a backup to…");
      await page.sees(/Backup handed over as backstrong-backup-\d{4}-\d{2}-\d{2}\.json/);
      await page.sees(/Last backup saved on/);
      const shared = await page.eval("return window.__shared");
      assert.equal(shared.length, 1);
      assert.equal(shared[0].type, "application/json");
      const backup = JSON.parse(shared[0].text);
      assert.ok(backup.exported && Object.values(backup.stores).flat().length > 0);
    } finally {
      await startServer();
    }
  });
});

test("backup export, delete everything, import: the plan and every set come back", async () => {
  await withBrowser(async (page) => {
    await startWorkout(page);
    await logWith(page, "button", DONE);
    await logWith(page, "button", DONE);
    // The tab bar, not a page load: see the note on imports below.
    await page.click("link", "Settings");
    await page.get("heading", "Settings");
    const file = await exportBackup(page);

    await page.fill("Type DELETE to confirm", "DELETE");
    await page.click("button", "Delete everything");
    await page.sees(/deleted/i);
    // Import on the same page; the test below repeats the round with a full page load
    // between the deletion and the import.
    const input = await page.driver.findElement(By.css("input[type=file]"));
    await input.sendKeys(file);
    const preview = page.within(await page.get("region", "Backup to import"));
    await preview.click("button", "Add to what is here");
    await page.sees(/Imported \d+ records/);
    // A start from the planner's checkpoint asks a store for its first key alone (the
    // day the log begins), as the app's IndexedDB adapter does.
    const firstKeys = await page.eval(`return new Promise((done) => {
      const r = indexedDB.open("backstrong");
      r.onsuccess = () => {
        const q = r.result.transaction("sets").objectStore("sets").getAllKeys(null, 1);
        q.onsuccess = () => { done(q.result.length); r.result.close(); };
      };
    })`);
    assert.equal(firstKeys, 1);
    await page.click("link", "Plan");
    await page.get("region", "Your plan");
    await page.click("link", "History");
    await page.get("heading", "Each exercise");
  });
});

test("delete everything, a full page load, import: ten times over, the store answers every time", async () => {
  await withBrowser(async (page) => {
    await startWorkout(page);
    await logWith(page, "button", DONE);
    await page.goto("/settings");
    await page.get("heading", "Settings");
    const file = await exportBackup(page);
    for (let round = 1; round <= 10; round++) {
      await page.goto("/settings");
      await page.fill("Type DELETE to confirm", "DELETE");
      await page.click("button", "Delete everything");
      await page.sees(/deleted/i);
      // A full page load between the deletion and the import.
      await page.goto("/settings");
      await page.get("heading", "Settings");
      const input = await page.driver.findElement(By.css("input[type=file]"));
      await input.sendKeys(file);
      const preview = page.within(await page.get("region", "Backup to import"));
      await preview.click("button", "Add to what is here");
      await page.sees(/Imported \d+ records/);
      await page.goto("/plan");
      await page.get("region", "Your plan");
    }
  }, true);
});

test("plates in pairs: the form says what they make, and a phase-3 deadlift says what goes on each side, offline", async () => {
  await withBrowser(async (page) => {
    await page.goto("/");
    await page.get("heading", "Today");
    await controlled(page);
    await page.click("link", "Set up my plan");
    await answerSafety(page);
    await page.click("button", "Next");
    await page.click("button", "Next");
    await page.check("checkbox", "Barbell and plates");
    // One pair of 20s and no 10s: 20 kg to 77.5 kg, with a gap below the 20s.
    await page.fill("Pairs of 20 kg plates", "1");
    await page.fill("Pairs of 10 kg plates", "0");
    await page.sees("These make 20 kg to 77.5 kg; the steps between are 2.5 kg to 22.5 kg, so some loads are out of reach.");
    await page.click("button", "Next");
    await page.check("radio", "Deadlift with a barbell again");
    await page.check("checkbox", "I lifted weights regularly before my back pain");
    await page.click("button", "Next");
    await page.click("button", "Next");
    await page.click("button", "Make my plan");
    await page.get("region", "Your plan");

    // Ten calm weeks of history, restored from a backup: phase 3 brings the deadlift back.
    await page.click("link", "Settings");
    await page.get("heading", "Settings");
    const file = await exportBackup(page);
    const backup = JSON.parse(readFileSync(file, "utf8"));
    synthesize(backup, { days: 70 });
    calm(backup);
    writeFileSync(file, JSON.stringify(backup));
    const input = await page.driver.findElement(By.css("input[type=file]"));
    await input.sendKeys(file);
    const preview = page.within(await page.get("region", "Backup to import"));
    await preview.click("button", "Replace everything here…");
    await preview.click("button", "Yes, replace everything on this device");
    await page.sees(/Replaced everything on this device/, 60_000);

    await stopServer();
    try {
      await page.goto("/workout");
      await page.click("button", "Start session");
      await page.get("button", DONE);
      await page.click("button", /Barbell deadlift/);
      const next = page.within(await page.get("group", "Next set of Barbell deadlift"));
      await next.sees("The bar alone (20 kg)");
      await next.click("button", "Heavier");
      await next.sees("20 kg bar · per side 1.25");
      await next.click("button", "Heavier");
      await next.sees("20 kg bar · per side 2.5");
      await next.click("button", "Heavier");
      await next.sees("20 kg bar · per side 2.5 + 1.25");
    } finally {
      await startServer();
    }
  });
});

test("a whole workout, five times over, each from a fresh start to its summary", async () => {
  for (let round = 1; round <= 5; round++) {
    await withBrowser(async (page) => {
      await startWorkout(page);
      while ((await page.count("button", DONE)) > 0) await logWith(page, "button", DONE);
      await page.click("button", "Finish session");
      await page.get("region", "Session summary");
    }, true);
  }
});
