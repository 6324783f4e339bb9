import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import {
  freePort,
  SMTP_PASS,
  SMTP_USER,
  startTestSmtp,
  subjectOf,
  type TestSmtp,
} from "../../testing/smtp-test-server.js";
import { FakeClock, HOUR, MINUTE } from "../accounts/clock.js";
import { DataCipher } from "../accounts/data-cipher.js";
import { claimDue } from "./mail.repository.js";
import { type MailMessage, MailService } from "./mail.service.js";
import { MailSender } from "./mail-sender.js";
import type { MailSettings } from "./mail-settings.js";

// Every test here sends to a real SMTP server (smtp-server) on 127.0.0.1 through nodemailer.
let db: Db;
let userId: number;
const cipher = new DataCipher(Buffer.alloc(32, 9));
const servers: TestSmtp[] = [];

beforeAll(async () => {
  ({ db } = await freshDb());
  userId = Number(
    db.sqlite
      .prepare(
        `INSERT INTO users (username, display_name, password_hash, password_changed_at, created_at)
         VALUES ('mail-user', '邮件用户', 'x', 0, 0)`,
      )
      .run().lastInsertRowid,
  );
});
afterAll(async () => db.close());
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  db.sqlite.exec("DELETE FROM mail_outbox");
});

const settingsFor = (port: number): MailSettings => ({
  host: "127.0.0.1",
  port,
  user: SMTP_USER,
  pass: SMTP_PASS,
  from: "知产平台 <noreply@zhichan.test>",
  tls: "none",
});

const MSG: MailMessage = {
  kind: "consultation",
  subject: { zh: "您的咨询已答复", en: "Your question was answered" },
  text: { zh: "答复内容见平台。", en: "See the answer on the platform." },
  link: "/consult/7",
};

function setup(port: number, clock = new FakeClock()) {
  const settings = settingsFor(port);
  const mail = new MailService(db, cipher, clock, settings, "https://ip.example.gov.cn");
  const sender = new MailSender(db, cipher, clock, settings);
  return { mail, sender, clock };
}

const row = (id: number) =>
  db.sqlite.prepare("SELECT * FROM mail_outbox WHERE id = ?").get(id) as {
    status: string;
    attempts: number;
    to_enc: string;
    to_mask: string;
    last_error: string | null;
  };

