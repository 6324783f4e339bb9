import type { Db } from "../db/connection.js";
import { claimJob, failJob, finishJob, insertJob, requeueRunning, setProgress } from "./jobs.repository.js";

export interface JobContext {
  jobId: number;
  /** Persists progress (0..1) and a short message; yields to the event loop so HTTP polls see it. */
  progress(value: number, message?: string): Promise<void>;
}

export type JobHandler = (params: unknown, ctx: JobContext) => Promise<unknown>;

/**
 * Durable jobs on the `jobs` table: one job at a time, claimed atomically, progress persisted. On start, jobs a
 * crash left 'running' are re-queued, so a report asked for before a restart still finishes after it.
 */
export class JobRunner {
  private running = false;
  private stopped = true;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, JobHandler>,
    private readonly pollMs = 2000,
  ) {}

  private get kinds(): string[] {
    return Object.keys(this.handlers);
  }

  enqueue(kind: string, params: unknown): number {
    if (!this.handlers[kind]) throw new Error(`no handler for job kind ${kind}`);
    const id = insertJob(this.db, kind, params);
    this.wake?.();
    return id;
  }

  /** Re-queues crashed jobs and starts the loop. */
  start(): number {
    const requeued = requeueRunning(this.db, this.kinds);
    if (!this.stopped) return requeued;
    this.stopped = false;
    this.loop = this.run();
    return requeued;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Runs queued jobs until none is left (tests; also what the loop does each round). */
  async drain(): Promise<number> {
    let n = 0;
    while (!this.running) {
      const job = claimJob(this.db, this.kinds);
      if (!job) break;
      this.running = true;
      try {
        await this.execute(job.id, job.kind, job.params_json);
      } finally {
        this.running = false;
      }
      n++;
    }
    return n;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      await this.drain();
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.pollMs);
        t.unref?.();
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async execute(id: number, kind: string, paramsJson: string): Promise<void> {
    const ctx: JobContext = {
      jobId: id,
      progress: async (value, message) => {
        setProgress(this.db, id, value, message ?? null);
        await new Promise((r) => setImmediate(r));
      },
    };
    try {
      const result = await this.handlers[kind](JSON.parse(paramsJson), ctx);
      finishJob(this.db, id, result);
    } catch (e) {
      failJob(this.db, id, e instanceof Error ? e.message : String(e));
    }
  }
}
