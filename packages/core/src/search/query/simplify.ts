/**
 * Rewrites a parsed query into an equivalent cheaper one. `TYPE=(发明 OR 实用新型)` parses as an OR of two filters
 * on one field; a filter already means "any of its values", so they become one filter, evaluated as one pass
 * over the doc values (and recognised as "every doc" when its values cover the segment) instead of a union of
 * per-value doc lists. The match-all `*` (an empty AND) drops out of an AND (`* AND TYPE=发明` is `TYPE=发明`) and
 * swallows an OR (`* OR 电池` is everything).
 */
import { type FilterNode, isMatchAll, matchAll, type QueryNode } from "./ast.js";

export function simplify(node: QueryNode): QueryNode {
  switch (node.kind) {
    case "and":
      return simplifyAnd(node.children.map(simplify));
    case "not":
      return { kind: "not", child: simplify(node.child) };
    case "or": {
      const children = node.children.map(simplify);
      return children.some(isMatchAll) ? matchAll() : mergeFilterAlternatives(children);
    }
    default:
      return node;
  }
}

function simplifyAnd(children: QueryNode[]): QueryNode {
  const kept = children.filter((c) => !isMatchAll(c));
  if (kept.length === children.length) return { kind: "and", children };
  // `* NOT 电池` becomes `NOT 电池`: every doc minus its child
  return kept.length === 1 ? kept[0] : { kind: "and", children: kept };
}

function mergeFilterAlternatives(children: QueryNode[]): QueryNode {
  const out: QueryNode[] = [];
  const byField = new Map<string, FilterNode>();
  for (const c of children) {
    if (c.kind !== "filter") {
      out.push(c);
      continue;
    }
    const seen = byField.get(c.field);
    if (seen) {
      for (const v of c.values) if (!seen.values.includes(v)) seen.values.push(v);
      continue;
    }
    const merged: FilterNode = { kind: "filter", field: c.field, values: [...c.values] };
    byField.set(c.field, merged);
    out.push(merged);
  }
  return out.length === 1 ? out[0] : { kind: "or", children: out };
}
