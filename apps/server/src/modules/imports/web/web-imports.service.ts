import crypto from "node:crypto";
import type { Readable } from "node:stream";
import { AppError } from "@zhichan/core";
import type {
  PatentImportAuthority,
  PatentImportFieldList,
  PatentImportJobDetail,
  PatentImportJobList,
  PatentImportPreview,
  PatentImportPreviewBody,
  PatentImportProfile,
  PatentImportProfileBody,
  PatentImportProfileList,
  PatentImportStartBody,
} from "@zhichan/shared";
import type { Db } from "../../../db/connection.js";
import type { RequestContext } from "../../../http/auth-context.js";
import type { JobHandler, JobRunner } from "../../../jobs/job-runner.js";
import type { AuditService } from "../../audit/audit.service.js";
import type { IssueLang } from "../import-issues.js";
import type { CommittedBatch } from "../imports.service.js";
import { buildColumnMapping, type MappingOverride } from "../mapping/column-mapping.js";
import { importFields } from "./field-labels.js";
import { previewSource } from "./import-preview.js";
import { PATENT_IMPORT_JOB, runPatentImport } from "./patent-import-job.js";
import { ReadTurns } from "./read-turns.js";
import { rejectedRowsXlsx } from "./rejected-rows.js";
import { StagingArea } from "./staging-area.js";
import { type StagedFile, safeFileName } from "./upload-staging.js";
import { toJob, toJobDetail, toProfile, toUpload } from "./web-imports.presenter.js";
import { WebImportsRepository } from "./web-imports.repository.js";

export { PATENT_IMPORT_JOB };

export interface WebImportsDeps {
  audit: AuditService;
  /** The running search index catches up after each committed batch (search.refreshSoon). */
  refreshSearch: () => void;
  /** Told what each committed batch wrote (the watches module evaluates its watches against it). */
  afterBatch?: (batch: CommittedBatch) => Promise<unknown>;
  /** Where uploads are staged; default ZHICHAN_HOME/import-uploads (beside the database file). */
  stagingDir?: string;
  /** Rows per committed batch (importFile's default, 1,000, unless a test asks for fewer). */
  batchSize?: number;
}

const notFound = (what: string) => new AppError("NOT_FOUND", what);

/**
 * Start is refused while a table of the upload (its header row as the last preview found it) has no column giving
 * the publication number under the mapping: no row of it could be imported. The importer checks again on the file.
 */
function requirePublicationColumn(headersJson: string | null, mapping: MappingOverride): void {
  const tables = headersJson ? (JSON.parse(headersJson) as Array<{ name: string; headers: string[] }>) : [];
  const table = tables.find((t) => !buildColumnMapping(t.headers, mapping).fields.includes("pub_no"));
  if (!table) return;
  throw new AppError(
    "BAD_REQUEST",
    `${table.name}：没有列对应“公开（公告）号”，请先在列映射中指定一列 · ${table.name}: no column gives the publication number; map one in the column mapping first`,
    { columns: table.headers.filter((h) => h.trim() !== "") },
  );
}

/**
 * Patent import in the web app (README: web import): an official uploads a file, sees what was detected and the
 * first rows as they will be stored, adjusts the column mapping (or applies a saved profile) and starts the import,
 * which runs as a durable job through the same `importFile` as the CLI.
 */
export class WebImportsService {
  private readonly repo: WebImportsRepository;
  private readonly staging: StagingArea;
  private readonly turns = new ReadTurns();
  private jobs: JobRunner | null = null;
  readonly handlers: Record<string, JobHandler>;

  constructor(
    private readonly db: Db,
    private readonly deps: WebImportsDeps,
  ) {
    this.repo = new WebImportsRepository(db);
    this.staging = new StagingArea(this.repo, deps.stagingDir ?? StagingArea.defaultDir(db));
    this.handlers = {
      [PATENT_IMPORT_JOB]: (_params, ctx) =>
        runPatentImport(db, this.repo, this.staging, ctx, {
          onBatchCommitted: (batch) => {
            deps.refreshSearch();
            // alerts are a side effect: a failed evaluation must not fail the import that committed
            deps
              .afterBatch?.(batch)
              .catch((err) =>
                console.warn(`Watches could not be evaluated for import run ${batch.runId}: ${String(err)}`),
              );
          },
          batchSize: deps.batchSize,
        }),
    };
  }

  /** The imports' own runner: one import at a time, never queued behind a navigation report (nor they behind it). */
  attachJobs(jobs: JobRunner): void {
    this.jobs = jobs;
  }

  fields(): PatentImportFieldList {
    return { fields: importFields() };
  }

