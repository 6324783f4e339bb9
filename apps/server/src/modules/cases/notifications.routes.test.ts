import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, type CaseKit, caseKit, REGISTRATION_FORM } from "./cases.test-kit.js";

// The header's bell: unread counts and "mark read" per person, also for the office inbox officials share.
let k: CaseKit;
let ent: Caller;
let official: Caller;
let colleague: Caller;

beforeAll(async () => {
  k = await caseKit();
  const org = k.org("郑州某电池科技有限公司", "91350100M000100Y43", "410105");
  ent = await k.user("bell-ent", "enterprise", { org });
  official = await k.user("bell-off", "official");
  colleague = await k.user("bell-off2", "official", { district: "410105" });
});
afterAll(async () => k.close());

const apply = (title: string) =>
  ent.post("/api/cases", { type: "protection_registration", title, filedAs: ent.filedAs, form: REGISTRATION_FORM });
const inbox = async (who: Caller) => (await who.get("/api/cases/notifications")).body;

describe("notification read marks", () => {
  it("counts unread notifications and marks them read for the reader only", async () => {
    await apply("第一件");
    await apply("第二件");
    const before = await inbox(official);
    expect(before.unread).toBe(2);
    expect(before.items.map((n: { unread: boolean }) => n.unread)).toEqual([true, true]);

    const oldest = before.items[1].id;
    expect((await official.post("/api/cases/notifications/read", { upTo: oldest })).status).toBe(200);
    const after = await inbox(official);
    expect(after.unread).toBe(1);
    expect(after.items.map((n: { unread: boolean }) => n.unread)).toEqual([true, false]);
    // the office inbox is shared: the colleague's rows stay unread
    expect((await inbox(colleague)).unread).toBe(2);
  });

  it("never moves the mark past the newest notification, so later ones arrive unread", async () => {
    const far = Number.MAX_SAFE_INTEGER;
    expect((await official.post("/api/cases/notifications/read", { upTo: far })).status).toBe(200);
    expect((await inbox(official)).unread).toBe(0);
    await apply("第三件");
    const now = await inbox(official);
    expect(now.unread).toBe(1);
    expect(now.items[0]).toMatchObject({ title: "第三件", type: "protection_registration", unread: true });
    // an older mark does not make read ones unread again
    await official.post("/api/cases/notifications/read", { upTo: 1 });
    expect((await inbox(official)).unread).toBe(1);
  });

  it("refuses a bad mark", async () => {
    expect((await official.post("/api/cases/notifications/read", { upTo: 0 })).status).toBe(400);
    expect((await official.post("/api/cases/notifications/read", {})).status).toBe(400);
  });
});
