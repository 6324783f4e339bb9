/**
 * Cross-language expansion (docs/QUERY.md, "跨语言检索"): a search term whose folded text is a key of the
 * expansions also matches each listed word in the same fields, exactly as if the user had written
 * `(term OR word1 OR word2)`. The caller (the server) decides the words from a dictionary and shows them; the
 * engine only rewrites. Truncations (`batter*`) and proximity sides are left alone: a NEAR joins two terms.
 */
import { foldText } from "../analysis/fold.js";
import type { QueryNode, TermNode } from "./ast.js";

export type Expansions = ReadonlyMap<string, readonly string[]>;

/** The key a term is looked up by: its folded (lower-case, half-width) text. */
export function expansionKey(text: string): string {
  return foldText(text).trim();
}

export function expandQuery(node: QueryNode, expansions: Expansions | undefined): QueryNode {
  if (!expansions || expansions.size === 0) return node;
  return rewrite(node, expansions);
}

function rewrite(node: QueryNode, ex: Expansions): QueryNode {
  switch (node.kind) {
    case "term":
      return expandTerm(node, ex);
    case "and":
    case "or":
      return { kind: node.kind, children: node.children.map((c) => rewrite(c, ex)) };
    case "not":
      return { kind: "not", child: rewrite(node.child, ex) };
    default:
      return node;
  }
}

function expandTerm(t: TermNode, ex: Expansions): QueryNode {
  if (t.prefix !== null || t.exact) return t;
  const words = ex.get(expansionKey(t.text));
  if (!words || words.length === 0) return t;
  const added: TermNode[] = words.map((w) => ({
    kind: "term",
    fields: t.fields,
    text: w,
    prefix: null,
    position: t.position,
  }));
  return { kind: "or", children: [t, ...added] };
}

/** Folded texts of the query's plain terms (no truncation), each once, in query order: what a dictionary may expand. */
export function expandableWords(node: QueryNode, out: string[] = []): string[] {
  switch (node.kind) {
    case "term":
      if (node.prefix === null && !node.exact) {
        const k = expansionKey(node.text);
        if (k !== "" && !out.includes(k)) out.push(k);
      }
      break;
    case "and":
    case "or":
      for (const c of node.children) expandableWords(c, out);
      break;
    case "not":
      expandableWords(node.child, out);
      break;
    default:
      break;
  }
  return out;
}
