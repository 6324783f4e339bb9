import crypto from "node:crypto";
import { AppError } from "@zhichan/core";
import type { SetupRequest } from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AccountsService } from "./accounts.service.js";
import type { RequestInfo } from "./auth.service.js";
import { type Clock, DAY } from "./clock.js";
import { findUsableSetupCode, insertSetupCode, useSetupCode } from "./sessions.repository.js";
import { base32Encode } from "./totp.js";
import { countUsersWithRole, insertUser, replaceRoles } from "./users.repository.js";

export type AdminRole = "sysadmin" | "secadmin" | "auditadmin";
const hashCode = (code: string) =>
  crypto.createHash("sha256").update(code.replace(/[\s-]/g, "").toUpperCase()).digest("hex");

/**
 * No default accounts: the first system administrator (or, from the CLI, any administrator) is created with a
 * one-time code that is printed once, stored only as a hash and expires in 24 hours.
 */
export class SetupService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
  ) {}

  /** True while no active system administrator exists. */
  needed(): boolean {
    return countUsersWithRole(this.db, "sysadmin") === 0;
  }

  /** A new code (replacing any unused one); the caller prints it. */
  issueCode(role: AdminRole = "sysadmin"): { code: string; expiresAt: Date } {
    const raw = base32Encode(crypto.randomBytes(10)); // 16 characters, 80 bits
    const code = raw.match(/.{4}/g)!.join("-");
    const now = this.clock.now();
    insertSetupCode(this.db, hashCode(code), role, now, now + DAY);
    this.audit.record({ action: "setup.code_issued", details: { role, expiresAt: new Date(now + DAY).toISOString() } });
    return { code, expiresAt: new Date(now + DAY) };
  }

  async createAdmin(r: z.output<typeof SetupRequest>, req: RequestInfo): Promise<{ userId: number; role: AdminRole }> {
    const h = hashCode(r.code);
    const found = findUsableSetupCode(this.db, h, this.clock.now());
    if (!found) throw new AppError("FORBIDDEN", "设置码无效或已过期 · the setup code is wrong, used or expired");
    const row = await this.accounts.newUserRow(r, false);
    const role = found.role as AdminRole;
    const userId = this.db.sqlite.transaction(() => {
      if (!findUsableSetupCode(this.db, h, this.clock.now()))
        throw new AppError("FORBIDDEN", "设置码已被使用 · the setup code was just used");
      useSetupCode(this.db, h, this.clock.now());
      const id = insertUser(this.db, row);
      replaceRoles(this.db, id, [{ role, district_code: null }]);
      this.audit.record({
        action: "setup.admin_created",
        actorId: id,
        actorName: row.username,
        target: `user:${id}`,
        ip: req.ip,
        details: { role },
      });
      this.audit.record({
        action: "permission.changed",
        actorId: id,
        actorName: row.username,
        target: `user:${id}`,
        ip: req.ip,
        details: { roles: [role], via: "setup code" },
      });
      return id;
    })();
    return { userId, role };
  }
}
