import { FIELD_GROUPS, outranks, type ValueOrigin } from "./field-precedence.js";
import { PATENT_COLUMNS, type PatentDraft } from "./patent-draft.js";

/** The kept row's provenance: per field group where one was recorded, else the origin of the whole row. */
export interface KeptOrigins {
  row: ValueOrigin;
  groups: ReadonlyMap<string, ValueOrigin>;
}

export interface StatusChange {
  fromValue: string | null;
  toValue: string | null;
  fromRaw: string | null;
  toRaw: string | null;
}

export interface MergeResult {
  merged: PatentDraft;
  /** Some column of the row differs (the row is written and its updated_seq bumped). */
  changed: boolean;
  /** Field groups whose value changed. */
  changedGroups: string[];
  /** Field groups where the incoming source said something else and lost (it ranks lower). */
  conflicts: string[];
  /** Field groups whose provenance becomes the incoming source (changed, or confirmed by a higher authority). */
  provenance: string[];
  statusChange: StatusChange | null;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === "";

/** Keys of the later source's extra fields are added; existing keys keep their value (and the text stays byte-equal). */
function mergeExtra(a: string | null, b: string | null): string | null {
  if (!a || !b) return a ?? b;
  const existing = JSON.parse(a) as Record<string, unknown>;
  let added = false;
  for (const [k, v] of Object.entries(JSON.parse(b) as Record<string, unknown>)) {
    if (!(k in existing)) {
      existing[k] = v;
      added = true;
    }
  }
  return added ? JSON.stringify(existing) : a;
}

function mergeSources(a: string, b: string): string {
  const tags = a.split(";").filter(Boolean);
  for (const t of b.split(";")) if (t && !tags.includes(t)) tags.push(t);
  return tags.join(";");
}

/**
 * A publication seen again: per field group (field-precedence.ts) the value of the higher-ranked source is kept —
 * a later export's legal status, an official source's bibliographic data, a later vendor export's corrected title —
 * and a value never gives way to a blank. Columns of a group move together. Where the kept group wins but a
 * non-lead column of it is blank, the incoming value fills it (an app year without a date, a region's raw text).
 */
export function mergePatent(
  existing: PatentDraft,
  kept: KeptOrigins,
  incoming: PatentDraft,
  origin: ValueOrigin,
): MergeResult {
  const m: PatentDraft = { ...existing };
  const out = m as unknown as Record<string, unknown>;
  const result: MergeResult = {
    merged: m,
    changed: false,
    changedGroups: [],
    conflicts: [],
    provenance: [],
    statusChange: null,
  };
  for (const g of FIELD_GROUPS) {
    if (isEmpty(incoming[g.lead])) continue;
    const differs = g.fields.some((f) => existing[f] !== incoming[f] && !isEmpty(incoming[f]));
    const keptOrigin = kept.groups.get(g.name) ?? kept.row;
    const wins = isEmpty(existing[g.lead]) || outranks(g.rule, origin, keptOrigin);
    if (!differs) {
      if (wins && origin.authority !== keptOrigin.authority) result.provenance.push(g.name);
      continue;
    }
    if (!wins) {
      for (const f of g.fields) if (isEmpty(m[f]) && !isEmpty(incoming[f])) out[f] = incoming[f];
      result.conflicts.push(g.name);
      continue;
    }
    for (const f of g.fields) if (!isEmpty(incoming[f]) || g.fields.length > 1) out[f] = incoming[f];
    if (g.name === "region" && isEmpty(existing.province_code) && existing.region_raw !== incoming.region_raw) {
      // Both raw texts are kept: the earlier one told us nothing we could code, but it is still data.
      m.region_raw = [existing.region_raw, incoming.region_raw].filter(Boolean).join(" | ") || null;
    }
    // The normalised status moved (or was unknown): a raw wording change alone (有效 → 授权) is not an event.
    if (g.name === "status" && (existing.status !== m.status || isEmpty(existing.status_raw))) {
      result.statusChange = {
        fromValue: existing.status,
        toValue: m.status,
        fromRaw: existing.status_raw,
        toRaw: m.status_raw,
      };
    }
    result.provenance.push(g.name);
  }
  m.extra_json = mergeExtra(m.extra_json, incoming.extra_json);
  m.sources = mergeSources(m.sources, incoming.sources);
  for (const g of FIELD_GROUPS) if (g.fields.some((f) => m[f] !== existing[f])) result.changedGroups.push(g.name);
  result.changed = PATENT_COLUMNS.some((k) => m[k] !== existing[k]);
  return result;
}
