import {
  ErrorBody,
  FileUpload,
  PledgeImportResult,
  PledgeRegistration,
  PledgeRegistrationInput,
} from "@zhichan/shared";
import { z } from "zod";
import { contextOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { PledgeRegisterService } from "./pledge-register.service.js";

const tags = ["plan"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };
const read = { access: { permission: "dashboard:read" as const } };
const edit = { access: { permission: "plan:edit" as const } };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The pledge register: registrations made outside the platform's pledge cases, for the plan's pledge figure. */
export function pledgeRegisterRoutes(app: ZodApp, pledges: PledgeRegisterService): void {
  app.get(
    "/api/plan/pledges",
    {
      config: read,
      schema: {
        tags,
        summary: "平台外登记的知识产权质押 Pledges registered outside the platform's cases",
        response: { 200: z.object({ items: z.array(PledgeRegistration) }), ...errors },
      },
    },
    async (req) => ({ items: pledges.list(contextOf(req)) }),
  );
  app.post(
    "/api/plan/pledges",
    {
      config: edit,
      schema: {
        tags,
        summary: "登记一笔质押 Register a pledge (pledgor, pledgee, patents, amount, date, registration number)",
        body: PledgeRegistrationInput,
        response: { 200: PledgeRegistration, ...errors },
      },
    },
    async (req) => pledges.register(contextOf(req), req.body),
  );
  app.post(
    "/api/plan/pledges/import",
    {
      config: edit,
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: "导入质押登记表（银行台账或国知局质押登记） Import a bank's or CNIPA's pledge-registration list",
        body: FileUpload,
        response: { 200: PledgeImportResult, ...errors },
      },
    },
    async (req) =>
      pledges.importSheet(contextOf(req), req.body.fileName, Buffer.from(req.body.contentBase64, "base64")),
  );
  app.get(
    "/api/plan/pledges/template.xlsx",
    { config: edit, schema: { tags, summary: "质押登记表模板 Pledge list template (bank layout)" } },
    async (_req, reply) => {
      reply.header("Content-Type", XLSX);
      reply.header("Content-Disposition", `attachment; filename="zhichan-pledges.xlsx"`);
      return reply.send(await pledges.template());
    },
  );
}
