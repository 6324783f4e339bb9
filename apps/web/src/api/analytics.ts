import type {
  Industry,
  IndustryInput,
  IndustryList,
  ReportDetail,
  ReportList,
  ReportRequest,
  ReportSummary,
} from "@zhichan/shared";
import { apiUrl, getJson, send } from "./client";

/** Industry thematic databases and navigation reports (server modules/industries, modules/analytics). */

export const listIndustries = (signal?: AbortSignal) => getJson<IndustryList>("/industries", {}, signal);
export const getIndustry = (id: number, signal?: AbortSignal) => getJson<Industry>(`/industries/${id}`, {}, signal);
export const createIndustry = (input: IndustryInput) => send<Industry>("POST", "/industries", input);
export const updateIndustry = (id: number, input: IndustryInput) => send<Industry>("PUT", `/industries/${id}`, input);

export const listReports = (signal?: AbortSignal) => getJson<ReportList>("/reports", {}, signal);
export const getReport = (id: number, signal?: AbortSignal) => getJson<ReportDetail>(`/reports/${id}`, {}, signal);
export const createReport = (req: Partial<ReportRequest>) => send<ReportSummary>("POST", "/reports", req);
/** Officials (report:publish): show a report to everyone, or make it private to its author again. */
export const publishReport = (id: number, published: boolean) =>
  send<ReportSummary>("PUT", `/reports/${id}/published`, { published });

export const reportPdfUrl = (id: number) => apiUrl(`/reports/${id}/pdf`);
export const reportXlsxUrl = (id: number) => apiUrl(`/reports/${id}/xlsx`);
export const reportPrintUrl = (id: number) => apiUrl(`/reports/${id}/print`);
