import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.js";
import { openDb } from "./db/connection.js";
import { migrateToLatest } from "./db/migrate.js";
import { readEnv } from "./env.js";
import { INSECURE_HTTP_WARNING } from "./http/http-settings.js";
import { createLogger } from "./logger.js";
import { readAccountsConfig } from "./modules/accounts/accounts.config.js";
import { announceFirstStart } from "./modules/accounts/first-start.js";
import { auditKeyingFor, CHECKPOINT_INTERVAL_MS } from "./modules/audit/audit-anchor.js";
import { readMailSettings } from "./modules/mail/mail-settings.js";
import { createServices } from "./services.js";
import { ensureInitialData } from "./startup/initial-data.js";
import { openSearchIndex } from "./startup/open-index.js";
import { secureHome } from "./startup/secure-home.js";
import { followDataChanges, warmDerivedStores } from "./startup/warm-derived.js";

/**
 * `npm start`: open (or create) the database, load the shipped real data on first start, bring the search
 * index up to date, then serve the API and the web app and print the URL.
 */
export async function startServer(): Promise<void> {
  const env = readEnv();
  const logger = createLogger(env.logLevel);
  secureHome(env.home); // 0700/0600 for everything in it, and a umask of 077 from here on
  const db = openDb(env.dbFile);
  // Until the server is up, a signal just ends the process: start-up work (a first import, an index rebuild)
  // yields to the event loop so this runs at once instead of after minutes of work.
  const stopStarting = (signal: NodeJS.Signals) => process.exit(signal === "SIGINT" ? 130 : 143);
  process.once("SIGINT", stopStarting);
  process.once("SIGTERM", stopStarting);
  await migrateToLatest(db.kysely);
  await ensureInitialData(db, env.dataDir);
  const index = await openSearchIndex(db, env.indexDir);
  // the audit key and checkpoints live outside the database (modules/audit/audit-anchor.ts)
  const audit = auditKeyingFor(env.home, { log: logger });
  const services = createServices(db, index, {
    accounts: { ...readAccountsConfig(env.home), audit, rateLimits: env.rateLimits },
    // SMTP_* (docs/DEPLOY.md); ZHICHAN_PUBLIC_URL makes the links in e-mails absolute
    mail: { settings: readMailSettings(), publicUrl: process.env.ZHICHAN_PUBLIC_URL ?? null, log: logger },
  });
  services.mailSender.start(); // the outbox, every 15 s; a down SMTP server only delays it
  // modules/service-desk: late questions flagged and escalated, tomorrow's appointments reminded (once each)
  const sweepServiceDesk = () => {
    try {
      services.serviceDesk.consultations.sweepDeadlines();
      services.serviceDesk.appointments.sweepReminders();
    } catch (err) {
      logger.error({ err }, "service desk sweep failed");
    }
  };
  sweepServiceDesk();
  setInterval(sweepServiceDesk, 10 * 60_000).unref();
  services.accounts.audit.open(); // seals a log from before keying, anchors the head
  setInterval(() => services.accounts.audit.checkpoint(), CHECKPOINT_INTERVAL_MS).unref();
  await warmDerivedStores(services, logger); // no first visitor pays for the report and industry figures
  followDataChanges(services, logger); // nor the first after an import
  const app = await buildApp({ services, logger, webDist: env.webDist, http: env.http });
  // modules/cases: flag overdue cases and escalate them, now and every ten minutes.
  const sweepDeadlines = () => {
    try {
      services.cases.queries.sweepDeadlines();
    } catch (err) {
      logger.error({ err }, "case deadline sweep failed");
    }
  };
  sweepDeadlines();
  setInterval(sweepDeadlines, 10 * 60_000).unref();
  // modules/watches: the daily alert digest of each user, swept like the deadlines
  const sweepDigests = () => {
    try {
      services.watches.sweepDigests();
    } catch (err) {
      logger.error({ err }, "alert digest sweep failed");
    }
  };
  sweepDigests();
  setInterval(sweepDigests, 10 * 60_000).unref();

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await app.close();
    services.mailSender.stop();
    services.accounts.audit.checkpoint();
    await db.close();
    process.exit(0);
  };
  process.off("SIGINT", stopStarting);
  process.off("SIGTERM", stopStarting);
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  const address = await app.listen({ host: env.host, port: env.port });
  // Printed plainly (not as a JSON log line) so a person and the journey tests can read it.
  const url = address.replace("[::1]", "localhost");
  console.log(`Zhichan listening on ${url}  ·  知产平台已启动`);
  if (env.http.insecureHttp) {
    // plainly on the console for the person starting it, and in the log for whoever reads it later
    console.error(`WARNING ${INSECURE_HTTP_WARNING}`);
    logger.warn({ setting: "ZHICHAN_INSECURE_HTTP" }, INSECURE_HTTP_WARNING);
  }
  announceFirstStart(services.accounts, url); // no default accounts: a one-time code while no system administrator exists
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  startServer().catch((err) => {
    console.error(`Zhichan could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
