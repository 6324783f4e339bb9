/**
 * Patent value indicators after GB/T 42748-2023《专利评估指引》: the standard groups what an evaluator looks at into
 * legal, technical and economic value. The platform scores the indicators a patent record can answer (legal status,
 * remaining term, claims, type, forward citations, IPC breadth, strategic-industry fit) and leaves the rest to the
 * evaluator as declared inputs. Weights per purpose are the platform's defaults (configurable), not figures quoted
 * from the standard. The result is a 0–100 indicator score explained line by line, not a price.
 */
export type ValuationPurpose = "financing" | "transfer" | "licensing";
export type Dimension = "legal" | "technical" | "economic";

export interface PatentFacts {
  type: string; // invention_grant | invention_application | utility_model | design | …
  status: string; // valid | pending | invalid | …
  appDate: string | null; // YYYY-MM-DD
  claimsCount: number | null;
  citedByCount: number | null;
  ipcAll: string[];
  seiCodes: string[];
}

/** Facts only the evaluator or owner knows; each 0–100 or absent. */
export interface DeclaredInputs {
  marketSize?: number;
  industrialisation?: number;
  substitutability?: number;
}

export const PURPOSE_WEIGHTS: Record<ValuationPurpose, Record<Dimension, number>> = {
  financing: { legal: 0.45, technical: 0.25, economic: 0.3 }, // a lender looks first at enforceable, lasting rights
  transfer: { legal: 0.3, technical: 0.35, economic: 0.35 },
  licensing: { legal: 0.3, technical: 0.3, economic: 0.4 }, // a licence is paid from use in the market
};

export interface ValuationLine {
  dimension: Dimension;
  indicator: string;
  label: string;
  input: string;
  /** 0–100, or null when the record cannot answer it (its weight goes to the dimension's other lines). */
  score: number | null;
  /** Weight within the whole valuation after redistribution (0 when not assessed). */
  weight: number;
  contribution: number;
  explanation: string;
}

export interface ValuationResult {
  purpose: ValuationPurpose;
  score: number;
  grade: "A" | "B" | "C" | "D";
  dimensions: Record<Dimension, { weight: number; score: number | null }>;
  lines: ValuationLine[];
  notes: string[];
}

const TERM_YEARS: Record<string, number> = {
  invention_grant: 20,
  invention_application: 20,
  utility_model: 10,
  design: 15,
};

/** A line before weighting: its share within its dimension. */
export type Draft = Omit<ValuationLine, "weight" | "contribution"> & { share: number };

function yearsBetween(from: string, now: number): number {
  return (now - Date.parse(`${from}T00:00:00Z`)) / (365.25 * 86_400_000);
}

function legalLines(p: PatentFacts, now: number): Draft[] {
  const status = p.status === "valid" ? 100 : p.status === "pending" ? 40 : 0;
  const term = TERM_YEARS[p.type];
  const left = term && p.appDate ? Math.max(0, term - yearsBetween(p.appDate, now)) : null;
  const typeScore =
    p.type === "invention_grant"
      ? 100
      : p.type === "invention_application"
        ? 60
        : p.type === "utility_model"
          ? 55
          : p.type === "design"
            ? 45
            : null;
  return [
    {
      dimension: "legal",
      indicator: "legal_status",
      label: "法律状态 legal status",
      share: 0.35,
      input: p.status,
      score: status,
      explanation:
        status === 100
          ? "有效专利，权利可以行使"
          : status === 40
            ? "审查中：尚未授权，权利不确定"
            : "失效或无效：无可行使的权利",
    },
    {
      dimension: "legal",
      indicator: "remaining_term",
      label: "剩余保护期 remaining term",
      share: 0.3,
      input: left === null ? "unknown" : `${left.toFixed(1)} / ${term} 年`,
      score: left === null ? null : Math.round((left / term) * 100),
      explanation:
        left === null
          ? "申请日或类型不明，无法计算"
          : `自申请日起保护 ${term} 年，尚余 ${left.toFixed(1)} 年（按比例计分）`,
    },
    {
      dimension: "legal",
      indicator: "claims",
      label: "权利要求数量 scope of claims",
      share: 0.2,
      input: p.claimsCount === null ? "unknown" : String(p.claimsCount),
      score: p.claimsCount === null ? null : Math.min(100, p.claimsCount * 10),
      explanation:
        p.claimsCount === null ? "记录中无权利要求数" : "每项权利要求计 10 分，10 项及以上满分（保护范围层次更多）",
    },
    {
      dimension: "legal",
      indicator: "patent_type",
      label: "专利类型 type of right",
      share: 0.15,
      input: p.type,
      score: typeScore,
      explanation:
        typeScore === null ? "类型不明" : "发明授权 100，发明申请 60，实用新型 55，外观设计 45（稳定性与保护强度）",
    },
  ];
}

