import { SearchEngine } from "@zhichan/core/search/engine.ts";
import type { MergeTask } from "@zhichan/core/search/types.ts";
import type { Db } from "../../db/connection.js";
import { foregroundBusy, paceBackground } from "../../scheduling/foreground.js";
import { IndexWriteError } from "./durable-write.js";
import { discardIndexFolder, loadIndexFiles, type ManifestFile, type SegmentToSave, saveIndex } from "./index-store.js";
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
/** A merge runs in slices of at least this long; searches and new batches are served between them. */
const MERGE_SLICE_MS = 8;
/**
 * While other work holds the thread between slices (an import's batches: each is synchronous), a slice may take
 * this share of the time since the previous one — merging then gets a third of the thread and keeps pace with the
 * batches instead of letting small segments pile up — but never more than MAX_MERGE_SLICE_MS: a query or the next
 * batch waits for the slice.
 */
const MERGE_SHARE = 0.5;
const MAX_MERGE_SLICE_MS = 100;
/** After this long without new rows the index tidies itself down to one or two segments (engine planMerge tidy). */
const IDLE_TIDY_MS = 15_000;
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
 *
 * Catching up only adds segments: each batch becomes searchable as its own small segment at once. Merging them
 * (the engine's size tiers: small segments with each other, a large one only when its tier fills; everything when
 * idle) runs afterwards in slices that yield to the event loop, never inside a catch-up, and a save writes only
 * the segments that are new since the last one (index-store.ts), so no batch waits for the large segment to be
 * rewritten.
 */
export class SearchIndex {
  private constructor(
    private readonly db: Db,
    private readonly dir: string,
    public engine: SearchEngine,
    private lastSeq: number,
    /** The files the folder's manifest names (when loaded from it), for the segments the engine loaded. */
    files: ManifestFile[] = [],
  ) {
    const byName = new Map(files.map((f) => [f.name, f]));
    for (const v of engine.segmentViews()) {
      const file = v.origin ? byName.get(v.origin) : undefined;
      if (file) this.onDisk.set(v.key, { file, deletedCount: v.deletedCount });
    }
  }

