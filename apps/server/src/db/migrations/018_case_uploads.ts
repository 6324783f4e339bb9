import type { Kysely } from "kysely";

/**
 * Files uploaded in the apply form before the case exists (issue #15 item 4): the form asks for the attachments the
 * office's first decision needs, and uploads them (with progress) before the applicant submits. A row belongs to its
 * uploader and one case type until the case is created (then it becomes a case_attachments row and is deleted) or it
 * is discarded or expires. The bytes live in the same content-addressed store as attachments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("case_uploads")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("case_type", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_name", "text", (c) => c.notNull())
    .addColumn("uploaded_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("case_uploads_user").on("case_uploads").columns(["user_id", "case_type"]).execute();
  await db.schema.createIndex("case_uploads_at").on("case_uploads").column("uploaded_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("case_uploads").execute();
}
