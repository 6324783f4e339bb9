/**
 * SMTP settings from the environment (docs/DEPLOY.md). Without SMTP_HOST nothing is e-mailed: the outbox keeps
 * each message as `unconfigured`, so the outbox page says why nobody got it.
 */
export type SmtpTls = "implicit" | "starttls" | "none";

export interface MailSettings {
  host: string;
  port: number;
  user: string | null;
  pass: string | null;
  from: string;
  /** implicit: TLS from the first byte (port 465); starttls: upgrade required (587); none: plain (a local relay). */
  tls: SmtpTls;
}

export function readMailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const tls = (env.SMTP_TLS?.trim() || (env.SMTP_PORT === "465" ? "implicit" : "starttls")) as SmtpTls;
  if (!["implicit", "starttls", "none"].includes(tls))
    throw new Error(`SMTP_TLS must be implicit, starttls or none, got ${env.SMTP_TLS}`);
  const port = Number(env.SMTP_PORT ?? (tls === "implicit" ? 465 : 587));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`SMTP_PORT must be 1..65535`);
  const from = env.SMTP_FROM?.trim();
  if (!from) throw new Error("SMTP_FROM is required with SMTP_HOST (the sender address, e.g. 知产平台 <noreply@…>)");
  return { host, port, user: env.SMTP_USER || null, pass: env.SMTP_PASS || null, from, tls };
}
