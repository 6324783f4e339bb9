import { describe, expect, it } from "vitest";
import { detectLayout } from "./layout.js";

describe("detectLayout", () => {
  it("decides by the whole header set, never by 标准化申请人 alone", () => {
    const incopat = [
      "公开(公告)号",
      "标题",
      "标题(英文)",
      "申请人",
      "标准化申请人",
      "发明人",
      "专利有效性",
      "合享价值度",
    ];
    expect(detectLayout(incopat).layout).toBe("incopat");
    const patentics = [
      "公开号",
      "标题",
      "申请人",
      "标准化申请人",
      "发明人",
      "第一发明人",
      "引用本文专利数",
      "美国分类",
    ];
    expect(detectLayout(patentics)).toEqual({
      layout: "patentics",
      evidence: ["标准化申请人", "第一发明人", "引用本文专利数", "美国分类"],
    });
    expect(detectLayout(["公开号", "标题", "标准化申请人"]).layout).toBe("unknown"); // one telling column is not enough
    const patsnap = ["公开(公告)号", "标题", "[标]当前申请(专利权)人", "当前申请(专利权)人", "简单法律状态"];
    expect(detectLayout(patsnap).layout).toBe("patsnap");
    const cnipa = ["公开（公告）号", "发明名称", "申请（专利权）人", "国省代码", "主权项"];
    expect(detectLayout(cnipa).layout).toBe("cnipa");
  });
});