function technicalLines(p: PatentFacts, declared: DeclaredInputs): Draft[] {
  const subclasses = new Set(p.ipcAll.map((c) => c.slice(0, 4)).filter(Boolean));
  const cites = p.citedByCount;
  return [
    {
      dimension: "technical",
      indicator: "forward_citations",
      label: "被引次数 forward citations",
      share: 0.4,
      input: cites === null ? "unknown" : String(cites),
      score: cites === null ? null : Math.min(100, Math.round(25 * Math.log2(1 + cites))),
      explanation: cites === null ? "记录中无被引数据" : "25 × log2(1 + 被引次数)，上限 100（后续技术对其的依赖）",
    },
    {
      dimension: "technical",
      indicator: "ipc_breadth",
      label: "技术覆盖面 IPC breadth",
      share: 0.3,
      input: subclasses.size ? [...subclasses].join(" ") : "unknown",
      score: subclasses.size ? Math.min(100, 20 + subclasses.size * 20) : null,
      explanation: subclasses.size
        ? `涉及 ${subclasses.size} 个 IPC 小类：20 + 20 × 小类数，上限 100`
        : "记录中无 IPC 分类",
    },
    {
      dimension: "technical",
      indicator: "substitutability",
      label: "不可替代性 non-substitutability",
      share: 0.3,
      input: declared.substitutability === undefined ? "not declared" : String(declared.substitutability),
      score: declared.substitutability ?? null,
      explanation: declared.substitutability === undefined ? "需评估人判断，未填写" : "评估人填写",
    },
  ];
}

function economicLines(p: PatentFacts, declared: DeclaredInputs): Draft[] {
  return [
    {
      dimension: "economic",
      indicator: "policy_fit",
      label: "产业政策适应性 strategic-industry fit",
      share: 0.3,
      input: p.seiCodes.length ? p.seiCodes.join(" ") : "none",
      score: p.seiCodes.length ? 90 : 40,
      explanation: p.seiCodes.length ? "属于战略性新兴产业分类，政策支持" : "未归入战略性新兴产业",
    },
    {
      dimension: "economic",
      indicator: "market_size",
      label: "市场规模 market size",
      share: 0.35,
      input: declared.marketSize === undefined ? "not declared" : String(declared.marketSize),
      score: declared.marketSize ?? null,
      explanation: declared.marketSize === undefined ? "需申请人或评估人填写" : "申请人或评估人填写",
    },
    {
      dimension: "economic",
      indicator: "industrialisation",
      label: "产业化程度 industrialisation",
      share: 0.35,
      input: declared.industrialisation === undefined ? "not declared" : String(declared.industrialisation),
      score: declared.industrialisation ?? null,
      explanation: declared.industrialisation === undefined ? "需申请人或评估人填写" : "申请人或评估人填写",
    },
  ];
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Scores a patent for a purpose; a line the record cannot answer gives its weight to its dimension's other lines. */
export function valuePatent(
  p: PatentFacts,
  purpose: ValuationPurpose,
  now: number,
  declared: DeclaredInputs = {},
): ValuationResult {
  return weighLines(
    { legal: legalLines(p, now), technical: technicalLines(p, declared), economic: economicLines(p, declared) },
    purpose,
  );
}

/**
 * Weighs the lines for a purpose and explains the sum: a line the facts cannot answer gives its weight to its
 * dimension's other lines, a dimension with none to the other dimensions. Shared by patents and declared assets.
 */
export function weighLines(groups: Record<Dimension, Draft[]>, purpose: ValuationPurpose): ValuationResult {
  const base = PURPOSE_WEIGHTS[purpose];
  const assessed = (ds: Draft[]) => ds.filter((d) => d.score !== null);
  const liveWeight = (Object.keys(groups) as Dimension[]).reduce(
    (s, d) => s + (assessed(groups[d]).length ? base[d] : 0),
    0,
  );
  const lines: ValuationLine[] = [];
  const dimensions = {} as ValuationResult["dimensions"];
  for (const d of Object.keys(groups) as Dimension[]) {
    const live = assessed(groups[d]);
    const shareSum = live.reduce((s, l) => s + l.share, 0);
    const dimWeight = live.length ? base[d] / liveWeight : 0;
    let dimScore = 0;
    for (const l of groups[d]) {
      const w = l.score === null ? 0 : dimWeight * (l.share / shareSum);
      const { share: _share, ...rest } = l;
      if (l.score !== null) dimScore += l.score * (l.share / shareSum);
      lines.push({ ...rest, weight: round(w, 4), contribution: round((l.score ?? 0) * w) });
    }
    dimensions[d] = { weight: round(dimWeight, 4), score: live.length ? round(dimScore) : null };
  }
  const score = round(
    lines.reduce((s, l) => s + l.contribution, 0),
    1,
  );
  const notes = [
    "指标体系依 GB/T 42748-2023 法律、技术、经济三类价值；权重为平台按评估目的设定的默认值。",
    "得分为指标评分，不是货币价值；货币价值需按收益法、市场法或成本法另行评估。",
  ];
  if (liveWeight < 1) notes.push("部分维度缺少数据，其权重已按比例分配给其他维度。");
  return {
    purpose,
    score,
    grade: score >= 80 ? "A" : score >= 60 ? "B" : score >= 40 ? "C" : "D",
    dimensions,
    lines,
    notes,
  };
}
