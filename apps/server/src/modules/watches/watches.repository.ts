import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, first, one, run } from "../../db/sync-query.js";

// CHECK constraints hold these columns to these values (migration 022); the queries narrow schema.ts's text to them
type GroupBy = "publication" | "invention";
type WatchKind = "search" | "patent" | "applicant";
type AlertKind = "new_hits" | "legal_events" | "digest";

export type SavedSearchRow = Selectable<Database["saved_searches"]> & { group_by: GroupBy; watch_id: number | null };
export type HistoryRow = Omit<Selectable<Database["search_history"]>, "user_id"> & { group_by: GroupBy };
export type WatchRow = Selectable<Database["watches"]> & {
  kind: WatchKind;
  label: string | null;
  detail: string | null;
};
export type AlertRow = Selectable<Database["alerts"]> & { kind: AlertKind; watch_kind: WatchKind | null };
export type AlertRecordRow = ReturnType<WatchesRepository["alertRecords"]>[number];

/**
 * Saved searches, history, watches and alerts. Every read and delete names the user, so one user's ids never
 * reach another's rows (a wrong owner reads as "no such row").
 */
export class WatchesRepository {
  constructor(private readonly db: Db) {}

  private get k() {
    return this.db.kysely;
  }

  transaction<T>(fn: () => T): T {
    return this.db.sqlite.transaction(fn)();
  }

  /** How many rows of a table the user owns (the caps on saved searches and watches). */
  private countOwn(table: "saved_searches" | "watches", userId: number): number {
    return one(
      this.db,
      this.k
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("user_id", "=", userId),
    ).n;
  }

  // saved searches
  savedSearches(userId: number): SavedSearchRow[] {
    return all(
      this.db,
      this.k
        .selectFrom("saved_searches as s")
        .leftJoin("watches as w", (j) => j.onRef("w.saved_search_id", "=", "s.id").on("w.kind", "=", "search"))
        .selectAll("s")
        .select("w.id as watch_id")
        .where("s.user_id", "=", userId)
        .orderBy("s.id", "desc")
        .$narrowType<{ group_by: GroupBy }>(),
    );
  }

  savedSearch(userId: number, id: number): SavedSearchRow | undefined {
    return this.savedSearches(userId).find((s) => s.id === id);
  }

  countSavedSearches(userId: number): number {
    return this.countOwn("saved_searches", userId);
  }

  insertSavedSearch(r: Omit<SavedSearchRow, "id" | "watch_id">): number {
    return run(
      this.db,
      this.k.insertInto("saved_searches").values({
        user_id: r.user_id,
        name: r.name,
        q: r.q,
        group_by: r.group_by,
        params_json: r.params_json,
        created_at: r.created_at,
      }),
    ).lastInsertRowid;
  }

  deleteSavedSearch(userId: number, id: number): boolean {
    // its watch goes with it (ON DELETE CASCADE); its alerts stay, detached from the watch
    return (
      run(this.db, this.k.deleteFrom("saved_searches").where("id", "=", id).where("user_id", "=", userId)).changes > 0
    );
  }

  // history
  history(userId: number, limit: number): HistoryRow[] {
    return all(
      this.db,
      this.k
        .selectFrom("search_history")
        .select(["id", "q", "group_by", "at"])
        .where("user_id", "=", userId)
        .orderBy("id", "desc")
        .limit(limit)
        .$narrowType<{ group_by: GroupBy }>(),
    );
  }

  /** Adds a query (the same as the newest one moves it to now) and keeps the newest `keep`. */
  addHistory(userId: number, q: string, group: string, at: string, keep: number): void {
    const newest = this.history(userId, 1)[0];
    if (newest && newest.q === q && newest.group_by === group) {
      run(this.db, this.k.updateTable("search_history").set({ at }).where("id", "=", newest.id));
      return;
    }
    run(this.db, this.k.insertInto("search_history").values({ user_id: userId, q, group_by: group, at }));
    run(
      this.db,
      this.k
        .deleteFrom("search_history")
        .where("user_id", "=", userId)
        .where("id", "not in", (eb) =>
          eb.selectFrom("search_history").select("id").where("user_id", "=", userId).orderBy("id", "desc").limit(keep),
        ),
    );
  }

  deleteHistory(userId: number, id: number | null): number {
    return run(
      this.db,
      this.k
        .deleteFrom("search_history")
        .where("user_id", "=", userId)
        .$call((q) => (id === null ? q : q.where("id", "=", id))),
    ).changes;
  }

  // watches
  /** Watches (alias w) with what an alert shows of their target: the search's name and query, the patent's title and number, or the applicant's name. */
  private watchesWithLabels() {
    return this.k
      .selectFrom("watches as w")
      .leftJoin("saved_searches as s", "s.id", "w.saved_search_id")
      .leftJoin("patents as p", "p.id", "w.patent_id")
      .leftJoin("applicants as a", "a.id", "w.applicant_id")
      .selectAll("w")
      .select((eb) => [
        eb
          .case("w.kind")
          .when("search")
          .then(eb.ref("s.name"))
          .when("patent")
          .then(eb.ref("p.title"))
          .else(eb.ref("a.name"))
          .end()
          .as("label"),
        eb
          .case("w.kind")
          .when("search")
          .then(eb.ref("s.q"))
          .when("patent")
          .then(eb.ref("p.pub_no"))
          .else(null)
          .end()
          .as("detail"),
      ])
      .$narrowType<{ kind: WatchKind }>();
  }

