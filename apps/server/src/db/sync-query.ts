import type BetterSqlite3 from "better-sqlite3";
import type { Compilable, CompiledQuery, DeleteResult, InsertResult, Simplify, UpdateResult } from "kysely";
import type { Db } from "./connection.js";

/**
 * Runs a Kysely query synchronously on better-sqlite3 (issue #18 item 1). The query is built with `db.kysely`
 * (typed by schema.ts) and compiled; its SQL runs through a cached prepared statement, so the services' synchronous
 * transactions stay as they are. The same builders will run on PostgreSQL through Kysely's async executor (#19).
 *
 * Kysely's result plugins are not applied (the connection has none); rows come back as better-sqlite3 gives them.
 */

type Query<O> = Compilable<O> | CompiledQuery<O>;
/** A query that returns rows: a select, or a write with `returning`. */
type Rows<O> = O extends InsertResult | UpdateResult | DeleteResult ? never : Simplify<O>;

/** Statements by SQL text for each connection; the least recently used goes first once the cache is full. */
const CACHE_SIZE = 500;
const caches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function statement(db: Db, sql: string): BetterSqlite3.Statement {
  let cache = caches.get(db.sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(db.sqlite, cache);
  }
  let stmt = cache.get(sql);
  if (stmt) {
    cache.delete(sql); // re-inserted below: Map order is the use order
  } else {
    stmt = db.sqlite.prepare(sql);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(sql, stmt);
  return stmt;
}

function compiled<O>(q: Query<O>): CompiledQuery<O> {
  return "compile" in q ? q.compile() : q;
}

function reader(db: Db, q: CompiledQuery<unknown>): BetterSqlite3.Statement {
  const stmt = statement(db, q.sql);
  if (!stmt.reader) throw new Error(`this statement returns no rows (add returning, or use run): ${q.sql}`);
  return stmt;
}

/** Every row of a select (or of a write with `returning`). */
export function all<O>(db: Db, q: Query<O>): Rows<O>[] {
  const c = compiled(q);
  return reader(db, c).all(c.parameters) as Rows<O>[];
}

/** The first row, or undefined when there is none (SQLite stops stepping after it). */
export function first<O>(db: Db, q: Query<O>): Rows<O> | undefined {
  const c = compiled(q);
  return reader(db, c).get(c.parameters) as Rows<O> | undefined;
}

/**
 * Streams the rows of a large read one at a time. The statement is prepared afresh, not taken from the cache: a
 * statement stays busy until its loop ends, so a cached one would refuse the same query run inside the loop.
 */
export function iterate<O>(db: Db, q: Query<O>): IterableIterator<Rows<O>> {
  const c = compiled(q);
  const stmt = db.sqlite.prepare(c.sql);
  if (!stmt.reader) throw new Error(`this statement returns no rows (add returning, or use run): ${c.sql}`);
  return stmt.iterate(c.parameters) as IterableIterator<Rows<O>>;
}

/** The row of a query that always yields one (an aggregate without GROUP BY): a missing row is a bug, so it throws. */
export function one<O>(db: Db, q: Query<O>): Rows<O> {
  const c = compiled(q);
  const row = first(db, c);
  if (row === undefined) throw new Error(`this query returned no row: ${c.sql}`);
  return row;
}

/** Runs an insert, update or delete: the rows it changed and the rowid of the last row it inserted. */
export function run(db: Db, q: Query<unknown>): { changes: number; lastInsertRowid: number } {
  const c = compiled(q);
  const info = statement(db, c.sql).run(c.parameters);
  return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
}

/** How many statements the cache holds for this connection (for tests). */
export function cachedStatements(db: Db): number {
  return caches.get(db.sqlite)?.size ?? 0;
}
