/**
 * Opaque page cursors holding the sort order, key and id of the last hit returned. The next page starts
 * strictly after that (key, id) in the sort order ("search after"), so deep pages cost what the first does
 * and walking all pages returns every hit exactly once.
 *
 * Encoding (base64url, unpadded): a numeric key (relevance: −score; dates) as 14 bytes — 0x01, the order's
 * code, the key's float64 bits, the id as uint32 — so the key round-trips exactly with no number-to-text
 * conversion (that alone cost microseconds per search); a text key (application number) as the JSON
 * [code, key, id] in UTF-8.
 */
import { AppError } from "../../errors.js";
import type { SortOrder } from "../types.js";

export interface CursorPos {
  key: number | string; // relevance: -score; dates: date key; app_no: application number ("" = none)
  id: number;
}

const CODES: Record<SortOrder, string> = { relevance: "r", date_desc: "d", date_asc: "a", app_no: "n" };
const BINARY = 0x01; // first byte of a binary cursor; a JSON one starts with "["
const BINARY_BYTES = 14;
const binary = new DataView(new ArrayBuffer(BINARY_BYTES));
const binaryBytes = new Uint8Array(binary.buffer);

export function encodeCursor(sort: SortOrder, pos: CursorPos): string {
  if (typeof pos.key === "number" && pos.id >= 0 && pos.id <= 0xffffffff) {
    binary.setUint8(0, BINARY);
    binary.setUint8(1, CODES[sort].charCodeAt(0));
    binary.setFloat64(2, pos.key);
    binary.setUint32(10, pos.id);
    return base64url(binaryBytes);
  }
  return base64url(new TextEncoder().encode(JSON.stringify([CODES[sort], pos.key, pos.id])));
}

export function decodeCursor(sort: SortOrder, cursor: string): CursorPos {
  const bytes = fromBase64url(cursor);
  if (bytes === null || bytes.length === 0) throw new AppError("BAD_REQUEST", "Invalid cursor");
  const pos = bytes[0] === BINARY ? fromBinary(sort, bytes) : fromJson(sort, bytes);
  if (sort === "app_no" ? typeof pos.key !== "string" : typeof pos.key !== "number") {
    throw new AppError("BAD_REQUEST", "Invalid cursor");
  }
  return pos;
}

function fromBinary(sort: SortOrder, bytes: Uint8Array): CursorPos {
  if (bytes.length !== BINARY_BYTES) throw new AppError("BAD_REQUEST", "Invalid cursor");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (String.fromCharCode(view.getUint8(1)) !== CODES[sort]) throw wrongQuery();
  const key = view.getFloat64(2);
  if (Number.isNaN(key)) throw new AppError("BAD_REQUEST", "Invalid cursor");
  return { key, id: view.getUint32(10) };
}

function fromJson(sort: SortOrder, bytes: Uint8Array): CursorPos {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("BAD_REQUEST", "Invalid cursor");
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== CODES[sort] || typeof parsed[2] !== "number") {
    throw wrongQuery();
  }
  return { key: parsed[1], id: parsed[2] };
}

function wrongQuery(): AppError {
  return new AppError("BAD_REQUEST", "Invalid cursor (it belongs to another query or sort order)");
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** Unpadded base64url, written out directly (btoa needs a binary string and three replaces to get there). */
function base64url(b: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const v = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63];
  }
  const rest = b.length - i;
  if (rest > 0) {
    const v = (b[i] << 16) | (rest === 2 ? b[i + 1] << 8 : 0);
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + (rest === 2 ? ALPHABET[(v >> 6) & 63] : "");
  }
  return out;
}

/** The bytes of an unpadded base64url string; null when it is not one. */
function fromBase64url(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}
