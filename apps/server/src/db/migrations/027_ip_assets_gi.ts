import { type Kysely, sql } from "kysely";

/**
 * Every IP type (issue #17 item 6).
 * - `asset_type` on the pledge cases' registrations and on the plan's pledge register: a pledge registers one kind
 *   of right (patent, trademark, copyright, software copyright, GI, IC layout); rows before this were patents.
 * - `gi_products`: the geographical-indication register. The shipped Henan facts (data/gi) are loaded on first start
 *   with `source = 'shipped'`; officials add and edit the rest (`source = 'official'`), audited. `kind` and `stage`
 *   are read from the fact's GI type; the raw wording is kept beside them.
 */
const ASSET_TYPES = sql`('patent','trademark','copyright','software_copyright','gi','ic_layout')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ["pledge_registrations", "pledge_register"])
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN asset_type TEXT NOT NULL DEFAULT 'patent'
      CHECK (asset_type IN ${ASSET_TYPES})`.execute(db);
  await db.schema
    .createTable("gi_products")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull().unique()) // 产品名称
    // gi_product 地理标志产品 (CNIPA), agri_gi 农产品地理标志 (农业农村部), gi_mark 地理标志证明/集体商标
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('gi_product','agri_gi','gi_mark')`))
    // registered: recognised/registered; publicised: in the publicity period; reviewed: passed expert review only
    .addColumn("stage", "text", (c) =>
      c.notNull().check(sql`stage in ('registered','publicised','reviewed','revoked')`),
    )
    .addColumn("gi_type_raw", "text")
    .addColumn("prefecture", "text") // as the source writes it (郑州市, 济源示范区)
    .addColumn("city_code", "text") // six digits (410100), the Henan map's feature id
    .addColumn("area", "text") // county or area as written (登封市, 二七区樱桃沟, 宛城区等13个县区)
    .addColumn("district_code", "text") // six digits when the area is exactly one county
    .addColumn("event", "text")
    .addColumn("announcement", "text") // 公告号 or batch as written
    .addColumn("year", "integer") // the year the announcement or batch names, when it names one
    .addColumn("recognised_on", "text") // YYYY-MM-DD when an official knows the day
    .addColumn("official_id", "text")
    .addColumn("source_url", "text")
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('shipped','official')`))
    .addColumn("notes", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .execute();
  await db.schema.createIndex("gi_products_city").on("gi_products").columns(["city_code", "district_code"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("gi_products").execute();
  for (const table of ["pledge_register", "pledge_registrations"])
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN asset_type`.execute(db);
}
