import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeAn, normalizePn } from "./index/numbers.js";
import { numberHash } from "./index/number-hash.js";
import { readInto, readings } from "./lookup.js";

/** The readings as first written, with regular expressions: the fast path over code units must answer the same. */
function reference(raw: string): { pn: string; an: string } {
  const s = (/[^ -~]/.test(raw) ? raw.normalize("NFKC") : raw).toUpperCase().trim();
  const an = normalizeAn(s.replace(/^ZL/, ""));
  return { pn: normalizePn(s), an: an !== "" && /^[\dX]+$/.test(an) ? an : "" };
}

describe("readings of a typed number", () => {
  it("answer what the regular-expression reference answers, for any mix of the characters numbers are typed with", () => {
    const unit = fc.constantFrom(..."0123456789ACLNXZUBWOaclnxz -.．１Ｚ　".split(""));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 16 }), (chars) => {
        const raw = chars.join("");
        expect(readings(raw)).toEqual(reference(raw));
        // the PN's hash, taken while reading it, is the one it is filed under
        const pn = [""];
        const hash = new Uint32Array(1);
        readInto(raw, pn, [""], hash, 0);
        expect(hash[0]).toBe(numberHash(pn[0]));
      }),
      { numRuns: 20_000 },
    );
  });

  it("read the spellings people paste", () => {
    expect(readings("CN114661197A")).toEqual({ pn: "CN114661197A", an: "" });
    expect(readings("ZL202110000001X")).toEqual({ pn: "ZL202110000001X", an: "202110000001X" });
    expect(readings("CN202110000001")).toEqual({ pn: "CN202110000001", an: "202110000001" });
    expect(readings("114661197")).toEqual({ pn: "CN114661197", an: "114661197" });
    expect(readings("ZLCN2021100000015")).toEqual({ pn: "ZLCN2021100000015", an: "2021100000015" });
  });
});
