import type { ErrorCode } from "@zhichan/shared";

/** The one error type the layers throw; the server maps `code` to an HTTP status in one table. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}
