import type {
  AssetValuationReport,
  CaseAttachmentUpload,
  CaseDetail,
  CaseList,
  CaseQueueQuery,
  CaseTransitionRequest,
  CaseTypeInfo,
  CreateCaseRequest,
  ExpertDrawResult,
  ExpertInfo,
  MarketplaceItem,
  MarketplaceQuery,
  PledgeTotal,
  TrainingEnrolment,
  TrainingEvent,
  ValuationReport,
} from "@zhichan/shared";
import { apiUrl, getJson, isAbort, type Params, send } from "./client";

/** The case engine and one-stop services API; state changes go through client.ts's send (one CSRF token). */
const post = <T>(path: string, body: unknown = {}) => send<T>("POST", path, body);

/** The case types change only with a new server version: fetched once per page load. */
let typesOnce: Promise<CaseTypeInfo[]> | null = null;
export const getCaseTypes = () => {
  typesOnce ??= getJson<{ types: CaseTypeInfo[] }>("/cases/types").then(
    (r) => r.types,
    (e) => {
      typesOnce = null;
      throw e;
    },
  );
  return typesOnce;
};
export const openCase = (r: CreateCaseRequest) => post<CaseDetail>("/cases", r);
export const revealCasePii = (id: number, reason: string) =>
  post<{ fields: Record<string, string | null> }>(`/cases/${id}/reveal`, { reason });
/**
 * The organisations the caller is an accepted member of (what a case may be filed for), with what the apply form
 * pre-fills from (name, credit code, district); none when not allowed.
 */
export interface FilingOrg {
  id: number;
  name: string;
  code: string;
  district: string | null;
}
export const getMyOrgs = (signal?: AbortSignal): Promise<FilingOrg[]> =>
  getJson<FilingOrg[]>("/orgs/mine", undefined, signal).then(
    (orgs) => orgs.map((o) => ({ id: o.id, name: o.name, code: o.code, district: o.district })),
    (e) => {
      if (isAbort(e)) throw e;
      return [];
    },
  );
export const getCase = (id: number, signal?: AbortSignal) => getJson<CaseDetail>(`/cases/${id}`, undefined, signal);
export const listCases = (which: "mine" | "queue" | "assigned", q: CaseQueueQuery, signal?: AbortSignal) =>
  getJson<CaseList>(`/cases/${which}`, q as Params, signal);
export const takeTransition = (id: number, key: string, r: CaseTransitionRequest) =>
  post<CaseDetail>(`/cases/${id}/transitions/${key}`, r);
export const commentOnCase = (id: number, body: string, internal = false) =>
  post<CaseDetail>(`/cases/${id}/comments`, { body, internal });
export const assignCase = (id: number, userId: number) => post<CaseDetail>(`/cases/${id}/assignees`, { userId });
export const getAssignable = (id: number) =>
  getJson<{ role: string; users: { id: number; name: string }[] }>(`/cases/${id}/assignable`);
export const attachToCase = (id: number, r: CaseAttachmentUpload) => post<CaseDetail>(`/cases/${id}/attachments`, r);
export const attachmentUrl = (caseId: number, attId: number) => apiUrl(`/cases/${caseId}/attachments/${attId}`);
export const getNotifications = () =>
  getJson<{ items: { id: number; caseId: number; ref: string; title: string; event: string; at: number }[] }>(
    "/cases/notifications",
  );
export const sweepDeadlines = () => post<{ overdue: number; escalated: number }>("/cases/deadlines/sweep");

export const getMarketplace = (q: MarketplaceQuery, signal?: AbortSignal) =>
  getJson<{ items: MarketplaceItem[]; total: number }>("/marketplace", q as Params, signal);
export const getValuation = (patent: string, purpose: string, signal?: AbortSignal) =>
  getJson<ValuationReport>(`/valuations/patents/${encodeURIComponent(patent)}`, { purpose }, signal);
export const getAssetValuation = (q: Record<string, string>, signal?: AbortSignal) =>
  getJson<AssetValuationReport>("/valuations/assets", q, signal);
export const getPledgeTotal = (year?: number) => getJson<PledgeTotal>("/pledges/total", { year });

export const getExperts = () => getJson<{ items: ExpertInfo[] }>("/experts").then((r) => r.items);
export const addExpert = (e: { name: string; orgName?: string; fields: string[]; declaredConflicts: string[] }) =>
  post<ExpertInfo>("/experts", e);
export const drawExperts = (r: { count: number; field?: string; caseId?: number; partyOrgs: string[] }) =>
  post<ExpertDrawResult>("/experts/draw", r);

export const getTrainingEvents = () => getJson<{ items: TrainingEvent[] }>("/training/events").then((r) => r.items);
export const createTrainingEvent = (e: {
  title: string;
  startsOn: string;
  location: string;
  capacity: number;
  description?: string;
}) => post<TrainingEvent>("/training/events", e);
export const enrolInTraining = (id: number) => post<TrainingEvent>(`/training/events/${id}/enrol`);
export const getEnrolments = (id: number) =>
  getJson<{ items: TrainingEnrolment[] }>(`/training/events/${id}/enrolments`).then((r) => r.items);
export const recordAttendance = (id: number, userId: number, attended: boolean) =>
  post<{ items: TrainingEnrolment[] }>(`/training/events/${id}/attendance`, {
    userId,
    attended,
  }).then((r) => r.items);
