import fs from "node:fs";
import type { PatentImportReport } from "@zhichan/shared";
import type { Db } from "../../../db/connection.js";
import type { JobContext } from "../../../jobs/job-runner.js";
import type { Authority } from "../field-precedence.js";
import { type CommittedBatch, importFile } from "../imports.service.js";
import type { MappingOverride } from "../mapping/column-mapping.js";
import type { StagingArea } from "./staging-area.js";
import { toReport } from "./web-imports.presenter.js";
import type { WebImportsRepository } from "./web-imports.repository.js";

/** The job kind of a web import, run by its own JobRunner (services.ts). */
export const PATENT_IMPORT_JOB = "patent-import";

/**
 * One web import: the staged upload through the same `importFile` as the CLI, progress in rows persisted per
 * committed batch. After a crash the runner re-queues the job and this runs again: importFile finds the unfinished
 * run of the same content and source and resumes after its last committed batch (a forced re-import only forces
 * the first attempt, so the resumed one continues rather than starting over). The staged file goes once done.
 */
export async function runPatentImport(
  db: Db,
  repo: WebImportsRepository,
  staging: StagingArea,
  ctx: JobContext,
  opts: { onBatchCommitted: (batch: CommittedBatch) => void; batchSize?: number },
): Promise<PatentImportReport> {
  const job = repo.importJob(ctx.jobId);
  if (!job) throw new Error(`导入 #${ctx.jobId} 的记录不存在 · import #${ctx.jobId} has no record`);
  const upload = repo.upload(job.upload_id);
  const file = upload && upload.staged === 1 ? staging.fileOf(upload) : null;
  if (!file || !fs.existsSync(file))
    throw new Error("上传的文件已不在，请重新上传 · the uploaded file is no longer kept: upload it again");
  const unfinished = repo.runOfFile(file);
  const resuming = unfinished !== undefined && unfinished.status !== "done";
  await ctx.progress(0, resuming ? "继续导入 · resuming" : "读取文件 · reading the file");
  const report = await importFile(
    db,
    file,
    {
      source: job.source,
      mapping: JSON.parse(job.mapping_json) as MappingOverride,
      authority: job.authority as Authority,
      exportDate: job.export_date ?? undefined,
      force: job.force === 1 && !resuming,
      onBatchCommitted: opts.onBatchCommitted,
      batchSize: opts.batchSize,
    },
    (p) => {
      repo.setProgress(ctx.jobId, p.done, p.total);
      void ctx.progress(p.total ? p.done / p.total : 1);
    },
  );
  repo.transaction(() => {
    repo.setRun(ctx.jobId, report.runId);
    repo.setProgress(ctx.jobId, report.rowsTotal, report.rowsTotal);
  });
  staging.release(job.upload_id);
  return toReport(report);
}
