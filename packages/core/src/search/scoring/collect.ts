/** Which index terms of a query contribute to the score, and which strings the UI should highlight. */
import { foldText } from "../analysis/fold.js";
import type { QueryNode, TermNode } from "../query/ast.js";
import { FIELD_NO, type SegmentExecutor, TERM_SPACE } from "../query/executor.js";
import { expandPrefix } from "../query/terms.js";
import { FIELD_WEIGHTS, type GlobalStats, type ScoringTerm } from "./bm25.js";

/** Term nodes outside any NOT, with the fields they search. */
export function positiveTerms(node: QueryNode, out: TermNode[] = []): TermNode[] {
  switch (node.kind) {
    case "term":
      out.push(node);
      break;
    case "near":
      out.push(node.left, node.right);
      break;
    case "and":
    case "or":
      for (const c of node.children) positiveTerms(c, out);
      break;
    default:
      break;
  }
  return out;
}

export function scoringTerms(terms: TermNode[], exec: SegmentExecutor, stats: GlobalStats): ScoringTerm[] {
  const out: ScoringTerm[] = [];
  const seen = new Set<number>(); // a term counts once however often the query names it
  for (const node of terms) {
    for (const field of node.fields) {
      const f = exec.seg.d.text[field];
      const base = FIELD_NO[field] * TERM_SPACE;
      if (node.prefix !== null) {
        for (const t of expandPrefix(f, node.prefix)) {
          if (seen.has(base + t)) continue;
          seen.add(base + t);
          out.push({ field, t, weight: FIELD_WEIGHTS[field] * stats.idf(field, f.dict.get(t)) });
        }
      } else {
        for (const p of exec.phraseTerms(field, node) ?? []) {
          if (p.t < 0 || seen.has(base + p.t)) continue;
          seen.add(base + p.t);
          out.push({ field, t: p.t, weight: FIELD_WEIGHTS[field] * stats.idf(field, p.term) });
        }
      }
    }
  }
  return out;
}

export function highlightTermsOf(terms: TermNode[]): string[] {
  const out = new Set<string>();
  for (const n of terms) out.add(n.prefix !== null ? `${n.prefix}*` : foldText(n.text).trim());
  return [...out].filter((t) => t !== "");
}
