/**
 * SQLite FTS5 peer, in its best configuration for this workload:
 *   - contentless FTS5 table (content=''): no second copy of the text, we never read it back;
 *   - columns ti, ab, cl hold our tokens separated by spaces (token-tsv.ts); unicode61 (no diacritic removal)
 *     splits on the spaces only, so FTS5 indexes exactly our terms, and a CJK string is a phrase of bigrams as in our engine;
 *   - facets and filters live in normal tables keyed by doc id: integer ordinals (not strings), WITHOUT ROWID
 *     clustered on (doc, value) for joins from a hit set, plus an index on the value for whole-table GROUP BY;
 *   - publication numbers in a WITHOUT ROWID table keyed by the number (batch lookup: one b-tree probe a number);
 *   - each doc's invention (application) as an integer ordinal in docs.inv, indexed: group=invention is
 *     count(DISTINCT inv) over the hits and the top-10 inventions by their best bm25;
 *   - FTS5 'optimize' merges the index b-trees into one (like our single segment / Lucene's forceMerge(1));
 *   - journal off, large page cache and mmap: the whole database stays warm in memory.
 */

import Database from "better-sqlite3";
import type { BenchFacet } from "../facet-values.ts";
import type { Fts5Query } from "../render-fts5.ts";
import type { PeerDoc } from "./token-tsv.ts";

type Db = Database.Database;
const MULTI_VALUED: BenchFacet[] = ["ipc_subclass", "applicant"];

export function openFts5(path: string): Db {
  const db = new Database(path);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("temp_store = MEMORY");
  db.pragma("cache_size = -4000000"); // 4 GB of page cache (KiB when negative)
  db.pragma("mmap_size = 17179869184");
  return db;
}

export function createSchema(db: Db): void {
  db.exec(`
    CREATE VIRTUAL TABLE fts USING fts5(ti, ab, cl, content='', tokenize='unicode61 remove_diacritics 0');
    CREATE TABLE docs (id INTEGER PRIMARY KEY, ad INTEGER NOT NULL, year INTEGER NOT NULL, inv INTEGER NOT NULL);
    CREATE TABLE doc_ipc (doc INTEGER NOT NULL, code TEXT NOT NULL, PRIMARY KEY (doc, code)) WITHOUT ROWID;
    CREATE TABLE facet_ipc_subclass (doc INTEGER NOT NULL, v INTEGER NOT NULL, PRIMARY KEY (doc, v)) WITHOUT ROWID;
    CREATE TABLE facet_applicant (doc INTEGER NOT NULL, v INTEGER NOT NULL, PRIMARY KEY (doc, v)) WITHOUT ROWID;
    CREATE TABLE doc_pn (pn TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (pn, doc)) WITHOUT ROWID;
  `);
}

/** Value ↔ ordinal dictionaries of the multi-valued facets (kept in JS: only the gate needs the strings back). */
export class FacetDictionaries {
  private readonly ordinals = new Map<BenchFacet, Map<string, number>>(MULTI_VALUED.map((f) => [f, new Map()]));
  private readonly values = new Map<BenchFacet, string[]>(MULTI_VALUED.map((f) => [f, []]));
  private readonly inventions = new Map<string, number>();

  /** The invention key's ordinal (docs.inv). */
  invention(key: string): number {
    let ord = this.inventions.get(key);
    if (ord === undefined) {
      ord = this.inventions.size;
      this.inventions.set(key, ord);
    }
    return ord;
  }

  ordinal(facet: BenchFacet, value: string): number {
    const map = this.ordinals.get(facet)!;
    let ord = map.get(value);
    if (ord === undefined) {
      ord = map.size;
      map.set(value, ord);
      this.values.get(facet)!.push(value);
    }
    return ord;
  }

  value(facet: BenchFacet, ordinal: number): string {
    return facet === "year" ? String(ordinal) : this.values.get(facet)![ordinal];
  }
}

