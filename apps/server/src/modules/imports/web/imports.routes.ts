import multipart from "@fastify/multipart";
import { AppError } from "@zhichan/core";
import {
  ErrorBody,
  PATENT_IMPORT_MAX_UPLOAD_BYTES,
  PatentImportFieldList,
  PatentImportJobDetail,
  PatentImportJobList,
  PatentImportPreview,
  PatentImportPreviewBody,
  PatentImportProfile,
  PatentImportProfileBody,
  PatentImportProfileList,
  PatentImportStartBody,
} from "@zhichan/shared";
import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../../../http/auth-context.js";
import type { ZodApp } from "../../../http/zod-app.js";
import { requestLang } from "../import-issues.js";
import type { WebImportsService } from "./web-imports.service.js";

const tags = ["imports"];
const importer = { access: { permission: "data:import" as const } };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IntId = z.coerce.number().int().min(1).max(2_147_483_647);
const JobId = z.object({ id: IntId });
const UploadId = z.object({
  uploadId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
});
const UploadQuery = z.object({ profileId: IntId.optional() });
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).optional() });
/** The rejected rows' language: this, else the request's Accept-Language, else Chinese. */
const LangQuery = z.object({ lang: z.enum(["zh", "en"]).optional() });
/** Room for the multipart envelope around the file (boundaries, part headers). */
const ENVELOPE_BYTES = 64 * 1024;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The one file of a multipart upload, refused by its declared length before a byte is read when that is too long. */
async function uploadedFile(req: FastifyRequest) {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > PATENT_IMPORT_MAX_UPLOAD_BYTES + ENVELOPE_BYTES)
    throw new AppError(
      "TOO_LARGE",
      `文件超过 ${PATENT_IMPORT_MAX_UPLOAD_BYTES / 1048576} MB，请拆分后上传 · the file is over ${PATENT_IMPORT_MAX_UPLOAD_BYTES / 1048576} MB; split it and upload the parts`,
    );
  if (!req.isMultipart())
    throw new AppError(
      "BAD_REQUEST",
      "请以 multipart/form-data 上传，文件放在 file 字段 · send the file as multipart/form-data in the field 'file'",
    );
  let part: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    part = await req.file({ limits: { fileSize: PATENT_IMPORT_MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12 } });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("BAD_REQUEST", `上传格式有误 · malformed upload (${(e as Error).message})`);
  }
  if (!part) throw new AppError("BAD_REQUEST", "上传中没有文件 · the upload holds no file");
  return { filename: part.filename, stream: part.file };
}

export function importRoutes(app: ZodApp, svc: WebImportsService): void {
  // The upload route gets the multipart parser in its own scope: every other route keeps taking JSON only.
  app.register(async (scope) => {
    await scope.register(multipart, { throwFileSizeLimit: true }); // file names in UTF-8, as browsers send them
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/imports",
      {
        config: importer,
        schema: {
          tags,
          summary:
            "上传专利数据文件（multipart，file 字段；≤200 MB）并识别、预览 Upload a patent file (multipart field 'file'), detect and preview",
          querystring: UploadQuery,
          response: { 200: PatentImportPreview, 413: ErrorBody, 429: ErrorBody, ...errors },
        },
      },
      async (req) => svc.upload(contextOf(req), await uploadedFile(req), req.query.profileId),
    );
  });

  app.get(
    "/api/imports/fields",
    {
      config: importer,
      schema: {
        tags,
        summary: "可映射的字段 Canonical fields with labels",
        response: { 200: PatentImportFieldList, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async () => svc.fields(),
  );
  app.get(
    "/api/imports/profiles",
    {
      config: importer,
      schema: {
        tags,
        summary: "映射方案 Saved column mappings",
        response: { 200: PatentImportProfileList, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async () => svc.profiles(),
  );
  app.post(
    "/api/imports/profiles",
    {
      config: importer,
      schema: {
        tags,
        summary: "保存映射方案（同名替换） Save a named column mapping (a name saved again is replaced)",
        body: PatentImportProfileBody,
        response: { 200: PatentImportProfile, ...errors },
      },
    },
    async (req) => svc.saveProfile(contextOf(req), req.body),
  );
  app.delete(
    "/api/imports/profiles/:id",
    {
      config: importer,
      schema: {
        tags,
        summary: "删除映射方案 Delete a mapping profile",
        params: JobId,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      svc.deleteProfile(contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/imports/:uploadId/preview",
    {
      config: importer,
      schema: {
        tags,
        summary: "按映射重新预览 Preview again with a column mapping or profile",
        params: UploadId,
        body: PatentImportPreviewBody,
        response: { 200: PatentImportPreview, 413: ErrorBody, 429: ErrorBody, ...errors },
      },
    },
    async (req) => svc.preview(contextOf(req), req.params.uploadId, req.body),
  );
  app.post(
    "/api/imports/:uploadId/start",
    {
      config: importer,
      schema: {
        tags,
        summary: "开始导入（后台任务） Start the import as a durable job",
        params: UploadId,
        body: PatentImportStartBody,
        response: { 200: PatentImportJobDetail, ...errors },
      },
    },
    async (req) => svc.start(contextOf(req), req.params.uploadId, req.body),
  );
  app.get(
    "/api/imports",
    {
      config: importer,
      schema: {
        tags,
        summary: "导入记录（最新在前） Imports, newest first",
        querystring: ListQuery,
        response: { 200: PatentImportJobList, ...errors },
      },
    },
    async (req) => svc.list(req.query.limit),
  );
  app.get(
    "/api/imports/:id",
    {
      config: importer,
      schema: {
        tags,
        summary: "导入进度与结果 Status, progress and, when done, the report",
        params: JobId,
        response: { 200: PatentImportJobDetail, ...errors },
      },
    },
    async (req) => svc.get(req.params.id),
  );
  app.get(
    "/api/imports/:id/rejected.xlsx",
    {
      config: { ...importer, audit: "import.rejected_download" },
      schema: {
        tags,
        summary:
          "下载拒收行（XLSX：行号、原因、原始行；警告行标明；lang 或 Accept-Language 定语言） Rejected rows (and warnings, marked) as XLSX in the language of lang or Accept-Language",
        params: JobId,
        querystring: LangQuery,
      },
    },
    async (req, reply) => {
      const lang = requestLang(req.query.lang, req.headers["accept-language"]);
      const { fileName, body } = svc.rejectedRows(req.params.id, lang);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(body);
    },
  );
}
