import { ErrorBody, PatentDetail, SearchHit } from "@zhichan/shared";
import { z } from "zod";
import type { ZodApp } from "../../http/zod-app.js";
import type { SearchService } from "../search/search.service.js";
import type { PatentsService } from "./patents.service.js";

const Params = z.object({ id: z.string().trim().min(1).max(40) });

export function patentRoutes(app: ZodApp, patents: PatentsService, search: SearchService): void {
  app.get(
    "/api/patents/:id",
    {
      config: { access: "public" },
      schema: {
        tags: ["patents"],
        summary: "专利详情 Patent by row id, publication number or application number",
        params: Params,
        response: { 200: PatentDetail, 404: ErrorBody, 400: ErrorBody },
      },
    },
    async (req) => patents.get(req.params.id),
  );

  app.get(
    "/api/patents/:id/similar",
    {
      config: { access: "public" },
      schema: {
        tags: ["patents"],
        summary: "相似专利 Similar patents (by title and abstract terms)",
        params: Params,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
        response: { 200: z.object({ hits: z.array(SearchHit) }), 404: ErrorBody, 400: ErrorBody },
      },
    },
    async (req) => ({ hits: search.similar(patents.resolveId(req.params.id), req.query.limit) }),
  );
}
