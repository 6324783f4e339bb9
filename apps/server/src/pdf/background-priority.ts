import fs from "node:fs";
import os from "node:os";

/** Nice value for the PDF browser: the kernel then gives searches the CPU first and Chromium what is left. */
export const PDF_NICE = 10;

/**
 * Lowers the CPU priority of every Chromium process below this one (the browser, its zygotes and renderers).
 * Called after each new page, because renderers forked from a zygote started before the first call keep the
 * zygote's priority. Printing a report page is seconds of CPU; on a 2-core server, at normal priority two pages
 * made other users' searches 11x slower (issue #13). Linux only (/proc); elsewhere it does nothing.
 */
export function lowerBrowserPriority(rootPid = process.pid, nice = PDF_NICE): number {
  const children = childrenByParent();
  let lowered = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    for (const child of children.get(pid) ?? []) {
      stack.push(child.pid);
      if (!/chrom/i.test(child.comm)) continue;
      try {
        if (os.getPriority(child.pid) < nice) {
          os.setPriority(child.pid, nice);
          lowered++;
        }
      } catch {
        // the process ended meanwhile
      }
    }
  }
  return lowered;
}

function childrenByParent(): Map<number, { pid: number; comm: string }[]> {
  const map = new Map<number, { pid: number; comm: string }[]>();
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return map;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split at the last ")"
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const ppid = Number(stat.slice(close + 2).split(" ")[1]);
      const list = map.get(ppid) ?? [];
      list.push({ pid: Number(name), comm });
      map.set(ppid, list);
    } catch {
      // the process ended while we read
    }
  }
  return map;
}
