import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsvText } from "./csv-parse-text.js";

describe("parseCsvText", () => {
  it.each<[string, string[][]]>([
    [
      "a,b\n1,2\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "a,b\r\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    ['"x, y","he said ""hi"""\n', [["x, y", 'he said "hi"']]],
    ['"multi\nline",2\n', [["multi\nline", "2"]]],
    [
      "a,b\n1,2,\n",
      [
        ["a", "b"],
        ["1", "2", ""],
      ],
    ], // Patentics' trailing comma
    [
      "a,b\n\n1,2\n\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    ['a,"b"x,c', [["a", "bx", "c"]]],
    ["a,", [["a", ""]]],
    ["", []],
  ])("%j", (text, rows) => {
    expect(parseCsvText(text)).toEqual(rows);
  });

  it("agrees with csv-parse on well-formed CSV", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "中", ",", '"', "\n", " ", "1") });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(table, (rows) => {
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n");
        expect(parseCsvText(text)).toEqual(parse(text, { relax_column_count: true, skip_empty_lines: true }));
      }),
    );
  });
});
