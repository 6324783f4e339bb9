import type { Answers, SurveyDefinition } from "@zhichan/core/survey/index.ts";
import ExcelJS from "exceljs";
import { readUploadedRows, UNREADABLE_WORKBOOK } from "../../uploads/read-workbook.js";

/** The answer sheet of a survey: one question per row (code, question, unit, answer). */
export async function answerTemplate(title: string, def: SurveyDefinition): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("填报");
  ws.columns = [
    { header: "问题代码", width: 20 },
    { header: "问题", width: 30 },
    { header: "单位", width: 10 },
    { header: "答案", width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const q of def.questions) ws.addRow([q.key, `${q.labelZh}${q.required ? "（必填）" : ""}`, q.unit ?? "", ""]);
  wb.title = title;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Answers from a filled answer sheet, with the Excel row of every question (for row-numbered errors). */
export async function readAnswerSheet(
  bytes: Uint8Array,
): Promise<{ answers: Answers; rowOf: Map<string, number>; error: string | null }> {
  const rows = await readUploadedRows(bytes);
  if (!rows) return { answers: {}, rowOf: new Map(), error: UNREADABLE_WORKBOOK };
  const header = (rows[0] ?? []).map((c) => String(c ?? "").trim());
  const keyCol = header.indexOf("问题代码");
  const answerCol = header.indexOf("答案");
  if (keyCol < 0 || answerCol < 0)
    return { answers: {}, rowOf: new Map(), error: "第 1 行须有「问题代码」和「答案」两列" };
  const answers: Answers = {};
  const rowOf = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const key = String(rows[i]?.[keyCol] ?? "").trim();
    if (!key) continue;
    const v = rows[i]?.[answerCol];
    answers[key] =
      v === null || v === undefined
        ? null
        : v instanceof Date
          ? v.toISOString().slice(0, 10)
          : typeof v === "number"
            ? v
            : String(v);
    rowOf.set(key, i + 1);
  }
  return { answers, rowOf, error: null };
}
