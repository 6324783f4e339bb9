import { ErrorBody, MailOutboxStatus, MailOutboxView, MyMailSettings, UpdateMyMailSettings } from "@zhichan/shared";
import { z } from "zod";
import { actorOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { MailService } from "./mail.service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const tags = ["mail"];

/** A person's e-mail address and per-kind choices (their account page), and the outbox for the system administrator. */
export function mailRoutes(app: ZodApp, mail: MailService): void {
  app.get(
    "/api/accounts/me/mail",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "我的邮件通知 My e-mail notifications", response: { 200: MyMailSettings, ...errors } },
    },
    async (req) => mail.mySettings(actorOf(req).userId),
  );

  app.put(
    "/api/accounts/me/mail",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "设置邮件通知 Set my e-mail address, language and kinds",
        body: UpdateMyMailSettings,
        response: { 200: MyMailSettings, ...errors },
      },
    },
    async (req) => mail.updateMySettings(actorOf(req).userId, req.body),
  );

  app.get(
    "/api/mail/outbox",
    {
      config: { access: { permission: "system:config" } },
      schema: {
        tags,
        summary: "邮件发件箱 The mail outbox (addresses masked)",
        querystring: z.object({ status: MailOutboxStatus.optional() }),
        response: { 200: MailOutboxView, ...errors },
      },
    },
    async (req) => mail.outbox(100, req.query.status),
  );
}
