import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../testing/auth-fixtures.js";
import { DAY } from "../accounts/clock.js";
import { type Caller, type CaseKit, caseKit, REGISTRATION_FORM } from "../cases/cases.test-kit.js";

// 咨询, 预约 and 好差评 over HTTP: routing, who may read what, capacity, deadlines, reminders, ratings.
let k: CaseKit;
let ent: Caller;
let other: Caller;
let official: Caller;
let farOfficial: Caller;
let agencyMember: Caller;
let agencyId: number;

beforeAll(async () => {
  k = await caseKit();
  const entOrg = k.org("郑州某电池科技有限公司", "91350100M000100Y43", "410105");
  ent = await k.user("desk-ent", "enterprise", { org: entOrg });
  other = await k.user("desk-other", "enterprise");
  official = await k.user("desk-off", "official", { district: "410105" });
  farOfficial = await k.user("desk-far", "official", { district: "410102" });
  const agencyOrg = k.org("郑州某专利代理事务所", "91410100MA0000001X", "410105", "agency");
  agencyMember = await k.user("desk-agent", "agency", { org: agencyOrg });
  const now = new Date().toISOString();
  agencyId = Number(
    k.t.db.sqlite
      .prepare(
        `INSERT INTO registry_orgs (name, category, credit_code, district_code, status, source, created_at, updated_at)
         VALUES ('郑州某专利代理事务所', 'agency', '91410100MA0000001X', '410105', 'active', 'manual', ?, ?)`,
      )
      .run(now, now).lastInsertRowid,
  );
});
afterAll(async () => k.close());

const anon = async (remoteAddress = "203.0.113.9") => {
  const b = new TestBrowser(k.t.app, { remoteAddress });
  await b.get("/api/auth/csrf");
  return b;
};

describe("consultation", () => {
  it("takes a public question with a contact, and refuses one without, in words", async () => {
    const b = await anon();
    const none = await b.post("/api/consultations", { topic: "patent", question: "专利年费怎么缴纳？" });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/邮箱或手机号/);
    const ok = await b.post("/api/consultations", {
      topic: "patent",
      district: "410105",
      question: "专利年费怎么缴纳？",
      name: "张先生",
      email: "zhang@example.com",
    });
    expect(ok.statusCode).toBe(200);
    const { consultation, token } = ok.json();
    expect(consultation).toMatchObject({ status: "open", contact: "z***@example.com", routedTo: { kind: "office" } });
    expect(JSON.stringify(ok.json())).not.toContain("zhang@");
    // the private link reads it; nothing else public does
    expect((await b.get(`/api/consultations/by-token/${token}`)).json().question).toBe("专利年费怎么缴纳？");
    expect((await b.get(`/api/consultations/${consultation.id}`)).statusCode).toBe(401);
  });

  it("lets a public asker choose a district: protection goes to its workstation; an unknown district is refused", async () => {
    const b = await anon("203.0.113.21");
    const list = (await b.get("/api/consultations/districts")).json();
    expect(list.districts).toContainEqual({ code: "410105", name: "金水区", nameEn: "Jinshui District" });
    const now = new Date().toISOString();
    k.t.db.sqlite
      .prepare(
        `INSERT INTO registry_orgs (name, category, district_code, status, source, created_at, updated_at)
         VALUES ('金水区知识产权维权工作站', 'workstation', '410105', 'active', 'manual', ?, ?)`,
      )
      .run(now, now);
    const ask = (district: string) =>
      b.post("/api/consultations", {
        topic: "protection",
        district,
        question: "商标被人抢注怎么办？",
        name: "赵女士",
        phone: "13800001111",
        language: "en",
      });
    const routed = await ask("410105");
    expect(routed.statusCode).toBe(200);
    expect(routed.json().consultation).toMatchObject({
      district: "410105",
      routedTo: { kind: "workstation", name: "金水区知识产权维权工作站" },
    });
    const bad = await ask("110105"); // Beijing's Chaoyang: not one of Zhengzhou's districts
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ details: { field: "district" } });
    expect(bad.json().error.message).toMatch(/请从郑州市的区县中选择 · choose one of Zhengzhou's districts/);
    expect((await ask("41010")).statusCode).toBe(400); // not six digits: the schema refuses it
  });

  it("limits public questions per address per hour (captcha-free)", async () => {
    const b = await anon("203.0.113.77");
    const ask = () =>
      b.post("/api/consultations", { topic: "other", question: "一个问题一个问题", name: "李", phone: "13700001111" });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await ask()).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await ask()).json().error.message).toMatch(/提问过于频繁/);
  });

  it("routes to the chosen agency; its member and the district's officials answer, nobody else reads it", async () => {
    const asked = await ent.post("/api/consultations", {
      topic: "trademark",
      district: "410105",
      question: "商标续展需要哪些材料？",
      agencyId,
    });
    expect(asked.status).toBe(200);
    const id = asked.body.consultation.id;
    expect(asked.body.consultation.routedTo).toEqual({ kind: "agency", name: "郑州某专利代理事务所" });
    // security: another user and another district's official cannot read or answer it
    expect((await other.get(`/api/consultations/${id}`)).status).toBe(404);
    expect((await farOfficial.get(`/api/consultations/${id}`)).status).toBe(404);
    expect((await other.post(`/api/consultations/${id}/answer`, { answer: "随便答" })).status).toBe(404);
    expect((await other.get("/api/consultations/queue")).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    expect((await agencyMember.get("/api/consultations/queue")).body.items.map((c: { id: number }) => c.id)).toContain(
      id,
    );
    const answered = await agencyMember.post(`/api/consultations/${id}/answer`, {
      answer: "需要续展申请书和身份证明。",
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: "answered", answeredBy: expect.any(String) });
    expect((await official.post(`/api/consultations/${id}/answer`, { answer: "再答一次" })).status).toBe(409);
    expect((await ent.get("/api/consultations/mine")).body[0]).toMatchObject({ id, status: "answered" });
  });

  it("flags an unanswered question overdue after five working days and escalates it two later", async () => {
    const asked = await ent.post("/api/consultations", {
      topic: "patent",
      district: "410105",
      question: "迟迟无人答复？",
    });
    const id = asked.body.consultation.id;
    const sweep = () => k.t.all!.serviceDesk.consultations.sweepDeadlines();
    k.t.clock.advance(3 * DAY);
    sweep();
    expect((await official.get(`/api/consultations/${id}`)).body.overdue).toBe(false);
    k.t.clock.advance(5 * DAY); // a week and a day: five working days have passed
    sweep();
    expect((await official.get(`/api/consultations/${id}`)).body).toMatchObject({ overdue: true, escalated: false });
    k.t.clock.advance(4 * DAY);
    sweep();
    expect((await official.get(`/api/consultations/${id}`)).body.escalated).toBe(true);
    expect(
      (await official.get("/api/consultations/queue?status=overdue")).body.items.map((c: { id: number }) => c.id),
    ).toContain(id);
  });
});

