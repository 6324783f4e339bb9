import fs from "node:fs";
import os from "node:os";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { lowerBrowserPriority, PDF_NICE } from "./background-priority.js";
import { chromiumLaunchOptions } from "./chromium.js";

function chromiumDescendants(root: number): number[] {
  const parent = new Map<number, number>();
  const comm = new Map<number, string>();
  for (const name of fs.readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      comm.set(Number(name), stat.slice(stat.indexOf("(") + 1, close));
      parent.set(Number(name), Number(stat.slice(close + 2).split(" ")[1]));
    } catch {}
  }
  const isBelow = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...comm].filter(([pid, c]) => /chrom/i.test(c) && isBelow(pid)).map(([pid]) => pid);
}

describe("lowerBrowserPriority", () => {
  it("gives every Chromium process below this one, renderers included, the background nice value", async () => {
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage();
      await page.setContent("<p>打印</p>");
      const before = chromiumDescendants(process.pid);
      expect(before.length).toBeGreaterThan(1); // browser + zygote/renderer processes
      expect(before.some((pid) => os.getPriority(pid) < PDF_NICE)).toBe(true);
      expect(lowerBrowserPriority()).toBeGreaterThan(0);
      const after = chromiumDescendants(process.pid);
      for (const pid of after) expect(os.getPriority(pid)).toBeGreaterThanOrEqual(PDF_NICE);
      expect(lowerBrowserPriority()).toBe(0); // nothing left to lower
    } finally {
      await browser.close();
    }
  });

  it("leaves processes that are not Chromium alone", () => {
    expect(os.getPriority(process.pid)).toBe(0);
    lowerBrowserPriority();
    expect(os.getPriority(process.pid)).toBe(0);
  });
});
