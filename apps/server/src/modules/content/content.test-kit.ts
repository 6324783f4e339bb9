import type { Role } from "@zhichan/core/accounts/index.ts";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";

// biome-ignore lint/suspicious/noExplicitAny: test answers are JSON read field by field in assertions
type Json = any;
type Method = "GET" | "POST" | "PUT" | "DELETE";

export type Call = (
  method: Method,
  url: string,
  payload?: unknown,
) => Promise<{ status: number; body: Json; raw: Buffer }>;

/** The app over a fresh database, and a caller per role (null: an anonymous visitor). */
export async function contentKit() {
  const t: AuthTestApp = await authTestApp();
  const as = async (role: Role | null, district: string | null = null): Promise<Call> => {
    const u = role ? await makeUser(t, `u${Math.random().toString(36).slice(2, 10)}`, [{ role, district }]) : null;
    return async (method, url, payload) => {
      const headers = { host: "localhost", ...(u ? sessionHeaders(t, u.id) : {}) };
      const res = await t.app.inject({
        method,
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      const json = res.headers["content-type"]?.toString().includes("json") ? res.json() : null;
      return { status: res.statusCode, body: json, raw: res.rawPayload };
    };
  };
  return { t, as, close: () => t.close() };
}
