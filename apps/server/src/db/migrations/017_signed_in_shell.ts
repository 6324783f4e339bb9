import type { Kysely } from "kysely";

/**
 * The signed-in shell (issue #15 item 2):
 * - `sessions.user_agent`: the browser a session was opened from, so the personal centre can list one's active
 *   sessions in words ("Chrome on Windows") and a person can tell which one to sign out. NULL for older sessions.
 * - `notification_reads`: how far each user has read the case notifications, as a high-water mark (the newest
 *   notification id read). A mark per user, not `case_notifications.read_at`: the office inbox's rows are shared by
 *   every official in scope, and one official reading a row must not mark it read for the others.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("sessions").addColumn("user_agent", "text").execute();
  await db.schema
    .createTable("notification_reads")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id"))
    .addColumn("seen_up_to", "integer", (c) => c.notNull())
    .addColumn("at", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("notification_reads").ifExists().execute();
  await db.schema.alterTable("sessions").dropColumn("user_agent").execute();
}
