import type { AnalyticsColumns } from "./columns.js";
import { pct, ratio, sumYears } from "./common.js";
import type { LifecycleSection, LifeStage, ReportLabels, TrendsSection } from "./types.js";

/** Applications by application year, grants by grant year, applications by type and year. */
export function trends(
  cols: AnalyticsColumns,
  rows: Int32Array,
  years: number[],
  inFocus: Uint8Array | null,
  labels: ReportLabels,
  lastComplete: number,
): TrendsSection {
  const first = years[0] ?? 0;
  const n = years.length;
  const apps = new Array<number>(n).fill(0);
  const grants = new Array<number>(n).fill(0);
  const focus = inFocus ? new Array<number>(n).fill(0) : null;
  const types = cols.dict.type.length;
  const byType = Array.from({ length: types }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const y = cols.year[r] - first;
    if (cols.year[r] > 0 && y >= 0 && y < n) {
      apps[y]++;
      byType[cols.type[r]][y]++;
      if (focus && inFocus?.[r]) focus[y]++;
    }
    const g = cols.grantYear[r] - first;
    if (cols.grantYear[r] > 0 && g >= 0 && g < n) grants[g]++;
  }
  const typeRows = byType
    .map((counts, t) => ({ type: cols.dict.type[t], name: labels.type(cols.dict.type[t]), counts }))
    .filter((t) => t.counts.some((c) => c > 0));
  return {
    years,
    applications: apps,
    grants,
    byType: typeRows,
    focusApplications: focus,
    reading: trendReading(years, apps, grants, lastComplete),
  };
}

function trendReading(years: number[], apps: number[], grants: number[], lastComplete: number): string[] {
  if (years.length === 0) return ["命中文献均无申请日，无法给出年度趋势。"];
  const first = years[0];
  const out: string[] = [];
  let peak = 0;
  for (let i = 1; i < apps.length; i++) if (apps[i] > apps[peak]) peak = i;
  out.push(`申请量最高的年份是 ${years[peak]} 年（${apps[peak]} 件）。`);
  const recent = sumYears(apps, first, lastComplete - 2, lastComplete);
  const prev = sumYears(apps, first, lastComplete - 5, lastComplete - 3);
  if (prev > 0) {
    const g = recent / prev - 1;
    out.push(
      `${lastComplete - 2}–${lastComplete} 年申请 ${recent} 件，较前三年（${prev} 件）${g >= 0 ? "增长" : "下降"} ${pct(Math.abs(g))}。`,
    );
  }
  const totalApps = apps.reduce((a, b) => a + b, 0);
  const totalGrants = grants.reduce((a, b) => a + b, 0);
  if (totalApps > 0)
    out.push(`按授权年统计授权 ${totalGrants} 件，相当于申请量的 ${pct(ratio(totalGrants, totalApps))}。`);
  const last = years[years.length - 1];
  if (last > lastComplete)
    out.push(`${lastComplete + 1} 年及以后的数据因发明专利申请 18 个月公开的滞后尚不完整，不宜据此判断下降。`);
  return out;
}

/** Applicants (distinct per year) against applications per year, and the stage named by fixed rules. */
export function lifecycle(
  cols: AnalyticsColumns,
  rows: Int32Array,
  years: number[],
  lastComplete: number,
): LifecycleSection {
  const first = years[0] ?? 0;
  const n = years.length;
  const apps = new Array<number>(n).fill(0);
  const applicants = new Array<number>(n).fill(0);
  // bucket rows by year (counting sort), then count distinct applicants per bucket with a stamp array
  const start = new Int32Array(n + 1);
  for (let i = 0; i < rows.length; i++) {
    const y = cols.year[rows[i]];
    if (y > 0) start[y - first + 1]++;
  }
  for (let y = 0; y < n; y++) start[y + 1] += start[y];
  const order = new Int32Array(start[n]);
  const fill = start.slice(0, n);
  for (let i = 0; i < rows.length; i++) {
    const y = cols.year[rows[i]];
    if (y > 0) order[fill[y - first]++] = rows[i];
  }
  const stamp = new Int32Array(cols.dict.applicant.length).fill(-1);
  const { offs, vals } = cols.applicants;
  for (let y = 0; y < n; y++) {
    apps[y] = start[y + 1] - start[y];
    let distinct = 0;
    for (let k = start[y]; k < start[y + 1]; k++) {
      const r = order[k];
      for (let j = offs[r]; j < offs[r + 1]; j++) {
        if (stamp[vals[j]] !== y) {
          stamp[vals[j]] = y;
          distinct++;
        }
      }
    }
    applicants[y] = distinct;
  }
  const stage = nameStage(years, apps, applicants, lastComplete);
  return {
    years,
    applications: apps,
    applicants,
    stage,
    stageName: STAGE_NAMES[stage],
    reading: stageReading(stage, years, apps, applicants, lastComplete),
  };
}

export const STAGE_NAMES: Record<LifeStage, string> = {
  emerging: "萌芽期",
  growth: "成长期",
  maturity: "成熟期",
  decline: "衰退期",
  unknown: "数据不足，未判断",
};

/**
 * Rules (complete years only): compare the last three complete years with the three before.
 * Fewer than 30 dated applications → unknown. Both applications and applicants up ≥ 20 %: growth, or emerging
 * when the field's first application is less than 6 years before the last complete year. Both down ≥ 20 %: decline.
 * Otherwise maturity.
 */
export function nameStage(years: number[], apps: number[], applicants: number[], lastComplete: number): LifeStage {
  const first = years[0] ?? 0;
  const total = apps.reduce((a, b) => a + b, 0);
  if (total < 30 || years.length === 0) return "unknown";
  const ra = sumYears(apps, first, lastComplete - 2, lastComplete);
  const pa = sumYears(apps, first, lastComplete - 5, lastComplete - 3);
  const rp = sumYears(applicants, first, lastComplete - 2, lastComplete);
  const pp = sumYears(applicants, first, lastComplete - 5, lastComplete - 3);
  let firstYear = 0;
  for (let i = 0; i < apps.length; i++)
    if (apps[i] > 0) {
      firstYear = years[i];
      break;
    }
  if (pa === 0) return ra > 0 ? "emerging" : "unknown";
  const ga = ra / pa;
  const gp = pp > 0 ? rp / pp : 2;
  if (ga >= 1.2 && gp >= 1.2) return lastComplete - firstYear < 6 ? "emerging" : "growth";
  if (ga <= 0.8 && gp <= 0.8) return "decline";
  return "maturity";
}

function stageReading(
  stage: LifeStage,
  years: number[],
  apps: number[],
  applicants: number[],
  lastComplete: number,
): string[] {
  if (stage === "unknown") return ["有申请日的文献少于 30 件或近年无数据，不判断技术生命周期阶段。"];
  const first = years[0];
  const ra = sumYears(apps, first, lastComplete - 2, lastComplete);
  const pa = sumYears(apps, first, lastComplete - 5, lastComplete - 3);
  const rp = sumYears(applicants, first, lastComplete - 2, lastComplete);
  const pp = sumYears(applicants, first, lastComplete - 5, lastComplete - 3);
  return [
    `${lastComplete - 2}–${lastComplete} 年与前三年相比：申请量 ${pa} → ${ra} 件，申请人（按年去重后求和）${pp} → ${rp} 个。`,
    `按“申请量与申请人数均增长 20% 以上为成长（起步不足 6 年为萌芽），均下降 20% 以上为衰退，其余为成熟”的规则，判断为${STAGE_NAMES[stage]}。`,
  ];
}
