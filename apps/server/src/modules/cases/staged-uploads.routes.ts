import {
  CaseStagedUpload,
  CaseStagedUploadQuery,
  CaseStagedUploadRequest,
  ErrorBody,
  OkResponse,
} from "@zhichan/shared";
import { z } from "zod";
import { actorOf, requestInfo } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { CasesServices } from "./cases.module.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ["cases"];

/** The apply form's uploads, made before the case exists (staged-uploads.ts). */
export function stagedUploadRoutes(app: ZodApp, s: CasesServices): void {
  app.post(
    "/api/cases/uploads",
    {
      bodyLimit: 15 * 1024 * 1024,
      config: { access: { permission: "case:apply" } },
      schema: {
        tags,
        summary: "申请附件预上传 Upload a file for an application not yet submitted (base64)",
        body: CaseStagedUploadRequest,
        response: { 200: CaseStagedUpload, 413: ErrorBody, ...errors },
      },
    },
    async (req) => s.staged.stage(actorOf(req), req.body, requestInfo(req)),
  );

  app.get(
    "/api/cases/uploads",
    {
      config: { access: { permission: "case:apply" } },
      schema: {
        tags,
        summary: "我已上传、待提交的附件 My uploads waiting for an application of this type",
        querystring: CaseStagedUploadQuery,
        response: { 200: z.object({ items: z.array(CaseStagedUpload) }), ...errors },
      },
    },
    async (req) => ({ items: s.staged.list(actorOf(req), req.query.type) }),
  );

  app.delete(
    "/api/cases/uploads/:id",
    {
      config: { access: { permission: "case:apply" } },
      schema: {
        tags,
        summary: "删除待提交的附件 Remove an upload not yet submitted",
        params: z.object({
          id: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 31),
        }),
        response: { 200: OkResponse, ...errors },
      },
    },
    async (req) => {
      s.staged.discard(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
