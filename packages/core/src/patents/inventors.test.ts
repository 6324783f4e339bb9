import { describe, expect, it } from "vitest";
import { isWithheldInventor, splitInventors } from "./inventors.js";

describe("splitInventors", () => {
  it.each([
    ["刘迪;刘敏;王煜伟", false, ["刘迪", "刘敏", "王煜伟"]],
    ["刘迪；刘敏", false, ["刘迪", "刘敏"]],
    ["刘迪; 刘敏; 王煜伟", false, ["刘迪", "刘敏", "王煜伟"]], // incoPat
    ["刘迪，刘敏、王煜伟", false, ["刘迪", "刘敏", "王煜伟"]],
    ["刘迪,刘敏", false, ["刘迪", "刘敏"]],
    ["刘迪\n刘敏", false, ["刘迪", "刘敏"]],
    ["SMITH, JOHN; DOE, JANE", false, ["SMITH, JOHN", "DOE, JANE"]],
    ["Gassend; Blaise | Ingram; Benjamin", false, ["Gassend, Blaise", "Ingram, Benjamin"]],
    ["Tachwali; Yahia", true, ["Tachwali, Yahia"]],
    ["张三 | 李四", false, ["张三", "李四"]], // PatSnap
    ["不公告发明人", false, []],
    ["不公告发明人;张三", false, ["张三"]],
    ["Inventor withheld", false, []],
    ["", false, []],
  ])("%s", (raw, pipe, names) => {
    expect(splitInventors(raw, pipe)).toEqual(names);
  });

  it("knows the withheld-name markers", () => {
    expect(isWithheldInventor("不公告发明人")).toBe(true);
    expect(isWithheldInventor("请求不公布姓名")).toBe(true);
    expect(isWithheldInventor("张不公")).toBe(false);
  });
});
