import { describe, expect, it } from "vitest";
import { approvalNeedsReason, brandAuthority, withinAuthority } from "./brand-approval.js";
import { creditGrade, openSeriousViolations } from "./credit-grade.js";

describe("brand approvals", () => {
  it("lets a city-wide official grant the municipal level only, and a district official none", () => {
    const city = brandAuthority({ district: null });
    expect(withinAuthority("municipal", city)).toBe(true);
    expect(withinAuthority("provincial", city)).toBe(false);
    expect(withinAuthority("national", city)).toBe(false);
    expect(withinAuthority("municipal", brandAuthority({ district: "410105" }))).toBe(false);
  });

  it("asks a reason for grades C and D and for an open serious violation", () => {
    expect(approvalNeedsReason("B", 0)).toBe(false);
    expect(approvalNeedsReason("C", 0)).toBe(true);
    expect(approvalNeedsReason("D", 0)).toBe(true);
    expect(approvalNeedsReason("A", 1)).toBe(true);
  });

  it("a serious violation is open inside the look-back window only", () => {
    const v = [
      { kind: "abnormal_filing", date: "2021-05-01" },
      { kind: "abnormal_filing", date: "2024-05-01" },
      { kind: "complaint_upheld", date: "2025-01-01" },
    ];
    expect(openSeriousViolations(v, "2025-06-01").map((x) => x.date)).toEqual(["2024-05-01"]);
  });

  it("a municipal brand adds no credit points unless a city's rules list some", () => {
    const r = creditGrade({ violations: [], brand: "municipal" }, "2025-06-01");
    expect(r.score).toBe(100);
    expect(r.reasons.map((x) => x.kind)).toEqual(["start"]);
  });
});
