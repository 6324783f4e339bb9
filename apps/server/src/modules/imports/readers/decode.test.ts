import { describe, expect, it } from "vitest";
import { decodeText } from "./decode.js";

describe("decodeText", () => {
  it.each([
    ["UTF-8", Buffer.from("申请号,标题", "utf8"), "申请号,标题", "utf-8"],
    [
      "UTF-8 with BOM",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("公开号", "utf8")]),
      "公开号",
      "utf-8",
    ],
    ["GBK", Buffer.from("c9eac7ebbac5", "hex"), "申请号", "gb18030"],
  ])("%s", (_name, bytes, text, encoding) => {
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });
});
