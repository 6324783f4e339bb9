/**
 * Statistical disclosure control for published survey aggregates: no published cell may let anyone work out one
 * respondent's own figure.
 *
 * - Primary suppression: a cell (one group × one question) with fewer than `minGroupSize` contributors — but at
 *   least one — is withheld. A cell nobody answered reveals nothing and stays as it is.
 * - Complementary suppression: each question's column has a total anyone can form (another grouping of the same
 *   survey, or the sum over every group), so a lone withheld cell would be that total minus the others. Whenever a
 *   column withholds anything, further cells are withheld — the smallest contributing cells first — until at least
 *   two are withheld and together they hold at least `minGroupSize` contributors: then the difference is a sum over
 *   several respondents, and even one of them who subtracts their own figure is left with others' combined.
 */
export const MIN_GROUP_SIZE = 3;

export type SuppressionReason = "small_group" | "complementary";

export interface CellCounts {
  group: string;
  /** Contributors per question key. */
  counts: Record<string, number>;
}

/** The withheld cells of each row (by question key), in the rows' order; an empty object for a row shown whole. */
export function suppressedCells(
  rows: CellCounts[],
  keys: string[],
  minGroupSize = MIN_GROUP_SIZE,
): Record<string, SuppressionReason>[] {
  const out: Record<string, SuppressionReason>[] = rows.map(() => ({}));
  for (const key of keys) {
    const n = (i: number) => rows[i].counts[key] ?? 0;
    const withheld = new Set<number>();
    rows.forEach((_, i) => {
      if (n(i) > 0 && n(i) < minGroupSize) {
        withheld.add(i);
        out[i][key] = "small_group";
      }
    });
    if (withheld.size === 0) continue;
    // complements: smallest contributing cells first, ties by group name, so the choice is stable between requests
    const complements = rows
      .map((r, i) => ({ i, n: n(i), group: r.group }))
      .filter((c) => c.n > 0 && !withheld.has(c.i))
      .sort((a, b) => a.n - b.n || a.group.localeCompare(b.group));
    let contributors = [...withheld].reduce((s, i) => s + n(i), 0);
    for (const c of complements) {
      if (withheld.size >= 2 && contributors >= minGroupSize) break;
      withheld.add(c.i);
      contributors += c.n;
      out[c.i][key] = "complementary";
    }
  }
  return out;
}