/** Integer ordinals for the multi-valued facets of a batch of peer docs (prepared outside the timed insert). */
export function facetOrdinals(doc: PeerDoc, dicts: FacetDictionaries): Array<[BenchFacet, number[]]> {
  return [
    ["ipc_subclass", doc.ipcSubclass.map((v) => dicts.ordinal("ipc_subclass", v))],
    ["applicant", doc.applicant.map((v) => dicts.ordinal("applicant", v))],
  ];
}

/** `inventions[i]`: docs[i]'s invention ordinal (FacetDictionaries.invention, prepared outside the timed insert). */
export function insertBatch(
  db: Db,
  docs: PeerDoc[],
  ordinals: Array<Array<[BenchFacet, number[]]>>,
  inventions: number[],
): void {
  const fts = db.prepare("INSERT INTO fts (rowid, ti, ab, cl) VALUES (?, ?, ?, ?)");
  const row = db.prepare("INSERT INTO docs (id, ad, year, inv) VALUES (?, ?, ?, ?)");
  const ipc = db.prepare("INSERT INTO doc_ipc (doc, code) VALUES (?, ?)");
  const pn = db.prepare("INSERT INTO doc_pn (pn, doc) VALUES (?, ?)");
  const facet = {
    ipc_subclass: db.prepare("INSERT INTO facet_ipc_subclass (doc, v) VALUES (?, ?)"),
    applicant: db.prepare("INSERT INTO facet_applicant (doc, v) VALUES (?, ?)"),
  } as Record<BenchFacet, Database.Statement>;
  db.transaction(() => {
    docs.forEach((d, i) => {
      fts.run(d.id, d.ti, d.ab, d.cl);
      row.run(d.id, d.ad, d.year, inventions[i]);
      for (const code of d.ipc) ipc.run(d.id, code);
      if (d.pn) pn.run(d.pn, d.id);
      for (const [f, values] of ordinals[i]) for (const v of values) facet[f].run(d.id, v);
    });
  })();
}

/** After loading: value indexes for whole-table GROUP BY, one merged FTS b-tree, planner statistics. */
export function finishLoad(db: Db): void {
  db.exec(`
    CREATE INDEX docs_year ON docs (year);
    CREATE INDEX docs_inv ON docs (inv);
    CREATE INDEX facet_ipc_subclass_v ON facet_ipc_subclass (v);
    CREATE INDEX facet_applicant_v ON facet_applicant (v);
    INSERT INTO fts (fts) VALUES ('optimize');
    ANALYZE;
  `);
}

export function databaseBytes(db: Db): number {
  return (db.pragma("page_count", { simple: true }) as number) * (db.pragma("page_size", { simple: true }) as number);
}

/**
 * Compiled statements answering one benchmark query the way our engine does: total, top-10, one facet. Grouped by
 * invention: the total is the distinct inventions among the hits, the top-10 the inventions with the best hits.
 */
export class Fts5Search {
  private readonly count: Database.Statement;
  private readonly top: Database.Statement;
  private readonly facetTop: Database.Statement | null;
  private readonly facetAll: Database.Statement | null;
  private readonly params: Array<string | number>;

  constructor(
    db: Db,
    query: Fts5Query,
    private readonly facet: BenchFacet | null,
    facetSize: number,
    topK: number,
    group?: "invention",
  ) {
    const { from, where, params } = sqlParts(query);
    this.params = params;
    if (group) {
      if (facet) throw new Error("the bench has no grouped facet query");
      // the hits joined to their invention ordinal (sqlParts joins docs only when a filter needs it)
      const hits = from === "fts" ? "fts JOIN docs d ON d.id = fts.rowid" : from;
      this.count = db.prepare(`SELECT count(DISTINCT d.inv) FROM ${hits} ${where}`).pluck();
      // bm25() cannot sit inside an aggregate: each hit's score is computed first (materialised), then grouped
      const rank = query.match === null ? "d.id" : "bm25(fts, 3.0, 1.5, 1.0)";
      this.top = db
        .prepare(
          `WITH h AS MATERIALIZED (SELECT d.inv AS inv, ${rank} AS s FROM ${hits} ${where})
           SELECT inv FROM h GROUP BY inv ORDER BY min(s) LIMIT ${topK}`,
        )
        .pluck();
    } else {
      this.count = db.prepare(`SELECT count(*) FROM ${from} ${where}`).pluck();
      this.top =
        query.match === null
          ? db.prepare(`SELECT d.id FROM ${from} ${where} ORDER BY d.id LIMIT ${topK}`).pluck()
          : db
              .prepare(`SELECT fts.rowid FROM ${from} ${where} ORDER BY bm25(fts, 3.0, 1.5, 1.0) LIMIT ${topK}`)
              .pluck();
    }
    const facetSql = facet === null ? null : facetQuery(facet, query, from, where);
    this.facetTop = facetSql === null ? null : db.prepare(`${facetSql} ORDER BY c DESC LIMIT ${facetSize}`).raw();
    this.facetAll = facetSql === null ? null : db.prepare(facetSql).raw();
  }

