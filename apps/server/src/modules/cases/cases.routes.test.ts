import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { b64, type Caller, type CaseKit, caseKit, FILES, REGISTRATION_FORM } from "./cases.test-kit.js";

let k: CaseKit;
let ent: Caller;
let otherEnt: Caller;
let official: Caller;
let districtOfficial: Caller;
let otherDistrictOfficial: Caller;
let expert: Caller;

beforeAll(async () => {
  k = await caseKit();
  const orgA = k.org("郑州某电池科技有限公司", "91350100M000100Y43", "410105");
  const orgB = k.org("另一家公司", "91110000802100433B", "410172");
  ent = await k.user("ent-a", "enterprise", { org: orgA });
  otherEnt = await k.user("ent-b", "enterprise", { org: orgB });
  official = await k.user("off-city", "official");
  districtOfficial = await k.user("off-jinshui", "official", { district: "410105" });
  otherDistrictOfficial = await k.user("off-gaoxin", "official", { district: "410172" });
  expert = await k.user("expert-1", "expert");
});
afterAll(async () => k.close());

const registration = (filer = ent) => ({
  type: "protection_registration",
  title: "企业备案",
  filedAs: filer.filedAs,
  form: REGISTRATION_FORM,
});

/** Each test files the case it looks at: none relies on a row another test made or changed. */
const fileCase = async (): Promise<number> => {
  const r = await ent.post("/api/cases", registration());
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id;
};
const auditOf = (caseId: number, actions = "case.%") =>
  k.t.db.sqlite
    .prepare("SELECT action FROM audit_log WHERE target = ? AND action LIKE ? ORDER BY seq")
    .all(`case:${caseId}`, actions)
    .map((a) => (a as { action: string }).action);
const licence = (caseId: number) =>
  ent.post(`/api/cases/${caseId}/attachments`, {
    kind: "business_licence",
    filename: "licence.pdf",
    contentBase64: b64(FILES.pdf),
  });

