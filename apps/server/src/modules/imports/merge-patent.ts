import { PATENT_COLUMNS, type PatentDraft } from "./patent-draft.js";

const FILL_EMPTY: ReadonlyArray<keyof PatentDraft> = [
  "app_no",
  "abstract",
  "claims",
  "applicants_raw",
  "inventors",
  "app_date",
  "pub_date",
  "grant_date",
  "app_year",
  "applicant_address",
  "agency",
  "agent",
  "nic_raw",
  "claims_count",
  "cited_by_count",
];

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
 * A publication seen again (in a later file or later in the same file): the earlier value of every field stays; an
 * empty field is filled from the later source; fields that belong together (a normalised value and its raw text,
 * the three region codes) move as a group, so a value never sits beside another source's raw text.
 */
export function mergePatent(existing: PatentDraft, incoming: PatentDraft): { merged: PatentDraft; changed: boolean } {
  const m: PatentDraft = { ...existing };
  const out = m as unknown as Record<string, unknown>;
  for (const key of FILL_EMPTY) if (isEmpty(m[key]) && !isEmpty(incoming[key])) out[key] = incoming[key];
  if (m.type_raw === null && incoming.type_raw !== null) {
    m.type = incoming.type;
    m.type_raw = incoming.type_raw;
  }
  if (m.status_raw === null && incoming.status_raw !== null) {
    m.status = incoming.status;
    m.status_raw = incoming.status_raw;
  }
  if (m.ipc_raw === null && incoming.ipc_raw !== null) {
    m.ipc_main = incoming.ipc_main;
    m.ipc_all = incoming.ipc_all;
    m.ipc_raw = incoming.ipc_raw;
  }
  if (m.province_code === null && incoming.province_code !== null) {
    m.province_code = incoming.province_code;
    m.city_code = incoming.city_code;
    m.district_code = incoming.district_code;
    // Both raw texts are kept when they differ: the earlier one told us nothing we could code, but it is still data.
    m.region_raw =
      m.region_raw && m.region_raw !== incoming.region_raw
        ? `${m.region_raw} | ${incoming.region_raw}`
        : incoming.region_raw;
  } else if (m.region_raw === null) m.region_raw = incoming.region_raw;
  if (m.sei_raw === null && incoming.sei_raw !== null) {
    m.sei_codes = incoming.sei_codes;
    m.sei_raw = incoming.sei_raw;
  }
  m.extra_json = mergeExtra(m.extra_json, incoming.extra_json);
  m.sources = mergeSources(m.sources, incoming.sources);
  const changed = PATENT_COLUMNS.some((k) => m[k] !== existing[k]);
  return { merged: m, changed };
}
