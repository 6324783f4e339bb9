import type { HealthResponse, ReadinessResponse } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { Clock } from "../accounts/clock.js";
import type { SearchService } from "../search/search.service.js";
import { importRowsDone, type JobQueueRow, jobQueue, patentCount } from "./health.repository.js";

export const VERSION = "0.1.0";

/**
 * How long the index may trail the database before the node reports itself not ready. A batch is searchable well
 * within a second of its commit (issue #14); five seconds is the most two nodes may disagree (issue #19).
 */
export const READY_LAG_MS = 5_000;

export class HealthService {
  /** Since when (ms) the index has trailed the database without a break; null while it is level. */
  private laggingSince: number | null = null;

  constructor(
    private readonly db: Db,
    private readonly search: SearchService,
    private readonly clock: Clock,
  ) {}

  status(): HealthResponse {
    return { status: "ok", version: VERSION, patents: patentCount(this.db), indexedDocs: this.search.indexedDocs };
  }

  /** Ready to take traffic: the index is open and has not trailed the database for longer than READY_LAG_MS. */
  readiness(): ReadinessResponse {
    const { dbSeq, indexedSeq } = this.search.indexPosition();
    const lagRows = Math.max(0, dbSeq - indexedSeq);
    const now = this.clock.now();
    if (lagRows === 0) this.laggingSince = null;
    else this.laggingSince ??= now;
    const lagMs = this.laggingSince === null ? 0 : now - this.laggingSince;
    return { ready: lagMs <= READY_LAG_MS, indexedDocs: this.search.indexedDocs, lagRows, lagMs };
  }

  jobQueue(): JobQueueRow[] {
    return jobQueue(this.db);
  }

  importRowsDone(): number {
    return importRowsDone(this.db);
  }
}
