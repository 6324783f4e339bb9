import { AppError } from "@zhichan/core";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MAX_CONCURRENT_READS, MAX_WAITING_READS } from "./read-gate.js";
import { readUploadedRows, readWorkbook, UnreadableWorkbookError } from "./read-workbook.js";
import { WORKBOOK_LIMITS } from "./workbook-limits.js";
import { part, repeatedDeflate, sharedStringsBomb, workbook, workbookParts, zipOf } from "./xlsx-test-kit.js";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** The read's outcome and the most the heap grew while it ran (sampled as the read yields between chunks). */
async function measured(bytes: Buffer, limits = WORKBOOK_LIMITS) {
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const started = Date.now();
  try {
    await readWorkbook(bytes, limits);
    return { error: null, grewMb: (peak - base) / 2 ** 20, ms: Date.now() - started };
  } catch (e) {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { error: e as Error, grewMb: (peak - base) / 2 ** 20, ms: Date.now() - started };
  } finally {
    clearInterval(sampler);
  }
}

/** Long texts of Chinese (3-byte UTF-8), a 4-byte character and odd ASCII runs, so characters straddle every chunk edge. */
function chineseTexts(n: number): string[] {
  const han = "知识产权公共服务平台郑州市金水区高新技术企业专利申请发明人摘要权利要求";
  return Array.from({ length: n }, (_, i) => {
    let s = "a".repeat(i % 7);
    for (let k = 0; k < 80 + (i % 150); k++) s += han[(i * 31 + k * 7) % han.length];
    return `${s}${i % 11 === 0 ? "𠮷" : ""}第${i}条`;
  });
}

