import type {
  AlertDetail,
  AlertList,
  BellList,
  HistoryBody,
  HistoryList,
  MarkBellRead,
  SavedSearch,
  SavedSearchList,
  SaveSearchBody,
  Watch,
  WatchBody,
  WatchList,
} from "@zhichan/shared";
import { getJson, send } from "./client";

/** Saved searches, history, watches and alerts (专利预警): the signed-in user's own (/api/me/…). */
export const getSavedSearches = (signal?: AbortSignal) => getJson<SavedSearchList>("/me/searches", undefined, signal);
export const saveSearch = (body: SaveSearchBody) => send<SavedSearch>("POST", "/me/searches", body);
export const deleteSavedSearch = (id: number) => send<{ ok: true }>("DELETE", `/me/searches/${id}`);

export const getHistory = (signal?: AbortSignal) => getJson<HistoryList>("/me/search-history", undefined, signal);
export const recordHistory = (body: HistoryBody) => send<HistoryList>("POST", "/me/search-history", body);
export const deleteHistory = (id?: number) =>
  send<{ ok: true }>("DELETE", id === undefined ? "/me/search-history" : `/me/search-history/${id}`);

export const getWatches = (signal?: AbortSignal) => getJson<WatchList>("/me/watches", undefined, signal);
export const addWatch = (body: WatchBody) => send<Watch>("POST", "/me/watches", body);
export const removeWatch = (id: number) => send<{ ok: true }>("DELETE", `/me/watches/${id}`);

export const getAlerts = (signal?: AbortSignal) => getJson<AlertList>("/me/alerts", undefined, signal);
export const getAlert = (id: number, signal?: AbortSignal) =>
  getJson<AlertDetail>(`/me/alerts/${id}`, undefined, signal);
export const deleteAlert = (id: number) => send<{ ok: true }>("DELETE", `/me/alerts/${id}`);
export const markAlertsRead = (upTo: number) => send<{ ok: true }>("POST", "/me/alerts/read", { upTo });

/** The header's bell: case notifications and alerts together. */
export const getBell = (signal?: AbortSignal) => getJson<BellList>("/me/notifications", undefined, signal);
export const markBellRead = (body: MarkBellRead) => send<{ ok: true }>("POST", "/me/notifications/read", body);
