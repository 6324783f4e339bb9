import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CaseTypeDef, PARTIES, type Party } from "./definition.js";
import { availableTransitions, checkTransition, stateOf, validateDefinition } from "./machine.js";
import { CASE_TYPES, mediation, protectionRegistration } from "./types/index.js";

describe("shipped case types", () => {
  it.each(CASE_TYPES.map((t) => [t.key, t] as const))("%s is a sound definition", (_key, def) => {
    expect(validateDefinition(def)).toEqual([]);
  });

  it("have unique keys", () => {
    expect(new Set(CASE_TYPES.map((t) => t.key)).size).toBe(CASE_TYPES.length);
  });
});

describe("validateDefinition", () => {
  it("names undeclared states, unreachable states, dead ends and exits from terminal states", () => {
    const bad: CaseTypeDef = {
      ...protectionRegistration,
      states: [...protectionRegistration.states, { key: "limbo", label: { zh: "", en: "" } }],
      transitions: [
        ...protectionRegistration.transitions,
        { key: "vanish", label: { zh: "", en: "" }, from: ["registered"], to: "nowhere", by: ["official"] },
      ],
    };
    const problems = validateDefinition(bad);
    expect(problems).toContain("vanish: target nowhere is not declared");
    expect(problems).toContain("vanish: leaves terminal state registered");
    expect(problems).toContain("state limbo is unreachable");
    expect(problems).toContain("state limbo is not terminal but has no way out");
  });
});

describe("checkTransition", () => {
  const facts = { state: "submitted", parties: ["official"] as Party[] };

  it("refuses unknown transitions, the wrong state and the wrong party", () => {
    expect(checkTransition(mediation, "teleport", facts)).toMatchObject({ ok: false, reason: "unknown_transition" });
    expect(checkTransition(mediation, "reach_agreement", facts)).toMatchObject({ ok: false, reason: "wrong_state" });
    expect(checkTransition(mediation, "withdraw", facts)).toMatchObject({ ok: false, reason: "not_permitted" });
  });

  it("checks the comment, the assignee and the attachments a transition needs", () => {
    expect(checkTransition(mediation, "reject", facts)).toMatchObject({ reason: "missing_comment" });
    expect(checkTransition(mediation, "accept", facts)).toMatchObject({ reason: "missing_assignee", role: "mediator" });
    expect(checkTransition(mediation, "accept", { ...facts, assigneeRoles: ["mediator"] })).toMatchObject({
      ok: true,
      to: { key: "mediating" },
    });
    const agree = { state: "mediating", parties: ["assignee"] as Party[] };
    expect(checkTransition(mediation, "reach_agreement", agree)).toMatchObject({
      reason: "missing_attachment",
      kinds: ["agreement"],
    });
    expect(checkTransition(mediation, "reach_agreement", { ...agree, attachmentKinds: ["agreement"] }).ok).toBe(true);
  });

  it("lists what a party may do now", () => {
    expect(availableTransitions(mediation, "submitted", ["applicant"]).map((t) => t.key)).toEqual(["withdraw"]);
    expect(availableTransitions(mediation, "agreement", ["official"]).map((t) => t.key)).toEqual(["close"]);
  });
});

describe("transition tables (property)", () => {
  const action = (def: CaseTypeDef) =>
    fc.record({
      transition: fc.oneof(fc.constantFrom(...def.transitions.map((t) => t.key)), fc.string({ maxLength: 6 })),
      parties: fc.subarray([...PARTIES]),
      hasComment: fc.boolean(),
      assigneeRoles: fc.subarray(["official", "expert", "mediator", "investigator"]),
      attachmentKinds: fc.subarray(def.attachments.map((a) => a.kind)),
    });

  it.each(CASE_TYPES.map((t) => [t.key, t] as const))(
    "%s: no sequence of actions reaches an undeclared state or leaves a terminal one",
    (_key, def) => {
      fc.assert(
        fc.property(fc.array(action(def), { maxLength: 30 }), (actions) => {
          let state = def.initial;
          for (const a of actions) {
            const before = stateOf(def, state);
            const check = checkTransition(def, a.transition, { state, ...a });
            if (!check.ok) continue;
            expect(before?.terminal).not.toBe(true);
            const declared = def.transitions.find((t) => t.key === a.transition);
            expect(declared?.from).toContain(state);
            expect(declared?.by.some((p) => a.parties.includes(p))).toBe(true);
            state = check.to.key;
            expect(stateOf(def, state)).toBeDefined();
          }
        }),
        { numRuns: 200 },
      );
    },
  );
});
