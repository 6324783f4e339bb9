import { AppError } from "@zhichan/core";
import type { District, UserDetail, UserOrg } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { Actor } from "./accounts.policy.js";
import type { AccountsService } from "./accounts.service.js";
import { DISTRICT_NAMES_EN, PLATFORM_CITY } from "./city-districts.js";
import { orgsOfUser } from "./orgs.repository.js";
import { cityDistricts } from "./user-directory.repository.js";
import { listUsers } from "./users.repository.js";

/** How many people one lookup for a reveal returns: enough to pick the person, too few to page through a register. */
export const PEOPLE_LOOKUP_LIMIT = 20;

/**
 * What the administration pages read beyond the user list: one user with their organisations, the districts of the
 * city by name, and — for officials who may reveal personal data — a masked lookup of people in their district.
 */
export class UserDirectoryService {
  constructor(
    private readonly db: Db,
    private readonly accounts: AccountsService,
    private readonly cityCode: string = PLATFORM_CITY,
  ) {}

  detail(userId: number): UserDetail {
    return { ...this.accounts.summary(userId), orgs: this.orgs(userId) };
  }

  /**
   * People matching a name or username, within the caller's district scope (the same scope a reveal is checked
   * against: a district official sees users of its district only, through their organisations or official role).
   * Masked: the plain values need a reveal with a reason.
   */
  people(actor: Actor, q: string): { users: UserDetail[] } {
    if (q.trim().length < 2) throw new AppError("BAD_REQUEST", "请至少输入两个字 · type at least two characters");
    const { rows } = listUsers(this.db, { q: q.trim(), district: actor.district ?? undefined }, PEOPLE_LOOKUP_LIMIT, 0);
    return { users: rows.map((u) => this.detail(u.id)) };
  }

  districts(): District[] {
    return cityDistricts(this.db, this.cityCode).map((d) => ({
      code: d.code,
      name: d.name,
      nameEn: DISTRICT_NAMES_EN[d.code] ?? d.name,
    }));
  }

  private orgs(userId: number): UserOrg[] {
    return orgsOfUser(this.db, userId).map((o) => ({
      orgId: o.id,
      name: o.name,
      kind: o.kind as UserOrg["kind"],
      orgRole: o.org_role as UserOrg["orgRole"],
      district: o.district_code,
    }));
  }
}
