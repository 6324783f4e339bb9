import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HeldPii } from "../accounts/held-pii.js";
import { PiiCodec } from "../accounts/pii.js";
import { insertCase } from "./cases.repository.js";
import { type Caller, type CaseKit, caseKit, REGISTRATION_FORM } from "./cases.test-kit.js";
import { encryptPlainFormPii } from "./form-pii.js";

// Issue #13: the contact phone of a case form was stored in plain text. Test numbers, not real people's.
const PHONE = REGISTRATION_FORM.contactPhone; // 13700001111
const LEGACY_PHONE = "13955556666";
let k: CaseKit;
let ent: Caller;
let official: Caller;
let otherOfficial: Caller;

beforeAll(async () => {
  k = await caseKit();
  const org = k.org("郑州某电池科技有限公司", "91350100M000100Y43", "410105");
  ent = await k.user("ent", "enterprise", { org });
  official = await k.user("off-jinshui", "official", { district: "410105" });
  otherOfficial = await k.user("off-gaoxin", "official", { district: "410172" });
});
afterAll(async () => k.close());

/** Each test files the cases it looks at: none relies on another's rows. */
const fileCase = () =>
  ent.post("/api/cases", {
    type: "protection_registration",
    title: "企业备案",
    filedAs: ent.filedAs,
    form: REGISTRATION_FORM,
  });
/** A case as stored before the phone was encrypted (form_pii_enc NULL, the phone plain in form_json). */
const storeLegacyCase = (): number => {
  const now = k.t.clock.now();
  return insertCase(
    k.t.db,
    {
      type: "protection_registration",
      area: "protection",
      title: "旧备案",
      state: "submitted",
      applicant_user_id: ent.id,
      applicant_name: "ent",
      org_id: ent.orgId,
      org_name: "郑州某电池科技有限公司",
      district_code: "410105",
      counterparty_user_id: null,
      counterparty_org_id: null,
      form_json: JSON.stringify({ ...REGISTRATION_FORM, contactPhone: LEGACY_PHONE }),
      form_pii_enc: null,
      checks_json: null,
      patent_id: null,
      state_entered_at: now,
      created_at: now,
      updated_at: now,
    },
    2025,
  ).id;
};
const heldPii = () => new HeldPii(new PiiCodec(k.t.s.cipher), k.t.s.reveals);

describe("personal data in case forms", () => {
  it("stores the contact phone encrypted and answers with its mask only", async () => {
    const r = await fileCase();
    expect(r.status).toBe(200);
    const caseId = r.body.id;
    expect(r.body.form.contactPhone).toBe("137****1111");
    expect(JSON.stringify(r.body)).not.toContain(PHONE);
    const seen = await official.get(`/api/cases/${caseId}`);
    expect(seen.body.form).toMatchObject({ contactPhone: "137****1111", contactName: "王工" });
    const row = k.t.db.sqlite.prepare("SELECT form_json, form_pii_enc FROM cases WHERE id = ?").get(caseId) as {
      form_json: string;
      form_pii_enc: string;
    };
    expect(row.form_json).not.toContain(PHONE);
    expect(JSON.parse(row.form_pii_enc).contactPhone).toMatch(/^v1:/);
  });

  it("reveals it only to an official in the case's district, with a reason, and audits the reveal", async () => {
    const caseId = (await fileCase()).body.id;
    const reveal = (who: Caller, body: unknown) => who.post(`/api/cases/${caseId}/reveal`, body);
    expect((await reveal(ent, { reason: "核对联系人" })).status).toBe(403); // no pii:reveal
    expect((await reveal(otherOfficial, { reason: "核对联系人" })).status).toBe(404); // not in scope
    expect((await reveal(official, {})).status).toBe(400); // a reason is required
    const r = await reveal(official, { reason: "核对联系人" });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ fields: { contactPhone: PHONE } });
    const row = k.t.db.sqlite
      .prepare("SELECT actor_name, target, details_json FROM audit_log WHERE action = 'pii.revealed' ORDER BY seq DESC")
      .get() as { actor_name: string; target: string; details_json: string };
    expect(row).toMatchObject({ actor_name: "off-jinshui", target: `case:${caseId}` });
    expect(JSON.parse(row.details_json)).toEqual({ fields: ["contactPhone"], reason: "核对联系人" });
    expect(row.details_json).not.toContain(PHONE);
  });

  it("encrypts the plain phones of cases stored before the change, once", async () => {
    encryptPlainFormPii(k.t.db, heldPii()); // any legacy row another test stored
    const legacyId = storeLegacyCase();
    const pii = heldPii();
    expect(encryptPlainFormPii(k.t.db, pii)).toBe(1);
    expect(encryptPlainFormPii(k.t.db, pii)).toBe(0);
    expect((await official.get(`/api/cases/${legacyId}`)).body.form.contactPhone).toBe("139****6666");
    const r = await official.post(`/api/cases/${legacyId}/reveal`, { reason: "核对旧备案" });
    expect(r.body).toEqual({ fields: { contactPhone: LEGACY_PHONE } });
  });

  it("never reaches the database file in plain text", async () => {
    expect((await fileCase()).status).toBe(200);
    storeLegacyCase();
    encryptPlainFormPii(k.t.db, heldPii());
    k.t.db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const files = fs.readdirSync(k.t.dir).filter((f) => f.startsWith("test.db"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const raw = fs.readFileSync(path.join(k.t.dir, f));
      expect(raw.includes(Buffer.from(PHONE)), f).toBe(false);
      expect(raw.includes(Buffer.from(LEGACY_PHONE)), f).toBe(false);
    }
  });
});
