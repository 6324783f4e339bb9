import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { installAuthPolicy } from "./http/auth-policy.js";
import { installErrorHandler } from "./http/error-handler.js";
import { DEFAULT_HTTP_SETTINGS, fastifyServerOptions, type HttpSettings } from "./http/http-settings.js";
import { installSecurityHeaders } from "./http/security-headers.js";
import type { ZodApp } from "./http/zod-app.js";
import type { Logger } from "./logger.js";
import { accountRoutes } from "./modules/accounts/accounts.routes.js";
import { authRoutes } from "./modules/accounts/auth.routes.js";
import { SessionCookies } from "./modules/accounts/cookies.js";
import { sessionRoutes } from "./modules/accounts/sessions.routes.js";
import { analyticsRoutes } from "./modules/analytics/analytics.routes.js";
import { applicantRoutes } from "./modules/applicants/applicants.routes.js";
import { compareRoutes } from "./modules/applicants/compare.routes.js";
import { auditRoutes } from "./modules/audit/audit.routes.js";
import { caseRoutes } from "./modules/cases/cases.routes.js";
import { contentRoutes } from "./modules/content/content.routes.js";
import { directoryRoutes } from "./modules/content/directory.routes.js";
import { dataQualityRoutes } from "./modules/data-quality/data-quality.routes.js";
import { giRoutes } from "./modules/gi/gi.routes.js";
import { healthRoutes } from "./modules/health/health.routes.js";
import { VERSION } from "./modules/health/health.service.js";
import { ServerMetrics } from "./modules/health/metrics.js";
import { importRoutes } from "./modules/imports/web/imports.routes.js";
import { industryRoutes } from "./modules/industries/industries.routes.js";
import { mailRoutes } from "./modules/mail/mail.routes.js";
import { operationsRoutes } from "./modules/operations/operations.routes.js";
import { patentRoutes } from "./modules/patents/patents.routes.js";
import { planRoutes } from "./modules/plan/plan.routes.js";
import { referenceRoutes } from "./modules/reference/reference.routes.js";
import { registryRoutes } from "./modules/registry/registry.routes.js";
import { ExportGate } from "./modules/search/export-gate.js";
import { ipcBrowseRoutes } from "./modules/search/ipc-browse.routes.js";
import { IpcBrowseService } from "./modules/search/ipc-browse.service.js";
import { lookupRoutes } from "./modules/search/lookup.routes.js";
import { searchRoutes } from "./modules/search/search.routes.js";
import { appointmentRoutes } from "./modules/service-desk/appointments.routes.js";
import { consultationRoutes } from "./modules/service-desk/consultations.routes.js";
import { supervisionRoutes } from "./modules/supervision/supervision.routes.js";
import { surveyRoutes } from "./modules/surveys/surveys.routes.js";
import { talentRoutes } from "./modules/talent/talent.routes.js";
import { trainingRoutes } from "./modules/talent/training.routes.js";
import { watchRoutes } from "./modules/watches/watches.routes.js";
import { trackForeground } from "./scheduling/foreground.js";
import type { Services } from "./services.js";

export interface AppOptions {
  services: Services;
  logger?: Logger | false;
  /** The built web app; served at / with a fallback to index.html for client-side routes. */
  webDist?: string;
  /** Timeouts, trusted proxies, plain-HTTP trial (env: ZHICHAN_*; default: secure cookies, no proxy trusted). */
  http?: HttpSettings;
}

