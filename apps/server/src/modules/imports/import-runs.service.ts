import type { Db } from "../../db/connection.js";
import { ImportRepository } from "./imports.repository.js";

/**
 * Import runs for loaders outside this module (the shipped GI facts): each version of a file is loaded once and
 * recorded as a run, like the reference tables, so a restart skips what is already in.
 */
export class ImportRunsService {
  private readonly repo: ImportRepository;

  constructor(db: Db) {
    this.repo = new ImportRepository(db.sqlite);
  }

  /** Whether this version (sha256) of a source's file was loaded to the end. */
  loaded(sha: string, source: string): boolean {
    return this.repo.latestRun(sha, source)?.status === "done";
  }

  /**
   * Runs `load` in one transaction with its run: `total` rows read, as many done as `load` returns (what it wrote).
   */
  recordLoad(
    run: { source: string; file: string; sha: string; now: string; total: number },
    load: () => number,
  ): number {
    return this.repo.transaction(() => {
      const runId = this.repo.createRun(run.source, run.file, run.sha, run.now);
      const done = load();
      this.repo.setRunTotal(runId, run.total);
      this.repo.addBatch(runId, done, 0);
      this.repo.finishRun(runId, "done", new Date().toISOString());
      return done;
    });
  }
}
