/**
 * Agency credit grade: every agency starts at 100 points, loses points for each recorded violation inside the
 * look-back window, and gains a bonus for brand-agency status. The grade and every reason behind it are returned,
 * so an official (and the agency) can see exactly why. Rules are data: another city can pass its own table.
 */
export type Grade = "A+" | "A" | "B" | "C" | "D";

export interface ViolationRule {
  kind: string;
  labelZh: string;
  labelEn: string;
  points: number;
  /** Serious: whatever the score, the grade is at most C. */
  serious?: boolean;
}

export interface CreditRules {
  start: number;
  /** Violations older than this many years before the evaluation date no longer count. */
  windowYears: number;
  violations: ViolationRule[];
  /** Points a brand level adds; a level not listed adds none (the default lists none for the municipal level). */
  brandBonus: Partial<Record<"municipal" | "provincial" | "national", number>>;
  /** Lower bounds, best first; anything below the last is D. */
  grades: { grade: Exclude<Grade, "D">; min: number }[];
}

export const DEFAULT_CREDIT_RULES: CreditRules = {
  start: 100,
  windowYears: 3,
  violations: [
    {
      kind: "abnormal_filing",
      labelZh: "代理非正常专利申请",
      labelEn: "Filed abnormal patent applications",
      points: 20,
      serious: true,
    },
    {
      kind: "unlicensed_practice",
      labelZh: "无资质或超范围执业",
      labelEn: "Practice without licence or beyond scope",
      points: 30,
      serious: true,
    },
    { kind: "false_information", labelZh: "提交虚假材料或数据", labelEn: "False documents or figures", points: 20 },
    { kind: "admin_penalty", labelZh: "受到行政处罚", labelEn: "Administrative penalty", points: 15 },
    { kind: "complaint_upheld", labelZh: "投诉经查属实", labelEn: "Complaint upheld", points: 5 },
    {
      kind: "survey_not_filed",
      labelZh: "未按时报送统计调查",
      labelEn: "Statistical survey not filed on time",
      points: 5,
    },
    { kind: "other", labelZh: "其他违规", labelEn: "Other violation", points: 5 },
  ],
  brandBonus: { provincial: 5, national: 10 },
  grades: [
    { grade: "A+", min: 105 },
    { grade: "A", min: 90 },
    { grade: "B", min: 75 },
    { grade: "C", min: 60 },
  ],
};

export interface RecordedViolation {
  id?: number;
  kind: string;
  /** YYYY-MM-DD */
  date: string;
  /** Overrides the rule's points when an official recorded a different deduction. */
  points?: number | null;
  description?: string;
}

export interface GradeReason {
  kind: "start" | "violation" | "expired" | "brand" | "cap";
  points: number;
  labelZh: string;
  labelEn: string;
  date?: string;
  violationId?: number;
}

export interface CreditResult {
  score: number;
  grade: Grade;
  reasons: GradeReason[];
}

function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  return `${String(y).padStart(4, "0")}${date.slice(4)}`;
}

export function gradeOf(score: number, rules: CreditRules = DEFAULT_CREDIT_RULES): Grade {
  for (const g of rules.grades) if (score >= g.min) return g.grade;
  return "D";
}

const ORDER: Grade[] = ["A+", "A", "B", "C", "D"];
const BRAND_LABELS = {
  municipal: { zh: "市级品牌服务机构", en: "Municipal brand agency" },
  provincial: { zh: "省级品牌服务机构", en: "Provincial brand agency" },
  national: { zh: "国家级品牌服务机构", en: "National brand agency" },
};

/** Score and grade of one agency on `asOf` (YYYY-MM-DD), with the reasons in the order they were applied. */
export function creditGrade(
  input: { violations: RecordedViolation[]; brand: "none" | "municipal" | "provincial" | "national" },
  asOf: string,
  rules: CreditRules = DEFAULT_CREDIT_RULES,
): CreditResult {
  const reasons: GradeReason[] = [{ kind: "start", points: rules.start, labelZh: "基础分", labelEn: "Starting score" }];
  let score = rules.start;
  let serious = false;
  const from = yearsBefore(asOf, rules.windowYears);
  const sorted = [...input.violations].sort((a, b) => a.date.localeCompare(b.date));
  for (const v of sorted) {
    if (v.date > asOf) continue; // recorded for a later date: not yet in force
    const rule = rules.violations.find((r) => r.kind === v.kind) ?? rules.violations.find((r) => r.kind === "other");
    const points = v.points ?? rule?.points ?? 0;
    const label = { labelZh: rule?.labelZh ?? v.kind, labelEn: rule?.labelEn ?? v.kind };
    if (v.date < from) {
      reasons.push({ kind: "expired", points: 0, date: v.date, violationId: v.id, ...label });
      continue;
    }
    score -= points;
    if (rule?.serious) serious = true;
    reasons.push({ kind: "violation", points: -points, date: v.date, violationId: v.id, ...label });
  }
  const bonus = input.brand === "none" ? 0 : (rules.brandBonus[input.brand] ?? 0);
  if (input.brand !== "none" && bonus !== 0) {
    score += bonus;
    reasons.push({
      kind: "brand",
      points: bonus,
      labelZh: BRAND_LABELS[input.brand].zh,
      labelEn: BRAND_LABELS[input.brand].en,
    });
  }
  let grade = gradeOf(score, rules);
  if (serious && ORDER.indexOf(grade) < ORDER.indexOf("C")) {
    grade = "C";
    reasons.push({
      kind: "cap",
      points: 0,
      labelZh: "有严重违规，等级最高为 C",
      labelEn: "Serious violation: grade capped at C",
    });
  }
  return { score, grade, reasons };
}

/** Serious violations inside the look-back window on `asOf`: "open" ones, which an approval has to answer for. */
export function openSeriousViolations(
  violations: RecordedViolation[],
  asOf: string,
  rules: CreditRules = DEFAULT_CREDIT_RULES,
): RecordedViolation[] {
  const from = yearsBefore(asOf, rules.windowYears);
  return violations.filter(
    (v) => v.date <= asOf && v.date >= from && rules.violations.find((r) => r.kind === v.kind)?.serious === true,
  );
}