describe("appointments", () => {
  let windowId: number;
  let slotId: number;
  const day = () => new Date(k.t.clock.now() + 2 * DAY).toISOString().slice(0, 10);

  it("lets an official of the district open a window and slots; others cannot", async () => {
    expect(
      (await farOfficial.post("/api/service-windows", { name: "金水区窗口", kind: "window", district: "410105" }))
        .status,
    ).toBe(403);
    expect((await ent.post("/api/service-windows", { name: "x窗口", kind: "window" })).status).toBe(403);
    const w = await official.post("/api/service-windows", {
      name: "金水区知识产权服务窗口",
      nameEn: "Jinshui IP service window",
      kind: "window",
      district: "410105",
      address: "金水区某路 1 号",
    });
    expect(w.status).toBe(200);
    windowId = w.body.id;
    const slots = await official.post(`/api/service-windows/${windowId}/slots`, {
      date: day(),
      slots: [{ start: "09:00", end: "09:30", capacity: 1 }],
    });
    expect(slots.status).toBe(200);
    slotId = slots.body[0].id;
    const bad = await official.post(`/api/service-windows/${windowId}/slots`, {
      date: day(),
      slots: [{ start: "10:00", end: "09:00", capacity: 1 }],
    });
    expect(bad.status).toBe(400);
  });

  it("refuses a day that is not on the calendar with 400 (the route fuzzer found a 500 for from=1800-27-71)", async () => {
    for (const from of ["1800-27-71", "2026-02-30"]) {
      const res = await (await anon()).get(`/api/service-windows/${windowId}/slots?from=${from}`);
      expect(res.statusCode, from).toBe(400);
    }
    const opened = await official.post(`/api/service-windows/${windowId}/slots`, {
      date: "2026-02-30",
      slots: [{ start: "09:00", end: "09:30", capacity: 1 }],
    });
    expect(opened.status).toBe(400);
  });

  it("books a place, refuses the over-capacity booking with 409 in words, keeps bookings private", async () => {
    const booked = await ent.post("/api/appointments", { slotId, purpose: "专利质押登记咨询" });
    expect(booked.status).toBe(200);
    const full = await other.post("/api/appointments", { slotId, purpose: "商标咨询" });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toMatch(/该时段已约满/);
    expect((await ent.post("/api/appointments", { slotId, purpose: "再约一次" })).status).toBe(409);
    // security: another user cannot cancel (or see) it
    expect((await other.post(`/api/appointments/${booked.body.id}/cancel`)).status).toBe(404);
    expect((await other.get("/api/appointments/mine")).body).toEqual([]);
    expect((await (await anon()).get(`/api/service-windows/${windowId}/slots?from=${day()}`)).json()[0]).toMatchObject({
      capacity: 1,
      booked: 1,
    });
    const list = await official.get(`/api/service-windows/${windowId}/appointments?date=${day()}`);
    expect(list.body.map((a: { person: string }) => a.person)).toEqual(["desk-ent"]);
    expect((await farOfficial.get(`/api/service-windows/${windowId}/appointments?date=${day()}`)).status).toBe(404);
  });

  it("reminds the day before, once, through the outbox; cancelling frees the place", async () => {
    k.t.all!.mail.updateMySettings(ent.id, { email: "qiye@example.com" });
    const reminders = () =>
      k.t.db.sqlite
        .prepare("SELECT count(*) AS n FROM mail_outbox WHERE dedupe_key LIKE 'appointment-reminder:%'")
        .get();
    expect(k.t.all!.serviceDesk.appointments.sweepReminders()).toBe(0); // two days ahead: not yet
    k.t.clock.advance(DAY);
    expect(k.t.all!.serviceDesk.appointments.sweepReminders()).toBe(1);
    expect(k.t.all!.serviceDesk.appointments.sweepReminders()).toBe(0);
    expect(reminders()).toEqual({ n: 1 });
    const mine = (await ent.get("/api/appointments/mine")).body[0];
    expect((await ent.post(`/api/appointments/${mine.id}/cancel`)).body.status).toBe("cancelled");
    expect((await other.post("/api/appointments", { slotId, purpose: "商标咨询" })).status).toBe(200);
  });
});

