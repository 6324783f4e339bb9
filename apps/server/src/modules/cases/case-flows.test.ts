import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../accounts/clock.js";
import { b64, type Caller, type CaseKit, caseKit, FILES, REGISTRATION_FORM } from "./cases.test-kit.js";

let k: CaseKit;
let ent: Caller;
let agency: Caller;
let official: Caller;
let mediator: Caller;
let otherMediator: Caller;
let investigator: Caller;

beforeAll(async () => {
  k = await caseKit();
  const org = k.org("郑州某电池科技有限公司", "91350100M000100Y43", "410105");
  const agencyOrg = k.org("郑州某知识产权代理事务所", "91110000802100433B", "410172", "agency");
  ent = await k.user("ent", "enterprise", { org });
  agency = await k.user("agency", "agency", { org: agencyOrg });
  official = await k.user("official", "official");
  mediator = await k.user("mediator", "mediator");
  otherMediator = await k.user("mediator2", "mediator");
  investigator = await k.user("investigator", "investigator");
});
afterAll(async () => k.close());

const open = async (type: string, form: Record<string, unknown>, who = ent) => {
  const r = await who.post("/api/cases", { type, title: `${type} 申请`, filedAs: who.filedAs, form });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id as number;
};
const go = (who: Caller, id: number, t: string, body: Record<string, unknown> = {}) =>
  who.post(`/api/cases/${id}/transitions/${t}`, body);

/** This test moves the fake clock by days and counts every overdue case: it has an app and a clock of its own. */
describe("deadlines with the fake clock", () => {
  let d: CaseKit;
  let ent: Caller;
  let official: Caller;
  beforeAll(async () => {
    d = await caseKit();
    const org = d.org("郑州某电池科技有限公司", "91350100M000100Y43", "410105");
    ent = await d.user("ent", "enterprise", { org });
    official = await d.user("official", "official");
  });
  afterAll(async () => d.close());

  it("flags overdue, escalates once, and counts both in the queue", async () => {
    // Monday 2026-01-05 17:00 CST; `submitted` allows 5 working days → end of Monday 12 January.
    const id = await open("protection_registration", REGISTRATION_FORM, ent);
    expect((await official.get("/api/cases/queue?deadline=overdue")).body.total).toBe(0);
    d.t.clock.advance(7 * DAY + 8 * 3_600_000); // Tue 13 Jan 01:00 CST
    let q = await official.get("/api/cases/queue");
    expect(q.body.counts).toMatchObject({ overdue: 1, escalated: 0 });
    expect((await official.post("/api/cases/deadlines/sweep")).body).toEqual({ overdue: 1, escalated: 0 });
    expect((await official.post("/api/cases/deadlines/sweep")).body).toEqual({ overdue: 0, escalated: 0 });
    d.t.clock.advance(2 * DAY); // Thu 15 Jan: two working days later → escalated
    expect((await official.post("/api/cases/deadlines/sweep")).body).toEqual({ overdue: 0, escalated: 1 });
    q = await official.get("/api/cases/queue?deadline=escalated");
    expect(q.body.items.map((c: { id: number }) => c.id)).toEqual([id]);
    const kinds = (await official.get(`/api/cases/${id}`)).body.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(["created", "overdue", "escalated"]);
    const audit = d.t.db.sqlite.prepare("SELECT action FROM audit_log WHERE target = ? ORDER BY seq").all(`case:${id}`);
    expect(audit.map((a) => (a as { action: string }).action)).toEqual([
      "case.create",
      "case.overdue",
      "case.escalated",
      "case.read", // the official's look at the timeline above
    ]);
    // a transition restarts the clock in the new state
    const ret = await go(official, id, "return", { comment: "请补充营业执照" });
    expect(ret.body.deadline.status).toBe("on_time");
  });
});

