import { AppError } from "@zhichan/core";
import { HealthResponse, ReadinessResponse } from "@zhichan/shared";
import { z } from "zod";
import type { ZodApp } from "../../http/zod-app.js";
import type { HealthService } from "./health.service.js";
import { metricsAllowed, type ServerMetrics } from "./metrics.js";

export function healthRoutes(
  app: ZodApp,
  svc: HealthService,
  metrics: ServerMetrics,
  metricsToken: string | null,
): void {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: { tags: ["health"], summary: "运行状态 Health", response: { 200: HealthResponse } },
    },
    async () => svc.status(),
  );
  // Liveness: the process answers at all (a supervisor restarts it when this stops answering); no database work.
  app.get(
    "/api/health/live",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "存活探针 Liveness",
        response: { 200: z.object({ live: z.literal(true) }) },
      },
    },
    async () => ({ live: true as const }),
  );
  // Readiness: 503 while this node's index trails the database, so a load balancer sends no searches here.
  app.get(
    "/api/health/ready",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "就绪探针 Readiness",
        response: { 200: ReadinessResponse, 503: ReadinessResponse },
      },
    },
    async (_req, reply) => {
      const r = svc.readiness();
      return reply.status(r.ready ? 200 : 503).send(r);
    },
  );
  // Prometheus text format; public to the session policy, guarded by its own bearer token (metrics.ts).
  app.get("/metrics", { config: { access: "public" }, schema: { hide: true } }, async (req, reply) => {
    if (!metricsToken) throw new AppError("NOT_FOUND", "指标接口未开启（设置 ZHICHAN_METRICS_TOKEN）· metrics are off");
    if (!metricsAllowed(metricsToken, req.headers.authorization)) {
      throw new AppError("UNAUTHENTICATED", "需要指标令牌 · a metrics bearer token is required");
    }
    return reply.type(metrics.contentType).send(await metrics.render());
  });
}
