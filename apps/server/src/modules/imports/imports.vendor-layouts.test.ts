import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { importFile } from "./imports.service.js";
import { loadReferenceData } from "./reference-data.js";
import { DATA_DIR } from "./test-support.js";

let db: Db;
let dir: string;
const get = (pubNo: string) =>
  db.sqlite.prepare("SELECT * FROM patents WHERE pub_no = ?").get(pubNo) as Record<string, unknown>;
const write = (name: string, content: string | Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");

beforeAll(async () => {
  ({ db, dir } = await freshDb());
  loadReferenceData(db.sqlite, DATA_DIR);
}, 120_000);

// Headers as incoPat prints them (its 标准化申请人 column once made the file read as Patentics).
const INCOPAT_HEADER = [
  "序号",
  "标题",
  "标题(英文)",
  "摘要(英文)",
  "公开(公告)号",
  "公开/公告日",
  "申请号",
  "申请人",
  "标准化申请人",
  "发明人",
  "专利有效性",
  "专利类型",
  "CPC",
  "优先权号",
  "优先权日",
  "引证专利",
  "被引用数",
  "简单同族",
  "代理机构",
  "律师、代理",
  "省市",
  "地市",
  "通信地址",
  "合享价值度",
];

describe("an incoPat export with 标准化申请人", () => {
  it("is read as incoPat: inventors split, PCT statuses, explicit type, English fields, citations, family", async () => {
    const file = write(
      "incopat.csv",
      csv([
        INCOPAT_HEADER,
        [
          "1",
          "一种聊天机器人",
          "Chatbot for customer service",
          "A chatbot answers questions.",
          "CN112345678A",
          "2021-01-05",
          "CN202010000001.1",
          "郑州某科技有限公司",
          "郑州某科技",
          "张三; 李四",
          "审中",
          "发明申请",
          "G06F 16/332; G06N 3/08",
          "CN201910000001.1; US62/123,456",
          "2019-01-02; 2019-03-04",
          "CN1234567A; US5433384A",
          "7",
          "CN112345678A; WO2021000001A1",
          "郑州某专利代理事务所",
          "王五",
          "河南省郑州市",
          "",
          "郑州市金水区花园路1号",
          "8",
        ],
        [
          "2",
          "",
          "Conversational agent",
          "",
          "WO2021000001A1",
          "2021-01-07",
          "",
          "ACME",
          "acme",
          "不公告发明人",
          "未进入国家阶段-PCT有效期满",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
        ],
        [
          "3",
          "",
          "Chatbot device",
          "",
          "WO2022000002A1",
          "2022-01-07",
          "",
          "ACME",
          "acme",
          "Smith, John",
          "PCT有效期内",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
        ],
        [
          "4",
          "",
          "Signal processor",
          "",
          "US5433384A",
          "1995-07-11",
          "",
          "ACME",
          "acme",
          "Doe, Jane",
          "失效",
          "发明授权",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "重庆市渝北区龙山街道100号",
          "",
          "",
        ],
      ]),
    );
    const r = await importFile(db, file, { source: "fixture_incopat" });
    expect([r.rowsOk, r.rowsBad]).toEqual([4, 0]);
    expect(r.detected).toMatchObject({ layout: "incopat", encoding: "utf-8", delimiter: ",", headerRow: 1 });
    expect(r.detected?.unused).toEqual(["序号", "标准化申请人", "合享价值度"]);
    expect(r.detected?.columns).toContainEqual({ header: "律师、代理", field: "agent" });

    const cn = get("CN112345678A");
    expect(cn).toMatchObject({
      inventors: "张三;李四",
      title: "一种聊天机器人",
      title_en: "Chatbot for customer service",
      abstract_en: "A chatbot answers questions.",
      pub_date: "2021-01-05",
      status: "pending",
      cpc: "G06F16/332;G06N3/08",
      priority_nos: "CN201910000001.1;US62/123,456",
      priority_dates: "2019-01-02;2019-03-04",
      cited_refs: "CN1234567A;US5433384A",
      cites_count: 2,
      cited_by_count: 7,
      family_members: "CN112345678A;WO2021000001A1",
      family_count: 2,
      agency: "郑州某专利代理事务所",
      agent: "王五",
      applicant_address: "郑州市金水区花园路1号",
      province_code: "41",
      city_code: "4101",
    });
    expect(JSON.parse(cn.extra_json as string)).toEqual({ 序号: "1", 标准化申请人: "郑州某科技", 合享价值度: "8" });

    const expired = get("WO2021000001A1");
    expect(expired).toMatchObject({ title: "Conversational agent", title_en: "Conversational agent" });
    expect(expired).toMatchObject({ status: "pct_expired", status_raw: "未进入国家阶段-PCT有效期满", inventors: null });
    expect(JSON.parse(expired.extra_json as string).发明人).toBe("不公告发明人"); // the raw text stays visible
    expect(get("WO2022000002A1")).toMatchObject({ status: "pct_pending", inventors: "Smith, John" });

    const us = get("US5433384A");
    expect(us).toMatchObject({ type: "invention_grant", type_raw: "发明授权", status: "lapsed" });
    // 地市 holding a street address is the address, not a city name.
    expect(us).toMatchObject({ applicant_address: "重庆市渝北区龙山街道100号", province_code: "50" });
  });

  it("reads a Patentics export (Family; Given between ' | ') as Patentics", async () => {
    const file = write(
      "patentics.csv",
      csv([
        ["公开号", "标题", "申请人", "标准化申请人", "发明人", "第一发明人", "引用本文专利数", "美国分类"],
        [
          "US11170254B2",
          "Method for image analysis",
          "Aurora",
          "aurora",
          "Tachwali; Yahia",
          "Tachwali",
          "3",
          "G06K9/6256",
        ],
      ]),
    );
    const r = await importFile(db, file, { source: "fixture_patentics" });
    expect(r.detected?.layout).toBe("patentics");
    expect(get("US11170254B2")).toMatchObject({ inventors: "Tachwali, Yahia", cited_by_count: 3, cpc: "G06K9/6256" });
  });
});

describe("the import report on bad files", () => {
  it("says 'no data rows' for a header-only file and stores nothing", async () => {
    const file = write("header-only.csv", "公开号,标题,申请人\n\n");
    await expect(importFile(db, file, { source: "fixture_header_only" })).rejects.toThrow(
      "header-only.csv: no data rows — the file has a header (row 1) only",
    );
    expect(
      db.sqlite.prepare("SELECT count(*) FROM import_runs WHERE source = 'fixture_header_only'").pluck().get(),
    ).toBe(0);
  });

  it("reads a UTF-8 file with one bad byte at the end as UTF-8 and warns on that row", async () => {
    const text = csv([
      ["公开号", "标题", "申请人"],
      ["CN100000001A", "一种电池", "甲公司"],
      ["CN100000002A", "一种电池管理系统", "乙公司"],
    ]);
    const file = write("cut.csv", Buffer.concat([Buffer.from(text, "utf8"), Buffer.from([0xe5])]));
    const r = await importFile(db, file, { source: "fixture_cut" });
    expect(r.detected).toMatchObject({ encoding: "utf-8", replacedBytes: 1 });
    expect([r.rowsOk, r.rowsBad]).toEqual([2, 0]);
    expect(get("CN100000001A").title).toBe("一种电池");
    expect(r.firstIssues).toEqual([
      {
        row: 2,
        severity: "warning",
        reason: "bytes that are not UTF-8 replaced by '\uFFFD' in 申请人",
        place: null,
        issues: [{ code: "undecodable", params: { columns: ["申请人"] } }],
      },
    ]);
    const stored = db.sqlite.prepare("SELECT detected_json FROM import_runs WHERE id = ?").pluck().get(r.runId);
    expect(JSON.parse(stored as string)).toMatchObject({ layout: "unknown", encoding: "utf-8", headerRow: 1 });
  });
});
