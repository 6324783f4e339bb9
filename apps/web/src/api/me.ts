import type {
  DistrictList,
  MySessionList,
  NotificationList,
  RevokeSessionsResponse,
  UserSummary,
} from "@zhichan/shared";
import { getJson, send } from "./client";

/** The signed-in shell and the personal centre: my account, my sessions, my notifications. */
export const getMyProfile = (signal?: AbortSignal) => getJson<UserSummary>("/accounts/me", undefined, signal);
export const getDistricts = (signal?: AbortSignal) => getJson<DistrictList>("/accounts/districts", undefined, signal);

export const getMySessions = (signal?: AbortSignal) => getJson<MySessionList>("/auth/sessions", undefined, signal);
export const revokeSession = (id: string) => send<RevokeSessionsResponse>("DELETE", `/auth/sessions/${id}`);
export const revokeOtherSessions = () => send<RevokeSessionsResponse>("POST", "/auth/sessions/revoke-others");

export const getNotifications = (signal?: AbortSignal) =>
  getJson<NotificationList>("/cases/notifications", undefined, signal);
export const markNotificationsRead = (upTo: number) =>
  send<{ ok: true }>("POST", "/cases/notifications/read", { upTo });
