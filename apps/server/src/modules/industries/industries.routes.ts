import { ErrorBody, IdParam, Industry, IndustryInput, IndustryList, IndustryListQuery } from "@zhichan/shared";
import type { ZodApp } from "../../http/zod-app.js";
import type { IndustriesService } from "./industries.service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 500: ErrorBody };

/** Industry thematic databases: read by anyone; created and edited by officials (industry:write). */
export function industryRoutes(app: ZodApp, svc: IndustriesService): void {
  app.get(
    "/api/industries",
    {
      config: { access: "public" },
      schema: {
        tags: ["analytics"],
        summary: "产业专题库列表（规模、增长、主要申请人）Industry databases with size, growth, top applicants",
        querystring: IndustryListQuery,
        response: { 200: IndustryList, ...errors },
      },
    },
    async (req) => svc.list(req.query.stats === "1"),
  );

  app.get(
    "/api/industries/:id",
    {
      config: { access: "public" },
      schema: {
        tags: ["analytics"],
        summary: "产业专题库 One industry database",
        params: IdParam,
        response: { 200: Industry, ...errors },
      },
    },
    async (req) => svc.get(req.params.id),
  );

  app.post(
    "/api/industries",
    {
      config: { access: { permission: "industry:write" }, audit: "industry.create" },
      schema: {
        tags: ["analytics"],
        summary: "新建产业专题库 Create an industry definition",
        body: IndustryInput,
        response: { 201: Industry, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(svc.create(req.body, req.actor?.userId ?? null)),
  );

  app.put(
    "/api/industries/:id",
    {
      config: { access: { permission: "industry:write" }, audit: "industry.update" },
      schema: {
        tags: ["analytics"],
        summary: "修改产业专题库定义 Edit an industry definition",
        params: IdParam,
        body: IndustryInput,
        response: { 200: Industry, ...errors },
      },
    },
    async (req) => svc.update(req.params.id, req.body),
  );
}
