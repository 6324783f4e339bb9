import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idCardCheckChar, isValidIdCardNumber, isValidUscc, USCC_ALPHABET, usccCheckChar } from "./checksums.js";

describe("resident ID number (GB 11643)", () => {
  it("accepts numbers with the right check character, including X", () => {
    expect(isValidIdCardNumber("11010519491231002X")).toBe(true); // the standard's own example
    expect(isValidIdCardNumber("440524188001010014")).toBe(true); // the standard's second example
    expect(isValidIdCardNumber(" 11010519491231002x ")).toBe(true);
  });

  it("rejects a wrong check character, a bad date, the wrong length or letters", () => {
    expect(isValidIdCardNumber("110105194912310021")).toBe(false);
    expect(isValidIdCardNumber("110105194913310020")).toBe(false); // month 13
    expect(isValidIdCardNumber("410105199002300000".slice(0, 17) + idCardCheckChar("41010519900230000"))).toBe(false); // 30 Feb
    expect(isValidIdCardNumber("11010519491231002")).toBe(false);
    expect(isValidIdCardNumber("1101051949123100AX")).toBe(false);
  });

  it("detects every single-digit change (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const good = "11010519491231002X";
        const changed = good.slice(0, pos) + String((Number(good[pos]) + delta) % 10) + good.slice(pos + 1);
        return idCardCheckChar(changed.slice(0, 17)) !== "X";
      }),
    );
  });
});

describe("unified social credit code (GB 32100)", () => {
  it("accepts real codes", () => {
    expect(isValidUscc("91350100M000100Y43")).toBe(true);
    expect(isValidUscc("91110000802100433B")).toBe(true); // a large state enterprise's published code
    expect(isValidUscc("91410100MA44XXXXX0".replace(/X/g, "0").slice(0, 17) + usccCheckChar("91410100MA4400000"))).toBe(
      true,
    );
  });

  it("rejects a wrong check character, forbidden letters and a non-numeric division code", () => {
    expect(isValidUscc("91350100M000100Y44")).toBe(false);
    expect(isValidUscc("91350100M000100YI3")).toBe(false);
    expect(isValidUscc("9135A100M000100Y43")).toBe(false);
    expect(isValidUscc("91350100M000100Y4")).toBe(false);
  });

  it("any 17 characters plus the computed check character is valid (property)", () => {
    const ch = fc.constantFrom(...USCC_ALPHABET);
    fc.assert(
      fc.property(
        fc.array(ch, { minLength: 2, maxLength: 2 }),
        fc.stringMatching(/^\d{6}$/),
        fc.array(ch, { minLength: 9, maxLength: 9 }),
        (a, b, c) => {
          const first = a.join("") + b + c.join("");
          return isValidUscc(first + usccCheckChar(first));
        },
      ),
    );
  });
});
