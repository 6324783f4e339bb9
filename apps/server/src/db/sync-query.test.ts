import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { freshDb } from "../testing/fixture-db.js";
import type { Db } from "./connection.js";
import { all, cachedStatements, first, iterate, one, run } from "./sync-query.js";

const survey = (title: string) => ({
  title,
  period_start: "2026-01-01",
  period_end: "2026-06-30",
  due_date: "2026-07-15",
  categories_json: "[]",
  definition_json: "{}",
  status: "draft",
  created_by: null,
  created_at: "2026-01-01T00:00:00Z",
});

describe("sync-query: Kysely builders run synchronously on better-sqlite3", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDb());
  });
  afterAll(async () => {
    await db.close();
  });

  it("inserts, reads back typed rows, updates and deletes", () => {
    const a = run(db, db.kysely.insertInto("surveys").values(survey("甲")));
    const b = run(db, db.kysely.insertInto("surveys").values(survey("乙")));
    expect(a.changes).toBe(1);
    expect(b.lastInsertRowid).toBe(a.lastInsertRowid + 1);

    const rows = all(db, db.kysely.selectFrom("surveys").select(["id", "title", "published_at"]).orderBy("id"));
    expectTypeOf(rows).toEqualTypeOf<{ id: number; title: string; published_at: string | null }[]>();
    expect(rows).toEqual([
      { id: a.lastInsertRowid, title: "甲", published_at: null },
      { id: b.lastInsertRowid, title: "乙", published_at: null },
    ]);

    const upd = run(db, db.kysely.updateTable("surveys").set({ status: "open" }).where("id", "=", b.lastInsertRowid));
    expect(upd.changes).toBe(1);
    const one = first(db, db.kysely.selectFrom("surveys").selectAll().where("id", "=", b.lastInsertRowid));
    expect(one?.status).toBe("open");
    expect(first(db, db.kysely.selectFrom("surveys").select("id").where("id", "=", -1))).toBeUndefined();

    expect(run(db, db.kysely.deleteFrom("surveys").where("title", "=", "甲")).changes).toBe(1);
    expect(all(db, db.kysely.selectFrom("surveys").select("title"))).toEqual([{ title: "乙" }]);
  });

  it("returns the rows of a write with returning, and refuses all() on a write without it", () => {
    const row = first(db, db.kysely.insertInto("surveys").values(survey("丙")).returning(["id", "title"]));
    expectTypeOf(row).toEqualTypeOf<{ id: number; title: string } | undefined>();
    expect(row?.title).toBe("丙");
    expect(() => all(db, db.kysely.deleteFrom("surveys").where("id", "=", -1))).toThrow(/returns no rows/);
  });

  it("runs a compiled raw query", () => {
    const q = sql<{ n: number }>`SELECT count(*) AS n FROM surveys WHERE status = ${"open"}`.compile(db.kysely);
    expect(first(db, q)).toEqual({ n: 1 });
  });

  it("one() gives the row of an aggregate and throws when a query has none", () => {
    const n = one(
      db,
      db.kysely.selectFrom("surveys").select((eb) => eb.fn.countAll<number>().as("n")),
    );
    expectTypeOf(n).toEqualTypeOf<{ n: number }>();
    expect(n.n).toBe(all(db, db.kysely.selectFrom("surveys").select("id")).length);
    expect(() => one(db, db.kysely.selectFrom("surveys").select("id").where("id", "=", -1))).toThrow(/returned no row/);
  });

  it("iterate() streams typed rows, and the same query may run inside its loop", () => {
    const q = db.kysely.selectFrom("surveys").select(["id", "title"]).orderBy("id");
    const seen: { id: number; title: string }[] = [];
    for (const row of iterate(db, q)) {
      expectTypeOf(row).toEqualTypeOf<{ id: number; title: string }>();
      expect(all(db, q)).toContainEqual(row); // the cached statement is not the one the loop holds
      seen.push(row);
    }
    expect(seen).toEqual(all(db, q));
    expect(seen.length).toBeGreaterThan(0);
  });

  it("keeps the caller's synchronous transaction: a throw rolls the writes back", () => {
    const before = all(db, db.kysely.selectFrom("surveys").select("id")).length;
    expect(() =>
      db.sqlite.transaction(() => {
        run(db, db.kysely.insertInto("surveys").values(survey("丁")));
        expect(all(db, db.kysely.selectFrom("surveys").select("id"))).toHaveLength(before + 1);
        throw new Error("stop");
      })(),
    ).toThrow("stop");
    expect(all(db, db.kysely.selectFrom("surveys").select("id"))).toHaveLength(before);
  });

  it("prepares each SQL text once, whatever the parameters, and keeps at most 500 statements", async () => {
    const { db: other } = await freshDb();
    const byTitle = (t: string) => first(other, other.kysely.selectFrom("surveys").select("id").where("title", "=", t));
    byTitle("a");
    byTitle("b");
    expect(cachedStatements(other)).toBe(1);
    first(other, other.kysely.selectFrom("surveys").select("title").where("title", "=", "a"));
    expect(cachedStatements(other)).toBe(2);
    for (let i = 0; i < 600; i++)
      first(other, other.kysely.selectFrom("surveys").select(sql<number>`${sql.lit(i)}`.as("n")));
    expect(cachedStatements(other)).toBe(500);
    await other.close();
  });
});
