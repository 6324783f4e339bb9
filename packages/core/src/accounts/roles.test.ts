import { describe, expect, it } from "vitest";
import {
  ADMIN_ROLES,
  inDistrictScope,
  PERMISSIONS,
  permissionsOf,
  ROLE_PERMISSIONS,
  ROLES,
  requiresTotp,
  roleConflict,
} from "./roles.js";

describe("role matrix", () => {
  it("separates the three administrators: no permission is shared between two of them", () => {
    for (const a of ADMIN_ROLES)
      for (const b of ADMIN_ROLES) {
        if (a === b) continue;
        const shared = ROLE_PERMISSIONS[a].filter((p) => ROLE_PERMISSIONS[b].includes(p) && p !== "user:read");
        expect(shared, `${a} & ${b}`).toEqual([]);
      }
    expect(permissionsOf(["sysadmin"]).has("audit:read")).toBe(false);
    expect(permissionsOf(["auditadmin"]).has("role:assign")).toBe(false);
    expect(permissionsOf(["secadmin"]).has("user:create")).toBe(false);
  });

  it("every permission belongs to some role, and every role has one", () => {
    const used = new Set(ROLES.flatMap((r) => ROLE_PERMISSIONS[r]));
    expect([...PERMISSIONS].filter((p) => !used.has(p))).toEqual([]);
    for (const r of ROLES) expect(ROLE_PERMISSIONS[r].length).toBeGreaterThan(0);
  });

  it("an administrator account holds one role only", () => {
    expect(roleConflict(["sysadmin", "auditadmin"])).not.toBeNull();
    expect(roleConflict(["secadmin", "official"])).not.toBeNull();
    expect(roleConflict(["enterprise", "expert"])).toBeNull();
  });

  it("officials and administrators need TOTP", () => {
    expect(requiresTotp(["official"])).toBe(true);
    expect(requiresTotp(["auditadmin"])).toBe(true);
    expect(requiresTotp(["enterprise", "expert"])).toBe(false);
  });

  it("a district-scoped official sees its district only", () => {
    expect(inDistrictScope(null, "410105")).toBe(true);
    expect(inDistrictScope("410105", "410105")).toBe(true);
    expect(inDistrictScope("410105", "410105001")).toBe(true);
    expect(inDistrictScope("410105", "410172")).toBe(false);
    expect(inDistrictScope("410105", null)).toBe(false);
  });
});
