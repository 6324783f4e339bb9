import type { CountUnit } from "@zhichan/shared";
import type { IpcBrowseNode, IpcBrowseResponse, IpcFindResponse } from "@zhichan/shared/search-assist.ts";
import { getJson } from "./client";
import { type CrossLanguage, crossLanguageParams } from "./search";

export interface IpcTitle {
  code: string;
  titleZh: string | null;
}

export function getIpc(code: string, signal?: AbortSignal): Promise<IpcTitle> {
  return getJson<IpcTitle>(`/ipc/${encodeURIComponent(code)}`, undefined, signal);
}

export interface IpcNode {
  code: string;
  level: "section" | "class" | "subclass" | "maingroup";
  titleZh: string;
  hasChildren: boolean;
}

/** The children of an IPC code (sections when parent is omitted), down to main groups. */
export function getIpcChildren(
  parent?: string,
  signal?: AbortSignal,
): Promise<{ parent: string | null; items: IpcNode[] }> {
  return getJson(`/ipc`, { parent }, signal);
}

/** A node of the IPC browser: the hits of the current query under the code. */
export type IpcCountNode = IpcBrowseNode;

/** One level of the IPC tree with the query's hits under each code (GET /api/search/ipc-tree). */
export function browseIpc(
  p: { parent?: string; q: string; group?: CountUnit; crossLanguage?: CrossLanguage },
  signal?: AbortSignal,
): Promise<IpcBrowseResponse> {
  return getJson(
    "/search/ipc-tree",
    {
      parent: p.parent,
      q: p.q,
      group: p.group === "invention" ? p.group : undefined,
      ...crossLanguageParams(p.crossLanguage),
    },
    signal,
  );
}

/** IPC codes whose title holds every word, with the query's hits (GET /api/search/ipc-tree/find). */
export function findIpc(
  p: { words: string; q: string; group?: CountUnit; crossLanguage?: CrossLanguage },
  signal?: AbortSignal,
): Promise<IpcFindResponse> {
  return getJson(
    "/search/ipc-tree/find",
    {
      words: p.words,
      q: p.q,
      group: p.group === "invention" ? p.group : undefined,
      ...crossLanguageParams(p.crossLanguage),
    },
    signal,
  );
}
