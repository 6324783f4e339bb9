/**
 * Rewrites a parsed query into an equivalent cheaper one. `TYPE=(发明 OR 实用新型)` parses as an OR of two filters
 * on one field; a filter already means "any of its values", so they become one filter, evaluated as one pass
 * over the doc values (and recognised as "every doc" when its values cover the segment) instead of a union of
 * per-value doc lists.
 */
import type { FilterNode, QueryNode } from "./ast.js";

export function simplify(node: QueryNode): QueryNode {
  switch (node.kind) {
    case "and":
      return { kind: "and", children: node.children.map(simplify) };
    case "not":
      return { kind: "not", child: simplify(node.child) };
    case "or":
      return mergeFilterAlternatives(node.children.map(simplify));
    default:
      return node;
  }
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
