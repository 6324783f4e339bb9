import path from "node:path";
import type { Db } from "../../db/connection.js";
import { createServices, type Services } from "../../services.js";
import { freshDb, insertPatents, seedReference } from "../../testing/fixture-db.js";
import { REAL_PATENTS } from "../../testing/real-fixtures.js";
import type { Clock } from "../accounts/clock.js";
import { SearchIndex } from "../search/search-index.js";

/**
 * A fresh database with the real fixture patents, plus the bibliographic fields the reports read that the shared
 * fixture leaves out (inventors, agency, citations) set on some rows, and a second SEI row for industries. The
 * services run on `clock` when one is given (the system's otherwise).
 */
export async function analyticsFixture(
  clock?: Clock,
): Promise<{ db: Db; dir: string; services: Services; index: SearchIndex }> {
  const { db, dir } = await freshDb();
  seedReference(db);
  db.sqlite
    .prepare("INSERT INTO sei_categories VALUES (?, ?, ?, ?, ?)")
    .run("5.2", "新能源汽车装置、配件制造", "5", "新能源汽车产业", null);
  db.sqlite.prepare("INSERT INTO ipc_sei_observed VALUES (?, ?, ?, ?, ?)").run("H01M8/00", "5.2", 12, 15, 0.8);
  db.sqlite.prepare("INSERT INTO ipc_sei_observed VALUES (?, ?, ?, ?, ?)").run("G06T19/00", "5.2", 1, 9, 0.11);
  insertPatents(db, REAL_PATENTS);
  const set = db.sqlite.prepare(
    "UPDATE patents SET inventors = ?, agency = ?, cited_by_count = ?, sei_codes = ? WHERE pub_no = ?",
  );
  set.run("甲;乙", "北京某代理事务所", 3, "5.2", "CN100395559C");
  set.run("甲;乙;丙", "北京某代理事务所", 7, null, "CN100428550C");
  set.run("甲;丙", null, 0, "5.2", "CN100520432C");
  set.run("丁", "郑州某代理事务所", null, null, "CN115883397A");
  const index = SearchIndex.open(db, path.join(dir, "index"));
  const services = createServices(db, index, { accounts: { clock } });
  return { db, dir, services, index };
}
