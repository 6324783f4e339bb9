import type {
  AgencyProfile,
  CreditResponse,
  ImportResult,
  Org,
  OrgInput,
  Person,
  PersonInput,
  PublishedSurvey,
  RegistryKind,
  Signal,
  Survey,
  SurveyAggregate,
} from "@zhichan/shared";
import { apiUrl, fileToBase64, getJson, type Params, send } from "./client";

/** Registry, supervision and survey API for the officials' pages. */
export interface RegistryFilters {
  q?: string;
  category?: string;
  status?: string;
  district?: string;
  zone?: string;
  source?: string;
  page?: number;
  pageSize?: number;
}
export interface HistoryEntry {
  at: string;
  actor: string | null;
  action: string;
  changes: Record<string, unknown>;
}

export const listOrgs = (f: RegistryFilters, signal?: AbortSignal) =>
  getJson<{ total: number; items: Org[] }>("/registry/orgs", f as Params, signal);
export const listPeople = (f: RegistryFilters, signal?: AbortSignal) =>
  getJson<{ total: number; items: Person[] }>("/registry/people", f as Params, signal);
export const getOrg = (id: number) =>
  getJson<{ org: Org; history: HistoryEntry[]; people: Person[] }>(`/registry/orgs/${id}`);
export const getPerson = (id: number) => getJson<{ person: Person; history: HistoryEntry[] }>(`/registry/people/${id}`);
export const saveOrg = (o: Partial<OrgInput>, id?: number) =>
  id ? send<Org>("PUT", `/registry/orgs/${id}`, o) : send<Org>("POST", "/registry/orgs", o);
export const savePerson = (p: Partial<PersonInput>, id?: number) =>
  id ? send<Person>("PUT", `/registry/people/${id}`, p) : send<Person>("POST", "/registry/people", p);
export const templateUrl = (kind: RegistryKind) => apiUrl(`/registry/xlsx/${kind}/template`);
export const exportUrl = (kind: RegistryKind, f: RegistryFilters) =>
  apiUrl(`/registry/xlsx/${kind}/export`, f as Params);
export const importWorkbook = async (kind: RegistryKind, file: File) =>
  send<ImportResult>("POST", `/registry/xlsx/${kind}/import`, {
    fileName: file.name,
    contentBase64: await fileToBase64(file),
  });
export const deriveCandidates = () =>
  send<{ added: number; alreadyKnown: number; outsideCity: number }>("POST", "/registry/derive-candidates");

// supervision
export interface AgencyStatsRow {
  agency: string;
  filings: number;
  grants: number;
  grantRate: number | null;
  inventionShare: number;
  firstYear: number | null;
  lastYear: number | null;
  registryOrgId: number | null;
}
export const listAgencyStats = (q: string, page: number, signal?: AbortSignal) =>
  getJson<{ total: number; items: AgencyStatsRow[] }>("/supervision/agencies", { q, page, pageSize: 50 }, signal);
export const getAgencyProfile = (name: string, signal?: AbortSignal) =>
  getJson<AgencyProfile>("/supervision/agency", { name }, signal);
export interface CreditRow {
  orgId: number;
  orgName: string;
  category: string;
  districtCode: string | null;
  score: number;
  grade: string;
  violations: number;
}
export const listCredit = (signal?: AbortSignal) =>
  getJson<{ items: CreditRow[] }>("/supervision/credit", undefined, signal);
export const getCredit = (id: number) => getJson<CreditResponse>(`/supervision/credit/${id}`);
export const getCreditRules = () =>
  getJson<{ violations: { kind: string; labelZh: string; labelEn: string; points: number; serious?: boolean }[] }>(
    "/supervision/credit/rules",
  );
export const addViolation = (
  id: number,
  v: { kind: string; date: string; description: string; evidence?: string | null; points?: number | null },
) => send<CreditResponse>("POST", `/supervision/credit/${id}/violations`, v);
export interface BrandApplicationRow {
  id: number;
  orgId: number;
  orgName: string;
  level: "municipal" | "provincial" | "national";
  statement: string;
  status: "submitted" | "approved" | "rejected";
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  grade: string;
  /** Serious violations inside the look-back window. */
  seriousOpen: number;
  /** Approving needs a recorded reason (grade C or D, or a serious violation open). */
  needsReason: boolean;
  /** Whether the reader may grant this level (a city official: municipal at most). */
  withinAuthority: boolean;
  overrideReason: string | null;
}
export const listBrandApplications = (signal?: AbortSignal) =>
  getJson<{ items: BrandApplicationRow[] }>("/supervision/brand-applications", undefined, signal);
