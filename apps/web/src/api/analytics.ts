import type {
  Industry,
  IndustryInput,
  IndustryList,
  ReportDetail,
  ReportList,
  ReportRequest,
  ReportSummary,
} from "@zhichan/shared";
import { ApiError, apiUrl, getJson, toApiError } from "./client";

/** Industry thematic databases and navigation reports (server modules/industries, modules/analytics). */

let csrf: string | null = null;

async function send<T>(method: "POST" | "PUT", path: string, body: unknown, retried = false): Promise<T> {
  csrf ??= (await getJson<{ csrfToken: string }>("/auth/csrf")).csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body ?? {}),
      credentials: "same-origin",
    });
  } catch (e) {
    throw new ApiError("NETWORK", (e as Error).message, 0);
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (!retried && err.code === "FORBIDDEN" && (err.details as { reason?: string } | undefined)?.reason === "csrf") {
      csrf = null; // signed in or out since: fetch the current token once and retry
      return send<T>(method, path, body, true);
    }
    throw err;
  }
  return (await res.json()) as T;
}

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
