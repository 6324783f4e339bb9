import type { Actor } from "../accounts/accounts.policy.js";
import type { CaseRow } from "./cases.repository.js";
import type { OrgRef } from "./people.repository.js";

/**
 * The one thing a hook reads of the engine's cases (a listing enquiry checks the listing). Hooks get this rather than
 * the database: what they write is their own module's business, through their own repositories.
 */
export interface HookCaseLookup {
  find(id: number): CaseRow | undefined;
}

/** What a case type adds to the generic engine, provided by the protection, operations and talent modules. */
export interface CaseTypeHooks {
  /**
   * Derived facts when a case is opened (eligibility, routing, the linked patent); runs inside the create
   * transaction and may throw an AppError to refuse the application.
   */
  onCreate?(c: {
    cases: HookCaseLookup;
    form: Record<string, unknown>;
    actor: Actor;
    org: OrgRef | null;
    now: number;
  }): {
    checks?: Record<string, unknown>;
    patentId?: number | null;
    /** The other side of a two-party case (e.g. the owner of the listing enquired about). */
    counterparty?: { userId: number; orgId: number | null };
  };
  /** Runs inside the transition's transaction, after the state change (e.g. writing the pledge registration). */
  onTransition?(c: { row: CaseRow; transition: string; input: Record<string, unknown> | null; now: number }): void;
}

export type CaseHooksByType = Record<string, CaseTypeHooks>;
