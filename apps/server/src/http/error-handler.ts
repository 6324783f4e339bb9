import { AppError, type AppErrorCode } from "@zhichan/core";
import { QuerySyntaxError } from "@zhichan/core/search/types.ts";
import type { ErrorBody } from "@zhichan/shared";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { STATUS_BY_CODE } from "./error-status.js";
import { issueDetail } from "./issue-details.js";
import { isStorageFull, STORAGE_FULL_MESSAGE } from "./storage-full.js";

/** Turns anything thrown into the one error shape; a stack trace never reaches the user. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  const make = (code: AppErrorCode, message: string, details?: unknown) => ({
    status: STATUS_BY_CODE[code],
    body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
  });
  if (err instanceof AppError) return make(err.code, err.message, err.details);
  if (err instanceof QuerySyntaxError) {
    // Chinese first, the engine's English wording beside it; position is 0-based, people count from 1.
    const message = `检索式有误（第 ${err.position + 1} 个字符处）· ${err.message}`;
    return make("QUERY_SYNTAX", message, { position: err.position, expected: err.expected, found: err.found });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) =>
      issueDetail(v.instancePath || "/", v.message ?? "", v.keyword, v.params as Record<string, unknown>),
    );
    const first = issues[0];
    return make("BAD_REQUEST", `invalid request: ${first ? `${first.path} ${first.message}` : "bad input"}`, issues);
  }
  const fe = err as FastifyError;
  if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 413) return make("TOO_LARGE", "request body too large");
    if (fe.statusCode === 429) return make("RATE_LIMITED", "too many requests");
    return make("BAD_REQUEST", fe.message);
  }
  if (isStorageFull(err)) return make("STORAGE_FULL", STORAGE_FULL_MESSAGE); // logged as an error too (507)
  return make("INTERNAL", "internal error: the incident is logged");
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorBody(err);
    if (status >= 500) req.log.error({ err }, "unhandled error");
    void reply.status(status).send(body);
  });
}
