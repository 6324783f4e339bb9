import { describe, expect, it } from "vitest";
import { splitInventors } from "./inventors.js";

describe("splitInventors", () => {
  it.each([
    ["刘迪;刘敏;王煜伟", false, ["刘迪", "刘敏", "王煜伟"]],
    ["刘迪；刘敏", false, ["刘迪", "刘敏"]],
    ["Gassend; Blaise | Ingram; Benjamin", false, ["Gassend, Blaise", "Ingram, Benjamin"]],
    ["Tachwali; Yahia", true, ["Tachwali, Yahia"]],
    ["", false, []],
  ])("%s", (raw, pipe, names) => {
    expect(splitInventors(raw, pipe)).toEqual(names);
  });
});
