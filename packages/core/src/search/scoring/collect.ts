/** Which index terms of a query contribute to the score, and which strings the UI should highlight. */
import { foldText } from "../analysis/fold.js";
import type { TextFieldName } from "../index/segment.js";
import type { QueryNode, TermNode } from "../query/ast.js";
import type { SegmentExecutor } from "../query/executor.js";
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
  const seen = new Set<string>();
  const push = (field: TextFieldName, t: number, term: string) => {
    const key = `${field}:${t}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ field, t, weight: FIELD_WEIGHTS[field] * stats.idf(field, term) });
  };
  for (const node of terms) {
    for (const field of node.fields) {
      const f = exec.seg.d.text[field];
      if (node.prefix !== null) {
        for (const t of expandPrefix(f, node.prefix)) push(field, t, f.dict.get(t));
      } else {
        for (const p of exec.phraseTerms(field, node) ?? []) if (p.t >= 0) push(field, p.t, p.term);
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
