import { APP_ERROR_CODES } from "@zhichan/core";
import { ERROR_CODES } from "@zhichan/shared";
import { describe, expect, it } from "vitest";
import { STATUS_BY_CODE } from "./error-status.js";

describe("error codes", () => {
  it("are the same list in core and in the API contract, and each has a status", () => {
    expect([...APP_ERROR_CODES]).toEqual([...ERROR_CODES]);
    for (const code of APP_ERROR_CODES) expect(STATUS_BY_CODE[code]).toBeGreaterThanOrEqual(400);
  });
});
