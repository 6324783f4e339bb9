import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { AppError } from "@zhichan/core";
import { afterAll, describe, expect, it } from "vitest";
import { sharedStringsBomb, workbook } from "../../../uploads/xlsx-test-kit.js";
import { readFileBytes } from "./file-bytes.js";
import { readTable } from "./read-table.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-table-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Buffer | string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

describe("patent import files go through the bounded workbook reader", () => {
  it("reads a workbook, refuses a bomb with the bound's 413 and a broken workbook with a 400", async () => {
    const ok = write(
      "ok.xlsx",
      workbook('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row>', ["公开号"]),
    );
    expect(await readTable(ok)).toEqual({ rows: [["公开号", 7]], encoding: "xlsx" });
    const bomb = readTable(write("bomb.xlsx", sharedStringsBomb(2600)));
    await expect(bomb).rejects.toBeInstanceOf(AppError);
    await expect(bomb).rejects.toThrow("工作簿过大：xl/sharedStrings.xml 解压后超过 1024 MB");
    const broken = readTable(write("broken.xlsx", "not a zip"));
    await expect(broken).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not a readable .xlsx"),
    });
  });
});

describe("a gzipped import file", () => {
  it("stops gunzipping at the bound with a 413 instead of filling memory", () => {
    const file = write("big.csv.gz", zlib.gzipSync(Buffer.alloc(1_000_000, "a")));
    expect(readFileBytes(file).length).toBe(1_000_000);
    expect(() => readFileBytes(file, 100_000)).toThrow(/inflates past 100000 bytes/);
  });
});
