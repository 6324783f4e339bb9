import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import { refreshApplicantDisplayNames } from "../imports/display-names.js";
import { importFile } from "../imports/imports.service.js";

/** Officials merge, split and rename applicant entities: permission, audit row, evidence, patents re-indexed. */
let t: AuthTestApp;
let city: Record<string, string>;
let district: Record<string, string>;
let enterprise: Record<string, string>;
let officialId: number;

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c}"`).join(",")).join("\n");
const entityOf = (alias: string) =>
  t.db.sqlite.prepare("SELECT applicant_id FROM applicant_aliases WHERE alias = ?").pluck().get(alias) as number;
const seqOf = (pubNo: string) =>
  t.db.sqlite.prepare("SELECT updated_seq FROM patents WHERE pub_no = ?").pluck().get(pubNo) as number;
const maxSeq = () => t.db.sqlite.prepare("SELECT max(updated_seq) FROM patents").pluck().get() as number;
const linksOf = (pubNo: string) =>
  t.db.sqlite
    .prepare(
      `SELECT pa.position, pa.applicant_id AS id FROM patent_applicants pa JOIN patents p ON p.id = pa.patent_id
       WHERE p.pub_no = ? ORDER BY pa.position`,
    )
    .all(pubNo) as Array<{ position: number; id: number }>;
const auditRows = (action: string) =>
  t.db.sqlite.prepare("SELECT actor_id, target, details_json FROM audit_log WHERE action = ?").all(action) as Array<{
    actor_id: number;
    target: string;
    details_json: string;
  }>;
const send = (method: "POST" | "PUT", url: string, headers: Record<string, string>, payload: object) =>
  t.app.inject({ method, url, headers, payload });

beforeAll(async () => {
  t = await authTestApp();
  const file = path.join(t.dir, "entities.csv");
  fs.writeFileSync(
    file,
    csv([
      ["publication_number", "application_number", "title", "applicants"],
      ["CN200000001A", "CN202110000001.0", "一种电池", "郑州宇通客车股份有限公司"],
      ["CN200000002A", "CN202110000002.0", "一种电池箱", "郑州宇通客车股份有限公司"],
      ["CN200000003A", "CN202110000003.0", "一种客车", "宇通客车股份有限公司"],
      ["CN200000004A", "CN202110000004.0", "一种底盘", "宇通客车股份有限公司;郑州大学"],
      ["CN200000005A", "CN202110000005.0", "一种传感器", "河南汉威电子股份有限公司"],
    ]),
  );
  await importFile(t.db, file, { source: "fixture_entity_admin" });
  officialId = (await makeUser(t, "ea-city", [{ role: "official" }])).id;
  city = { host: "localhost", ...sessionHeaders(t, officialId) };
  district = {
    host: "localhost",
    ...sessionHeaders(t, (await makeUser(t, "ea-dist", [{ role: "official", district: "410105" }])).id),
  };
  enterprise = { host: "localhost", ...sessionHeaders(t, (await makeUser(t, "ea-ent", [{ role: "enterprise" }])).id) };
}, 120_000);
afterAll(async () => t.close());

describe("entity administration is for city-wide officials", () => {
  it("denies enterprises, the public and district-scoped officials", async () => {
    const id = entityOf("宇通客车股份有限公司");
    const body = { into: entityOf("郑州宇通客车股份有限公司"), reason: "同一企业" };
    expect((await send("POST", `/api/applicants/${id}/merge`, enterprise, body)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "POST", url: `/api/applicants/${id}/merge`, payload: body })).statusCode).toBe(
      401,
    );
    expect((await send("POST", `/api/applicants/${id}/merge`, district, body)).statusCode).toBe(403);
    expect(
      (await send("PUT", `/api/applicants/${id}/name`, enterprise, { name: "x", reason: "改名" })).statusCode,
    ).toBe(403);
    expect(
      (await send("POST", `/api/applicants/${id}/split`, enterprise, { aliases: ["x"], reason: "拆分" })).statusCode,
    ).toBe(403);
    expect(entityOf("宇通客车股份有限公司")).not.toBe(entityOf("郑州宇通客车股份有限公司"));
  });
});