  /** The timed unit: exact total + top-k ids + the facet's top buckets. */
  run(): void {
    this.count.get(...this.params);
    this.top.all(...this.params);
    this.facetTop?.all(...this.params);
  }

  total(): number {
    return this.count.get(...this.params) as number;
  }

  /** Every non-zero bucket (for the correctness gate), by facet value. */
  allBuckets(dicts: FacetDictionaries): Record<string, number> | null {
    if (this.facetAll === null || this.facet === null) return null;
    const out: Record<string, number> = {};
    for (const [v, c] of this.facetAll.all(...this.params) as Array<[number, number]>) {
      out[dicts.value(this.facet, v)] = c;
    }
    return out;
  }
}

function sqlParts(query: Fts5Query): { from: string; where: string; params: Array<string | number> } {
  const conditions: string[] = [];
  const params: Array<string | number> = [];
  const filtered = query.ipcPrefixes.length > 0 || query.dateRanges.length > 0;
  let from: string;
  if (query.match === null) from = "docs d";
  else from = filtered ? "fts JOIN docs d ON d.id = fts.rowid" : "fts";
  if (query.match !== null) {
    conditions.push("fts MATCH ?");
    params.push(query.match);
  }
  for (const [lo, hi] of query.dateRanges) {
    conditions.push("d.ad BETWEEN ? AND ?");
    params.push(lo, hi);
  }
  for (const prefix of query.ipcPrefixes) {
    conditions.push("EXISTS (SELECT 1 FROM doc_ipc i WHERE i.doc = d.id AND i.code >= ? AND i.code < ?)");
    params.push(prefix, `${prefix}\uffff`);
  }
  return { from, where: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", params };
}

/** GROUP BY over the hit set; over all docs it reads the value index alone. */
function facetQuery(facet: BenchFacet, query: Fts5Query, from: string, where: string): string {
  const everything = query.match === null && query.ipcPrefixes.length === 0 && query.dateRanges.length === 0;
  if (facet === "year") {
    if (everything) return "SELECT year, count(*) AS c FROM docs WHERE year > 0 GROUP BY year";
    const join = from === "fts" ? "fts JOIN docs d ON d.id = fts.rowid" : from;
    return `SELECT d.year, count(*) AS c FROM ${join} ${where ? `${where} AND` : "WHERE"} d.year > 0 GROUP BY d.year`;
  }
  const table = `facet_${facet}`;
  if (everything) return `SELECT v, count(*) AS c FROM ${table} GROUP BY v`;
  const idColumn = from === "fts" ? "fts.rowid" : "d.id";
  return `SELECT f.v, count(*) AS c FROM ${from} JOIN ${table} f ON f.doc = ${idColumn} ${where} GROUP BY f.v`;
}

/**
 * Batch lookup: each number's documents, by one probe of the number index each (the numbers are given exactly as
 * stored; our engine also accepts them without kind code or country prefix).
 */
export class Fts5Lookup {
  private readonly probe: Database.Statement;
  constructor(
    db: Db,
    private readonly numbers: string[],
  ) {
    this.probe = db.prepare("SELECT doc FROM doc_pn WHERE pn = ?").pluck();
  }

  run(): number[][] {
    return this.numbers.map((n) => this.probe.all(n) as number[]);
  }

  total(): number {
    return new Set(this.run().flat()).size;
  }
}
