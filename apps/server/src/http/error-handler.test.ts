import { AppError } from "@zhichan/core";
import { QuerySyntaxError } from "@zhichan/core/search/types.ts";
import { describe, expect, it } from "vitest";
import { toErrorBody } from "./error-handler.js";

describe("toErrorBody", () => {
  it("maps AppError codes through the one status table", () => {
    expect(toErrorBody(new AppError("NOT_FOUND", "x")).status).toBe(404);
    expect(toErrorBody(new AppError("CONFLICT", "x")).status).toBe(409);
  });

  it("turns a query syntax error into a 400 with position and expectation", () => {
    const { status, body } = toErrorBody(new QuerySyntaxError("expected )", 9, "')'", "end of query"));
    expect(status).toBe(400);
    expect(body.error).toEqual({
      code: "QUERY_SYNTAX",
      message: "检索式有误（第 10 个字符处）· expected )",
      details: { position: 9, expected: "')'", found: "end of query" },
    });
  });

  it("never leaks the message or stack of an unexpected error", () => {
    const { status, body } = toErrorBody(new Error("SQLITE_CORRUPT at /secret/path"));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|secret|at /);
  });
});
