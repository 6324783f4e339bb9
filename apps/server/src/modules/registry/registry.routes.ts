import {
  ErrorBody,
  FileUpload,
  ImportResult,
  Org,
  OrgDetailResponse,
  OrgInput,
  OrgPage,
  Person,
  PersonDetailResponse,
  PersonInput,
  PersonPage,
  RegistryKind,
  RegistryQuery,
} from "@zhichan/shared";
import { z } from "zod";
import { contextOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { RegistryService } from "./registry.service.js";

const tags = ["registry"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const KindParams = z.object({ kind: RegistryKind });
const read = { access: { permission: "registry:read" as const } };
const write = { access: { permission: "registry:write" as const } };
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function registryRoutes(app: ZodApp, registry: RegistryService): void {
  app.get(
    "/api/registry/orgs",
    {
      config: read,
      schema: {
        tags,
        summary: "机构登记簿 Organisations (search, filters)",
        querystring: RegistryQuery,
        response: { 200: OrgPage, ...errors },
      },
    },
    async (req) => registry.listOrgs(contextOf(req), req.query),
  );
  app.get(
    "/api/registry/orgs/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "机构详情与历史 Organisation with history",
        params: IdParams,
        response: { 200: OrgDetailResponse, ...errors },
      },
    },
    async (req) => registry.getOrg(contextOf(req), req.params.id),
  );
  app.post(
    "/api/registry/orgs",
    {
      config: write,
      schema: { tags, summary: "登记机构 Register an organisation", body: OrgInput, response: { 200: Org, ...errors } },
    },
    async (req) => registry.createOrg(contextOf(req), req.body),
  );
  app.put(
    "/api/registry/orgs/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "修改机构 Update an organisation",
        params: IdParams,
        body: OrgInput,
        response: { 200: Org, ...errors },
      },
    },
    async (req) => registry.updateOrg(contextOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/registry/people",
    {
      config: read,
      schema: {
        tags,
        summary: "人员登记簿 People (search, filters)",
        querystring: RegistryQuery,
        response: { 200: PersonPage, ...errors },
      },
    },
    async (req) => registry.listPeople(contextOf(req), req.query),
  );
  app.get(
    "/api/registry/people/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "人员详情与历史 Person with history",
        params: IdParams,
        response: { 200: PersonDetailResponse, ...errors },
      },
    },
    async (req) => registry.getPerson(contextOf(req), req.params.id),
  );
  app.post(
    "/api/registry/people",
    {
      config: write,
      schema: { tags, summary: "登记人员 Register a person", body: PersonInput, response: { 200: Person, ...errors } },
    },
    async (req) => registry.createPerson(contextOf(req), req.body),
  );
  app.put(
    "/api/registry/people/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "修改人员 Update a person",
        params: IdParams,
        body: PersonInput,
        response: { 200: Person, ...errors },
      },
    },
    async (req) => registry.updatePerson(contextOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/registry/xlsx/:kind/template",
    { config: read, schema: { tags, summary: "Excel 导入模板 Import template", params: KindParams } },
    async (req, reply) => {
      const buf = await registry.template(req.params.kind);
      reply.header("Content-Type", XLSX_TYPE);
      reply.header("Content-Disposition", `attachment; filename="zhichan-${req.params.kind}-template.xlsx"`);
      return reply.send(buf);
    },
  );
  app.get(
    "/api/registry/xlsx/:kind/export",
    {
      config: { ...read, audit: "data.export" },
      schema: { tags, summary: "导出 Export (current filters)", params: KindParams, querystring: RegistryQuery },
    },
    async (req, reply) => {
      const buf = await registry.exportWorkbook(contextOf(req), req.params.kind, req.query);
      reply.header("Content-Type", XLSX_TYPE);
      reply.header("Content-Disposition", `attachment; filename="zhichan-${req.params.kind}.xlsx"`);
      return reply.send(buf);
    },
  );
  app.post(
    "/api/registry/xlsx/:kind/import",
    {
      config: write,
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: "Excel 导入（逐行报错，全部正确才写入） Import a workbook; row-numbered errors",
        params: KindParams,
        body: FileUpload,
        response: { 200: ImportResult, ...errors },
      },
    },
    async (req) =>
      registry.importWorkbook(contextOf(req), req.params.kind, Buffer.from(req.body.contentBase64, "base64")),
  );
  app.post(
    "/api/registry/derive-candidates",
    {
      config: write,
      schema: {
        tags,
        summary:
          "从专利数据生成本市候选代理机构（待核实） Offer the city's agencies named in patent data as candidates",
        response: {
          200: z.object({ added: z.number().int(), alreadyKnown: z.number().int(), outsideCity: z.number().int() }),
          ...errors,
        },
      },
    },
    async (req) => registry.deriveCandidates(contextOf(req)),
  );
}
