import type { CaseTypeDef } from "../definition.js";
import { OPERATIONS_TYPES } from "./operations.js";
import { PROTECTION_TYPES } from "./protection.js";
import { TALENT_TYPES } from "./talent.js";

export * from "./operations.js";
export * from "./protection.js";
export * from "./talent.js";

/** Every shipped case type, in the order the portal lists them. */
export const CASE_TYPES: readonly CaseTypeDef[] = [...PROTECTION_TYPES, ...OPERATIONS_TYPES, ...TALENT_TYPES];

export function caseTypeOf(key: string): CaseTypeDef | undefined {
  return CASE_TYPES.find((t) => t.key === key);
}
