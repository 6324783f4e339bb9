import { AppError } from "@zhichan/core";
import { atApplication, type CaseTypeDef } from "@zhichan/core/cases/index.ts";
import { CASE_LIMITS, type CaseStagedUpload, type CaseStagedUploadRequest } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { RequestInfo } from "../accounts/auth.service.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import { type AttachmentStore, checkUpload, MIME_OF } from "./attachment-store.js";
import type { CaseRegistry } from "./case-registry.js";
import {
  countStagedUploads,
  deleteStagedUpload,
  findStagedUpload,
  insertStagedUpload,
  type StagedUploadRow,
  stagedUploadsBefore,
  stagedUploadsOf,
  storedFileInUse,
} from "./staged-uploads.repository.js";

/** How long an upload waits for its application before it is deleted. */
export const STAGED_UPLOAD_TTL_MS = 7 * 24 * 3_600_000;

export interface StagedUploadsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  store: AttachmentStore;
  registry: CaseRegistry;
}

export const toStagedUpload = (r: StagedUploadRow): CaseStagedUpload => ({
  id: r.id,
  type: r.case_type,
  kind: r.kind,
  filename: r.filename,
  mime: r.mime,
  size: r.size,
  uploadedAt: r.uploaded_at,
});

/**
 * Files uploaded in the apply form before the case exists, so the form can ask for the attachments the office's
 * first decision needs (issue #15 item 4) and show their upload progress before the applicant submits. Each is
 * checked exactly like a case attachment (declared kind, size, type by content), belongs to its uploader and one case
 * type, and becomes the new case's attachment in the case's creating transaction (CasesService.create). A person may
 * hold CASE_LIMITS.maxStagedUploads at a time; unused ones are deleted after STAGED_UPLOAD_TTL_MS.
 */
export class StagedUploads {
  constructor(private readonly d: StagedUploadsDeps) {}

  stage(actor: Actor, req: CaseStagedUploadRequest, info: RequestInfo): CaseStagedUpload {
    const def = this.applicableType(actor, req.type);
    const wanted = def.attachments.find((a) => a.kind === req.kind);
    if (!wanted || atApplication(def, wanted) === null)
      throw new AppError("BAD_REQUEST", `申请时不提交此类附件 · ${req.kind} is not attached when applying`, {
        field: "kind",
      });
    this.purgeExpired();
    if (countStagedUploads(this.d.db, actor.userId) >= CASE_LIMITS.maxStagedUploads)
      throw new AppError(
        "CONFLICT",
        `待提交的附件已达 ${CASE_LIMITS.maxStagedUploads} 个，请先提交申请或删除部分附件 · ` +
          `at most ${CASE_LIMITS.maxStagedUploads} files may wait for applications: submit or remove some`,
      );
    const { bytes, type } = checkUpload(def, { kind: req.kind, contentBase64: req.contentBase64 });
    const { storageName, sha256 } = this.d.store.put(bytes); // durable before the row points at it
    const now = this.d.clock.now();
    const id = this.d.db.sqlite.transaction(() => {
      const newId = insertStagedUpload(this.d.db, {
        user_id: actor.userId,
        case_type: def.key,
        kind: req.kind,
        filename: req.filename.replace(/[\\/\r\n"]/g, "_"),
        mime: MIME_OF[type],
        size: bytes.length,
        sha256,
        storage_name: storageName,
        uploaded_at: now,
      });
      this.d.audit.record({
        actorId: actor.userId,
        actorName: actor.username,
        ip: info.ip,
        action: "case.upload",
        target: `upload:${newId}`,
        details: { type: def.key, kind: req.kind, sha256, size: bytes.length },
      });
      return newId;
    })();
    return toStagedUpload(findStagedUpload(this.d.db, id) as StagedUploadRow);
  }

  /** The caller's uploads waiting for an application of this type (a reloaded form shows them again). */
  list(actor: Actor, type: string): CaseStagedUpload[] {
    this.purgeExpired();
    return stagedUploadsOf(this.d.db, actor.userId, type).map(toStagedUpload);
  }

  discard(actor: Actor, id: number): void {
    const row = findStagedUpload(this.d.db, id);
    // someone else's upload answers like a missing one: ids reveal nothing
    if (!row || row.user_id !== actor.userId) throw new AppError("NOT_FOUND", `没有上传的文件 ${id} · no upload ${id}`);
    this.remove(row);
  }

  /**
   * The caller's staged uploads for a new case of this type, removed from the staging table; call inside the case's
   * creating transaction, so a refused case keeps them. A missing, foreign or other-type id is refused.
   */
  take(actor: Actor, def: CaseTypeDef, ids: readonly number[]): StagedUploadRow[] {
    return [...new Set(ids)].map((id) => {
      const row = findStagedUpload(this.d.db, id);
      if (!row || row.user_id !== actor.userId || row.case_type !== def.key)
        throw new AppError(
          "BAD_REQUEST",
          "上传的附件已失效，请重新上传 · an uploaded file is no longer available: upload it again",
          { field: "uploads", id },
        );
      deleteStagedUpload(this.d.db, id);
      return row;
    });
  }

  /** Deletes uploads older than the TTL (and their bytes when nothing else points at them). */
  purgeExpired(): number {
    const old = stagedUploadsBefore(this.d.db, this.d.clock.now() - STAGED_UPLOAD_TTL_MS);
    for (const row of old) this.remove(row);
    return old.length;
  }

  private remove(row: StagedUploadRow): void {
    deleteStagedUpload(this.d.db, row.id);
    if (!storedFileInUse(this.d.db, row.sha256)) this.d.store.remove(row.storage_name);
  }

  private applicableType(actor: Actor, type: string): CaseTypeDef {
    const def = this.d.registry.get(type);
    if (!def.openedBy.some((r) => actor.roles.some((g) => g.role === r)))
      throw new AppError("FORBIDDEN", `你的角色不能申请${def.label.zh} · your role may not open a ${def.label.en}`);
    return def;
  }
}
