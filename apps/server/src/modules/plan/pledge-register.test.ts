import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, seedReference } from "../../testing/fixture-db.js";
import { FakeClock, systemClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { ReferenceService } from "../reference/reference.service.js";
import { RegistryService } from "../registry/registry.service.js";
import { official } from "../registry/registry.test-support.js";
import { PlanService } from "./plan.service.js";

/** Issue #17 item 7: pledges registered outside the platform's cases feed the plan's pledge-financing figure. */
let db: Db;
let registry: RegistryService;
let plan: PlanService;
const city = official(null);
const caseNumbers = new Set(["Y2024410000099"]);

beforeAll(async () => {
  ({ db } = await freshDb());
  seedReference(db);
  const audit = new AuditService(db, systemClock);
  const today = new FakeClock(Date.UTC(2024, 11, 31, 12)); // 2024-12-31
  registry = new RegistryService(db, audit, today);
  plan = new PlanService(db, registry, new ReferenceService(db), audit, today, {
    pledgeAmountYuan: (f) => (f.year === 2024 && !f.district ? 50_000_000 : 0), // the cases' own registrations
    caseRegistrationNos: () => caseNumbers,
  });
  registry.createOrg(city, {
    name: "郑州某科技有限公司",
    category: "enterprise",
    creditCode: null,
    districtCode: "410172",
    zone: "高新区",
    address: null,
    qualifications: [],
    status: "active",
    since: "2020-01-01",
    ended: null,
    brand: "none",
    notes: null,
  });
});
afterAll(async () => db.close());

async function xlsx(header: string[], rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("登记");
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const pledgeTarget = () => plan.dashboard(city).targets.find((t) => t.key === "pledge_financing")!;

describe("the pledge register", () => {
  it("an official registers a pledge; its district comes from the registry; a number is recorded once", () => {
    const p = plan.pledges.register(city, {
      registrationNo: "Y2024410000001",
      registeredOn: "2024-03-15",
      pledgor: "郑州某科技有限公司",
      pledgee: "中国银行郑州高新区支行",
      patents: ["ZL202110123456.7", "CN114000001A"],
      amountYuan: 30_000_000,
      districtCode: null,
    });
    expect(p).toMatchObject({ districtCode: "410172", source: "form", patents: ["202110123456.7", "CN114000001A"] });
    expect(() =>
      plan.pledges.register(city, { ...p, registrationNo: "Y2024410000001", districtCode: null, amountYuan: 1 }),
    ).toThrow(/已登记/);
    // a number the platform's pledge cases hold is theirs to count
    expect(() =>
      plan.pledges.register(city, { ...p, registrationNo: "Y2024410000099", districtCode: null, amountYuan: 1 }),
    ).toThrow(/已登记/);
    // the cases' 0.5 and the register's 0.3 (亿元)
    expect(pledgeTarget()).toMatchObject({ actual: 0.8 });
    expect(pledgeTarget().areas.find((a) => a.code === "410172")?.count).toBe(0.3);
  });

  it("a district official registers in their own district only", () => {
    const input = {
      registrationNo: "Y2024410000002",
      registeredOn: "2024-04-01",
      pledgor: "某外区企业",
      pledgee: "某银行",
      patents: ["202210000001.1"],
      amountYuan: 1_000_000,
      districtCode: "410105",
    };
    expect(() => plan.pledges.register(official("410172"), input)).toThrow(/本辖区/);
    expect(plan.pledges.register(official("410105"), input).districtCode).toBe("410105");
    expect(plan.pledges.list(official("410172")).map((p) => p.registrationNo)).toEqual(["Y2024410000001"]);
  });

  it("imports a bank's ledger (amounts in 万元), and rejects a wrong file whole with every row named", async () => {
    const header = ["登记号", "登记日期", "出质人", "质权人", "专利号", "质押金额（万元）"];
    const bad = await xlsx(header, [
      ["Y2024410000010", "2024-05-06", "甲公司", "乙银行", "202310000001.X", 500],
      ["Y2024410000011", "2024-02-30", "甲公司", "乙银行", "202310000002.1", 200],
      ["Y2024410000012", "2024-05-06", "甲公司", "乙银行", "一件专利", ""],
    ]);
    const rejected = await plan.pledges.importSheet(city, "bank.xlsx", bad);
    expect(rejected).toMatchObject({ layout: "bank", rejected: true, inserted: 0 });
    expect(rejected.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, "登记日期", "bad_date"],
      [4, "质押金额（万元）", "amount_required"],
      [4, "专利号", "bad_patents"],
    ]);
    const good = await xlsx(header, [
      ["Y2024410000010", new Date(Date.UTC(2024, 4, 6)), "甲公司", "乙银行", "202310000001.X；202310000003.5", "1,500"],
      ["Y2024410000001", "2024/3/15", "郑州某科技有限公司", "中国银行郑州高新区支行", "202110123456.7", 3000],
    ]);
    const done = await plan.pledges.importSheet(city, "bank.xlsx", good);
    expect(done).toMatchObject({ layout: "bank", rejected: false, inserted: 1, skipped: 1, errors: [] });
    const row = plan.pledges.list(city).find((p) => p.registrationNo === "Y2024410000010");
    expect(row).toMatchObject({ amountYuan: 15_000_000, source: "import:bank", fileName: "bank.xlsx" });
    expect(row?.patents).toEqual(["202310000001.X", "202310000003.5"]);
  });

  it("imports CNIPA's list (a row per patent, no amount; changes and cancellations are not new registrations)", async () => {
    const file = await xlsx(
      ["主分类号", "专利号", "发明名称", "事务类型", "登记号", "登记生效日", "出质人", "质权人"],
      [
        [
          "H01M10/00",
          "ZL202210000010.1",
          "一种电池",
          "专利权质押合同登记的生效",
          "Y2024410000020",
          "2024.07.01",
          "丙公司",
          "丁银行",
        ],
        [
          "H01M4/00",
          "ZL202210000011.5",
          "一种电极",
          "专利权质押合同登记的生效",
          "Y2024410000020",
          "2024.07.01",
          "丙公司",
          "丁银行",
        ],
        [
          "G06F16/00",
          "ZL202010000012.3",
          "一种检索方法",
          "专利权质押合同登记的注销",
          "Y2022410000003",
          "2024.07.02",
          "戊公司",
          "己银行",
        ],
      ],
    );
    const r = await plan.pledges.importSheet(city, "cnipa.xlsx", file);
    expect(r).toMatchObject({ layout: "cnipa", rejected: false, inserted: 1, skipped: 1, withoutAmount: 1 });
    const row = plan.pledges.list(city).find((p) => p.registrationNo === "Y2024410000020");
    expect(row).toMatchObject({ registeredOn: "2024-07-01", amountYuan: null, source: "import:cnipa" });
    expect(row?.patents).toEqual(["202210000010.1", "202210000011.5"]);
  });

  it("says which columns a list lacks, and refuses a file that is not a workbook", async () => {
    const r = await plan.pledges.importSheet(city, "x.xlsx", await xlsx(["出质人", "质权人"], [["甲", "乙"]]));
    expect(r.errors[0].message).toMatch(/缺少列：登记号、登记生效日|缺少列：质押登记号/);
    const notXlsx = await plan.pledges.importSheet(city, "x.xlsx", Buffer.from("not a workbook"));
    expect(notXlsx).toMatchObject({ rejected: true, errors: [{ row: 1, message: expect.stringContaining("xlsx") }] });
  });
});

