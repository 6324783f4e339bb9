import { AppError } from "@zhichan/core";
import {
  ErrorBody,
  IdParam,
  ReportDetail,
  ReportList,
  ReportPublishRequest,
  ReportRequest,
  ReportSummary,
} from "@zhichan/shared";
import type { FastifyRequest } from "fastify";
import type { ZodApp } from "../../http/zod-app.js";
import type { AnalyticsService } from "./analytics.service.js";
import { closePdfBrowser, htmlToPdf } from "./report-pdf.js";
import { reportPrintHtml } from "./report-print.js";
import { reportXlsx } from "./report-xlsx.js";
import { techEffectRoutes } from "./tech-effect.routes.js";

const errors = { 400: ErrorBody, 404: ErrorBody, 500: ErrorBody };

/** Who is reading: reports are private to their author until an official publishes them. */
const reader = (req: FastifyRequest) => req.actor?.userId ?? null;

const filename = (id: number, ext: string) => `zhichan-navigation-report-${id}.${ext}`;

/**
 * Patent navigation reports: a signed-in user asks for one (a durable job), follows its progress, reads it and
 * exports PDF / XLSX. A report is its author's until an official publishes it; visitors see published reports only.
 */
export function analyticsRoutes(app: ZodApp, svc: AnalyticsService): void {
  app.addHook("onClose", closePdfBrowser); // the PDF exporter's shared Chromium
  techEffectRoutes(app, svc.techEffect); // 技术功效矩阵 over any hit set
  app.post(
    "/api/reports",
    {
      config: { access: "authenticated", audit: "report.create" },
      schema: {
        tags: ["analytics"],
        summary: "生成专利导航报告 Ask for a navigation report (runs as a job; poll GET /api/reports/:id)",
        body: ReportRequest,
        response: { 202: ReportSummary, ...errors },
      },
    },
    async (req, reply) => reply.status(202).send(svc.create(req.body, req.actor!.userId)),
  );

  app.get(
    "/api/reports",
    {
      config: { access: "public" },
      schema: {
        tags: ["analytics"],
        summary: "报告列表（已发布的和自己的）Published reports and the caller's own, newest first",
        response: { 200: ReportList, ...errors },
      },
    },
    async (req) => svc.list(reader(req)),
  );

  app.put(
    "/api/reports/:id/published",
    {
      config: { access: { permission: "report:publish" }, audit: "report.publish" },
      schema: {
        tags: ["analytics"],
        summary: "发布或撤回报告 Publish a report to everyone, or withdraw it",
        params: IdParam,
        body: ReportPublishRequest,
        response: { 200: ReportSummary, ...errors },
      },
    },
    async (req) => svc.publish(req.params.id, req.body.published, req.actor!.userId),
  );

  app.get(
    "/api/reports/:id",
    {
      config: { access: "public" },
      schema: {
        tags: ["analytics"],
        summary: "报告（状态、进度、参数、数据快照与各节数据）Report with progress and data",
        params: IdParam,
        response: { 200: ReportDetail, ...errors },
      },
    },
    async (req) => svc.read(req.params.id, reader(req)),
  );

  app.get(
    "/api/reports/:id/print",
    {
      config: { access: "public" },
      schema: { tags: ["analytics"], summary: "打印版 HTML（图表为内嵌 SVG）Print page", params: IdParam },
    },
    async (req, reply) =>
      reply.type("text/html; charset=utf-8").send(reportPrintHtml(svc.read(req.params.id, reader(req)))),
  );

  app.get(
    "/api/reports/:id/pdf",
    {
      config: { access: "public", audit: "report.export" },
      schema: { tags: ["analytics"], summary: "导出 PDF Export the report as PDF", params: IdParam },
    },
    async (req, reply) => {
      const r = done(svc.read(req.params.id, reader(req)));
      const pdf = await htmlToPdf(() => reportPrintHtml(r), r.title); // built once a page is free
      return reply
        .header("Content-Type", "application/pdf")
        .header("Content-Disposition", `attachment; filename="${filename(r.id, "pdf")}"`)
        .send(pdf);
    },
  );

  app.get(
    "/api/reports/:id/xlsx",
    {
      config: { access: "public", audit: "report.export" },
      schema: { tags: ["analytics"], summary: "导出 XLSX（每节一张表）Export the numbers as XLSX", params: IdParam },
    },
    async (req, reply) => {
      const r = done(svc.read(req.params.id, reader(req)));
      return reply
        .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("Content-Disposition", `attachment; filename="${filename(r.id, "xlsx")}"`)
        .send(await reportXlsx(r));
    },
  );
}

function done(r: ReportDetail) {
  if (r.status !== "done" || !r.data)
    throw new AppError("CONFLICT", `报告尚未完成 · the report is not finished (${r.status})`, { status: r.status });
  return r;
}
