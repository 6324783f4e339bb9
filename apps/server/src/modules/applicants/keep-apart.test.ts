import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import { importFile } from "../imports/imports.service.js";

/**
 * An official's split is a "keep apart" decision (migration 016): the next import's automatic linker does not merge
 * the two entities back, directly or through a third; an official's merge lifts it. Audited.
 */
let t: AuthTestApp;
let city: Record<string, string>;
let officialId: number;
let fileNo = 0;

const ZH = "嘉禾智行科技有限公司";
const EN = "JIAHE ZHIXING TECHNOLOGY CO LTD";
const KO = "지아허 즈싱 테크놀로지 주식회사";
const header = ["publication_number", "application_number", "title", "applicants"];

/** Two publications (A and B) of each application, one applicant each: the same_application evidence. */
async function importPairs(pairs: Array<[string, string, string]>) {
  const rows = pairs.flatMap(([app, a, b], i) => [
    [`CN3${app}A`, `CN2021${app}.0`, `装置${i}`, a],
    [`CN3${app}B`, `CN2021${app}.0`, `装置${i}`, b],
  ]);
  const file = path.join(t.dir, `keep-apart-${++fileNo}.csv`);
  fs.writeFileSync(file, [header, ...rows].map((r) => r.map((c) => `"${c}"`).join(",")).join("\n"));
  return importFile(t.db, file, { source: `fixture_keep_apart_${fileNo}` });
}
const entityOf = (alias: string) =>
  t.db.sqlite.prepare("SELECT applicant_id FROM applicant_aliases WHERE alias = ?").pluck().get(alias) as number;
const decisions = () =>
  t.db.sqlite.prepare("SELECT * FROM applicant_keep_apart ORDER BY id").all() as Array<Record<string, unknown>>;
const audit = (action: string) =>
  t.db.sqlite
    .prepare("SELECT actor_id, target, details_json FROM audit_log WHERE action = ? ORDER BY rowid")
    .all(action) as Array<{ actor_id: number; target: string; details_json: string }>;

beforeAll(async () => {
  t = await authTestApp();
  officialId = (await makeUser(t, "ka-city", [{ role: "official" }])).id;
  city = { host: "localhost", ...sessionHeaders(t, officialId) };
  await importPairs([["10000001", ZH, EN]]);
}, 120_000);
afterAll(async () => t.close());

describe("keep apart after a split", () => {
  it("the import linked the two scripts of one application (the merge the official will undo)", () => {
    expect(entityOf(EN)).toBe(entityOf(ZH));
  });

  it("records the split as a keep-apart decision, audited", async () => {
    const id = entityOf(ZH);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/applicants/${id}/split`,
      headers: city,
      payload: { aliases: [EN], reason: "不同企业" },
    });
    expect(res.statusCode).toBe(200);
    const newId = res.json().id as number;
    expect(entityOf(EN)).toBe(newId);
    expect(decisions()).toEqual([
      expect.objectContaining({ a_id: id, b_id: newId, reason: "不同企业", created_by: officialId, lifted_at: null }),
    ]);
    const [row] = audit("applicant.split");
    expect(row).toMatchObject({ actor_id: officialId, target: `applicant:${id}` });
    expect(JSON.parse(row.details_json)).toMatchObject({ newId, keepApart: decisions()[0].id });
  });

  it("a later import with evidence that would merge them leaves them apart", async () => {
    const mergesBefore = t.db.sqlite.prepare("SELECT max(id) FROM applicant_merges").pluck().get() as number;
    await importPairs([["10000002", ZH, EN]]);
    expect(entityOf(EN)).not.toBe(entityOf(ZH));
    // Nor through a third entity linked to both (the Korean spelling shares an application with each).
    await importPairs([
      ["10000003", ZH, KO],
      ["10000004", EN, KO],
    ]);
    expect(entityOf(EN)).not.toBe(entityOf(ZH));
    expect([entityOf(ZH), entityOf(EN)]).toContain(entityOf(KO));
    const since = t.db.sqlite
      .prepare("SELECT survivor_id, absorbed_id FROM applicant_merges WHERE id > ?")
      .all(mergesBefore) as Array<{ survivor_id: number; absorbed_id: number }>;
    const sides = [entityOf(ZH), entityOf(EN)];
    expect(since.filter((m) => sides.includes(m.survivor_id) && sides.includes(m.absorbed_id))).toEqual([]);
  });

  it("an official's merge overrides the decision (lifted, audited) and the next import keeps them one", async () => {
    const [zh, en] = [entityOf(ZH), entityOf(EN)];
    const res = await t.app.inject({
      method: "POST",
      url: `/api/applicants/${en}/merge`,
      headers: city,
      payload: { into: zh, reason: "核实为同一企业" },
    });
    expect(res.statusCode).toBe(200);
    expect(entityOf(EN)).toBe(zh);
    const [decision] = decisions();
    expect(decision).toMatchObject({ lifted_by: officialId });
    expect(decision.lifted_at).not.toBeNull();
    expect(JSON.parse(audit("applicant.merge")[0].details_json)).toMatchObject({
      absorbed: en,
      liftedKeepApart: [decision.id],
    });
    await importPairs([["10000005", ZH, EN]]);
    expect(entityOf(EN)).toBe(entityOf(ZH));
  });
});
