import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "../../db/connection.js";
import type { Clock } from "../accounts/clock.js";
import type { DataCipher } from "../accounts/data-cipher.js";
import { claimDue, markRetry, markSent, type OutboxRow } from "./mail.repository.js";
import { maskEmail } from "./mail-address.js";
import type { MailSettings } from "./mail-settings.js";

/** Waits after the n-th failed try: 1, 2, 4 … minutes, at most an hour; a message is never dropped for being late. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** A 5xx answer (recipient refused, say) is permanent; after this many tries the row is `failed`, not retried. */
const PERMANENT_AFTER = 3;

interface Logger {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
}

export interface TickResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Delivers the outbox. A row is marked sent only after the SMTP server accepted the message (nodemailer resolves
 * after the 250 to DATA), so a crash or a dead server leaves it pending: it is tried again once its lease (10 min)
 * runs out. The one window for a duplicate is a crash between the server's 250 and our UPDATE (at-least-once).
 * Logs name messages by id and masked address only.
 */
export class MailSender {
  private transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickResult> | null = null;

  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
    private readonly clock: Clock,
    private readonly settings: MailSettings | null,
    private readonly log: Logger | null = null,
    private readonly opts = { leaseMs: 600_000, batch: 20 },
  ) {
    this.transport = settings ? transportFor(settings) : null;
  }

  /** Sends what is due now; overlapping calls share one run, so a row is never sent twice by this process. */
  tick(): Promise<TickResult> {
    if (!this.running) this.running = this.run().finally(() => (this.running = null));
    return this.running;
  }

  /** Sends every `intervalMs` (main.ts); the timer does not keep the process alive. */
  start(intervalMs = 15_000): void {
    if (!this.transport || this.timer) return;
    this.timer = setInterval(() => void this.tick().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.transport?.close();
  }

  private async run(): Promise<TickResult> {
    const out = { sent: 0, retried: 0, failed: 0 };
    if (!this.transport || !this.settings) return out;
    const rows = claimDue(this.db, this.clock.now(), this.opts.leaseMs, this.opts.batch);
    for (const row of rows) {
      const r = await this.deliver(row);
      out[r]++;
    }
    return out;
  }

  private async deliver(row: OutboxRow): Promise<keyof TickResult> {
    try {
      const info = await this.transport!.sendMail({
        from: this.settings!.from,
        to: this.cipher.decrypt(row.to_enc),
        subject: row.subject,
        text: row.body,
        messageId: `<outbox-${row.id}-${row.created_at}@zhichan>`, // the same id on a retry: receivers can dedupe
      });
      if ((info.rejected ?? []).length > 0) throw Object.assign(new Error("recipient rejected"), { responseCode: 550 });
      markSent(this.db, row.id, this.clock.now());
      this.log?.info({ mail: row.id, to: row.to_mask }, "mail sent");
      return "sent";
    } catch (err) {
      const e = err as { responseCode?: number; code?: string; message?: string };
      const permanent = (e.responseCode ?? 0) >= 500 && row.attempts + 1 >= PERMANENT_AFTER;
      // an SMTP answer may quote the address: it is masked before it reaches the row or the log
      const why = `${e.responseCode ?? e.code ?? ""} ${e.message ?? String(err)}`
        .trim()
        .replace(/[^\s<>@]+@[^\s<>]+/g, maskEmail);
      markRetry(this.db, row.id, this.clock.now() + backoffMs(row.attempts + 1), why, permanent);
      this.log?.warn({ mail: row.id, to: row.to_mask, error: why }, permanent ? "mail failed" : "mail retry later");
      return permanent ? "failed" : "retried";
    }
  }
}

function transportFor(s: MailSettings): Transporter {
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.tls === "implicit",
    requireTLS: s.tls === "starttls",
    ignoreTLS: s.tls === "none",
    auth: s.user ? { user: s.user, pass: s.pass ?? "" } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}
