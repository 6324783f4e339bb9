import os from "node:os";
import { AppError } from "@zhichan/core";
import { type Browser, chromium, type Page } from "playwright-core";
import { lowerBrowserPriority } from "./background-priority.js";
import { chromiumInstalled, chromiumLaunchOptions } from "./chromium.js";
import { RenderQueue } from "./render-queue.js";

/**
 * The one way the server prints HTML to PDF (navigation reports, the plan's yearly report): one shared Debian
 * Chromium, at most PDF_PAGES pages at once, the rest waiting in a bounded FIFO queue (beyond it: 429, try again).
 */
/** One page per core beyond the first (at least one): printing must leave a core for searches. */
export const PDF_PAGES = Math.min(2, Math.max(1, os.availableParallelism() - 1));
export const PDF_QUEUE = 10;
/** A page that has not printed by then is closed (its slot freed) and the request fails. */
const RENDER_TIMEOUT_MS = 60_000;
const IDLE_MS = 60_000;

const NO_CHROMIUM =
  "PDF 导出需要服务器安装 Chromium，请联系管理员 · PDF export needs Chromium on the server: ask the administrator";

export type PdfOptions = NonNullable<Parameters<Page["pdf"]>[0]>;

const queue = new RenderQueue(PDF_PAGES, PDF_QUEUE);
let shared: Promise<Browser> | null = null;
let idle: NodeJS.Timeout | null = null;

/**
 * Renders HTML (self-contained: no network) to PDF, waiting for a free page if all are busy. Pass a function to
 * build the HTML only once a page is free: building a report's print page (charts as SVG) is main-thread work too.
 */
export function renderPdf(html: string | (() => string), options: PdfOptions): Promise<Buffer> {
  if (!chromiumInstalled()) return Promise.reject(new AppError("INTERNAL", NO_CHROMIUM)); // the log has the command
  return queue.run(async () => {
    if (idle) clearTimeout(idle);
    idle = null;
    try {
      return await printPage(await browser(), typeof html === "string" ? html : html(), options);
    } finally {
      if (queue.active <= 1 && queue.queued === 0) closeWhenIdle();
    }
  });
}

/** Closes the shared browser now (tests, shutdown). */
export async function closePdfBrowser(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const b = shared;
  shared = null;
  await b?.then((x) => x.close()).catch(() => {});
}

function browser(): Promise<Browser> {
  shared ??= chromium
    .launch(chromiumLaunchOptions()) // the one Chromium setting (chromium.ts); a missing one names the install command
    .then((b) => {
      b.on("disconnected", () => {
        shared = null;
      });
      return b;
    });
  const launching = shared;
  return launching.catch((e) => {
    if (shared === launching) shared = null;
    throw e;
  });
}

/** Launching costs a second or two: keep the browser a minute after the last render. */
function closeWhenIdle(): void {
  idle = setTimeout(() => void closePdfBrowser(), IDLE_MS);
  idle.unref();
}

async function printPage(b: Browser, html: string, options: PdfOptions): Promise<Buffer> {
  const page = await b.newPage();
  lowerBrowserPriority(); // the new page's renderer too
  const timer = setTimeout(() => void page.close().catch(() => {}), RENDER_TIMEOUT_MS);
  try {
    page.setDefaultTimeout(RENDER_TIMEOUT_MS);
    await page.setContent(html, { waitUntil: "load" });
    return Buffer.from(await page.pdf(options));
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => {});
  }
}
