import {
  ContentFile,
  ContentInput,
  ContentItem,
  ContentPage,
  ContentQuery,
  ErrorBody,
  FileUploadBody,
  Guide,
  GuideInput,
  MAX_CONTENT_FILE_BYTES,
  OkResponse,
} from "@zhichan/shared";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { actorOf, requestInfo } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { ContentServices } from "./content.module.js";

const tags = ["content"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };
const Num = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31);
const Id = z.object({ id: Num });
const FileParams = z.object({ id: Num, fileId: Num });
const TypeParams = z.object({ caseType: z.string().regex(/^[a-z_]{1,40}$/) });
const publish = { access: { permission: "content:publish" as const } };
const pub = { access: "public" as const };
/** base64 of the largest file, plus the JSON around it: refused before it is parsed. */
const UPLOAD_LIMIT = Math.ceil(MAX_CONTENT_FILE_BYTES / 3) * 4 + 64 * 1024;

const send = (reply: FastifyReply, f: { bytes: Buffer; mime: string; filename: string }) =>
  reply
    .type(f.mime)
    .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
    .header("x-content-type-options", "nosniff")
    .send(f.bytes);

/** Notices, policies, news and 办事指南: public reads, and the officials' writes (content:publish). */
export function contentRoutes(app: ZodApp, s: ContentServices): void {
  app.get(
    "/api/content/items",
    {
      config: pub,
      schema: {
        tags,
        summary: "通知公告、政策法规、工作动态 Published items",
        querystring: ContentQuery,
        response: { 200: ContentPage, ...errors },
      },
    },
    async (req) => s.items.publicList(req.query),
  );
  app.get(
    "/api/content/items/:id",
    {
      config: pub,
      schema: { tags, summary: "内容详情 A published item", params: Id, response: { 200: ContentItem, ...errors } },
    },
    async (req) => s.items.publicGet(req.params.id),
  );
  app.get(
    "/api/content/items/:id/files/:fileId",
    { config: pub, schema: { tags, summary: "下载附件 Download an attachment", params: FileParams } },
    async (req, reply) => send(reply, s.items.attachment(req.params.id, req.params.fileId, false)),
  );
  app.get(
    "/api/content/manage/items",
    {
      config: publish,
      schema: {
        tags,
        summary: "内容管理 All items, drafts included",
        querystring: ContentQuery,
        response: { 200: ContentPage, ...errors },
      },
    },
    async (req) => s.items.manageList(req.query),
  );
  app.get(
    "/api/content/manage/items/:id",
    {
      config: publish,
      schema: { tags, summary: "内容（编辑）An item to edit", params: Id, response: { 200: ContentItem, ...errors } },
    },
    async (req) => s.items.manageGet(req.params.id),
  );
  app.get(
    "/api/content/manage/items/:id/files/:fileId",
    {
      config: publish,
      schema: { tags, summary: "下载附件（编辑）Download an attachment of any item", params: FileParams },
    },
    async (req, reply) => send(reply, s.items.attachment(req.params.id, req.params.fileId, true)),
  );
  app.post(
    "/api/content/manage/items",
    {
      config: publish,
      schema: {
        tags,
        summary: "新建内容 Create an item",
        body: ContentInput,
        response: { 200: ContentItem, ...errors },
      },
    },
    async (req) => s.items.create(actorOf(req), req.body, requestInfo(req)),
  );
  app.put(
    "/api/content/manage/items/:id",
    {
      config: publish,
      schema: {
        tags,
        summary: "修改、发布或撤回 Edit, publish or withdraw",
        params: Id,
        body: ContentInput,
        response: { 200: ContentItem, ...errors },
      },
    },
    async (req) => s.items.update(actorOf(req), req.params.id, req.body, requestInfo(req)),
  );
  app.post(
    "/api/content/manage/items/:id/files",
    {
      bodyLimit: UPLOAD_LIMIT,
      config: publish,
      schema: {
        tags,
        summary: "上传附件 Attach a file (base64)",
        params: Id,
        body: FileUploadBody,
        response: { 200: ContentFile, ...errors },
      },
    },
    async (req) => s.items.addAttachment(actorOf(req), req.params.id, req.body, requestInfo(req)),
  );
  app.delete(
    "/api/content/manage/items/:id/files/:fileId",
    {
      config: publish,
      schema: {
        tags,
        summary: "删除附件 Remove an attachment",
        params: FileParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (req) => {
      s.items.removeAttachment(actorOf(req), req.params.id, req.params.fileId, requestInfo(req));
      return { ok: true as const };
    },
  );
  guideRoutes(app, s);
}

function guideRoutes(app: ZodApp, s: ContentServices): void {
  const GuideList = z.object({ items: z.array(z.object({ caseType: z.string(), updatedAt: z.string() })) });
  app.get(
    "/api/content/guides",
    { config: pub, schema: { tags, summary: "办事指南列表 Case types with a guide", response: { 200: GuideList } } },
    async () => ({ items: s.guides.list() }),
  );
  app.get(
    "/api/content/guides/:caseType",
    {
      config: pub,
      schema: {
        tags,
        summary: "办事指南 The guide of a case type",
        params: TypeParams,
        response: { 200: Guide, ...errors },
      },
    },
    async (req) => s.guides.get(req.params.caseType),
  );
  app.get(
    "/api/content/guides/:caseType/templates/:fileId",
    {
      config: pub,
      schema: { tags, summary: "下载模板 Download a template", params: TypeParams.extend({ fileId: Num }) },
    },
    async (req, reply) => send(reply, s.guides.template(req.params.caseType, req.params.fileId)),
  );
  app.put(
    "/api/content/manage/guides/:caseType",
    {
      config: publish,
      schema: {
        tags,
        summary: "编辑办事指南 Edit a guide",
        params: TypeParams,
        body: GuideInput,
        response: { 200: Guide, ...errors },
      },
    },
    async (req) => s.guides.put(actorOf(req), req.params.caseType, req.body, requestInfo(req)),
  );
  app.post(
    "/api/content/manage/guides/:caseType/templates",
    {
      bodyLimit: UPLOAD_LIMIT,
      config: publish,
      schema: {
        tags,
        summary: "上传模板 Add a template (base64)",
        params: TypeParams,
        body: FileUploadBody,
        response: { 200: ContentFile, ...errors },
      },
    },
    async (req) => s.guides.addTemplate(actorOf(req), req.params.caseType, req.body, requestInfo(req)),
  );
  app.delete(
    "/api/content/manage/guides/:caseType/templates/:fileId",
    {
      config: publish,
      schema: {
        tags,
        summary: "删除模板 Remove a template",
        params: TypeParams.extend({ fileId: Num }),
        response: { 200: OkResponse, ...errors },
      },
    },
    async (req) => {
      s.guides.removeTemplate(actorOf(req), req.params.caseType, req.params.fileId, requestInfo(req));
      return { ok: true as const };
    },
  );
}
