/**
 * Statistical survey definitions, answer validation and aggregation — pure, so the web form, the Excel import and
 * the server all judge answers the same way.
 */
export type QuestionType = "integer" | "number" | "text" | "choice";

export interface SurveyQuestion {
  key: string;
  labelZh: string;
  labelEn?: string;
  type: QuestionType;
  required: boolean;
  min?: number;
  max?: number;
  unit?: string;
  choices?: string[];
}

/** A cross-field rule: answer[left] op answer[right] (e.g. attorneys ≤ staff). */
export interface SurveyRule {
  left: string;
  op: "<=" | ">=" | "<" | ">" | "==";
  right: string;
  messageZh: string;
}

export interface SurveyDefinition {
  questions: SurveyQuestion[];
  rules?: SurveyRule[];
}

export type AnswerValue = string | number | null;
export type Answers = Record<string, AnswerValue>;

export interface AnswerProblem {
  key: string;
  message: string;
}

/** A ready-made question set for agencies: revenue, staff, attorneys, cases by type. Officials may change it. */
export const STANDARD_AGENCY_QUESTIONS: SurveyDefinition = {
  questions: [
    { key: "revenue", labelZh: "营业收入", labelEn: "Revenue", type: "number", required: true, min: 0, unit: "万元" },
    { key: "staff", labelZh: "从业人员", labelEn: "Staff", type: "integer", required: true, min: 0, unit: "人" },
    {
      key: "attorneys",
      labelZh: "执业专利代理师",
      labelEn: "Practising patent attorneys",
      type: "integer",
      required: true,
      min: 0,
      unit: "人",
    },
    {
      key: "cases_invention",
      labelZh: "代理发明专利申请",
      labelEn: "Invention filings handled",
      type: "integer",
      required: true,
      min: 0,
      unit: "件",
    },
    {
      key: "cases_utility",
      labelZh: "代理实用新型申请",
      labelEn: "Utility-model filings handled",
      type: "integer",
      required: true,
      min: 0,
      unit: "件",
    },
    {
      key: "cases_design",
      labelZh: "代理外观设计申请",
      labelEn: "Design filings handled",
      type: "integer",
      required: true,
      min: 0,
      unit: "件",
    },
    {
      key: "cases_trademark",
      labelZh: "代理商标申请",
      labelEn: "Trademark filings handled",
      type: "integer",
      required: false,
      min: 0,
      unit: "件",
    },
    {
      key: "cases_litigation",
      labelZh: "诉讼及维权案件",
      labelEn: "Litigation and enforcement cases",
      type: "integer",
      required: false,
      min: 0,
      unit: "件",
    },
  ],
  rules: [{ left: "attorneys", op: "<=", right: "staff", messageZh: "执业专利代理师人数不能超过从业人员" }],
};

