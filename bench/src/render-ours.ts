/** BenchNode → our query language (docs/QUERY.md). */
import type { BenchNode } from "./query-ast.ts";

/**
 * "Every document" in our language. The language has no match-all token and an empty query is an error, but every
 * document has exactly one of the four patent types, so this filter matches all of them (and costs what a real
 * "all patents of any type" facet request costs).
 */
export const OURS_MATCH_ALL = "TYPE=(invention_application OR invention_grant OR utility_model OR design)";

export function renderOurs(node: BenchNode): string {
  switch (node.kind) {
    case "text": {
      const value = /^[\p{L}\p{N}]+$/u.test(node.text) ? node.text : `"${node.text}"`;
      return node.scope === "title" ? `TI=${value}` : value;
    }
    case "prefix":
      return node.scope === "title" ? `TI=${node.prefix}*` : `${node.prefix}*`;
    case "near":
      return `${node.left} ${node.spelling} ${node.right}`;
    case "numbers":
      // not a query: the batch lookup (engine.lookupNumbers, POST /api/patents/lookup); this is its label
      return `lookup of ${node.numbers.length} numbers (${node.numbers.slice(0, 2).join(", ")}, …)`;
    case "and":
      return node.children.map(group).join(" AND ");
    case "or":
      return node.children.map(group).join(" OR ");
    case "andNot":
      return `${group(node.left)} NOT ${group(node.right)}`;
    case "ipc":
      return `IPC=${node.prefix}`;
    case "date":
      return `AD=${node.fromYear}..${node.toYear}`;
    case "all":
      return OURS_MATCH_ALL;
  }
}

function group(node: BenchNode): string {
  const text = renderOurs(node);
  return node.kind === "and" || node.kind === "or" || node.kind === "andNot" || node.kind === "all"
    ? `(${text})`
    : text;
}
