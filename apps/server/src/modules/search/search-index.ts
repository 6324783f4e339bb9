import { SearchEngine } from "@zhichan/core/search/engine.ts";
import type { Db } from "../../db/connection.js";
import { IndexWriteError } from "./durable-write.js";
import { discardIndexFolder, loadIndexFiles, saveIndexFiles } from "./index-store.js";
import { countChangedSince, docsChangedPage, docsChangedSince, maxUpdatedSeq } from "./patent-docs.repository.js";

export type IndexProgress = (p: { phase: "load" | "index"; done: number; total: number }) => void;

/** Told when the index folder was damaged and has been moved aside; the index is then rebuilt from the database. */
export type IndexDamage = (p: { reason: string; movedTo: string }) => void;

export interface OpenOptions {
  onProgress?: IndexProgress;
  onDamage?: IndexDamage;
  /** The index is built and searchable but could not be saved (a full disk): the next start rebuilds what is missing. */
  onSaveFailed?: (err: IndexWriteError) => void;
}

const PROGRESS_EVERY = 10_000;
const MAX_SEGMENTS = 8;
/** Rows read and indexed between two yields to the event loop while opening (a few milliseconds of work). */
const PAGE_ROWS = 500;
/** Live catch-up: rows per swap (one small segment each); queries run between swaps. */
const LIVE_PAGE_ROWS = 2000;
/** A live index is saved at most this often: it is derived, and a start catches up whatever a crash lost. */
const LIVE_SAVE_DELAY_MS = 30_000;

/**
 * The engine's index, derived from SQLite (the system of record): loaded from its segment files, then caught up
 * with every row written since (`updated_seq`), so new imports become searchable without a full rebuild. A
 * damaged index (checksum mismatch, unreadable or truncated file, a segment the engine refuses) is moved aside and
 * rebuilt from the database: start-up never fails, hangs or crash-loops on it.
 */
export class SearchIndex {
  private constructor(
    private readonly db: Db,
    private readonly dir: string,
    public engine: SearchEngine,
    private lastSeq: number,
    private segments: number,
  ) {}

  /** The live catch-up running now (one at a time), and whether another was asked for meanwhile. */
  private live: Promise<number> | null = null;
  private liveAgain = false;
  private saveTimer: NodeJS.Timeout | null = null;

  /** Opens synchronously (tests, tools). The server starts through openYielding. */
  static open(db: Db, dir: string, onProgress?: IndexProgress, onDamage: IndexDamage = warnDamage): SearchIndex {
    const index = SearchIndex.load(db, dir, { onProgress, onDamage });
    index.catchUp(onProgress);
    return index;
  }

  /** Like open, but yields to the event loop between pages of rows, so signals are handled during a long rebuild. */
  static async openYielding(db: Db, dir: string, options: OpenOptions = {}): Promise<SearchIndex> {
    await yieldToEventLoop();
    const index = SearchIndex.load(db, dir, options);
    try {
      await index.catchUpYielding(options.onProgress);
    } catch (err) {
      if (!(err instanceof IndexWriteError) || !options.onSaveFailed) throw err;
      options.onSaveFailed(err);
    }
    return index;
  }

  private static load(db: Db, dir: string, { onProgress, onDamage = warnDamage }: OpenOptions): SearchIndex {
    const persisted = loadIndexFiles(dir);
    let reason: string | null = persisted.status === "damaged" ? persisted.reason : null;
    if (persisted.status === "ok") {
      try {
        onProgress?.({ phase: "load", done: 0, total: persisted.files.length });
        const engine = SearchEngine.fromSegmentFiles(persisted.files);
        return new SearchIndex(db, dir, engine, persisted.manifest.lastSeq, persisted.files.length);
      } catch (err) {
        reason = err instanceof Error ? err.message : String(err);
      }
    }
    if (reason !== null) onDamage({ reason, movedTo: discardIndexFolder(dir) });
    return new SearchIndex(db, dir, SearchEngine.create(), 0, 0);
  }

  get indexedSeq(): number {
    return this.lastSeq;
  }

  /** Indexes rows written since the last catch-up as one new segment; persists when something changed. */
  catchUp(onProgress?: IndexProgress): number {
    const total = countChangedSince(this.db, this.lastSeq);
    if (total === 0) return 0;
    const writer = this.engine.writer();
    let done = 0;
    let seq = this.lastSeq;
    for (const row of docsChangedSince(this.db, this.lastSeq)) {
      writer.add(row.doc);
      seq = row.seq;
      if (++done % PROGRESS_EVERY === 0) onProgress?.({ phase: "index", done, total });
    }
    writer.close();
    onProgress?.({ phase: "index", done, total });
    this.sealed(seq);
    return done;
  }

