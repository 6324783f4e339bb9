import fs from "node:fs";
import path from "node:path";
import type { PatentImportJobDetail, PatentImportPreview } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../../testing/auth-fixtures.js";
import { readWorkbook } from "../../../uploads/read-workbook.js";
import { part, repeatedDeflate, zipOf } from "../../../uploads/xlsx-test-kit.js";
import { cnipaXml, csvOf, multipart, xlsxOf } from "./test-files.js";

/** Patent import over HTTP: the whole app in-process on a fresh database (real migrations), files built here. */
let t: AuthTestApp;
let city: Record<string, string>;
let district: Record<string, string>;
let enterprise: Record<string, string>;

const HEADER = ["公开（公告）号", "标题", "申请人", "申请日", "法律状态", "专利类型", "备注"];
const ROWS = [
  ["CN300100001A", "一种电池热管理装置", "郑州大学", "2023-03-01", "实质审查", "发明申请", "第一行的备注"],
  ["CN300100002B", "一种无人机机翼", "河南某科技有限公司;张三", "2022-05-06", "有效", "发明授权", ""],
  ["", "没有公开号的一行", "某公司", "2023-01-01", "有效", "发明申请", ""],
  ["CN300100003U", "一种电池箱", "郑州宇通客车股份有限公司", "2023-13-45", "有效", "实用新型", ""],
];

const count = (sql: string, ...args: unknown[]) =>
  t.db.sqlite
    .prepare(sql)
    .pluck()
    .get(...args) as number;
