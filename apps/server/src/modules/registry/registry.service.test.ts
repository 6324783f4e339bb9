import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, insertPatents, seedReference } from "../../testing/fixture-db.js";
import { systemClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { RegistryService } from "./registry.service.js";
import { official, workbook } from "./registry.test-support.js";

let db: Db;
let registry: RegistryService;
const city = official(null);
const jinshui = official("410105");
const gaoxin = official("410172");

beforeAll(async () => {
  ({ db } = await freshDb());
  registry = new RegistryService(db, new AuditService(db, systemClock), systemClock);
});
afterAll(async () => db.close());

const ORG_HEADER = [
  "名称*",
  "类别*",
  "统一社会信用代码",
  "地址",
  "品牌等级",
  "区县代码",
  "功能区",
  "资质",
  "状态",
  "生效日期",
  "终止日期",
  "备注",
];

describe("Excel import", () => {
  it("rejects the whole file and names every bad row and column (Excel row numbers, header = row 1)", async () => {
    const file = await workbook(ORG_HEADER, [
      [
        "郑州甲专利代理有限公司",
        "专利代理机构",
        "91410100MA00000001",
        "",
        "",
        "410105",
        "",
        "",
        "有效",
        "2023-04-01",
        "",
        "",
      ],
      ["", "专利代理机构", "", "", "", "410105", "", "", "", "", "", ""], // row 3: no name
      ["郑州乙公司", "飞行器", "", "", "", "410105", "", "", "", "", "", ""], // row 4: unknown category
      ["郑州丙公司", "企业", "", "", "", "4101", "", "知识产权强企；金牌", "", "2023-13-01", "", ""], // row 5
      ["郑州丁公司", "专利代理机构", "91410100MA00000001", "", "", "410105", "", "", "", "", "", ""], // row 6: duplicate code
    ]);
    const r = await registry.importWorkbook(city, "orgs", file);
    expect(r.rejected).toBe(true);
    expect(r.inserted).toBe(0);
    const at = (row: number) => r.errors.filter((e) => e.row === row).map((e) => e.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(["名称"]);
    expect(at(4)).toEqual(["类别"]);
    expect(at(5).sort()).toEqual(["区县代码", "生效日期", "资质"].sort());
    expect(at(6)).toEqual(["统一社会信用代码"]);
    expect(registry.listOrgs(city, { page: 1, pageSize: 10 }).total).toBe(0);
  });

  it("imports a correct file (labels or codes, Excel dates), then updates by credit code", async () => {
    const file = await workbook(ORG_HEADER, [
      ["说明：机构全称", "", "", "", "", "", "", "", "", "", "", ""], // the template's hint row is skipped
      [
        "郑州甲专利代理有限公司",
        "专利代理机构",
        "91410100MA00000001",
        "金水路 1 号",
        "省级",
        "410105",
        "郑东新区",
        "竞争力机构",
        "有效",
        new Date(Date.UTC(2023, 3, 1)),
        "",
        "",
      ],
      [
        "郑州乙科技有限公司",
        "enterprise",
        "91410100MA00000002",
        "",
        "",
        "410172",
        "高新区",
        "知识产权强企",
        "",
        "2024-02-01",
        "",
        "",
      ],
    ]);
    const r = await registry.importWorkbook(city, "orgs", file);
    expect(r).toEqual({ inserted: 2, updated: 0, errors: [], rejected: false });
    const again = await registry.importWorkbook(city, "orgs", file);
    expect(again).toMatchObject({ inserted: 0, updated: 2 });
    const list = registry.listOrgs(city, { page: 1, pageSize: 10 }).items;
    const jia = list.find((o) => o.name === "郑州甲专利代理有限公司")!;
    expect(jia).toMatchObject({
      since: "2023-04-01",
      zone: "郑东新区",
      brand: "provincial",
      qualifications: ["competitive_agency"],
      source: "import",
    });
    expect(registry.getOrg(city, jia.id).history.map((h) => h.action)).toEqual(["imported", "imported"]);
  });

  it("a district official cannot import rows of another district", async () => {
    const file = await workbook(ORG_HEADER, [["郑州戊公司", "企业", "", "", "", "410172", "", "", "", "", "", ""]]);
    const r = await registry.importWorkbook(jinshui, "orgs", file);
    expect(r.rejected).toBe(true);
    expect(r.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: "区县代码",
        code: "out_of_scope",
        message: expect.stringContaining("不在本辖区"),
      }),
    ]);
  });

  it("imports people linked to an organisation by credit code, with row-numbered errors", async () => {
    const header = [
      "姓名*",
      "类别*",
      "证书编号",
      "所属机构统一社会信用代码",
      "区县代码",
      "功能区",
      "资质",
      "状态",
      "生效日期",
      "终止日期",
      "备注",
    ];
    const bad = await workbook(header, [
      ["张三", "专利代理师", "P-1", "91410100MA99999999", "410105", "", "执业", "", "", "", ""],
    ]);
    expect((await registry.importWorkbook(city, "people", bad)).errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: "所属机构统一社会信用代码",
        code: "unknown_org",
        message: expect.stringContaining("91410100MA99999999"),
      }),
    ]);
    const good = await workbook(header, [
      ["张三", "专利代理师", "P-1", "91410100MA00000001", "410105", "", "执业", "", "2023-05-01", "", ""],
    ]);
    expect(await registry.importWorkbook(city, "people", good)).toMatchObject({ inserted: 1, rejected: false });
    expect(registry.listPeople(city, { page: 1, pageSize: 5 }).items[0]).toMatchObject({
      orgName: "郑州甲专利代理有限公司",
      qualifications: ["practising"],
    });
  });

  it("answers an unreadable file with one clear error", async () => {
    const r = await registry.importWorkbook(city, "orgs", Buffer.from("not a workbook"));
    expect(r).toMatchObject({ rejected: true, errors: [{ row: 0, column: null }] });
  });
});

