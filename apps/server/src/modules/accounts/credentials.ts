import { AppError } from "@zhichan/core";
import { checkPassword, describeProblem, type PasswordPolicy } from "@zhichan/core/accounts/index.ts";
import type { Db } from "../../db/connection.js";
import type { PasswordHasher } from "./passwords.js";
import { recentPasswordHashes } from "./users.repository.js";

/** Applies the configured password policy to a new password, history included, and hashes it. */
export class Credentials {
  constructor(
    private readonly db: Db,
    readonly hasher: PasswordHasher,
    readonly policy: PasswordPolicy,
  ) {}

  async newHash(password: string, username: string, userId?: number): Promise<string> {
    const problems = checkPassword(this.policy, password, username);
    if (problems.length) {
      throw new AppError(
        "BAD_REQUEST",
        `密码不符合要求 · password rejected: ${problems.map(describeProblem).join("; ")}`,
        {
          field: "password",
          problems,
        },
      );
    }
    if (userId !== undefined && this.policy.historyCount > 0) {
      for (const old of recentPasswordHashes(this.db, userId, this.policy.historyCount)) {
        if (await this.hasher.verify(old, password)) {
          throw new AppError(
            "BAD_REQUEST",
            `不能重复使用最近 ${this.policy.historyCount} 次的密码 · reuses one of the last ${this.policy.historyCount} passwords`,
            {
              field: "password",
              problems: [{ code: "reused" }],
            },
          );
        }
      }
    }
    return this.hasher.hash(password);
  }
}
