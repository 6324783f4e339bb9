import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, run } from "../../db/sync-query.js";

export type ListingRow = Selectable<Database["directory_listings"]> & { entity: "org" | "person" };

export function listingsOf(db: Db, entity: "org" | "person"): Map<number, ListingRow> {
  const rows = all(
    db,
    db.kysely
      .selectFrom("directory_listings")
      .selectAll()
      .where("entity", "=", entity)
      .$narrowType<{ entity: "org" | "person" }>(), // the where above
  );
  return new Map(rows.map((r) => [r.entity_id, r]));
}

export function saveListing(
  db: Db,
  r: { entity: "org" | "person"; entity_id: number; published: number; fields_json: string; by: number; at: number },
): void {
  run(
    db,
    db.kysely
      .insertInto("directory_listings")
      .values({
        entity: r.entity,
        entity_id: r.entity_id,
        published: r.published,
        fields_json: r.fields_json,
        updated_by: r.by,
        updated_at: r.at,
      })
      .onConflict((oc) =>
        oc.columns(["entity", "entity_id"]).doUpdateSet((eb) => ({
          published: eb.ref("excluded.published"),
          fields_json: eb.ref("excluded.fields_json"),
          updated_by: eb.ref("excluded.updated_by"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      ),
  );
}
