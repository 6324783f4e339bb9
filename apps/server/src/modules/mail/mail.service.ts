import { AppError } from "@zhichan/core";
import { MAIL_KINDS, type MailKind, type MyMailSettings, type UpdateMyMailSettings } from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { Clock } from "../accounts/clock.js";
import type { DataCipher } from "../accounts/data-cipher.js";
import {
  insertOutbox,
  mailSettingsOf,
  outboxCounts,
  preferencesOf,
  recentOutbox,
  saveMailSettings,
  setPreference,
} from "./mail.repository.js";
import { maskEmail } from "./mail-address.js";
import type { MailSettings } from "./mail-settings.js";

export type Language = "zh" | "en";
export type Localized = Record<Language, string>;

/** What another module hands the outbox: both languages, so each person gets theirs. */
export interface MailMessage {
  kind: MailKind;
  subject: Localized;
  text: Localized;
  /** A path in the web app (/cases/12) or an absolute URL; a path is made absolute with ZHICHAN_PUBLIC_URL. */
  link?: string | null;
  /** A message with the same key is enqueued once (e.g. `appointment-reminder:42`). */
  dedupeKey?: string;
}

const FOOTER: Localized = {
  zh: "—— 知产平台。您可在“我的账户”中关闭此类邮件。",
  en: "— Zhichan. You can turn these e-mails off on your account page.",
};

/**
 * The mail module's service API: other modules enqueue; the sender (mail-sender.ts) delivers. Enqueueing is one
 * INSERT in the caller's thread, so it can sit inside (or right after) the transaction whose change it announces.
 */
export class MailService {
  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
    private readonly clock: Clock,
    private readonly settings: MailSettings | null,
    private readonly publicUrl: string | null = null,
  ) {}

  get configured(): boolean {
    return this.settings !== null;
  }

  /** E-mails a user in their language if they gave an address and left this kind on; returns the row id or null. */
  enqueueForUser(userId: number, m: MailMessage): number | null {
    const s = mailSettingsOf(this.db, userId);
    if (!s?.email_enc || preferencesOf(this.db, userId).get(m.kind) === false) return null;
    return this.insert(userId, s.email_enc, s.email_mask ?? "***", s.language as Language, m);
  }

  /** E-mails an address that belongs to no account (a public asker's contact); checked like a user's. */
  enqueueToAddress(address: string, language: Language, m: MailMessage): number | null {
    return this.insert(null, this.cipher.encrypt(address), maskEmail(address), language, m);
  }

  /** The user's language for messages built elsewhere (zh unless they chose English). */
  languageOf(userId: number): Language {
    return (mailSettingsOf(this.db, userId)?.language as Language | undefined) ?? "zh";
  }

  mySettings(userId: number): MyMailSettings {
    const s = mailSettingsOf(this.db, userId);
    const prefs = preferencesOf(this.db, userId);
    return {
      email: s?.email_mask ?? null,
      language: (s?.language as Language | undefined) ?? "zh",
      kinds: Object.fromEntries(MAIL_KINDS.map((k) => [k, prefs.get(k) ?? true])) as Record<MailKind, boolean>,
      serverConfigured: this.configured,
    };
  }

  updateMySettings(userId: number, body: z.infer<typeof UpdateMyMailSettings>): MyMailSettings {
    const cur = mailSettingsOf(this.db, userId) ?? { email_enc: null, email_mask: null, language: "zh" };
    const next = { ...cur };
    if (body.email !== undefined) {
      next.email_enc = body.email === null ? null : this.cipher.encrypt(body.email);
      next.email_mask = body.email === null ? null : maskEmail(body.email);
    }
    if (body.language) next.language = body.language;
    const tx = this.db.sqlite.transaction(() => {
      saveMailSettings(this.db, userId, next, this.clock.now());
      for (const [k, on] of Object.entries(body.kinds ?? {})) setPreference(this.db, userId, k, on === true);
    });
    tx();
    return this.mySettings(userId);
  }

  outbox(limit = 100, status?: string) {
    const counts = { pending: 0, sent: 0, failed: 0, unconfigured: 0, ...outboxCounts(this.db) };
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    return {
      configured: this.configured,
      note: this.configured
        ? null
        : "未配置邮件服务器（SMTP_HOST 等），邮件未发送 · no SMTP server is configured (SMTP_HOST …): nothing is e-mailed",
      counts,
      rows: recentOutbox(this.db, limit, status).map((r) => ({
        id: r.id,
        kind: r.kind as MailKind,
        to: r.to_mask,
        subject: r.subject,
        status: r.status as "pending",
        attempts: r.attempts,
        nextAttemptAt: r.status === "pending" ? iso(r.next_attempt_at) : null,
        lastError: r.last_error,
        createdAt: iso(r.created_at)!,
        sentAt: iso(r.sent_at),
      })),
    };
  }

  private insert(userId: number | null, toEnc: string, toMask: string, lang: Language, m: MailMessage): number | null {
    if (!m.subject[lang] || !m.text[lang]) throw new AppError("INTERNAL", "a message without its text");
    const link = m.link ? (m.link.startsWith("/") && this.publicUrl ? this.publicUrl + m.link : m.link) : null;
    const body = [m.text[lang], link ?? "", FOOTER[lang]].filter(Boolean).join("\n\n");
    return insertOutbox(this.db, {
      user_id: userId,
      kind: m.kind,
      to_enc: toEnc,
      to_mask: toMask,
      subject: `${lang === "zh" ? "【知产】" : "[Zhichan] "}${m.subject[lang]}`,
      body,
      link,
      dedupe_key: m.dedupeKey ?? null,
      status: this.configured ? "pending" : "unconfigured",
      created_at: this.clock.now(),
    });
  }
}
