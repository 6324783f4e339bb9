import { describe, expect, it } from "vitest";
import { parseSeiCategories } from "./sei.js";

const names = new Map([
  ["互联网与云计算、大数据服务", "1.4"],
  ["人工智能", "1.5"],
  ["先进环保产业", "7.2"],
  ["新能源汽车装置、配件制造", "5.2"],
]);
const codes = new Set(["1.1", "1.4", "1.5", "5.2", "7.2", "8.1"]);

describe("parseSeiCategories", () => {
  it.each([
    ["1.4 (互联网与云计算、大数据服务),8.1 (新技术与创新创业服务)", ["1.4", "8.1"], []],
    ["1.1 (下一代信息网络产业),1.5 (人工智能)", ["1.1", "1.5"], []],
    ["先进环保产业", ["7.2"], []],
    ["新能源汽车装置、配件制造", ["5.2"], []],
    ["人工智能;先进环保产业", ["1.5", "7.2"], []],
    ["9.9 (不存在)", [], ["9.9"]],
    ["火星产业", [], ["火星产业"]],
    ["", [], []],
  ])("%s", (raw, expected, unmatched) => {
    expect(parseSeiCategories(raw, names, codes)).toEqual({ codes: expected, unmatched });
  });
});
