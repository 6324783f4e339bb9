import { applicantKind, nameScript } from "./applicants.js";
import { looseNameKey } from "./loose-name-key.js";

/**
 * Merge suggestions for officials to review (issue #14 item 9): pairs of live applicant entities that the data hints
 * are one company, but not strongly enough for the automatic linker (norm_key, same_publication, same_application,
 * vendor_standard_name), which already merged everything it could. Nothing here merges anything.
 * - similar_name: the same looseNameKey (traditional/simplified, accents, old romanisations, filler words,
 *   punctuation) — a spelling difference the strict key keeps apart;
 * - shared_priority / shared_family: names in different scripts, each the only applicant of a publication, claiming
 *   the same priority or in the same simple family on different applications (a single shared priority can be a
 *   licence or a transfer, so an official decides).
 */
export type SuggestionRule = "similar_name" | "shared_priority" | "shared_family";

export interface SuggestionAlias {
  applicantId: number;
  alias: string;
  /** looseNameKey(alias), when the caller computed it already (it costs ~10 µs a name; callers cache it). */
  key?: string;
}
/** One publication with a single applicant and one of its priority numbers or its family id. */
export interface SharedRef {
  kind: "priority" | "family";
  ref: string;
  applicantId: number;
  name: string;
  pubNo: string;
  appNo: string | null;
}
export interface SuggestionReason {
  rule: SuggestionRule;
  evidence: Record<string, unknown>;
}
export interface MergeSuggestion {
  /** The entity to keep (more publications, then the lower id) and the one to fold into it. */
  survivor: number;
  absorbed: number;
  reasons: SuggestionReason[];
}
export interface SuggestionInput {
  aliases: SuggestionAlias[];
  refs: SharedRef[];
  /** Publications per live entity (ranks survivors and suggestions). */
  patents: Map<number, number>;
  /** Pairs an official kept apart or rejected (live ids): never suggested. */
  keepApart: Array<[number, number]>;
}

const EXAMPLES = 5;
/** A key or a reference shared by more entities than this is too generic to mean one company. */
const MAX_GROUP = 8;
/** Below this many characters a loose key ('abc', '电子') is too short to mean anything. */
const MIN_KEY = 4;

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

export function suggestMerges(input: SuggestionInput): MergeSuggestion[] {
  const apart = new Set(input.keepApart.map(([a, b]) => pairKey(a, b)));
  const size = (id: number) => input.patents.get(id) ?? 0;
  const byPair = new Map<string, MergeSuggestion>();
  const add = (x: number, y: number, reason: SuggestionReason) => {
    if (x === y || apart.has(pairKey(x, y))) return;
    const [survivor, absorbed] = size(x) > size(y) || (size(x) === size(y) && x < y) ? [x, y] : [y, x];
    const key = pairKey(x, y);
    const s = byPair.get(key) ?? { survivor, absorbed, reasons: [] };
    if (!s.reasons.some((r) => r.rule === reason.rule)) s.reasons.push(reason);
    byPair.set(key, s);
  };
  for (const [x, y, reason] of similarNames(input.aliases, size)) add(x, y, reason);
  for (const [x, y, reason] of sharedRefs(input.refs)) add(x, y, reason);
  const strength = (s: MergeSuggestion) =>
    s.reasons.reduce((n, r) => n + (typeof r.evidence.count === "number" ? r.evidence.count : 1), 0);
  // Decorated once: a comparator that recomputed these would run them n·log n times.
  return [...byPair.values()]
    .map((s) => ({ s, strength: strength(s), size: size(s.survivor) + size(s.absorbed) }))
    .sort(
      (p, q) =>
        q.strength - p.strength || q.size - p.size || p.s.survivor - q.s.survivor || p.s.absorbed - q.s.absorbed,
    )
    .map((x) => x.s);
}

/** Entities whose spellings share a loose key: each linked to the group's largest (one suggestion per entity). */
function similarNames(aliases: SuggestionAlias[], size: (id: number) => number) {
  // Arrays, not a Map per key: most keys have one spelling, and 100k small Maps cost more than the grouping.
  const groups = new Map<string, Array<[number, string]>>();
  for (const { applicantId, alias, key: known } of aliases) {
    if (applicantKind(alias) === "individual") continue; // two people of one name are not one person
    const key = known ?? looseNameKey(alias);
    if (key.length < MIN_KEY) continue;
    const ids = groups.get(key);
    if (!ids) groups.set(key, [[applicantId, alias]]);
    else if (ids.length <= MAX_GROUP && !ids.some(([id]) => id === applicantId)) ids.push([applicantId, alias]);
  }
  const out: Array<[number, number, SuggestionReason]> = [];
  for (const [key, ids] of groups) {
    if (ids.length < 2 || ids.length > MAX_GROUP) continue;
    const ranked = ids.sort((a, b) => size(b[0]) - size(a[0]) || a[0] - b[0]);
    const [head, ...rest] = ranked;
    for (const [id, alias] of rest)
      out.push([head[0], id, { rule: "similar_name", evidence: { key, spellings: [head[1], alias] } }]);
  }
  return out;
}

/** Pairs of entities in different scripts sharing a priority or family on different applications, with counts. */
function sharedRefs(refs: SharedRef[]) {
  const groups = new Map<string, SharedRef[]>();
  for (const r of refs) {
    if (applicantKind(r.name) === "individual") continue;
    const key = `${r.kind}\u0000${r.ref}`;
    // One publication per entity and reference is evidence enough; past MAX_GROUP entities the group is dropped.
    const g = groups.get(key);
    if (!g) groups.set(key, [r]);
    else if (g.length <= MAX_GROUP && !g.some((x) => x.applicantId === r.applicantId)) g.push(r);
  }
  const pairs = new Map<string, { x: SharedRef; y: SharedRef; rule: SuggestionRule; refs: string[]; n: number }>();
  for (const g of groups.values()) {
    if (g.length > MAX_GROUP) continue;
    const seen = new Set<string>();
    for (const x of g) {
      for (const y of g) {
        if (x.applicantId >= y.applicantId || nameScript(x.name) === nameScript(y.name)) continue;
        if (x.appNo !== null && x.appNo === y.appNo) continue; // one application: the automatic rule's case
        const rule: SuggestionRule = x.kind === "priority" ? "shared_priority" : "shared_family";
        const key = `${rule}:${x.applicantId}:${y.applicantId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const p = pairs.get(key) ?? { x, y, rule, refs: [], n: 0 };
        p.n++;
        if (p.refs.length < EXAMPLES) p.refs.push(`${x.ref}: ${x.pubNo} / ${y.pubNo}`);
        pairs.set(key, p);
      }
    }
  }
  return [...pairs.values()].map((p): [number, number, SuggestionReason] => [
    p.x.applicantId,
    p.y.applicantId,
    {
      rule: p.rule,
      evidence: {
        names: [p.x.name, p.y.name],
        [p.rule === "shared_priority" ? "priorities" : "families"]: p.refs,
        count: p.n,
      },
    },
  ]);
}
