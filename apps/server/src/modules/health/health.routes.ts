import { HealthResponse } from "@zhichan/shared";
import type { ZodApp } from "../../http/zod-app.js";
import type { HealthService } from "./health.service.js";

export function healthRoutes(app: ZodApp, svc: HealthService): void {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: { tags: ["health"], summary: "运行状态 Health", response: { 200: HealthResponse } },
    },
    async () => svc.status(),
  );
}
