/**
 * Filing bursts: a month in which one applicant or agency filed far more than its own usual monthly rate.
 * The baseline is the entity's mean over its other active months in the window (months with no filings count as 0
 * between its first and last filing), so a big filer is compared with itself, not with small ones.
 */
export interface BurstOptions {
  /** A burst month has at least this many filings. */
  minCount: number;
  /** …and at least this many times the baseline monthly rate. */
  factor: number;
}

export const DEFAULT_BURST: BurstOptions = { minCount: 10, factor: 4 };

export interface Burst {
  entity: string;
  month: string; // YYYY-MM
  count: number;
  /** Mean filings per month in the entity's other months (0 when it has none). */
  baseline: number;
  /** count / max(baseline, 1) — how the list is ranked. */
  ratio: number;
}

function monthIndex(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

/** Filings: entity name and application month (YYYY-MM or a full date). */
export function detectBursts(filings: { entity: string; date: string }[], opts: BurstOptions = DEFAULT_BURST): Burst[] {
  const byEntity = new Map<string, Map<number, number>>();
  for (const f of filings) {
    if (!f.entity || !/^\d{4}-\d{2}/.test(f.date)) continue;
    const m = monthIndex(f.date);
    let months = byEntity.get(f.entity);
    if (!months) {
      months = new Map();
      byEntity.set(f.entity, months);
    }
    months.set(m, (months.get(m) ?? 0) + 1);
  }
  const out: Burst[] = [];
  for (const [entity, months] of byEntity) {
    let total = 0;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const [m, c] of months) {
      total += c;
      first = Math.min(first, m);
      last = Math.max(last, m);
    }
    const span = last - first + 1;
    for (const [m, c] of months) {
      if (c < opts.minCount) continue;
      const baseline = span > 1 ? (total - c) / (span - 1) : 0;
      const ratio = c / Math.max(baseline, 1);
      if (ratio < opts.factor) continue;
      const month = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
      out.push({
        entity,
        month,
        count: c,
        baseline: Math.round(baseline * 100) / 100,
        ratio: Math.round(ratio * 100) / 100,
      });
    }
  }
  return out.sort((a, b) => b.ratio - a.ratio || b.count - a.count || a.entity.localeCompare(b.entity));
}

export interface TypeMixSignal {
  entity: string;
  total: number;
  counts: Record<string, number>;
  share: number;
  overallShare: number;
}

/**
 * Unusual type mixes: entities with at least `minTotal` filings whose share of `types` (e.g. utility models and
 * designs, the quick-to-grant kinds) is at least `minShare` and exceeds the collection's overall share by `minLift`.
 */
export function unusualTypeMix(
  filings: { entity: string; type: string }[],
  types: string[],
  o: { minTotal: number; minShare: number; minLift: number } = { minTotal: 20, minShare: 0.9, minLift: 0.3 },
): TypeMixSignal[] {
  const byEntity = new Map<string, Record<string, number>>();
  let all = 0;
  let hit = 0;
  for (const f of filings) {
    if (!f.entity) continue;
    all++;
    if (types.includes(f.type)) hit++;
    let c = byEntity.get(f.entity);
    if (!c) {
      c = {};
      byEntity.set(f.entity, c);
    }
    c[f.type] = (c[f.type] ?? 0) + 1;
  }
  const overallShare = all ? hit / all : 0;
  const out: TypeMixSignal[] = [];
  for (const [entity, counts] of byEntity) {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total < o.minTotal) continue;
    const share = types.reduce((a, t) => a + (counts[t] ?? 0), 0) / total;
    if (share >= o.minShare && share - overallShare >= o.minLift)
      out.push({ entity, total, counts, share, overallShare });
  }
  return out.sort((a, b) => b.share - a.share || b.total - a.total);
}
