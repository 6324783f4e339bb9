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
import { ApiError, apiUrl, getJson, type Params, toApiError } from "./client";
import { ANONYMOUS, publishSession } from "./sessionStore";

/**
 * Accounts and audit API. State-changing calls carry X-CSRF-Token: the session's token once signed in, before that
 * the double-submit token from GET /api/auth/csrf. A stale token is refreshed once and the call retried.
 */
let csrfToken: string | null = null;

async function freshCsrf(): Promise<string> {
  const { csrfToken: token } = await getJson<{ csrfToken: string }>("/auth/csrf");
  csrfToken = token;
  return token;
}

function remember<T>(value: T): T {
  const token = (value as { csrfToken?: unknown })?.csrfToken;
  if (typeof token === "string") csrfToken = token;
  // an answer that is a session (sign-in, second factor, password change) is what the header shows from now on
  if (value && typeof value === "object" && "stage" in value) publishSession(value as unknown as SessionResponse);
  return value;
}

export async function send<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  retried = false,
): Promise<T> {
  const token = csrfToken ?? (await freshCsrf());
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRF-Token": token },
      // Always a JSON body: the server refuses an empty one sent as application/json.
      body: JSON.stringify(body ?? {}),
      credentials: "same-origin",
    });
  } catch (e) {
    throw new ApiError("NETWORK", (e as Error).message, 0);
  }
  if (!res.ok) {
    const err = await toApiError(res);
    const reason = (err.details as { reason?: string } | undefined)?.reason;
    if (!retried && err.code === "FORBIDDEN" && reason === "csrf") {
      csrfToken = null;
      return send<T>(method, path, body, true);
    }
    throw err;
  }
  return remember((await res.json()) as T);
}

export const getSession = (signal?: AbortSignal) =>
  getJson<SessionResponse>("/auth/session", undefined, signal).then(remember);
export const getPasswordPolicy = () => getJson<PasswordPolicyInfo>("/auth/password-policy");
export const signIn = (username: string, password: string) =>
  send<SessionResponse>("POST", "/auth/signin", { username, password });
export const signOut = async (everywhere = false) => {
  await send<{ ok: true }>("POST", "/auth/signout", { everywhere });
  csrfToken = null;
  publishSession(ANONYMOUS);
};
export const startTotpSetup = () => send<TotpSetupResponse>("POST", "/auth/totp/setup");
export const confirmTotp = (code: string) => send<SessionResponse>("POST", "/auth/totp/confirm", { code });
export const verifyTotp = (code: string) => send<SessionResponse>("POST", "/auth/totp/verify", { code });
export const changePassword = (currentPassword: string, newPassword: string) =>
  send<SessionResponse>("POST", "/auth/password", { currentPassword, newPassword });
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
