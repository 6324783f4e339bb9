import { ErrorBody, Plan, PlanDashboard, PlanPublishRequest, PlanTargetInput, TargetBaseline } from "@zhichan/shared";
import { z } from "zod";
import { contextOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import { reportPdf, reportXlsx } from "./plan.report.js";
import type { PlanService } from "./plan.service.js";
import { pledgeRegisterRoutes } from "./pledge-register.routes.js";

const tags = ["plan"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const PlanQuery = z.object({ plan: z.string().max(60).optional() });
const read = { access: { permission: "dashboard:read" as const } };
const edit = { access: { permission: "plan:edit" as const } };
const LoadPlan = Plan.omit({ id: true }).extend({
  code: z.string().regex(/^[a-z0-9-]{3,60}$/),
  targets: z.array(PlanTargetInput).min(1).max(200),
  activate: z.boolean().default(false),
});

export function planRoutes(app: ZodApp, plan: PlanService): void {
  app.get(
    "/api/plans",
    {
      config: read,
      schema: { tags, summary: "规划列表 Plans", response: { 200: z.object({ plans: z.array(Plan) }), ...errors } },
    },
    async () => ({ plans: plan.plans() }),
  );
  app.get(
    "/api/plan/dashboard",
    {
      config: read,
      schema: {
        tags,
        summary: "规划看板：目标与实时实际值 Targets against live figures",
        querystring: PlanQuery,
        response: { 200: PlanDashboard, ...errors },
      },
    },
    async (req) => plan.dashboard(contextOf(req), req.query.plan),
  );
  app.get(
    "/api/plan/published",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "公开的规划进展 The plan's progress, once an official has published it",
        querystring: PlanQuery,
        response: { 200: PlanDashboard, ...errors },
      },
    },
    async (req) => plan.publishedDashboard(req.query.plan),
  );
  app.put(
    "/api/plan/published",
    {
      config: edit,
      schema: {
        tags,
        summary: "公开或撤回规划进展 Publish the plan's progress, or withdraw it",
        body: PlanPublishRequest,
        response: { 200: z.object({ publishedAt: z.string().nullable() }), ...errors },
      },
    },
    async (req) => plan.publish(contextOf(req), req.body.published, req.body.plan),
  );
  app.get(
    "/api/plan/report.xlsx",
    {
      config: { ...read, audit: "data.export" },
      schema: { tags, summary: "年度报告 XLSX Yearly report", querystring: PlanQuery },
    },
    async (req, reply) => {
      const buf = await reportXlsx(plan.dashboard(contextOf(req), req.query.plan));
      reply.header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      reply.header("Content-Disposition", `attachment; filename="zhichan-plan-report.xlsx"`);
      return reply.send(buf);
    },
  );
  app.get(
    "/api/plan/report.pdf",
    {
      config: { ...read, audit: "data.export" },
      schema: { tags, summary: "年度报告 PDF Yearly report", querystring: PlanQuery },
    },
    async (req, reply) => {
      const buf = await reportPdf(plan.dashboard(contextOf(req), req.query.plan));
      reply.header("Content-Type", "application/pdf");
      reply.header("Content-Disposition", `attachment; filename="zhichan-plan-report.pdf"`);
      return reply.send(buf);
    },
  );
  app.put(
    "/api/plan/targets/:id",
    {
      config: edit,
      schema: {
        tags,
        summary: "修改目标（数据） Edit a target",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: PlanTargetInput,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => plan.updateTarget(contextOf(req), req.params.id, req.body),
  );
  app.put(
    "/api/plan/targets/:id/baseline",
    {
      config: edit,
      schema: {
        tags,
        summary: "规划基数（如 2022 年底的数量） A target's baseline: pace runs from it; null clears it",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({ baseline: TargetBaseline.nullable() }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => plan.setBaseline(contextOf(req), req.params.id, req.body.baseline),
  );
  app.post(
    "/api/plans",
    {
      config: edit,
      schema: {
        tags,
        summary: "载入另一规划（如另一城市） Load a plan with its targets",
        body: LoadPlan,
        response: { 200: Plan, ...errors },
      },
    },
    async (req) => plan.loadPlan(contextOf(req), req.body),
  );
  pledgeRegisterRoutes(app, plan.pledges);
}