  watches(userId: number): WatchRow[] {
    return all(this.db, this.watchesWithLabels().where("w.user_id", "=", userId).orderBy("w.id", "desc"));
  }

  watch(userId: number, id: number): WatchRow | undefined {
    return first(this.db, this.watchesWithLabels().where("w.id", "=", id).where("w.user_id", "=", userId));
  }

  countWatches(userId: number): number {
    return this.countOwn("watches", userId);
  }

  /** The id of the new watch, or of the same watch the user already had. */
  insertWatch(
    userId: number,
    kind: string,
    target: { search: number | null; patent: number | null; applicant: number | null },
    at: string,
  ): number {
    run(
      this.db,
      this.k
        .insertInto("watches")
        .values({
          user_id: userId,
          kind,
          saved_search_id: target.search,
          patent_id: target.patent,
          applicant_id: target.applicant,
          created_at: at,
        })
        .onConflict((oc) => oc.doNothing()),
    );
    return one(
      this.db,
      this.k
        .selectFrom("watches")
        .select("id")
        .where("user_id", "=", userId)
        .where("kind", "=", kind)
        .where("saved_search_id", "is", target.search)
        .where("patent_id", "is", target.patent)
        .where("applicant_id", "is", target.applicant),
    ).id;
  }

  deleteWatch(userId: number, id: number): boolean {
    return run(this.db, this.k.deleteFrom("watches").where("id", "=", id).where("user_id", "=", userId)).changes > 0;
  }

  patentExists(id: number): boolean {
    return first(this.db, this.k.selectFrom("patents").select("id").where("id", "=", id)) !== undefined;
  }

  applicantExists(id: number): boolean {
    return first(this.db, this.k.selectFrom("applicants").select("id").where("id", "=", id)) !== undefined;
  }

  // alerts
  private alertsWithWatchKind() {
    return this.k
      .selectFrom("alerts as al")
      .leftJoin("watches as w", "w.id", "al.watch_id")
      .selectAll("al")
      .select("w.kind as watch_kind")
      .$narrowType<{ kind: AlertKind; watch_kind: WatchKind | null }>();
  }

  alerts(userId: number, limit: number): AlertRow[] {
    return all(
      this.db,
      this.alertsWithWatchKind().where("al.user_id", "=", userId).orderBy("al.id", "desc").limit(limit),
    );
  }

  alert(userId: number, id: number): AlertRow | undefined {
    return first(this.db, this.alertsWithWatchKind().where("al.id", "=", id).where("al.user_id", "=", userId));
  }

  unreadAlerts(userId: number): number {
    return one(
      this.db,
      this.k
        .selectFrom("alerts")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("user_id", "=", userId)
        .where("read_at", "is", null),
    ).n;
  }

  markAlertsRead(userId: number, upTo: number, at: string): void {
    run(
      this.db,
      this.k
        .updateTable("alerts")
        .set({ read_at: at })
        .where("user_id", "=", userId)
        .where("id", "<=", upTo)
        .where("read_at", "is", null),
    );
  }

  markAlertRead(userId: number, id: number, at: string): void {
    run(this.db, this.k.updateTable("alerts").set({ read_at: at }).where("id", "=", id).where("user_id", "=", userId));
  }

  deleteAlert(userId: number, id: number): boolean {
    return run(this.db, this.k.deleteFrom("alerts").where("id", "=", id).where("user_id", "=", userId)).changes > 0;
  }

  alertRecords(alertId: number, limit: number) {
    return all(
      this.db,
      this.k
        .selectFrom("alert_records as ar")
        .innerJoin("patents as p", "p.id", "ar.patent_id")
        .leftJoin("patent_events as e", "e.id", "ar.event_id")
        .select([
          "ar.patent_id",
          "p.pub_no",
          "p.title",
          "p.type",
          "p.status",
          "p.pub_date",
          "ar.event_id",
          "e.event_date",
          "e.kind as event_kind",
          "e.to_value",
          "e.to_raw",
        ])
        .where("ar.alert_id", "=", alertId)
        .orderBy("p.pub_date", "desc")
        .orderBy("p.id", "desc")
        .orderBy("ar.event_id")
        .limit(limit)
        .$narrowType<{ event_kind: "legal_status" | "legal_event" | null }>(), // the kinds patent_events holds
    );
  }

  /** A digest: how many alerts of its user and day it sums up. */
  alertsOfDay(userId: number, day: string): number {
    return one(
      this.db,
      this.k
        .selectFrom("alerts")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("user_id", "=", userId)
        .where("kind", "<>", "digest")
        .where(sql<string>`date(created_at, '+8 hours')`, "=", day),
    ).n;
  }
}