  /** Stages the upload, then detects and previews it; a file no reader can take leaves nothing behind. */
  async upload(
    ctx: RequestContext,
    file: { filename: string; stream: Readable },
    profileId?: number,
  ): Promise<PatentImportPreview> {
    const actor = this.actorOf(ctx);
    this.staging.sweep();
    const mapping = profileId === undefined ? {} : this.profileMapping(profileId);
    const id = crypto.randomUUID();
    const name = safeFileName(file.filename);
    const staged = await this.staging.stage(file.stream, id, name);
    try {
      const { tables, ...found } = await this.detect(staged.file, name, mapping);
      const kind = this.kindOf(staged, found.detected.delimiter);
      const at = new Date().toISOString();
      this.repo.transaction(() => {
        this.repo.insertUpload({
          id,
          file_name: name,
          size: staged.size,
          sha256: staged.sha256,
          kind,
          gzipped: staged.gzipped ? 1 : 0,
          uploaded_by: actor,
          uploaded_at: at,
        });
        this.repo.setHeaders(id, JSON.stringify(tables));
        this.record(ctx, "import.upload", `import-upload:${id}`, {
          file: name,
          size: staged.size,
          sha256: staged.sha256,
          kind,
          layout: found.detected.layout,
          rows: found.rowsTotal,
        });
      });
      const upload = this.repo.upload(id);
      if (!upload) throw new Error("upload row vanished");
      return { upload: toUpload(upload), ...found, mapping, profileId: profileId ?? null };
    } catch (e) {
      this.staging.remove(id);
      throw e;
    }
  }

  async preview(ctx: RequestContext, uploadId: string, body: PatentImportPreviewBody): Promise<PatentImportPreview> {
    const upload = this.ownUpload(ctx, uploadId);
    const mapping = this.mappingOf(body);
    const { tables, ...found } = await this.detect(this.staging.fileOf(upload), upload.file_name, mapping);
    this.repo.setHeaders(uploadId, JSON.stringify(tables));
    return { upload: toUpload(upload), ...found, mapping, profileId: body.profileId ?? null };
  }

  /** Queues the import of an upload as a durable job; the upload's own uploader starts it, once. */
  start(ctx: RequestContext, uploadId: string, body: PatentImportStartBody): PatentImportJobDetail {
    const actor = this.actorOf(ctx);
    const upload = this.ownUpload(ctx, uploadId);
    const busy = this.repo.jobsOfUpload(uploadId).find((j) => j.status === "queued" || j.status === "running");
    if (busy)
      throw new AppError(
        "CONFLICT",
        `该文件已在导入（#${busy.job_id}）· this upload is already being imported (#${busy.job_id})`,
      );
    const mapping = this.mappingOf(body);
    requirePublicationColumn(upload.headers_json, mapping);
    const authority = this.authorityOf(ctx, body.authority, upload.kind);
    const jobs = this.jobs;
    if (!jobs) throw new Error("the import job runner is not attached");
    const jobId = this.repo.transaction(() => {
      const id = jobs.enqueue(PATENT_IMPORT_JOB, { uploadId });
      this.repo.insertImportJob({
        job_id: id,
        upload_id: uploadId,
        file_name: upload.file_name,
        source: body.source,
        authority,
        export_date: body.exportDate ?? null,
        force: body.force ? 1 : 0,
        mapping_json: JSON.stringify(mapping),
        profile_id: body.profileId ?? null,
        created_by: actor,
        created_at: new Date().toISOString(),
      });
      this.record(ctx, "import.start", `import:${id}`, {
        upload: uploadId,
        file: upload.file_name,
        sha256: upload.sha256,
        source: body.source,
        authority,
        exportDate: body.exportDate ?? null,
        force: body.force ?? false,
        profileId: body.profileId ?? null,
        mappedColumns: Object.keys(mapping).length,
      });
      return id;
    });
    return this.get(jobId);
  }

  list(limit = 50): PatentImportJobList {
    return { items: this.repo.importJobs(limit).map(toJob) };
  }

  get(id: number): PatentImportJobDetail {
    const row = this.repo.importJob(id);
    if (!row) throw notFound(`没有这个导入 · no import #${id}`);
    return toJobDetail(row);
  }

  /** The rejected rows (and rows loaded with a warning) of a finished import, as a streamed XLSX in `lang`. */
  rejectedRows(id: number, lang: IssueLang): { fileName: string; body: Readable } {
    const job = this.get(id);
    const runId = job.report?.runId;
    if (job.status !== "done" || runId === null || runId === undefined)
      throw new AppError("CONFLICT", `导入 #${id} 尚未完成 · import #${id} has not finished`);
    const base = job.fileName.replace(/\.[^.]*$/, "") || "import";
    return { fileName: `${base}-rejected-${id}.xlsx`, body: rejectedRowsXlsx(this.repo, runId, lang, new Date()) };
  }