describe("a case from application to decision", () => {
  it("opens a case with a reference, a timeline and an audit row", async () => {
    const r = await ent.post("/api/cases", registration());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      state: "submitted",
      district: "410105",
      orgName: "郑州某电池科技有限公司",
      parties: ["applicant"],
    });
    expect(r.body.ref).toMatch(/^ZC2026\d{6}$/);
    expect(r.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created"]);
    expect(r.body.actions.map((a: { key: string }) => a.key)).toEqual(["withdraw"]);
    expect(r.body.deadline).toMatchObject({ status: "on_time" });
    expect(auditOf(r.body.id)).toEqual(["case.create"]);
  });

  it("refuses a bad form field by field, and roles that may not apply", async () => {
    const bad = await ent.post("/api/cases", {
      ...registration(),
      form: { ...REGISTRATION_FORM, uscc: "123", contactPhone: "x" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(["contactPhone", "uscc"]);
    expect((await ent.post("/api/cases", { ...registration(), type: "nope" })).status).toBe(400);
    expect((await official.post("/api/cases", registration(official))).status).toBe(403); // no case:apply
  });

  it("shows the case to its applicant and officials in scope only", async () => {
    const caseId = await fileCase();
    expect((await ent.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await official.get(`/api/cases/${caseId}`)).body.parties).toEqual(["official"]);
    expect((await districtOfficial.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await otherDistrictOfficial.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await otherEnt.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await expert.get(`/api/cases/${caseId}`)).status).toBe(404);
    const ids = (r: { body: { items: { id: number }[] } }) => r.body.items.map((c) => c.id);
    expect((await otherEnt.get("/api/cases/mine")).body.total).toBe(0);
    expect(ids(await ent.get("/api/cases/mine"))).toContain(caseId);
    const queue = await official.get("/api/cases/queue");
    expect(ids(queue)).toContain(caseId);
    // every case in this file is this applicant's: the submitted ones are open and wait on the office
    const mine = (await ent.get("/api/cases/mine")).body;
    const submitted = mine.items.filter((c: { state: string }) => c.state === "submitted").length;
    expect(queue.body.counts).toMatchObject({ open: submitted, waitingOnOffice: submitted });
    expect((await otherDistrictOfficial.get("/api/cases/queue")).body.total).toBe(0);
    expect((await expert.get("/api/cases/queue")).status).toBe(403);
  });

  it("sends the office's notifications to officials whose district covers the case only", async () => {
    const caseId = await fileCase();
    const ids = async (who: Caller) =>
      (await who.get("/api/cases/notifications")).body.items.map((n: { caseId: number }) => n.caseId);
    expect(await ids(districtOfficial)).toContain(caseId);
    expect(await ids(official)).toContain(caseId); // city-wide
    const other = await otherDistrictOfficial.get("/api/cases/notifications");
    expect(other.body.items).toEqual([]);
    expect(JSON.stringify(other.body)).not.toContain("企业备案");
  });

  it("lets only the declared party take a transition, and writes nothing when refused", async () => {
    const caseId = await fileCase();
    const { seq: before } = k.t.db.sqlite.prepare("SELECT max(seq) AS seq FROM audit_log").get() as { seq: number };
    expect((await ent.post(`/api/cases/${caseId}/transitions/approve`)).status).toBe(403);
    expect((await otherDistrictOfficial.post(`/api/cases/${caseId}/transitions/approve`)).status).toBe(404);
    const missing = await official.post(`/api/cases/${caseId}/transitions/approve`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toMatchObject({ reason: "missing_attachment", kinds: ["business_licence"] });
    expect((await official.post(`/api/cases/${caseId}/transitions/reject`)).body.error.details.reason).toBe(
      "missing_comment",
    );
    expect((await official.post(`/api/cases/${caseId}/transitions/resubmit`)).status).toBe(409);
    expect((await official.post(`/api/cases/${caseId}/transitions/fly`)).status).toBe(400);
    const events = k.t.db.sqlite
      .prepare("SELECT count(*) AS n FROM case_events WHERE case_id = ? AND kind = 'transition'")
      .get(caseId);
    expect(events).toEqual({ n: 0 });
    expect(auditOf(caseId).filter((a) => a !== "case.read")).toEqual(["case.create"]);
    // the six refusals wrote no audit row at all (reads are audited apart: see below)
    const added = k.t.db.sqlite
      .prepare("SELECT action FROM audit_log WHERE seq > ? AND action != 'case.read'")
      .all(before);
    expect(added).toEqual([]);
  });

  it("checks attachments by content, stores them durably with a checksum, and serves them back", async () => {
    const caseId = await fileCase();
    const asPdf = (content: Buffer, filename = "licence.pdf") =>
      ent.post(`/api/cases/${caseId}/attachments`, { kind: "business_licence", filename, contentBase64: b64(content) });
    const exe = await asPdf(FILES.exe);
    expect(exe.status).toBe(400);
    expect(exe.body.error.details.detected).toBeNull();
    expect((await asPdf(FILES.docx, "licence.pdf")).status).toBe(400); // a DOCX renamed .pdf: not an allowed type here
    expect(
      (
        await ent.post(`/api/cases/${caseId}/attachments`, {
          kind: "x",
          filename: "a.pdf",
          contentBase64: b64(FILES.pdf),
        })
      ).status,
    ).toBe(400);
    expect((await asPdf(Buffer.from("%PDF"), "a.pdf")).status).toBe(400); // "JVBERg==" is fine base64, but not %PDF- …
    expect(
      (
        await ent.post(`/api/cases/${caseId}/attachments`, {
          kind: "business_licence",
          filename: "a",
          contentBase64: "!!!!",
        })
      ).status,
    ).toBe(400);
    const ok = await asPdf(FILES.pdf);
    expect(ok.status).toBe(200);
    const att = ok.body.attachments[0];
    expect(att).toMatchObject({ kind: "business_licence", mime: "application/pdf", size: FILES.pdf.length });
    const stored = path.join(k.t.dir, "attachments", att.sha256.slice(0, 2), att.sha256);
    expect(fs.readFileSync(stored).equals(FILES.pdf)).toBe(true);
    expect(fs.readdirSync(path.dirname(stored)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const dl = await official.get(`/api/cases/${caseId}/attachments/${att.id}`);
    expect(dl.status).toBe(200);
    expect(Buffer.from(dl.body).equals(FILES.pdf)).toBe(true);
    expect((await otherEnt.get(`/api/cases/${caseId}/attachments/${att.id}`)).status).toBe(404);
  });

  it("audits each read of a case and each download (who, which case, which file), but not the lists", async () => {
    const rows = (action: string) =>
      k.t.db.sqlite
        .prepare("SELECT actor_name, target, outcome, details_json FROM audit_log WHERE action = ? ORDER BY seq")
        .all(action) as { actor_name: string; target: string; outcome: string; details_json: string | null }[];
    const caseId = await fileCase();
    const att = (await licence(caseId)).body.attachments[0];
    expect((await official.get(`/api/cases/${caseId}/attachments/${att.id}`)).status).toBe(200);
    expect((await otherEnt.get(`/api/cases/${caseId}/attachments/${att.id}`)).status).toBe(404);
    const before = rows("case.read").length;
    await districtOfficial.get(`/api/cases/${caseId}`);
    expect((await otherEnt.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await otherEnt.get("/api/cases/999999")).status).toBe(404); // no case: nothing to record
    const reads = rows("case.read").slice(before);
    expect(reads.map((r) => [r.actor_name, r.target, r.outcome])).toEqual([
      ["off-jinshui", `case:${caseId}`, "success"],
      ["ent-b", `case:${caseId}`, "denied"],
    ]);
    const downloads = rows("case.attachment_download").filter((r) => r.target === `case:${caseId}`);
    expect(downloads.map((r) => [r.actor_name, r.target, r.outcome])).toEqual([
      ["off-city", `case:${caseId}`, "success"],
      ["ent-b", `case:${caseId}`, "denied"],
    ]);
    expect(JSON.parse(downloads[0]?.details_json ?? "{}")).toMatchObject({ attId: att.id, sha256: att.sha256 });
    const total = () => k.t.db.sqlite.prepare("SELECT count(*) AS n FROM audit_log").get();
    const beforeLists = total();
    await official.get("/api/cases/queue");
    await ent.get("/api/cases/mine");
    expect(total()).toEqual(beforeLists);
  });

  it("keeps internal notes from the applicant", async () => {
    const caseId = await fileCase();
    await official.post(`/api/cases/${caseId}/comments`, { body: "内部意见：材料齐全", internal: true });
    await ent.post(`/api/cases/${caseId}/comments`, { body: "请尽快审核", internal: true }); // applicants cannot hide comments
    const seenByApplicant = (await ent.get(`/api/cases/${caseId}`)).body.timeline.filter(
      (e: { kind: string }) => e.kind === "comment",
    );
    expect(seenByApplicant.map((e: { body: string }) => e.body)).toEqual(["请尽快审核"]);
    expect(
      (await official.get(`/api/cases/${caseId}`)).body.timeline.filter((e: { kind: string }) => e.kind === "comment"),
    ).toHaveLength(2);
  });

  it("decides: the official approves, the applicant sees the result and a notification", async () => {
    const caseId = await fileCase();
    expect((await licence(caseId)).status).toBe(200);
    const r = await districtOfficial.post(`/api/cases/${caseId}/transitions/approve`, { comment: "准予备案" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: "registered", actions: [], deadline: { status: "none" } });
    const mine = await ent.get(`/api/cases/${caseId}`);
    expect(mine.body.state).toBe("registered");
    expect(mine.body.timeline.at(-1)).toMatchObject({
      kind: "transition",
      transition: "approve",
      fromState: "submitted",
      toState: "registered",
      body: "准予备案",
    });
    const notes = (await ent.get("/api/cases/notifications")).body.items.filter(
      (n: { caseId: number }) => n.caseId === caseId,
    );
    expect(notes.map((n: { event: string }) => n.event)).toEqual(["approve"]);
    expect((await ent.post(`/api/cases/${caseId}/transitions/withdraw`)).status).toBe(409);
    const approve = k.t.db.sqlite
      .prepare("SELECT actor_name, details_json FROM audit_log WHERE action = 'case.approve' AND target = ?")
      .get(`case:${caseId}`) as {
      details_json: string;
    };
    expect(JSON.parse(approve.details_json)).toEqual({
      type: "protection_registration",
      from: "submitted",
      to: "registered",
    });
    expect(k.t.s.audit.verify().ok).toBe(true);
  });

  it("lists the case types with their transitions for the web forms", async () => {
    const r = await k.t.app.inject({ method: "GET", url: "/api/cases/types" });
    expect(r.json().types.map((t: { key: string }) => t.key)).toContain("mediation");
  });
});
