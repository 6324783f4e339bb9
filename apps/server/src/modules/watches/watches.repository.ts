import type { Db } from "../../db/connection.js";

export interface SavedSearchRow {
  id: number;
  user_id: number;
  name: string;
  q: string;
  group_by: "publication" | "invention";
  params_json: string;
  created_at: string;
  watch_id: number | null;
}

export interface HistoryRow {
  id: number;
  q: string;
  group_by: "publication" | "invention";
  at: string;
}

export interface WatchRow {
  id: number;
  user_id: number;
  kind: "search" | "patent" | "applicant";
  saved_search_id: number | null;
  patent_id: number | null;
  applicant_id: number | null;
  created_at: string;
  label: string | null;
  detail: string | null;
}

export interface AlertRow {
  id: number;
  user_id: number;
  watch_id: number | null;
  kind: "new_hits" | "legal_events" | "digest";
  title: string;
  run_id: number | null;
  digest_day: string | null;
  record_count: number;
  created_at: string;
  read_at: string | null;
  watch_kind: "search" | "patent" | "applicant" | null;
}

export interface AlertRecordRow {
  patent_id: number;
  pub_no: string;
  title: string;
  type: string;
  status: string;
  pub_date: string | null;
  event_id: number;
  event_date: string | null;
  event_kind: "legal_status" | "legal_event" | null;
  to_value: string | null;
  to_raw: string | null;
}

const WATCH_SELECT = `
  SELECT w.*,
    CASE w.kind WHEN 'search' THEN s.name WHEN 'patent' THEN p.title ELSE a.name END AS label,
    CASE w.kind WHEN 'search' THEN s.q WHEN 'patent' THEN p.pub_no ELSE NULL END AS detail
  FROM watches w
  LEFT JOIN saved_searches s ON s.id = w.saved_search_id
  LEFT JOIN patents p ON p.id = w.patent_id
  LEFT JOIN applicants a ON a.id = w.applicant_id`;

const ALERT_SELECT = `SELECT al.*, w.kind AS watch_kind FROM alerts al LEFT JOIN watches w ON w.id = al.watch_id`;

/**
 * Saved searches, history, watches and alerts. Every read and delete names the user, so one user's ids never
 * reach another's rows (a wrong owner reads as "no such row").
 */
export class WatchesRepository {
  constructor(private readonly db: Db) {}

  private get sql() {
    return this.db.sqlite;
  }

  transaction<T>(fn: () => T): T {
    return this.sql.transaction(fn)();
  }

  // saved searches
  savedSearches(userId: number): SavedSearchRow[] {
    return this.sql
      .prepare(
        `SELECT s.*, w.id AS watch_id FROM saved_searches s
         LEFT JOIN watches w ON w.saved_search_id = s.id AND w.kind = 'search'
         WHERE s.user_id = ? ORDER BY s.id DESC`,
      )
      .all(userId) as SavedSearchRow[];
  }

  savedSearch(userId: number, id: number): SavedSearchRow | undefined {
    return this.savedSearches(userId).find((s) => s.id === id);
  }

  countSavedSearches(userId: number): number {
    return this.sql.prepare("SELECT count(*) FROM saved_searches WHERE user_id = ?").pluck().get(userId) as number;
  }

