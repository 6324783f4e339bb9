import type { CountUnit, SearchSort } from "@zhichan/shared";
import { ApiError, toApiError } from "./client";
import { type ExportChoice, type ExportFormat, exportUrl } from "./search";

export interface ExportProgress {
  /** Rows that will follow, from the X-Total-Count header (null if the server did not say). */
  total: number | null;
  /** Rows received so far (CSV) or null when rows cannot be counted (XLSX). */
  rows: number | null;
  bytes: number;
}

export interface ExportResult {
  blob: Blob;
  filename: string;
  total: number | null;
  /** Set when the server sent only part of the hits (visitors: sign in for all), as the server words it. */
  cappedNote: string | null;
}

function noteFrom(header: string | null): string | null {
  if (!header) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
}

const NEWLINE = 10;

/** Filename from Content-Disposition (RFC 5987 filename* first), else a default. */
export function filenameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/** Streams the full export, reporting progress as chunks arrive; resolves with the file as a Blob. */
export async function streamExport(
  q: string,
  format: ExportFormat,
  sort: SearchSort | undefined,
  onProgress: (p: ExportProgress) => void,
  signal?: AbortSignal,
  group?: CountUnit,
  choice?: ExportChoice,
): Promise<ExportResult> {
  let res: Response;
  try {
    res = await fetch(exportUrl(q, format, sort, group, choice), { signal });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError("NETWORK", (e as Error).message, 0);
  }
  if (!res.ok) throw await toApiError(res);
  const totalHeader = res.headers.get("X-Total-Count");
  const total = totalHeader !== null && totalHeader !== "" ? Number(totalHeader) : null;
  const filename = filenameFrom(res.headers.get("Content-Disposition"), `zhichan-export.${format}`);
  const type = res.headers.get("Content-Type") ?? "application/octet-stream";
  const cappedNote = noteFrom(res.headers.get("X-Export-Note"));
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let newlines = 0;
  const reader = res.body?.getReader();
  if (!reader) {
    const blob = await res.blob();
    onProgress({ total, rows: total, bytes: blob.size });
    return { blob, filename, total, cappedNote };
  }
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    if (format === "csv") {
      for (let i = 0; i < value.length; i++) if (value[i] === NEWLINE) newlines++;
    }
    // The first line of a CSV is its header.
    onProgress({ total, rows: format === "csv" ? Math.max(0, newlines - 1) : null, bytes });
  }
  onProgress({ total, rows: total, bytes });
  return { blob: new Blob(chunks as BlobPart[], { type }), filename, total, cappedNote };
}

/** Saves a Blob through a temporary object URL and an <a download> click. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
