import { AppError } from "@zhichan/core";

/** What an uploaded file holds, decided from its first bytes (never from its name). */
export type FileKind = "zip" | "xml" | "text" | "utf16-text" | "gzip";

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Formats people send by mistake, named so the message can say what to do instead. */
const REFUSED: Array<{ sig: number[]; zh: string; en: string }> = [
  {
    sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    zh: "旧版 Excel（.xls）文件无法读取，请在 Excel 中另存为 .xlsx 或 CSV 后上传",
    en: "an old binary Excel (.xls) file cannot be read: save it as .xlsx or CSV in Excel and upload that",
  },
  { sig: [0x25, 0x50, 0x44, 0x46], zh: "这是 PDF 文件，不是数据表", en: "this is a PDF, not a data table" },
  {
    sig: [0x52, 0x61, 0x72, 0x21],
    zh: "RAR 压缩包无法读取，请解压后上传，或改用 ZIP",
    en: "a RAR archive cannot be read: unpack it, or use ZIP",
  },
  {
    sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
    zh: "7z 压缩包无法读取，请解压后上传，或改用 ZIP",
    en: "a 7z archive cannot be read: unpack it, or use ZIP",
  },
  { sig: [0x89, 0x50, 0x4e, 0x47], zh: "这是图片，不是数据表", en: "this is an image, not a data table" },
  { sig: [0xff, 0xd8, 0xff], zh: "这是图片，不是数据表", en: "this is an image, not a data table" },
];

const ACCEPTED_ZH = "可上传 CSV、TSV、TXT、XLSX、XML 或它们的 ZIP（可 gzip 压缩）";
const ACCEPTED_EN = "upload CSV, TSV, TXT, XLSX, XML or a ZIP of them (gzip allowed)";

export function refusedFile(name: string, zh: string, en: string): AppError {
  return new AppError("BAD_REQUEST", `${name}：${zh}。${ACCEPTED_ZH} · ${name}: ${en}; ${ACCEPTED_EN}`);
}

/**
 * The kind of a file from its head (the first few KB). Text must look like text: a NUL byte or many control
 * characters in the head mean binary content, refused here before any reader is asked to make sense of it.
 */
export function fileKind(head: Uint8Array, name: string): FileKind {
  if (head.length === 0) throw refusedFile(name, "文件是空的", "the file is empty");
  if (startsWith(head, [0x1f, 0x8b])) return "gzip";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  for (const r of REFUSED) if (startsWith(head, r.sig)) throw refusedFile(name, r.zh, r.en);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return "utf16-text";
  const text = Buffer.from(head.subarray(0, 256)).toString("utf8");
  if (/^(\uFEFF)?\s*<[?!A-Za-z]/.test(text)) return "xml";
  let control = 0;
  for (const b of head) {
    if (b === 0)
      throw refusedFile(name, "文件是二进制数据，不是文本表格", "the file holds binary data, not a text table");
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > head.length / 100)
    throw refusedFile(name, "文件是二进制数据，不是文本表格", "the file holds binary data, not a text table");
  return "text";
}