describe("mediation", () => {
  it("assigns a mediator, records sessions and the agreement, then the court's confirmation", async () => {
    const id = await open("mediation", {
      otherParty: "某竞争对手公司",
      disputeType: "infringement",
      description: "对方产品涉嫌侵犯我方专利",
    });
    expect((await go(official, id, "accept")).body.error.details.reason).toBe("missing_assignee");
    expect((await official.post(`/api/cases/${id}/assignees`, { userId: investigator.id })).status).toBe(400); // wrong role
    expect((await official.post(`/api/cases/${id}/assignees`, { userId: mediator.id })).status).toBe(200);
    expect((await go(official, id, "accept")).body.state).toBe("mediating");
    expect((await mediator.get("/api/cases/assigned")).body.total).toBe(1);
    expect((await otherMediator.get(`/api/cases/${id}`)).status).toBe(404);
    expect((await go(otherMediator, id, "record_session", { comment: "x" })).status).toBe(404);
    expect((await go(mediator, id, "record_session", { comment: "第一次调解会：双方陈述" })).body.state).toBe(
      "mediating",
    );
    expect((await go(mediator, id, "reach_agreement")).body.error.details.reason).toBe("missing_attachment");
    await mediator.post(`/api/cases/${id}/attachments`, {
      kind: "agreement",
      filename: "调解协议.docx",
      contentBase64: b64(FILES.docx),
    });
    expect((await go(mediator, id, "reach_agreement")).body.state).toBe("agreement");
    expect((await go(ent, id, "request_confirmation")).body.state).toBe("court_confirmation");
    await official.post(`/api/cases/${id}/attachments`, {
      kind: "court_ruling",
      filename: "裁定书.png",
      contentBase64: b64(FILES.png),
    });
    const done = await go(official, id, "record_confirmation");
    expect(done.body.state).toBe("confirmed");
    const notes = (await mediator.get("/api/cases/notifications")).body.items.map((n: { event: string }) => n.event);
    expect(notes).toContain("accept");
  });
});

describe("pledge financing", () => {
  it("registers the pledge and its amount feeds the plan's total", async () => {
    const id = await open("pledge_financing", {
      pledgor: "郑州某电池科技有限公司",
      bank: "中国银行郑州分行",
      assetNumbers: ["CN100395559C", "CN999999999Z"],
      amountYuan: 5_000_000,
      termMonths: 12,
    });
    const c = await official.get(`/api/cases/${id}`);
    expect(c.body.checks.patents).toEqual([
      { pubNo: "CN100395559C", found: true, status: "lapsed" },
      { pubNo: "CN999999999Z", found: false, status: null },
    ]);
    await ent.post(`/api/cases/${id}/attachments`, {
      kind: "loan_contract",
      filename: "借款合同.pdf",
      contentBase64: b64(FILES.pdf),
    });
    const bad = await go(official, id, "register", {
      input: { registrationNo: "Y2026001", registeredOn: "2026/01/20" },
    });
    expect(bad.status).toBe(400);
    const r = await go(official, id, "register", {
      input: { registrationNo: "Y2026001", registeredOn: "2026-01-20", amountYuan: 4_500_000 },
    });
    expect(r.body.state).toBe("registered");
    // the registration as recorded: the amount the office registered (not the 5,000,000 applied for), the
    // applicant's district, the pledge's terms and its numbers
    const stored = k.t.db.sqlite
      .prepare(
        `SELECT registration_no, registered_on, year, amount_yuan, district_code, pledgor, bank, term_months,
          patents_json, released_at FROM pledge_registrations WHERE case_id = ?`,
      )
      .get(id);
    expect(stored).toEqual({
      registration_no: "Y2026001",
      registered_on: "2026-01-20",
      year: 2026,
      amount_yuan: 4_500_000,
      district_code: "410105",
      pledgor: "郑州某电池科技有限公司",
      bank: "中国银行郑州分行",
      term_months: 12,
      patents_json: JSON.stringify(["CN100395559C", "CN999999999Z"]),
      released_at: null,
    });
    const total = await official.get("/api/pledges/total?year=2026");
    expect(total.body).toMatchObject({ amountYuan: 4_500_000, count: 1 });
    expect((await official.get("/api/pledges/total?year=2025")).body.amountYuan).toBe(0);
    expect((await official.get("/api/pledges/total?district=410172")).body.amountYuan).toBe(0);
    expect((await official.get("/api/pledges/total?district=410105")).body.amountYuan).toBe(4_500_000);
  });
});

