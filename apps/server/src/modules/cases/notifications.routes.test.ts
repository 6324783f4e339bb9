import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, type CaseKit, caseKit, REGISTRATION_FORM } from "./cases.test-kit.js";

// The header's bell: unread counts and "mark read" per person, also for the office inbox officials share.
let k: CaseKit;
let ent: Caller;

beforeAll(async () => {
  k = await caseKit();
  const org = k.org("郑州某电池科技有限公司", "91350100M000100Y43", "410105");
  ent = await k.user("bell-ent", "enterprise", { org });
});
afterAll(async () => k.close());

const apply = (title: string) =>
  ent.post("/api/cases", { type: "protection_registration", title, filedAs: ent.filedAs, form: REGISTRATION_FORM });
const inbox = async (who: Caller) => (await who.get("/api/cases/notifications")).body;
let officials = 0;
/** A district official of its own for each test: read marks are per reader, so no test sees another's marks. */
const newOfficial = () => k.user(`bell-off-${++officials}`, "official", { district: "410105" });

describe("notification read marks", () => {
  it("counts unread notifications and marks them read for the reader only", async () => {
    const official = await newOfficial();
    const colleague = await newOfficial();
    const earlier = (await inbox(official)).unread; // the cases other tests filed, all unread for a new reader
    await apply("第一件");
    await apply("第二件");
    const before = await inbox(official);
    expect(before.unread).toBe(earlier + 2);
    expect(before.items.slice(0, 2).map((n: { title: string; unread: boolean }) => [n.title, n.unread])).toEqual([
      ["第二件", true],
      ["第一件", true],
    ]);

    const second = before.items[1].id;
    expect((await official.post("/api/cases/notifications/read", { upTo: second })).status).toBe(200);
    const after = await inbox(official);
    expect(after.unread).toBe(1); // the mark covers every older notification too
    expect(after.items.slice(0, 2).map((n: { unread: boolean }) => n.unread)).toEqual([true, false]);
    // the office inbox is shared: the colleague's rows stay unread
    expect((await inbox(colleague)).unread).toBe(earlier + 2);
  });

  it("never moves the mark past the newest notification, so later ones arrive unread", async () => {
    const official = await newOfficial();
    await apply("第三件"); // at least one notification to read, whatever ran before
    const far = Number.MAX_SAFE_INTEGER;
    expect((await official.post("/api/cases/notifications/read", { upTo: far })).status).toBe(200);
    expect((await inbox(official)).unread).toBe(0);
    await apply("第四件");
    const now = await inbox(official);
    expect(now.unread).toBe(1);
    expect(now.items[0]).toMatchObject({ title: "第四件", type: "protection_registration", unread: true });
    // an older mark (第三件's, below the one set above) does not make read ones unread again
    expect(now.items[1]).toMatchObject({ title: "第三件", unread: false });
    await official.post("/api/cases/notifications/read", { upTo: now.items[1].id });
    expect((await inbox(official)).unread).toBe(1);
  });

  it("refuses a bad mark", async () => {
    const official = await newOfficial();
    expect((await official.post("/api/cases/notifications/read", { upTo: 0 })).status).toBe(400);
    expect((await official.post("/api/cases/notifications/read", {})).status).toBe(400);
  });
});
