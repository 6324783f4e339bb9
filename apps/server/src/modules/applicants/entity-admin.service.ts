import { AppError } from "@zhichan/core";
import { applicantKind, applicantNormKey } from "@zhichan/core/patents/index.ts";
import type {
  EntityActionResult,
  KeepApartBody,
  MergeApplicantBody,
  RenameApplicantBody,
  SplitApplicantBody,
} from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../../http/auth-context.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import {
  bumpPatents,
  liftKeepApartJoinedIn,
  mergeEntityInto,
  recordKeepApart,
} from "../imports/applicant-entities.service.js";
import * as repo from "./applicants.repository.js";
import type { MergeSuggestionFinder } from "./merge-suggestions.js";
import { relinkOps } from "./split-relinks.js";

/**
 * Officials' decisions on applicant entities (issue #14 item 6): merge one into another (rule 'official', the
 * official and the reason as evidence; it lifts a "keep apart" decision between the two), split spellings out into an
 * entity of their own (recorded as kept apart, so imports never merge them back), rename. Each runs in one
 * transaction with its audit row; touched patents get a new updated_seq and the live index is told to catch up.
 */
export class EntityAdminService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly reindexSoon: () => void,
    private readonly suggestions: MergeSuggestionFinder,
    private readonly clock: Clock,
  ) {}

  async merge(ctx: RequestContext, id: number, body: MergeApplicantBody): Promise<EntityActionResult> {
    const actor = this.cityWide(ctx);
    if (id === body.into)
      throw new AppError("BAD_REQUEST", "不能把申请人合并到自身 · cannot merge an entity into itself");
    const absorbed = this.live(id);
    const survivor = this.live(body.into);
    const suggestion = body.suggested ? await this.suggestedPair(absorbed.id, survivor.id) : {};
    // The suggestions may have been read while other requests ran: both sides must still be live.
    this.live(absorbed.id);
    this.live(survivor.id);
    const out = this.db.sqlite.transaction(() => {
      const r = mergeEntityInto(this.db.sqlite, {
        survivor: survivor.id,
        absorbed: absorbed.id,
        rule: "official",
        evidence: {
          ...suggestion,
          official: actor.username,
          userId: actor.userId,
          reason: body.reason,
          absorbedName: absorbed.name,
        },
        createdBy: actor.userId,
      });
      // An official's merge overrides an earlier "keep apart" decision between the two sides.
      const liftedKeepApart = liftKeepApartJoinedIn(this.db.sqlite, survivor.id, actor.userId);
      this.record(ctx, "applicant.merge", survivor.id, {
        absorbed: absorbed.id,
        reason: body.reason,
        ...("suggestedBy" in suggestion ? { suggestedBy: suggestion.suggestedBy } : {}),
        ...(liftedKeepApart.length ? { liftedKeepApart } : {}),
      });
      return { id: survivor.id, patentsTouched: r.patentsTouched };
    })();
    this.reindexSoon();
    return out;
  }

  split(ctx: RequestContext, id: number, body: SplitApplicantBody): EntityActionResult {
    const actor = this.cityWide(ctx);
    const entity = this.live(id);
    const all = repo.applicantAliases(this.db, id);
    const moved = new Set(body.aliases);
    const unknown = [...moved].filter((a) => !all.includes(a));
    if (unknown.length)
      throw new AppError(
        "BAD_REQUEST",
        `这些写法不属于该申请人 · not spellings of this entity: ${unknown.join("；")}`,
        {
          unknown,
        },
      );
    const kept = all.filter((a) => !moved.has(a));
    if (!kept.length) throw new AppError("BAD_REQUEST", "至少保留一种写法 · keep at least one spelling");
    // Imports route a spelling by its normalised key: one key cannot live in two entities.
    const keptKeys = new Set([...kept.map(applicantNormKey), entity.norm_key]);
    const clash = [...moved].filter((a) => keptKeys.has(applicantNormKey(a)));
    if (clash.length)
      throw new AppError(
        "BAD_REQUEST",
        `这些写法与保留的写法归一化后相同，无法拆开 · these spellings normalise like the kept ones: ${clash.join("；")}`,
        { clash },
      );
    const out = this.db.sqlite.transaction(() => {
      const newId = this.entityFor([...moved], id);
      repo.moveAliases(this.db, [...moved], newId);
      const touched: number[] = [];
      for (const p of repo.patentsLinkedTo(this.db, id)) {
        const ops = relinkOps(p, new Set(kept), moved, id, newId);
        for (const op of ops) {
          if (op.kind === "set") repo.setLink(this.db, p.patentId, op.position, op.applicantId);
          else repo.dropLink(this.db, p.patentId, op.position);
        }
        if (ops.length) touched.push(p.patentId);
      }
      bumpPatents(this.db.sqlite, touched);
      // The automatic linker must not merge the two back on the next import (migration 016).
      const keepApart = recordKeepApart(this.db.sqlite, id, newId, { userId: actor.userId, reason: body.reason });
      this.record(ctx, "applicant.split", id, { newId, aliases: [...moved], reason: body.reason, keepApart });
      return { id: newId, patentsTouched: touched.length };
    })();
    this.reindexSoon();
    return out;
  }

  /**
   * Two entities are two companies (an official rejecting a merge suggestion, or any pair): recorded as a keep-apart
   * decision (migration 016), so neither the automatic linker nor the suggestions join them again. Audited.
   */
  keepApart(ctx: RequestContext, id: number, body: KeepApartBody): EntityActionResult {
    const actor = this.cityWide(ctx);
    if (id === body.other)
      throw new AppError("BAD_REQUEST", "不能把申请人与自身分开 · an entity cannot be kept apart from itself");
    const a = this.live(id);
    const b = this.live(body.other);
    this.db.sqlite.transaction(() => {
      const decision = recordKeepApart(this.db.sqlite, a.id, b.id, { userId: actor.userId, reason: body.reason });
      this.record(ctx, "applicant.keep_apart", a.id, { other: b.id, reason: body.reason, keepApart: decision });
    })();
    return { id: a.id, patentsTouched: 0 };
  }

  /** The suggestion's rules and evidence for the merge record; a pair no longer suggested is a conflict. */
  private async suggestedPair(a: number, b: number): Promise<Record<string, unknown>> {
    const s = await this.suggestions.suggested(a, b);
    if (!s)
      throw new AppError(
        "CONFLICT",
        `申请人 ${a} 与 ${b} 目前不是待审核的合并建议 · entities ${a} and ${b} are not a pending merge suggestion`,
      );
    return Object.assign({}, ...s.reasons.map((r) => r.evidence), { suggestedBy: s.reasons.map((r) => r.rule) });
  }

  rename(ctx: RequestContext, id: number, body: RenameApplicantBody): EntityActionResult {
    this.cityWide(ctx);
    const entity = this.live(id);
    this.db.sqlite.transaction(() => {
      repo.renameApplicant(this.db, id, body.name, applicantKind(body.name));
      this.record(ctx, "applicant.rename", id, { from: entity.name, to: body.name, reason: body.reason });
    })();
    // The name is not indexed (the index holds entity ids), so no patent needs re-reading.
    return { id, patentsTouched: 0 };
  }

  /**
   * The entity the moved spellings become: the absorbed row holding their key (un-merged, so imports of those
   * spellings keep arriving there), the other moved keys' rows pointed at it; a new row when none holds one.
   */
  private entityFor(moved: string[], from: number): number {
    const keys = [...new Set(moved.map(applicantNormKey))];
    const rows = repo.absorbedWithKeys(this.db, from, keys);
    const name = moved[0];
    const kind = applicantKind(name);
    const first = rows[0];
    const id = first ? first.id : repo.insertApplicant(this.db, name, this.freeKey(keys), kind);
    if (first) repo.setEntity(this.db, id, name, kind, null);
    repo.pointAt(
      this.db,
      rows.slice(1).map((r) => r.id),
      id,
    );
    return id;
  }

  /** A key for a new row: the spelling's own when no row holds it (a row holding it elsewhere keeps it). */
  private freeKey(keys: string[]): string {
    const free = keys.find((k) => !repo.findApplicantByKey(this.db, k));
    return free ?? `${keys[0]}#split-${this.clock.now()}`;
  }

  private live(id: number): repo.ApplicantRow {
    const row = repo.findApplicant(this.db, id);
    if (!row) throw new AppError("NOT_FOUND", `没有找到申请人 ${id} · no applicant with id ${id}`);
    if (row.merged_into !== null)
      throw new AppError(
        "CONFLICT",
        `申请人 ${id} 已并入 ${row.merged_into} · entity ${id} was merged into ${row.merged_into}`,
        {
          mergedInto: row.merged_into,
        },
      );
    return row;
  }

  private cityWide(ctx: RequestContext) {
    if (!ctx.actor) throw new AppError("UNAUTHENTICATED", "请先登录 · please sign in");
    if (ctx.district !== null)
      throw new AppError(
        "FORBIDDEN",
        "仅市级管理人员可以调整申请人实体 · only city-wide officials may change entities",
        {
          reason: "district scope",
        },
      );
    return ctx.actor;
  }

  private record(ctx: RequestContext, action: string, id: number, details: Record<string, unknown>): void {
    this.audit.record({
      action,
      actorId: ctx.actor?.userId ?? null,
      actorName: ctx.actor?.username ?? null,
      ip: ctx.ip,
      target: `applicant:${id}`,
      details,
    });
  }
}
