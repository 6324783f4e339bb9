import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, type CaseKit, caseKit } from "../cases/cases.test-kit.js";

// The answer queue is filtered and paged in SQL: with more questions than the old in-memory window (2,000), every
// question a caller may answer is on some page and the total is exact; what they may not answer never shows.
let k: CaseKit;
let city: Caller;
let jinshui: Caller;
let agent: Caller;
let agencyId: number;
const JINSHUI = 1_300; // questions naming 金水区
const ELSEWHERE = 900; // questions naming 中原区
const ROUTED = 7; // of the 中原区 ones, routed to the agency

beforeAll(async () => {
  k = await caseKit();
  city = await k.user("queue-city", "official");
  jinshui = await k.user("queue-jinshui", "official", { district: "410105" });
  agent = await k.user("queue-agent", "agency", {
    org: k.org("郑州某知识产权代理有限公司", "91410100MA0000777X", "410102", "agency"),
  });
  const now = new Date().toISOString();
  agencyId = Number(
    k.t.db.sqlite
      .prepare(
        `INSERT INTO registry_orgs (name, category, credit_code, district_code, status, source, created_at, updated_at)
         VALUES ('郑州某知识产权代理有限公司', 'agency', '91410100MA0000777X', '410102', 'active', 'manual', ?, ?)`,
      )
      .run(now, now).lastInsertRowid,
  );
  // one prepared statement in one transaction: thousands of rows in well under a second
  const insert = k.t.db.sqlite.prepare(
    `INSERT INTO consultations (token_hash, token_enc, asker_user_id, asker_name, contact_kind, contact_enc,
       contact_mask, language, topic, district_code, question, routed_kind, routed_org_id, routed_name, status,
       due_at, created_at)
     VALUES (@hash, 'x', NULL, '测试', NULL, NULL, NULL, 'zh', 'patent', @district, @question, @kind, @org, @name,
       'open', @due, @created)`,
  );
  const t0 = k.t.clock.now();
  k.t.db.sqlite.transaction(() => {
    for (let i = 0; i < JINSHUI + ELSEWHERE; i++) {
      const routed = i >= JINSHUI && i < JINSHUI + ROUTED;
      insert.run({
        hash: `h${i}`,
        district: i < JINSHUI ? "410105" : "410102",
        question: `问题 ${i}`,
        kind: routed ? "agency" : "office",
        org: routed ? agencyId : null,
        name: routed ? "郑州某知识产权代理有限公司" : null,
        due: t0 + 5 * 86_400_000,
        created: t0 + i,
      });
    }
  })();
});
afterAll(async () => k.close());

const ids = (body: { items: { id: number }[] }) => body.items.map((q) => q.id);

describe("answer queue paging", () => {
  it("gives a city-wide official every question across pages, with the exact total, the last one reachable", async () => {
    const first = (await city.get("/api/consultations/queue?pageSize=100")).body;
    expect(first).toMatchObject({ total: JINSHUI + ELSEWHERE, page: 1, pageSize: 100 });
    const pages = Math.ceil(first.total / 100);
    const seen = new Set<number>(ids(first));
    for (let page = 2; page <= pages; page++)
      for (const id of ids((await city.get(`/api/consultations/queue?pageSize=100&page=${page}`)).body)) seen.add(id);
    expect(seen.size).toBe(JINSHUI + ELSEWHERE);
    const last = (await city.get(`/api/consultations/queue?pageSize=100&page=${pages}`)).body;
    expect(last.items).toHaveLength((JINSHUI + ELSEWHERE) % 100 || 100);
    // same deadline everywhere: newest first, so the very first question asked is the last one of the last page
    expect(last.items.at(-1).question).toBe("问题 0");
    expect((await city.get(`/api/consultations/queue?pageSize=100&page=${pages + 1}`)).body.items).toEqual([]);
  });

  it("counts only the district's questions for a district official, and only routed ones for an agency", async () => {
    const district = (await jinshui.get("/api/consultations/queue?pageSize=50&page=26")).body;
    expect(district.total).toBe(JINSHUI);
    expect(district.items).toHaveLength(50);
    expect(district.items.every((q: { district: string }) => q.district === "410105")).toBe(true);
    const routed = (await agent.get("/api/consultations/queue")).body;
    expect(routed.total).toBe(ROUTED);
    expect(routed.items.every((q: { routedTo: { kind: string } }) => q.routedTo.kind === "agency")).toBe(true);
  });

  it("filters by status in the same query, and refuses a page size over 100 or page 0", async () => {
    expect((await city.get("/api/consultations/queue?status=answered")).body.total).toBe(0);
    expect((await city.get("/api/consultations/queue?status=open")).body.total).toBe(JINSHUI + ELSEWHERE);
    const tooBig = await city.get("/api/consultations/queue?pageSize=1000");
    expect(tooBig.status).toBe(400);
    expect((await city.get("/api/consultations/queue?page=0")).status).toBe(400);
  });
});