describe("listings and the marketplace", () => {
  const market = async (query = "") =>
    (await k.t.app.inject({ method: "GET", url: `/api/marketplace${query}` })).json() as {
      total: number;
      items: { id: number }[];
    };
  /** The agency's transfer listing of CN100395559C, filed and (unless told not to) published by the office. */
  const listing = async (publish = true) => {
    const caseId = await open(
      "ip_listing",
      {
        listingKind: "transfer",
        assetType: "patent",
        assetNumber: "CN100395559C",
        assetTitle: "二次电池更换方法",
        priceYuan: 200_000,
      },
      agency,
    );
    if (publish) expect((await go(official, caseId, "publish")).status).toBe(200);
    return caseId;
  };

  it("publishes a reviewed listing linked to its patent record", async () => {
    const before = await market("?q=电池");
    const id = await listing(false);
    expect(await market("?q=电池")).toEqual(before); // not listed before the office publishes it
    await go(official, id, "publish");
    const page = await market("?q=电池");
    expect(page.total).toBe(before.total + 1);
    const listed = page.items.filter((l) => l.id === id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      listingKind: "transfer",
      priceYuan: 200_000,
      patent: { pubNo: "CN100395559C" },
    });
    expect((await market("?listingKind=licence")).total).toBe(0);
  });

  it("carries an enquiry and offer between the enquirer and the listing's owner", async () => {
    const listingId = await listing(); // a published listing's id is its case's
    expect(
      (
        await agency.post("/api/cases", {
          type: "listing_enquiry",
          filedAs: agency.filedAs,
          title: "自询",
          form: { listingId, message: "?" },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await ent.post("/api/cases", {
          type: "listing_enquiry",
          title: "询价",
          filedAs: ent.filedAs,
          form: { listingId: 999, message: "?" },
        })
      ).status,
    ).toBe(400);
    const id = await open("listing_enquiry", { listingId, message: "请问可否分期付款？", offerYuan: 150_000 });
    const seenByOwner = await agency.get(`/api/cases/${id}`);
    expect(seenByOwner.body.parties).toEqual(["counterparty"]);
    expect(seenByOwner.body.actions.map((a: { key: string }) => a.key)).toEqual(["reply", "accept", "decline"]);
    expect((await agency.get("/api/cases/mine")).body.items.map((c: { id: number }) => c.id)).toContain(id);
    expect((await mediator.get(`/api/cases/${id}`)).status).toBe(404);
    expect((await go(ent, id, "accept")).status).toBe(403);
    expect((await go(agency, id, "reply", { comment: "可以分两期，价格 18 万" })).body.state).toBe("answered");
    expect((await go(ent, id, "follow_up", { comment: "17 万可以吗？" })).body.state).toBe("open");
    expect((await go(agency, id, "accept")).body.state).toBe("agreed");
    const notes = (await ent.get("/api/cases/notifications")).body.items.map((n: { event: string }) => n.event);
    expect(notes).toEqual(expect.arrayContaining(["reply", "accept"]));
  });
});

describe("other types", () => {
  it("routes rights assistance (unrouted when no workstation is registered) and checks reward eligibility", async () => {
    const ra = await open("rights_assistance", {
      rightType: "patent",
      rightNumber: "CN100395559C",
      description: "发现侵权产品",
    });
    expect((await official.get(`/api/cases/${ra}`)).body.checks.routing).toMatchObject({ method: "unrouted" });
    const tr = await open(
      "talent_reward",
      { category: "ip_engineer", personName: "李工", engineerTitle: "senior", yearsInCityAgency: 3 },
      agency,
    );
    const checks = (await official.get(`/api/cases/${tr}`)).body.checks.eligibility;
    expect(checks).toMatchObject({ eligible: true, source: "declared" });
  });

  it("has the investigator file a report", async () => {
    const id = await open("investigator_assignment", {
      caseReference: "（2026）豫01知民初1号",
      technicalField: "电池",
      questions: "比对技术特征",
    });
    await official.post(`/api/cases/${id}/assignees`, { userId: investigator.id });
    expect((await go(official, id, "assign")).body.state).toBe("investigating");
    await investigator.post(`/api/cases/${id}/attachments`, {
      kind: "investigation_report",
      filename: "报告.pdf",
      contentBase64: b64(FILES.pdf),
    });
    expect((await go(investigator, id, "submit_report")).body.state).toBe("reported");
  });
});
