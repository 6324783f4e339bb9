import { type Expression, expressionBuilder, type Selectable, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, first, one, run } from "../../db/sync-query.js";

export type ContentRow = Selectable<Database["content_items"]>;
export type FileRow = Selectable<Database["content_files"]>;
export type GuideRow = Selectable<Database["service_guides"]>;

export type ContentWrite = Pick<
  ContentRow,
  "kind" | "category" | "title" | "body_html" | "body_text" | "published" | "publish_at" | "unpublish_at"
> & { actor: number; at: number };

/** The written columns: the write's actor and time fill both the creation and the last-edit columns. */
const itemColumns = (r: ContentWrite) => ({
  kind: r.kind,
  category: r.category,
  title: r.title,
  body_html: r.body_html,
  body_text: r.body_text,
  published: r.published,
  publish_at: r.publish_at,
  unpublish_at: r.unpublish_at,
  updated_by: r.actor,
  updated_at: r.at,
});

export function insertItem(db: Db, r: ContentWrite): number {
  return run(
    db,
    db.kysely.insertInto("content_items").values({ ...itemColumns(r), created_by: r.actor, created_at: r.at }),
  ).lastInsertRowid;
}

export function updateItem(db: Db, id: number, r: ContentWrite): void {
  run(db, db.kysely.updateTable("content_items").set(itemColumns(r)).where("id", "=", id));
}

export function itemById(db: Db, id: number): ContentRow | undefined {
  return first(db, db.kysely.selectFrom("content_items").selectAll().where("id", "=", id));
}

/** LIKE needs its own wildcards escaped, so a search for "100%" finds that text and not everything. */
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface ItemFilter {
  kind?: string;
  category?: string;
  q?: string;
  /** Only what the public may see at this instant (epoch ms). */
  visibleAt?: number;
  limit: number;
  offset: number;
}

/** Conditions on content_items, built once outside any query. */
const eb = expressionBuilder<Database, "content_items">();

/** Published, and the instant `now` inside [publish_at, unpublish_at). */
function visible(now: number): Expression<SqlBool> {
  return eb.and([
    eb("published", "=", 1),
    eb.or([eb("publish_at", "is", null), eb("publish_at", "<=", now)]),
    eb.or([eb("unpublish_at", "is", null), eb("unpublish_at", ">", now)]),
  ]);
}

/**
 * Items newest first (by when they went or go public, else when last edited). The search is a substring match over
 * title and text: the office publishes hundreds of items, not millions, so a scan is fast and finds any 2+ character
 * Chinese word, which the patent engine's bigrams would too.
 */
export function listItems(db: Db, f: ItemFilter): { rows: ContentRow[]; total: number } {
  const where: Expression<SqlBool>[] = [];
  if (f.kind) where.push(eb("kind", "=", f.kind));
  if (f.category) where.push(eb("category", "=", f.category));
  if (f.q) {
    const q = likeOf(f.q);
    where.push(
      sql<SqlBool>`(${eb.ref("title")} LIKE ${q} ESCAPE '\\' OR ${eb.ref("body_text")} LIKE ${q} ESCAPE '\\')`,
    );
  }
  if (f.visibleAt !== undefined) where.push(visible(f.visibleAt));
  const matching = db.kysely.selectFrom("content_items").where(eb.and(where));
  const { n: total } = one(
    db,
    matching.select((e) => e.fn.countAll<number>().as("n")),
  );
  const rows = all(
    db,
    matching
      .selectAll()
      .orderBy((e) => e.fn.coalesce("publish_at", "updated_at"), "desc")
      .orderBy("id", "desc")
      .limit(f.limit)
      .offset(f.offset),
  );
  return { rows, total };
}

export function categoriesOf(db: Db, kind: string | undefined, visibleAt: number | undefined): string[] {
  return all(
    db,
    db.kysely
      .selectFrom("content_items")
      .select("category")
      .distinct()
      .where("category", "is not", null)
      .$call((q) => (kind ? q.where("kind", "=", kind) : q))
      .$call((q) => (visibleAt !== undefined ? q.where(visible(visibleAt)) : q))
      .orderBy("category")
      .$narrowType<{ category: string }>(), // the where above
  ).map((r) => r.category);
}

/** Stores a file's row and gives it back as stored. */
export function insertFile(db: Db, f: Omit<FileRow, "id" | "uploaded_by"> & { uploaded_by: number }): FileRow {
  return one(db, db.kysely.insertInto("content_files").values(f).returningAll());
}

export function filesOfItem(db: Db, itemId: number): FileRow[] {
  return all(db, db.kysely.selectFrom("content_files").selectAll().where("item_id", "=", itemId).orderBy("id"));
}

export function filesOfGuide(db: Db, caseType: string): FileRow[] {
  return all(
    db,
    db.kysely.selectFrom("content_files").selectAll().where("guide_case_type", "=", caseType).orderBy("id"),
  );
}

export function fileById(db: Db, id: number): FileRow | undefined {
  return first(db, db.kysely.selectFrom("content_files").selectAll().where("id", "=", id));
}

export function deleteFile(db: Db, id: number): void {
  run(db, db.kysely.deleteFrom("content_files").where("id", "=", id));
}

/** Whether any row still points at the stored bytes (files are stored once per checksum). */
export function storageInUse(db: Db, storageName: string): boolean {
  return !!first(
    db,
    db.kysely.selectFrom("content_files").select("id").where("storage_name", "=", storageName).limit(1),
  );
}

export function guideByType(db: Db, caseType: string): GuideRow | undefined {
  return first(db, db.kysely.selectFrom("service_guides").selectAll().where("case_type", "=", caseType));
}

export function allGuides(db: Db): GuideRow[] {
  return all(db, db.kysely.selectFrom("service_guides").selectAll().orderBy("case_type"));
}

export function upsertGuide(db: Db, caseType: string, bodyJson: string, actor: number, at: number): void {
  run(
    db,
    db.kysely
      .insertInto("service_guides")
      .values({ case_type: caseType, body_json: bodyJson, updated_by: actor, updated_at: at })
      .onConflict((oc) =>
        oc.column("case_type").doUpdateSet((eb) => ({
          body_json: eb.ref("excluded.body_json"),
          updated_by: eb.ref("excluded.updated_by"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      ),
  );
}
