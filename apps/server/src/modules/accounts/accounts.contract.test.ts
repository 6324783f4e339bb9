import { PERMISSIONS, ROLES } from "@zhichan/core/accounts/index.ts";
import { PERMISSION_NAMES, ROLE_NAMES } from "@zhichan/shared";
import { describe, expect, it } from "vitest";

describe("accounts contract", () => {
  it("lists the same roles and permissions in core and in the API contract", () => {
    expect([...ROLE_NAMES]).toEqual([...ROLES]);
    expect([...PERMISSION_NAMES]).toEqual([...PERMISSIONS]);
  });
});
