import type { AnalyticsRecord } from "@zhichan/core/analytics/index.ts";
import { inventionKey } from "@zhichan/core/patents/index.ts";
import { sql } from "kysely";
import type { Db } from "../../db/connection.js";
import { all, iterate, one } from "../../db/sync-query.js";

const split = (v: string | null): string[] =>
  v
    ? v
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** Types whose publication is the grant (B, U, S documents). */
const GRANTED_TYPES = new Set(["invention_grant", "utility_model", "design"]);

/** The data's version: rows and the last write sequence; a change means the analytics store is stale. */
export function dataVersion(db: Db): { seq: number; rows: number } {
  return one(
    db,
    db.kysely
      .selectFrom("patents")
      .select([sql<number>`coalesce(max(updated_seq), 0)`.as("seq"), (eb) => eb.fn.countAll<number>().as("rows")]),
  );
}

/**
 * Per invention (patents/invention-key.ts), the id of its latest publication (publication date, then id): the
 * publication an invention count stands on, as in the search engine's group=invention facets.
 */
export function latestPublicationPerInvention(db: Db): number[] {
  const latest = new Map<string, { id: number; pd: number }>();
  const rows = iterate(db, db.kysely.selectFrom("patents").select(["id", "pub_no", "app_no", "family_id", "pub_date"]));
  for (const r of rows) {
    const key = inventionKey({ appNo: r.app_no, familyId: r.family_id, pubNo: r.pub_no });
    const pd = r.pub_date && /^\d{4}-\d{2}-\d{2}$/.test(r.pub_date) ? Number(r.pub_date.replaceAll("-", "")) : 0;
    const seen = latest.get(key);
    if (!seen || pd > seen.pd || (pd === seen.pd && r.id > seen.id)) latest.set(key, { id: r.id, pd });
  }
  return [...latest.values()].map((v) => v.id);
}

/** Every patent as an analytics record, in id order (applicant ids in applicant order). */
export function* analyticsRecords(db: Db): Generator<AnalyticsRecord> {
  for (let page = analyticsRecordsPage(db, 0); page.length > 0; page = analyticsRecordsPage(db, page.at(-1)!.id))
    yield* page;
}

/**
 * The next `limit` patents after `afterId` as analytics records. Pages, not one open cursor: a build that yields to
 * the event loop between pages leaves the connection free for the requests served meanwhile.
 */
export function analyticsRecordsPage(db: Db, afterId: number, limit = 5_000): AnalyticsRecord[] {
  // One compiled query per page of 5,000 rows; sync-query keeps its statement prepared across pages and builds.
  const rows = all(
    db,
    db.kysely
      .selectFrom("patents")
      .select(["id", "app_year", "grant_date", "pub_date", "type", "status", "ipc_all", "inventors"])
      .select(["province_code", "city_code", "district_code", "agency", "cited_by_count", "pub_no", "title"])
      .where("id", ">", afterId)
      .orderBy("id")
      .limit(limit),
  );
  if (rows.length === 0) return [];
  const applicants = new Map<number, string[]>();
  const links = all(
    db,
    db.kysely
      .selectFrom("patent_applicants")
      .select(["patent_id", "applicant_id"])
      .where((eb) => eb.between("patent_id", rows[0]!.id, rows.at(-1)!.id))
      .orderBy("patent_id")
      .orderBy("position"),
  );
  for (const l of links) {
    const list = applicants.get(l.patent_id);
    if (list) list.push(String(l.applicant_id));
    else applicants.set(l.patent_id, [String(l.applicant_id)]);
  }
  return rows.map((r) => {
    const grant = r.grant_date ?? (GRANTED_TYPES.has(r.type) ? r.pub_date : null);
    return {
      id: r.id,
      year: r.app_year ?? 0,
      grantYear: grant && /^\d{4}/.test(grant) ? Number(grant.slice(0, 4)) : 0,
      type: r.type,
      status: r.status,
      ipc: split(r.ipc_all),
      applicants: applicants.get(r.id) ?? [],
      inventors: split(r.inventors),
      province: r.province_code ?? "",
      city: r.city_code ?? "",
      district: r.district_code ?? "",
      agency: split(r.agency)[0] ?? "",
      citedBy: r.cited_by_count ?? -1,
      pubNo: r.pub_no,
      title: r.title,
    };
  });
}

export function applicantNameMap(db: Db): Map<string, string> {
  const rows = all(db, db.kysely.selectFrom("applicants").select(["id", "name"]));
  return new Map(rows.map((r) => [String(r.id), r.name]));
}
