import { chromium } from "playwright-core";
const ids = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 900, height: 900 }, deviceScaleFactor: 1, reducedMotion: "reduce" });
const page = await ctx.newPage();
await page.goto("http://127.0.0.1:4190/learn/exercises");
await page.getByRole("heading", { name: "The exercises" }).waitFor();
await page.addStyleTag({ content: ".fig-stills{grid-template-columns:repeat(2,1fr)!important} .cues{display:none} .tabs{display:none} .fig{max-width:none}" });
const shots = [];
for (const id of ids) {
  const d = page.locator(`details[data-id="${id}"]`);
  await d.evaluate((d) => (d.open = true));
}
const container = page.locator("main");
// One sheet with just the chosen ones.
await page.evaluate((ids) => {
  document.querySelectorAll("details.exercise").forEach((d) => { if (!ids.includes(d.dataset.id)) d.closest("li").style.display = "none"; });
  document.querySelectorAll("section.card").forEach((s) => { if (!s.querySelector("details[open]")) s.style.display = "none"; });
}, ids);
await page.screenshot({ path: "/tmp/sheets/pick.png", fullPage: true });
await browser.close();
