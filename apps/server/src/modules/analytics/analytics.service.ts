import { AppError } from "@zhichan/core";
import { computeReport, corpusLastCompleteYear, type ReportLabels } from "@zhichan/core/analytics/index.ts";
import {
  LEGAL_STATUS_LABELS,
  PATENT_TYPE_LABELS,
  type ReportDetail,
  type ReportList,
  type ReportParams,
  type ReportRequest,
  type ReportSummary,
} from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { JobContext, JobRunner } from "../../jobs/job-runner.js";
import { type Clock, isoNow } from "../accounts/clock.js";
import type { IndustriesService } from "../industries/industries.service.js";
import { hitRows } from "../industries/industries.service.js";
import type { SearchService } from "../search/search.service.js";
import type { AnalyticsStore } from "./analytics-store.js";
import { toDetail, toSummary } from "./reports.presenter.js";
import {
  findReport,
  insertReport,
  linkJob,
  listReports,
  type ReportRow,
  saveReportResult,
  setReportPublished,
} from "./reports.repository.js";
import { retrievalStrategy } from "./strategy.js";
import { TechEffectService } from "./tech-effect.service.js";

export const REPORT_JOB = "navigation_report";

export interface AnalyticsLabels {
  regionName(code: string): string | undefined;
  ipcTitle(code: string): string | undefined;
}

interface JobParams {
  reportId: number;
}

/** Who reads a report over HTTP: a signed-in user's id, or null for a visitor. */
export type ReportReaderId = number | null;

/** Patent navigation reports: asked for over HTTP, computed as durable jobs, kept with their data snapshot. */
export class AnalyticsService {
  private jobs: JobRunner | null = null;
  /** Technology–effect matrices over any hit set (also a section of every report). */
  readonly techEffect: TechEffectService;

  constructor(
    private readonly db: Db,
    private readonly search: SearchService,
    private readonly industries: IndustriesService,
    readonly store: AnalyticsStore,
    /** When a report was asked for, finished and published; the date of a matrix export. */
    private readonly clock: Clock,
    private readonly names: AnalyticsLabels,
  ) {
    this.techEffect = new TechEffectService(search, clock);
  }

  /** The job runner that executes reports (wired by services.ts; tests may drive it directly). */
  attachJobs(jobs: JobRunner): void {
    this.jobs = jobs;
  }

  readonly handlers = {
    [REPORT_JOB]: (params: unknown, ctx: JobContext) => this.run((params as JobParams).reportId, ctx),
  };

  create(req: ReportRequest, actorId: number | null): ReportSummary {
    if (!this.jobs) throw new AppError("INTERNAL", "job runner not attached");
    let q = req.q ?? "";
    let industryName: string | null = null;
    if (req.industryId) {
      const d = this.industries.definition(req.industryId);
      q = d.query;
      industryName = d.name;
    }
    this.search.count(q); // refuses a malformed query now (400), not in the job
    const focusName = req.focus ? (this.names.regionName(req.focus) ?? req.focus) : null;
    const unit = req.unit ?? "invention";
    const params: ReportParams = {
      q,
      industryId: req.industryId ?? null,
      industryName,
      focus: req.focus,
      focusName,
      unit,
    };
    const title =
      req.title || `${industryName ?? q.slice(0, 60)} 专利导航分析报告${focusName ? `（${focusName}）` : ""}`;
    const reportId = insertReport(this.db, title, params, actorId, isoNow(this.clock));
    const jobId = this.jobs.enqueue(REPORT_JOB, { reportId } satisfies JobParams);
    linkJob(this.db, reportId, jobId);
    return toSummary(this.row(reportId), actorId);
  }

  /** What a reader may list: published reports and their own; a visitor sees the published ones only. */
  list(reader: ReportReaderId, limit = 50): ReportList {
    return { items: listReports(this.db, reader, limit).map((r) => toSummary(r, reader)) };
  }

  /** A report as its reader may see it: an unpublished report of someone else is "not found", like a missing one. */
  read(id: number, reader: ReportReaderId): ReportDetail {
    return toDetail(this.visibleRow(id, reader), reader);
  }

  /** An official publishes a report they can see (their own, or one already published), or withdraws it. */
  publish(id: number, published: boolean, reader: number): ReportSummary {
    const row = this.visibleRow(id, reader);
    if (published !== (row.published_at !== null))
      setReportPublished(this.db, id, published ? isoNow(this.clock) : null);
    return toSummary(this.row(id), reader);
  }

  /** A report for trusted callers (jobs, tests, benchmarks): no reader check. */
  get(id: number): ReportDetail {
    return toDetail(this.row(id), null);
  }

  private visibleRow(id: number, reader: ReportReaderId): ReportRow {
    const row = this.row(id);
    const visible = row.published_at !== null || (reader !== null && row.created_by === reader);
    if (!visible) throw new AppError("NOT_FOUND", `没有这个报告 · no report ${id}`);
    return row;
  }

  private row(id: number): ReportRow {
    const row = findReport(this.db, id);
    if (!row) throw new AppError("NOT_FOUND", `没有这个报告 · no report ${id}`);
    return row;
  }

  /** The job: hit set → snapshot → retrieval strategy → analysis sections → saved with its snapshot. */
  private async run(reportId: number, ctx: JobContext): Promise<{ reportId: number; total: number }> {
    const started = performance.now();
    const report = this.row(reportId);
    const params = JSON.parse(report.params_json) as ReportParams;
    const unit = params.unit ?? "publication"; // reports asked for before units counted publications
    await ctx.progress(0.05, "更新数据快照 · data snapshot");
    this.search.refresh();
    const snap = this.store.current();
    await ctx.progress(0.2, "检索 · retrieving the document set");
    const rows = hitRows(this.search, snap.row, params.q, unit);
    await ctx.progress(0.3, "检索策略 · retrieval strategy");
    const def = params.industryId ? this.industryDef(params.industryId) : null;
    const strategy = retrievalStrategy(params.q, def, (q) => this.search.count(q, unit));
    await ctx.progress(0.4, "分析 · analysis");
    const data = computeReport(
      snap.cols,
      rows,
      {
        focus: params.focus,
        lastCompleteYear: corpusLastCompleteYear(snap.cols),
        unit,
        corpus: unit === "invention" ? this.store.inventionRows() : undefined,
      },
      this.labels((k) => snap.applicantName.get(k) ?? k),
    );
    await ctx.progress(0.85, "技术功效矩阵 · technology–effect matrix");
    data.techEffect = this.techEffect.reportSection(params.q, unit);
    await ctx.progress(0.95, "保存 · saving");
    saveReportResult(this.db, reportId, {
      strategy,
      data,
      snapshotSeq: snap.seq,
      snapshotAt: snap.builtAt,
      tookMs: Math.round(performance.now() - started),
      finishedAt: isoNow(this.clock),
    });
    return { reportId, total: rows.length };
  }

  private industryDef(id: number) {
    try {
      return this.industries.definition(id).def;
    } catch {
      return null; // the industry was removed after the report was asked for: strategy without clause notes
    }
  }

  labels(applicant: (key: string) => string): ReportLabels {
    return {
      applicant,
      region: (c) => this.names.regionName(c) ?? c,
      ipc: (c) => this.names.ipcTitle(c),
      type: (t) => PATENT_TYPE_LABELS[t as keyof typeof PATENT_TYPE_LABELS]?.zh ?? t,
      status: (s) => LEGAL_STATUS_LABELS[s as keyof typeof LEGAL_STATUS_LABELS]?.zh ?? s,
    };
  }
}
