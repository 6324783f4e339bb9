import { ErrorBody, ExportRequest, SearchRequest, SearchResponse } from "@zhichan/shared";
import type { ZodApp } from "../../http/zod-app.js";
import { csvStream, xlsxStream } from "./export-writers.js";
import type { SearchService } from "./search.service.js";

const errors = { 400: ErrorBody, 500: ErrorBody };

export function searchRoutes(app: ZodApp, svc: SearchService): void {
  app.get(
    "/api/search",
    {
      config: { access: "public" },
      schema: {
        tags: ["search"],
        summary: "检索专利 Search patents (query language: docs/QUERY.md)",
        querystring: SearchRequest,
        response: { 200: SearchResponse, ...errors },
      },
    },
    async (req) => svc.search(req.query),
  );

  app.post(
    "/api/search",
    {
      config: { access: "public", csrf: false },
      schema: {
        tags: ["search"],
        summary: "检索专利 Search patents (same as GET, query in the body)",
        body: SearchRequest,
        response: { 200: SearchResponse, ...errors },
      },
    },
    async (req) => svc.search(req.body),
  );

  app.get(
    "/api/search/export",
    {
      config: { access: "public", audit: "data.export" },
      schema: {
        tags: ["search"],
        summary: "导出全部命中 Export every hit as CSV or XLSX (streamed; X-Total-Count gives the row count)",
        querystring: ExportRequest,
      },
    },
    async (req, reply) => {
      const { q, format, sort } = req.query;
      const { total, rows } = svc.exportHits(q, sort);
      const stamp = new Date().toISOString().slice(0, 10);
      const filename = `zhichan-patents-${stamp}.${format}`;
      reply
        .header("X-Total-Count", String(total))
        .header("Access-Control-Expose-Headers", "X-Total-Count")
        .header("Content-Disposition", `attachment; filename="${filename}"`)
        .header(
          "Content-Type",
          format === "csv"
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        );
      return reply.send(format === "csv" ? csvStream(rows) : xlsxStream(rows));
    },
  );
}
