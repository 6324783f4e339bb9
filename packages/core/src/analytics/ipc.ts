import type { AnalyticsColumns } from "./columns.js";
import { pct, ratio, round, topK } from "./common.js";
import type { IpcSection, ReportLabels } from "./types.js";

const HEAT_CODES = 15;
const HEAT_YEARS = 15;

/** IPC subclass structure (a document counts once per distinct subclass) and a subclass × year heatmap. */
export function ipcStructure(
  cols: AnalyticsColumns,
  rows: Int32Array,
  years: number[],
  topN: number,
  labels: ReportLabels,
): IpcSection {
  const counts = new Uint32Array(cols.dict.subclass.length);
  const { offs, vals } = cols.subclass;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = offs[r]; j < offs[r + 1]; j++) counts[vals[j]]++;
  }
  const top = topK(counts, topN).map((o) => {
    const code = cols.dict.subclass[o];
    return { code, name: labels.ipc?.(code) ?? code, count: counts[o], share: round(ratio(counts[o], rows.length)) };
  });
  const heatOrd = topK(counts, HEAT_CODES);
  const heatYears = years.slice(-HEAT_YEARS);
  const y0 = heatYears[0] ?? 0;
  const slot = new Int32Array(cols.dict.subclass.length).fill(-1);
  heatOrd.forEach((o, k) => {
    slot[o] = k;
  });
  const cells = heatOrd.map(() => new Array<number>(heatYears.length).fill(0));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const y = cols.year[r] - y0;
    if (cols.year[r] === 0 || y < 0 || y >= heatYears.length) continue;
    for (let j = offs[r]; j < offs[r + 1]; j++) {
      const k = slot[vals[j]];
      if (k >= 0) cells[k][y]++;
    }
  }
  const heatmap = { codes: heatOrd.map((o) => cols.dict.subclass[o]), years: heatYears, cells };
  return { top, heatmap, reading: ipcReading(top, heatmap, rows.length) };
}

function ipcReading(top: IpcSection["top"], heat: IpcSection["heatmap"], total: number): string[] {
  if (top.length === 0) return ["命中文献没有 IPC 分类号。"];
  const title = top[0].name.split(/[；;，,]/)[0].slice(0, 24);
  const out = [`涉及最多的 IPC 小类是 ${top[0].code}（${title}），${top[0].count} 件，占 ${pct(top[0].share)}。`];
  const top3 = top.slice(0, 3);
  if (top3.length === 3 && total > 0)
    out.push(
      `前三个小类 ${top3.map((t) => t.code).join("、")} 分别覆盖 ${top3.map((t) => pct(t.share)).join("、")} 的文献（一件文献可属多个小类）。`,
    );
  // the subclass whose share of the last 3 heatmap years rose most against the 3 before
  const n = heat.years.length;
  if (n >= 6) {
    let best = -1;
    let bestGain = 0;
    heat.cells.forEach((row, k) => {
      const recent = row[n - 1] + row[n - 2] + row[n - 3];
      const prev = row[n - 4] + row[n - 5] + row[n - 6];
      const gain = recent - prev;
      if (gain > bestGain) {
        bestGain = gain;
        best = k;
      }
    });
    if (best >= 0)
      out.push(
        `热力图中 ${heat.codes[best]} 在 ${heat.years[n - 3]}–${heat.years[n - 1]} 年比前三年多 ${bestGain} 件，增量最大。`,
      );
  }
  return out;
}
