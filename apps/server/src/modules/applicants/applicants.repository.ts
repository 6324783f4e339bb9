import type { ApplicantMerge } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";

export interface ApplicantRow {
  id: number;
  name: string;
  norm_key: string;
  kind: string;
  region_code: string | null;
  region_rule: string | null;
  merged_into: number | null;
  name_source: string | null;
}

export const findApplicant = (db: Db, id: number): ApplicantRow | undefined =>
  db.sqlite
    .prepare(
      "SELECT id, name, norm_key, kind, region_code, region_rule, merged_into, name_source FROM applicants WHERE id = ?",
    )
    .get(id) as ApplicantRow | undefined;

export const findApplicantByKey = (db: Db, normKey: string): ApplicantRow | undefined =>
  db.sqlite
    .prepare(
      "SELECT id, name, norm_key, kind, region_code, region_rule, merged_into, name_source FROM applicants WHERE norm_key = ?",
    )
    .get(normKey) as ApplicantRow | undefined;

/** Names of division codes (province, city, county), for the figures that count by region. */
export const divisionNames = (db: Db, codes: string[]): Map<string, string> =>
  new Map(
    (codes.length
      ? (db.sqlite
          .prepare(`SELECT code, name FROM divisions WHERE code IN (${codes.map(() => "?").join(",")})`)
          .all(...codes) as { code: string; name: string }[])
      : []
    ).map((r) => [r.code, r.name]),
  );

export const applicantAliases = (db: Db, id: number): string[] =>
  (
    db.sqlite.prepare("SELECT alias FROM applicant_aliases WHERE applicant_id = ? ORDER BY alias").all(id) as {
      alias: string;
    }[]
  ).map((r) => r.alias);

export const applicantPatentCount = (db: Db, id: number): number =>
  (
    db.sqlite
      .prepare("SELECT count(DISTINCT patent_id) AS n FROM patent_applicants WHERE applicant_id = ?")
      .get(id) as { n: number }
  ).n;

interface MergeRow {
  id: number;
  survivor_id: number;
  survivor_name: string;
  absorbed_id: number;
  absorbed_name: string;
  rule: string;
  evidence_json: string;
  created_at: string;
  created_by: number | null;
}

const MERGE_SELECT = `SELECT m.id, m.survivor_id, s.name AS survivor_name, m.absorbed_id, a.name AS absorbed_name,
    m.rule, m.evidence_json, m.created_at, m.created_by
  FROM applicant_merges m JOIN applicants s ON s.id = m.survivor_id JOIN applicants a ON a.id = m.absorbed_id`;

export const toMerge = (r: MergeRow): ApplicantMerge => ({
  id: r.id,
  survivorId: r.survivor_id,
  survivorName: r.survivor_name,
  absorbedId: r.absorbed_id,
  absorbedName: r.absorbed_name,
  rule: r.rule,
  evidence: JSON.parse(r.evidence_json) as Record<string, unknown>,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Merges into this entity, and the entities now folded into it through earlier merges, newest first. */
export const mergesOf = (db: Db, id: number, limit = 100): ApplicantMerge[] =>
  (
    db.sqlite
      .prepare(
        `${MERGE_SELECT} WHERE m.survivor_id = ? OR m.absorbed_id IN (SELECT id FROM applicants WHERE merged_into = ?)
         ORDER BY m.id DESC LIMIT ?`,
      )
      .all(id, id, limit) as MergeRow[]
  ).map(toMerge);

export const recentMerges = (db: Db, limit: number): ApplicantMerge[] =>
  (db.sqlite.prepare(`${MERGE_SELECT} ORDER BY m.id DESC LIMIT ?`).all(limit) as MergeRow[]).map(toMerge);

export const renameApplicant = (db: Db, id: number, name: string, kind: string): void => {
  db.sqlite
    .prepare("UPDATE applicants SET name = ?, kind = ?, name_source = 'official' WHERE id = ?")
    .run(name, kind, id);
};

/** Entities absorbed into `id` whose norm_key is one of `keys` (the rows that route those spellings' imports). */
export const absorbedWithKeys = (db: Db, id: number, keys: string[]): ApplicantRow[] =>
  keys.length
    ? (db.sqlite
        .prepare(
          `SELECT id, name, norm_key, kind, region_code, region_rule, merged_into, name_source FROM applicants
           WHERE merged_into = ? AND norm_key IN (${keys.map(() => "?").join(",")})`,
        )
        .all(id, ...keys) as ApplicantRow[])
    : [];

export const insertApplicant = (db: Db, name: string, normKey: string, kind: string): number =>
  Number(
    db.sqlite
      .prepare("INSERT INTO applicants (name, norm_key, kind, region_code) VALUES (?, ?, ?, NULL)")
      .run(name, normKey, kind).lastInsertRowid,
  );

export const setEntity = (db: Db, id: number, name: string, kind: string, mergedInto: number | null): void => {
  db.sqlite
    .prepare("UPDATE applicants SET name = ?, kind = ?, merged_into = ?, name_source = NULL WHERE id = ?")
    .run(name, kind, mergedInto, id);
};

export const pointAt = (db: Db, ids: number[], into: number): void => {
  const s = db.sqlite.prepare("UPDATE applicants SET merged_into = ? WHERE id = ?");
  for (const id of ids) s.run(into, id);
};

export const moveAliases = (db: Db, aliases: string[], to: number): void => {
  const s = db.sqlite.prepare("UPDATE applicant_aliases SET applicant_id = ? WHERE alias = ?");
  for (const a of aliases) s.run(to, a);
};

export interface PatentLinks {
  patentId: number;
  raw: string | null;
  links: Array<{ position: number; applicantId: number }>;
}

/** Every patent linked to the entity, with its applicant text and all its links (for re-linking positions). */
export function patentsLinkedTo(db: Db, id: number): PatentLinks[] {
  const rows = db.sqlite
    .prepare(
      `SELECT p.id AS patent_id, p.applicants_raw AS raw, pa.position, pa.applicant_id FROM patents p
       JOIN patent_applicants pa ON pa.patent_id = p.id
       WHERE p.id IN (SELECT patent_id FROM patent_applicants WHERE applicant_id = ?) ORDER BY p.id, pa.position`,
    )
    .all(id) as Array<{ patent_id: number; raw: string | null; position: number; applicant_id: number }>;
  const out = new Map<number, PatentLinks>();
  for (const r of rows) {
    const p = out.get(r.patent_id) ?? { patentId: r.patent_id, raw: r.raw, links: [] };
    p.links.push({ position: r.position, applicantId: r.applicant_id });
    out.set(r.patent_id, p);
  }
  return [...out.values()];
}

export const setLink = (db: Db, patentId: number, position: number, applicantId: number): void => {
  db.sqlite
    .prepare(
      `INSERT INTO patent_applicants (patent_id, applicant_id, position) VALUES (?, ?, ?)
       ON CONFLICT(patent_id, position) DO UPDATE SET applicant_id = excluded.applicant_id`,
    )
    .run(patentId, applicantId, position);
};

export const dropLink = (db: Db, patentId: number, position: number): void => {
  db.sqlite.prepare("DELETE FROM patent_applicants WHERE patent_id = ? AND position = ?").run(patentId, position);
};
