import { apiErrorText } from "../../i18n/apiErrors";

/** Only same-site paths: ?next=//evil.example must not send the user away. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/**
 * The error to show, in the UI language only (i18n/apiErrors.ts): validation issues field by field, HTTPS_REQUIRED
 * explained (over plain HTTP the browser drops the secure sign-in cookies), otherwise the server's words in the
 * user's language or what the error code means. The second argument is no longer needed and is ignored.
 */
export function errorText(e: unknown, _unused?: unknown): string {
  return apiErrorText(e);
}
