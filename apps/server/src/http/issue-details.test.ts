import { AppError } from "@zhichan/core";
import { describe, expect, it } from "vitest";
import { CaseRegistry } from "../modules/cases/case-registry.js";
import { toErrorBody } from "./error-handler.js";

// A 400's issues carry zod's code and bounds, so the web words them in its user's language (i18n/validation.ts).
const MARK = Symbol.for("ZodFastifySchemaValidationError"); // fastify-type-provider-zod's own marker

describe("validation issues in a 400", () => {
  it("carry code, origin and bounds for request-schema errors", () => {
    const err = Object.assign(new Error("bad"), {
      statusCode: 400,
      validation: [
        {
          [MARK]: true,
          keyword: "too_small",
          instancePath: "/orgCode",
          schemaPath: "#/orgCode/too_small",
          message: "Too small: expected string to have >=18 characters",
          params: { origin: "string", minimum: 18, inclusive: true, exact: true, input: "secret" },
        },
      ],
    });
    const { status, body } = toErrorBody(err);
    expect(status).toBe(400);
    expect(body.error.details).toEqual([
      {
        path: "/orgCode",
        message: "Too small: expected string to have >=18 characters",
        code: "too_small",
        origin: "string",
        minimum: 18,
        inclusive: true,
        exact: true,
      },
    ]);
    expect(JSON.stringify(body)).not.toContain("secret"); // an input is never echoed
  });

  it("carry code and format for case-form errors, field by field", () => {
    let thrown: unknown;
    try {
      new CaseRegistry().parseForm("talent_reward", {
        category: "attorney_first_practice",
        personName: "张三",
        attorneyExamYear: 1989,
        firstPracticeDistrict: "4101",
      });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const issues = (thrown as AppError).details as { issues: Record<string, unknown>[] };
    expect(issues.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "attorneyExamYear", code: "too_small", origin: "number", minimum: 1990 }),
        expect.objectContaining({ path: "firstPracticeDistrict", code: "invalid_format", format: "regex" }),
      ]),
    );
  });
});
