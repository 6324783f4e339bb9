/**
 * No dead ends: when a query finds nothing, the sub-queries worth trying — drop one top-level part (a word, a
 * field condition or a filter), widen a title/abstract/claims field to TX= — as query texts the user could have
 * typed, built from the text they did type. The caller counts each one (exact counts) and shows those that hit.
 */
import type { RegionResolver } from "../types.js";
import { lex } from "./lexer.js";
import { topLevelConjuncts } from "./parser.js";

export interface SuggestionCandidate {
  query: string;
  kind: "drop" | "widen";
  /** The part dropped, or the field token widened, as typed. */
  part: string;
}

/** At most this many candidates are counted: each is a full query evaluation. */
export const MAX_SUGGESTIONS = 12;

const NARROW_FIELDS = new Set(["TI", "AB", "CL"]);

export function suggestionCandidates(
  query: string,
  options: { regionResolver?: RegionResolver; max?: number } = {},
): SuggestionCandidate[] {
  const max = options.max ?? MAX_SUGGESTIONS;
  const out: SuggestionCandidate[] = [];
  const seen = new Set<string>([query.trim()]);
  const add = (c: SuggestionCandidate) => {
    const q = c.query.trim();
    if (q === "" || seen.has(q) || out.length >= max) return;
    seen.add(q);
    out.push({ ...c, query: q });
  };
  // widen first: the user's words all stay
  const fields = lex(query).filter((t) => t.type === "field" && NARROW_FIELDS.has(t.field ?? "") && t.op === "=");
  for (const f of fields) {
    const name = query.slice(f.pos, f.pos + f.field!.length);
    add({ query: `${query.slice(0, f.pos)}TX${query.slice(f.pos + name.length)}`, kind: "widen", part: name });
  }
  const spans = topLevelConjuncts(query, options);
  if (spans && spans.length > 1) {
    for (let i = 0; i < spans.length; i++) {
      const rest = spans.filter((_, k) => k !== i).map(([a, b]) => query.slice(a, b).trim());
      // a leading NOT would be a query of exclusions only: keep a positive part first
      if (/^(NOT\b|-)/i.test(rest[0] ?? "")) continue;
      add({ query: rest.join(" "), kind: "drop", part: query.slice(spans[i][0], spans[i][1]).trim() });
    }
  }
  return out;
}