  /** Each segment's file as the last save left it, by segment key, with the deletes it holds (file and deletes file). */
  private onDisk = new Map<number, { file: ManifestFile; deletedCount: number }>();
  /** The merges running now (one at a time), whether more were asked for meanwhile, and the idle tidy timer. */
  private merging: Promise<void> | null = null;
  private mergeAgain = false;
  private tidyTimer: NodeJS.Timeout | null = null;
  private tidyDue = false;
  /** When the last merge slice ended (the time since is what others used the thread for). */
  private lastSliceEnd = performance.now();
  /** Set by follow()'s stop: background work ends. */
  private stopped = false;
  /** Merges done and docs they rewrote (diagnostics, tests). */
  readonly mergeStats = { merges: 0, docs: 0 };

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
        return new SearchIndex(db, dir, engine, persisted.manifest.lastSeq, persisted.manifest.files);
      } catch (err) {
        reason = err instanceof Error ? err.message : String(err);
      }
    }
    if (reason !== null) onDamage({ reason, movedTo: discardIndexFolder(dir) });
    return new SearchIndex(db, dir, SearchEngine.create(), 0);
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

  /** After new rows went in: persist (the new segment only), then let the merges run. */
  private sealed(seq: number): void {
    this.lastSeq = seq;
    this.save();
    this.changed();
  }

  /** New segments are in: merges follow in the background, and a tidy once the index has been idle a while. */
  private changed(): void {
    this.tidyDue = false;
    this.mergeInBackground();
    if (this.tidyTimer) clearTimeout(this.tidyTimer);
    this.tidyTimer = setTimeout(() => {
      this.tidyTimer = null;
      this.tidyDue = true;
      this.mergeInBackground();
    }, IDLE_TIDY_MS);
    this.tidyTimer.unref();
  }

  /**
   * Runs the merges the engine's policy asks for, one at a time, each in slices of about MERGE_SLICE_MS that yield
   * to the event loop (giving way to searches being served: scheduling/foreground.ts), starting after the caller's
   * turn — never inside a catch-up. Queries meanwhile see the inputs, then (swapped in within one step) the merged
   * segment, with exact totals either way; catch-ups add their segments meanwhile. When a tidy is due (idle), the
   * policy's idle rule follows the tiered merges.
   */
  private mergeInBackground(): void {
    if (this.merging) {
      this.mergeAgain = true;
      return;
    }
    const engine = this.engine;
    const run = async () => {
      await yieldToEventLoop();
      this.lastSliceEnd = performance.now(); // time spent idle before is not others' work
      do {
        this.mergeAgain = false;
        for (;;) {
          if (this.stopped || engine !== this.engine) return; // stopped, or rebuilt: a new engine
          const task = engine.planMerge() ?? (this.tidyDue && !this.live ? engine.planMerge({ tidy: true }) : null);
          if (!task) break;
          await this.runSliced(task);
          this.mergeStats.merges++;
          this.mergeStats.docs += task.docs;
          this.saveSoon();
        }
        this.tidyDue = false;
      } while (this.mergeAgain);
    };
    this.merging = run()
      .catch((err) => warnMerge(err))
      .finally(() => {
        this.merging = null;
      });
  }

  private async runSliced(task: MergeTask): Promise<void> {
    for (;;) {
      const started = performance.now();
      // searches being served: short slices, paced (scheduling/foreground.ts); else keep pace with the others
      const othersMs = started - this.lastSliceEnd;
      const budget = foregroundBusy()
        ? MERGE_SLICE_MS
        : Math.min(MAX_MERGE_SLICE_MS, Math.max(MERGE_SLICE_MS, othersMs * MERGE_SHARE));
      let done = false;
      do done = task.step();
      while (!done && performance.now() - started < budget);
      this.lastSliceEnd = performance.now();
      if (done) return;
      await paceBackground(this.lastSliceEnd - started);
    }
  }

  /** Resolves when no merge is running or waiting (tests, tools). */
  async mergesSettled(): Promise<void> {
    while (this.merging) await this.merging;
  }

  /**
   * Saves the index: segments new since the last save are written, the others kept as they are on disk (deletes
   * made in them since are written beside them), so a save costs what changed, not the whole index.
   */
  private save(): void {
    const views = this.engine.segmentViews();
    const plan = views.map((v): SegmentToSave => {
      const prev = this.onDisk.get(v.key);
      if (!prev) return { data: v.bytes() };
      const deletedBits = prev.deletedCount === v.deletedCount ? undefined : v.deletedBits();
      return { kept: prev.file, deletedBits, rewrite: () => v.bytes() };
    });
    const files = saveIndex(this.dir, this.lastSeq, plan);
    this.onDisk = new Map(views.map((v, i) => [v.key, { file: files[i], deletedCount: v.deletedCount }]));
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
    this.stopped = false;
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
      this.stopped = true;
      if (this.tidyTimer) clearTimeout(this.tidyTimer);
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
      const last = page[page.length - 1];
      after = { seq: last.seq, id: last.doc.id };
      done += page.length;
      await yieldToEventLoop();
    }
    if (done > 0) {
      this.lastSeq = after.seq;
      this.saveSoon();
      this.changed(); // merging happens after the catch-up, in slices: it never holds a batch back
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
      this.save();
    } catch (err) {
      // Served from memory either way; the next start catches up from the last saved sequence.
      warnFollow(err);
    }
  }

  /** Drops the derived index and builds it again from the database. */
  rebuild(onProgress?: IndexProgress): number {
    this.engine = SearchEngine.create();
    this.lastSeq = 0;
    this.onDisk.clear();
    return this.catchUp(onProgress);
  }
}

function warnFollow(err: unknown): void {
  console.warn(`Search index could not follow the database: ${err instanceof Error ? err.message : String(err)}`);
}

function warnMerge(err: unknown): void {
  // the inputs stay in place: the index is whole, only less tidy; the next change tries again
  console.warn(`Search index merge stopped: ${err instanceof Error ? err.message : String(err)}`);
}

function warnDamage({ reason, movedTo }: { reason: string; movedTo: string }): void {
  console.warn(`Search index damaged (${reason}); moved to ${movedTo}; rebuilding from the database`);
}

/** setImmediate, not a microtask: signal handlers and I/O callbacks run in between. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