export const decideBrand = (id: number, approve: boolean, note: string, overrideReason?: string) =>
  send<{ ok: true }>("POST", `/supervision/brand-applications/${id}/decision`, { approve, note, overrideReason });
export interface SignalsResponse {
  computedAt: string;
  corpus: { patents: number; description: string };
  signals: Signal[];
  note: string;
}
export const getSignals = (kind: string | undefined, signal?: AbortSignal) =>
  getJson<SignalsResponse>("/supervision/signals", { kind }, signal);

// surveys
export interface SurveyResponseRow {
  orgId: number;
  orgName: string;
  districtCode: string | null;
  category: string;
  status: "missing" | "submitted" | "accepted" | "rejected";
  channel: string | null;
  submittedAt: string | null;
  answers: Record<string, string | number | null> | null;
  problems: { key: string; message: string }[];
  reviewNote: string | null;
}
export type AggregateRow = SurveyAggregate["rows"][number];
export const listSurveys = (signal?: AbortSignal) => getJson<{ items: Survey[] }>("/surveys", undefined, signal);
export type SurveyQuestion = Survey["questions"][number];
export const getStandardQuestions = () =>
  getJson<{ questions: SurveyQuestion[]; rules?: Survey["rules"] }>("/surveys/standard-questions");
export const createSurvey = (s: {
  title: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  categories: string[];
  questions?: SurveyQuestion[];
  rules?: Survey["rules"];
}) => send<Survey>("POST", "/surveys", s);
export const setSurveyStatus = (id: number, to: "open" | "closed" | "published") =>
  send<Survey>("POST", `/surveys/${id}/status`, { to });
export const listResponses = (id: number, signal?: AbortSignal) =>
  getJson<{ items: SurveyResponseRow[] }>(`/surveys/${id}/responses`, undefined, signal);
export const reviewResponse = (id: number, orgId: number, accept: boolean, note: string) =>
  send<{ ok: true }>("POST", `/surveys/${id}/responses/${orgId}/review`, { accept, note });
export const getAggregates = (id: number, by: "district" | "category", signal?: AbortSignal) =>
  getJson<SurveyAggregate>(`/surveys/${id}/aggregates`, { by }, signal);
// the public side: published surveys and their aggregates, small cells withheld by the server
export const listPublishedSurveys = (signal?: AbortSignal) =>
  getJson<{ items: PublishedSurvey[] }>("/surveys/published", undefined, signal);
export const getPublishedAggregates = (id: number, by: "district" | "category", signal?: AbortSignal) =>
  getJson<SurveyAggregate>(`/surveys/${id}/published`, { by }, signal);
export const answerSheetUrl = (id: number) => apiUrl(`/surveys/${id}/answer-sheet.xlsx`);

// the agency's own side: surveys to answer, its credit grade, brand application
export interface AgencySurveyItem {
  survey: Survey;
  orgId: number;
  orgName: string;
  status: string;
  answers: Record<string, string | number | null> | null;
  problems: { key: string; message: string }[];
}
export const listMySurveys = (signal?: AbortSignal) =>
  getJson<{ items: AgencySurveyItem[] }>("/agency/surveys", undefined, signal);
export const answerSurvey = (id: number, orgId: number, answers: Record<string, string | number | null>) =>
  send<{ ok: true }>("POST", `/agency/surveys/${id}/orgs/${orgId}`, { answers });
export const answerSurveyExcel = async (id: number, orgId: number, file: File) =>
  send<{ ok: true }>("POST", `/agency/surveys/${id}/orgs/${orgId}/excel`, {
    fileName: file.name,
    contentBase64: await fileToBase64(file),
  });
export const getMyCredit = (signal?: AbortSignal) =>
  getJson<{ items: CreditResponse[] }>("/agency/credit", undefined, signal);
export const applyBrand = (orgId: number, level: "municipal", statement: string) =>
  send<{ id: number }>("POST", "/agency/brand-applications", { orgId, level, statement });
