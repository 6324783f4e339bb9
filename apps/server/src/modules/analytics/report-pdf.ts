import fs from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = process.env.ZHICHAN_CHROMIUM ?? "/usr/bin/chromium";

export function pdfAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

const IDLE_MS = 60_000;
let shared: Promise<Browser> | null = null;
let idle: NodeJS.Timeout | null = null;
let inUse = 0;

/** One Chromium shared by exports, closed after a minute without any (launching costs a second or two). */
async function acquire(): Promise<Browser> {
  if (idle) clearTimeout(idle);
  idle = null;
  inUse++;
  shared ??= chromium
    .launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    })
    .then((b) => {
      b.on("disconnected", () => {
        shared = null;
      });
      return b;
    });
  try {
    return await shared;
  } catch (e) {
    shared = null;
    inUse--;
    throw e;
  }
}

function release(): void {
  inUse--;
  if (inUse > 0) return;
  idle = setTimeout(() => {
    const b = shared;
    shared = null;
    void b?.then((x) => x.close()).catch(() => {});
  }, IDLE_MS);
  idle.unref();
}

/** Closes the shared browser now (tests, shutdown). */
export async function closePdfBrowser(): Promise<void> {
  if (idle) clearTimeout(idle);
  const b = shared;
  shared = null;
  await b?.then((x) => x.close()).catch(() => {});
}

/**
 * Chromium print-to-PDF of the print page: fonts-noto-cjk gives selectable Chinese text; page numbers come from
 * the footer template.
 */
export async function htmlToPdf(html: string, title: string): Promise<Buffer> {
  const browser = await acquire();
  try {
    return await printPage(browser, html, title);
  } finally {
    release();
  }
}

async function printPage(browser: Browser, html: string, title: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:8px;width:100%;text-align:right;padding-right:15mm;color:#889;font-family:'Noto Sans CJK SC'">${title.replace(/[<>&]/g, "")}</div>`,
      footerTemplate:
        '<div style="font-size:9px;width:100%;text-align:center;color:#556;font-family:\'Noto Sans CJK SC\'">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>',
      margin: { top: "16mm", bottom: "18mm", left: "15mm", right: "15mm" },
    });
    return Buffer.from(pdf);
  } finally {
    await page.close().catch(() => {});
  }
}
