import type { ReportData as CoreReportData } from "@zhichan/core/analytics/index.ts";
import type { ReportData, ReportDetail, ReportParams, ReportSummary } from "@zhichan/shared";
import type { ReportRow } from "./reports.repository.js";

// Compile-time check: the core report data and the shared mirror stay assignable both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameReportData: Same<CoreReportData, ReportData> = true;
void _sameReportData;

/** `readerId`: who is looking (null for a visitor), to tell them which reports are their own. */
export function toSummary(r: ReportRow, readerId: number | null): ReportSummary {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    progress: r.progress,
    message: r.message,
    // reports asked for before the count unit existed counted publications
    params: { unit: "publication", ...(JSON.parse(r.params_json) as Partial<ReportParams>) } as ReportParams,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    snapshotAt: r.snapshot_at,
    snapshotSeq: r.snapshot_seq,
    tookMs: r.took_ms,
    publishedAt: r.published_at,
    mine: readerId !== null && r.created_by === readerId,
  };
}

export function toDetail(r: ReportRow, readerId: number | null): ReportDetail {
  return {
    ...toSummary(r, readerId),
    strategy: r.strategy_json ? JSON.parse(r.strategy_json) : null,
    data: r.data_json ? (JSON.parse(r.data_json) as ReportData) : null,
  };
}
