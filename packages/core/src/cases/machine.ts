import type { CaseTypeDef, Party, StateDef, TransitionDef } from "./definition.js";

export type TransitionRefusal =
  | { ok: false; reason: "unknown_transition"; transition: string }
  | { ok: false; reason: "wrong_state"; transition: string; state: string; allowedFrom: readonly string[] }
  | { ok: false; reason: "not_permitted"; transition: string; parties: readonly Party[]; by: readonly Party[] }
  | { ok: false; reason: "missing_comment"; transition: string }
  | { ok: false; reason: "missing_assignee"; transition: string; role: string }
  | { ok: false; reason: "missing_attachment"; transition: string; kinds: string[] };

export type TransitionCheck = { ok: true; transition: TransitionDef; to: StateDef } | TransitionRefusal;

/** What the engine knows of a case when it checks a transition. */
export interface CaseFacts {
  state: string;
  /** The caller's parties on this case (applicant, official in scope, assignee). */
  parties: readonly Party[];
  hasComment?: boolean;
  assigneeRoles?: readonly string[];
  attachmentKinds?: readonly string[];
}

export function stateOf(def: CaseTypeDef, key: string): StateDef | undefined {
  return def.states.find((s) => s.key === key);
}

export function transitionOf(def: CaseTypeDef, key: string): TransitionDef | undefined {
  return def.transitions.find((t) => t.key === key);
}

/** The one check every transition passes: declared, from this state, by one of the caller's parties, preconditions. */
export function checkTransition(def: CaseTypeDef, key: string, f: CaseFacts): TransitionCheck {
  const t = transitionOf(def, key);
  if (!t) return { ok: false, reason: "unknown_transition", transition: key };
  if (!t.from.includes(f.state))
    return { ok: false, reason: "wrong_state", transition: key, state: f.state, allowedFrom: t.from };
  if (!t.by.some((p) => f.parties.includes(p)))
    return { ok: false, reason: "not_permitted", transition: key, parties: f.parties, by: t.by };
  if (t.requiresComment && !f.hasComment) return { ok: false, reason: "missing_comment", transition: key };
  if (t.requiresAssignee && !(f.assigneeRoles ?? []).includes(t.requiresAssignee))
    return { ok: false, reason: "missing_assignee", transition: key, role: t.requiresAssignee };
  const missing = def.attachments
    .filter((a) => a.requiredBefore === key && !(f.attachmentKinds ?? []).includes(a.kind))
    .map((a) => a.kind);
  if (missing.length) return { ok: false, reason: "missing_attachment", transition: key, kinds: missing };
  const to = stateOf(def, t.to);
  if (!to) return { ok: false, reason: "unknown_transition", transition: key }; // validateDefinition forbids this
  return { ok: true, transition: t, to };
}

/** Transitions the caller could take now (before preconditions such as comments and attachments). */
export function availableTransitions(def: CaseTypeDef, state: string, parties: readonly Party[]): TransitionDef[] {
  return def.transitions.filter((t) => t.from.includes(state) && t.by.some((p) => parties.includes(p)));
}

/** Problems with a definition; [] when it is sound. Checked by the tests for every shipped case type. */
export function validateDefinition(def: CaseTypeDef): string[] {
  const problems: string[] = [];
  const states = new Set(def.states.map((s) => s.key));
  if (states.size !== def.states.length) problems.push("duplicate state keys");
  if (!states.has(def.initial)) problems.push(`initial state ${def.initial} is not declared`);
  const keys = new Set<string>();
  for (const t of def.transitions) {
    if (keys.has(t.key)) problems.push(`duplicate transition ${t.key}`);
    keys.add(t.key);
    if (!states.has(t.to)) problems.push(`${t.key}: target ${t.to} is not declared`);
    for (const f of t.from) {
      if (!states.has(f)) problems.push(`${t.key}: source ${f} is not declared`);
      if (stateOf(def, f)?.terminal) problems.push(`${t.key}: leaves terminal state ${f}`);
    }
    if (t.by.length === 0) problems.push(`${t.key}: nobody may take it`);
    if (t.requiresAssignee && !def.assigneeRole) problems.push(`${t.key}: requires an assignee but the type has none`);
  }
  for (const a of def.attachments)
    if (a.requiredBefore && !keys.has(a.requiredBefore))
      problems.push(`attachment ${a.kind}: required before unknown transition ${a.requiredBefore}`);
  for (const n of def.notifications)
    if (!keys.has(n.on) && n.on !== "overdue" && n.on !== "escalated")
      problems.push(`notification on unknown event ${n.on}`);
  // Every state reachable from the initial one; every non-terminal state has a way out.
  const seen = new Set([def.initial]);
  const queue = [def.initial];
  while (queue.length) {
    const s = queue.shift() as string;
    for (const t of def.transitions)
      if (t.from.includes(s) && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
  }
  for (const s of def.states) {
    if (!seen.has(s.key)) problems.push(`state ${s.key} is unreachable`);
    if (!s.terminal && !def.transitions.some((t) => t.from.includes(s.key)))
      problems.push(`state ${s.key} is not terminal but has no way out`);
  }
  return problems;
}

/** Who a transition or deadline event notifies. */
export function recipientsOf(def: CaseTypeDef, event: string): readonly Party[] {
  return [...new Set(def.notifications.filter((n) => n.on === event).flatMap((n) => n.to))];
}
