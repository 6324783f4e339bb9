import {
  ErrorBody,
  MATRIX_LIMITS,
  MatrixExportRequest,
  MatrixRequest,
  MatrixResponse,
  MatrixSuggestRequest,
  MatrixSuggestResponse,
} from "@zhichan/shared";
import type { ZodApp } from "../../http/zod-app.js";
import type { TechEffectService } from "./tech-effect.service.js";
import { matrixXlsx } from "./tech-effect-xlsx.js";

const errors = { 400: ErrorBody, 413: ErrorBody, 429: ErrorBody, 500: ErrorBody };
const tags = ["analytics"];

/**
 * Technology–effect matrix over public patent data: read-only and public like search (POST bodies carry the
 * branches and effects; no state changes, so no CSRF token), bounded before parsing, 400 beyond 12 × 12.
 */
export function techEffectRoutes(app: ZodApp, svc: TechEffectService): void {
  app.get(
    "/api/matrix/suggest",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary:
          "技术功效矩阵建议 Effect phrases mined from the hits' titles and abstracts (提高…效率, reduce … cost) and " +
          "the hit set's largest IPC main groups as branches",
        querystring: MatrixSuggestRequest,
        response: { 200: MatrixSuggestResponse, ...errors },
      },
    },
    async (req) => svc.suggest(req.query.q, req.query.group, req.query.limit),
  );

  app.post(
    "/api/matrix",
    {
      config: { access: "public", csrf: false },
      bodyLimit: MATRIX_LIMITS.maxBodyBytes,
      schema: {
        tags,
        summary:
          "技术功效矩阵 Technology–effect matrix: each cell the exact count of the query AND a branch AND any of an " +
          "effect's phrases, with the query that lists its hits; at most 12 × 12",
        body: MatrixRequest,
        response: { 200: MatrixResponse, ...errors },
      },
    },
    async (req) => svc.matrix(req.body),
  );

  app.post(
    "/api/matrix/xlsx",
    {
      config: { access: "public", csrf: false, audit: "data.export" },
      bodyLimit: MATRIX_LIMITS.maxBodyBytes,
      schema: { tags, summary: "导出技术功效矩阵 Export the matrix as XLSX", body: MatrixExportRequest },
    },
    async (req, reply) => {
      const m = svc.matrix(req.body);
      return reply
        .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("Content-Disposition", `attachment; filename="${svc.exportFileName()}"`)
        .send(await matrixXlsx(m, req.body.q, req.body.lang));
    },
  );
}
