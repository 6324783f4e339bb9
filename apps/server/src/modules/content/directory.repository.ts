import type { Db } from "../../db/connection.js";

export interface ListingRow {
  entity: "org" | "person";
  entity_id: number;
  published: number;
  fields_json: string;
}

export function listingsOf(db: Db, entity: "org" | "person"): Map<number, ListingRow> {
  const rows = db.sqlite.prepare("SELECT * FROM directory_listings WHERE entity = ?").all(entity) as ListingRow[];
  return new Map(rows.map((r) => [r.entity_id, r]));
}

export function saveListing(
  db: Db,
  r: { entity: "org" | "person"; entity_id: number; published: number; fields_json: string; by: number; at: number },
): void {
  db.sqlite
    .prepare(
      `INSERT INTO directory_listings (entity, entity_id, published, fields_json, updated_by, updated_at)
       VALUES (@entity, @entity_id, @published, @fields_json, @by, @at)
       ON CONFLICT (entity, entity_id) DO UPDATE SET published = excluded.published,
         fields_json = excluded.fields_json, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    )
    .run(r);
}
