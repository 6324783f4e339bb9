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
import { DAY } from "../accounts/clock.js";
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

describe("escalation by e-mail and in the bell", () => {
  it("tells the city-wide and the district's officials once per question, and no other district's", async () => {
    const mailOf = (c: Caller, email: string, language: "zh" | "en") =>
      k.t.all!.mail.updateMySettings(c.id, { email, language });
    const jinshui = await k.user("smtp-jinshui", "official", { district: "410105" });
    const zhongyuan = await k.user("smtp-zhongyuan", "official", { district: "410102" });
    mailOf(official, "city@ipo.example.gov.cn", "zh");
    mailOf(jinshui, "jinshui@ipo.example.gov.cn", "en");
    mailOf(zhongyuan, "zhongyuan@ipo.example.gov.cn", "zh");
    await k.t.all!.mailSender.tick(); // nothing of earlier tests left pending
    const before = smtp.received.length;
    const asked = await ent.post("/api/consultations", {
      topic: "protection",
      district: "410105",
      question: "我们的专利被仿冒，如何维权？",
    });
    const id = asked.body.consultation.id;
    const sweep = () => k.t.all!.serviceDesk.consultations.sweepDeadlines();
    k.t.clock.advance(8 * DAY); // overdue
    expect(sweep()).toMatchObject({ escalated: 0 });
    k.t.clock.advance(4 * DAY); // two working days later
    expect(sweep()).toMatchObject({ escalated: 1 });
    expect(sweep()).toMatchObject({ escalated: 0 }); // once per question
    await k.t.all!.mailSender.tick();
    const sent = smtp.received.slice(before);
    expect(sent.map((m) => m.to[0]).sort()).toEqual(["city@ipo.example.gov.cn", "jinshui@ipo.example.gov.cn"]);
    const en = sent.find((m) => m.to[0] === "jinshui@ipo.example.gov.cn")!;
    expect(subjectOf(en.raw)).toBe("[Zhichan] A question is overdue and has been escalated");
    expect(bodyOf(en.raw)).toContain("https://ip.example.gov.cn/consult/queue?status=overdue");
    const zh = sent.find((m) => m.to[0] === "city@ipo.example.gov.cn")!;
    expect(subjectOf(zh.raw)).toBe("【知产】咨询逾期未答复，已升级督办");
    // in the app: the supervisors' bells list it (unread while open); the other district's does not
    const bellOf = async (c: Caller) => (await c.get("/api/me/notifications")).body;
    const cityBell = await bellOf(official);
    expect(cityBell.items).toContainEqual(
      expect.objectContaining({ source: "consultation", id, question: "我们的专利被仿冒，如何维权？", unread: true }),
    );
    expect(cityBell.consultationUnread).toBe(1);
    expect((await bellOf(jinshui)).consultationUnread).toBe(1);
    expect((await bellOf(zhongyuan)).items.some((n: { source: string }) => n.source === "consultation")).toBe(false);
    // answered: it leaves the bell
    await jinshui.post(`/api/consultations/${id}/answer`, { answer: "请向金水区维权工作站提交材料。" });
    expect((await bellOf(official)).consultationUnread).toBe(0);
  });
});
