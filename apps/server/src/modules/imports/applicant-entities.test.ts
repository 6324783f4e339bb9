import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { refreshApplicantEntities } from "./display-names.js";
import { importFile } from "./imports.service.js";
import { loadReferenceData } from "./reference-data.js";
import { DATA_DIR } from "./test-support.js";

let db: Db;
let dir: string;

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c}"`).join(",")).join("\n");
const entityOf = (alias: string) =>
  (
    db.sqlite.prepare("SELECT applicant_id FROM applicant_aliases WHERE alias = ?").get(alias) as {
      applicant_id: number;
    }
  )?.applicant_id;
const mergeOf = (alias: string) =>
  db.sqlite
    .prepare(
      `SELECT m.rule, m.evidence_json FROM applicant_merges m
       JOIN applicants a ON a.id = m.absorbed_id WHERE a.norm_key = (
         SELECT norm_key FROM applicants WHERE id = (SELECT applicant_id FROM applicant_aliases WHERE alias = ?))
         OR m.absorbed_id IN (SELECT id FROM applicants WHERE name = ?)`,
    )
    .all(alias, alias) as Array<{ rule: string; evidence_json: string }>;
const patent = (pubNo: string) =>
  db.sqlite
    .prepare("SELECT province_code, city_code, district_code, region_rule FROM patents WHERE pub_no = ?")
    .get(pubNo);

beforeAll(async () => {
  ({ db, dir } = await freshDb());
  loadReferenceData(db.sqlite, DATA_DIR);
  const header = ["publication_number", "application_number", "title", "applicants", "标准化申请人"];
  const file = path.join(dir, "entities.csv");
  fs.writeFileSync(
    file,
    csv([
      header,
      // One application, both publications, one name in each script: a translation.
      ["CN100000001A", "CN202010000001.0", "甲", "甲乙智能科技有限公司", ""],
      ["CN100000001B", "CN202010000001.0", "甲", "JIAYI INTELLIGENT TECHNOLOGY CO LTD", ""],
      // One application, two Chinese names: an assignment, never a merge.
      ["CN100000002A", "CN202010000002.0", "乙", "北京嘀嘀无限科技发展有限公司", ""],
      ["CN100000002B", "CN202010000002.0", "乙", "滴滴（中国）科技有限公司", ""],
      // One record in two scripts, organisations paired by position; persons never.
      ["JP2002278930A", "JP2001079821A", "丙", "Toyota Motor Corp | トヨタ自動車株式会社", ""],
      ["JP2008191704A", "JP2007000001A", "丁", "Kenichi Oshida | 賢一 押田", ""],
      // Spellings that normalise to one key.
      ["US10000001B2", "US16/000001", "戊", "BEIJING DIDI INFINITY TECHNOLOGY & DEV CO LTD", ""],
      ["US10000002B2", "US16/000002", "戊", "Beijing DiDi Infinity Technology and Development Co., Ltd.", ""],
      ["US10000003B2", "US16/000003", "戊", "BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT C O., LTD.", ""],
      // A vendor's standardised name that names one Latin entity, shared by a name in another script.
      ["US10000004B2", "US16/000004", "己", "Acme Robotics Co., Ltd.", "acme robotics"],
      ["US10000005B2", "US16/000005", "己", "ACME ROBOTICS CO LTD", "acme robotics"],
      ["JP2020000001A", "JP2019000001A", "己", "アクメ ロボティクス株式会社", "acme robotics"],
      ["JP2020000002A", "JP2019000002A", "己", "アクメ ロボティクス株式会社", "acme robotics"],
      // A group label over two Latin entities, none dominant: no link.
      ["US10000006B2", "US16/000006", "庚", "Alpha Widgets Inc", "megagroup"],
      ["US10000007B2", "US16/000007", "庚", "Alpha Widgets Inc", "megagroup"],
      ["US10000008B2", "US16/000008", "庚", "Beta Gadgets LLC", "megagroup"],
      ["US10000009B2", "US16/000009", "庚", "Beta Gadgets LLC", "megagroup"],
      ["JP2020000003A", "JP2019000003A", "庚", "メガ株式会社", "megagroup"],
      ["JP2020000004A", "JP2019000004A", "庚", "メガ株式会社", "megagroup"],
      // Region from an organisation's name; a person's name never gives one.
      ["CN100000010A", "CN202010000010.0", "辛", "郑州大学", ""],
      ["CN100000011A", "CN202010000011.0", "辛", "中原工学院", ""],
      ["CN100000012A", "CN202010000012.0", "辛", "王郑州", ""],
      ["CN100000013A", "CN202010000013.0", "辛", "通州区某某机械有限公司", ""],
      // For the later, small imports below (the entity pass looks only at what they wrote).
      ["CN100000020A", "CN202010000020.0", "壬", "贝塔光学有限公司", ""],
      ["US10000040B2", "US16/000040", "癸", "EPSILON TECH CO", ""],
      ["US10000041B2", "US16/000041", "癸", "EPSILON TECH CO", ""],
      ["US10000042B2", "US16/000042", "癸", "Epsilon Technology Co", ""],
    ]),
  );
  await importFile(db, file, { source: "fixture_entities" });
}, 120_000);

