import { getJson } from "./client";

export interface IpcTitle {
  code: string;
  titleZh: string | null;
}

export function getIpc(code: string, signal?: AbortSignal): Promise<IpcTitle> {
  return getJson<IpcTitle>(`/ipc/${encodeURIComponent(code)}`, undefined, signal);
}
