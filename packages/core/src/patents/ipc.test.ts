import { describe, expect, it } from "vitest";
import { canonicalIpc, ipcLevels, parseIpcList } from "./ipc.js";

describe("canonicalIpc", () => {
  it.each([
    ["H01M 10/0525", "H01M10/0525"],
    ["h01m10/0525", "H01M10/0525"],
    ["H01M  10/0525(2006.01)", "H01M10/0525"],
    ["H01M 10/0525 (2010.01)", "H01M10/0525"],
    ["G05D  1/02", "G05D1/02"],
    ["H01M 010/0525", "H01M10/0525"],
    ["Ｈ０１Ｍ１０／０５２５", "H01M10/0525"],
    ["G06F", "G06F"],
    ["G06F3", "G06F3/00"],
    ["14-02(10)", null],
    ["XYZ", null],
  ])("%s → %s", (raw, code) => {
    expect(canonicalIpc(raw)).toBe(code);
  });
});

describe("parseIpcList", () => {
  it.each([
    ["G06F3/01;G06T17/00", "G06F3/01", "G06F3/01", ["G06F3/01", "G06T17/00"], []],
    ["G06T17/00;G06F3/01;", "G06F3/01", "G06F3/01", ["G06F3/01", "G06T17/00"], []],
    ["G05D  1/02 | B60W 30/09 | G05D 1/02", "G05D", "G05D1/02", ["G05D1/02", "B60W30/09"], []],
    ["", null, null, [], []],
    ["14-02(10);14-04(10)", null, null, [], ["14-02(10)", "14-04(10)"]],
  ])("%s main %s", (all, main, expMain, expAll, locarno) => {
    const r = parseIpcList(all, main);
    expect(r.main).toBe(expMain);
    expect(r.all).toEqual(expAll);
    expect(r.locarno).toEqual(locarno);
  });
});

describe("ipcLevels", () => {
  it.each([
    ["H01M10/0525", { section: "H", class: "H01", subclass: "H01M", mainGroup: "H01M10/00", group: "H01M10/0525" }],
    ["G06F", { section: "G", class: "G06", subclass: "G06F", mainGroup: null, group: null }],
    ["B60W60/00", { section: "B", class: "B60", subclass: "B60W", mainGroup: "B60W60/00", group: "B60W60/00" }],
  ])("%s", (code, levels) => {
    expect(ipcLevels(code)).toEqual(levels);
  });
});
