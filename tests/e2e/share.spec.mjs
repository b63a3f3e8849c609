// Sharing a plan as a link and a QR code; opening links, good and bad, offline.
import { test, expect, phone } from "./fixtures.mjs";
import jsQR from "jsqr";
import { expectScreen, waitForControl, onboard } from "./helpers.mjs";

const MONDAY = Date.parse("2026-05-04T09:00:00");

async function installAndGoOffline(page, context) {
  await page.goto("/");
  await expectScreen(page, "Today");
  await waitForControl(page);
  await context.setOffline(true);
}

/** A user's plan with one exercise swapped by hand, and its share link. */
async function sharedLink(page, title) {
  await page.goto("/plan");
  const session = page.locator("article", { hasText: "Session A" });
  await session.getByText("Swap Wall hip hinge").click();
  await session.getByRole("button", { name: "Dowel hinge drill" }).click();
  await expect(session.getByText("Your choice, in place of Wall hip hinge.")).toBeVisible();
  const card = page.getByRole("region", { name: "Share this plan" });
  await card.getByLabel("Name it").fill(title);
  const link = await card.getByLabel(/The link/).inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open#plan=[A-Za-z0-9_-]+$/);
  return link;
}

/** Renders the QR code's SVG as pixels (in a page without the app's CSP) and decodes it. */
async function decodeQr(page, browser) {
  const png = await page.locator(".qr").screenshot();
  const canvasPage = await browser.newPage();
  const pixels = await canvasPage.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height);
    return { w: d.width, h: d.height, data: Array.from(d.data) };
  }, png.toString("base64"));
  await canvasPage.close();
  const found = jsQR(Uint8ClampedArray.from(pixels.data), pixels.w, pixels.h);
  return found && found.data;
}

test("a plan shared from one phone opens on another offline, previews, imports and can be followed", async ({ browser, baseURL }) => {
  const mine = await phone({ baseURL });
  const a = mine.pages()[0];
  await a.clock.setFixedTime(MONDAY);
  await onboard(a);
  const link = await sharedLink(a, "Sam's back plan");
  console.log(`share link length: ${link.length} characters`);
  expect(link.length).toBeLessThan(1500);

  // The QR code carries exactly the link.
  const card = a.getByRole("region", { name: "Share this plan" });
  await card.getByRole("button", { name: "Show QR code" }).click();
  await expect(a.getByRole("img", { name: "QR code of the plan link" })).toBeVisible();
  expect(await decodeQr(a, browser)).toBe(link);
  await mine.close();

  // A friend's phone: the app installed once, then no signal.
  const friendCtx = await phone({ baseURL });
  const b = friendCtx.pages()[0];
  await b.clock.setFixedTime(MONDAY);
  await onboard(b);
  await installAndGoOffline(b, friendCtx);
  await b.goto(link);
  await expectScreen(b, "A shared plan");
  const preview = b.getByRole("region", { name: "Plan preview" });
  await expect(preview.getByRole("heading", { name: "Sam's back plan" })).toBeVisible();
  await expect(preview).toContainText("Dowel hinge drill");
  await expect(preview).not.toContainText(/pain/i);
  await b.getByRole("button", { name: "Import as a new plan" }).click();
  await expect(b.getByRole("status")).toContainText("Your own plan and history have not changed");

  // The friend's own plan is untouched until they choose to follow the shared one.
  await b.getByRole("link", { name: "See it under Plan" }).click();
  await expect(b.locator("article", { hasText: "Session A" }).first()).toContainText("Wall hip hinge");
  await b.locator("details.saved-plan summary").click();
  const saved = b.locator("details.saved-plan");
  await expect(saved).toContainText("Dowel hinge drill instead of Wall hip hinge");
  await saved.getByRole("button", { name: "Follow this plan from today" }).click();
  await expect(b.getByRole("status")).toContainText("You are now following “Sam's back plan”");
  await expect(b.locator("article", { hasText: "Session A" }).first()).toContainText("Dowel hinge drill");
  await friendCtx.close();
});

test("a plan name with markup in it shows as text", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await onboard(page);
  const evil = `<img src=x onerror="window.__pwned=1">`;
  const link = await sharedLink(page, evil);
  await installAndGoOffline(page, context);
  await page.goto(link);
  const preview = page.getByRole("region", { name: "Plan preview" });
  await expect(preview.getByRole("heading", { level: 2 })).toHaveText(evil);
  await expect(preview.locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test("bad links are refused with a clear message and import nothing", async ({ page, context }) => {
  await page.clock.setFixedTime(MONDAY);
  await onboard(page);
  const link = await sharedLink(page, "Good plan");
  await installAndGoOffline(page, context);
  const code = link.split("#plan=")[1];
  const flipped = code.slice(0, -3) + (code.at(-3) === "A" ? "B" : "A") + code.slice(-2);
  const cases = [
    [`/open#plan=${code.slice(0, code.length / 2)}`, /cut short|damaged/],
    [`/open#plan=${flipped}`, /damaged|cut short/],
    ["/open#plan=%%%not-a-plan%%%", /does not look like a Backstrong plan link/],
    [`/open#plan=${"A".repeat(9000)}`, /far longer than any plan link/],
    ["/open", /Paste a plan link or code first/],
  ];
  for (const [url, message] of cases) {
    await page.goto(url);
    await expectScreen(page, "A shared plan");
    await expect(page.getByRole("alert")).toHaveText(message);
    await expect(page.getByRole("button", { name: "Import as a new plan" })).toHaveCount(0);
  }
  // The import box says the same for a pasted link, and previews a good one.
  await page.goto("/plan");
  const box = page.getByRole("region", { name: "Import a plan" });
  await box.getByLabel("Paste the link someone sent you").fill("hello");
  await box.getByRole("button", { name: "Show the plan" }).click();
  await expect(box.getByRole("alert")).toHaveText(/does not look like/);
  await box.getByLabel("Paste the link someone sent you").fill(`Here it is: ${link}`);
  await box.getByRole("button", { name: "Show the plan" }).click();
  await expect(box.getByRole("heading", { name: "Good plan" })).toBeVisible();
  await expect(page.locator("details.saved-plan")).toHaveCount(0);
});