  /** catchUp by pages, yielding between them. */
  private async catchUpYielding(onProgress?: IndexProgress): Promise<number> {
    const total = countChangedSince(this.db, this.lastSeq);
    if (total === 0) return 0;
    const writer = this.engine.writer();
    let done = 0;
    let after = { seq: this.lastSeq, id: -1 };
    for (;;) {
      const page = docsChangedPage(this.db, after, PAGE_ROWS);
      if (page.length === 0) break;
      for (const row of page) writer.add(row.doc);
      const last = page[page.length - 1];
      after = { seq: last.seq, id: last.doc.id };
      done += page.length;
      if (done % PROGRESS_EVERY < PAGE_ROWS) onProgress?.({ phase: "index", done, total });
      await yieldToEventLoop();
    }
    writer.close();
    onProgress?.({ phase: "index", done, total });
    this.sealed(after.seq);
    return done;
  }

  /** After new rows went in: merge when segments pile up (many small ones slow every query), then persist. */
  private sealed(seq: number): void {
    this.segments++;
    if (this.segments > MAX_SEGMENTS) {
      this.engine.compact();
      this.segments = 1;
    }
    this.lastSeq = seq;
    saveIndexFiles(this.dir, this.lastSeq, this.engine.toSegmentFiles());
  }

  /**
   * Indexes what the database has that the index lacks while queries keep being answered: rows are read in pages,
   * and each page is swapped in synchronously — the engine's writer deletes a document's old version and the sealed
   * segment holding its new one appears in the same tick — so a query between pages sees every document in exactly
   * one version (old or new), never both or neither. A call during a run makes the run go round once more.
   */
  refreshLive(): Promise<number> {
    if (this.live) {
      this.liveAgain = true;
      return this.live;
    }
    const run = async () => {
      let done = 0;
      try {
        do {
          this.liveAgain = false;
          done += await this.catchUpLive();
        } while (this.liveAgain);
      } finally {
        this.live = null;
      }
      return done;
    };
    this.live = run();
    return this.live;
  }

  /**
   * Follows the database: every `intervalMs` compares max(updated_seq) with the last indexed sequence (one index
   * lookup, nothing when unchanged) and catches up — so an import by another process (the CLI) is picked up too.
   * Returns the function that stops following.
   */
  follow(intervalMs = 1000, onError: (err: unknown) => void = warnFollow): () => void {
    const timer = setInterval(() => {
      if (this.live || !this.db.sqlite.open) return;
      try {
        if (maxUpdatedSeq(this.db) > this.lastSeq) this.refreshLive().catch(onError);
      } catch (err) {
        onError(err);
      }
    }, intervalMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.flushSave();
    };
  }

  private async catchUpLive(): Promise<number> {
    let after = { seq: this.lastSeq, id: -1 };
    let done = 0;
    for (;;) {
      if (!this.db.sqlite.open) break;
      const page = docsChangedPage(this.db, after, LIVE_PAGE_ROWS);
      if (page.length === 0) break;
      const writer = this.engine.writer();
      for (const row of page) writer.add(row.doc);
      writer.close(); // same tick as the deletes in add(): the swap is atomic for queries
      this.segments++;
      const last = page[page.length - 1];
      after = { seq: last.seq, id: last.doc.id };
      done += page.length;
      if (this.segments > MAX_SEGMENTS) {
        this.engine.compact();
        this.segments = 1;
      }
      await yieldToEventLoop();
    }
    if (done > 0) {
      this.lastSeq = after.seq;
      this.saveSoon();
    }
    return done;
  }

  /** Saves the live index a while after it changed (a later change within the delay rides along). */
  private saveSoon(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flushSave(), LIVE_SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  /** Saves now if a live change is waiting to be saved (at shutdown, or when the delay has passed). */
  flushSave(): void {
    if (!this.saveTimer) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    try {
      saveIndexFiles(this.dir, this.lastSeq, this.engine.toSegmentFiles());
    } catch (err) {
      // Served from memory either way; the next start catches up from the last saved sequence.
      warnFollow(err);
    }
  }

  /** Drops the derived index and builds it again from the database. */
  rebuild(onProgress?: IndexProgress): number {
    this.engine = SearchEngine.create();
    this.lastSeq = 0;
    this.segments = 0;
    return this.catchUp(onProgress);
  }
}

function warnFollow(err: unknown): void {
  console.warn(`Search index could not follow the database: ${err instanceof Error ? err.message : String(err)}`);
}

function warnDamage({ reason, movedTo }: { reason: string; movedTo: string }): void {
  console.warn(`Search index damaged (${reason}); moved to ${movedTo}; rebuilding from the database`);
}

/** setImmediate, not a microtask: signal handlers and I/O callbacks run in between. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
