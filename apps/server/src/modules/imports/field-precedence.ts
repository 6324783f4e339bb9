import { PATENT_COLUMNS, type PatentDraft } from "./patent-draft.js";

/** Official data (CNIPA bulk XML and its legal-status records) outranks a vendor export for bibliographic fields. */
export type Authority = "official" | "vendor";

/** Where a value came from: the source tag, the import run, its authority and the date it speaks for. */
export interface ValueOrigin {
  source: string;
  runId: number | null;
  authority: Authority;
  /** The export's date (YYYY-MM-DD) when the file gives one, else the run's start (ISO time); '' for legacy rows. */
  asOf: string;
}

/**
 * How a field group decides between the kept value and a new one (a blank never wins, and any value fills a blank):
 * - `bibliographic`: higher authority wins, then the later as-of date, then the later run.
 * - `latest`: the later as-of date wins (the legal status moves on in time), then authority, then the later run.
 */
export type Rule = "bibliographic" | "latest";

export interface FieldGroup {
  name: string;
  /** Columns that move together: a normalised value never sits beside another source's raw text. */
  fields: ReadonlyArray<keyof PatentDraft>;
  /** The column whose blankness decides whether the source said anything about the group. */
  lead: keyof PatentDraft;
  rule: Rule;
}

const group = (
  name: string,
  fields: ReadonlyArray<keyof PatentDraft>,
  lead: keyof PatentDraft = fields[0],
  rule: Rule = "bibliographic",
): FieldGroup => ({ name, fields, lead, rule });

const DECLARED: FieldGroup[] = [
  group("status", ["status", "status_raw"], "status_raw", "latest"),
  group("type", ["type", "type_raw"], "type_raw"),
  group("ipc", ["ipc_main", "ipc_all", "ipc_raw"], "ipc_raw"),
  group("region", ["province_code", "city_code", "district_code", "region_raw", "region_rule"], "province_code"),
  group("sei", ["sei_codes", "sei_raw"], "sei_raw"),
  group("app_date", ["app_date", "app_year"], "app_date"),
  group("priority", ["priority_nos", "priority_dates"], "priority_nos"),
  group("family", ["family_id", "family_members", "family_count"], "family_id", "latest"),
  group("cited_refs", ["cited_refs", "cites_count"], "cited_refs", "latest"),
  // Counts grow over time: the later export knows more.
  group("claims_count", ["claims_count"], "claims_count", "latest"),
  group("cited_by_count", ["cited_by_count"], "cited_by_count", "latest"),
];

/** Never replaced: the dedup key and what it implies; `sources` and `extra_json` are unions, not choices. */
export const NOT_CHOSEN: ReadonlySet<keyof PatentDraft> = new Set(["pub_no", "country", "sources", "extra_json"]);

/**
 * Every column of the patent row in a group: the declared groups above, and every other column (title, abstract,
 * applicants, … and columns added later) alone as a bibliographic group named after itself.
 */
export const FIELD_GROUPS: ReadonlyArray<FieldGroup> = (() => {
  const grouped = new Set(DECLARED.flatMap((g) => g.fields));
  const singles = PATENT_COLUMNS.filter((c) => !grouped.has(c) && !NOT_CHOSEN.has(c)).map((c) => group(c, [c]));
  return [...DECLARED, ...singles];
})();

const AUTHORITY_RANK: Record<Authority, number> = { vendor: 0, official: 1 };

function compare(a: number | string | null, b: number | string | null): number {
  const x = a ?? -1;
  const y = b ?? -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when `incoming` strictly outranks `kept` under `rule` (equal rank keeps the value already there). */
export function outranks(rule: Rule, incoming: ValueOrigin, kept: ValueOrigin): boolean {
  const authority = compare(AUTHORITY_RANK[incoming.authority], AUTHORITY_RANK[kept.authority]);
  const date = compare(incoming.asOf.slice(0, 10), kept.asOf.slice(0, 10));
  const run = compare(incoming.runId, kept.runId);
  const order = rule === "bibliographic" ? [authority, date, run] : [date, authority, run];
  return (order.find((c) => c !== 0) ?? 0) > 0;
}
