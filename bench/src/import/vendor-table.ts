/**
 * The scaled rows as an incoPat-style export: incoPat's Chinese headers (its telling columns 公开(公告)号, 申请人地市,
 * 申请人区县, 战略新兴产业分类 make the importer read the incoPat layout), as a UTF-8 CSV with a BOM (how incoPat saves
 * CSV) and as an XLSX written by the project's own streaming writer (inline strings; a real incoPat XLSX uses a
 * shared-string table, which the reader handles the same way after decoding).
 */

import { once } from "node:events";
import fs from "node:fs";
import { writeXlsx } from "../../../apps/server/src/modules/search/xlsx-writer.ts";
import type { MergedRow } from "./scaled-rows.ts";

/** incoPat header → column of the shipped file ('#' = the row's ordinal, 序号). */
const INCOPAT_COLUMNS: Array<[string, string]> = [
  ["序号", "#"],
  ["公开(公告)号", "publication_number"],
  ["申请号", "application_number"],
  ["标题", "title"],
  ["摘要", "abstract"],
  ["申请人", "applicants"],
  ["发明人", "inventors"],
  ["申请日", "application_date"],
  ["公开/公告日", "publication_date"],
  ["授权公告日", "grant_date"],
  ["申请年", "application_year"],
  ["专利类型", "patent_type"],
  ["IPC主分类号", "ipc_main"],
  ["IPC", "ipc_all"],
  ["法律状态", "legal_status"],
  ["申请人省份", "applicant_province"],
  ["申请人地市", "applicant_city"],
  ["申请人区县", "applicant_district"],
  ["申请人地址", "applicant_address"],
  ["代理机构", "agency"],
  ["代理人", "agent"],
  ["战略新兴产业分类", "sei_category"],
  ["国民经济分类", "nic_category"],
  ["权利要求数量", "claims_count"],
  ["被引证次数", "cited_by_count"],
];

export const INCOPAT_HEADER = INCOPAT_COLUMNS.map(([h]) => h);

function cellsOf(row: MergedRow, i: number): string[] {
  return INCOPAT_COLUMNS.map(([, col]) => {
    if (col === "#") return String(i + 1);
    // incoPat separates list items with '; '
    return col === "ipc_all" || col === "inventors" ? row[col].split(";").join("; ") : row[col];
  });
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function writeIncopatCsv(file: string, rows: Iterable<MergedRow>): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, "drain");
  };
  await write(`\uFEFF${INCOPAT_HEADER.join(",")}\r\n`);
  let i = 0;
  let chunk: string[] = [];
  for (const row of rows) {
    chunk.push(cellsOf(row, i++).map(quote).join(","));
    if (chunk.length === 1000) {
      await write(`${chunk.join("\r\n")}\r\n`);
      chunk = [];
    }
  }
  if (chunk.length) await write(`${chunk.join("\r\n")}\r\n`);
  out.end();
  await once(out, "finish");
}

export async function writeIncopatXlsx(file: string, rows: Iterable<MergedRow>): Promise<void> {
  // A large buffer: the writer waits for 'drain' rarely (each wait leaves a 'close' listener behind until the end).
  const out = fs.createWriteStream(file, { highWaterMark: 64 * 1024 * 1024 });
  const done = once(out, "finish");
  async function* batches(): AsyncGenerator<string[][]> {
    let i = 0;
    let batch: string[][] = [];
    for (const row of rows) {
      batch.push(cellsOf(row, i++));
      if (batch.length === 1000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  const sheet = { name: "incoPat", columns: INCOPAT_HEADER.map((header) => ({ header, width: 16 })) };
  await writeXlsx(out, sheet, batches(), new Date());
  await done;
}
