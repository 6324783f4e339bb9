import type { ApplicantMerge } from "@zhichan/shared";
import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, first, one, run } from "../../db/sync-query.js";

export type ApplicantRow = Selectable<Database["applicants"]>;

const applicants = (db: Db) =>
  db.kysely
    .selectFrom("applicants")
    .select(["id", "name", "norm_key", "kind", "region_code", "region_rule", "merged_into", "name_source"]);

export const findApplicant = (db: Db, id: number): ApplicantRow | undefined =>
  first(db, applicants(db).where("id", "=", id));

export const findApplicantByKey = (db: Db, normKey: string): ApplicantRow | undefined =>
  first(db, applicants(db).where("norm_key", "=", normKey));

/** Names of division codes (province, city, county), for the figures that count by region. */
export const divisionNames = (db: Db, codes: string[]): Map<string, string> =>
  new Map(
    (codes.length
      ? all(db, db.kysely.selectFrom("divisions").select(["code", "name"]).where("code", "in", codes))
      : []
    ).map((r) => [r.code, r.name]),
  );

export const applicantAliases = (db: Db, id: number): string[] =>
  all(
    db,
    db.kysely.selectFrom("applicant_aliases").select("alias").where("applicant_id", "=", id).orderBy("alias"),
  ).map((r) => r.alias);

export const applicantPatentCount = (db: Db, id: number): number =>
  one(
    db,
    db.kysely
      .selectFrom("patent_applicants")
      .select((eb) => eb.fn.count<number>("patent_id").distinct().as("n"))
      .where("applicant_id", "=", id),
  ).n;

/** Merges (alias m) with the names of the surviving (s) and absorbed (a) entities. */
const merges = (db: Db) =>
  db.kysely
    .selectFrom("applicant_merges as m")
    .innerJoin("applicants as s", "s.id", "m.survivor_id")
    .innerJoin("applicants as a", "a.id", "m.absorbed_id")
    .select([
      "m.id",
      "m.survivor_id",
      "s.name as survivor_name",
      "m.absorbed_id",
      "a.name as absorbed_name",
      "m.rule",
      "m.evidence_json",
      "m.created_at",
      "m.created_by",
    ]);

type MergeRow = ReturnType<typeof recentMergeRows>[number];
const recentMergeRows = (db: Db, limit: number) => all(db, merges(db).orderBy("m.id", "desc").limit(limit));

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
  all(
    db,
    merges(db)
      .where((eb) =>
        eb.or([
          eb("m.survivor_id", "=", id),
          eb("m.absorbed_id", "in", eb.selectFrom("applicants").select("id").where("merged_into", "=", id)),
        ]),
      )
      .orderBy("m.id", "desc")
      .limit(limit),
  ).map(toMerge);

export const recentMerges = (db: Db, limit: number): ApplicantMerge[] => recentMergeRows(db, limit).map(toMerge);

export const renameApplicant = (db: Db, id: number, name: string, kind: string): void => {
  run(db, db.kysely.updateTable("applicants").set({ name, kind, name_source: "official" }).where("id", "=", id));
};

/** Entities absorbed into `id` whose norm_key is one of `keys` (the rows that route those spellings' imports). */
export const absorbedWithKeys = (db: Db, id: number, keys: string[]): ApplicantRow[] =>
  keys.length ? all(db, applicants(db).where("merged_into", "=", id).where("norm_key", "in", keys)) : [];

export const insertApplicant = (db: Db, name: string, normKey: string, kind: string): number =>
  run(db, db.kysely.insertInto("applicants").values({ name, norm_key: normKey, kind, region_code: null }))
    .lastInsertRowid;

export const setEntity = (db: Db, id: number, name: string, kind: string, mergedInto: number | null): void => {
  run(
    db,
    db.kysely
      .updateTable("applicants")
      .set({ name, kind, merged_into: mergedInto, name_source: null })
      .where("id", "=", id),
  );
};

export const pointAt = (db: Db, ids: number[], into: number): void => {
  for (const id of ids) run(db, db.kysely.updateTable("applicants").set({ merged_into: into }).where("id", "=", id));
};

export const moveAliases = (db: Db, aliases: string[], to: number): void => {
  for (const a of aliases)
    run(db, db.kysely.updateTable("applicant_aliases").set({ applicant_id: to }).where("alias", "=", a));
};

export interface PatentLinks {
  patentId: number;
  raw: string | null;
  links: Array<{ position: number; applicantId: number }>;
}

/** Every patent linked to the entity, with its applicant text and all its links (for re-linking positions). */
export function patentsLinkedTo(db: Db, id: number): PatentLinks[] {
  const rows = all(
    db,
    db.kysely
      .selectFrom("patents as p")
      .innerJoin("patent_applicants as pa", "pa.patent_id", "p.id")
      .select(["p.id as patent_id", "p.applicants_raw as raw", "pa.position", "pa.applicant_id"])
      .where("p.id", "in", (eb) =>
        eb.selectFrom("patent_applicants").select("patent_id").where("applicant_id", "=", id),
      )
      .orderBy("p.id")
      .orderBy("pa.position"),
  );
  const out = new Map<number, PatentLinks>();
  for (const r of rows) {
    const p = out.get(r.patent_id) ?? { patentId: r.patent_id, raw: r.raw, links: [] };
    p.links.push({ position: r.position, applicantId: r.applicant_id });
    out.set(r.patent_id, p);
  }
  return [...out.values()];
}

export const setLink = (db: Db, patentId: number, position: number, applicantId: number): void => {
  run(
    db,
    db.kysely
      .insertInto("patent_applicants")
      .values({ patent_id: patentId, applicant_id: applicantId, position })
      .onConflict((oc) =>
        oc.columns(["patent_id", "position"]).doUpdateSet((eb) => ({ applicant_id: eb.ref("excluded.applicant_id") })),
      ),
  );
};

export const dropLink = (db: Db, patentId: number, position: number): void => {
  run(db, db.kysely.deleteFrom("patent_applicants").where("patent_id", "=", patentId).where("position", "=", position));
};
