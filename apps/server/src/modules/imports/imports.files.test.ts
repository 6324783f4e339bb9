import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { importFile } from "./imports.service.js";
import { loadReferenceData } from "./reference-data.js";
import { DATA_DIR, snapshot } from "./test-support.js";

let db: Db;
let dir: string;
const get = (pubNo: string) =>
  db.sqlite.prepare("SELECT * FROM patents WHERE pub_no = ?").get(pubNo) as Record<string, unknown>;
const write = (name: string, content: string | Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

beforeAll(async () => {
  ({ db, dir } = await freshDb());
  loadReferenceData(db.sqlite, DATA_DIR); // divisions and SEI names for region/SEI resolution
}, 120_000);

describe("bad rows", () => {
  it("reports row-numbered reasons and still loads the good rows", async () => {
    const file = write(
      "bad.csv",
      [
        "publication_number,title,application_date,applicants,legal_status",
        "CN111111111A,好的一行,2021-03-05,甲科技有限公司,有效",
        ",没有公开号,2021-03-05,乙公司,有效",
        "CN222222222A,日期是乱码,2021-13-45,丙大学,审中",
        "??,编号无法解析,2021-03-05,丁公司,有效",
        "CN333333333U,,2021-03-05,戊公司,有效",
        "CN444444444B,最后一行,20210305,己研究院,授权",
      ].join("\n"),
    );
    const r = await importFile(db, file, { source: "fixture_bad" });
    expect([r.rowsOk, r.rowsBad, r.warnings]).toEqual([3, 3, 1]);
    const issues = db.sqlite
      .prepare("SELECT row_number, severity, reason FROM import_errors WHERE run_id = ? ORDER BY row_number")
      .all(r.runId);
    expect(issues).toEqual([
      { row_number: 2, severity: "error", reason: "no publication number" },
      { row_number: 3, severity: "warning", reason: "application_date '2021-13-45' is not a date" },
      { row_number: 4, severity: "error", reason: "unparseable publication number '??'" },
      { row_number: 5, severity: "error", reason: "no title (CN333333333U)" },
    ]);
    const garbled = get("CN222222222A");
    expect(garbled.app_date).toBeNull();
    expect(JSON.parse(garbled.extra_json as string).application_date).toBe("2021-13-45"); // raw value kept
    expect(get("CN444444444B").app_date).toBe("2021-03-05");
    expect(get("CN111111111A").status).toBe("valid");
  });
});

describe("column mapping", () => {
  it("reads a CNIPA-Chinese-header CSV with full-width brackets and a BOM", async () => {
    const file = write(
      "cnipa.csv",
      "\uFEFF公开（公告）号,申请号,发明名称,申请人/专利权人,发明人/设计人,申请日,公开（公告）日,IPC分类号,主分类号,摘要,主权项,当前法律状态,代理机构,代理人,申请人地址,国省代码,审查员\n" +
        'CN555555555A,CN202110000001.1,一种电池,"郑州大学;河南省科学院",张三;李四,2021.03.05,2021/9/1,"H01M 10/0525(2006.01);H01M 4/00",H01M 10/0525,摘要文本,1.一种电池,实质审查,某代理所,王五,郑州市高新技术产业开发区科学大道100号,河南(41),赵六\n',
    );
    const r = await importFile(db, file, { source: "fixture_cnipa" });
    expect([r.rowsOk, r.rowsBad]).toEqual([1, 0]);
    const p = get("CN555555555A");
    expect(p).toMatchObject({
      app_no: "CN202110000001.1",
      title: "一种电池",
      inventors: "张三;李四",
      app_date: "2021-03-05",
      pub_date: "2021-09-01",
      ipc_main: "H01M10/0525",
      ipc_all: "H01M10/0525;H01M4/00",
      abstract: "摘要文本",
      claims: "1.一种电池",
      status: "pending",
      status_raw: "实质审查",
      type: "invention_application",
      agency: "某代理所",
      agent: "王五",
      province_code: "41",
      city_code: "4101",
      district_code: "410172",
    });
    expect(JSON.parse(p.extra_json as string)).toEqual({ 审查员: "赵六" });
    const names = db.sqlite
      .prepare(
        "SELECT a.name, a.kind FROM patent_applicants pa JOIN applicants a ON a.id = pa.applicant_id WHERE pa.patent_id = ? ORDER BY position",
      )
      .all(p.id);
    expect(names).toEqual([
      { name: "郑州大学", kind: "university" },
      { name: "河南省科学院", kind: "institute" },
    ]);
  });

  it("reads a GBK-encoded CSV", async () => {
    // '公开号,申请号,专利名称,申请人,申请日,法律状态,申请人地址' + one row, encoded GBK (python str.encode('gbk')).
    const gbk = Buffer.from(
      "b9abbfaabac52cc9eac7ebbac52cd7a8c0fbc3fbb3c62cc9eac7ebc8cb2cc9eac7ebc8d52cb7a8c2c9d7b4ccac2cc9eac7ebc8cbb5d8d6b70a434e323138373531343735552c434e3230323232333232303636352e322cd2bbd6d6cedec8cbbbfabbfad4d8b6e0b9a6c4dcbad02cd6d0bfc6b4f3cafdbeddd1d0bebfd4ba2c323032322e31322e30322cd3d0c8a82dc9f3b6a8cadac8a82cbad3c4cfcaa1d6a3d6ddcad0d6a3b6abd0c2c7f8d6d0b5c0b6abc2b736bac50a",
      "hex",
    );
    const r = await importFile(db, write("gbk.csv", gbk), { source: "fixture_gbk" });
    expect(r.encoding).toBe("gb18030");
    expect(get("CN218751475U")).toMatchObject({
      title: "一种无人机机载多功能盒",
      applicants_raw: "中科大数据研究院",
      app_date: "2022-12-02",
      status: "valid",
      district_code: "410105", // 郑东新区 → 金水区
    });
  });

  it("reads an XLSX export with a title line above the header, dates and Excel serials", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("检索结果");
    ws.addRow(["incoPat 检索结果导出 2024-01-01"]);
    ws.addRow([
      "Publication Number",
      "Title",
      "Applicants",
      "Inventors",
      "Application Date",
      "Publication Date",
      "IPC",
      "Legal Status",
    ]);
    ws.addRow([
      "US11558566B2",
      "Synchronized spinning LIDAR",
      "Waymo LLC",
      "Gassend; Blaise",
      new Date(Date.UTC(2021, 1, 26)),
      44943,
      "H04N 5/353 | G06T 7/521",
      "Granted",
    ]);
    ws.addRow([]);
    ws.addRow([
      "EP3678911A1",
      "Vehicle control",
      "Robert Bosch GmbH | Waymo LLC.",
      "",
      "2019-08-30",
      "",
      "",
      "Pending",
    ]);
    const file = path.join(dir, "export.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await importFile(db, file, { source: "fixture_xlsx" });
    expect([r.rowsOk, r.rowsBad, r.encoding]).toEqual([2, 0, "xlsx"]);
    expect(get("US11558566B2")).toMatchObject({
      country: "US",
      type: "invention_grant",
      app_date: "2021-02-26",
      pub_date: "2023-01-17",
      ipc_main: "H04N5/353",
      status: "valid",
    });
    expect(get("EP3678911A1")).toMatchObject({ type: "invention_application", status: "pending", app_year: 2019 });
    const waymo = db.sqlite.prepare("SELECT count(*) FROM applicants WHERE norm_key = 'waymo'").pluck().get();
    expect(waymo).toBe(1); // 'Waymo LLC' and 'Waymo LLC.' are one applicant
  });

  it("follows an explicit mapping file for unknown headers", async () => {
    const file = write("custom.csv", "Doc ID,Name Of Invention,Owner,Note\nCN666666666U,一种支架,某某公司,内部备注\n");
    const r = await importFile(db, file, {
      source: "fixture_custom",
      mapping: { "Doc ID": "pub_no", "Name Of Invention": "title", Owner: "applicants", Note: null },
    });
    expect(r.rowsOk).toBe(1);
    expect(get("CN666666666U")).toMatchObject({ title: "一种支架", type: "utility_model", applicants_raw: "某某公司" });
    expect(JSON.parse(get("CN666666666U").extra_json as string)).toEqual({ Note: "内部备注" });
  });
});

describe("unreadable layouts", () => {
  it("rejects a file with no recognisable header as a BAD_REQUEST", async () => {
    const file = write("noheader.csv", "foo,bar\n1,2\n");
    await expect(importFile(db, file, { source: "fixture_noheader" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("no column gives the publication number (columns of row 1: foo, bar)"),
      details: { columns: ["foo", "bar"], headerRow: 1 },
    });
    const runs = db.sqlite.prepare("SELECT count(*) FROM import_runs WHERE source = 'fixture_noheader'").pluck().get();
    expect(runs).toBe(0); // refused before anything is written
  });
});

describe("merging and idempotence", () => {
  // Until issue #14 a later source only filled empty fields (the title stayed the first one's): that was the bug.
  it("takes a later source's title, fills empty fields, never blanks one, and re-importing changes nothing", async () => {
    const first = write("first.csv", "公开号,标题,摘要,申请人\nCN777777777A,第一来源的标题,,甲公司\n");
    const second = write(
      "second.csv",
      "公开号,标题,摘要,申请人,法律状态\nCN777777777A,第二来源的标题,后来的摘要,,有效\n",
    );
    await importFile(db, first, { source: "src_a" });
    await importFile(db, second, { source: "src_b" });
    const merged = get("CN777777777A");
    expect(merged).toMatchObject({
      title: "第二来源的标题",
      abstract: "后来的摘要",
      applicants_raw: "甲公司",
      status_raw: "有效",
      sources: "src_a;src_b",
    });
    const before = snapshot(db);
    const seq = merged.updated_seq;
    const skipped = await importFile(db, second, { source: "src_b" });
    expect(skipped.status).toBe("skipped");
    const forced = await importFile(db, second, { source: "src_b", force: true });
    expect([forced.inserted, forced.updated, forced.unchanged]).toEqual([0, 0, 1]);
    expect(snapshot(db)).toEqual(before);
    expect(get("CN777777777A").updated_seq).toBe(seq);
  });
});
