import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PASSWORD_POLICIES, type PasswordPolicyName } from "@zhichan/core/accounts/index.ts";

export interface AccountsConfig {
  dataKey: Buffer;
  passwordPolicy: PasswordPolicyName;
}

/**
 * The personal-data key: ZHICHAN_DATA_KEY (base64 of 32 bytes) when set; otherwise ZHICHAN_HOME/data.key, created
 * on first start with mode 0600. Losing the key loses the encrypted phone and ID numbers: back it up.
 */
export function loadDataKey(
  home: string,
  source: NodeJS.ProcessEnv = process.env,
  say: (s: string) => void = (s) => console.error(s),
): Buffer {
  if (source.ZHICHAN_DATA_KEY) {
    const key = Buffer.from(source.ZHICHAN_DATA_KEY, "base64");
    if (key.length !== 32) throw new Error("ZHICHAN_DATA_KEY must be base64 of exactly 32 bytes");
    return key;
  }
  const file = path.join(home, "data.key");
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    if (key.length !== 32) throw new Error(`${file} does not hold base64 of 32 bytes`);
    return key;
  }
  const key = crypto.randomBytes(32);
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  say(
    `Zhichan: generated the personal-data key ${file} (mode 0600) — back it up, or set ZHICHAN_DATA_KEY · 已生成个人信息加密密钥，请备份`,
  );
  return key;
}

export function readPasswordPolicy(source: NodeJS.ProcessEnv = process.env): PasswordPolicyName {
  const name = source.ZHICHAN_PASSWORD_POLICY ?? "dengbao";
  if (!(name in PASSWORD_POLICIES))
    throw new Error(`ZHICHAN_PASSWORD_POLICY must be one of ${Object.keys(PASSWORD_POLICIES).join(", ")}`);
  return name as PasswordPolicyName;
}

export function readAccountsConfig(home: string, source: NodeJS.ProcessEnv = process.env): AccountsConfig {
  return { dataKey: loadDataKey(home, source), passwordPolicy: readPasswordPolicy(source) };
}
