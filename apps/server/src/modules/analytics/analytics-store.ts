import { type AnalyticsColumns, ColumnsBuilder, rowIndex } from "@zhichan/core/analytics/index.ts";
import type { Db } from "../../db/connection.js";
import { type Clock, isoNow } from "../accounts/clock.js";
import {
  analyticsRecords,
  analyticsRecordsPage,
  applicantNameMap,
  dataVersion,
  latestPublicationPerInvention,
} from "./analytics.repository.js";

export interface AnalyticsSnapshot {
  cols: AnalyticsColumns;
  /** External patent id → row number (-1 when absent). */
  row: (id: number) => number;
  applicantName: Map<string, string>;
  seq: number;
  builtAt: string;
  buildMs: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The columnar copy of the patents table the navigation reports read: built once from SQLite, rebuilt when the
 * data changes (an import bumps updated_seq), so reports and industry figures follow imports. `refresh` rebuilds in
 * the background, a page of rows at a time, so that neither the first report after a start nor the first after an
 * import pays for the build (issue #20: 13.8 s at 72k docs); `current` still builds at once if asked while stale.
 */
export class AnalyticsStore {
  private snap: AnalyticsSnapshot | null = null;
  private inventions: { snap: AnalyticsSnapshot; rows: Int32Array } | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    /** When a snapshot was built (a report keeps it as its data's date). */
    private readonly clock: Clock,
    /** Rows per page of a background refresh (the event loop is free between pages). */
    private readonly pageSize = 5_000,
  ) {}

  /** The snapshot for the current data, rebuilding first when rows were written since the last build. */
  current(): AnalyticsSnapshot {
    const v = dataVersion(this.db);
    if (this.isCurrent(v)) return this.snap!;
    const started = performance.now();
    const b = new ColumnsBuilder();
    for (const rec of analyticsRecords(this.db)) b.add(rec);
    this.snap = this.snapshot(b, v.seq, started);
    return this.snap;
  }

  /**
   * Brings the snapshot up to date in the background: pages of rows with the event loop free in between (other
   * requests use the connection meanwhile). Data written during the build makes it go round again, at most thrice;
   * one refresh runs at a time.
   */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        for (let round = 0; round < 3; round++) {
          const v = dataVersion(this.db);
          if (this.isCurrent(v)) return;
          const started = performance.now();
          const b = new ColumnsBuilder();
          for (let page = analyticsRecordsPage(this.db, 0, this.pageSize); page.length > 0; ) {
            for (const rec of page) b.add(rec);
            await yieldToEventLoop();
            page = analyticsRecordsPage(this.db, page.at(-1)!.id, this.pageSize);
          }
          const built = this.snapshot(b, v.seq, started);
          const now = dataVersion(this.db);
          // a synchronous current() may have built a newer one meanwhile; only a snapshot of the present data counts
          if (now.seq === v.seq && now.rows === built.cols.rows && !this.isCurrent(now)) this.snap = built;
        }
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  private isCurrent(v: { seq: number; rows: number }): boolean {
    return this.snap !== null && this.snap.seq === v.seq && this.snap.cols.rows === v.rows;
  }

  private snapshot(b: ColumnsBuilder, seq: number, started: number): AnalyticsSnapshot {
    const cols = b.build();
    return {
      cols,
      row: rowIndex(cols),
      applicantName: applicantNameMap(this.db),
      seq,
      builtAt: isoNow(this.clock),
      buildMs: Math.round(performance.now() - started),
    };
  }

  /**
   * The current snapshot's rows that stand for inventions, one per invention (its latest publication): the
   * corpus of a report that counts inventions. Computed on first use per snapshot.
   */
  inventionRows(): Int32Array {
    const snap = this.current();
    if (this.inventions?.snap !== snap) {
      const rows = latestPublicationPerInvention(this.db)
        .map((id) => snap.row(id))
        .filter((r) => r >= 0);
      this.inventions = { snap, rows: Int32Array.from(rows).sort() };
    }
    return this.inventions.rows;
  }

  /** The data's write sequence without rebuilding (cache keys). */
  version(): number {
    return dataVersion(this.db).seq;
  }
}
