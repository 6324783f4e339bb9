import { z } from "zod";

/** Notification kinds a person can have e-mailed, each switched on or off on their own page (/me). */
export const MAIL_KINDS = ["case", "consultation", "appointment", "alert"] as const;
export const MailKind = z.enum(MAIL_KINDS);
export type MailKind = z.infer<typeof MailKind>;

export const MailLanguage = z.enum(["zh", "en"]);

/** An e-mail address as people type it: trimmed, one @, no spaces, at most 254 characters (RFC 5321). */
export const EmailAddress = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/, "not an e-mail address");

export const MyMailSettings = z.object({
  /** Masked (a***@example.com); the plain address is never sent back. */
  email: z.string().nullable(),
  language: MailLanguage,
  kinds: z.record(MailKind, z.boolean()),
  /** false: the server has no SMTP settings, so nothing is e-mailed (the outbox keeps what would have been). */
  serverConfigured: z.boolean(),
});
export type MyMailSettings = z.infer<typeof MyMailSettings>;

export const UpdateMyMailSettings = z.object({
  /** null removes the address. */
  email: EmailAddress.nullable().optional(),
  language: MailLanguage.optional(),
  kinds: z.partialRecord(MailKind, z.boolean()).optional(),
});

export const MailOutboxStatus = z.enum(["pending", "sent", "failed", "unconfigured"]);
export const MailOutboxRow = z.object({
  id: z.number().int(),
  kind: MailKind,
  to: z.string(),
  subject: z.string(),
  status: MailOutboxStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const MailOutboxView = z.object({
  configured: z.boolean(),
  /** Why nothing is sent, in words, when not configured. */
  note: z.string().nullable(),
  counts: z.record(MailOutboxStatus, z.number().int()),
  rows: z.array(MailOutboxRow),
});
export type UpdateMyMailSettingsInput = z.input<typeof UpdateMyMailSettings>;
