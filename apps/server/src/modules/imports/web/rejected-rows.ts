import { PassThrough, type Readable } from "node:stream";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { safeCell } from "../../search/export-columns.js";
import { writeXlsx } from "../../search/xlsx-writer.js";
import type { IssueRow, WebImportsRepository } from "./web-imports.repository.js";

const PAGE = 500;

export const REJECTED_COLUMNS = [
  { header: "行号 Row", width: 8 },
  { header: "类别 Kind", width: 16 },
  { header: "原因 Reason", width: 60 },
  { header: "原始行 Raw row", width: 100 },
];

const KIND = { error: "拒收 rejected", warning: "警告 warning (loaded)" } as const;

function cells(r: IssueRow): string[] {
  const kind = KIND[r.severity as keyof typeof KIND] ?? r.severity;
  return [String(r.row_number), kind, safeCell(r.reason), safeCell(r.raw ?? "")];
}

/** Rejected rows first, then rows loaded with a warning, each in row order, a page at a time. */
async function* batches(repo: WebImportsRepository, runId: number): AsyncGenerator<string[][]> {
  for (const severity of ["error", "warning"] as const) {
    let after = 0;
    for (;;) {
      const page = repo.issuePage(runId, severity, after, PAGE);
      if (page.length === 0) break;
      yield page.map(cells);
      after = page[page.length - 1].row_number;
      await yieldToEventLoop();
    }
  }
}

/**
 * The rows an import rejected (row number, reason, the raw row as read) and the rows it loaded with a warning,
 * marked, as one XLSX sheet written by the search exports' streaming writer (never the whole file in memory).
 */
export function rejectedRowsXlsx(repo: WebImportsRepository, runId: number): Readable {
  const out = new PassThrough();
  writeXlsx(out, { name: "拒收行 Rejected rows", columns: REJECTED_COLUMNS }, batches(repo, runId)).catch(
    (err: Error) => out.destroy(err),
  );
  return out;
}
