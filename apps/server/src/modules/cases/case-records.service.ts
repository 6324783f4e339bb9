import type { Db } from "../../db/connection.js";
import { type CaseRow, findCase, findCases } from "./cases.repository.js";
import { type OrgRef, orgsOfUser } from "./people.repository.js";

export type { CaseRow, OrgRef };

/**
 * What the case types built on the engine (operations, talent, training) read of cases and of the people filing
 * them: read-only, so those modules never reach the cases module's tables or repositories.
 */
export class CaseRecordsService {
  constructor(private readonly db: Db) {}

  /** One case by id, whatever its type or state. */
  find(id: number): CaseRow | undefined {
    return findCase(this.db, id);
  }

  /**
   * The published cases of a type, newest first; `search` also matches the form's values (the marketplace finds
   * listings by asset title and description).
   */
  published(type: string, search?: string): CaseRow[] {
    return findCases(this.db, { types: [type], state: "published", q: search, qInForm: true });
  }

  /** The organisations a user is a member of, lowest id first. */
  orgsOfUser(userId: number): OrgRef[] {
    return orgsOfUser(this.db, userId);
  }
}