  insertSavedSearch(r: Omit<SavedSearchRow, "id" | "watch_id">): number {
    return Number(
      this.sql
        .prepare(
          "INSERT INTO saved_searches (user_id, name, q, group_by, params_json, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .run(r.user_id, r.name, r.q, r.group_by, r.params_json, r.created_at).lastInsertRowid,
    );
  }

  deleteSavedSearch(userId: number, id: number): boolean {
    // its watch goes with it (ON DELETE CASCADE); its alerts stay, detached from the watch
    return this.sql.prepare("DELETE FROM saved_searches WHERE id = ? AND user_id = ?").run(id, userId).changes > 0;
  }

  // history
  history(userId: number, limit: number): HistoryRow[] {
    return this.sql
      .prepare("SELECT id, q, group_by, at FROM search_history WHERE user_id = ? ORDER BY id DESC LIMIT ?")
      .all(userId, limit) as HistoryRow[];
  }

  /** Adds a query (the same as the newest one moves it to now) and keeps the newest `keep`. */
  addHistory(userId: number, q: string, group: string, at: string, keep: number): void {
    const newest = this.history(userId, 1)[0];
    if (newest && newest.q === q && newest.group_by === group) {
      this.sql.prepare("UPDATE search_history SET at = ? WHERE id = ?").run(at, newest.id);
      return;
    }
    this.sql
      .prepare("INSERT INTO search_history (user_id, q, group_by, at) VALUES (?, ?, ?, ?)")
      .run(userId, q, group, at);
    this.sql
      .prepare(
        `DELETE FROM search_history WHERE user_id = ? AND id NOT IN
           (SELECT id FROM search_history WHERE user_id = ? ORDER BY id DESC LIMIT ?)`,
      )
      .run(userId, userId, keep);
  }

  deleteHistory(userId: number, id: number | null): number {
    if (id === null) return this.sql.prepare("DELETE FROM search_history WHERE user_id = ?").run(userId).changes;
    return this.sql.prepare("DELETE FROM search_history WHERE id = ? AND user_id = ?").run(id, userId).changes;
  }

  // watches
  watches(userId: number): WatchRow[] {
    return this.sql.prepare(`${WATCH_SELECT} WHERE w.user_id = ? ORDER BY w.id DESC`).all(userId) as WatchRow[];
  }

  watch(userId: number, id: number): WatchRow | undefined {
    return this.sql.prepare(`${WATCH_SELECT} WHERE w.id = ? AND w.user_id = ?`).get(id, userId) as WatchRow | undefined;
  }

  countWatches(userId: number): number {
    return this.sql.prepare("SELECT count(*) FROM watches WHERE user_id = ?").pluck().get(userId) as number;
  }

  /** The id of the new watch, or of the same watch the user already had. */
  insertWatch(
    userId: number,
    kind: string,
    target: { search: number | null; patent: number | null; applicant: number | null },
    at: string,
  ): number {
    this.sql
      .prepare(
        `INSERT INTO watches (user_id, kind, saved_search_id, patent_id, applicant_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(userId, kind, target.search, target.patent, target.applicant, at);
    return this.sql
      .prepare(
        `SELECT id FROM watches WHERE user_id = ? AND kind = ? AND saved_search_id IS ? AND patent_id IS ?
           AND applicant_id IS ?`,
      )
      .pluck()
      .get(userId, kind, target.search, target.patent, target.applicant) as number;
  }

  deleteWatch(userId: number, id: number): boolean {
    return this.sql.prepare("DELETE FROM watches WHERE id = ? AND user_id = ?").run(id, userId).changes > 0;
  }

  patentExists(id: number): boolean {
    return this.sql.prepare("SELECT 1 FROM patents WHERE id = ?").get(id) !== undefined;
  }

  applicantExists(id: number): boolean {
    return this.sql.prepare("SELECT 1 FROM applicants WHERE id = ?").get(id) !== undefined;
  }

  // alerts
  alerts(userId: number, limit: number): AlertRow[] {
    return this.sql
      .prepare(`${ALERT_SELECT} WHERE al.user_id = ? ORDER BY al.id DESC LIMIT ?`)
      .all(userId, limit) as AlertRow[];
  }

  alert(userId: number, id: number): AlertRow | undefined {
    return this.sql.prepare(`${ALERT_SELECT} WHERE al.id = ? AND al.user_id = ?`).get(id, userId) as
      | AlertRow
      | undefined;
  }

  unreadAlerts(userId: number): number {
    return this.sql
      .prepare("SELECT count(*) FROM alerts WHERE user_id = ? AND read_at IS NULL")
      .pluck()
      .get(userId) as number;
  }

  markAlertsRead(userId: number, upTo: number, at: string): void {
    this.sql
      .prepare("UPDATE alerts SET read_at = ? WHERE user_id = ? AND id <= ? AND read_at IS NULL")
      .run(at, userId, upTo);
  }

  markAlertRead(userId: number, id: number, at: string): void {
    this.sql.prepare("UPDATE alerts SET read_at = ? WHERE id = ? AND user_id = ?").run(at, id, userId);
  }

  deleteAlert(userId: number, id: number): boolean {
    return this.sql.prepare("DELETE FROM alerts WHERE id = ? AND user_id = ?").run(id, userId).changes > 0;
  }

  alertRecords(alertId: number, limit: number): AlertRecordRow[] {
    return this.sql
      .prepare(
        `SELECT ar.patent_id, p.pub_no, p.title, p.type, p.status, p.pub_date, ar.event_id,
           e.event_date, e.kind AS event_kind, e.to_value, e.to_raw
         FROM alert_records ar JOIN patents p ON p.id = ar.patent_id
         LEFT JOIN patent_events e ON e.id = ar.event_id
         WHERE ar.alert_id = ? ORDER BY p.pub_date DESC, p.id DESC, ar.event_id LIMIT ?`,
      )
      .all(alertId, limit) as AlertRecordRow[];
  }

  /** A digest: how many alerts of its user and day it sums up. */
  alertsOfDay(userId: number, day: string): number {
    return this.sql
      .prepare(
        `SELECT count(*) FROM alerts WHERE user_id = ? AND kind <> 'digest' AND date(created_at, '+8 hours') = ?`,
      )
      .pluck()
      .get(userId, day) as number;
  }
}
