import fs from "node:fs";
import path from "node:path";
import type { MergeSuggestions } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import { importFile } from "../imports/imports.service.js";

/**
 * Merge suggestions on the data-quality page (issue #14 item 9): entities the data hints are one company but the
 * automatic linker left apart are listed with rule and evidence; a city-wide official accepts one (the merge API,
 * audited, the suggestion's evidence recorded) or rejects it (a keep-apart decision, audited); nobody else can.
 */
let t: AuthTestApp;
let city: Record<string, string>;
let district: Record<string, string>;
let enterprise: Record<string, string>;

const TRAD = "華夏智行電子有限公司";
const SIMP = "华夏智行电子有限公司";
const EN = "ACME ROBOTICS INC";
const ZH = "艾克米机器人有限公司";

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c}"`).join(",")).join("\n");
const entityOf = (alias: string) =>
  t.db.sqlite.prepare("SELECT applicant_id FROM applicant_aliases WHERE alias = ?").pluck().get(alias) as number;
const audit = (action: string) =>
  t.db.sqlite
    .prepare("SELECT actor_id, target, details_json FROM audit_log WHERE action = ? ORDER BY rowid")
    .all(action) as Array<{ actor_id: number; target: string; details_json: string }>;
const list = async (headers = city) => {
  const res = await t.app.inject({ method: "GET", url: "/api/data-quality/merge-suggestions", headers });
  expect(res.statusCode).toBe(200);
  return res.json() as MergeSuggestions;
};
const pairOf = (s: MergeSuggestions, a: number, b: number) =>
  s.items.find((i) => [i.survivor.id, i.absorbed.id].sort().join() === [a, b].sort().join());
const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: "POST", url, headers, payload: payload as object });

beforeAll(async () => {
  t = await authTestApp();
  const file = path.join(t.dir, "suggestions.csv");
  fs.writeFileSync(
    file,
    csv([
      ["publication_number", "application_number", "title", "applicants", "priority_nos"],
      ["CN311000001A", "CN202110000001.0", "一种导航装置", SIMP, ""],
      ["CN311000002A", "CN202110000002.0", "一种导航方法", SIMP, ""],
      ["TW202100003A", "TW110000003", "導航系統", TRAD, ""],
      ["US2021000004A1", "US17000004", "Robot arm", EN, "US62000001"],
      ["CN311000005A", "CN202110000005.0", "一种机械臂", ZH, "US62000001"],
    ]),
  );
  await importFile(t.db, file, { source: "fixture_suggestions" });
  const header = async (name: string, role: "official" | "enterprise", d: string | null = null) => ({
    host: "localhost",
    ...sessionHeaders(t, (await makeUser(t, name, [{ role, district: d }])).id),
  });
  city = await header("ms-city", "official");
  district = await header("ms-district", "official", "410105");
  enterprise = await header("ms-ent", "enterprise");
}, 120_000);
afterAll(async () => t.close());

describe("GET /api/data-quality/merge-suggestions", () => {
  it("lists what the linker left apart, with rule, evidence and the larger entity as survivor", async () => {
    expect(entityOf(TRAD)).not.toBe(entityOf(SIMP));
    const s = await list();
    const names = pairOf(s, entityOf(TRAD), entityOf(SIMP));
    expect(names?.survivor).toEqual({ id: entityOf(SIMP), name: SIMP, patents: 2 });
    expect(names?.reasons.map((r) => r.rule)).toEqual(["similar_name"]);
    expect(names?.reasons[0].evidence.spellings).toEqual([SIMP, TRAD]);
    const priority = pairOf(s, entityOf(EN), entityOf(ZH));
    expect(priority?.reasons).toEqual([
      {
        rule: "shared_priority",
        evidence: { names: [EN, ZH], priorities: ["US62000001: US2021000004A1 / CN311000005A"], count: 1 },
      },
    ]);
  });

  it("is for officials with data:import only", async () => {
    const url = "/api/data-quality/merge-suggestions";
    expect((await t.app.inject({ method: "GET", url, headers: enterprise })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url, headers: { host: "localhost" } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: `${url}?limit=0`, headers: city })).statusCode).toBe(400);
  });
});