describe("applicant entities linked on evidence", () => {
  it("merges the two scripts of one application, with the rule and the publications as evidence", () => {
    expect(entityOf("JIAYI INTELLIGENT TECHNOLOGY CO LTD")).toBe(entityOf("甲乙智能科技有限公司"));
    const [merge] = mergeOf("JIAYI INTELLIGENT TECHNOLOGY CO LTD");
    expect(merge.rule).toBe("same_application");
    expect(merge.evidence_json).toContain("CN100000001A");
    expect(merge.evidence_json).toContain("CN100000001B");
  });

  it("never merges two names in one script on one application (an assignment)", () => {
    expect(entityOf("北京嘀嘀无限科技发展有限公司")).not.toBe(entityOf("滴滴（中国）科技有限公司"));
  });

  it("pairs the scripts of one record for organisations only", () => {
    expect(entityOf("Toyota Motor Corp")).toBe(entityOf("トヨタ自動車株式会社"));
    expect(mergeOf("トヨタ自動車株式会社")[0]?.rule ?? mergeOf("Toyota Motor Corp")[0]?.rule).toBe("same_publication");
    expect(entityOf("Kenichi Oshida")).not.toBe(entityOf("賢一 押田"));
  });

  it("folds spellings into one entity by the normalised key and keeps every raw spelling", () => {
    const id = entityOf("BEIJING DIDI INFINITY TECHNOLOGY & DEV CO LTD");
    expect(entityOf("Beijing DiDi Infinity Technology and Development Co., Ltd.")).toBe(id);
    expect(entityOf("BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT C O., LTD.")).toBe(id);
  });

  it("links on a vendor's standardised name only where it names one dominant entity", () => {
    expect(entityOf("アクメ ロボティクス株式会社")).toBe(entityOf("ACME ROBOTICS CO LTD"));
    expect(mergeOf("アクメ ロボティクス株式会社")[0].rule).toBe("vendor_standard_name");
    const group = [entityOf("Alpha Widgets Inc"), entityOf("Beta Gadgets LLC"), entityOf("メガ株式会社")];
    expect(new Set(group).size).toBe(3);
  });

  it("finds nothing more on a second pass (idempotent)", () => {
    const again = refreshApplicantEntities(db.sqlite);
    expect([again.normKeyMerges, again.evidenceMerges]).toEqual([0, 0]);
  });
});

describe("region with its rule", () => {
  it("derives a region from an organisation's name and records rule org_name", () => {
    expect(patent("CN100000010A")).toEqual({
      province_code: "41",
      city_code: "4101",
      district_code: null,
      region_rule: "org_name",
    });
  });

  it.each(["CN100000011A", "CN100000012A", "CN100000013A"])(
    "%s: no division, a person, or an ambiguous name → none",
    (pubNo) => {
      expect(patent(pubNo)).toEqual({ province_code: null, city_code: null, district_code: null, region_rule: null });
    },
  );
});

describe("a later, small import: the entity pass looks only at what it wrote", () => {
  const nameOf = (alias: string) =>
    db.sqlite.prepare("SELECT name FROM applicants WHERE id = ?").pluck().get(entityOf(alias)) as string;

  it("merges on the evidence it brings, recomputes the names of entities it took records from, and leaves nothing for a full pass", async () => {
    expect(nameOf("Epsilon Technology Co")).toBe("EPSILON TECH CO");
    const file = path.join(dir, "later.csv");
    fs.writeFileSync(
      file,
      csv([
        ["publication_number", "application_number", "title", "applicants"],
        // The other publication of an application stored earlier, in the other script: same_application.
        ["CN100000020B", "CN202010000020.0", "壬", "BETA OPTICS CO LTD"],
        // Two records corrected to another company: the entity they leave keeps one spelling, its new name.
        ["US10000040B2", "US16/000040", "癸", "Zeta Devices Inc"],
        ["US10000041B2", "US16/000041", "癸", "Zeta Devices Inc"],
      ]),
    );
    const r = await importFile(db, file, { source: "fixture_later" });
    expect([r.inserted, r.updated]).toEqual([1, 2]);
    expect(entityOf("BETA OPTICS CO LTD")).toBe(entityOf("贝塔光学有限公司"));
    expect(mergeOf("BETA OPTICS CO LTD")[0]?.rule ?? mergeOf("贝塔光学有限公司")[0]?.rule).toBe("same_application");
    expect(nameOf("Epsilon Technology Co")).toBe("Epsilon Technology Co");
    expect(nameOf("Zeta Devices Inc")).toBe("Zeta Devices Inc");
    // What the whole-data pass would have done, the scoped one did.
    expect(refreshApplicantEntities(db.sqlite)).toEqual({
      normKeyMerges: 0,
      evidenceMerges: 0,
      keptApart: 0,
      displayNamesChanged: 0,
    });
  });
});
