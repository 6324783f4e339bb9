import fs from "node:fs";
import path from "node:path";
import { CASE_LIMITS } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionHeaders } from "../../testing/auth-fixtures.js";
import { b64, type Caller, type CaseKit, caseKit, FILES, REGISTRATION_FORM } from "./cases.test-kit.js";
import { STAGED_UPLOAD_TTL_MS } from "./staged-uploads.js";

let k: CaseKit;
let ent: Caller;
let otherEnt: Caller;
let agency: Caller;
let official: Caller;

beforeAll(async () => {
  k = await caseKit();
  ent = await k.user("ent-up", "enterprise", { org: k.org("上传测试公司", "91350100M000100Y43", "410105") });
  otherEnt = await k.user("ent-up-2", "enterprise", { org: k.org("另一家公司", "91110000802100433B", "410105") });
  agency = await k.user("agency-up", "agency", { org: k.org("某代理所", "91410100MA00000019", "410105", "agency") });
  official = await k.user("off-up", "official");
});
afterAll(async () => k.close());

const licence = (file: Buffer = FILES.pdf, kind = "business_licence", type = "protection_registration") => ({
  type,
  kind,
  filename: "营业执照.pdf",
  contentBase64: b64(file),
});
const registration = (uploads: number[], filer = ent) => ({
  type: "protection_registration",
  title: "企业备案",
  filedAs: filer.filedAs,
  form: REGISTRATION_FORM,
  uploads,
});
async function remove(who: Caller, id: number): Promise<number> {
  const res = await k.t.app.inject({
    method: "DELETE",
    url: `/api/cases/uploads/${id}`,
    headers: { host: "localhost", ...sessionHeaders(k.t, who.id) },
  });
  return res.statusCode;
}
const attachmentsDir = () => path.join(k.t.dir, "attachments");
const stored = (sha256: string) => fs.existsSync(path.join(attachmentsDir(), sha256.slice(0, 2), sha256));

describe("attachments uploaded in the apply form", () => {
  it("the case types say which kinds the form asks for, and each kind's byte limit", async () => {
    const types = (await ent.get("/api/cases/types")).body.types;
    const reg = types.find((t: { key: string }) => t.key === "protection_registration");
    expect(reg.attachments).toEqual([
      expect.objectContaining({ kind: "business_licence", atApplication: "required", maxBytes: 10 * 1024 * 1024 }),
    ]);
    const mediation = types.find((t: { key: string }) => t.key === "mediation");
    expect(mediation.attachments.map((a: { atApplication: string | null }) => a.atApplication)).toEqual([null, null]);
  });

  it("become the new case's attachments, so the office's 准予备案 no longer fails for missing attachments", async () => {
    const up = await ent.post("/api/cases/uploads", licence());
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ kind: "business_licence", mime: "application/pdf", size: FILES.pdf.length });
    expect((await ent.get("/api/cases/uploads?type=protection_registration")).body.items).toHaveLength(1);

    const created = await ent.post("/api/cases", registration([up.body.id]));
    expect(created.status).toBe(200);
    expect(created.body.attachments).toEqual([
      expect.objectContaining({ kind: "business_licence", filename: "营业执照.pdf", mime: "application/pdf" }),
    ]);
    expect(created.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created", "attachment"]);
    expect((await ent.get("/api/cases/uploads?type=protection_registration")).body.items).toEqual([]);

    const approved = await official.post(`/api/cases/${created.body.id}/transitions/approve`, { comment: "准予" });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe("registered");
  });

  it("checks each file like an attachment: declared kind asked at application, type by content, who may apply", async () => {
    const exe = await ent.post("/api/cases/uploads", licence(FILES.exe));
    expect(exe.status).toBe(400);
    expect(exe.body.error.details).toMatchObject({ detected: null });
    // a mediation agreement is produced during mediation, not uploaded with the application
    expect((await ent.post("/api/cases/uploads", licence(FILES.docx, "agreement", "mediation"))).status).toBe(400);
    expect((await ent.post("/api/cases/uploads", licence(FILES.pdf, "nonsense"))).status).toBe(400);
    // protection registration is opened by enterprises only
    expect((await agency.post("/api/cases/uploads", licence())).status).toBe(403);
    expect((await official.post("/api/cases/uploads", licence())).status).toBe(403);
    expect((await ent.get("/api/cases/uploads?type=protection_registration")).body.items).toEqual([]);
  });

  it("belong to their uploader: another person can neither submit nor remove them", async () => {
    const up = (await ent.post("/api/cases/uploads", licence())).body;
    const before = (await otherEnt.get("/api/cases/mine")).body.total;
    const stolen = await otherEnt.post("/api/cases", registration([up.id], otherEnt));
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.details).toMatchObject({ field: "uploads" });
    expect((await otherEnt.get("/api/cases/mine")).body.total).toBe(before); // refused whole: no case either
    expect(await remove(otherEnt, up.id)).toBe(404);
    // nor does an upload for one case type attach to another
    const listing = {
      type: "ip_listing",
      title: "挂牌",
      filedAs: ent.filedAs,
      form: { listingKind: "transfer", assetType: "patent", assetNumber: "CN114000001A", assetTitle: "某专利" },
      uploads: [up.id],
    };
    expect((await ent.post("/api/cases", listing)).status).toBe(400);
    expect(await remove(ent, up.id)).toBe(200);
    expect((await ent.get("/api/cases/uploads?type=protection_registration")).body.items).toEqual([]);
  });

  it("are bounded per person and expire; an expired file's bytes go unless an attachment holds them", async () => {
    const unique = Buffer.concat([FILES.pdf, Buffer.from(`% only here ${Date.now()}\n`)]);
    const ids: number[] = [];
    for (let i = 0; i < CASE_LIMITS.maxStagedUploads; i++)
      ids.push((await ent.post("/api/cases/uploads", licence(i === 0 ? unique : FILES.pdf))).body.id);
    expect((await ent.post("/api/cases/uploads", licence())).status).toBe(409);
    const first = (await ent.get("/api/cases/uploads?type=protection_registration")).body.items[0];
    expect(first.id).toBe(ids[0]);
    const sha = (id: number) =>
      (k.t.db.sqlite.prepare("SELECT sha256 FROM case_uploads WHERE id = ?").get(id) as { sha256: string }).sha256;
    const uniqueSha = sha(ids[0]!);
    const sharedSha = sha(ids[1]!);
    expect(stored(uniqueSha)).toBe(true);

    k.t.clock.advance(STAGED_UPLOAD_TTL_MS + 60_000);
    expect((await ent.get("/api/cases/uploads?type=protection_registration")).body.items).toEqual([]);
    expect(stored(uniqueSha)).toBe(false);
    expect(stored(sharedSha)).toBe(true); // the same bytes are the first case's attachment
    expect((await ent.post("/api/cases", registration([ids[1]!]))).status).toBe(400);
  });
});
