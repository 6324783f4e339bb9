import type {
  AdminRequestView,
  CreateUserRequest,
  DistrictList,
  PeopleList,
  RoleGrant,
  SecurityPolicy,
  UserDetail,
  UserList,
  UserSummary,
} from "@zhichan/shared";
import { getJson, type Params, send } from "./client";

/** The administration pages' calls (scenes/admin); state changes carry the session's CSRF token (send.ts). */

export interface UserFilters {
  q?: string;
  role?: string;
  status?: "active" | "disabled" | "locked";
  district?: string;
}

export const getUsers = (f: UserFilters, offset: number, limit: number, signal?: AbortSignal) =>
  getJson<UserList>("/accounts/users", { ...f, offset, limit } as Params, signal);
export const getUser = (id: number, signal?: AbortSignal) =>
  getJson<UserDetail>(`/accounts/users/${id}`, undefined, signal);
/** 201 with the account, or 202 with the request a second administrator must approve (administrator accounts). */
export const createUser = (r: CreateUserRequest) => send<UserSummary | AdminRequestView>("POST", "/accounts/users", r);
export const setUserStatus = (id: number, to: "disable" | "enable") =>
  send<UserSummary | AdminRequestView>("POST", `/accounts/users/${id}/${to}`);
export const unlockUser = (id: number) => send<UserSummary>("POST", `/accounts/users/${id}/unlock`);
export const setUserRoles = (id: number, roles: RoleGrant[]) =>
  send<UserSummary>("PUT", `/accounts/users/${id}/roles`, { roles });

let districtsOnce: Promise<DistrictList> | null = null;
/** The city's districts by name (asked once per page load; a failure is asked again next time). */
export const getDistricts = () => {
  districtsOnce ??= getJson<DistrictList>("/accounts/districts").catch((e) => {
    districtsOnce = null;
    throw e;
  });
  return districtsOnce;
};

export const getSecurityPolicy = (signal?: AbortSignal) =>
  getJson<SecurityPolicy>("/accounts/security-policy", undefined, signal);

export const findPeople = (q: string, signal?: AbortSignal) => getJson<PeopleList>("/accounts/people", { q }, signal);
export const revealPerson = (id: number, reason: string) =>
  send<{ phone: string | null; idNumber: string | null }>("POST", `/accounts/users/${id}/reveal`, { reason });

export const getAdminRequestsByStatus = (status: "pending" | "approved" | "rejected", signal?: AbortSignal) =>
  getJson<AdminRequestView[]>("/accounts/admin-requests", { status }, signal);
export const decideRequest = (id: number, decision: "approve" | "reject", reason?: string) =>
  send<AdminRequestView>("POST", `/accounts/admin-requests/${id}/${decision}`, reason ? { reason } : {});
