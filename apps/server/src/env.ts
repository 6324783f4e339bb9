import path from "node:path";
import { fileURLToPath } from "node:url";
import { type HttpSettings, readHttpSettings, readRateLimits } from "./http/http-settings.js";
import type { RateLimits } from "./modules/accounts/rate-limiter.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface Env {
  host: string;
  port: number;
  /** Where the database and the index files live; one folder so a fresh start is `rm -rf` of it. */
  home: string;
  dbFile: string;
  indexDir: string;
  /** The compressed real data the project ships. */
  dataDir: string;
  webDist: string;
  logLevel: string;
  /** Timeouts, trusted proxies, the plain-HTTP trial switch (http/http-settings.ts; docs/DEPLOY.md). */
  http: HttpSettings;
  rateLimits: RateLimits;
}

/** Reads the environment once; every setting has a safe default so `npm start` needs none. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const home = path.resolve(source.ZHICHAN_HOME ?? path.join(repoRoot, "var"));
  const port = Number(source.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0..65535, got ${source.PORT}`);
  return {
    host: source.HOST ?? "127.0.0.1",
    port,
    home,
    dbFile: path.join(home, "zhichan.db"),
    indexDir: path.join(home, "index"),
    dataDir: path.resolve(source.ZHICHAN_DATA ?? path.join(repoRoot, "data")),
    // ZHICHAN_WEB_DIST: the built web app from elsewhere (the journeys serve a copy, so a rebuild meanwhile is harmless)
    webDist: path.resolve(source.ZHICHAN_WEB_DIST ?? path.join(repoRoot, "apps/web/dist")),
    logLevel: source.LOG_LEVEL ?? "info",
    http: readHttpSettings(source),
    rateLimits: readRateLimits(source),
  };
}
