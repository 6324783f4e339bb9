import { AppError } from "@zhichan/core";
import { type Guide, GuideInput } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { RequestInfo } from "../accounts/auth.service.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import { allGuides, fileById, filesOfGuide, type GuideRow, guideByType, upsertGuide } from "./content.repository.js";
import { type ContentFiles, presentFile } from "./content-files.js";

/**
 * 办事指南 per case type: written by officials, read by anyone before applying (service cards) and while applying
 * (the apply form's side panel). A case type without a guide yet answers an empty one, so the pages need no
 * special case. The case types are the case engine's (modules/cases/case-registry), asked through `caseTypes`.
 */
export class GuidesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly files: ContentFiles,
    private readonly caseTypes: () => readonly string[],
  ) {}

  /** The case types that have a guide, with when each was last edited. */
  list(): { caseType: string; updatedAt: string }[] {
    const known = new Set(this.caseTypes());
    return allGuides(this.db)
      .filter((g) => known.has(g.case_type))
      .map((g) => ({ caseType: g.case_type, updatedAt: new Date(g.updated_at).toISOString() }));
  }

  get(caseType: string): Guide {
    this.check(caseType);
    return this.present(caseType, guideByType(this.db, caseType));
  }

  put(actor: Actor, caseType: string, input: GuideInput, info: RequestInfo): Guide {
    this.check(caseType);
    this.db.sqlite.transaction(() => {
      upsertGuide(this.db, caseType, JSON.stringify(input), actor.userId, this.clock.now());
      this.record(actor, info, "guide.update", caseType, {});
    })();
    return this.get(caseType);
  }

  addTemplate(actor: Actor, caseType: string, up: { fileName: string; contentBase64: string }, info: RequestInfo) {
    this.check(caseType);
    const f = this.files.add(actor, { caseType }, up);
    this.record(actor, info, "guide.template.add", caseType, { file: f.id, name: f.fileName, size: f.size });
    return f;
  }

  removeTemplate(actor: Actor, caseType: string, fileId: number, info: RequestInfo): void {
    const f = fileById(this.db, fileId);
    if (!f || f.guide_case_type !== caseType) throw new AppError("NOT_FOUND", "没有这个模板 · no such template");
    this.files.remove(f);
    this.record(actor, info, "guide.template.remove", caseType, { file: fileId });
  }

  template(caseType: string, fileId: number) {
    const f = fileById(this.db, fileId);
    if (!f || f.guide_case_type !== caseType) throw new AppError("NOT_FOUND", "没有这个模板 · no such template");
    return this.files.bytes(f);
  }

  private check(caseType: string): void {
    if (!this.caseTypes().includes(caseType))
      throw new AppError("NOT_FOUND", `没有这种业务类型 ${caseType} · no case type ${caseType}`);
  }

  private present(caseType: string, row: GuideRow | undefined): Guide {
    const body = GuideInput.parse(row ? JSON.parse(row.body_json) : {});
    return {
      ...body,
      caseType,
      templates: filesOfGuide(this.db, caseType).map(presentFile),
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    };
  }

  private record(actor: Actor, info: RequestInfo, action: string, caseType: string, details: Record<string, unknown>) {
    this.audit.record({
      actorId: actor.userId,
      actorName: actor.username,
      ip: info.ip,
      action,
      target: `guide:${caseType}`,
      details,
    });
  }
}
