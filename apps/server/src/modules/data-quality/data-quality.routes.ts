import { DataQuality, ErrorBody } from "@zhichan/shared";
import type { ZodApp } from "../../http/zod-app.js";
import type { DataQualityService } from "./data-quality.service.js";

export function dataQualityRoutes(app: ZodApp, svc: DataQualityService): void {
  app.get(
    "/api/data-quality",
    {
      config: { access: { permission: "data:import" } },
      schema: {
        tags: ["data-quality"],
        summary: "数据质量 Field coverage, unknown statuses, regions, merges, import history",
        response: { 200: DataQuality, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async () => svc.report(),
  );
}
