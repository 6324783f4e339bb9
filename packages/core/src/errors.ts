/**
 * The one error type the layers throw; the server maps `code` to an HTTP status in one table.
 * Core depends on nothing in the repo, so the code list lives here too; errors.test.ts keeps it equal to
 * the API contract's list in @zhichan/shared.
 */
export const APP_ERROR_CODES = [
  "BAD_REQUEST",
  "QUERY_SYNTAX",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "HTTPS_REQUIRED",
  "CONFLICT",
  "TOO_LARGE",
  "RATE_LIMITED",
  "STORAGE_FULL",
  "INTERNAL",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}
