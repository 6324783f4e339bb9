import {
  AgencySurveyList,
  AnswerMap,
  ErrorBody,
  FileUpload,
  PublishedSurvey,
  Survey,
  SurveyAggregate,
  SurveyDefinition,
  SurveyInput,
  SurveyResponseRow,
} from "@zhichan/shared";
import { z } from "zod";
import { actorOf, contextOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { OrgsService } from "../accounts/orgs.service.js";
import type { SurveysService } from "./surveys.service.js";

const tags = ["surveys"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const manage = { access: { permission: "survey:manage" as const } };
const file = { access: { permission: "survey:file" as const } };
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const OrgParams = IdParams.extend({ orgId: z.coerce.number().int().positive() });
const Ok = z.object({ ok: z.literal(true) });
const By = z.object({ by: z.enum(["district", "category"]).default("district") });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function surveyRoutes(app: ZodApp, surveys: SurveysService, orgs: OrgsService): void {
  const own = (req: Parameters<typeof actorOf>[0]) => orgs.mine(actorOf(req)).map((o) => o.code);

  app.get(
    "/api/surveys",
    {
      config: manage,
      schema: {
        tags,
        summary: "统计调查列表 Surveys",
        response: { 200: z.object({ items: z.array(Survey) }), ...errors },
      },
    },
    async (req) => ({ items: surveys.list(contextOf(req)) }),
  );
  app.get(
    "/api/surveys/standard-questions",
    {
      config: manage,
      schema: { tags, summary: "标准问题集 The standard agency question set", response: { 200: SurveyDefinition } },
    },
    async () => surveys.standardQuestions(),
  );
  app.post(
    "/api/surveys",
    {
      config: manage,
      schema: {
        tags,
        summary: "发起统计调查 Define a survey (default questions: revenue, staff, attorneys, cases)",
        body: SurveyInput,
        response: { 200: Survey, ...errors },
      },
    },
    async (req) => surveys.create(contextOf(req), req.body),
  );
  app.get(
    "/api/surveys/:id",
    {
      config: manage,
      schema: { tags, summary: "调查详情 Survey", params: IdParams, response: { 200: Survey, ...errors } },
    },
    async (req) => surveys.get(contextOf(req), req.params.id),
  );
  app.post(
    "/api/surveys/:id/status",
    {
      config: manage,
      schema: {
        tags,
        summary: "开放/截止/发布 Open, close or publish",
        params: IdParams,
        body: z.object({ to: z.enum(["open", "closed", "published"]) }),
        response: { 200: Survey, ...errors },
      },
    },
    async (req) => surveys.transition(contextOf(req), req.params.id, req.body.to),
  );
  app.get(
    "/api/surveys/:id/responses",
    {
      config: manage,
      schema: {
        tags,
        summary: "填报情况（含未填报） Responses and who has not answered",
        params: IdParams,
        response: { 200: z.object({ items: z.array(SurveyResponseRow) }), ...errors },
      },
    },
    async (req) => ({ items: surveys.responses(contextOf(req), req.params.id) }),
  );
  app.post(
    "/api/surveys/:id/responses/:orgId/review",
    {
      config: manage,
      schema: {
        tags,
        summary: "审核填报 Accept or return an answer",
        params: OrgParams,
        body: z.object({ accept: z.boolean(), note: z.string().trim().max(2000).default("") }),
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => surveys.review(contextOf(req), req.params.id, req.params.orgId, req.body.accept, req.body.note),
  );
  app.get(
    "/api/surveys/:id/aggregates",
    {
      config: manage,
      schema: {
        tags,
        summary: "汇总（已审核） Aggregates of accepted answers",
        params: IdParams,
        querystring: By,
        response: { 200: SurveyAggregate, ...errors },
      },
    },
    async (req) => surveys.aggregates(contextOf(req), req.params.id, req.query.by),
  );
  app.get(
    "/api/surveys/published",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "已发布的调查 Published surveys (their aggregates: /api/surveys/:id/published)",
        response: { 200: z.object({ items: z.array(PublishedSurvey) }), ...errors },
      },
    },
    async () => ({ items: surveys.published() }),
  );
  app.get(
    "/api/surveys/:id/published",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "已发布的汇总（少于最小组规模的单元格不公开） Published aggregates, small cells withheld",
        params: IdParams,
        querystring: By,
        response: { 200: SurveyAggregate, ...errors },
      },
    },
    async (req) => surveys.aggregates(null, req.params.id, req.query.by),
  );
  app.get(
    "/api/surveys/:id/answer-sheet.xlsx",
    { config: { access: "authenticated" }, schema: { tags, summary: "Excel 填报表 Answer sheet", params: IdParams } },
    async (req, reply) => {
      const buf = await surveys.answerTemplate(req.params.id);
      reply.header("Content-Type", XLSX);
      reply.header("Content-Disposition", `attachment; filename="zhichan-survey-${req.params.id}.xlsx"`);
      return reply.send(buf);
    },
  );
  app.get(
    "/api/agency/surveys",
    {
      config: file,
      schema: {
        tags,
        summary: "本机构待填报的调查 Surveys my organisation is asked to answer",
        response: { 200: AgencySurveyList },
      },
    },
    async (req) => ({ items: surveys.forAgency(own(req)) }),
  );
  app.post(
    "/api/agency/surveys/:id/orgs/:orgId",
    {
      config: file,
      schema: {
        tags,
        summary: "在线填报 Answer online",
        params: OrgParams,
        body: z.object({ answers: AnswerMap }),
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => surveys.respond(contextOf(req), req.params.id, req.params.orgId, req.body.answers, own(req)),
  );
  app.post(
    "/api/agency/surveys/:id/orgs/:orgId/excel",
    {
      config: file,
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        summary: "Excel 填报 Answer with the answer sheet",
        params: OrgParams,
        body: FileUpload,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) =>
      surveys.respondExcel(
        contextOf(req),
        req.params.id,
        req.params.orgId,
        Buffer.from(req.body.contentBase64, "base64"),
        own(req),
      ),
  );
}
