import type {
  AdminRequestView,
  AuditPage,
  AuditVerifyResponse,
  ClaimView,
  MyOrgRequests,
  OrgDetail,
  PasswordPolicyInfo,
  RegisterRequest,
  RegisterResponse,
  SessionResponse,
  SetupRequest,
  TotpSetupResponse,
} from "@zhichan/shared";
import { apiUrl, forgetCsrfToken, getJson, type Params, rememberSession, send } from "./client";
import { ANONYMOUS, publishSession } from "./sessionStore";

/** Accounts and audit API. State changes go through client.ts's send (its CSRF token, retried once when stale). */
export const getSession = (signal?: AbortSignal) =>
  getJson<SessionResponse>("/auth/session", undefined, signal).then(rememberSession);
export const getPasswordPolicy = () => getJson<PasswordPolicyInfo>("/auth/password-policy");
/** A step of signing in whose answer is the session: the app's session (and CSRF token) from now on. */
const step = (path: string, body?: unknown) => send<SessionResponse>("POST", path, body).then(rememberSession);
export const signIn = (username: string, password: string) => step("/auth/signin", { username, password });
export const signOut = async (everywhere = false) => {
  await send<{ ok: true }>("POST", "/auth/signout", { everywhere });
  forgetCsrfToken();
  publishSession(ANONYMOUS);
};
export const startTotpSetup = () => send<TotpSetupResponse>("POST", "/auth/totp/setup");
export const confirmTotp = (code: string) => step("/auth/totp/confirm", { code });
export const verifyTotp = (code: string) => step("/auth/totp/verify", { code });
export const changePassword = (currentPassword: string, newPassword: string) =>
  step("/auth/password", { currentPassword, newPassword });
export const register = (r: RegisterRequest) => send<RegisterResponse>("POST", "/auth/register", r);
export const getSetupStatus = () => getJson<{ needed: boolean }>("/setup/status");
export const createAdmin = (r: SetupRequest) => send<{ userId: number; role: string }>("POST", "/setup", r);

export interface AuditFilters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  outcome?: "success" | "failure" | "denied";
}

export const getAuditPage = (f: AuditFilters, before?: number, signal?: AbortSignal) =>
  getJson<AuditPage>("/audit", { ...f, limit: 50, before } as Params, signal);
export const auditExportUrl = (f: AuditFilters) => apiUrl("/audit/export", f as Params);
export const verifyAudit = () => getJson<AuditVerifyResponse>("/audit/verify");

// Organisations: membership by invitation, claims on registered organisations (issue #13)
export const getMyOrgs = (signal?: AbortSignal) => getJson<OrgDetail[]>("/orgs/mine", undefined, signal);
export const getMyOrgRequests = (signal?: AbortSignal) => getJson<MyOrgRequests>("/orgs/requests", undefined, signal);
export const inviteMember = (orgId: number, username: string) =>
  send<OrgDetail>("POST", `/orgs/${orgId}/members`, { username });
export const cancelInvitation = (orgId: number, invitationId: number) =>
  send<OrgDetail>("DELETE", `/orgs/${orgId}/invitations/${invitationId}`);
export const answerInvitation = (id: number, answer: "accept" | "decline") =>
  send<{ ok: true }>("POST", `/orgs/invitations/${id}/${answer}`);
export const leaveOrg = (orgId: number) => send<{ ok: true }>("POST", `/orgs/${orgId}/leave`);
export const makeOwner = (orgId: number, userId: number) =>
  send<OrgDetail>("POST", `/orgs/${orgId}/members/${userId}/owner`);
export const removeMember = (orgId: number, userId: number) =>
  send<OrgDetail>("DELETE", `/orgs/${orgId}/members/${userId}`);
export const decideClaim = (id: number, decision: "approve" | "reject", reason?: string) =>
  send<ClaimView>("POST", `/orgs/claims/${id}/${decision}`, decision === "reject" ? { reason } : {});

// Administrator accounts: the second administrator's approval queue (三员分立)
export const getAdminRequests = (signal?: AbortSignal) =>
  getJson<AdminRequestView[]>("/accounts/admin-requests", { status: "pending" } as Params, signal);
export const decideAdminRequest = (id: number, decision: "approve" | "reject", reason?: string) =>
  send<AdminRequestView>("POST", `/accounts/admin-requests/${id}/${decision}`, decision === "reject" ? { reason } : {});
