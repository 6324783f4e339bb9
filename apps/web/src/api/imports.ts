import type {
  PatentImportFieldList,
  PatentImportJobDetail,
  PatentImportJobList,
  PatentImportPreview,
  PatentImportPreviewBody,
  PatentImportProfile,
  PatentImportProfileBody,
  PatentImportProfileList,
  PatentImportStartBody,
} from "@zhichan/shared";
import { ApiError, apiUrl, csrfToken, errorFromText, getJson, send } from "./client";

/** Patent import in the web app: /api/imports (officials with data:import). */
export const getImportFields = (signal?: AbortSignal) =>
  getJson<PatentImportFieldList>("/imports/fields", undefined, signal);
export const getImportProfiles = (signal?: AbortSignal) =>
  getJson<PatentImportProfileList>("/imports/profiles", undefined, signal);
export const saveImportProfile = (body: PatentImportProfileBody) =>
  send<PatentImportProfile>("POST", "/imports/profiles", body);
export const previewImport = (uploadId: string, body: PatentImportPreviewBody) =>
  send<PatentImportPreview>("POST", `/imports/${uploadId}/preview`, body);
export const startImport = (uploadId: string, body: PatentImportStartBody) =>
  send<PatentImportJobDetail>("POST", `/imports/${uploadId}/start`, body);
export const getImportJob = (id: number, signal?: AbortSignal) =>
  getJson<PatentImportJobDetail>(`/imports/${id}`, undefined, signal);
export const listImportJobs = (signal?: AbortSignal) => getJson<PatentImportJobList>("/imports", { limit: 50 }, signal);

export interface UploadHandle {
  done: Promise<PatentImportPreview>;
  abort: () => void;
}

/**
 * POST /api/imports as multipart through XMLHttpRequest, the one browser API that reports upload progress
 * (fetch does not). `onProgress` gets the share sent, 0–1; the answer is the detection and preview.
 */
export function uploadImportFile(
  file: File,
  profileId: number | undefined,
  onProgress: (share: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = (async () => {
    const token = await csrfToken();
    return new Promise<PatentImportPreview>((resolve, reject) => {
      xhr.open("POST", apiUrl("/imports", { profileId }));
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-CSRF-Token", token);
      xhr.withCredentials = true;
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onerror = () => reject(new ApiError("NETWORK", "upload failed", 0));
      xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
      xhr.onload = () => {
        if (xhr.status < 200 || xhr.status >= 300) return reject(errorFromText(xhr.status, xhr.responseText));
        try {
          resolve(JSON.parse(xhr.responseText) as PatentImportPreview);
        } catch {
          reject(new ApiError("BAD_RESPONSE", "response is not JSON", xhr.status));
        }
      };
      const form = new FormData();
      form.append("file", file, file.name);
      xhr.send(form);
    });
  })();
  return { done, abort: () => xhr.abort() };
}
