import { getJson } from "./client";

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
