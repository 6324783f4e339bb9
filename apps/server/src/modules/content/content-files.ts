import { AppError } from "@zhichan/core";
import { type ContentFile, MAX_CONTENT_FILE_BYTES } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import { ooxmlKind } from "../../uploads/ooxml-kind.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { Clock } from "../accounts/clock.js";
import { type AttachmentStore, MIME_OF, sniffType } from "../cases/attachment-store.js";
import { deleteFile, type FileRow, insertFile, storageInUse } from "./content.repository.js";

const MIME: Record<string, string> = {
  ...MIME_OF,
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export const presentFile = (f: FileRow): ContentFile => ({
  id: f.id,
  fileName: f.file_name,
  type: f.type,
  size: f.size,
});

/**
 * Attachments of notices and templates of guides, stored like the case attachments (AttachmentStore: by checksum,
 * atomic write, checked on read). The body limit bounds the request before it is parsed; here the decoded size
 * and the bytes' real type (PDF, Word, Excel, PNG, JPEG by magic numbers, never the name) are checked.
 */
export class ContentFiles {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly store: AttachmentStore,
  ) {}

  add(actor: Actor, owner: { itemId: number } | { caseType: string }, up: { fileName: string; contentBase64: string }) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(up.contentBase64) || up.contentBase64.length % 4 !== 0)
      throw new AppError("BAD_REQUEST", "文件内容不是有效的 base64 · the content is not valid base64");
    const bytes = Buffer.from(up.contentBase64, "base64");
    if (bytes.length === 0) throw new AppError("BAD_REQUEST", "文件为空 · the file is empty");
    if (bytes.length > MAX_CONTENT_FILE_BYTES)
      throw new AppError("TOO_LARGE", `文件不能超过 10 MB · at most ${MAX_CONTENT_FILE_BYTES} bytes`);
    const type = sniffType(bytes) ?? (ooxmlKind(bytes) === "xlsx" ? "xlsx" : null);
    if (!type)
      throw new AppError(
        "BAD_REQUEST",
        "只接受 PDF、Word、Excel、PNG、JPEG 文件 · only PDF, Word, Excel, PNG or JPEG files",
      );
    const stored = this.store.put(bytes); // durable before the row points at it
    const row = insertFile(this.db, {
      item_id: "itemId" in owner ? owner.itemId : null,
      guide_case_type: "caseType" in owner ? owner.caseType : null,
      file_name: up.fileName.replace(/[\\/\r\n"]/g, "_"),
      type,
      size: bytes.length,
      storage_name: stored.storageName,
      sha256: stored.sha256,
      uploaded_by: actor.userId,
      uploaded_at: this.clock.now(),
    });
    return presentFile(row);
  }

  remove(f: FileRow): void {
    deleteFile(this.db, f.id);
    if (!storageInUse(this.db, f.storage_name)) this.store.remove(f.storage_name);
  }

  bytes(f: FileRow): { bytes: Buffer; mime: string; filename: string } {
    const bytes = this.store.read(f.storage_name, f.sha256);
    if (!bytes) throw new AppError("NOT_FOUND", "文件不存在或已损坏 · the file is missing or damaged");
    return { bytes, mime: MIME[f.type] ?? "application/octet-stream", filename: f.file_name };
  }
}
