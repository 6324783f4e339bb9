import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../testing/auth-fixtures.js";
import {
  bodyOf,
  SMTP_PASS,
  SMTP_USER,
  startTestSmtp,
  subjectOf,
  type TestSmtp,
} from "../../testing/smtp-test-server.js";
import { type Caller, type CaseKit, caseKit } from "../cases/cases.test-kit.js";

// An answered question reaches the asker by e-mail through a real SMTP server: a signed-in enterprise at its own
// address in its language, a public asker at the contact they left, with their private link.
let smtp: TestSmtp;
let k: CaseKit;
let ent: Caller;
let official: Caller;

beforeAll(async () => {
  smtp = await startTestSmtp();
  const settings = {
    host: "127.0.0.1",
    port: smtp.port,
    user: SMTP_USER,
    pass: SMTP_PASS,
    from: "noreply@zhichan.test",
    tls: "none" as const,
  };
  k = await caseKit({ mail: { settings, publicUrl: "https://ip.example.gov.cn" } });
  ent = await k.user("smtp-ent", "enterprise", { org: k.org("郑州某科技有限公司", "91350100M000100Y43", "410105") });
  official = await k.user("smtp-off", "official");
});
afterAll(async () => {
  await k.close();
  await smtp.close();
});

describe("answers by e-mail", () => {
  it("e-mails the enterprise in English when an official answers", async () => {
    k.t.all!.mail.updateMySettings(ent.id, { email: "ip@qiye.example.com", language: "en" });
    const q = await ent.post("/api/consultations", {
      topic: "operations",
      district: "410105",
      question: "How do I pledge a patent?",
    });
    await official.post(`/api/consultations/${q.body.consultation.id}/answer`, {
      answer: "Register the pledge with CNIPA.",
    });
    expect(await k.t.all!.mailSender.tick()).toMatchObject({ sent: 1 });
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(["ip@qiye.example.com"]);
    expect(subjectOf(mail.raw)).toBe("[Zhichan] Your question has been answered");
    expect(bodyOf(mail.raw)).toContain("Register the pledge with CNIPA.");
  });

  it("e-mails a public asker at their contact, with the private link to rate the answer", async () => {
    const b = new TestBrowser(k.t.app);
    await b.get("/api/auth/csrf");
    const asked = (
      await b.post("/api/consultations", {
        topic: "patent",
        question: "专利费减怎么申请？",
        name: "王女士",
        email: "wang@example.org",
      })
    ).json();
    await official.post(`/api/consultations/${asked.consultation.id}/answer`, {
      answer: "在专利局系统中提交费减备案。",
    });
    await k.t.all!.mailSender.tick();
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(["wang@example.org"]);
    expect(subjectOf(mail.raw)).toBe("【知产】您的咨询已答复");
    expect(bodyOf(mail.raw)).toContain(`https://ip.example.gov.cn/consult/q/${asked.token}`);
    const rated = await b.post("/api/ratings", {
      subject: "consultation",
      id: asked.consultation.id,
      score: 5,
      token: asked.token,
    });
    expect(rated.statusCode).toBe(200);
  });
});
