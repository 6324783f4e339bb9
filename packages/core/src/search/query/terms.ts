/** From a term node to index terms: analysis, prefix expansion and the span a match covers. */
import { analyzeQuery, type QueryToken, termHasPositions } from "../analysis/analyzer.js";
import { stem } from "../analysis/stem.js";
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

/**
 * Dictionary indexes the prefix expands to in this field, ascending. The dictionary holds stems (vehicle and
 * vehicles are both "vehicl"), so a word starting with P has a stem that either starts with P (one range of the
 * dictionary) or was cut back into P by the stemmer — then it is the stem of P plus one of the few endings the
 * stemmer removes (prefixCompletionStems), each one exact lookup. `vehicle*` thus finds vehicle, vehicles and
 * vehicle-borne (not vehicular); `charging*` finds charging and, as `charging` does, the other forms of its stem
 * (charge, charged).
 */
export function expandPrefix(f: TextField, prefix: string): number[] {
  const [lo, hi] = f.dict.prefixRange(prefix);
  const out: number[] = [];
  for (let t = lo; t < hi && out.length < MAX_PREFIX_EXPANSION; t++) out.push(t);
  let extra = false;
  for (const s of prefixCompletionStems(prefix)) {
    const t = f.dict.find(s);
    if (t >= 0 && (t < lo || t >= hi)) {
      out.push(t);
      extra = true;
    }
  }
  return extra ? out.sort((a, b) => a - b) : out;
}

/**
 * Everything the stemmer strips from the end of a word: an e, then -ing or -ed, then a plural (s, es, ies → y).
 * A word starting with P whose stem does not start with P is P followed by a tail of one of these endings.
 */
const STRIPPED_ENDINGS = (() => {
  const out = new Set<string>();
  for (const e of ["", "e"])
    for (const ing of ["", "ing", "ed"])
      for (const plural of ["", "s", "es", "ies"]) {
        const ending = e + ing + plural;
        for (let k = 0; k <= ending.length; k++) out.add(ending.slice(k));
      }
  return [...out];
})();

const completionMemo = new Map<string, string[]>();

/** Stems of the words P + tail that the stemmer cuts back into P (not starting with P), for every tail. */
export function prefixCompletionStems(prefix: string): string[] {
  let out = completionMemo.get(prefix);
  if (out) return out;
  const stems = new Set<string>();
  for (const tail of STRIPPED_ENDINGS) {
    const s = stem(prefix + tail);
    if (!s.startsWith(prefix)) stems.add(s);
  }
  out = [...stems];
  if (completionMemo.size > 4096) completionMemo.clear();
  completionMemo.set(prefix, out);
  return out;
}
