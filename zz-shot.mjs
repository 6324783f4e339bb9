import { chromium } from "playwright-core";
const [url, out, ...ys] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const p = await b.newPage({ viewport: { width: 1280, height: 1000 } });
await p.goto(url, { waitUntil: "networkidle" });
await p.waitForTimeout(1200);
for (const y of ys.length ? ys : ["0"]) {
  await p.evaluate((yy) => window.scrollTo(0, Number(yy)), y);
  await p.waitForTimeout(300);
  await p.screenshot({ path: `${out}-${y}.png` });
}
await b.close();
