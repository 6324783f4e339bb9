/** From a term node to index terms: analysis, prefix expansion and the span a match covers. */
import { analyzeQuery, type QueryToken, termHasPositions } from "../analysis/analyzer.js";
import type { TextField } from "../index/segment.js";
import type { TermNode } from "./ast.js";

/** Truncation expands to at most this many dictionary terms per segment (the first in dictionary order). */
export const MAX_PREFIX_EXPANSION = 1024;

const tokenCache = new WeakMap<TermNode, QueryToken[]>();

export function nodeTokens(node: TermNode): QueryToken[] {
  let t = tokenCache.get(node);
  if (!t) {
    t = node.exact ? [{ term: node.text, pos: 0, cjk: !termHasPositions(node.text) }] : analyzeQuery(node.text);
    tokenCache.set(node, t);
  }
  return t;
}

/** Number of positions a match of the node spans (a bigram covers two characters). */
export function nodeSpan(node: TermNode): number {
  const toks = nodeTokens(node);
  if (toks.length === 0) return 1;
  const last = toks[toks.length - 1];
  return last.pos + (last.cjk && termHasPositions(last.term) ? 2 : 1);
}

/** Dictionary indexes the prefix expands to in this field. */
export function expandPrefix(f: TextField, prefix: string): number[] {
  const [lo, hi] = f.dict.prefixRange(prefix);
  const out: number[] = [];
  for (let t = lo; t < hi && out.length < MAX_PREFIX_EXPANSION; t++) out.push(t);
  return out;
}
