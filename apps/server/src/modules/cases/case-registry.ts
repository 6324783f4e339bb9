import { AppError } from "@zhichan/core";
import {
  atApplication,
  attachmentMaxBytes,
  CASE_TYPES,
  type CaseTypeDef,
  validateDefinition,
} from "@zhichan/core/cases/index.ts";
import { CASE_FORMS, CASE_TRANSITION_INPUTS, type CaseTypeInfo } from "@zhichan/shared";
import type { z } from "zod";
import { issueDetail } from "../../http/issue-details.js";

/**
 * Pairs each case-type definition (core) with its form schema (shared). Built once; refuses to start when a
 * definition is unsound or has no form, so a broken case type never reaches a user.
 */
export class CaseRegistry {
  private readonly defs = new Map<string, CaseTypeDef>();

  constructor(types: readonly CaseTypeDef[] = CASE_TYPES) {
    for (const def of types) {
      const problems = validateDefinition(def);
      if (problems.length) throw new Error(`case type ${def.key}: ${problems.join("; ")}`);
      if (!(def.key in CASE_FORMS)) throw new Error(`case type ${def.key} has no form schema in @zhichan/shared`);
      for (const t of def.transitions)
        if (t.input && !(t.input in CASE_TRANSITION_INPUTS))
          throw new Error(`case type ${def.key}: transition ${t.key} needs unknown input ${t.input}`);
      this.defs.set(def.key, def);
    }
  }

  all(): CaseTypeDef[] {
    return [...this.defs.values()];
  }

  get(key: string): CaseTypeDef {
    const def = this.defs.get(key);
    if (!def) throw new AppError("BAD_REQUEST", `没有这种业务类型 ${key} · no case type ${key}`);
    return def;
  }

  /** The validated form, or BAD_REQUEST listing what is wrong field by field. */
  parseForm(key: string, form: unknown): Record<string, unknown> {
    const schema = CASE_FORMS[key as keyof typeof CASE_FORMS] as z.ZodType<Record<string, unknown>>;
    return parseOr400(schema, form, "表单填写有误 · the form has errors");
  }

  parseInput(name: string, input: unknown): Record<string, unknown> {
    const schema = CASE_TRANSITION_INPUTS[name as keyof typeof CASE_TRANSITION_INPUTS] as z.ZodType<
      Record<string, unknown>
    >;
    return parseOr400(schema, input ?? {}, "办理信息填写有误 · the transition's input has errors");
  }
}

function parseOr400<T>(schema: z.ZodType<T>, value: unknown, message: string): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new AppError("BAD_REQUEST", message, {
      issues: r.error.issues.map((i) =>
        issueDetail(i.path.join("."), i.message, i.code, i as unknown as Record<string, unknown>),
      ),
    });
  return r.data;
}

export function toTypeInfo(def: CaseTypeDef): CaseTypeInfo {
  return {
    key: def.key,
    area: def.area,
    label: def.label,
    openedBy: [...def.openedBy],
    personalApplicant: !!def.personalApplicant,
    assigneeRole: def.assigneeRole ?? null,
    states: def.states.map((s) => ({
      key: s.key,
      label: s.label,
      terminal: !!s.terminal,
      waitingOn: s.waitingOn ?? null,
      deadlineWorkingDays: s.deadlineWorkingDays ?? null,
    })),
    transitions: def.transitions.map((t) => ({
      key: t.key,
      label: t.label,
      from: [...t.from],
      to: t.to,
      by: [...t.by],
      requiresComment: !!t.requiresComment,
      requiresAssignee: t.requiresAssignee ?? null,
      input: t.input ?? null,
    })),
    attachments: def.attachments.map((a) => ({
      kind: a.kind,
      label: a.label,
      types: [...a.types],
      requiredBefore: a.requiredBefore ?? null,
      maxBytes: attachmentMaxBytes(a),
      atApplication: atApplication(def, a),
    })),
  };
}
