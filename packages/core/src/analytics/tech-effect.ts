/**
 * Technology–effect matrix (技术功效矩阵): technology branches (queries, e.g. `IPC=H01M10` or `TI=隔膜`) against
 * effects (lists of effect phrases). Each cell is the exact hit count of the base query AND the branch AND any of the
 * effect's phrases, counted by the caller's engine; a cell with no hits is white space (空白点).
 */

export interface MatrixBranch {
  label: string;
  query: string;
}

export interface MatrixEffect {
  label: string;
  terms: string[];
}

export interface MatrixCell {
  count: number;
  /** The query whose hits the cell counts (what a click opens in search). */
  query: string;
}

export interface TechEffectMatrix {
  branches: (MatrixBranch & { total: number })[];
  effects: (MatrixEffect & { total: number })[];
  /** cells[branch][effect]. */
  cells: MatrixCell[][];
  /** Cells with no hits (white space). */
  blanks: number;
}

/** Branches and effects a matrix may have each (a larger one is unreadable as a heat map and costly to count). */
export const MATRIX_MAX = 12;

/** Characters that would open or close a phrase in the query language (the lexer folds the full-width ones). */
export const QUOTE_CHARS = /["＂“”「」]/;

/** The match-all query: ANDed with it, a query is itself. */
const isAll = (q: string) => q.trim() === "" || q.trim() === "*" || q.trim() === "＊";

/** An effect's terms as one query: any of the phrases (`("降低成本" OR "降低制造成本")`). */
export function effectQuery(terms: string[]): string {
  const phrases = terms.map((t) => `"${t}"`);
  return phrases.length === 1 ? phrases[0] : `(${phrases.join(" OR ")})`;
}

/** A phrase, or an OR of phrases in one pair of parentheses (an effect's query): ANDed as it is. */
const SELF_CONTAINED = /^(?:"[^"]*"|\("[^"]*"(?: OR "[^"]*")*\))$/;

/** The AND of queries, each in parentheses, leaving out a match-all base. */
export function andQuery(...parts: string[]): string {
  const kept = parts.filter((p) => !isAll(p));
  if (kept.length === 0) return "*";
  return kept.length === 1 ? kept[0] : kept.map((p) => (SELF_CONTAINED.test(p) ? p : `(${p})`)).join(" AND ");
}

/** Every cell, row and column total of the matrix over the hit set of `base`, counted by `count`. */
export function assembleMatrix(
  base: string,
  branches: MatrixBranch[],
  effects: MatrixEffect[],
  count: (q: string) => number,
): TechEffectMatrix {
  const eq = effects.map((e) => effectQuery(e.terms));
  let blanks = 0;
  const cells = branches.map((b) =>
    eq.map((e) => {
      const query = andQuery(base, b.query, e);
      const n = count(query);
      if (n === 0) blanks++;
      return { count: n, query };
    }),
  );
  return {
    branches: branches.map((b) => ({ ...b, total: count(andQuery(base, b.query)) })),
    effects: effects.map((e, k) => ({ ...e, total: count(andQuery(base, eq[k])) })),
    cells,
    blanks,
  };
}
