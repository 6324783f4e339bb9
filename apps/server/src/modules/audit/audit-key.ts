import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const AUDIT_KEY_FILE = "audit.key";

/**
 * The audit key, kept OUTSIDE the database so that someone who can write the database file (or run SQL on it) cannot
 * recompute the chain: ZHICHAN_AUDIT_KEY (base64 of 32 bytes) when set; otherwise ZHICHAN_HOME/audit.key, created on
 * first start with mode 0600 — the same arrangement as the personal-data key (data.key), in a file of its own so one
 * key can be rotated or escrowed without the other. Losing it makes the existing log unverifiable: back it up.
 */
export function loadAuditKey(
  home: string,
  o: { source?: NodeJS.ProcessEnv; create?: boolean; say?: (s: string) => void } = {},
): Buffer {
  const source = o.source ?? process.env;
  if (source.ZHICHAN_AUDIT_KEY) {
    const key = Buffer.from(source.ZHICHAN_AUDIT_KEY, "base64");
    if (key.length !== 32) throw new Error("ZHICHAN_AUDIT_KEY must be base64 of exactly 32 bytes");
    return key;
  }
  const file = path.join(home, AUDIT_KEY_FILE);
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    if (key.length !== 32) throw new Error(`${file} does not hold base64 of 32 bytes`);
    return key;
  }
  if (o.create === false)
    throw new Error(`no audit key at ${file} (nor ZHICHAN_AUDIT_KEY): the keyed chain cannot be checked without it`);
  const key = crypto.randomBytes(32);
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  (o.say ?? ((s) => console.error(s)))(
    `Zhichan: generated the audit key ${file} (mode 0600) — back it up, or set ZHICHAN_AUDIT_KEY · 已生成审计日志密钥，请备份`,
  );
  return key;
}

/** Two keys derived from the one secret, so a chain MAC can never be replayed as a checkpoint MAC or back. */
export interface AuditKeys {
  chain: Buffer;
  checkpoint: Buffer;
}

export function deriveAuditKeys(secret: Buffer): AuditKeys {
  const derive = (info: string) => Buffer.from(crypto.hkdfSync("sha256", secret, Buffer.alloc(0), info, 32));
  return { chain: derive("zhichan audit chain v1"), checkpoint: derive("zhichan audit checkpoint v1") };
}
