/**
 * Opaque page cursors: base64url of JSON [sort, key, id] of the last hit returned. The next page starts
 * strictly after that (key, id) in the sort order ("search after"), so deep pages cost what the first does
 * and walking all pages returns every hit exactly once.
 */
import { AppError } from "../../errors.js";
import type { SortOrder } from "../types.js";

export interface CursorPos {
  key: number | string; // relevance: -score; dates: date key; app_no: application number ("" = none)
  id: number;
}

const CODES: Record<SortOrder, string> = { relevance: "r", date_desc: "d", date_asc: "a", app_no: "n" };
const utf8 = new TextEncoder();

export function encodeCursor(sort: SortOrder, pos: CursorPos): string {
  const json = JSON.stringify([CODES[sort], pos.key, pos.id]);
  let bin = "";
  for (const b of utf8.encode(json)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeCursor(sort: SortOrder, cursor: string): CursorPos {
  let parsed: unknown;
  try {
    const b64 = cursor.replace(/-/g, "+").replace(/_/g, "/");
    const bin = atob(b64);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("BAD_REQUEST", "Invalid cursor");
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== CODES[sort] || typeof parsed[2] !== "number") {
    throw new AppError("BAD_REQUEST", "Invalid cursor (it belongs to another query or sort order)");
  }
  const key = parsed[1];
  if (sort === "app_no" ? typeof key !== "string" : typeof key !== "number") {
    throw new AppError("BAD_REQUEST", "Invalid cursor");
  }
  return { key, id: parsed[2] };
}
