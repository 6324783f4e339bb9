import { AppError } from "@zhichan/core";
import type { CaseDetail } from "@zhichan/shared";
import type { Actor } from "../accounts/accounts.policy.js";
import type { RequestInfo } from "../accounts/auth.service.js";
import { isOfficial, visiblePartiesOf } from "./case-access.js";
import { findAttachment, findCase } from "./cases.repository.js";
import type { CasesDeps, CasesService } from "./cases.service.js";
import { encryptedFields } from "./form-pii.js";

/**
 * Reading one case and downloading its files, each with an audit row saying who read which case or file (issue #13:
 * officials see applicants' personal and business data here). A refused attempt on an existing case is recorded as
 * "denied". The lists (queue, mine, assigned; case-queries.ts) are deliberately not audited: they are polled and
 * paged all day, show summaries only, and a row per page would bury the reads that matter.
 */
export class CaseReads {
  constructor(
    private readonly d: CasesDeps,
    private readonly cases: CasesService,
  ) {}

  read(actor: Actor, id: number, info: RequestInfo): CaseDetail {
    const detail = this.refusalAudited(actor, id, info, "case.read", {}, () => this.cases.detail(actor, id));
    this.d.audit.record({ ...who(actor, info), action: "case.read", target: `case:${id}` });
    return detail;
  }

  download(
    actor: Actor,
    id: number,
    attId: number,
    info: RequestInfo,
  ): { bytes: Buffer; mime: string; filename: string } {
    const action = "case.attachment_download";
    this.refusalAudited(actor, id, info, action, { attId }, () => {
      const row = findCase(this.d.db, id);
      if (!row) throw new AppError("NOT_FOUND", `没有案件 ${id} · no case ${id}`);
      visiblePartiesOf(this.d.db, this.d.acceptedOrgs, actor, row);
    });
    const a = findAttachment(this.d.db, id, attId);
    if (!a) throw new AppError("NOT_FOUND", "没有这个附件 · no such attachment");
    const bytes = this.d.store.read(a.storage_name, a.sha256);
    if (!bytes)
      throw new AppError("CONFLICT", "附件文件缺失或校验失败 · the stored file is missing or fails its checksum");
    this.d.audit.record({
      ...who(actor, info),
      action,
      target: `case:${id}`,
      details: { attId, kind: a.kind, sha256: a.sha256, size: a.size },
    });
    return { bytes, mime: a.mime, filename: a.filename };
  }

  /**
   * The form's personal data in full (a registration's contact phone), for an official with pii:reveal whose district
   * scope covers the case; the accounts' reveal rules apply (a reason, the per-official allowance, a `pii.revealed`
   * row naming the case). Applicants see their own form masked like everyone else.
   */
  revealFormPii(
    actor: Actor,
    id: number,
    reason: string,
    info: RequestInfo,
  ): { fields: Record<string, string | null> } {
    const row = findCase(this.d.db, id);
    if (!row) throw new AppError("NOT_FOUND", `没有案件 ${id} · no case ${id}`);
    visiblePartiesOf(this.d.db, this.d.acceptedOrgs, actor, row);
    if (!isOfficial(actor, row))
      throw new AppError(
        "FORBIDDEN",
        "只有辖区内的主管部门可以查看 · only officials in the case's district may reveal",
      );
    return { fields: this.d.pii.reveal(actor, `case:${id}`, encryptedFields(row.form_pii_enc), reason, info) };
  }

  /** Runs the visibility check; NOT_FOUND for a case that exists (so: not the caller's) leaves a "denied" row. */
  private refusalAudited<T>(
    actor: Actor,
    id: number,
    info: RequestInfo,
    action: string,
    details: Record<string, unknown>,
    step: () => T,
  ): T {
    try {
      return step();
    } catch (err) {
      if (err instanceof AppError && err.code === "NOT_FOUND" && findCase(this.d.db, id))
        this.d.audit.record({ ...who(actor, info), action, outcome: "denied", target: `case:${id}`, details });
      throw err;
    }
  }
}

const who = (actor: Actor, info: RequestInfo) => ({ actorId: actor.userId, actorName: actor.username, ip: info.ip });
