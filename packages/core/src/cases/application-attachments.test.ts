import { describe, expect, it } from "vitest";
import { atApplication, attachmentMaxBytes, requiredAtApplication } from "./application-attachments.js";
import { checkTransition } from "./machine.js";
import { CASE_TYPES, mediation, protectionRegistration, rightsAssistance } from "./types/index.js";

describe("attachments asked for at application", () => {
  it("requires what the office's first decision needs, offers the optional ones, skips later ones", () => {
    expect(requiredAtApplication(protectionRegistration)).toEqual(["business_licence"]);
    expect(rightsAssistance.attachments.map((a) => atApplication(rightsAssistance, a))).toEqual(["optional"]);
    // the agreement and the court's ruling are produced during mediation, not by the applicant up front
    expect(mediation.attachments.map((a) => atApplication(mediation, a))).toEqual([null, null]);
  });

  it("for every shipped type: once the required ones are attached, no first decision fails for attachments", () => {
    for (const def of CASE_TYPES) {
      const attached = requiredAtApplication(def);
      for (const t of def.transitions.filter((x) => x.from.includes(def.initial))) {
        const check = checkTransition(def, t.key, {
          state: def.initial,
          parties: t.by,
          hasComment: true,
          assigneeRoles: def.assigneeRole ? [def.assigneeRole] : [],
          attachmentKinds: attached,
        });
        expect(check.ok || check.reason, `${def.key}.${t.key}`).not.toBe("missing_attachment");
      }
    }
  });

  it("uses the default size limit unless a kind says less", () => {
    const a = protectionRegistration.attachments[0]!;
    expect(attachmentMaxBytes(a)).toBe(10 * 1024 * 1024);
    expect(attachmentMaxBytes({ ...a, maxBytes: 1000 })).toBe(1000);
  });
});
