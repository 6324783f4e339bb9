import {
  AgencyProfile,
  AgencyStatsPage,
  BrandApplication,
  BrandApplicationInput,
  BrandDecision,
  CreditListRow,
  CreditResponse,
  CreditRules,
  ErrorBody,
  SignalsResponse,
  ViolationInput,
} from "@zhichan/shared";
import { z } from "zod";
import { actorOf, contextOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { OrgsService } from "../accounts/orgs.service.js";
import type { SignalsService } from "./signals.service.js";
import type { SupervisionService } from "./supervision.service.js";

const tags = ["supervision"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const read = { access: { permission: "supervision:read" as const } };
const write = { access: { permission: "registry:write" as const } };
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const Ok = z.object({ ok: z.literal(true) });

export function supervisionRoutes(
  app: ZodApp,
  svc: SupervisionService,
  signals: SignalsService,
  orgs: OrgsService,
): void {
  app.get(
    "/api/supervision/agencies",
    {
      config: read,
      schema: {
        tags,
        summary: "代理机构统计（源自专利数据） Agency statistics from the patent data",
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: AgencyStatsPage, ...errors },
      },
    },
    async (req) => svc.agencyStats(contextOf(req), req.query),
  );
  app.get(
    "/api/supervision/agency",
    {
      config: read,
      schema: {
        tags,
        summary: "代理机构画像 Agency profile",
        querystring: z.object({ name: z.string().trim().min(1).max(200) }),
        response: { 200: AgencyProfile, ...errors },
      },
    },
    async (req) => svc.agencyProfile(contextOf(req), req.query.name),
  );
  app.get(
    "/api/supervision/credit",
    {
      config: read,
      schema: {
        tags,
        summary: "服务机构信用等级 Credit grades",
        response: { 200: z.object({ items: z.array(CreditListRow) }), ...errors },
      },
    },
    async (req) => ({ items: svc.creditList(contextOf(req)) }),
  );
  app.get(
    "/api/supervision/credit/rules",
    { config: read, schema: { tags, summary: "信用评价规则 Credit rules", response: { 200: CreditRules } } },
    async () => svc.rules(),
  );
  app.get(
    "/api/supervision/credit/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "信用等级及理由 Credit grade with reasons",
        params: IdParams,
        response: { 200: CreditResponse, ...errors },
      },
    },
    async (req) => svc.credit(contextOf(req), req.params.id),
  );
  app.post(
    "/api/supervision/credit/:id/violations",
    {
      config: write,
      schema: {
        tags,
        summary: "记录违规 Record a violation",
        params: IdParams,
        body: ViolationInput,
        response: { 200: CreditResponse, ...errors },
      },
    },
    async (req) => svc.addViolation(contextOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/supervision/brand-applications",
    {
      config: read,
      schema: {
        tags,
        summary: "品牌机构评定申请 Brand-agency applications",
        response: { 200: z.object({ items: z.array(BrandApplication) }), ...errors },
      },
    },
    async (req) => ({ items: svc.brandApplications(contextOf(req)) }),
  );
  app.post(
    "/api/supervision/brand-applications/:id/decision",
    {
      config: write,
      schema: {
        tags,
        summary: "审核品牌申请 Decide an application",
        params: IdParams,
        body: BrandDecision,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) =>
      svc.decideBrand(contextOf(req), req.params.id, req.body.approve, req.body.note, req.body.overrideReason),
  );
  app.post(
    "/api/agency/brand-applications",
    {
      config: { access: { permission: "brand:apply" } },
      schema: {
        tags,
        summary: "服务机构申请品牌评定 An agency applies for brand grading",
        body: BrandApplicationInput,
        response: { 200: z.object({ id: z.number().int() }), ...errors },
      },
    },
    async (req) =>
      svc.applyBrand(
        contextOf(req),
        req.body,
        orgs.mine(actorOf(req)).map((o) => o.code),
      ),
  );
  app.get(
    "/api/agency/credit",
    {
      config: { access: { permission: "brand:apply" } },
      schema: {
        tags,
        summary: "本机构的信用等级及理由 My organisation's credit grade",
        response: { 200: z.object({ items: z.array(CreditResponse) }), ...errors },
      },
    },
    async (req) => ({ items: svc.ownCredit(orgs.mine(actorOf(req)).map((o) => o.code)) }),
  );
  app.get(
    "/api/supervision/signals",
    {
      config: read,
      schema: {
        tags,
        summary: "异常申请线索（附证据） Abnormal-filing signals with evidence",
        querystring: z.object({ kind: z.enum(["near_duplicate", "burst", "type_mix"]).optional() }),
        response: { 200: SignalsResponse, ...errors },
      },
    },
    async (req) => await signals.signals(req.query.kind),
  );
}
