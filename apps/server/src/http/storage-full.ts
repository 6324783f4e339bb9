/** Error codes that mean "no space left": the disk (ENOSPC), the user's quota (EDQUOT), SQLite's own (SQLITE_FULL). */
const FULL_CODES = new Set(["ENOSPC", "EDQUOT", "SQLITE_FULL"]);

export const STORAGE_FULL_MESSAGE =
  "存储空间已满，本次内容未保存，请联系管理员 · storage full: nothing was saved, please contact the administrator";

/** True when a write failed for want of space, however deep a driver or query builder wrapped the error. */
export function isStorageFull(err: unknown): boolean {
  let e = err as { code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    if (typeof e.code === "string" && FULL_CODES.has(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}
