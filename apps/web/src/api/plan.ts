import type { Plan, PlanDashboard, PlanTargetInput } from "@zhichan/shared";
import { apiUrl, getJson } from "./client";
import { sendJson } from "./send";

/** The plan dashboard: targets against live figures, reports, target editing. */
export const getPlanDashboard = (plan: string | undefined, signal?: AbortSignal) =>
  getJson<PlanDashboard>("/plan/dashboard", { plan }, signal);
export const listPlans = () => getJson<{ plans: Plan[] }>("/plans");
export const reportUrl = (format: "pdf" | "xlsx", plan?: string) => apiUrl(`/plan/report.${format}`, { plan });
export const updateTarget = (id: number, t: PlanTargetInput) => sendJson<{ ok: true }>("PUT", `/plan/targets/${id}`, t);
