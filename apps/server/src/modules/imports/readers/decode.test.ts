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
    expect(decodeText(bytes)).toEqual({ text, encoding, replaced: 0 });
  });

  it("keeps a UTF-8 file with one bad byte at the end as UTF-8 and counts the replaced byte", () => {
    const body = Buffer.from("公开号,标题\nCN1A,一种电池的制造方法\n", "utf8");
    const decoded = decodeText(Buffer.concat([body, Buffer.from([0xe7])])); // a character cut after its first byte
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.replaced).toBe(1);
    expect(decoded.text.startsWith("公开号,标题")).toBe(true);
  });

  it("still reads a GBK file with many non-ASCII characters as GB18030", () => {
    const gbk = Buffer.from("c9eac7ebbac52cb1eacce20a434e31412cb5e7b3d8", "hex"); // 申请号,标题\nCN1A,电池
    expect(decodeText(gbk)).toMatchObject({ encoding: "gb18030", text: "申请号,标题\nCN1A,电池" });
  });
});
