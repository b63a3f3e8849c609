// Lays the still-pose captures of every exercise (tests/artifacts/figures/, written by
// figures.spec.mjs) out as contact sheets, sixteen to a sheet, to look at them all at once.
// Usage: node scripts/figure-sheet.mjs   → tests/artifacts/figure-sheet-N.png
import { chromium } from "playwright-core";
import { readdirSync, readFileSync } from "node:fs";

const dir = "tests/artifacts/figures/";
const files = readdirSync(dir).filter((f) => f.endsWith(".png")).sort();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  const per = 16;
  for (let s = 0; s * per < files.length; s++) {
    const cells = files
      .slice(s * per, (s + 1) * per)
      .map((f) => `<figure><img src="data:image/png;base64,${readFileSync(dir + f).toString("base64")}"><figcaption>${f.slice(0, -4)}</figcaption></figure>`)
      .join("");
    await page.setContent(`<style>body{margin:0;background:#111;color:#eee;font:16px sans-serif;display:grid;grid-template-columns:repeat(4,1fr);gap:4px}figure{margin:0}img{width:100%}</style>${cells}`);
    await page.screenshot({ path: `tests/artifacts/figure-sheet-${s + 1}.png`, fullPage: true });
  }
  console.log(`${files.length} exercises on ${Math.ceil(files.length / per)} sheets in tests/artifacts/`);
} finally {
  await browser.close();
}
