import { ErrorBody } from "@zhichan/shared";
import {
  AssistedExportRequest,
  AssistedSearchRequest,
  AssistedSearchResponse,
  DEFAULT_EXPORT_COLUMNS,
} from "@zhichan/shared/search-assist.ts";
import type { ZodApp } from "../../http/zod-app.js";
import { type Clock, isoToday } from "../accounts/clock.js";
import { cappedNote, ExportGate } from "./export-gate.js";
import { csvStream, xlsxStream } from "./export-writers.js";
import type { SearchService } from "./search.service.js";

const errors = { 400: ErrorBody, 500: ErrorBody };

export function searchRoutes(
  app: ZodApp,
  svc: SearchService,
  /** Dates the export's file name (the app's clock, as every module reads time). */
  clock: Clock,
  exportGate = new ExportGate(),
): void {
  app.get(
    "/api/search",
    {
      config: { access: "public" },
      schema: {
        tags: ["search"],
        summary: "检索专利 Search patents (query language: docs/QUERY.md)",
        querystring: AssistedSearchRequest,
        response: { 200: AssistedSearchResponse, ...errors },
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
        body: AssistedSearchRequest,
        response: { 200: AssistedSearchResponse, ...errors },
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
        summary:
          "导出命中 Export hits as CSV or XLSX (streamed; X-Total-Count gives the row count). Signed in: every hit; " +
          "visitors: the first 5,000 (X-Export-Capped, and a last note row). 429 when too many exports run. " +
          "columns: which and in what order (EXPORT_COLUMN_KEYS; an unknown name is a 400).",
        querystring: AssistedExportRequest,
      },
    },
    async (req, reply) => {
      const { q, format, sort, group, crossLanguage, xlDrop } = req.query;
      const columns = req.query.columns ?? DEFAULT_EXPORT_COLUMNS;
      const anonymous = !req.actor;
      // one slot per signed-in user, or per visitor's address; 429 when the server already runs enough exports
      const release = exportGate.enter(anonymous ? `ip:${req.ip}` : `user:${req.actor!.userId}`, anonymous);
      reply.raw.once("close", release);
      const cap = anonymous ? exportGate.limits.anonymousRows : Number.POSITIVE_INFINITY;
      let exported: ReturnType<SearchService["exportHits"]>;
      try {
        exported = svc.exportHits(q, sort, cap, group, { crossLanguage, xlDrop });
      } catch (err) {
        release();
        throw err;
      }
      const { total, rows } = exported;
      const count = Math.min(total, cap);
      const note = total > cap ? cappedNote(count, total) : null;
      const stamp = isoToday(clock);
      const filename = `zhichan-patents-${stamp}.${format}`;
      if (note)
        reply
          .header("X-Export-Capped", String(cap))
          .header("X-Export-Note", encodeURIComponent(note))
          .header("X-Total-Hits", String(total));
      reply
        .header("X-Total-Count", String(count))
        .header("Access-Control-Expose-Headers", "X-Total-Count, X-Total-Hits, X-Export-Capped, X-Export-Note")
        .header("Content-Disposition", `attachment; filename="${filename}"`)
        .header(
          "Content-Type",
          format === "csv"
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        );
      const body =
        format === "csv"
          ? csvStream(rows, note, [], columns)
          : xlsxStream(rows, new Date(clock.now()), note, [], columns);
      // (the slot is freed when the response is over: reply.raw "close", above)
      return reply.send(body);
    },
  );
}
