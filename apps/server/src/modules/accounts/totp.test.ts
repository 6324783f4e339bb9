import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, newTotpSecret, otpauthUri, totpCounter, verifyTotp } from "./totp.js";

const RFC_KEY = Buffer.from("12345678901234567890");

describe("TOTP (RFC 6238, HMAC-SHA1)", () => {
  it("matches the RFC 6238 appendix B test vectors", () => {
    const vectors: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [t, code] of vectors) expect(hotp(RFC_KEY, totpCounter(t * 1000), 8)).toBe(code);
  });

  it("matches the RFC 4226 HOTP vectors (6 digits)", () => {
    expect([0, 1, 2, 9].map((c) => hotp(RFC_KEY, c))).toEqual(["755224", "287082", "359152", "520489"]);
  });

  it("round-trips base32", () => {
    expect(base32Encode(RFC_KEY)).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).toEqual(RFC_KEY);
    const s = newTotpSecret();
    expect(s).toHaveLength(32);
    expect(base32Encode(base32Decode(s))).toBe(s);
  });

  it("accepts one step of drift, refuses older steps and replays", () => {
    const secret = base32Encode(RFC_KEY);
    const t = 1111111111_000;
    const now = totpCounter(t);
    const code = hotp(RFC_KEY, now);
    expect(verifyTotp(secret, code, t, null)).toBe(now);
    expect(verifyTotp(secret, code, t, now)).toBeNull(); // replay
    expect(verifyTotp(secret, hotp(RFC_KEY, now - 1), t, null)).toBe(now - 1);
    expect(verifyTotp(secret, hotp(RFC_KEY, now - 2), t, null)).toBeNull();
    expect(verifyTotp(secret, "12345", t, null)).toBeNull();
  });

  it("writes an otpauth URI authenticator apps read", () => {
    expect(otpauthUri("ABC", "alice")).toBe(
      "otpauth://totp/Zhichan%20%E7%9F%A5%E4%BA%A7%3Aalice?secret=ABC&issuer=Zhichan%20%E7%9F%A5%E4%BA%A7&algorithm=SHA1&digits=6&period=30",
    );
  });
});
