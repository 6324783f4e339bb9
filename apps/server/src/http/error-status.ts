import type { AppErrorCode } from "@zhichan/core";

/** The one table from error code to HTTP status. */
export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  QUERY_SYNTAX: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** Sign-in over plain HTTP (not loopback) without ZHICHAN_INSECURE_HTTP: the browser would drop the cookies. */
  HTTPS_REQUIRED: 403,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  /** The disk or the user's quota is full (ENOSPC, EDQUOT, SQLITE_FULL): nothing was saved, say so plainly. */
  STORAGE_FULL: 507,
  INTERNAL: 500,
};