describe("district scope", () => {
  it("lists, reads and writes only the official's own district", () => {
    const all = registry.listOrgs(city, { page: 1, pageSize: 50 }).items;
    const jia = all.find((o) => o.districtCode === "410105")!;
    const yi = all.find((o) => o.districtCode === "410172")!;
    expect(registry.listOrgs(jinshui, { page: 1, pageSize: 50 }).items.map((o) => o.id)).toEqual([jia.id]);
    // 高新区 410172 is a coded zone: its official sees records placed there by code or by zone name
    expect(registry.listOrgs(gaoxin, { page: 1, pageSize: 50 }).items.map((o) => o.id)).toEqual([yi.id]);
    expect(() => registry.getOrg(jinshui, yi.id)).toThrow(/没有这条记录/);
    const { id: _id, source: _s, createdAt: _c, updatedAt: _u, patentFilings: _p, ...input } = yi;
    expect(() => registry.updateOrg(jinshui, yi.id, { ...input, name: "改名" })).toThrow(/没有这条记录/);
    expect(() => registry.createOrg(jinshui, { ...input, name: "郑州己公司", creditCode: null })).toThrow(/410105/);
    const made = registry.createOrg(jinshui, {
      ...input,
      name: "郑州己公司",
      creditCode: null,
      districtCode: "410105",
      zone: null,
    });
    expect(made.districtCode).toBe("410105");
    expect(registry.listPeople(gaoxin, { page: 1, pageSize: 50 }).total).toBe(0);
  });

  it("derives candidates from the patent data — the city's agencies only — marked as such, seen by city-wide officials only", () => {
    seedReference(db);
    insertPatents(db, [
      { pub_no: "CN1A", title: "一种电池" },
      { pub_no: "CN2A", title: "一种电池壳" },
      { pub_no: "CN3A", title: "一种电池盖" },
    ]);
    const agency = db.sqlite.prepare("UPDATE patents SET agency = ?, extra_json = ? WHERE pub_no = ?");
    // issue #17: the shipped data's Chongqing agency was offered to Zhengzhou
    agency.run("重庆某专利代理事务所", null, "CN1A");
    agency.run("郑州某专利代理事务所", null, "CN2A");
    // a Zhengzhou-looking name with a Chongqing agency code (CNIPA XML) is not the city's
    agency.run("郑州另一专利代理事务所", JSON.stringify({ "代理机构代码 AgencyCode": "50212" }), "CN3A");
    expect(() => registry.deriveCandidates(jinshui)).toThrow(/市级/);
    expect(registry.deriveCandidates(city)).toEqual({ added: 1, alreadyKnown: 0, outsideCity: 2 });
    expect(registry.deriveCandidates(city)).toEqual({ added: 0, alreadyKnown: 1, outsideCity: 2 });
    const cands = registry.listOrgs(city, { page: 1, pageSize: 5, status: "candidate" }).items;
    expect(cands).toEqual([
      expect.objectContaining({
        name: "郑州某专利代理事务所",
        source: "derived from patent data",
        districtCode: null,
        status: "candidate",
        patentFilings: 1,
      }),
    ]);
    expect(registry.listOrgs(jinshui, { page: 1, pageSize: 50, status: "candidate" }).total).toBe(0);
  });
});
