import { PassThrough, type Readable } from "node:stream";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { safeCell } from "../../search/export-columns.js";
import { writeXlsx } from "../../search/xlsx-writer.js";
import { type IssueLang, rowReason, storedIssues } from "../import-issues.js";
import type { IssueRow, WebImportsRepository } from "./web-imports.repository.js";

const PAGE = 500;

/** The sheet's words in each language (the reader's: `lang` or Accept-Language of the download). */
const WORDS = {
  zh: {
    sheet: "拒收行",
    columns: ["行号", "类别", "原因", "原始行"],
    kind: { error: "拒收", warning: "警告（已导入）" },
  },
  en: {
    sheet: "Rejected rows",
    columns: ["Row", "Kind", "Reason", "Raw row"],
    kind: { error: "rejected", warning: "warning (loaded)" },
  },
} as const;
const WIDTHS = [8, 16, 60, 100];

export const rejectedColumns = (lang: IssueLang) =>
  WORDS[lang].columns.map((header, i) => ({ header, width: WIDTHS[i] }));

/** A row's reason in the language asked for; a row written before issues had codes keeps its English text. */
function reasonOf(r: IssueRow, lang: IssueLang): string {
  const stored = storedIssues(r.params_json);
  return stored?.issues.length ? rowReason(stored.place, stored.issues, lang) : r.reason;
}

function cells(r: IssueRow, lang: IssueLang): string[] {
  const kind = WORDS[lang].kind[r.severity as "error" | "warning"] ?? r.severity;
  return [String(r.row_number), kind, safeCell(reasonOf(r, lang)), safeCell(r.raw ?? "")];
}

/** Rejected rows first, then rows loaded with a warning, each in row order, a page at a time. */
async function* batches(repo: WebImportsRepository, runId: number, lang: IssueLang): AsyncGenerator<string[][]> {
  for (const severity of ["error", "warning"] as const) {
    let after = 0;
    for (;;) {
      const page = repo.issuePage(runId, severity, after, PAGE);
      if (page.length === 0) break;
      yield page.map((r) => cells(r, lang));
      after = page[page.length - 1].row_number;
      await yieldToEventLoop();
    }
  }
}

/**
 * The rows an import rejected (row number, reason, the raw row as read) and the rows it loaded with a warning,
 * marked, as one XLSX sheet written by the search exports' streaming writer (never the whole file in memory), its
 * words and reasons in the reader's language.
 */
export function rejectedRowsXlsx(
  repo: WebImportsRepository,
  runId: number,
  lang: IssueLang,
  /** The package parts' modification time. */
  modified: Date,
): Readable {
  const out = new PassThrough();
  writeXlsx(
    out,
    { name: WORDS[lang].sheet, columns: rejectedColumns(lang) },
    batches(repo, runId, lang),
    modified,
  ).catch((err: Error) => out.destroy(err));
  return out;
}
