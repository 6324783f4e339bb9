import type { Db } from "../../db/connection.js";

export interface HitRow {
  id: number;
  pub_no: string;
  app_no: string | null;
  title: string;
  abstract: string | null;
  claims: string | null;
  app_date: string | null;
  pub_date: string | null;
  grant_date: string | null;
  type: string;
  status: string;
  status_raw: string | null;
  ipc_main: string | null;
  ipc_all: string | null;
  applicants_raw: string | null;
  inventors: string | null;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  agency: string | null;
  agent: string | null;
  title_en: string | null;
  abstract_en: string | null;
  cpc: string | null;
  priority_nos: string | null;
  cited_refs: string | null;
  cites_count: number | null;
  cited_by_count: number | null;
  family_id: string | null;
  family_members: string | null;
  family_count: number | null;
  applicants: { id: number; name: string }[];
}

const COLUMNS = `id, pub_no, app_no, title, abstract, claims, app_date, pub_date, grant_date, type, status, status_raw,
  ipc_main, ipc_all, applicants_raw, inventors, province_code, city_code, district_code, agency, agent, title_en,
  abstract_en, cpc, priority_nos, cited_refs, cites_count, cited_by_count, family_id, family_members, family_count`;

/** Rows for a page of hits (or a batch of an export), in the order of `ids`. */
export function hitRows(db: Db, ids: number[]): HitRow[] {
  if (ids.length === 0) return [];
  const marks = ids.map(() => "?").join(",");
  const rows = db.sqlite.prepare(`SELECT ${COLUMNS} FROM patents WHERE id IN (${marks})`).all(...ids) as Omit<
    HitRow,
    "applicants"
  >[];
  const links = db.sqlite
    .prepare(
      `SELECT pa.patent_id, a.id, a.name FROM patent_applicants pa JOIN applicants a ON a.id = pa.applicant_id
       WHERE pa.patent_id IN (${marks}) ORDER BY pa.patent_id, pa.position`,
    )
    .all(...ids) as { patent_id: number; id: number; name: string }[];
  const byPatent = new Map<number, { id: number; name: string }[]>();
  for (const l of links) {
    const list = byPatent.get(l.patent_id) ?? [];
    list.push({ id: l.id, name: l.name });
    byPatent.set(l.patent_id, list);
  }
  const byId = new Map(rows.map((r) => [r.id, { ...r, applicants: byPatent.get(r.id) ?? [] }]));
  return ids.map((id) => byId.get(id)).filter((r): r is HitRow => r !== undefined);
}

/** Number, kind and date of publications (the members of grouped hits). */
export function publicationRows(
  db: Db,
  ids: number[],
): { id: number; pub_no: string; type: string; pub_date: string | null }[] {
  if (ids.length === 0) return [];
  return db.sqlite
    .prepare(`SELECT id, pub_no, type, pub_date FROM patents WHERE id IN (${ids.map(() => "?").join(",")})`)
    .all(...ids) as { id: number; pub_no: string; type: string; pub_date: string | null }[];
}

export function applicantNames(db: Db, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.sqlite
    .prepare(`SELECT id, name FROM applicants WHERE id IN (${ids.map(() => "?").join(",")})`)
    .all(...ids) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
