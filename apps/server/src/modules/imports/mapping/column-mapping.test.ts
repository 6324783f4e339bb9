import { describe, expect, it } from "vitest";
import { buildColumnMapping, detectHeaderRow, mapRow } from "./column-mapping.js";

describe("buildColumnMapping", () => {
  it.each([
    // CNIPA / incoPat Chinese headers, full- and half-width brackets
    ["公开（公告）号", "pub_no"],
    ["公开(公告)号", "pub_no"],
    ["公开号", "pub_no"],
    ["公告号", "pub_no"],
    ["申请号", "app_no"],
    ["申请人", "applicants"],
    ["专利权人", "applicants"],
    ["申请（专利权）人", "applicants"],
    ["发明人", "inventors"],
    ["设计人", "inventors"],
    ["发明人/设计人", "inventors"],
    ["申请日", "app_date"],
    ["公开（公告）日", "pub_date"],
    ["授权公告日", "grant_date"],
    ["IPC分类号", "ipc_all"],
    ["分类号", "ipc_all"],
    ["国际分类", "ipc_all"],
    ["主分类号", "ipc_main"],
    ["IPC主分类", "ipc_main"],
    ["摘要", "abstract"],
    ["主权项", "claims"],
    ["权利要求", "claims"],
    ["法律状态", "legal_status"],
    ["当前法律状态", "legal_status"],
    ["代理机构", "agency"],
    ["专利代理机构", "agency"],
    ["代理人", "agent"],
    ["申请人地址", "applicant_address"],
    ["国省代码", "province_code_text"],
    ["专利类型", "patent_type"],
    ["被引证次数", "cited_by_count"],
    // Patentics
    ["标题", "title"],
    ["国际主分类", "ipc_main"],
    ["权利要求数", "claims_count"],
    ["引用本文专利数", "cited_by_count"],
    // English
    ["Publication Number", "pub_no"],
    ["publication_number", "pub_no"],
    ["Application Number", "app_no"],
    ["Title", "title"],
    ["Abstract", "abstract"],
    ["Applicants", "applicants"],
    ["Assignee", "applicants"],
    ["Inventors", "inventors"],
    ["IPC", "ipc_all"],
    ["Legal Status", "legal_status"],
    ["Filing Date", "app_date"],
    // headers no export used to get past (issue #14)
    ["专利有效性", "legal_status"],
    ["公开/公告日", "pub_date"],
    ["被引用数", "cited_by_count"],
    ["律师、代理", "agent"],
    ["省市", "region_text"],
    ["通信地址", "applicant_address"],
    ["标题(英文)", "title_en"],
    ["摘要（英文）", "abstract_en"],
    ["Title (English)", "title_en"],
    ["CPC分类号", "cpc"],
    ["美国分类", "cpc"], // Patentics' CPC column (was left in extra_json: wrong, its SOURCE.txt says CPC)
    ["优先权号", "priority_nos"],
    ["优先权日", "priority_dates"],
    ["引证专利", "cited_refs"],
    ["引证次数", "cites_count"],
    ["简单同族", "family_members"],
    ["简单同族数量", "family_count"],
    ["同族专利数", "family_count"],
    // not ours → extra_json
    ["标准化申请人", null],
    ["审查员", null],
  ])("%s → %s", (header, field) => {
    expect(buildColumnMapping([header]).fields[0]).toBe(field);
  });

  it("keeps the first column claiming a field; the override wins over aliases", () => {
    expect(buildColumnMapping(["专利代理人", "当前专利代理人", "代理人"]).fields).toEqual(["agent", null, null]);
    expect(buildColumnMapping(["公开号", "Doc"], { Doc: "pub_no", 公开号: null }).fields).toEqual([null, "pub_no"]);
    expect(() => buildColumnMapping(["x"], { x: "nonsense" })).toThrow(/unknown field/);
  });
});

describe("detectHeaderRow / mapRow", () => {
  it("skips title lines above the header and splits fields from extras", () => {
    const rows = [["检索式: TI=电池"], [], ["序号", "公开号", "标题", "备注"], ["1", "CN1A", "电池", ""]];
    expect(detectHeaderRow(rows)).toBe(2);
    const mapping = buildColumnMapping(rows[2] as string[]);
    expect(mapRow(mapping, rows[3])).toEqual({ fields: { pub_no: "CN1A", title: "电池" }, extra: { 序号: "1" } });
  });
});
