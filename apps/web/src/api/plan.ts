import type {
  Plan,
  PlanDashboard,
  PlanTargetInput,
  PledgeImportResult,
  PledgeRegistration,
  PledgeRegistrationInput,
  TargetBaseline,
} from "@zhichan/shared";
import { apiUrl, fileToBase64, getJson, send } from "./client";

/** The plan dashboard: targets against live figures, reports, target editing. */
export const getPlanDashboard = (plan: string | undefined, signal?: AbortSignal) =>
  getJson<PlanDashboard>("/plan/dashboard", { plan }, signal);
// the plan's progress on the public page, while a city-wide official has it published
export const getPublishedPlan = (signal?: AbortSignal) => getJson<PlanDashboard>("/plan/published", undefined, signal);
export const publishPlan = (published: boolean) =>
  send<{ publishedAt: string | null }>("PUT", "/plan/published", { published });
export const listPlans = () => getJson<{ plans: Plan[] }>("/plans");
export const reportUrl = (format: "pdf" | "xlsx", plan?: string) => apiUrl(`/plan/report.${format}`, { plan });
export const updateTarget = (id: number, t: PlanTargetInput) => send<{ ok: true }>("PUT", `/plan/targets/${id}`, t);
export const setBaseline = (id: number, baseline: TargetBaseline | null) =>
  send<{ ok: true }>("PUT", `/plan/targets/${id}/baseline`, { baseline });

// the pledge register: pledges registered outside the platform's cases (a form or an imported list)
export const listPledges = (signal?: AbortSignal) =>
  getJson<{ items: PledgeRegistration[] }>("/plan/pledges", undefined, signal);
export const registerPledge = (p: PledgeRegistrationInput) => send<PledgeRegistration>("POST", "/plan/pledges", p);
export const importPledges = async (file: File) =>
  send<PledgeImportResult>("POST", "/plan/pledges/import", {
    fileName: file.name,
    contentBase64: await fileToBase64(file),
  });
export const pledgeTemplateUrl = () => apiUrl("/plan/pledges/template.xlsx");
