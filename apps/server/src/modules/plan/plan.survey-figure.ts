import { paceAt, progressStatus, ratio } from "@zhichan/core/plan/index.ts";
import type { TargetProgress } from "@zhichan/shared";
import type { Area } from "./plan.service.js";
import { convertUnit } from "./plan.units.js";

/** One year's accepted survey figure (surveys module): the sum of one question's accepted answers. */
export interface SurveyFigure {
  value: number;
  unit: string | null;
  surveyId: number;
  title: string;
  respondents: number;
}
export type SurveyFigureSource = (f: {
  question: string;
  year: number;
  district: string | null;
  categories?: string[];
}) => SurveyFigure | null;

type Base = Omit<
  TargetProgress,
  "actual" | "ratio" | "status" | "note" | "years" | "areas" | "paceBaseline" | "surveySource"
>;

/**
 * A target that reads a survey figure (营业收入, 从业人员): each plan year's value is the accepted answers of the
 * survey whose period ends in that year, converted to the target's unit. Pace runs from the recorded baseline, else
 * from the survey of the year before the plan, else from zero.
 */
export function surveyFigureProgress(
  base: Base,
  t: { target: number; unit: string; baselineValue: number | null; baselineDate: string | null },
  question: string,
  categories: string[] | undefined,
  plan: { startYear: number; endYear: number },
  today: string,
  ctx: { district: string | null },
  areas: { area: Area; hasPolygon: boolean; inBelt: boolean }[],
  source: SurveyFigureSource | undefined,
): TargetProgress {
  const thisYear = Number(today.slice(0, 4));
  const read = (year: number, district: string | null) => {
    const f = source?.({ question, year, district, categories }) ?? null;
    return f ? { ...f, converted: convertUnit(f.value, f.unit, t.unit) } : null;
  };
  const before = read(plan.startYear - 1, ctx.district);
  const paceBaseline =
    t.baselineValue !== null && t.baselineDate !== null
      ? { value: t.baselineValue, date: t.baselineDate, source: "recorded" as const }
      : before?.converted != null
        ? { value: before.converted, date: `${plan.startYear - 1}-12-31`, source: "survey" as const }
        : { value: 0, date: `${plan.startYear - 1}-12-31`, source: "none" as const };
  let latest: (ReturnType<typeof read> & { year: number }) | null = null;
  let unconvertible = false;
  const years = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) {
    const pace = paceAt(y, t.target, base.targetYear, paceBaseline);
    const f = y > thisYear ? null : read(y, ctx.district);
    if (f && f.converted === null) unconvertible = true;
    const actual = f?.converted ?? null;
    if (f && actual !== null) latest = { ...f, year: y };
    years.push({ year: y, actual, pace, status: progressStatus(actual, t.target, pace) });
  }
  const actual = latest?.converted ?? null;
  const current = years.find((y) => y.year === latest?.year);
  return {
    ...base,
    actual,
    ratio: ratio(actual, t.target),
    status: current?.status ?? "unavailable",
    note: unconvertible
      ? `调查问题的单位不能换算为${t.unit} · the survey question's unit does not convert to ${t.unit}`
      : latest
        ? `${latest.year} 年统计调查「${latest.title}」已审核填报 ${latest.respondents} 家 · accepted answers of the ${latest.year} survey`
        : "尚无已审核的统计调查数据 · no accepted survey answers yet",
    years,
    paceBaseline: { value: paceBaseline.value, date: paceBaseline.date, source: paceBaseline.source },
    surveySource: latest ? { surveyId: latest.surveyId, title: latest.title, respondents: latest.respondents } : null,
    areas: areas
      .filter(({ area }) => area.code !== null && (ctx.district === null || area.code.startsWith(ctx.district)))
      .map(({ area, hasPolygon, inBelt }) => ({
        key: area.key,
        name: area.name,
        code: area.code,
        hasPolygon,
        inBelt,
        count: latest ? (read(latest.year, area.code)?.converted ?? 0) : 0,
      })),
  };
}
