/**
 * Plan targets against actual figures. A target's metric is data (which registry records count), so another city
 * loads its own plan; the actual value is always counted from records, never typed in.
 */
export interface MetricDefinition {
  /** What is counted: organisations, people, or a sum from a case table that may not exist yet. */
  subject: "org" | "person" | "pledge_amount";
  /** Record categories that count (any of). Empty or absent = every category. */
  categories?: string[];
  /** At least one of these qualifications, when given. */
  qualificationsAny?: string[];
  /** Counts a record matching any of these (e.g. platforms OR leading enterprises); the fields above still apply. */
  anyOf?: MetricDefinition[];
}

export interface RegistryFact {
  subject: "org" | "person";
  category: string;
  qualifications: string[];
  status: string;
  /** YYYY-MM-DD the record took effect (registration or recognition); the server falls back to its entry date. */
  since: string;
  /** YYYY-MM-DD it ended (closed, revoked), or null. */
  ended: string | null;
  districtCode: string | null;
  zone: string | null;
}

/** Statuses a record is counted in. Candidates (e.g. derived from patent data, unconfirmed) and suspended are not. */
export const COUNTED_STATUSES = ["active", "closed"];

export function matchesMetric(m: MetricDefinition, f: RegistryFact): boolean {
  if (m.subject !== f.subject) return false;
  if (m.categories?.length && !m.categories.includes(f.category)) return false;
  if (m.qualificationsAny?.length && !m.qualificationsAny.some((q) => f.qualifications.includes(q))) return false;
  if (m.anyOf?.length) return m.anyOf.some((x) => matchesMetric(x, f));
  return true;
}

/** In force on date D (YYYY-MM-DD): counted status, started on or before D, not ended by D. */
export function inForce(f: RegistryFact, date: string): boolean {
  if (!COUNTED_STATUSES.includes(f.status)) return false;
  if (f.since > date) return false;
  if (f.status === "closed" && !f.ended) return false;
  return !f.ended || f.ended > date;
}

export function countAt(m: MetricDefinition, facts: RegistryFact[], date: string): number {
  let n = 0;
  for (const f of facts) if (matchesMetric(m, f) && inForce(f, date)) n++;
  return n;
}

export type ProgressStatus = "met" | "on_track" | "behind" | "unavailable";

export interface YearProgress {
  year: number;
  actual: number | null;
  /** The target scaled linearly over the plan's years: where the city should be by the end of this year. */
  pace: number;
  status: ProgressStatus;
}

/** The fraction of the plan period finished by the end of `year` (1 from the last year on). */
export function paceFraction(year: number, startYear: number, endYear: number): number {
  const total = endYear - startYear + 1;
  return Math.min(1, Math.max(0, (year - startYear + 1) / total));
}

export function progressStatus(actual: number | null, target: number, pace: number): ProgressStatus {
  if (actual === null) return "unavailable";
  if (actual >= target) return "met";
  return actual >= pace ? "on_track" : "behind";
}

export function ratio(actual: number | null, target: number): number | null {
  if (actual === null || target <= 0) return null;
  return Math.round((actual / target) * 1000) / 1000;
}

/** Actual value at the end of each plan year (today's date for the running year). */
export function yearlyProgress(
  m: MetricDefinition,
  facts: RegistryFact[],
  target: number,
  plan: { startYear: number; endYear: number },
  today: string,
): YearProgress[] {
  const out: YearProgress[] = [];
  const thisYear = Number(today.slice(0, 4));
  for (let y = plan.startYear; y <= plan.endYear; y++) {
    const pace = Math.round(target * paceFraction(y, plan.startYear, plan.endYear) * 100) / 100;
    if (y > thisYear) {
      out.push({ year: y, actual: null, pace, status: "unavailable" });
      continue;
    }
    const date = y === thisYear ? today : `${y}-12-31`;
    const actual = countAt(m, facts, date);
    out.push({ year: y, actual, pace, status: progressStatus(actual, target, pace) });
  }
  return out;
}

/** Counts in force on `date` per area; an area is a division code prefix or a zone name. */
export function countByArea(
  m: MetricDefinition,
  facts: RegistryFact[],
  date: string,
  areas: { key: string; code: string | null; zone: string | null }[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of areas) out[a.key] = 0;
  for (const f of facts) {
    if (!matchesMetric(m, f) || !inForce(f, date)) continue;
    for (const a of areas) {
      const byCode = a.code !== null && !!f.districtCode && f.districtCode.startsWith(a.code);
      const byZone = a.zone !== null && f.zone === a.zone;
      if (byCode || byZone) out[a.key]++;
    }
  }
  return out;
}
