import crypto from "node:crypto";

/**
 * Personal data at rest: AES-256-GCM with a random 96-bit nonce per value, stored as "v1:" + base64(nonce|tag|ct).
 * A second key, derived with HKDF, gives a keyed hash (HMAC-SHA-256) so an ID number can be unique without
 * being readable.
 */
export class DataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error("the data key must be 32 bytes");
    this.encKey = Buffer.from(crypto.hkdfSync("sha256", key, Buffer.alloc(0), "zhichan pii enc v1", 32));
    this.macKey = Buffer.from(crypto.hkdfSync("sha256", key, Buffer.alloc(0), "zhichan pii mac v1", 32));
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv("aes-256-gcm", this.encKey, iv);
    const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
    return `v1:${Buffer.concat([iv, c.getAuthTag(), ct]).toString("base64")}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith("v1:")) throw new Error("unknown ciphertext version");
    const raw = Buffer.from(stored.slice(3), "base64");
    const d = crypto.createDecipheriv("aes-256-gcm", this.encKey, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8");
  }

  blindIndex(value: string): string {
    return crypto.createHmac("sha256", this.macKey).update(value).digest("hex");
  }
}
