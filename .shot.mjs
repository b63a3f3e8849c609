import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const p = await b.newPage({ viewport: { width: 780, height: 1400 } });
await p.goto("file://" + process.cwd() + "/" + process.argv[2]);
await p.evaluate(() => { const i = document.querySelector("img"); i.removeAttribute("class"); i.style.cssText = "width:780px;height:auto;position:absolute;top:0;left:0;margin:0"; });
const ys = process.argv.slice(3).map(Number);
for (const [n, y] of ys.entries()) { await p.evaluate((y) => window.scrollTo(0, y), y); await p.screenshot({ path: `/tmp/shot${n}.png` }); }
await b.close();
