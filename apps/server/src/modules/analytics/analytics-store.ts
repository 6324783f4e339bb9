import { type AnalyticsColumns, ColumnsBuilder, rowIndex } from "@zhichan/core/analytics/index.ts";
import type { Db } from "../../db/connection.js";
import {
  analyticsRecords,
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

/**
 * The columnar copy of the patents table the navigation reports read: built once from SQLite, rebuilt when the
 * data changes (an import bumps updated_seq), so reports and industry figures follow imports.
 */
export class AnalyticsStore {
  private snap: AnalyticsSnapshot | null = null;
  private inventions: { snap: AnalyticsSnapshot; rows: Int32Array } | null = null;

  constructor(private readonly db: Db) {}

  /** The snapshot for the current data, rebuilding first when rows were written since the last build. */
  current(): AnalyticsSnapshot {
    const v = dataVersion(this.db);
    if (this.snap && this.snap.seq === v.seq && this.snap.cols.rows === v.rows) return this.snap;
    const started = performance.now();
    const b = new ColumnsBuilder();
    for (const rec of analyticsRecords(this.db)) b.add(rec);
    const cols = b.build();
    this.snap = {
      cols,
      row: rowIndex(cols),
      applicantName: applicantNameMap(this.db),
      seq: v.seq,
      builtAt: new Date().toISOString(),
      buildMs: Math.round(performance.now() - started),
    };
    return this.snap;
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