describe("accepting and rejecting", () => {
  it("only a city-wide official may accept or reject (district officials and enterprises are refused)", async () => {
    const [a, b] = [entityOf(TRAD), entityOf(SIMP)];
    const merge = { into: b, reason: "同一企业繁简写法", suggested: true };
    const apart = { other: b, reason: "不同企业" };
    for (const headers of [district, enterprise]) {
      expect((await post(`/api/applicants/${a}/merge`, headers, merge)).statusCode).toBe(403);
      expect((await post(`/api/applicants/${a}/keep-apart`, headers, apart)).statusCode).toBe(403);
    }
    expect((await post(`/api/applicants/${a}/keep-apart`, { host: "localhost" }, apart)).statusCode).toBe(401);
    expect(audit("applicant.keep_apart")).toEqual([]);
    expect(entityOf(TRAD)).not.toBe(entityOf(SIMP));
  });

  it("refuses a 'suggested' merge of a pair that is not suggested: no evidence can be claimed for it", async () => {
    const res = await post(`/api/applicants/${entityOf(TRAD)}/merge`, city, {
      into: entityOf(EN),
      reason: "试图伪造建议",
      suggested: true,
    });
    expect(res.statusCode).toBe(409);
    expect(entityOf(TRAD)).not.toBe(entityOf(EN));
  });

  it("rejects bad input with a 400 in words, never a 500", async () => {
    const id = entityOf(EN);
    for (const payload of [{ other: id, reason: "同一" }, { other: entityOf(ZH), reason: "x" }, { other: "abc" }]) {
      const res = await post(`/api/applicants/${id}/keep-apart`, city, payload);
      expect(res.statusCode).toBe(400);
    }
    expect(
      (await post("/api/applicants/99999999/keep-apart", city, { other: id, reason: "不同企业" })).statusCode,
    ).toBe(404);
  });

  it("accepts through the merge API: merged, audited, the suggestion's evidence on the merge, gone from the list", async () => {
    const [absorbed, survivor] = [entityOf(TRAD), entityOf(SIMP)];
    const res = await post(`/api/applicants/${absorbed}/merge`, city, {
      into: survivor,
      reason: "同一企业繁简写法",
      suggested: true,
    });
    expect(res.statusCode).toBe(200);
    expect(entityOf(TRAD)).toBe(survivor);
    const merge = t.db.sqlite
      .prepare("SELECT rule, evidence_json FROM applicant_merges WHERE absorbed_id = ?")
      .get(absorbed) as { rule: string; evidence_json: string };
    expect(merge.rule).toBe("official");
    expect(JSON.parse(merge.evidence_json)).toMatchObject({ suggestedBy: ["similar_name"], spellings: [SIMP, TRAD] });
    expect(JSON.parse(audit("applicant.merge")[0].details_json)).toMatchObject({ suggestedBy: ["similar_name"] });
    expect(pairOf(await list(), absorbed, survivor)).toBeUndefined();
  });

  it("rejects as a keep-apart decision: audited, gone from the list, and a later import does not merge them", async () => {
    const [en, zh] = [entityOf(EN), entityOf(ZH)];
    const res = await post(`/api/applicants/${zh}/keep-apart`, city, { other: en, reason: "许可关系，不同企业" });
    expect(res.statusCode).toBe(200);
    const decision = t.db.sqlite
      .prepare("SELECT a_id, b_id, reason FROM applicant_keep_apart WHERE lifted_at IS NULL")
      .all();
    expect(decision).toEqual([{ a_id: zh, b_id: en, reason: "许可关系，不同企业" }]);
    const [row] = audit("applicant.keep_apart");
    expect(row.target).toBe(`applicant:${zh}`);
    expect(JSON.parse(row.details_json)).toMatchObject({ other: en, reason: "许可关系，不同企业" });
    expect(pairOf(await list(), en, zh)).toBeUndefined();
    // The two scripts on one application would be merged automatically (same_application) — not once kept apart.
    const file = path.join(t.dir, "suggestions-2.csv");
    fs.writeFileSync(
      file,
      csv([
        ["publication_number", "application_number", "title", "applicants"],
        ["CN311000007A", "CN202110000007.0", "一种夹爪", ZH],
        ["CN311000007B", "CN202110000007.0", "一种夹爪", EN],
      ]),
    );
    await importFile(t.db, file, { source: "fixture_suggestions_2" });
    expect(entityOf(EN)).not.toBe(entityOf(ZH));
  });
});
