import { AuditExportQuery, AuditPage, AuditQuery, AuditVerifyResponse, ErrorBody } from "@zhichan/shared";
import type { ZodApp } from "../../http/zod-app.js";
import type { AuditService } from "./audit.service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const tags = ["audit"];

/** The audit administrator's view of the log: filtered pages, CSV export (itself audited), chain verification. */
export function auditRoutes(app: ZodApp, audit: AuditService): void {
  app.get(
    "/api/audit",
    {
      config: { access: { permission: "audit:read" } },
      schema: {
        tags,
        summary: "审计日志 Audit log, newest first",
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
    },
    async (req) => audit.list(req.query),
  );

  app.get(
    "/api/audit/export",
    {
      config: { access: { permission: "audit:export" }, audit: "data.export" },
      schema: { tags, summary: "导出审计日志 Export the filtered log as CSV", querystring: AuditExportQuery },
    },
    async (req, reply) => {
      reply.header("Content-Type", "text/csv; charset=utf-8");
      reply.header("Content-Disposition", `attachment; filename="${audit.exportFileName()}"`);
      return reply.send(audit.exportCsv(req.query));
    },
  );

  app.get(
    "/api/audit/verify",
    {
      config: { access: { permission: "audit:read" } },
      schema: { tags, summary: "校验哈希链 Verify the hash chain", response: { 200: AuditVerifyResponse, ...errors } },
    },
    async () => audit.verifyResponse(),
  );
}
