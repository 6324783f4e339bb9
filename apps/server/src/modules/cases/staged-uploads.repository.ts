import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { CaseUploadsTable } from "../../db/schema.js";
import { all, first, one, run } from "../../db/sync-query.js";

/** Files uploaded in the apply form before their case exists (migration 018). */
export type StagedUploadRow = Selectable<CaseUploadsTable>;

export function insertStagedUpload(db: Db, u: Omit<StagedUploadRow, "id">): number {
  return run(
    db,
    db.kysely.insertInto("case_uploads").values({
      user_id: u.user_id,
      case_type: u.case_type,
      kind: u.kind,
      filename: u.filename,
      mime: u.mime,
      size: u.size,
      sha256: u.sha256,
      storage_name: u.storage_name,
      uploaded_at: u.uploaded_at,
    }),
  ).lastInsertRowid;
}

export function findStagedUpload(db: Db, id: number): StagedUploadRow | undefined {
  return first(db, db.kysely.selectFrom("case_uploads").selectAll().where("id", "=", id));
}

export function stagedUploadsOf(db: Db, userId: number, caseType: string): StagedUploadRow[] {
  return all(
    db,
    db.kysely
      .selectFrom("case_uploads")
      .selectAll()
      .where("user_id", "=", userId)
      .where("case_type", "=", caseType)
      .orderBy("id"),
  );
}

export function countStagedUploads(db: Db, userId: number): number {
  return one(
    db,
    db.kysely
      .selectFrom("case_uploads")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", userId),
  ).n;
}

export function deleteStagedUpload(db: Db, id: number): void {
  run(db, db.kysely.deleteFrom("case_uploads").where("id", "=", id));
}

export function stagedUploadsBefore(db: Db, at: number): StagedUploadRow[] {
  return all(db, db.kysely.selectFrom("case_uploads").selectAll().where("uploaded_at", "<", at));
}

/** Whether any attachment or other staged upload still points at these bytes (the store keeps one file per hash). */
export function storedFileInUse(db: Db, sha256: string): boolean {
  return !!first(
    db,
    db.kysely
      .selectFrom("case_attachments")
      .select("id")
      .where("sha256", "=", sha256)
      .unionAll(db.kysely.selectFrom("case_uploads").select("id").where("sha256", "=", sha256))
      .limit(1),
  );
}
