/**
 * Plan targets against actual figures. A target's metric is data (which registry records count), so another city
 * loads its own plan; the actual value is always counted from records, never typed in.
 */
export interface MetricDefinition {
  /**
   * What is counted: organisations, people, a sum from a case table that may not exist yet, or the sum of one
   * question's accepted survey answers (营业收入, 从业人员) for the survey of each year, or the GI register's
   * registered products (categories: gi_product, agri_gi, gi_mark).
   */
  subject: "org" | "person" | "pledge_amount" | "survey_figure" | "gi_product";
  /** survey_figure: the question key (e.g. revenue, staff). */
  question?: string;
  /** Record categories that count (any of). Empty or absent = every category. */
  categories?: string[];
  /** At least one of these qualifications, when given. */
  qualificationsAny?: string[];
  /** Counts a record matching any of these (e.g. platforms OR leading enterprises); the fields above still apply. */
  anyOf?: MetricDefinition[];
}

export interface RegistryFact {
  /** gi_product: an entry of the GI register (modules/gi), counted like a registry record. */
  subject: "org" | "person" | "gi_product";
  category: string;
  qualifications: string[];
  /**
   * YYYY-MM-DD each qualification took effect (a brand granted today counts from today, not from the day the
   * organisation was founded). A qualification without a date counts from `since`.
   */
  qualificationSince?: Record<string, string>;
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

/** Whether the record held qualification `q` on `date` (any date when none is given). */
export function heldOn(f: RegistryFact, q: string, date?: string): boolean {
  if (!f.qualifications.includes(q)) return false;
  return date === undefined || (f.qualificationSince?.[q] ?? f.since) <= date;
}

/** Whether the record is of the kind the metric counts — with its qualifications as held on `date`, when given. */
export function matchesMetric(m: MetricDefinition, f: RegistryFact, date?: string): boolean {
  if (m.subject !== f.subject) return false;
  if (m.categories?.length && !m.categories.includes(f.category)) return false;
  if (m.qualificationsAny?.length && !m.qualificationsAny.some((q) => heldOn(f, q, date))) return false;
  if (m.anyOf?.length) return m.anyOf.some((x) => matchesMetric(x, f, date));
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
  for (const f of facts) if (matchesMetric(m, f, date) && inForce(f, date)) n++;
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

/**
 * Where a target stood before the plan: a value on a date (e.g. 2022-12-31, from the statistical yearbook or the
 * registry). Pace runs from it, so a stock target (agencies, attorneys) is not "behind" merely for starting above 0.
 */
export interface Baseline {
  value: number;
  /** YYYY-MM-DD */
  date: string;
}

/** A date as a point on a continuous year scale, at the end of that day: 2022-12-31 → 2023, 2023-07-02 → 2023.5. */
function yearPoint(d: string): number {
  const y = Number(d.slice(0, 4));
  const start = Date.UTC(y, 0, 1);
  const days = (Date.UTC(y + 1, 0, 1) - start) / 86_400_000;
  const day = (Date.UTC(y, Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) - start) / 86_400_000 + 1;
  return y + day / days;
}

/**
 * Where the city should be at the end of `year`: the baseline, plus the way from it to the target in proportion to
 * the time passed between the baseline date and the end of the target year. Without a baseline: 0 at the end of
 * the year before the plan's first.
 */
export function paceAt(year: number, target: number, targetYear: number, baseline: Baseline): number {
  const from = yearPoint(baseline.date);
  const span = targetYear + 1 - from;
  const fraction = span <= 0 ? 1 : Math.min(1, Math.max(0, (year + 1 - from) / span));
  return Math.round((baseline.value + (target - baseline.value) * fraction) * 100) / 100;
}

/** The baseline assumed when none is recorded: nothing, at the end of the year before the plan starts. */
export const zeroBaseline = (startYear: number): Baseline => ({ value: 0, date: `${startYear - 1}-12-31` });

export function progressStatus(actual: number | null, target: number, pace: number): ProgressStatus {
  if (actual === null) return "unavailable";
  if (actual >= target) return "met";
  return actual >= pace ? "on_track" : "behind";
}

export function ratio(actual: number | null, target: number): number | null {
  if (actual === null || target <= 0) return null;
  return Math.round((actual / target) * 1000) / 1000;
}

/** Actual value at the end of each plan year (today's date for the running year), against the pace from a baseline. */
export function yearlyProgress(
  m: MetricDefinition,
  facts: RegistryFact[],
  target: number,
  plan: { startYear: number; endYear: number },
  today: string,
  opts: { baseline?: Baseline; targetYear?: number } = {},
): YearProgress[] {
  const out: YearProgress[] = [];
  const thisYear = Number(today.slice(0, 4));
  const baseline = opts.baseline ?? zeroBaseline(plan.startYear);
  const targetYear = opts.targetYear ?? plan.endYear;
  for (let y = plan.startYear; y <= plan.endYear; y++) {
    const pace = paceAt(y, target, targetYear, baseline);
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
    if (!matchesMetric(m, f, date) || !inForce(f, date)) continue;
    for (const a of areas) {
      const byCode = a.code !== null && !!f.districtCode && f.districtCode.startsWith(a.code);
      const byZone = a.zone !== null && f.zone === a.zone;
      if (byCode || byZone) out[a.key]++;
    }
  }
  return out;
}
