import type { MatrixResponse } from "@zhichan/shared";
import ExcelJS from "exceljs";

type Lang = "zh" | "en";

const WORDS = {
  zh: {
    matrix: "技术功效矩阵",
    defs: "定义",
    corner: "技术分支 \\ 功效",
    total: "合计",
    query: "检索式",
    unit: "计数单位",
    units: { invention: "件申请（同一申请的各次公开计为一件）", publication: "件公开文献" },
    hits: "命中",
    blanks: "空白点（无命中的单元格）",
    kind: "类别",
    name: "名称",
    definition: "检索式 / 功效词",
    branch: "技术分支",
    effect: "功效",
  },
  en: {
    matrix: "Technology-effect matrix",
    defs: "Definitions",
    corner: "Branch \\ effect",
    total: "Total",
    query: "Query",
    unit: "Counted in",
    units: { invention: "inventions (an application's publications count once)", publication: "publications" },
    hits: "Hits",
    blanks: "White space (cells with no hits)",
    kind: "Kind",
    name: "Name",
    definition: "Query / effect terms",
    branch: "Branch",
    effect: "Effect",
  },
} as const;

/** The white space a matrix is read for: cells with no hits stand out in a pale fill. */
const BLANK_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF7E0" } };

/** The matrix as a workbook: counts (with row and column totals), then each branch's query and effect's terms. */
export async function matrixXlsx(m: MatrixResponse, q: string, lang: Lang): Promise<Buffer> {
  const w = WORDS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = "知产 Zhichan";
  const ws = wb.addWorksheet(w.matrix);
  ws.addRow([w.query, q]);
  ws.addRow([w.unit, w.units[m.unit]]);
  ws.addRow([w.hits, m.total]);
  ws.addRow([w.blanks, m.blanks]);
  ws.addRow([]);
  const head = ws.addRow([w.corner, ...m.effects.map((e) => e.label), w.total]);
  head.font = { bold: true };
  m.branches.forEach((b, i) => {
    const row = ws.addRow([b.label, ...m.cells[i].map((c) => c.count), b.total]);
    m.cells[i].forEach((c, k) => {
      if (c.count === 0) row.getCell(k + 2).fill = BLANK_FILL;
    });
  });
  ws.addRow([w.total, ...m.effects.map((e) => e.total)]).font = { bold: true };
  ws.getColumn(1).width = 28;
  for (let k = 0; k < m.effects.length + 1; k++) ws.getColumn(k + 2).width = 14;
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 6 }];

  const defs = wb.addWorksheet(w.defs);
  defs.addRow([w.kind, w.name, w.definition]).font = { bold: true };
  for (const b of m.branches) defs.addRow([w.branch, b.label, b.query]);
  for (const e of m.effects) defs.addRow([w.effect, e.label, e.terms.join(lang === "zh" ? "；" : "; ")]);
  defs.columns = [{ width: 12 }, { width: 28 }, { width: 90 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
