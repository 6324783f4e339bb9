import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { AppError } from "@zhichan/core";
import { PATENT_IMPORT_MAX_UPLOAD_BYTES } from "@zhichan/shared";
import { ooxmlKind } from "../../../uploads/ooxml-kind.js";
import { readZipDirectory } from "../../../uploads/zip-directory.js";
import { type FileKind, fileKind, refusedFile } from "./file-kind.js";

/**
 * A gzipped upload is inflated into the staging file as it is read, and stops here: past it the file is a bomb, or
 * larger than one web import should hold in the server's memory (the readers take a file whole).
 */
export const MAX_INFLATED_BYTES = 2 * PATENT_IMPORT_MAX_UPLOAD_BYTES;
const HEAD_BYTES = 64 * 1024;
const mb = (n: number) => `${Math.round(n / 1048576)} MB`;

export type StagedKind = Exclude<FileKind, "gzip" | "utf16-text"> | "xlsx";

export interface StagedFile {
  /** The staged content (inflated when the upload was gzip; UTF-8 when it was UTF-16 text). */
  file: string;
  /** Bytes as sent, and their sha256. */
  size: number;
  sha256: string;
  gzipped: boolean;
  kind: StagedKind;
}

function tooLarge(name: string, limit: number, what: string): AppError {
  return new AppError(
    "TOO_LARGE",
    `${name}：文件超过 ${mb(limit)}${what === "inflated" ? "（解压后）" : ""}，请拆分后上传 · ${name}: the file is over ${mb(limit)}${what === "inflated" ? " inflated" : ""}; split it and upload the parts`,
  );
}

/**
 * What went wrong while the upload arrived: our bounds and a full disk (507) stay as they are; the multipart parser's
 * size limit is our 413; anything else (a form cut off, a malformed part) is the request's fault, never a 500.
 */
function uploadBroken(name: string, e: unknown): unknown {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOSPC" || code === "EDQUOT") return e;
  if ((e as { statusCode?: number }).statusCode === 413) return tooLarge(name, PATENT_IMPORT_MAX_UPLOAD_BYTES, "sent");
  return new AppError(
    "BAD_REQUEST",
    `${name}：上传中断或格式有误（${(e as Error).message}）· ${name}: the upload broke off or is malformed (${(e as Error).message})`,
  );
}

/** Counts (and hashes) what passes; past `limit` bytes it fails the pipeline at once, so nothing more is read. */
function counter(name: string, limit: number, what: "sent" | "inflated", hash?: crypto.Hash) {
  let n = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      n += chunk.length;
      if (n > limit) return done(tooLarge(name, limit, what));
      hash?.update(chunk);
      done(null, chunk);
    },
  });
  return { stream: t, bytes: () => n };
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    return buf.subarray(0, fs.readSync(fd, buf, 0, HEAD_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

const unlinkQuietly = (file: string) => fs.rmSync(file, { force: true });

/** A file name safe to keep on disk and to show: its last path segment, no control characters, at most 120. */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join("")
    .trim()
    .slice(-120);
  return clean && clean !== "." && clean !== ".." ? clean : "upload";
}

/** The staged file's name: as sent, without '.gz' when it was inflated. */
export function stagedName(name: string, gzipped: boolean): string {
  return gzipped ? name.replace(/\.gz$/i, "") || "upload" : name;
}

/**
 * Streams one uploaded file into its own folder `uploadDir` (so the importer's messages name the file as sent) with
 * the size bound and sha256 counted on the way, then types it by its first bytes: gzip is inflated (bounded) into
 * the staged file, UTF-16 text (Excel's "Unicode text") becomes UTF-8, binary content and formats no reader takes
 * are refused. On any failure the folder is removed.
 */
export async function stageUpload(
  source: Readable,
  uploadDir: string,
  name: string,
  maxBytes = PATENT_IMPORT_MAX_UPLOAD_BYTES,
): Promise<StagedFile> {
  fs.mkdirSync(uploadDir, { recursive: true, mode: 0o700 });
  const raw = `${uploadDir}.part`; // beside the folder, so no file name sent can meet it
  const hash = crypto.createHash("sha256");
  const sent = counter(name, maxBytes, "sent", hash);
  try {
    await pipeline(source, sent.stream, fs.createWriteStream(raw, { mode: 0o600 })).catch((e) => {
      throw uploadBroken(name, e);
    });
    const truncated = (source as Readable & { truncated?: boolean }).truncated === true;
    if (truncated) throw tooLarge(name, maxBytes, "sent");
    let kind = fileKind(readHead(raw), name);
    const gzipped = kind === "gzip";
    const file = path.join(uploadDir, stagedName(name, gzipped));
    if (gzipped) {
      await gunzipInto(raw, file, name);
      unlinkQuietly(raw);
      kind = fileKind(readHead(file), name);
    } else fs.renameSync(raw, file);
    if (kind === "gzip") throw refusedFile(name, "gzip 套 gzip 无法读取", "gzip inside gzip cannot be read");
    if (kind === "utf16-text") {
      utf16ToUtf8(file);
      kind = "text";
    }
    const staged = kind === "zip" ? zipKind(file, name) : kind;
    return { file, size: sent.bytes(), sha256: hash.digest("hex"), gzipped, kind: staged };
  } catch (e) {
    unlinkQuietly(raw);
    fs.rmSync(uploadDir, { recursive: true, force: true });
    throw e;
  }
}

async function gunzipInto(from: string, to: string, name: string): Promise<void> {
  const inflated = counter(name, MAX_INFLATED_BYTES, "inflated");
  try {
    await pipeline(
      fs.createReadStream(from),
      zlib.createGunzip(),
      inflated.stream,
      fs.createWriteStream(to, { mode: 0o600 }),
    );
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refusedFile(name, "gzip 数据不完整或已损坏", `the gzip data is cut or damaged (${(e as Error).message})`);
  }
}

/**
 * A ZIP is a workbook or a delivery of files. What its directory declares is checked before anything is inflated:
 * more than a web import may hold is refused here (the readers then count what really inflates, so a ZIP that lies
 * about its sizes is stopped by them). A directory that cannot be read is left to the readers to word.
 */
function zipKind(file: string, name: string): "zip" | "xlsx" {
  const bytes = fs.readFileSync(file);
  let declared = 0;
  try {
    declared = readZipDirectory(bytes).reduce((sum, e) => sum + e.uncompressedSize, 0);
  } catch {
    return "zip";
  }
  if (declared > MAX_INFLATED_BYTES)
    throw new AppError(
      "TOO_LARGE",
      `${name}：ZIP 声明解压后 ${mb(declared)}，超过 ${mb(MAX_INFLATED_BYTES)} · ${name}: the ZIP declares ${mb(declared)} inflated, over ${mb(MAX_INFLATED_BYTES)}`,
    );
  return ooxmlKind(bytes) === "xlsx" ? "xlsx" : "zip";
}

/** Excel's "Unicode text" is UTF-16 with a BOM: rewritten as UTF-8 (with a BOM) so the CSV reader takes it. */
function utf16ToUtf8(file: string): void {
  const bytes = fs.readFileSync(file);
  const label = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
  const text = new TextDecoder(label).decode(bytes);
  fs.writeFileSync(file, `\uFEFF${text}`, { mode: 0o600 });
}
