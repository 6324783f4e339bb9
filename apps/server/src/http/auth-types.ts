import type { Access, Actor } from "../modules/accounts/accounts.policy.js";
import type { SessionCookies } from "../modules/accounts/cookies.js";

export interface RouteEntry {
  method: string;
  url: string;
  config: RouteAccessConfig;
  // biome-ignore lint/suspicious/noExplicitAny: the route's zod schemas, read by the tests that fuzz every route
  schema: Record<string, any> | undefined;
}

export interface RouteAccessConfig {
  access?: Access;
  /** false only for a POST that changes nothing (e.g. search with the query in the body). */
  csrf?: boolean;
  /** "auth": the stricter per-address limit of sign-in, registration, TOTP and setup. */
  rateLimit?: "auth";
  /** An audit action written when the route answers 2xx (e.g. "data.export"). */
  audit?: string;
}

declare module "fastify" {
  interface FastifyContextConfig extends RouteAccessConfig {}
  interface FastifyRequest {
    /** The signed-in caller, resolved once by the policy hook; null when anonymous. */
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every route with its declared access, collected as routes are added (tests enumerate it). */
    routeTable: RouteEntry[];
    /** The session and CSRF cookies' names and attributes (`__Host-` Secure, or the plain-HTTP trial's). */
    sessionCookies: SessionCookies;
  }
}
