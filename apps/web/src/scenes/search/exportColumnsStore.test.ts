import { DEFAULT_EXPORT_COLUMNS } from "@zhichan/shared/search-assist.ts";
import { describe, expect, it } from "vitest";
import { dialogOrder, loadExportColumns, move, saveExportColumns } from "./exportColumnsStore";

function memory(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
  } as Storage;
}

describe("export column choice", () => {
  it("remembers the chosen columns in their order, dropping names it does not know", () => {
    const s = memory();
    expect(loadExportColumns(s)).toEqual(DEFAULT_EXPORT_COLUMNS);
    saveExportColumns(["title_en", "pub_no"], s);
    expect(loadExportColumns(s)).toEqual(["title_en", "pub_no"]);
    s.setItem("zhichan.exportColumns", JSON.stringify(["cpc", "nope", "cpc"]));
    expect(loadExportColumns(s)).toEqual(["cpc"]);
    s.setItem("zhichan.exportColumns", "{broken");
    expect(loadExportColumns(s)).toEqual(DEFAULT_EXPORT_COLUMNS);
  });

  it("lists chosen columns first and moves one at a time", () => {
    expect(dialogOrder(["cpc", "title"]).slice(0, 3)).toEqual(["cpc", "title", "pub_no"]);
    expect(move(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b"], 0, -1)).toEqual(["a", "b"]);
  });
});
