import { ErrorBody, LOOKUP_LIMITS, LookupExportRequest, LookupRequest, LookupResponse } from "@zhichan/shared";
import type { ZodApp } from "../../http/zod-app.js";
import { type Clock, isoToday } from "../accounts/clock.js";
import { ExportGate } from "./export-gate.js";
import { csvStream, xlsxStream } from "./export-writers.js";
import type { LookupService } from "./lookup.service.js";

const errors = { 400: ErrorBody, 413: ErrorBody, 429: ErrorBody, 500: ErrorBody };

/** The rows under the found records that list the numbers not found (the export's last part). */
function notFoundRows(notFound: string[]): string[][] {
  if (notFound.length === 0) return [];
  return [[""], [`未找到的号码 Numbers not found (${notFound.length})`], ...notFound.map((n) => [n])];
}

/**
 * Batch lookup of publication and application numbers (docs/QUERY.md, “号码”). Public like search, with the
 * same rate limits (every /api/ request); the body is bounded before it is parsed.
 */
export function lookupRoutes(
  app: ZodApp,
  svc: LookupService,
  /** Dates the export's file name (the app's clock, as every module reads time). */
  clock: Clock,
  exportGate = new ExportGate(),
): void {
  app.post(
    "/api/patents/lookup",
    {
      config: { access: "public", csrf: false },
      bodyLimit: LOOKUP_LIMITS.maxBodyBytes,
      schema: {
        tags: ["patents"],
        summary:
          "批量查号 Look up to 10,000 publication or application numbers (any separators): the records found and " +
          "the numbers not found, in the order given",
        body: LookupRequest,
        response: { 200: LookupResponse, ...errors },
      },
    },
    async (req) => svc.lookup(req.body.numbers),
  );

  app.post(
    "/api/patents/lookup/export",
    {
      config: { access: "public", csrf: false, audit: "data.export" },
      bodyLimit: LOOKUP_LIMITS.maxBodyBytes,
      schema: {
        tags: ["patents"],
        summary:
          "导出批量查号结果 Export a lookup as XLSX or CSV: the records found in the order given, then the numbers " +
          "not found (X-Total-Count: records, X-Not-Found-Count: numbers)",
        body: LookupExportRequest,
      },
    },
    async (req, reply) => {
      const { numbers, format } = req.body;
      const release = exportGate.enter(req.actor ? `user:${req.actor.userId}` : `ip:${req.ip}`, !req.actor);
      reply.raw.once("close", release);
      let exported: ReturnType<LookupService["exportRows"]>;
      try {
        exported = svc.exportRows(numbers);
      } catch (err) {
        release();
        throw err;
      }
      const { count, rows, notFound } = exported;
      const stamp = isoToday(clock);
      const tail = notFoundRows(notFound);
      reply
        .header("X-Total-Count", String(count))
        .header("X-Not-Found-Count", String(notFound.length))
        .header("Access-Control-Expose-Headers", "X-Total-Count, X-Not-Found-Count")
        .header("Content-Disposition", `attachment; filename="zhichan-lookup-${stamp}.${format}"`)
        .header(
          "Content-Type",
          format === "csv"
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        );
      return reply.send(
        format === "csv" ? csvStream(rows, null, tail) : xlsxStream(rows, new Date(clock.now()), null, tail),
      );
    },
  );
}
