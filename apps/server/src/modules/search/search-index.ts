import { SearchEngine } from "@zhichan/core/search/engine.ts";
import type { PatentDoc } from "@zhichan/core/search/types.ts";
import type { Db } from "../../db/connection.js";
import { loadIndexFiles, saveIndexFiles } from "./index-store.js";
import { countChangedSince, docsChangedSince } from "./patent-docs.repository.js";

export type IndexProgress = (p: { phase: "load" | "index"; done: number; total: number }) => void;

const PROGRESS_EVERY = 10_000;
const MAX_SEGMENTS = 8;

/**
 * The engine's index, derived from SQLite (the system of record): loaded from its segment files, then caught up
 * with every row written since (`updated_seq`), so new imports become searchable without a full rebuild.
 */
export class SearchIndex {
  private constructor(
    private readonly db: Db,
    private readonly dir: string,
    public engine: SearchEngine,
    private lastSeq: number,
    private segments: number,
  ) {}

  static open(db: Db, dir: string, onProgress?: IndexProgress): SearchIndex {
    const persisted = loadIndexFiles(dir);
    let index: SearchIndex;
    if (persisted) {
      try {
        onProgress?.({ phase: "load", done: 0, total: persisted.files.length });
        const engine = SearchEngine.fromSegmentFiles(persisted.files);
        index = new SearchIndex(db, dir, engine, persisted.manifest.lastSeq, persisted.files.length);
      } catch {
        index = new SearchIndex(db, dir, SearchEngine.create(), 0, 0); // unreadable files: rebuild from the database
      }
    } else {
      index = new SearchIndex(db, dir, SearchEngine.create(), 0, 0);
    }
    index.catchUp(onProgress);
    return index;
  }

  get indexedSeq(): number {
    return this.lastSeq;
  }

  /** Indexes rows written since the last catch-up as one new segment; persists when something changed. */
  catchUp(onProgress?: IndexProgress): number {
    const total = countChangedSince(this.db, this.lastSeq);
    if (total === 0) return 0;
    let done = 0;
    let seq = this.lastSeq;
    const stream = function* (db: Db, after: number): Generator<PatentDoc> {
      for (const { doc, seq: s } of docsChangedSince(db, after)) {
        seq = s;
        done++;
        if (done % PROGRESS_EVERY === 0) onProgress?.({ phase: "index", done, total });
        yield doc;
      }
    };
    this.engine.addDocuments(stream(this.db, this.lastSeq));
    onProgress?.({ phase: "index", done, total });
    this.segments++;
    // Many small segments slow every query; merge once they pile up.
    if (this.segments > MAX_SEGMENTS) {
      this.engine.compact();
      this.segments = 1;
    }
    this.lastSeq = seq;
    saveIndexFiles(this.dir, this.lastSeq, this.engine.toSegmentFiles());
    return done;
  }

  /** Drops the derived index and builds it again from the database. */
  rebuild(onProgress?: IndexProgress): number {
    this.engine = SearchEngine.create();
    this.lastSeq = 0;
    this.segments = 0;
    return this.catchUp(onProgress);
  }
}
