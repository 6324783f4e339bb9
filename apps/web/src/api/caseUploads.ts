import type { CaseStagedUpload } from "@zhichan/shared";
import { ApiError, apiUrl, csrfToken, errorFromText, fileToBase64, getJson, isStaleCsrf, send } from "./client";

/**
 * Files for an application not yet submitted (server: modules/cases/staged-uploads.ts). The upload goes through
 * XMLHttpRequest, the one browser API that reports how much of a request body has been sent, so the form can show
 * each file's progress.
 */
export function stageUpload(
  req: { type: string; kind: string; file: File },
  onProgress: (percent: number) => void,
): Promise<CaseStagedUpload> {
  return fileToBase64(req.file).then((contentBase64) =>
    sendWithProgress({ type: req.type, kind: req.kind, filename: req.file.name, contentBase64 }, onProgress, false),
  );
}

async function sendWithProgress(
  body: unknown,
  onProgress: (percent: number) => void,
  retried: boolean,
): Promise<CaseStagedUpload> {
  const token = await csrfToken(retried);
  const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl("/cases/uploads"));
    xhr.setRequestHeader("Content-Type", "application/json");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("X-CSRF-Token", token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(99, Math.floor((e.loaded * 100) / e.total)));
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiError("NETWORK", "upload failed", 0));
    xhr.send(JSON.stringify(body));
  });
  if (res.status === 200) {
    onProgress(100); // stored and checked by the server, not just sent
    return JSON.parse(res.text) as CaseStagedUpload;
  }
  const err = errorFromText(res.status, res.text);
  if (!retried && isStaleCsrf(err)) return sendWithProgress(body, onProgress, true);
  throw err;
}

export const listStagedUploads = (type: string, signal?: AbortSignal) =>
  getJson<{ items: CaseStagedUpload[] }>("/cases/uploads", { type }, signal).then((r) => r.items);

export const discardStagedUpload = (id: number) => send<{ ok: true }>("DELETE", `/cases/uploads/${id}`);
