import { ApiError } from "../../api/client";

/** Only same-site paths: ?next=//evil.example must not send the user away. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/**
 * The error to show. With `tx` (the forms used before sign-in), HTTPS_REQUIRED gets its own text in the UI's
 * language: over plain HTTP the browser drops the secure sign-in cookies, and the user needs to know why.
 */
export function errorText(e: unknown, tx?: (zh: string, en: string) => string): string {
  if (tx && e instanceof ApiError && e.code === "HTTPS_REQUIRED")
    return tx(
      "登录需要 HTTPS 安全连接：请改用以 https:// 开头的地址访问本平台；如无此地址，请联系系统管理员配置 HTTPS。",
      "Signing in requires a secure HTTPS connection: open the platform at its https:// address; " +
        "if there is none, ask your administrator to set up HTTPS.",
    );
  if (e instanceof ApiError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
