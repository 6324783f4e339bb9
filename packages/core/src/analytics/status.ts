import type { AnalyticsColumns } from "./columns.js";
import { pct, ratio, round, topK } from "./common.js";
import type { AgenciesSection, CitationsSection, LegalSection, ReportLabels } from "./types.js";

/** Legal status counts; lapse rate = lapsed / (valid + lapsed), i.e. of the rights that ever took effect. */
export function legalStatus(cols: AnalyticsColumns, rows: Int32Array, labels: ReportLabels): LegalSection {
  const counts = new Uint32Array(cols.dict.status.length);
  for (let i = 0; i < rows.length; i++) counts[cols.status[rows[i]]]++;
  const byStatus = topK(counts, counts.length).map((o) => {
    const code = cols.dict.status[o];
    return { code, name: labels.status(code), count: counts[o], share: round(ratio(counts[o], rows.length)) };
  });
  const get = (code: string) => byStatus.find((s) => s.code === code)?.count ?? 0;
  const lapsed = get("lapsed");
  const decided = get("valid") + lapsed;
  const lapseRate = decided > 0 ? round(lapsed / decided) : null;
  const reading: string[] = [];
  if (byStatus[0])
    reading.push(`最多的法律状态是“${byStatus[0].name}”（${byStatus[0].count} 件，${pct(byStatus[0].share)}）。`);
  if (lapseRate !== null)
    reading.push(`有效与失效合计 ${decided} 件，其中失效 ${lapsed} 件，失效率 ${pct(lapseRate)}。`);
  const unknown = get("unknown");
  if (unknown > 0)
    reading.push(`${unknown} 件的来源未给出法律状态（${pct(ratio(unknown, rows.length))}），不计入失效率。`);
  return { byStatus, decided, lapsed, lapseRate, reading };
}

/** Most-cited patents among rows whose source gives a citation count. */
export function citations(cols: AnalyticsColumns, rows: Int32Array, topN: number): CitationsSection {
  // histogram of citation counts (capped) → the threshold of the top N → sort only the rows at or above it
  const CAP = 4095;
  const hist = new Uint32Array(CAP + 1);
  let covered = 0;
  for (let i = 0; i < rows.length; i++) {
    const c = cols.citedBy[rows[i]];
    if (c < 0) continue;
    covered++;
    hist[Math.min(c, CAP)]++;
  }
  const citedCount = covered - hist[0];
  let threshold = 1;
  for (let v = CAP, acc = 0; v >= 1; v--) {
    acc += hist[v];
    if (acc >= topN) {
      threshold = v;
      break;
    }
  }
  const pool: number[] = [];
  for (let i = 0; i < rows.length; i++) if (cols.citedBy[rows[i]] >= threshold) pool.push(rows[i]);
  pool.sort((a, b) => cols.citedBy[b] - cols.citedBy[a] || cols.ids[a] - cols.ids[b]);
  const cited = { length: citedCount };
  const top = pool.slice(0, topN).map((r) => ({
    id: cols.ids[r],
    pubNo: cols.pubNo[r],
    title: cols.title[r],
    citedBy: cols.citedBy[r],
  }));
  const reading =
    covered === 0
      ? ["命中文献的来源均未给出被引次数，本节无数据。"]
      : [
          `${covered} 件（${pct(ratio(covered, rows.length))}）有被引次数，其中被引过的 ${cited.length} 件。`,
          top[0] ? `被引最多的是 ${top[0].pubNo}《${top[0].title}》（${top[0].citedBy} 次）。` : "",
        ].filter(Boolean);
  return { covered, top, reading };
}

/** Patent agencies serving the hit set (first agency named on each patent). */
export function agencies(cols: AnalyticsColumns, rows: Int32Array, topN: number): AgenciesSection {
  const counts = new Uint32Array(cols.dict.agency.length);
  for (let i = 0; i < rows.length; i++) counts[cols.agency[rows[i]]]++;
  const withAgency = rows.length - counts[0];
  counts[0] = 0;
  const top = topK(counts, topN).map((o) => ({
    code: cols.dict.agency[o],
    name: cols.dict.agency[o],
    count: counts[o],
    share: round(ratio(counts[o], withAgency)),
  }));
  const reading =
    withAgency === 0
      ? ["命中文献的来源均未给出代理机构。"]
      : [
          `有代理机构信息的文献 ${withAgency} 件（${pct(ratio(withAgency, rows.length))}）。`,
          `代理量最多的机构是 ${top[0].name}（${top[0].count} 件，占有代理信息文献的 ${pct(top[0].share)}）。`,
        ];
  return { withAgency, share: round(ratio(withAgency, rows.length)), top, reading };
}
