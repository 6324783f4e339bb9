import type {
  AppointmentView,
  AskQuestionInput,
  AskQuestionResult,
  CaseRatingStatusView,
  Consultation,
  ConsultQueue,
  CreateSlotsInput,
  CreateWindowInput,
  DistrictList,
  MyMailSettings,
  RateInput,
  RatingView,
  ServiceQualityView,
  ServiceWindowView,
  SlotView,
  UpdateMyMailSettingsInput,
} from "@zhichan/shared";
import { getJson, send } from "./client";

/** 咨询, 预约, 好差评 and one's e-mail settings (modules/service-desk, modules/mail). */
export const askQuestion = (body: AskQuestionInput) => send<AskQuestionResult>("POST", "/consultations", body);
export const myQuestions = (signal?: AbortSignal) => getJson<Consultation[]>("/consultations/mine", undefined, signal);
/** One page of the answer queue (paged on the server: the total counts every question the caller may answer). */
export const questionQueue = (q: { status?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
  getJson<ConsultQueue>("/consultations/queue", q, signal);
/** The districts a question may name (public: anyone asking may choose one). */
export const consultDistricts = (signal?: AbortSignal) =>
  getJson<DistrictList>("/consultations/districts", undefined, signal);
export const questionByToken = (token: string, signal?: AbortSignal) =>
  getJson<Consultation>(`/consultations/by-token/${encodeURIComponent(token)}`, undefined, signal);
export const answerQuestion = (id: number, answer: string) =>
  send<Consultation>("POST", `/consultations/${id}/answer`, { answer });

export const rate = (body: RateInput) => send<RatingView>("POST", "/ratings", body);
export const caseRatingStatus = (caseId: number, signal?: AbortSignal) =>
  getJson<CaseRatingStatusView>(`/ratings/case/${caseId}`, undefined, signal);
export const serviceQuality = (signal?: AbortSignal) =>
  getJson<ServiceQualityView>("/service-quality", undefined, signal);

export const serviceWindows = (signal?: AbortSignal) =>
  getJson<ServiceWindowView[]>("/service-windows", undefined, signal);
export const windowSlots = (id: number, signal?: AbortSignal) =>
  getJson<SlotView[]>(`/service-windows/${id}/slots`, { days: 14 }, signal);
export const createWindow = (body: CreateWindowInput) => send<ServiceWindowView>("POST", "/service-windows", body);
export const createSlots = (id: number, body: CreateSlotsInput) =>
  send<SlotView[]>("POST", `/service-windows/${id}/slots`, body);
export const windowBookings = (id: number, date: string, signal?: AbortSignal) =>
  getJson<AppointmentView[]>(`/service-windows/${id}/appointments`, { date }, signal);
export const book = (slotId: number, purpose: string) =>
  send<AppointmentView>("POST", "/appointments", { slotId, purpose });
export const myAppointments = (signal?: AbortSignal) =>
  getJson<AppointmentView[]>("/appointments/mine", undefined, signal);
export const cancelAppointment = (id: number) => send<AppointmentView>("POST", `/appointments/${id}/cancel`);

export const myMail = (signal?: AbortSignal) => getJson<MyMailSettings>("/accounts/me/mail", undefined, signal);
export const saveMyMail = (body: UpdateMyMailSettingsInput) => send<MyMailSettings>("PUT", "/accounts/me/mail", body);