export async function buildApp({
  services,
  logger = false,
  webDist,
  http = DEFAULT_HTTP_SETTINGS,
}: AppOptions): Promise<ZodApp> {
  const app = Fastify({
    loggerInstance: (logger || undefined) as FastifyBaseLogger | undefined,
    ...fastifyServerOptions(http),
    bodyLimit: 1024 * 1024,
    // Query strings such as facets=year,type arrive as one string; the zod schema splits them.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installSecurityHeaders(app);
  // Before any route: every route is collected and passes the one policy check (no declared access = denied).
  installAuthPolicy(app, services.accounts, new SessionCookies(http.insecureHttp));
  // exports pace themselves while anyone else is being served (scheduling/foreground.ts)
  trackForeground(app, (url) => url.startsWith("/api/search/export"));
  // Prometheus histograms per route pattern (modules/health/metrics.ts) and the request id on every answer.
  const metrics = new ServerMetrics(services.health, services.accounts.clock);
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
  app.addHook("onResponse", async (req, reply) => metrics.observe(req, reply));

  await app.register(fastifySwagger, {
    openapi: { info: { title: "知产 Zhichan API", version: VERSION }, servers: [] },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  healthRoutes(app, services.health, metrics, http.metricsToken);
  const exportGate = new ExportGate(); // search and lookup exports share the limits on exports at once
  searchRoutes(app, services.search, services.accounts.clock, exportGate);
  lookupRoutes(app, services.search.lookup, services.accounts.clock, exportGate);
  patentRoutes(app, services.patents, services.search);
  applicantRoutes(app, services.applicants, services.entityAdmin);
  compareRoutes(app, services.applicants.comparer(services.analytics.store)); // applicants side by side
  dataQualityRoutes(app, services.dataQuality);
  referenceRoutes(app, services.reference);
  ipcBrowseRoutes(app, new IpcBrowseService(services.search, services.reference)); // IPC tree with hit counts
  authRoutes(app, services.accounts);
  accountRoutes(app, services.accounts);
  sessionRoutes(app, services.accounts);
  auditRoutes(app, services.accounts.audit);
  registryRoutes(app, services.registry);
  surveyRoutes(app, services.surveys, services.accounts.orgs);
  supervisionRoutes(app, services.supervision, services.signals, services.accounts.orgs);
  planRoutes(app, services.plan);
  giRoutes(app, services.gi); // the GI register: public page and map, officials' entries
  caseRoutes(app, services.cases);
  operationsRoutes(app, services.cases.operations);
  talentRoutes(app, services.cases.talent);
  trainingRoutes(app, services.cases.training);
  industryRoutes(app, services.industries); // analytics: industry databases
  analyticsRoutes(app, services.analytics); // analytics: navigation reports
  importRoutes(app, services.imports); // patent import in the web app
  watchRoutes(app, services.watches, services.cases, services.serviceDesk.consultations); // searches, watches, the bell
  mailRoutes(app, services.mail); // e-mail settings on /me, the outbox
  consultationRoutes(app, services.serviceDesk); // 咨询, 好差评, service quality
  appointmentRoutes(app, services.serviceDesk.appointments); // 预约
  contentRoutes(app, services.content); // notices, policies, news, 办事指南
  directoryRoutes(app, services.content.directory); // public directories from the registry
  // durable jobs (navigation reports) run while the app runs; start re-queues any a crash left 'running'
  app.addHook("onReady", async () => {
    services.jobs.start();
    services.importJobs.start(); // its own runner: an import never waits behind a report, nor a report behind it
  });
  app.addHook("onClose", async () => {
    await services.jobs.stop();
    await services.importJobs.stop();
  });

  const index = webDist ? path.join(webDist, "index.html") : null;
  if (webDist && index && fs.existsSync(index)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ["index.html"] });
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing asset is a 404, not the app shell: a stale page must fail loudly, not parse HTML as JS.
    const isApiOrAsset = req.url.startsWith("/api/") || req.url.startsWith("/assets/");
    if (isApiOrAsset || req.method !== "GET" || !index || !fs.existsSync(index)) {
      return reply.status(404).send({
        error: {
          code: "NOT_FOUND",
          message: `没有这个地址 · no such resource: ${req.method} ${req.url.split("?")[0]}`,
        },
      });
    }
    return reply.type("text/html; charset=utf-8").send(fs.createReadStream(index));
  });
  return app;
}