const stagedFolders = () => {
  const dir = path.join(t.dir, "import-uploads");
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

async function upload(name: string, bytes: Buffer, headers = city, query = "") {
  const body = multipart(name, bytes);
  return t.app.inject({
    method: "POST",
    url: `/api/imports${query}`,
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

async function uploaded(name: string, bytes: Buffer): Promise<PatentImportPreview> {
  const res = await upload(name, bytes);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const post = (url: string, payload: object, headers = city) => t.app.inject({ method: "POST", url, headers, payload });
const get = (url: string, headers = city) => t.app.inject({ method: "GET", url, headers });

/** Polls the import until its job is over (the app's own runner runs it). */
async function finished(id: number): Promise<PatentImportJobDetail> {
  for (let i = 0; i < 600; i++) {
    const job = (await get(`/api/imports/${id}`)).json() as PatentImportJobDetail;
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} did not finish`);
}

beforeAll(async () => {
  t = await authTestApp();
  const user = async (name: string, role: "official" | "enterprise", d: string | null = null) => ({
    host: "localhost",
    ...sessionHeaders(t, (await makeUser(t, name, [{ role, district: d }])).id),
  });
  city = await user("imp-city", "official");
  district = await user("imp-district", "official", "410105");
  enterprise = await user("imp-ent", "enterprise");
}, 60_000);
afterAll(async () => t.close());

describe("POST /api/imports: upload, detect, preview", () => {
  it("detects a CSV and previews its rows as they will be stored, writing nothing", async () => {
    const patents = count("SELECT count(*) FROM patents");
    const p = await uploaded("周报.csv", csvOf([HEADER, ...ROWS]));
    expect(p.upload).toMatchObject({ fileName: "周报.csv", kind: "csv", gzipped: false });
    expect(p.upload.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.detected).toMatchObject({ encoding: "utf-8", delimiter: ",", headerRow: 1, unused: ["备注"] });
    expect(p.detected.columns).toContainEqual({ header: "公开（公告）号", field: "pub_no" });
    expect(p.detected.columns).toContainEqual({ header: "备注", field: null });
    expect(p.rowsTotal).toBe(4);
    const [first, second, bad, badDate] = p.rows;
    expect(first).toMatchObject({ row: 1, ok: true, kind: "patent" });
    expect(first.patent).toMatchObject({
      pubNo: "CN300100001A",
      title: "一种电池热管理装置",
      appDate: "2023-03-01",
      status: "pending",
      statusRaw: "实质审查",
      applicants: ["郑州大学"],
      regionCode: "4101",
      regionName: "河南省 郑州市",
      regionRule: "org_name",
    });
    expect(first.patent?.otherFields).toEqual({ 备注: "第一行的备注" });
    expect(second.patent).toMatchObject({ type: "invention_grant", status: "valid" });
    expect(second.patent?.applicants).toEqual(["河南某科技有限公司", "张三"]);
    expect(bad).toMatchObject({ row: 3, ok: false, patent: null });
    expect(bad.problems).toEqual([
      { severity: "error", message: "no publication number", code: "no_pub_no", params: {} },
    ]);
    expect(badDate.ok).toBe(true);
    expect(badDate.problems[0]).toMatchObject({
      severity: "warning",
      code: "bad_date",
      params: { column: "申请日", value: "2023-13-45" },
    });
    expect(p.problems).toEqual([]);
    expect(count("SELECT count(*) FROM patents")).toBe(patents);
    expect(stagedFolders()).toContain(p.upload.id);
  });

  it("detects an XLSX and a CNIPA XML file by their content, whatever their names say", async () => {
    const x = await uploaded("export.dat", xlsxOf([HEADER, ...ROWS.slice(0, 2)]));
    expect(x.upload.kind).toBe("xlsx");
    expect(x.detected).toMatchObject({ encoding: "xlsx", delimiter: null, headerRow: 1 });
    expect(x.rows.map((r) => r.patent?.pubNo)).toEqual(["CN300100001A", "CN300100002B"]);

    const xml = cnipaXml({
      docNumber: "218300101",
      appNo: "202223200101.5",
      title: "一种机载盒",
      applicant: "河南某科技有限公司",
    });
    const p = await uploaded("document.txt", xml);
    expect(p.upload.kind).toBe("xml");
    expect(p.detected.layout).toBe("cnipa");
    expect(p.rows[0].patent).toMatchObject({
      pubNo: "CN218300101U",
      title: "一种机载盒",
      type: "utility_model",
      regionCode: "410105",
      regionName: "河南省 郑州市 金水区",
      regionRule: "cnipa_code",
    });
  });

  it("reads a gzipped CSV, typed by what it inflates to", async () => {
    const { gzipSync } = await import("node:zlib");
    const p = await uploaded("weekly.csv.gz", gzipSync(csvOf([HEADER, ROWS[0]])));
    expect(p.upload).toMatchObject({ gzipped: true, kind: "csv", fileName: "weekly.csv.gz" });
    expect(p.rows[0].patent?.pubNo).toBe("CN300100001A");
  });

  it("re-runs detection and preview with a mapping override", async () => {
    const p = await uploaded("map.csv", csvOf([HEADER, ROWS[0]]));
    const res = await post(`/api/imports/${p.upload.id}/preview`, { mapping: { 备注: "abstract", 申请日: null } });
    expect(res.statusCode, res.body).toBe(200);
    const again = res.json() as PatentImportPreview;
    expect(again.detected.columns).toContainEqual({ header: "备注", field: "abstract" });
    expect(again.detected.unused).toEqual(["申请日"]);
    expect(again.rows[0].patent).toMatchObject({ abstract: "第一行的备注", appDate: null });
    expect(again.mapping).toEqual({ 备注: "abstract", 申请日: null });
    const unknown = await post(`/api/imports/${p.upload.id}/preview`, { mapping: { 备注: "no_such_field" } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain("no_such_field");
    const missing = await post(`/api/imports/${p.upload.id}/preview`, { mapping: { 不存在的列: "abstract" } });
    expect(missing.json().warnings[0]).toContain("不存在的列");
  });

  it("takes a file with no known publication-number column, shows every column and refuses to start until one is mapped", async () => {
    const rows = [
      ["周报导出 2025-04"], // a title line above the header
      ["Doc ID", "Name", "申请人", "Remark"],
      ["CN300100101A", "一种未知格式导出的装置", "郑州大学", "x"],
      ["CN300100102A", "另一种装置", "河南某科技有限公司", ""],
    ];
    const p = await uploaded("unknown.csv", csvOf(rows));
    expect(p.detected.headerRow).toBe(2);
    expect(p.detected.columns).toEqual([
      { header: "Doc ID", field: null },
      { header: "Name", field: null },
      { header: "申请人", field: "applicants" },
      { header: "Remark", field: null },
    ]);
    expect(p.problems.map((x) => [x.severity, x.code])).toEqual([
      ["error", "no_pub_no_column"],
      ["warning", "no_title_column"],
    ]);
    expect(p.warnings[0]).toContain("公开（公告）号");
    expect(p.rows.every((r) => !r.ok && r.problems[0].code === "no_pub_no")).toBe(true);
    const refused = await post(`/api/imports/${p.upload.id}/start`, { source: "web-unknown" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain("no column gives the publication number");

    // the official maps the key but not yet the title: start is allowed, the preview says every row would be rejected
    const keyOnly = (await post(`/api/imports/${p.upload.id}/preview`, { mapping: { "Doc ID": "pub_no" } })).json();
    expect(keyOnly.problems.map((x: { code: string }) => x.code)).toEqual(["no_title_column"]);
    expect(keyOnly.rows[0].problems[0]).toMatchObject({ code: "no_title", params: { pubNo: "CN300100101A" } });

    const mapping = { "Doc ID": "pub_no", Name: "title" };
    const mapped = (await post(`/api/imports/${p.upload.id}/preview`, { mapping })).json() as PatentImportPreview;
    expect(mapped.problems).toEqual([]);
    expect(mapped.rows.map((r) => r.ok)).toEqual([true, true]);
    // start checks the mapping it is given, not only the last preview's
    expect((await post(`/api/imports/${p.upload.id}/start`, { source: "web-unknown" })).statusCode).toBe(400);
    const started = await post(`/api/imports/${p.upload.id}/start`, { source: "web-unknown", mapping });
    expect(started.statusCode, started.body).toBe(200);
    const job = await finished(started.json().id);
    expect(job.counts).toMatchObject({ inserted: 2, rejected: 0 });
  });

  it("lists the canonical fields with Chinese and English labels", async () => {
    const { fields } = (await get("/api/imports/fields")).json() as { fields: Array<Record<string, unknown>> };
    expect(fields).toContainEqual({ field: "pub_no", zh: "公开（公告）号", en: "Publication number", required: true });
    expect(fields.every((f) => f.zh !== f.field && f.en !== f.field)).toBe(true);
  });
});

describe("mapping profiles", () => {
  it("are saved, applied at upload, preview and start, replaced by name and deleted", async () => {
    const saved = await post("/api/imports/profiles", { name: "某数据商周报", mapping: { 备注: "abstract" } });
    expect(saved.statusCode, saved.body).toBe(200);
    const profile = saved.json();
    expect(profile).toMatchObject({
      name: "某数据商周报",
      mapping: { 备注: "abstract" },
      createdBy: { name: "imp-city" },
    });
    expect((await get("/api/imports/profiles")).json().items.map((p: { id: number }) => p.id)).toContain(profile.id);

    const onUpload = await upload("p.csv", csvOf([HEADER, ROWS[0]]), city, `?profileId=${profile.id}`);
    expect(onUpload.json().rows[0].patent.abstract).toBe("第一行的备注");
    const plain = await uploaded("p2.csv", csvOf([HEADER, ROWS[0]]));
    expect(plain.rows[0].patent?.abstract).toBeNull();
    const applied = await post(`/api/imports/${plain.upload.id}/preview`, { profileId: profile.id });
    expect(applied.json()).toMatchObject({ profileId: profile.id, mapping: { 备注: "abstract" } });
    expect(applied.json().rows[0].patent.abstract).toBe("第一行的备注");

    const replaced = await post("/api/imports/profiles", { name: "某数据商周报", mapping: { 备注: null } });
    expect(replaced.json().id).toBe(profile.id);
    expect(replaced.json().mapping).toEqual({ 备注: null });
    expect((await post("/api/imports/profiles", { name: "坏的", mapping: { a: "nope" } })).statusCode).toBe(400);

    const del = () => t.app.inject({ method: "DELETE", url: `/api/imports/profiles/${profile.id}`, headers: city });
    expect((await del()).statusCode).toBe(204);
    expect((await del()).statusCode).toBe(404);
    expect((await post(`/api/imports/${plain.upload.id}/preview`, { profileId: profile.id })).statusCode).toBe(404);
    const actions = t.db.sqlite
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'import.profile%' ORDER BY seq")
      .pluck()
      .all();
    expect(actions).toEqual(["import.profile_saved", "import.profile_saved", "import.profile_deleted"]);
  });
});

describe("start → durable job → report", () => {
  it("imports through the job runner and reports new / updated / unchanged / rejected and per-field changes", async () => {
    const p = await uploaded("第一批.csv", csvOf([HEADER, ...ROWS]));
    const res = await post(`/api/imports/${p.upload.id}/start`, { source: "web-test-1", exportDate: "2025-04-01" });
    expect(res.statusCode, res.body).toBe(200);
    const started = res.json() as PatentImportJobDetail;
    expect(started).toMatchObject({ fileName: "第一批.csv", source: "web-test-1", authority: "vendor" });
    const job = await finished(started.id);
    expect(job.status, job.message ?? "").toBe("done");
    expect(job.progress).toEqual({ done: 4, total: 4 });
    expect(job.counts).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 1, warnings: 1 });
    expect(job.report).toMatchObject({ rowsTotal: 4, authority: "vendor", asOf: "2025-04-01", status: "done" });
    expect(job.report?.detected?.unused).toEqual(["备注"]);
    expect(job.report?.firstIssues).toContainEqual({
      row: 3,
      reason: "no publication number",
      severity: "error",
      place: null,
      issues: [{ code: "no_pub_no", params: {} }],
    });
    expect(count("SELECT count(*) FROM patents WHERE pub_no LIKE 'CN3001000%'")).toBe(3);
    // the staged file is gone once imported; the upload cannot be started again
    expect(stagedFolders()).not.toContain(p.upload.id);
    expect((await post(`/api/imports/${p.upload.id}/start`, { source: "web-test-1" })).statusCode).toBe(409);

    // a later export changes a legal status: one update, a status event, the other rows unchanged
    const later = ROWS.map((r) => (r[0] === "CN300100001A" ? [...r.slice(0, 4), "驳回", ...r.slice(5)] : r));
    const p2 = await uploaded("第二批.csv", csvOf([HEADER, ...later]));
    const second = await post(`/api/imports/${p2.upload.id}/start`, { source: "web-test-2", exportDate: "2025-05-01" });
    const done = await finished(second.json().id);
    // a source tag alone is no update: the two rows that did not change count as unchanged
    expect(done.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, rejected: 1 });
    expect(done.report?.fieldChanges.status).toBe(1);
    expect(done.report?.statusEvents).toBe(1);

    const list = (await get("/api/imports")).json().items as Array<{ id: number }>;
    expect(list.slice(0, 2).map((j) => j.id)).toEqual([done.id, job.id]);
    const audit = t.db.sqlite
      .prepare(
        "SELECT action, target FROM audit_log WHERE action IN ('import.upload', 'import.start') ORDER BY seq DESC LIMIT 2",
      )
      .all();
    expect(audit).toEqual([
      { action: "import.start", target: `import:${done.id}` },
      { action: "import.upload", target: `import-upload:${p2.upload.id}` },
    ]);
  });

  it("downloads the rejected rows and warnings as an XLSX that opens, with row numbers and reasons", async () => {
    const p = await uploaded("拒收.csv", csvOf([HEADER, ...ROWS]));
    const job = await finished((await post(`/api/imports/${p.upload.id}/start`, { source: "web-test-rej" })).json().id);
    expect(job.rejectedUrl).toBe(`/api/imports/${job.id}/rejected.xlsx`);
    const res = await get(job.rejectedUrl as string);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("拒收-rejected-"));
    // Chinese by default (no Accept-Language): headers, kinds and reasons, never English
    const { rows } = await readWorkbook(res.rawPayload);
    expect(rows[0]).toEqual(["行号", "类别", "原因", "原始行"]);
    expect(rows[1].slice(0, 3)).toEqual(["3", "拒收", "没有公开（公告）号"]);
    expect(String(rows[1][3])).toContain("没有公开号的一行");
    expect(rows[2].slice(0, 3)).toEqual(["4", "警告（已导入）", "申请日“2023-13-45”不是日期"]);
    // English when the page asks for it (lang) or the browser prefers it (Accept-Language)
    const byParam = await readWorkbook((await get(`${job.rejectedUrl}?lang=en`)).rawPayload);
    expect(byParam.rows[0]).toEqual(["Row", "Kind", "Reason", "Raw row"]);
    expect(byParam.rows[1].slice(1, 3)).toEqual(["rejected", "no publication number"]);
    expect(byParam.rows[2].slice(1, 3)).toEqual(["warning (loaded)", "申请日 '2023-13-45' is not a date"]);
    const byHeader = await get(job.rejectedUrl as string, { ...city, "accept-language": "en-GB,en;q=0.9,zh;q=0.5" });
    expect((await readWorkbook(byHeader.rawPayload)).rows[1][2]).toBe("no publication number");
    const zhFirst = await get(`${job.rejectedUrl}`, { ...city, "accept-language": "en;q=0.4, zh-CN" });
    expect((await readWorkbook(zhFirst.rawPayload)).rows[1][2]).toBe("没有公开（公告）号");
  });

  it("lets only a city-wide official import as official data", async () => {
    const xml = cnipaXml({
      docNumber: "218300201",
      appNo: "202223200201.5",
      title: "一种盒",
      applicant: "河南某科技有限公司",
    });
    const mine = async (headers: Record<string, string>) => {
      const body = multipart("a.xml", xml);
      const res = await t.app.inject({
        method: "POST",
        url: "/api/imports",
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
      return (res.json() as PatentImportPreview).upload.id;
    };
    const byDistrict = await mine(district);
    const refused = await post(`/api/imports/${byDistrict}/start`, { source: "d", authority: "official" }, district);
    expect(refused.statusCode).toBe(403);
    const asVendor = await post(`/api/imports/${byDistrict}/start`, { source: "d" }, district);
    expect(asVendor.json().authority).toBe("vendor");
    const byCity = await mine(city);
    const asOfficial = (await post(`/api/imports/${byCity}/start`, { source: "c" })).json();
    expect(asOfficial.authority).toBe("official");
    // an upload is its uploader's: another official cannot preview or start it
    expect((await post(`/api/imports/${byCity}/preview`, {}, district)).statusCode).toBe(404);
    await finished(asVendor.json().id);
    expect((await finished(asOfficial.id)).report?.authority).toBe("official");
  });
});

describe("bad input: a clear 4xx, nothing kept", () => {
  const refused = async (name: string, bytes: Buffer, status: number, words: string) => {
    const before = { uploads: count("SELECT count(*) FROM import_uploads"), folders: stagedFolders().length };
    const res = await upload(name, bytes);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.message).toContain(words);
    expect(count("SELECT count(*) FROM import_uploads")).toBe(before.uploads);
    expect(stagedFolders().length).toBe(before.folders);
  };

  it("refuses an empty file, a header-only file and binary garbage", async () => {
    await refused("empty.csv", Buffer.alloc(0), 400, "the file is empty");
    await refused("header.csv", csvOf([HEADER]), 400, "no data rows");
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await refused("garbage.csv", garbage, 400, "binary data");
    await refused("old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 400, ".xlsx");
  });

  it("refuses files cut short: an XLSX, an XML document, a gzip stream", async () => {
    const x = xlsxOf([HEADER, ...ROWS]);
    await refused("cut.xlsx", x.subarray(0, Math.floor(x.length * 0.7)), 400, "cut.xlsx");
    const xml = cnipaXml({ docNumber: "218300301", appNo: "202223200301.5", title: "一种盒", applicant: "某公司" });
    await refused("cut.xml", xml.subarray(0, xml.length - 60), 400, "cut.xml");
    const { gzipSync } = await import("node:zlib");
    const gz = gzipSync(csvOf([HEADER, ...ROWS]));
    await refused("cut.csv.gz", gz.subarray(0, gz.length - 10), 400, "gzip");
  });

  it("refuses a ZIP bomb: by its declared size, and one lying about it", async () => {
    const bomb = { ...repeatedDeflate("公开号,标题\n", "a".repeat(1 << 20), 1600, "\n"), name: "data.csv" };
    await refused("bomb.zip", zipOf([bomb]), 413, "bomb.zip");
    const liar = { ...repeatedDeflate("公开号,标题\n", "a".repeat(1 << 20), 8, "\n"), name: "data.csv" };
    liar.declaredSize = 1000;
    const res = await upload("liar.zip", zipOf([liar, part("b.csv", "x")]));
    expect([400, 413]).toContain(res.statusCode);
    expect(res.json().error.message).toContain("liar.zip");
  });

  it("answers 413 from the declared length, before reading the body", async () => {
    const body = multipart("huge.csv", csvOf([HEADER, ROWS[0]]));
    const res = await t.app.inject({
      method: "POST",
      url: "/api/imports",
      headers: { ...city, ...body.headers, "content-length": String(201 * 1024 * 1024) },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("TOO_LARGE");
  });

  it("refuses a body that is not multipart, and an upload without a file", async () => {
    const json = await post("/api/imports", { file: "x" });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toContain("multipart");
  });

  it("is for officials with data:import only", async () => {
    const res = await upload("a.csv", csvOf([HEADER, ROWS[0]]), enterprise);
    expect(res.statusCode).toBe(403);
    expect((await get("/api/imports", enterprise)).statusCode).toBe(403);
    expect((await get("/api/imports/fields", { host: "localhost" })).statusCode).toBe(401);
  });
});
