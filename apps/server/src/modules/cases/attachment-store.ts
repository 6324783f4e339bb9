import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "@zhichan/core";
import { type AttachmentType, type CaseTypeDef, DEFAULT_MAX_ATTACHMENT_BYTES } from "@zhichan/core/cases/index.ts";
import { nodeWriteIo, removeStaleTemps, type WriteIo, writeFileAtomic } from "../../storage/atomic-file.js";
import { ooxmlKind } from "../../uploads/ooxml-kind.js";

export const MIME_OF: Record<AttachmentType, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

const startsWith = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * What the bytes are, from their magic numbers — never from the file name: PDF (%PDF-), PNG (\x89PNG\r\n\x1a\n),
 * JPEG (FF D8 FF), DOCX (a well-formed ZIP whose central directory lists [Content_Types].xml and word/document.xml —
 * read by src/uploads, shared with the workbook reader). null for anything else.
 */
export function sniffType(b: Buffer): AttachmentType | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "jpeg";
  if (ooxmlKind(b) === "docx") return "docx";
  return null;
}

/**
 * Attachment files under ZHICHAN_HOME/attachments, named by their SHA-256 (so a file is stored once). A file is
 * written to a temporary name, fsynced, renamed into place and the folder fsynced — only then does the caller insert
 * the database row, so a row never points at a missing or partial file. A failed write (a full disk) deletes its
 * temporary file; temporaries of a process that died mid-write are swept when the store is opened at start.
 */
export class AttachmentStore {
  constructor(
    readonly dir: string,
    private readonly io: WriteIo = nodeWriteIo,
  ) {
    removeStaleTemps(dir);
  }

  /** Stores the bytes durably; returns the storage name (relative) and checksum. */
  put(bytes: Buffer): { storageName: string; sha256: string } {
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    const storageName = path.join(sha256.slice(0, 2), sha256);
    const final = path.join(this.dir, storageName);
    if (this.read(storageName, sha256)) return { storageName, sha256 }; // already stored, intact
    const folder = path.dirname(final);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 }); // private, like all of ZHICHAN_HOME
    writeFileAtomic(final, bytes, this.io); // ENOSPC reaches the user as 507 STORAGE_FULL (http/storage-full.ts)
    return { storageName, sha256 };
  }

  /** Deletes a stored file; the caller has checked that no row points at it any more. */
  remove(storageName: string): void {
    const file = path.join(this.dir, storageName);
    if (file.startsWith(this.dir + path.sep)) fs.rmSync(file, { force: true });
  }

  /** The bytes, checked against the recorded checksum (a changed file is refused, not served). */
  read(storageName: string, sha256: string): Buffer | null {
    const file = path.join(this.dir, storageName);
    if (!file.startsWith(this.dir + path.sep) || !fs.existsSync(file)) return null;
    const bytes = fs.readFileSync(file);
    return crypto.createHash("sha256").update(bytes).digest("hex") === sha256 ? bytes : null;
  }
}

const ANY_TYPE: readonly AttachmentType[] = ["pdf", "png", "jpeg", "docx"];

/**
 * An upload checked against its case type: a declared kind (or "other"), valid base64, within the size limit, and
 * bytes that really are one of the kind's allowed types.
 */
export function checkUpload(
  def: CaseTypeDef,
  up: { kind: string; contentBase64: string },
): { bytes: Buffer; type: AttachmentType } {
  const req = def.attachments.find((a) => a.kind === up.kind);
  if (!req && up.kind !== "other")
    throw new AppError("BAD_REQUEST", `没有这种附件类别 ${up.kind} · no attachment kind ${up.kind}`);
  const types = req?.types ?? ANY_TYPE;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(up.contentBase64) || up.contentBase64.length % 4 !== 0)
    throw new AppError("BAD_REQUEST", "附件内容不是有效的 base64 · the content is not valid base64");
  const bytes = Buffer.from(up.contentBase64, "base64");
  const max = req?.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  if (bytes.length > max) throw new AppError("TOO_LARGE", `附件不能超过 ${max / 1048576} MB · at most ${max} bytes`);
  const type = sniffType(bytes);
  if (!type || !types.includes(type))
    throw new AppError(
      "BAD_REQUEST",
      `附件类型不符，允许：${types.join("/")} · file content must be ${types.join(", ")}`,
      {
        detected: type,
      },
    );
  return { bytes, type };
}
