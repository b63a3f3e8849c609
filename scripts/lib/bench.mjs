// What the browser benchmarks share: the release build served on a port, headless
// Chromium, and a new user set up with every default.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { SAFETY_QUESTIONS } from "../../tests/shared/journey.mjs";

/** Serves `DIST` (default dist/) on `PORT` (or `port`) and launches Chromium. */
export async function serveAndLaunch(port) {
  const PORT = Number(process.env.PORT || port);
  const server = spawn("python3", ["scripts/serve.py", process.env.DIST || "dist", String(PORT)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 700));
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
  });
  return {
    base: `http://127.0.0.1:${PORT}`,
    browser,
    async close() {
      await browser.close();
      server.kill();
    },
  };
}

/** Onboards with every default answer and waits for the first plan. */
export async function onboard(page, base) {
  await page.goto(`${base}/start`);
  for (const q of SAFETY_QUESTIONS) await page.getByRole("group", { name: q }).getByLabel("No", { exact: true }).check();
  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Make my plan" }).click();
  await page.getByRole("region", { name: "Your plan", exact: true }).waitFor();
}
