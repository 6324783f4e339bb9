import { sql } from "kysely";
import type { Db } from "../../db/connection.js";
import { all, iterate, one } from "../../db/sync-query.js";

/** What merge suggestions read (merge-suggestions.ts keys, caches and pairs them). */

/** Changes whenever an import, a merge, a new entity or a new spelling could change the suggestions. */
export function suggestionsVersion(db: Db): string {
  const r = one(
    db,
    db.kysely.selectNoFrom((eb) => [
      eb.selectFrom("meta").select("value").where("key", "=", "patent_seq").as("seq"),
      eb
        .selectFrom("applicant_merges")
        .select((e) => e.fn.max("id").as("m"))
        .as("merges"),
      eb
        .selectFrom("applicants")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("entities"),
      eb
        .selectFrom("applicant_aliases")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("aliases"),
    ]),
  );
  return [r.seq, r.merges, r.entities, r.aliases].join("|");
}

/** Changes with every import run and every new patent: when the priority and family evidence must be read again. */
export function evidenceVersion(db: Db): string {
  return one(
    db,
    db.kysely.selectNoFrom(
      sql<string>`(SELECT count(*) FROM patents) || ':' || (SELECT coalesce(max(id), 0) FROM import_runs)`.as("v"),
    ),
  ).v;
}

/** Absorbed entity id → the entity that absorbed it. */
export function mergedInto(db: Db): Map<number, number> {
  const rows = all(
    db,
    db.kysely
      .selectFrom("applicants")
      .select(["id", "merged_into"])
      .where("merged_into", "is not", null)
      .$narrowType<{ merged_into: number }>(), // the where above
  );
  return new Map(rows.map((r) => [r.id, r.merged_into]));
}

/** Every spelling of every live entity. */
export function liveAliases(db: Db): { applicantId: number; alias: string }[] {
  return all(
    db,
    db.kysely
      .selectFrom("applicant_aliases as x")
      .innerJoin("applicants as a", "a.id", "x.applicant_id")
      .select(["x.applicant_id as applicantId", "x.alias"])
      .where("a.merged_into", "is", null),
  );
}

export type SoleApplicantRow = ReturnType<typeof soleApplicantPublications> extends Iterable<infer R> ? R : never;

/** Publications with exactly one applicant and a priority or a family, with that applicant (streamed: all patents). */
export function soleApplicantPublications(db: Db) {
  return iterate(
    db,
    db.kysely
      .selectFrom("patents as p")
      .innerJoin("patent_applicants as pa", "pa.patent_id", "p.id")
      .innerJoin("applicants as a", "a.id", "pa.applicant_id")
      .select(["p.pub_no", "p.app_no", "p.priority_nos", "p.family_id", "a.id as applicant_id", "a.name"])
      .where((eb) =>
        eb.and([
          eb.or([eb("p.priority_nos", "<>", ""), eb("p.family_id", "<>", "")]),
          eb.not(
            eb.exists(
              eb
                .selectFrom("patent_applicants as o")
                .select(sql.lit(1).as("one"))
                .whereRef("o.patent_id", "=", "p.id")
                .whereRef("o.position", "<>", "pa.position"),
            ),
          ),
        ]),
      ),
  );
}

/** Patents per entity as linked (one link per patent and entity: merges drop a doubled link, so count(*) is exact). */
export function linkCounts(db: Db): Map<number, number> {
  const rows = all(
    db,
    db.kysely
      .selectFrom("patent_applicants")
      .select((eb) => ["applicant_id as id", eb.fn.countAll<number>().as("n")])
      .groupBy("applicant_id"),
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** These entities' names and distinct patent counts (the ids travel as one JSON parameter: any number of them). */
export function entitiesByIds(db: Db, ids: number[]): Map<number, { id: number; name: string; patents: number }> {
  const rows = all(
    db,
    db.kysely
      .selectFrom("applicants as a")
      .select((eb) => [
        "a.id",
        "a.name",
        eb
          .selectFrom("patent_applicants")
          .select((e) => e.fn.count<number>("patent_id").distinct().as("n"))
          .whereRef("applicant_id", "=", "a.id")
          .as("patents"),
      ])
      .where("a.id", "in", sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`)
      .$narrowType<{ patents: number }>(), // count() is never NULL
  );
  return new Map(rows.map((r) => [r.id, r]));
}
