import { inventionKey } from "@zhichan/core/patents/index.ts";
import type { PatentDoc } from "@zhichan/core/search/types.ts";
import type { Db } from "../../db/connection.js";

interface PatentDocRow {
  id: number;
  pub_no: string;
  app_no: string | null;
  family_id: string | null;
  title: string;
  abstract: string | null;
  title_en: string | null;
  abstract_en: string | null;
  claims: string | null;
  applicants_raw: string | null;
  inventors: string | null;
  agency: string | null;
  ipc_all: string | null;
  app_date: string | null;
  pub_date: string | null;
  type: string;
  status: string;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  sei_codes: string | null;
  updated_seq: number;
  applicant_ids: string | null;
  applicant_names: string | null;
}

const splitList = (v: string | null): string[] =>
  v
    ? v
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** 'YYYY-MM-DD' → yyyymmdd; the engine keeps dates as integers so range filters are typed-array compares. */
export const dateToInt = (v: string | null): number =>
  v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? Number(v.replaceAll("-", "")) : 0;

/**
 * A text field in both languages: TI=/AB= (and TX/bare words) must find a record by its English title or abstract
 * too. The English text is appended after a newline (the analyser treats it as a word break) unless it is the same
 * text (a foreign record whose display title already is its English title).
 */
function bothLanguages(text: string | null, english: string | null): string {
  if (!english || english === text) return text ?? "";
  return text ? `${text}\n${english}` : english;
}

export function rowToDoc(r: PatentDocRow): PatentDoc {
  const region = [r.province_code, r.city_code, r.district_code].filter((c): c is string => !!c);
  // Applicant names as the entity table knows them plus the raw text, so AP= finds any spelling.
  const ap = [...new Set([...splitList(r.applicant_names), ...splitList(r.applicants_raw)])];
  return {
    id: r.id,
    pn: r.pub_no,
    an: r.app_no ?? "",
    ti: bothLanguages(r.title, r.title_en),
    ab: bothLanguages(r.abstract, r.abstract_en),
    cl: r.claims ?? "",
    ap,
    in: splitList(r.inventors),
    agc: splitList(r.agency),
    ipc: splitList(r.ipc_all),
    ad: dateToInt(r.app_date),
    pd: dateToInt(r.pub_date),
    type: r.type,
    status: r.status,
    region,
    sei: splitList(r.sei_codes),
    applicantIds: splitList(r.applicant_ids),
    // computed at index time from this row alone, so a corrected number re-keys the doc when it is re-indexed
    invention: inventionKey({ appNo: r.app_no, familyId: r.family_id, pubNo: r.pub_no }),
  };
}

const DOC_SQL = `
  SELECT p.id, p.pub_no, p.app_no, p.family_id, p.title, p.abstract, p.title_en, p.abstract_en, p.claims, p.applicants_raw, p.inventors, p.agency, p.ipc_all,
         p.app_date, p.pub_date, p.type, p.status, p.province_code, p.city_code, p.district_code, p.sei_codes,
         p.updated_seq,
         (SELECT group_concat(pa.applicant_id, ';') FROM patent_applicants pa WHERE pa.patent_id = p.id) AS applicant_ids,
         (SELECT group_concat(a.name, ';') FROM patent_applicants pa JOIN applicants a ON a.id = pa.applicant_id
           WHERE pa.patent_id = p.id) AS applicant_names
  FROM patents p WHERE p.updated_seq > ? ORDER BY p.updated_seq`;

/** Streams every patent written after `afterSeq`, as engine documents, in write order. */
export function* docsChangedSince(db: Db, afterSeq: number): Generator<{ doc: PatentDoc; seq: number }> {
  const stmt = db.sqlite.prepare(DOC_SQL);
  for (const row of stmt.iterate(afterSeq) as Iterable<PatentDocRow>) {
    yield { doc: rowToDoc(row), seq: row.updated_seq };
  }
}

/**
 * One page of the rows written after (seq, id), in write order: a caller that must yield to the event loop
 * between pages (start-up, where a long synchronous read would leave the process deaf to signals) reads by
 * pages instead of holding a statement open. Keyed on (updated_seq, id), so rows sharing a sequence are not skipped.
 */
export function docsChangedPage(
  db: Db,
  after: { seq: number; id: number },
  limit: number,
): { doc: PatentDoc; seq: number }[] {
  const stmt = db.sqlite.prepare(
    DOC_SQL.replace(
      "WHERE p.updated_seq > ? ORDER BY p.updated_seq",
      "WHERE (p.updated_seq, p.id) > (?, ?) ORDER BY p.updated_seq, p.id LIMIT ?",
    ),
  );
  return (stmt.all(after.seq, after.id, limit) as PatentDocRow[]).map((row) => ({
    doc: rowToDoc(row),
    seq: row.updated_seq,
  }));
}

/** The patents with ids in (after, upTo] — the rows one import batch inserted — as engine documents. */
export function docsInIdRange(db: Db, after: number, upTo: number): PatentDoc[] {
  const stmt = db.sqlite.prepare(
    DOC_SQL.replace("WHERE p.updated_seq > ? ORDER BY p.updated_seq", "WHERE p.id > ? AND p.id <= ? ORDER BY p.id"),
  );
  return (stmt.all(after, upTo) as PatentDocRow[]).map(rowToDoc);
}

export function countChangedSince(db: Db, afterSeq: number): number {
  const row = db.sqlite.prepare("SELECT count(*) AS n FROM patents WHERE updated_seq > ?").get(afterSeq) as {
    n: number;
  };
  return row.n;
}

/** The newest write's sequence: an index lookup, cheap enough to poll every second. */
export function maxUpdatedSeq(db: Db): number {
  return (db.sqlite.prepare("SELECT coalesce(max(updated_seq), 0) FROM patents").pluck().get() as number) ?? 0;
}
