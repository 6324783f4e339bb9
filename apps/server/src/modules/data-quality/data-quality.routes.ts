import { DataQuality, ErrorBody, MergeSuggestions } from "@zhichan/shared";
import { z } from "zod";
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
  app.get(
    "/api/data-quality/merge-suggestions",
    {
      config: { access: { permission: "data:import" } },
      schema: {
        tags: ["data-quality"],
        summary: "待审核的申请人合并建议 Applicant merge suggestions awaiting review, strongest first",
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: MergeSuggestions, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => svc.mergeSuggestions(req.query.limit),
  );
}
