import {
  type DeclaredInputs,
  type Draft,
  type ValuationPurpose,
  type ValuationResult,
  weighLines,
} from "./valuation.js";

/**
 * Declared-input valuation of a right that is not a patent (trademark, copyright, software copyright, GI, IC layout):
 * the platform holds no records of these, so the owner or evaluator declares the facts and the judgements, and the
 * same legal/technical/economic weighing as for patents explains the score line by line. A score, not a price.
 */
export type DeclaredAssetType = "trademark" | "copyright" | "software_copyright" | "gi" | "ic_layout";

export interface DeclaredAssetFacts {
  type: DeclaredAssetType;
  /** As declared: registered (or recorded), pending, or lapsed. */
  status: "registered" | "pending" | "lapsed";
  /** YYYY-MM-DD the term runs from: registration (trademark), first publication (copyright, software), the earlier
   * of registration application and first commercial use (IC layout). Not used for a GI, which has no term. */
  since: string | null;
}

export interface DeclaredAssetInputs extends DeclaredInputs {
  /** How well the mark, work or product is known (0–100): reputation is much of a trademark's or GI's value. */
  recognition?: number;
}

/** Term rules: years, and whether the right can be renewed (a trademark every ten years, without end). */
const TERMS: Record<DeclaredAssetType, { years: number | null; renewable: boolean; rule: string }> = {
  trademark: { years: 10, renewable: true, rule: "注册商标有效期 10 年，期满可续展，次数不限（商标法第 39、40 条）" },
  copyright: {
    years: 50,
    renewable: false,
    rule: "法人作品自首次发表起 50 年（自然人作品为终生加 50 年，此处取下限）",
  },
  software_copyright: { years: 50, renewable: false, rule: "法人软件自首次发表起 50 年（计算机软件保护条例第 14 条）" },
  ic_layout: { years: 10, renewable: false, rule: "自登记申请日或首次商业利用日（以较前者为准）起 10 年" },
  gi: { years: null, renewable: false, rule: "地理标志无固定保护期，产品符合质量技术要求即受保护" },
};

const YEAR_MS = 365.25 * 86_400_000;
const round1 = (x: number) => Math.round(x * 10) / 10;

function termLine(f: DeclaredAssetFacts, now: number): Draft {
  const t = TERMS[f.type];
  const base = {
    dimension: "legal" as const,
    indicator: "remaining_term",
    label: "剩余保护期 remaining term",
    share: 0.35,
  };
  if (f.status === "lapsed") return { ...base, input: "lapsed", score: 0, explanation: `权利已失效。${t.rule}` };
  if (t.years === null) return { ...base, input: "no fixed term", score: 100, explanation: t.rule };
  if (!f.since) return { ...base, input: "unknown", score: null, explanation: `未填写起算日，无法计算。${t.rule}` };
  const elapsed = (now - Date.parse(`${f.since}T00:00:00Z`)) / YEAR_MS;
  if (t.renewable) {
    const left = t.years - (Math.max(0, elapsed) % t.years);
    return {
      ...base,
      input: `${round1(left)} / ${t.years} 年`,
      score: left < 1 ? 70 : 100,
      explanation: `${t.rule}；本期尚余 ${round1(left)} 年${left < 1 ? "，续展期临近" : ""}`,
    };
  }
  const left = Math.max(0, t.years - elapsed);
  return {
    ...base,
    input: `${round1(left)} / ${t.years} 年`,
    score: Math.round((left / t.years) * 100),
    explanation: `${t.rule}；尚余 ${round1(left)} 年（按比例计分）`,
  };
}

function declaredLine(
  dimension: Draft["dimension"],
  indicator: string,
  label: string,
  share: number,
  value: number | undefined,
): Draft {
  return {
    dimension,
    indicator,
    label,
    share,
    input: value === undefined ? "not declared" : String(value),
    score: value ?? null,
    explanation: value === undefined ? "需申请人或评估人填写，未填写" : "申请人或评估人填写",
  };
}

export function valueDeclaredAsset(
  f: DeclaredAssetFacts,
  purpose: ValuationPurpose,
  now: number,
  declared: DeclaredAssetInputs = {},
): ValuationResult {
  const status = f.status === "registered" ? 100 : f.status === "pending" ? 40 : 0;
  const result = weighLines(
    {
      legal: [
        {
          dimension: "legal",
          indicator: "legal_status",
          label: "法律状态 legal status",
          share: 0.65,
          input: f.status,
          score: status,
          explanation:
            status === 100
              ? "已注册或登记（申报），权利可以行使"
              : status === 40
                ? "申请中：权利尚不确定"
                : "已失效：无可行使的权利",
        },
        termLine(f, now),
      ],
      technical: [
        declaredLine(
          "technical",
          "substitutability",
          "不可替代性 non-substitutability",
          0.5,
          declared.substitutability,
        ),
        declaredLine("technical", "recognition", "知名度 recognition", 0.5, declared.recognition),
      ],
      economic: [
        declaredLine("economic", "market_size", "市场规模 market size", 0.5, declared.marketSize),
        declaredLine("economic", "industrialisation", "使用与产业化程度 use in trade", 0.5, declared.industrialisation),
      ],
    },
    purpose,
  );
  return {
    ...result,
    notes: [
      "平台没有该类权利的登记数据：法律状态与起算日由申请人申报，须以权利证书或登记簿核实。",
      ...result.notes.slice(1),
    ],
  };
}