describe("merge, split, rename", () => {
  it("merges one entity into another with rule 'official', the official as evidence, audited, patents bumped", async () => {
    const absorbed = entityOf("宇通客车股份有限公司");
    const survivor = entityOf("郑州宇通客车股份有限公司");
    const before = maxSeq();
    const res = await send("POST", `/api/applicants/${absorbed}/merge`, city, {
      into: survivor,
      reason: "同一企业的两种写法",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: survivor, patentsTouched: 2 });
    expect(entityOf("宇通客车股份有限公司")).toBe(survivor);
    expect(seqOf("CN200000003A")).toBeGreaterThan(before);
    expect(seqOf("CN200000004A")).toBeGreaterThan(before);
    expect(seqOf("CN200000005A")).toBeLessThanOrEqual(before);
    const merge = t.db.sqlite
      .prepare("SELECT rule, evidence_json, created_by FROM applicant_merges WHERE absorbed_id = ?")
      .get(absorbed) as { rule: string; evidence_json: string; created_by: number };
    expect(merge.rule).toBe("official");
    expect(merge.created_by).toBe(officialId);
    expect(JSON.parse(merge.evidence_json)).toMatchObject({ official: "ea-city", reason: "同一企业的两种写法" });
    const [audit] = auditRows("applicant.merge");
    expect(audit).toMatchObject({ actor_id: officialId, target: `applicant:${survivor}` });
    expect(JSON.parse(audit.details_json)).toMatchObject({ absorbed, reason: "同一企业的两种写法" });
  });

  it("answers an absorbed id with the surviving entity, flagged, and its merges with rule and evidence", async () => {
    const absorbed = t.db.sqlite
      .prepare("SELECT absorbed_id FROM applicant_merges WHERE rule = 'official'")
      .pluck()
      .get() as number;
    const res = await t.app.inject({ method: "GET", url: `/api/applicants/${absorbed}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.id).toBe(entityOf("郑州宇通客车股份有限公司"));
    expect(body.entity.mergedFrom).toBe(absorbed);
    expect(body.entity.merges[0]).toMatchObject({ rule: "official", absorbedId: absorbed });
    expect(body.patentCount).toBe(4);
    const direct = (await t.app.inject({ method: "GET", url: `/api/applicants/${body.id}` })).json();
    expect(direct.entity.mergedFrom).toBeNull();
  });

  it("shows the deciding official and their reason to curators only, never on the public profile", async () => {
    const survivor = entityOf("郑州宇通客车股份有限公司");
    const url = `/api/applicants/${survivor}`;
    const official = (m: { rule: string }) => m.rule === "official";
    for (const headers of [{}, enterprise]) {
      const res = await t.app.inject({ method: "GET", url, headers });
      const merge = res.json().entity.merges.find(official);
      expect(merge.evidence).not.toHaveProperty("official");
      expect(merge.evidence).not.toHaveProperty("reason");
      expect(merge.createdBy).toBeNull();
      expect(res.body).not.toContain("ea-city");
      expect(res.body).not.toContain("同一企业的两种写法");
    }
    const curator = (await t.app.inject({ method: "GET", url, headers: city })).json().entity.merges.find(official);
    expect(curator.evidence).toMatchObject({ official: "ea-city", reason: "同一企业的两种写法" });
    expect(curator.createdBy).toBe(officialId);
  });

  it("refuses to merge into an absorbed entity or itself, with a clear 4xx", async () => {
    const survivor = entityOf("郑州宇通客车股份有限公司");
    const absorbed = t.db.sqlite
      .prepare("SELECT absorbed_id FROM applicant_merges WHERE rule = 'official'")
      .pluck()
      .get() as number;
    const self = await send("POST", `/api/applicants/${survivor}/merge`, city, { into: survivor, reason: "自身合并" });
    expect(self.statusCode).toBe(400);
    const gone = await send("POST", `/api/applicants/${entityOf("郑州大学")}/merge`, city, {
      into: absorbed,
      reason: "已并入",
    });
    expect(gone.statusCode).toBe(409);
    expect(gone.json().error.message).toContain("已并入");
  });

  it("splits spellings out into an entity of their own, relinks and bumps their patents, audited", async () => {
    const id = entityOf("郑州宇通客车股份有限公司");
    const before = maxSeq();
    const res = await send("POST", `/api/applicants/${id}/split`, city, {
      aliases: ["宇通客车股份有限公司"],
      reason: "合并有误",
    });
    expect(res.statusCode).toBe(200);
    const { id: newId, patentsTouched } = res.json();
    expect(newId).not.toBe(id);
    expect(patentsTouched).toBe(2);
    expect(entityOf("宇通客车股份有限公司")).toBe(newId);
    expect(linksOf("CN200000003A")).toEqual([{ position: 0, id: newId }]);
    expect(linksOf("CN200000004A")[0]).toEqual({ position: 0, id: newId });
    expect(linksOf("CN200000001A")).toEqual([{ position: 0, id }]);
    expect(seqOf("CN200000004A")).toBeGreaterThan(before);
    expect(seqOf("CN200000001A")).toBeLessThanOrEqual(before);
    const profile = (await t.app.inject({ method: "GET", url: `/api/applicants/${newId}` })).json();
    expect(profile.entity.mergedFrom).toBeNull();
    expect(profile.aliases).toEqual(["宇通客车股份有限公司"]);
    expect(JSON.parse(auditRows("applicant.split")[0].details_json)).toMatchObject({ newId, reason: "合并有误" });
  });

  it("refuses a split of a spelling the entity does not have, or of every spelling", async () => {
    const id = entityOf("郑州宇通客车股份有限公司");
    const foreign = await send("POST", `/api/applicants/${id}/split`, city, { aliases: ["郑州大学"], reason: "拆分" });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain("不属于");
    const all = await send("POST", `/api/applicants/${id}/split`, city, {
      aliases: ["郑州宇通客车股份有限公司"],
      reason: "拆分",
    });
    expect(all.statusCode).toBe(400);
  });

  it("renames the display name, kept over the automatic most-frequent spelling, audited", async () => {
    const id = entityOf("河南汉威电子股份有限公司");
    const res = await send("PUT", `/api/applicants/${id}/name`, city, {
      name: "汉威科技集团股份有限公司",
      reason: "更名",
    });
    expect(res.statusCode).toBe(200);
    refreshApplicantDisplayNames(t.db.sqlite);
    const profile = (await t.app.inject({ method: "GET", url: `/api/applicants/${id}` })).json();
    expect(profile.name).toBe("汉威科技集团股份有限公司");
    expect(profile.entity.nameSource).toBe("official");
    expect(JSON.parse(auditRows("applicant.rename")[0].details_json)).toMatchObject({
      from: "河南汉威电子股份有限公司",
      to: "汉威科技集团股份有限公司",
    });
  });
});
