import { drawExperts } from "@zhichan/core/cases/index.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, type CaseKit, caseKit } from "../cases/cases.test-kit.js";

let k: CaseKit;
let official: Caller;
let ent: Caller;

beforeAll(async () => {
  k = await caseKit();
  official = await k.user("official", "official");
  ent = await k.user("ent", "enterprise", { org: k.org("甲公司", "91350100M000100Y43", "410105") });
});
afterAll(async () => k.close());

describe("expert database and random draw", () => {
  it("excludes conflicts of interest and records the draw in the audit log", async () => {
    // Test experts made here, not real people.
    const add = (name: string, orgName: string, conflicts: string[] = []) =>
      official.post("/api/experts", { name, orgName, fields: ["电池"], declaredConflicts: conflicts });
    const same = (await add("测试专家一", "甲公司")).body.id;
    const declared = (await add("测试专家二", "乙大学", ["丙公司"])).body.id;
    const free = (await add("测试专家三", "丁研究院")).body.id;
    expect((await ent.post("/api/experts", { name: "x", fields: ["y"] })).status).toBe(403);
    const caseId = (
      await ent.post("/api/cases", {
        type: "mediation",
        title: "调解",
        filedAs: ent.filedAs,
        form: { otherParty: "丙公司", disputeType: "infringement", description: "争议" },
      })
    ).body.id;
    const r = await official.post("/api/experts/draw", { count: 3, field: "电池", caseId, partyOrgs: ["丙公司"] });
    expect(r.status).toBe(200);
    expect(r.body.drawn.map((e: { id: number }) => e.id)).toEqual([free]);
    expect(r.body.excluded).toEqual([
      { id: same, reason: "same_organisation" },
      { id: declared, reason: "declared_conflict" },
    ]);
    const row = k.t.db.sqlite
      .prepare("SELECT target, details_json FROM audit_log WHERE action = 'expert.draw'")
      .get() as {
      target: string;
      details_json: string;
    };
    expect(row.target).toBe(`case:${caseId}`);
    expect(JSON.parse(row.details_json)).toMatchObject({ seed: r.body.seed, drawn: [free] });
    // the draw on record replays: its stored seed and request over the same experts give the panel it stored
    const stored = k.t.db.sqlite
      .prepare("SELECT seed, request_json, drawn_json, excluded_json FROM expert_draws WHERE id = ?")
      .get(r.body.drawId) as { seed: number; request_json: string; drawn_json: string; excluded_json: string };
    const experts = (await official.get("/api/experts")).body.items;
    const replay = drawExperts(experts, JSON.parse(stored.request_json), stored.seed);
    expect(replay.drawn).toEqual(JSON.parse(stored.drawn_json));
    expect(replay.excluded).toEqual(JSON.parse(stored.excluded_json));
    expect(stored.seed).toBe(r.body.seed);
  });
});

describe("valuation", () => {
  it("values a real patent record line by line for a purpose", async () => {
    const r = await k.t.app.inject({ method: "GET", url: "/api/valuations/patents/CN100395559C?purpose=transfer" });
    expect(r.statusCode).toBe(200);
    const v = r.json();
    expect(v.patent.pubNo).toBe("CN100395559C");
    expect(v.lines.find((l: { indicator: string }) => l.indicator === "legal_status")).toMatchObject({ score: 0 });
    expect(v.lines.length).toBeGreaterThan(8);
    expect(
      (await k.t.app.inject({ method: "GET", url: "/api/valuations/patents/CN000?purpose=transfer" })).statusCode,
    ).toBe(404);
  });
});

describe("training events", () => {
  it("publishes an event, enrols up to capacity, records attendance (audited)", async () => {
    const ev = await official.post("/api/training/events", {
      title: "专利代理实务培训（测试）",
      startsOn: "2026-03-10",
      location: "郑州市知识产权局",
      capacity: 1,
    });
    expect(ev.status).toBe(200);
    const id = ev.body.id as number;
    expect(
      (await ent.post("/api/training/events", { title: "x", startsOn: "2026-03-10", location: "y", capacity: 1 }))
        .status,
    ).toBe(403);
    const enrolled = await ent.post(`/api/training/events/${id}/enrol`);
    expect(enrolled.body).toMatchObject({ enrolled: 1, mine: { attended: null } });
    expect((await ent.post(`/api/training/events/${id}/enrol`)).status).toBe(409); // full (and already enrolled)
    const other = await k.user("ent2", "enterprise");
    expect((await other.post(`/api/training/events/${id}/enrol`)).body.error.message).toContain("名额已满");
    expect(
      (await official.post(`/api/training/events/${id}/attendance`, { userId: other.id, attended: true })).status,
    ).toBe(404);
    const att = await official.post(`/api/training/events/${id}/attendance`, { userId: ent.id, attended: true });
    expect(att.body.items).toEqual([expect.objectContaining({ userId: ent.id, orgName: "甲公司", attended: true })]);
    const pub = (await k.t.app.inject({ method: "GET", url: "/api/training/events" })).json();
    expect(pub.items[0]).toMatchObject({ enrolled: 1, attended: 1, mine: null });
    const actions = k.t.db.sqlite
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'training.%' ORDER BY seq")
      .all();
    expect(actions.map((a) => (a as { action: string }).action)).toEqual([
      "training.create",
      "training.enrol",
      "training.attendance",
    ]);
  });
});
