import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { CaseUploadsTable } from "../../db/schema.js";

/** Files uploaded in the apply form before their case exists (migration 018). */
export type StagedUploadRow = Selectable<CaseUploadsTable>;

export function insertStagedUpload(db: Db, u: Omit<StagedUploadRow, "id">): number {
  const info = db.sqlite
    .prepare(
      `INSERT INTO case_uploads (user_id, case_type, kind, filename, mime, size, sha256, storage_name, uploaded_at)
       VALUES (@user_id, @case_type, @kind, @filename, @mime, @size, @sha256, @storage_name, @uploaded_at)`,
    )
    .run(u);
  return Number(info.lastInsertRowid);
}

export function findStagedUpload(db: Db, id: number): StagedUploadRow | undefined {
  return db.sqlite.prepare("SELECT * FROM case_uploads WHERE id = ?").get(id) as StagedUploadRow | undefined;
}

export function stagedUploadsOf(db: Db, userId: number, caseType: string): StagedUploadRow[] {
  return db.sqlite
    .prepare("SELECT * FROM case_uploads WHERE user_id = ? AND case_type = ? ORDER BY id")
    .all(userId, caseType) as StagedUploadRow[];
}

export function countStagedUploads(db: Db, userId: number): number {
  return (db.sqlite.prepare("SELECT count(*) AS n FROM case_uploads WHERE user_id = ?").get(userId) as { n: number }).n;
}

export function deleteStagedUpload(db: Db, id: number): void {
  db.sqlite.prepare("DELETE FROM case_uploads WHERE id = ?").run(id);
}

export function stagedUploadsBefore(db: Db, at: number): StagedUploadRow[] {
  return db.sqlite.prepare("SELECT * FROM case_uploads WHERE uploaded_at < ?").all(at) as StagedUploadRow[];
}

/** Whether any attachment or other staged upload still points at these bytes (the store keeps one file per hash). */
export function storedFileInUse(db: Db, sha256: string): boolean {
  return !!db.sqlite
    .prepare(
      `SELECT 1 FROM case_attachments WHERE sha256 = ?
       UNION ALL SELECT 1 FROM case_uploads WHERE sha256 = ? LIMIT 1`,
    )
    .get(sha256, sha256);
}