describe("the outbox over a real SMTP server", () => {
  it("delivers a user's mail in their language, with the address encrypted at rest and masked in the row", async () => {
    const smtp = await startTestSmtp();
    servers.push(smtp);
    const { mail, sender } = setup(smtp.port);
    mail.updateMySettings(userId, { email: "li.ming@example.com", language: "en" });
    const id = mail.enqueueForUser(userId, MSG)!;
    const stored = row(id);
    expect(stored.to_enc).not.toContain("li.ming");
    expect(stored.to_mask).toBe("l***@example.com");
    expect(await sender.tick()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["li.ming@example.com"]);
    expect(subjectOf(smtp.received[0]!.raw)).toBe("[Zhichan] Your question was answered");
    expect(smtp.received[0]!.raw).toContain("https://ip.example.gov.cn/consult/7");
    expect(row(id).status).toBe("sent");
    mail.updateMySettings(userId, { language: "zh" });
    mail.enqueueForUser(userId, MSG);
    await sender.tick();
    expect(subjectOf(smtp.received[1]!.raw)).toBe("【知产】您的咨询已答复");
  });

  it("keeps the mail while the server is down, retries with backoff, delivers once it is up — once", async () => {
    const port = await freePort();
    const { mail, sender, clock } = setup(port);
    const id = mail.enqueueToAddress("asker@example.org", "zh", MSG)!;
    expect(await sender.tick()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(row(id)).toMatchObject({ status: "pending", attempts: 1 });
    expect(row(id).last_error).toMatch(/ECONNREFUSED/);
    // not due again before its backoff has passed, even with the server up
    const smtp = await startTestSmtp(port);
    servers.push(smtp);
    expect(await sender.tick()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(MINUTE + 1);
    expect(await sender.tick()).toEqual({ sent: 1, retried: 0, failed: 0 });
    clock.advance(HOUR);
    expect(await sender.tick()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["asker@example.org"]);
    expect(row(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("sends a message once when two ticks overlap, and a row another sender holds waits for its lease", async () => {
    const smtp = await startTestSmtp();
    servers.push(smtp);
    const { mail, sender, clock } = setup(smtp.port);
    const a = mail.enqueueToAddress("a@example.org", "zh", MSG)!;
    const b = mail.enqueueToAddress("b@example.org", "zh", MSG)!;
    await Promise.all([sender.tick(), sender.tick(), sender.tick()]);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(["a@example.org", "b@example.org"]);
    expect([row(a).status, row(b).status]).toEqual(["sent", "sent"]);

    // a sender that claimed a row and died before the server answered: the row is not lost, only leased
    const c = mail.enqueueToAddress("c@example.org", "zh", MSG)!;
    expect(claimDue(db, clock.now(), 10 * MINUTE, 10).map((r) => r.id)).toEqual([c]);
    const restarted = new MailSender(db, cipher, clock, settingsFor(smtp.port));
    expect((await restarted.tick()).sent).toBe(0);
    clock.advance(10 * MINUTE);
    expect((await restarted.tick()).sent).toBe(1);
    expect(smtp.received.filter((m) => m.to[0] === "c@example.org")).toHaveLength(1);
  });

  it("refuses wrong credentials without losing the mail", async () => {
    const smtp = await startTestSmtp();
    servers.push(smtp);
    const clock = new FakeClock();
    const wrong = { ...settingsFor(smtp.port), pass: "wrong" };
    const mail = new MailService(db, cipher, clock, wrong);
    const id = mail.enqueueToAddress("d@example.org", "en", MSG)!;
    expect((await new MailSender(db, cipher, clock, wrong).tick()).retried).toBe(1);
    expect(smtp.received).toHaveLength(0);
    expect(row(id).status).toBe("pending");
    clock.advance(MINUTE + 1);
    expect((await new MailSender(db, cipher, clock, settingsFor(smtp.port)).tick()).sent).toBe(1);
  });
});

describe("without SMTP settings, or with e-mail turned off", () => {
  it("sends nothing and says so in the outbox", async () => {
    const clock = new FakeClock();
    const mail = new MailService(db, cipher, clock, null);
    mail.updateMySettings(userId, { email: "li.ming@example.com" });
    const id = mail.enqueueForUser(userId, MSG)!;
    expect(row(id).status).toBe("unconfigured");
    expect(await new MailSender(db, cipher, clock, null).tick()).toEqual({ sent: 0, retried: 0, failed: 0 });
    const view = mail.outbox();
    expect(view.configured).toBe(false);
    expect(view.note).toMatch(/未配置邮件服务器/);
    expect(view.counts.unconfigured).toBe(1);
    expect(view.rows[0]!.to).toBe("l***@example.com");
    expect(mail.mySettings(userId).serverConfigured).toBe(false);
  });

  it("does not enqueue a kind the user turned off, nor for a user without an address", async () => {
    const mail = new MailService(db, cipher, new FakeClock(), settingsFor(1));
    mail.updateMySettings(userId, { email: "li.ming@example.com", kinds: { consultation: false } });
    expect(mail.enqueueForUser(userId, MSG)).toBeNull();
    expect(mail.enqueueForUser(userId, { ...MSG, kind: "case" })).not.toBeNull();
    expect(mail.mySettings(userId).kinds).toMatchObject({ consultation: false, case: true });
    mail.updateMySettings(userId, { email: null, kinds: { consultation: true } });
    expect(mail.enqueueForUser(userId, MSG)).toBeNull();
  });

  it("enqueues a message with a dedupe key once", async () => {
    const mail = new MailService(db, cipher, new FakeClock(), settingsFor(1));
    const m = { ...MSG, dedupeKey: "appointment-reminder:1" };
    expect(mail.enqueueToAddress("e@example.org", "zh", m)).not.toBeNull();
    expect(mail.enqueueToAddress("e@example.org", "zh", m)).toBeNull();
  });
});