describe("the bounded workbook reader reads what spreadsheets write", () => {
  it("strings, numbers, date-styled numbers as Dates, booleans, formulas' cached values, rich text, gaps", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.addRow(["标题", 1.5, new Date(Date.UTC(2021, 1, 26)), true, { formula: "1+1", result: 2 }]);
    ws.addRow([]);
    ws.getCell("B3").value = { richText: [{ text: "富" }, { text: "文本" }] };
    ws.getCell("C3").value = { formula: "A1", result: "标题" };
    ws.getCell("D3").value = 44943;
    wb.addWorksheet("second").addRow(["never read"]);
    const { rows } = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([
      ["标题", 1.5, new Date(Date.UTC(2021, 1, 26)), "true", 2],
      [],
      [null, "富文本", "标题", 44943],
    ]);
  });

  it("keeps every multi-byte character whole, wherever the inflated chunks split it", async () => {
    const texts = chineseTexts(3000);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    for (const t of texts) ws.addRow([t]);
    const shared = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(shared.rows.map((r) => r[0])).toEqual(texts);
    // the same texts as inline strings in the sheet itself
    const inline = texts.map(
      (t, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${t}</t></is></c></row>`,
    );
    const direct = await readWorkbook(workbook(inline.join("")));
    expect(direct.rows.map((r) => r[0])).toEqual(texts);
  });

  it("finds the first sheet through the relationships, wherever it is stored, with prefixed element names", async () => {
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const x = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const bytes = zipOf([
      part("[Content_Types].xml", "<Types/>"),
      part(
        "_rels/.rels",
        `<Relationships><Relationship Id="a" Type="${REL}/officeDocument" Target="/book/main.xml"/></Relationships>`,
      ),
      part(
        "book/main.xml",
        `<x:workbook ${x} xmlns:r="${REL}"><x:sheets><x:sheet name="一" r:id="s2"/><x:sheet name="二" r:id="s1"/></x:sheets></x:workbook>`,
      ),
      part(
        "book/_rels/main.xml.rels",
        `<Relationships><Relationship Id="s1" Type="${REL}/worksheet" Target="other.xml"/><Relationship Id="s2" Type="${REL}/worksheet" Target="../data/first.xml"/></Relationships>`,
      ),
      part(
        "book/other.xml",
        `<x:worksheet ${x}><x:sheetData><x:row><x:c><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      ),
      part(
        "data/first.xml",
        `<x:worksheet ${x}><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>第一张</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      ),
    ]);
    expect((await readWorkbook(bytes)).rows).toEqual([["第一张", 1]]);
  });

  it("dates follow the cell's number format, built-in or custom (1904 system too)", async () => {
    const styles = `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="#,##0.00&quot; 元&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    const row = `<row r="1"><c r="A1"><v>44253</v></c><c r="B1" s="1"><v>44253</v></c><c r="C1" s="2"><v>44253</v></c><c r="D1" s="3"><v>44253</v></c></row>`;
    const day = new Date(Date.UTC(2021, 1, 26));
    expect((await readWorkbook(workbook(row, [], styles))).rows).toEqual([[44253, day, day, 44253]]);
  });
});

describe("a workbook bomb is stopped, not just given up on", () => {
  it("a 2.6 GB shared-strings part in a ~4 MB file is refused by its declared size before anything is inflated", async () => {
    const bomb = sharedStringsBomb(2600);
    expect(bomb.length).toBeLessThan(4 * 2 ** 20);
    const r = await measured(bomb);
    expect(r.error).toBeInstanceOf(AppError);
    expect((r.error as AppError).code).toBe("TOO_LARGE");
    expect(r.error?.message).toContain("xl/sharedStrings.xml 解压后超过 200 MB");
    expect(r.grewMb).toBeLessThan(200);
    expect(r.ms).toBeLessThan(30_000);
  });

  it("the same bomb lying about its size is stopped by counting what it inflates, within the heap bound", async () => {
    const r = await measured(sharedStringsBomb(2600, true));
    expect((r.error as AppError).code).toBe("TOO_LARGE");
    expect(r.error?.message).toContain("共享字符串超过 67,108,864 个字符");
    expect(r.grewMb).toBeLessThan(200);
    expect(r.ms).toBeLessThan(30_000);
  });

  it("counts shared strings, inflated bytes, one token's length, rows, cells and wall time", async () => {
    const tiny = repeatedDeflate(`<sst ${NS}>`, "<si><t>a</t></si>".repeat(10_000), 110, "</sst>");
    const many = zipOf([
      ...workbookParts(),
      { ...tiny, name: "xl/sharedStrings.xml" },
      part("xl/worksheets/sheet1.xml", `<worksheet ${NS}><sheetData/></worksheet>`),
    ]);
    await expect(readWorkbook(many)).rejects.toThrow("共享字符串超过 1,000,000 个");
    await expect(readWorkbook(many, { ...WORKBOOK_LIMITS, maxEntryBytes: 1_000_000 })).rejects.toThrow(
      "xl/sharedStrings.xml 解压后超过 1 MB",
    );
    await expect(readWorkbook(many, { ...WORKBOOK_LIMITS, maxTotalBytes: 1_000_000 })).rejects.toThrow(
      "解压后总计超过 1 MB",
    );
    await expect(readWorkbook(many, { ...WORKBOOK_LIMITS, maxMillis: 0 })).rejects.toThrow("读取超过 0 秒，已停止");

    const long = workbook("", ["长".repeat(1_100_000)]);
    await expect(readWorkbook(long)).rejects.toThrow("有超过 1,048,576 个字符的单个文本或标签");

    const rows = Array.from({ length: 50 }, (_, i) => `<row><c><v>${i}</v></c><c><v>${i}</v></c></row>`).join("");
    await expect(readWorkbook(workbook(rows), { ...WORKBOOK_LIMITS, maxRows: 40 })).rejects.toThrow("超过 40 行");
    await expect(readWorkbook(workbook(rows), { ...WORKBOOK_LIMITS, maxCells: 90 })).rejects.toThrow(
      "超过 90 个单元格",
    );
    // a row number or column far out counts as the cells it would take
    await expect(readWorkbook(workbook('<row r="1000000"><c r="A1000000"><v>1</v></c></row>'))).rejects.toThrow(
      "超过 500,000 行",
    );
    await expect(
      readWorkbook(workbook('<row r="1"><c r="XFD1"><v>1</v></c></row>'), { ...WORKBOOK_LIMITS, maxCells: 10_000 }),
    ).rejects.toThrow("超过 10,000 个单元格");
  });
});

describe("reads take turns, so the bounds hold for the whole process", () => {
  it("two read at once and eight wait; the next is refused with a 429 until they are done", async () => {
    const small = workbook('<row r="1"><c r="A1"><v>1</v></c></row>');
    const outcomes = await Promise.all(
      Array.from({ length: MAX_CONCURRENT_READS + MAX_WAITING_READS + 1 }, () =>
        readWorkbook(small).then(
          () => "read",
          (e) => (e as AppError).code,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "read")).toHaveLength(MAX_CONCURRENT_READS + MAX_WAITING_READS);
    expect(outcomes.at(-1)).toBe("RATE_LIMITED");
    expect((await readWorkbook(small)).rows).toEqual([[1]]);
  });
});

describe("what is not a workbook is said to be unreadable, never a crash", () => {
  it("empty, text, random bytes, a truncated or bit-flipped workbook", async () => {
    const good = workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ["专利"]);
    const bad: Buffer[] = [Buffer.alloc(0), Buffer.from("公开号,标题\nCN1,电池\n"), Buffer.from("PK\x03\x04junk")];
    for (let cut = 1; cut < good.length; cut += 37) bad.push(good.subarray(0, cut));
    for (let at = 0; at < good.length; at += 53) {
      const flipped = Buffer.from(good);
      flipped[at] ^= 0x5a;
      bad.push(flipped);
    }
    for (const b of bad) {
      const outcome = await readWorkbook(b).then(
        () => "read",
        (e) => (e instanceof UnreadableWorkbookError ? "unreadable" : `other: ${e}`),
      );
      expect(["read", "unreadable"]).toContain(outcome);
    }
    await expect(readWorkbook(Buffer.alloc(0))).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });

  it("the upload forms' read gives null for what is not a workbook, the rows otherwise, and still throws a bound", async () => {
    expect(await readUploadedRows(Buffer.from("公开号,标题\nCN1,电池\n"))).toBeNull();
    expect(await readUploadedRows(workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ["专利"]))).toEqual([
      ["专利"],
    ]);
    await expect(readUploadedRows(sharedStringsBomb(2600))).rejects.toMatchObject({ code: "TOO_LARGE" });
  });
});
