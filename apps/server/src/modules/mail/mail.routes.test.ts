import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import { type Caller, type CaseKit, caseKit, REGISTRATION_FORM } from "../cases/cases.test-kit.js";

// /me's e-mail settings over HTTP, and a case notification that becomes an outbox row in the person's language.
let k: CaseKit;
let ent: Caller;
let official: Caller;

beforeAll(async () => {
  k = await caseKit();
  const org = k.org("郑州某电池科技有限公司", "91350100M000100Y43", "410105");
  ent = await k.user("mail-ent", "enterprise", { org });
  official = await k.user("mail-off", "official");
});
afterAll(async () => k.close());

const put = (userId: number, payload: object) =>
  k.t.app.inject({
    method: "PUT",
    url: "/api/accounts/me/mail",
    headers: { host: "localhost", ...sessionHeaders(k.t, userId) },
    payload,
  });

describe("e-mail settings on /me", () => {
  it("stores the address encrypted, answers it masked, and refuses a malformed one with a 400", async () => {
    const r = await put(ent.id, { email: "wang.gong@example.com", language: "en", kinds: { appointment: false } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      email: "w***@example.com",
      language: "en",
      kinds: { case: true, appointment: false },
      serverConfigured: false,
    });
    const stored = k.t.db.sqlite.prepare("SELECT email_enc FROM mail_settings WHERE user_id = ?").get(ent.id) as {
      email_enc: string;
    };
    expect(stored.email_enc).not.toContain("wang.gong");
    expect(JSON.stringify((await ent.get("/api/accounts/me/mail")).body)).not.toContain("wang.gong");
    const bad = await put(ent.id, { email: "not an address" });
    expect(bad.statusCode).toBe(400);
  });

  it("puts a case notification to the applicant in the outbox, in English, with the reason it is not sent", async () => {
    const created = await ent.post("/api/cases", {
      type: "protection_registration",
      title: "备案申请",
      filedAs: ent.filedAs,
      form: REGISTRATION_FORM,
    });
    expect(created.status).toBe(200);
    const r = await official.post(`/api/cases/${created.body.id}/transitions/reject`, { comment: "材料不全" });
    expect(r.status).toBe(200);
    const rows = k.t.db.sqlite.prepare("SELECT * FROM mail_outbox WHERE user_id = ?").all(ent.id) as {
      subject: string;
      status: string;
      link: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toMatch(/^\[Zhichan\] 备案申请: /);
    expect(rows[0]!.status).toBe("unconfigured");
    expect(rows[0]!.link).toBe(`/cases/${created.body.id}`);
  });

  it("shows the outbox, masked, to the system administrator only", async () => {
    const admin = await makeUser(k.t, "mail-sysadmin", [{ role: "sysadmin" }]);
    const view = await k.t.app.inject({
      method: "GET",
      url: "/api/mail/outbox",
      headers: { host: "localhost", ...sessionHeaders(k.t, admin.id) },
    });
    expect(view.statusCode).toBe(200);
    expect(view.json().note).toMatch(/SMTP/);
    expect(view.json().rows[0].to).toBe("w***@example.com");
    expect((await official.get("/api/mail/outbox")).status).toBe(403);
  });
});
