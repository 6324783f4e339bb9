import type { Db } from "../../db/connection.js";

export interface ContentRow {
  id: number;
  kind: string;
  category: string | null;
  title: string;
  body_html: string;
  body_text: string;
  published: number;
  publish_at: number | null;
  unpublish_at: number | null;
  updated_at: number;
}

export interface FileRow {
  id: number;
  item_id: number | null;
  guide_case_type: string | null;
  file_name: string;
  type: string;
  size: number;
  storage_name: string;
  sha256: string;
}

export type ContentWrite = Omit<ContentRow, "id" | "updated_at"> & { actor: number; at: number };

export function insertItem(db: Db, r: ContentWrite): number {
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO content_items (kind, category, title, body_html, body_text, published, publish_at, unpublish_at,
           created_by, created_at, updated_by, updated_at)
         VALUES (@kind, @category, @title, @body_html, @body_text, @published, @publish_at, @unpublish_at,
           @actor, @at, @actor, @at)`,
      )
      .run(r).lastInsertRowid,
  );
}

export function updateItem(db: Db, id: number, r: ContentWrite): void {
  db.sqlite
    .prepare(
      `UPDATE content_items SET kind = @kind, category = @category, title = @title, body_html = @body_html,
         body_text = @body_text, published = @published, publish_at = @publish_at, unpublish_at = @unpublish_at,
         updated_by = @actor, updated_at = @at WHERE id = @id`,
    )
    .run({ ...r, id });
}

export function itemById(db: Db, id: number): ContentRow | undefined {
  return db.sqlite.prepare("SELECT * FROM content_items WHERE id = ?").get(id) as ContentRow | undefined;
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

/**
 * Items newest first (by when they went or go public, else when last edited). The search is a substring match over
 * title and text: the office publishes hundreds of items, not millions, so a scan is fast and finds any 2+ character
 * Chinese word, which the patent engine's bigrams would too.
 */
export function listItems(db: Db, f: ItemFilter): { rows: ContentRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: f.limit, offset: f.offset };
  if (f.kind) {
    where.push("kind = @kind");
    params.kind = f.kind;
  }
  if (f.category) {
    where.push("category = @category");
    params.category = f.category;
  }
  if (f.q) {
    where.push("(title LIKE @q ESCAPE '\\' OR body_text LIKE @q ESCAPE '\\')");
    params.q = likeOf(f.q);
  }
  if (f.visibleAt !== undefined) {
    where.push(VISIBLE);
    params.now = f.visibleAt;
  }
  const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const total = (db.sqlite.prepare(`SELECT count(*) AS n FROM content_items ${w}`).get(params) as { n: number }).n;
  const rows = db.sqlite
    .prepare(
      `SELECT * FROM content_items ${w} ORDER BY coalesce(publish_at, updated_at) DESC, id DESC
       LIMIT @limit OFFSET @offset`,
    )
    .all(params) as ContentRow[];
  return { rows, total };
}

/** Published, and the instant @now inside [publish_at, unpublish_at). */
const VISIBLE =
  "published = 1 AND (publish_at IS NULL OR publish_at <= @now) AND (unpublish_at IS NULL OR unpublish_at > @now)";

export function categoriesOf(db: Db, kind: string | undefined, visibleAt: number | undefined): string[] {
  const where = ["category IS NOT NULL"];
  if (kind) where.push("kind = @kind");
  if (visibleAt !== undefined) where.push(VISIBLE);
  return (
    db.sqlite
      .prepare(`SELECT DISTINCT category FROM content_items WHERE ${where.join(" AND ")} ORDER BY category`)
      .all({ kind, now: visibleAt }) as { category: string }[]
  ).map((r) => r.category);
}

export function insertFile(db: Db, f: Omit<FileRow, "id"> & { uploaded_by: number; uploaded_at: number }): number {
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO content_files (item_id, guide_case_type, file_name, type, size, storage_name, sha256,
           uploaded_by, uploaded_at)
         VALUES (@item_id, @guide_case_type, @file_name, @type, @size, @storage_name, @sha256, @uploaded_by,
           @uploaded_at)`,
      )
      .run(f).lastInsertRowid,
  );
}

export function filesOfItem(db: Db, itemId: number): FileRow[] {
  return db.sqlite.prepare("SELECT * FROM content_files WHERE item_id = ? ORDER BY id").all(itemId) as FileRow[];
}

export function filesOfGuide(db: Db, caseType: string): FileRow[] {
  return db.sqlite
    .prepare("SELECT * FROM content_files WHERE guide_case_type = ? ORDER BY id")
    .all(caseType) as FileRow[];
}

export function fileById(db: Db, id: number): FileRow | undefined {
  return db.sqlite.prepare("SELECT * FROM content_files WHERE id = ?").get(id) as FileRow | undefined;
}

export function deleteFile(db: Db, id: number): void {
  db.sqlite.prepare("DELETE FROM content_files WHERE id = ?").run(id);
}

/** Whether any row still points at the stored bytes (files are stored once per checksum). */
export function storageInUse(db: Db, storageName: string): boolean {
  return !!db.sqlite.prepare("SELECT 1 FROM content_files WHERE storage_name = ? LIMIT 1").get(storageName);
}

export interface GuideRow {
  case_type: string;
  body_json: string;
  updated_at: number;
}

export function guideByType(db: Db, caseType: string): GuideRow | undefined {
  return db.sqlite.prepare("SELECT * FROM service_guides WHERE case_type = ?").get(caseType) as GuideRow | undefined;
}

export function allGuides(db: Db): GuideRow[] {
  return db.sqlite.prepare("SELECT * FROM service_guides ORDER BY case_type").all() as GuideRow[];
}

export function upsertGuide(db: Db, caseType: string, bodyJson: string, actor: number, at: number): void {
  db.sqlite
    .prepare(
      `INSERT INTO service_guides (case_type, body_json, updated_by, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (case_type) DO UPDATE SET body_json = excluded.body_json, updated_by = excluded.updated_by,
         updated_at = excluded.updated_at`,
    )
    .run(caseType, bodyJson, actor, at);
}
