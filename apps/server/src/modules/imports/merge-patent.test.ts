import { describe, expect, it } from "vitest";
import type { ValueOrigin } from "./field-precedence.js";
import { type KeptOrigins, mergePatent } from "./merge-patent.js";
import { PATENT_COLUMNS, type PatentDraft } from "./patent-draft.js";

// Every column blank (including columns other engineers add), then the values these cases need.
const base: PatentDraft = {
  ...(Object.fromEntries(PATENT_COLUMNS.map((c) => [c, null])) as unknown as PatentDraft),
  pub_no: "CN1A",
  country: "CN",
  title: "甲",
  applicants_raw: "甲公司",
  type: "invention_application",
  status: "unknown",
  sources: "a",
  extra_json: '{"x":"1"}',
};

const vendor2023: ValueOrigin = { source: "a", runId: 1, authority: "vendor", asOf: "2023-01-01" };
const vendor2024: ValueOrigin = { source: "b", runId: 2, authority: "vendor", asOf: "2024-01-01" };
const official2022: ValueOrigin = { source: "cnipa", runId: 3, authority: "official", asOf: "2022-06-01" };
const keptFrom = (row: ValueOrigin, groups: Record<string, ValueOrigin> = {}): KeptOrigins => ({
  row,
  groups: new Map(Object.entries(groups)),
});

describe("mergePatent: precedence per field group", () => {
  it.each<[string, Partial<PatentDraft>, ValueOrigin, Partial<PatentDraft>, ValueOrigin, Partial<PatentDraft>]>([
    ["fills an empty field", {}, vendor2024, { abstract: "摘要" }, vendor2023, { abstract: "摘要" }],
    ["a later vendor export corrects the title", {}, vendor2023, { title: "乙" }, vendor2024, { title: "乙" }],
    ["an earlier vendor export does not", {}, vendor2024, { title: "乙" }, vendor2023, { title: "甲" }],
    [
      "a value never gives way to a blank",
      { abstract: "有" },
      vendor2023,
      { abstract: null },
      vendor2024,
      { abstract: "有" },
    ],
    ["official outranks a later vendor", {}, official2022, { title: "乙" }, vendor2024, { title: "甲" }],
    ["official corrects an earlier vendor", {}, vendor2024, { title: "乙" }, official2022, { title: "乙" }],
    [
      "a later export's legal status wins, even over official",
      { status: "pending", status_raw: "实质审查" },
      official2022,
      { status: "rejected", status_raw: "驳回" },
      vendor2024,
      { status: "rejected", status_raw: "驳回" },
    ],
    [
      "an older export's legal status does not",
      { status: "rejected", status_raw: "驳回" },
      vendor2024,
      { status: "pending", status_raw: "实质审查" },
      vendor2023,
      { status: "rejected", status_raw: "驳回" },
    ],
    [
      "region codes move together, raw texts both kept when filling",
      { region_raw: "-" },
      vendor2024,
      { province_code: "41", city_code: "4101", district_code: null, region_raw: "河南 / 郑州" },
      vendor2023,
      { province_code: "41", city_code: "4101", region_raw: "- | 河南 / 郑州" },
    ],
    ["unions sources", {}, vendor2023, { sources: "b" }, vendor2024, { sources: "a;b" }],
    [
      "adds new extra keys only",
      {},
      vendor2023,
      { extra_json: '{"x":"2","y":"3"}' },
      vendor2024,
      { extra_json: '{"x":"1","y":"3"}' },
    ],
  ])("%s", (_name, existing, keptOrigin, incoming, origin, expected) => {
    const r = mergePatent({ ...base, ...existing }, keptFrom(keptOrigin), { ...base, ...incoming }, origin);
    expect(r.merged).toMatchObject(expected);
  });

  it("reports changed groups, conflicts and a legal-status change", () => {
    const existing = { ...base, status: "pending", status_raw: "实质审查" };
    const later = mergePatent(
      existing,
      keptFrom(vendor2023),
      { ...base, title: "乙", status: "rejected", status_raw: "驳回" },
      vendor2024,
    );
    expect(later.changed).toBe(true);
    expect(later.changedGroups.sort()).toEqual(["status", "title"]);
    expect(later.statusChange).toEqual({
      fromValue: "pending",
      toValue: "rejected",
      fromRaw: "实质审查",
      toRaw: "驳回",
    });
    expect(later.provenance.sort()).toEqual(["status", "title"]);

    const older = mergePatent(
      existing,
      keptFrom(vendor2024),
      { ...base, title: "乙", status: "rejected", status_raw: "驳回" },
      vendor2023,
    );
    expect(older.changed).toBe(false); // same source tag: nothing of the row moves
    expect(older.changedGroups).toEqual([]);
    expect(older.conflicts.sort()).toEqual(["status", "title"]);
    expect(older.statusChange).toBeNull();
  });

  it("follows a group's own provenance over the row's", () => {
    // The title was corrected by the 2024 export; a 2023 one (newer than the row's origin) still loses to it.
    const kept = keptFrom({ ...vendor2023, asOf: "2020-01-01" }, { title: vendor2024 });
    expect(mergePatent(base, kept, { ...base, title: "丙" }, vendor2023).merged.title).toBe("甲");
  });

  it("a different raw wording of the same status changes the raw text but is no event", () => {
    const r = mergePatent(
      { ...base, status: "valid", status_raw: "有效" },
      keptFrom(vendor2023),
      { ...base, status: "valid", status_raw: "授权" },
      vendor2024,
    );
    expect(r.merged.status_raw).toBe("授权");
    expect(r.statusChange).toBeNull();
  });

  it("an official source confirming a value takes over its provenance without changing the row", () => {
    const r = mergePatent(base, keptFrom(vendor2024), { ...base }, official2022);
    expect(r.changed).toBe(false);
    expect(r.provenance).toContain("title");
  });

  it("reports no change for the same row again", () => {
    const r = mergePatent(base, keptFrom(vendor2023), { ...base }, vendor2024);
    expect(r.changed).toBe(false);
    expect(r.provenance).toEqual([]);
    expect(r.conflicts).toEqual([]);
  });
});
