import { AppError } from "@zhichan/core";
import type { ContentInput, ContentItem, ContentKind, ContentPage, ContentQuery } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { RequestInfo } from "../accounts/auth.service.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import {
  type ContentRow,
  type ContentWrite,
  categoriesOf,
  fileById,
  filesOfItem,
  insertItem,
  itemById,
  listItems,
  updateItem,
} from "./content.repository.js";
import { type ContentFiles, presentFile } from "./content-files.js";
import { plainText, sanitiseHtml } from "./content-sanitiser.js";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Notices, policies and news. Officials with content:publish write them; the body is sanitised here, before it is
 * stored, so no later reader has to. The public sees an item only while it is published and the injected clock is
 * inside its window, so a notice scheduled for tomorrow stays hidden until then without any job running.
 */
export class ContentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    readonly files: ContentFiles,
  ) {}

  publicList(q: ContentQuery): ContentPage {
    return this.list(q, this.clock.now());
  }

  manageList(q: ContentQuery): ContentPage {
    return this.list(q, undefined);
  }

  /** A public read: an item outside its window is "not found", exactly like one that never existed. */
  publicGet(id: number): ContentItem {
    const row = itemById(this.db, id);
    if (!row || !this.visible(row)) throw notFound();
    return this.present(row);
  }

  manageGet(id: number): ContentItem {
    return this.present(this.load(id));
  }

  create(actor: Actor, input: ContentInput, info: RequestInfo): ContentItem {
    const w = this.toWrite(actor, input);
    const id = this.db.sqlite.transaction(() => {
      const newId = insertItem(this.db, w);
      this.record(actor, info, input.published ? "content.publish" : "content.create", newId, w);
      return newId;
    })();
    return this.manageGet(id);
  }

  update(actor: Actor, id: number, input: ContentInput, info: RequestInfo): ContentItem {
    const w = this.toWrite(actor, input);
    this.db.sqlite.transaction(() => {
      const before = this.load(id);
      updateItem(this.db, id, w);
      const action =
        before.published === w.published ? "content.update" : w.published ? "content.publish" : "content.withdraw";
      this.record(actor, info, action, id, w);
    })();
    return this.manageGet(id);
  }

  addAttachment(actor: Actor, id: number, up: { fileName: string; contentBase64: string }, info: RequestInfo) {
    this.load(id);
    const f = this.files.add(actor, { itemId: id }, up);
    this.audit.record({
      actorId: actor.userId,
      actorName: actor.username,
      ip: info.ip,
      action: "content.attach",
      target: `content:${id}`,
      details: { file: f.id, name: f.fileName, size: f.size },
    });
    return f;
  }

  removeAttachment(actor: Actor, id: number, fileId: number, info: RequestInfo): void {
    const f = fileById(this.db, fileId);
    if (!f || f.item_id !== id) throw notFound();
    this.files.remove(f);
    this.audit.record({
      actorId: actor.userId,
      actorName: actor.username,
      ip: info.ip,
      action: "content.detach",
      target: `content:${id}`,
      details: { file: fileId },
    });
  }

  /** An attachment of an item the caller may read (the public: only a visible item's). */
  attachment(id: number, fileId: number, official: boolean) {
    const row = itemById(this.db, id);
    const f = fileById(this.db, fileId);
    if (!row || !f || f.item_id !== id || (!official && !this.visible(row))) throw notFound();
    return this.files.bytes(f);
  }

  private list(q: ContentQuery, visibleAt: number | undefined): ContentPage {
    const { rows, total } = listItems(this.db, {
      kind: q.kind,
      category: q.category,
      q: q.q,
      visibleAt,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return {
      items: rows.map((r) => {
        const { bodyHtml: _b, attachments: _a, ...rest } = this.present(r, false);
        return { ...rest, excerpt: r.body_text.slice(0, 160) };
      }),
      total,
      categories: categoriesOf(this.db, q.kind, visibleAt),
    };
  }

  private toWrite(actor: Actor, input: ContentInput): ContentWrite {
    const publishAt = input.publishAt === null ? null : Date.parse(input.publishAt);
    const unpublishAt = input.unpublishAt === null ? null : Date.parse(input.unpublishAt);
    if (publishAt !== null && unpublishAt !== null && unpublishAt <= publishAt)
      throw new AppError("BAD_REQUEST", "下线时间须晚于发布时间 · the unpublish time must be after the publish time", {
        issues: [{ path: "unpublishAt", code: "content_window" }],
      });
    const bodyHtml = sanitiseHtml(input.bodyHtml);
    return {
      kind: input.kind as ContentKind,
      category: input.category || null,
      title: input.title,
      body_html: bodyHtml,
      body_text: plainText(bodyHtml),
      published: input.published ? 1 : 0,
      publish_at: publishAt,
      unpublish_at: unpublishAt,
      actor: actor.userId,
      at: this.clock.now(),
    };
  }

  private record(actor: Actor, info: RequestInfo, action: string, id: number, w: ContentWrite): void {
    this.audit.record({
      actorId: actor.userId,
      actorName: actor.username,
      ip: info.ip,
      action,
      target: `content:${id}`,
      details: { kind: w.kind, title: w.title, publishAt: iso(w.publish_at), unpublishAt: iso(w.unpublish_at) },
    });
  }

  private visible(r: ContentRow): boolean {
    const now = this.clock.now();
    return (
      r.published === 1 &&
      (r.publish_at === null || r.publish_at <= now) &&
      (r.unpublish_at === null || r.unpublish_at > now)
    );
  }

  private load(id: number): ContentRow {
    const row = itemById(this.db, id);
    if (!row) throw notFound();
    return row;
  }

  private present(r: ContentRow, withFiles = true): ContentItem {
    return {
      id: r.id,
      kind: r.kind as ContentKind,
      category: r.category,
      title: r.title,
      bodyHtml: r.body_html,
      published: r.published === 1,
      publishAt: iso(r.publish_at),
      unpublishAt: iso(r.unpublish_at),
      visible: this.visible(r),
      attachments: withFiles ? filesOfItem(this.db, r.id).map(presentFile) : [],
      updatedAt: iso(r.updated_at) as string,
    };
  }
}

const notFound = () => new AppError("NOT_FOUND", "没有这条内容 · no such item");
