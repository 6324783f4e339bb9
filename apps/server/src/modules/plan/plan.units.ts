/**
 * Converting a figure between the units targets and survey questions use (元/万元/亿元, 人/万人). A pair that does
 * not convert (人 → 万元) gives null, and the target says so instead of showing a wrong number.
 */
const SCALES: Record<string, { kind: string; factor: number }> = {
  元: { kind: "money", factor: 1 },
  万元: { kind: "money", factor: 1e4 },
  亿元: { kind: "money", factor: 1e8 },
  人: { kind: "people", factor: 1 },
  名: { kind: "people", factor: 1 },
  万人: { kind: "people", factor: 1e4 },
  家: { kind: "orgs", factor: 1 },
  个: { kind: "orgs", factor: 1 },
  件: { kind: "items", factor: 1 },
};

export function convertUnit(value: number, from: string | null | undefined, to: string): number | null {
  if (!from || from === to) return value;
  const a = SCALES[from];
  const b = SCALES[to];
  if (!a || !b || a.kind !== b.kind) return null;
  return Math.round(((value * a.factor) / b.factor) * 100) / 100;
}