  profiles(): PatentImportProfileList {
    return { items: this.repo.profiles().map(toProfile) };
  }

  saveProfile(ctx: RequestContext, body: PatentImportProfileBody): PatentImportProfile {
    const actor = this.actorOf(ctx);
    buildColumnMapping([], body.mapping); // refuses unknown fields, naming them
    const id = this.repo.transaction(() => {
      const saved = this.repo.saveProfile({
        name: body.name,
        mapping_json: JSON.stringify(body.mapping),
        layout: body.layout ?? null,
        created_by: actor,
        created_at: new Date().toISOString(),
      });
      const details = { name: body.name, columns: Object.keys(body.mapping).length };
      this.record(ctx, "import.profile_saved", `import-profile:${saved}`, details);
      return saved;
    });
    const row = this.repo.profile(id);
    if (!row) throw new Error("profile row vanished");
    return toProfile(row);
  }

  deleteProfile(ctx: RequestContext, id: number): void {
    const row = this.repo.profile(id);
    if (!row) throw notFound(`没有这个映射方案 · no mapping profile #${id}`);
    this.repo.transaction(() => {
      this.repo.deleteProfile(id);
      this.record(ctx, "import.profile_deleted", `import-profile:${id}`, { name: row.name });
    });
  }

  /** Reads the staged file whole (taking turns): detection and the preview rows, nothing written. */
  private async detect(file: string, name: string, mapping: MappingOverride) {
    return this.turns.run(async () => {
      try {
        return await previewSource(this.db, file, name, mapping);
      } catch (e) {
        if (e instanceof AppError) throw e;
        // A reader tripping over malformed content is still the file's fault: say so, never a 500.
        throw new AppError(
          "BAD_REQUEST",
          `${name}：文件无法读取（${(e as Error).message}）· ${name}: the file could not be read (${(e as Error).message})`,
        );
      }
    });
  }

  private kindOf(staged: StagedFile, delimiter: string | null): string {
    if (staged.kind === "text") return delimiter === "\t" ? "tsv" : delimiter === "," ? "csv" : "txt";
    return staged.kind;
  }

  private profileMapping(id: number): MappingOverride {
    const row = this.repo.profile(id);
    if (!row) throw notFound(`没有这个映射方案 · no mapping profile #${id}`);
    return JSON.parse(row.mapping_json) as MappingOverride;
  }

  /** A profile's mapping with the request's own columns on top of it; unknown fields refused by name. */
  private mappingOf(body: PatentImportPreviewBody): MappingOverride {
    const mapping = {
      ...(body.profileId === undefined ? {} : this.profileMapping(body.profileId)),
      ...(body.mapping ?? {}),
    };
    buildColumnMapping([], mapping);
    return mapping;
  }

  /**
   * Official data outranks every vendor export for bibliographic fields city-wide, so only a city-wide official may
   * import as 'official'. Without a choice: 'official' for a CNIPA XML file imported by one, else 'vendor'.
   */
  private authorityOf(
    ctx: RequestContext,
    asked: PatentImportAuthority | undefined,
    kind: string,
  ): PatentImportAuthority {
    const may = ctx.actor !== null && ctx.district === null;
    if (asked === "official" && !may)
      throw new AppError(
        "FORBIDDEN",
        "只有全市范围的工作人员可以按官方数据导入 · only a city-wide official may import as official data",
      );
    return asked ?? (may && kind === "xml" ? "official" : "vendor");
  }

  private ownUpload(ctx: RequestContext, id: string) {
    const upload = this.repo.upload(id);
    if (!upload || upload.uploaded_by !== this.actorOf(ctx))
      throw notFound(`没有这个上传 · no upload ${id.slice(0, 40)}`);
    if (upload.staged !== 1)
      throw new AppError(
        "CONFLICT",
        "该上传已导入或已过期，请重新上传文件 · this upload was imported or has expired: upload the file again",
      );
    return upload;
  }

  private actorOf(ctx: RequestContext): number {
    if (!ctx.actor) throw new AppError("UNAUTHENTICATED", "请先登录 · please sign in");
    return ctx.actor.userId;
  }

  private record(ctx: RequestContext, action: string, target: string, details: Record<string, unknown>): void {
    this.deps.audit.record({
      action,
      actorId: ctx.actor?.userId ?? null,
      actorName: ctx.actor?.username ?? null,
      ip: ctx.ip,
      target,
      details,
    });
  }
}