describe("好差评 and the service-quality page", () => {
  it("rates once after the service, shows averages and bad ratings to officials only", async () => {
    const q = (await ent.get("/api/consultations/mine")).body.find((c: { status: string }) => c.status === "answered");
    expect((await other.post("/api/ratings", { subject: "consultation", id: q.id, score: 5 })).status).toBe(404);
    const r = await ent.post("/api/ratings", { subject: "consultation", id: q.id, score: 2, comment: "答复太简单" });
    expect(r.status).toBe(200);
    expect((await ent.post("/api/ratings", { subject: "consultation", id: q.id, score: 5 })).status).toBe(409);
    const open = (await ent.get("/api/consultations/mine")).body.find((c: { status: string }) => c.status === "open");
    expect((await ent.post("/api/ratings", { subject: "consultation", id: open.id, score: 4 })).status).toBe(409);
    // an appointment before its slot has begun cannot be rated; after, it can
    const appt = (await other.get("/api/appointments/mine")).body[0];
    expect((await other.post("/api/ratings", { subject: "appointment", id: appt.id, score: 5 })).status).toBe(409);
    k.t.clock.advance(DAY + 12 * 3_600_000);
    expect((await other.post("/api/ratings", { subject: "appointment", id: appt.id, score: 5 })).status).toBe(200);
    expect((await ent.post("/api/ratings", { subject: "score", id: 1, score: 9 })).status).toBe(400);

    const page = await official.get("/api/service-quality");
    expect(page.status).toBe(200);
    expect(page.body.byService).toEqual(
      expect.arrayContaining([
        { service: "consultation:trademark", count: 1, average: 2 },
        { service: "appointment", count: 1, average: 5 },
      ]),
    );
    expect(page.body.byWindow[0]).toMatchObject({ name: "金水区知识产权服务窗口", average: 5 });
    expect(page.body.bad).toEqual([
      expect.objectContaining({ subject: "consultation", score: 2, comment: "答复太简单" }),
    ]);
    expect((await farOfficial.get("/api/service-quality")).body.bad).toEqual([]);
    expect((await ent.get("/api/service-quality")).status).toBe(403);
  });
});

describe("好差评 of a closed case", () => {
  it("shows the applicant whether the case can be rated, takes one rating once closed, and tells nobody else", async () => {
    const opened = await ent.post("/api/cases", {
      type: "protection_registration",
      title: "备案申请",
      filedAs: ent.filedAs,
      form: REGISTRATION_FORM,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const id = opened.body.id as number;
    expect((await ent.get(`/api/ratings/case/${id}`)).body).toEqual({ closed: false, rating: null });
    expect((await ent.post("/api/ratings", { subject: "case", id, score: 4 })).status).toBe(409);
    expect((await other.get(`/api/ratings/case/${id}`)).status).toBe(404);
    expect((await official.get(`/api/ratings/case/${id}`)).status).toBe(404); // it reads the case, but did not apply
    expect((await ent.post(`/api/cases/${id}/transitions/withdraw`, {})).body.state).toBe("withdrawn");
    expect((await ent.get(`/api/ratings/case/${id}`)).body).toEqual({ closed: true, rating: null });
    expect((await other.post("/api/ratings", { subject: "case", id, score: 1 })).status).toBe(404);
    expect((await ent.post("/api/ratings", { subject: "case", id, score: 4, comment: "办理顺利" })).status).toBe(200);
    expect((await ent.get(`/api/ratings/case/${id}`)).body).toEqual({
      closed: true,
      rating: { score: 4, comment: "办理顺利" },
    });
    expect((await (await anon()).get(`/api/ratings/case/${id}`)).statusCode).toBe(401);
  });
});
