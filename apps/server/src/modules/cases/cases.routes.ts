import {
  CaseAssignRequest,
  CaseAttachmentUpload,
  CaseCommentRequest,
  CaseDetail,
  CaseList,
  CaseQueueQuery,
  CaseRevealResponse,
  CaseTransitionRequest,
  CaseTypeInfo,
  CreateCaseRequest,
  ErrorBody,
  MarkNotificationsRead,
  NotificationList,
  RevealRequest,
} from "@zhichan/shared";
import { z } from "zod";
import { actorOf, requestInfo } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { Actor } from "../accounts/accounts.policy.js";
import { toTypeInfo } from "./case-registry.js";
import type { CasesServices } from "./cases.module.js";
import { stagedUploadRoutes } from "./staged-uploads.routes.js";

/** An official reads the office inbox of their district scope besides their own notifications. */
const officeOf = (actor: Actor) => (actor.permissions.has("case:read") ? { district: actor.district } : null);

const Id = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ["cases"];

export function caseRoutes(app: ZodApp, s: CasesServices): void {
  stagedUploadRoutes(app, s);
  app.get(
    "/api/cases/types",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "业务类型 Case types: states, transitions, attachments",
        response: { 200: z.object({ types: z.array(CaseTypeInfo) }) },
      },
    },
    async () => ({ types: s.registry.all().map(toTypeInfo) }),
  );

  app.post(
    "/api/cases",
    {
      config: { access: { permission: "case:apply" } },
      schema: {
        tags,
        summary: "提交申请 Open a case",
        body: CreateCaseRequest,
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (req) => s.cases.create(actorOf(req), req.body, requestInfo(req)),
  );

  const list = (
    url: string,
    summary: string,
    access: "case:apply" | "case:read" | "case:assigned",
    fn: "mine" | "queue" | "assigned",
  ) =>
    app.get(
      url,
      {
        config: { access: { permission: access } },
        schema: { tags, summary, querystring: CaseQueueQuery, response: { 200: CaseList, ...errors } },
      },
      async (req) => s.queries[fn](actorOf(req), req.query),
    );
  list("/api/cases/mine", "我的申请 My cases", "case:apply", "mine");
  list("/api/cases/queue", "办理队列 The office's queue, with overdue counts", "case:read", "queue");
  list("/api/cases/assigned", "指派给我的 Cases assigned to me", "case:assigned", "assigned");

  app.get(
    "/api/cases/notifications",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "通知 My case notifications (the newest 50, each marked unread or not, and the unread count)",
        response: { 200: NotificationList },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { rows, unread } = s.cases.notifier.inbox(actor.userId, officeOf(actor));
      return {
        items: rows.map((r) => ({
          id: r.id,
          caseId: r.case_id,
          ref: r.ref,
          title: r.title,
          type: r.type,
          event: r.event,
          at: r.at,
          unread: r.unread,
        })),
        unread,
      };
    },
  );

  app.post(
    "/api/cases/notifications/read",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "标为已读 Mark my notifications read up to an id",
        body: MarkNotificationsRead,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      s.cases.notifier.markRead(actor.userId, officeOf(actor), req.body.upTo);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/cases/deadlines/sweep",
    {
      config: { access: { permission: "case:decide" } },
      schema: {
        tags,
        summary: "超期检查 Flag overdue and escalate now",
        response: { 200: z.object({ overdue: z.number(), escalated: z.number() }), ...errors },
      },
    },
    async () => s.queries.sweepDeadlines(),
  );

  app.get(
    "/api/cases/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "案件详情 A case with its timeline",
        params: Id,
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (req) => s.reads.read(actorOf(req), req.params.id, requestInfo(req)),
  );

  app.post(
    "/api/cases/:id/reveal",
    {
      config: { access: { permission: "pii:reveal" } },
      schema: {
        tags,
        summary: "查看表单中的完整个人信息（辖区内、须说明原因、限次、留痕） Reveal the form's personal data (audited)",
        params: Id,
        body: RevealRequest,
        response: { 200: CaseRevealResponse, ...errors, 429: ErrorBody },
      },
    },
    async (req) => s.reads.revealFormPii(actorOf(req), req.params.id, req.body.reason, requestInfo(req)),
  );

  app.post(
    "/api/cases/:id/transitions/:transition",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "办理 Take a transition",
        params: Id.extend({ transition: z.string().regex(/^[a-z_]{1,40}$/) }),
        body: CaseTransitionRequest,
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (req) => s.cases.transition(actorOf(req), req.params.id, req.params.transition, req.body, requestInfo(req)),
  );

  app.post(
    "/api/cases/:id/comments",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "留言 Comment",
        params: Id,
        body: CaseCommentRequest,
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (req) => s.cases.comment(actorOf(req), req.params.id, req.body.body, req.body.internal, requestInfo(req)),
  );

  app.get(
    "/api/cases/:id/assignable",
    {
      config: { access: { permission: "case:decide" } },
      schema: {
        tags,
        summary: "可指派人员 People who may be assigned",
        params: Id,
        response: {
          200: z.object({ role: z.string(), users: z.array(z.object({ id: z.number(), name: z.string() })) }),
          ...errors,
        },
      },
    },
    async (req) => s.cases.assignable(actorOf(req), req.params.id),
  );

  app.post(
    "/api/cases/:id/assignees",
    {
      config: { access: { permission: "case:decide" } },
      schema: {
        tags,
        summary: "指派 Assign",
        params: Id,
        body: CaseAssignRequest,
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (req) => s.cases.assign(actorOf(req), req.params.id, req.body.userId, requestInfo(req)),
  );

  app.post(
    "/api/cases/:id/attachments",
    {
      bodyLimit: 15 * 1024 * 1024,
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "上传附件 Attach a file (base64)",
        params: Id,
        body: CaseAttachmentUpload,
        response: { 200: CaseDetail, 413: ErrorBody, ...errors },
      },
    },
    async (req) => s.cases.attach(actorOf(req), req.params.id, req.body, requestInfo(req)),
  );

  app.get(
    "/api/cases/:id/attachments/:attachmentId",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "下载附件 Download an attachment",
        params: Id.extend({
          attachmentId: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 31),
        }),
      },
    },
    async (req, reply) => {
      const f = s.reads.download(actorOf(req), req.params.id, req.params.attachmentId, requestInfo(req));
      return reply
        .type(f.mime)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .header("x-content-type-options", "nosniff")
        .send(f.bytes);
    },
  );
}
