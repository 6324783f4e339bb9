import { describe, expect, it } from "vitest";
import { mergePatent } from "./merge-patent.js";
import type { PatentDraft } from "./patent-draft.js";

const base: PatentDraft = {
  pub_no: "CN1A",
  app_no: null,
  country: "CN",
  title: "甲",
  abstract: null,
  claims: null,
  applicants_raw: "甲公司",
  inventors: null,
  app_date: null,
  pub_date: null,
  grant_date: null,
  app_year: null,
  type: "invention_application",
  type_raw: null,
  status: "unknown",
  status_raw: null,
  ipc_main: null,
  ipc_all: null,
  ipc_raw: null,
  province_code: null,
  city_code: null,
  district_code: null,
  region_raw: null,
  applicant_address: null,
  agency: null,
  agent: null,
  sei_codes: null,
  sei_raw: null,
  nic_raw: null,
  claims_count: null,
  cited_by_count: null,
  sources: "a",
  extra_json: '{"x":"1"}',
};

describe("mergePatent", () => {
  it.each<[string, Partial<PatentDraft>, Partial<PatentDraft>, Partial<PatentDraft>]>([
    ["fills an empty field", {}, { abstract: "摘要" }, { abstract: "摘要" }],
    [
      "never overwrites a value",
      {},
      { title: "乙", applicants_raw: "乙公司" },
      { title: "甲", applicants_raw: "甲公司" },
    ],
    ["never overwrites with empty", { abstract: "有" }, { abstract: null }, { abstract: "有" }],
    [
      "moves status with its raw text",
      {},
      { status: "valid", status_raw: "有效" },
      { status: "valid", status_raw: "有效" },
    ],
    [
      "keeps the first status",
      { status: "pending", status_raw: "公开" },
      { status: "valid", status_raw: "有效" },
      { status: "pending" },
    ],
    [
      "region codes move together, raw texts both kept",
      { region_raw: "-" },
      { province_code: "41", city_code: "4101", district_code: null, region_raw: "河南 / 郑州" },
      { province_code: "41", city_code: "4101", region_raw: "- | 河南 / 郑州" },
    ],
    ["unions sources", {}, { sources: "b" }, { sources: "a;b" }],
    ["adds new extra keys only", {}, { extra_json: '{"x":"2","y":"3"}' }, { extra_json: '{"x":"1","y":"3"}' }],
  ])("%s", (_name, existing, incoming, expected) => {
    const { merged, changed } = mergePatent({ ...base, ...existing }, { ...base, ...incoming });
    expect(merged).toMatchObject(expected);
    expect(typeof changed).toBe("boolean");
  });

  it("reports no change for the same row again", () => {
    expect(mergePatent(base, { ...base }).changed).toBe(false);
  });
});