describe("pledges of other rights than patents (issue #17 item 6)", () => {
  it("an official registers a trademark pledge, each number checked as a trademark's", () => {
    const base = {
      registeredOn: "2024-05-06",
      pledgor: "郑州某科技有限公司",
      pledgee: "中国银行郑州高新区支行",
      amountYuan: 1_000_000,
      districtCode: null,
    };
    expect(() =>
      plan.pledges.register(city, {
        ...base,
        registrationNo: "TM2024000001",
        assetType: "trademark",
        patents: ["ZL202110123456.7"],
      }),
    ).toThrow(/不完整或有误/);
    const p = plan.pledges.register(city, {
      ...base,
      registrationNo: "TM2024000001",
      assetType: "trademark",
      patents: ["4117 3195/5", "12345678"],
    });
    expect(p).toMatchObject({ assetType: "trademark", patents: ["41173195/5", "12345678"] });
  });

  it("imports a list whose numbers are trademark registrations, and names a kind of right it cannot read", async () => {
    const header = ["质押登记号", "登记日期", "出质人", "质权人", "商标注册号", "质押金额（万元）"];
    const ok = await plan.pledges.importSheet(
      city,
      "商标质押.xlsx",
      await xlsx(header, [["TM2024000002", "2024-06-01", "郑州某科技有限公司", "某银行", "41173195/29", 200]]),
    );
    expect(ok).toMatchObject({ inserted: 1, rejected: false });
    const stored = db.sqlite
      .prepare("SELECT asset_type FROM pledge_register WHERE registration_no = ?")
      .get("TM2024000002");
    expect(stored).toEqual({ asset_type: "trademark" });
    const bad = await plan.pledges.importSheet(
      city,
      "混合.xlsx",
      await xlsx(
        [...header.slice(0, 4), "专利号", "权利类型", header[5]],
        [["TM2024000003", "2024-06-01", "郑州某科技有限公司", "某银行", "41173195", "域名", 100]],
      ),
    );
    expect(bad.rejected).toBe(true);
    expect(bad.errors.map((e) => e.code)).toEqual(["bad_asset_type"]);
  });
});