function toNumber(v: AnswerValue): number | null {
  if (v === null || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : Number.NaN;
  const n = Number(String(v).replace(/[,，\s]/g, ""));
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Checks and normalises one set of answers; numbers given as text ("1,200") become numbers. */
export function validateAnswers(def: SurveyDefinition, raw: Answers): { answers: Answers; problems: AnswerProblem[] } {
  const answers: Answers = {};
  const problems: AnswerProblem[] = [];
  const known = new Set(def.questions.map((q) => q.key));
  for (const key of Object.keys(raw))
    if (!known.has(key)) problems.push({ key, message: `未知问题 unknown question "${key}"` });
  for (const q of def.questions) {
    const v = raw[q.key];
    const empty = v === undefined || v === null || (typeof v === "string" && v.trim() === "");
    if (empty) {
      answers[q.key] = null;
      if (q.required) problems.push({ key: q.key, message: `${q.labelZh}：必填 required` });
      continue;
    }
    if (q.type === "text") {
      answers[q.key] = String(v).trim();
      continue;
    }
    if (q.type === "choice") {
      const s = String(v).trim();
      if (!q.choices?.includes(s))
        problems.push({ key: q.key, message: `${q.labelZh}：须为 ${q.choices?.join("/")} 之一` });
      answers[q.key] = s;
      continue;
    }
    const n = toNumber(v);
    if (n === null || Number.isNaN(n)) {
      problems.push({ key: q.key, message: `${q.labelZh}：须为数字 must be a number` });
      answers[q.key] = null;
      continue;
    }
    if (q.type === "integer" && !Number.isInteger(n))
      problems.push({ key: q.key, message: `${q.labelZh}：须为整数 must be a whole number` });
    if (q.min !== undefined && n < q.min) problems.push({ key: q.key, message: `${q.labelZh}：不能小于 ${q.min}` });
    if (q.max !== undefined && n > q.max) problems.push({ key: q.key, message: `${q.labelZh}：不能大于 ${q.max}` });
    answers[q.key] = n;
  }
  for (const r of def.rules ?? []) {
    const a = answers[r.left];
    const b = answers[r.right];
    if (typeof a !== "number" || typeof b !== "number") continue;
    const ok = r.op === "<=" ? a <= b : r.op === ">=" ? a >= b : r.op === "<" ? a < b : r.op === ">" ? a > b : a === b;
    if (!ok) problems.push({ key: r.left, message: r.messageZh });
  }
  return { answers, problems };
}

/** Checks a definition itself: unique keys, choices for choice questions, min ≤ max, rules naming real keys. */
export function validateDefinition(def: SurveyDefinition): string[] {
  const errs: string[] = [];
  const keys = new Set<string>();
  for (const q of def.questions) {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(q.key)) errs.push(`问题键 ${q.key} 须为小写字母开头的字母数字下划线`);
    if (keys.has(q.key)) errs.push(`问题键重复 duplicate key ${q.key}`);
    keys.add(q.key);
    if (q.type === "choice" && !q.choices?.length) errs.push(`${q.key}: 选择题须有选项`);
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) errs.push(`${q.key}: min > max`);
  }
  for (const r of def.rules ?? [])
    if (!keys.has(r.left) || !keys.has(r.right)) errs.push(`规则引用了不存在的问题 rule names unknown key`);
  if (def.questions.length === 0) errs.push("至少一个问题 at least one question");
  return errs;
}

export interface AggregateRow {
  group: string;
  responses: number;
  sums: Record<string, number>;
  means: Record<string, number>;
  /** How many respondents answered each numeric question (the contributors to that cell). */
  counts: Record<string, number>;
}

/** Sums and means of every numeric question per group (district, category …), groups sorted by name. */
export function aggregateAnswers(def: SurveyDefinition, rows: { group: string; answers: Answers }[]): AggregateRow[] {
  const numeric = def.questions.filter((q) => q.type === "integer" || q.type === "number").map((q) => q.key);
  const groups = new Map<string, { n: number; sums: Record<string, number>; counts: Record<string, number> }>();
  for (const r of rows) {
    let g = groups.get(r.group);
    if (!g) {
      g = { n: 0, sums: {}, counts: {} };
      groups.set(r.group, g);
    }
    g.n++;
    for (const k of numeric) {
      const v = r.answers[k];
      if (typeof v !== "number") continue;
      g.sums[k] = (g.sums[k] ?? 0) + v;
      g.counts[k] = (g.counts[k] ?? 0) + 1;
    }
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, g]) => ({
      group,
      responses: g.n,
      sums: Object.fromEntries(numeric.map((k) => [k, g.sums[k] ?? 0])),
      means: Object.fromEntries(
        numeric.map((k) => [k, g.counts[k] ? Math.round(((g.sums[k] ?? 0) / g.counts[k]) * 100) / 100 : 0]),
      ),
      counts: Object.fromEntries(numeric.map((k) => [k, g.counts[k] ?? 0])),
    }));
}
