import { AppError } from "@zhichan/core";
import type { RegionResolver } from "@zhichan/core/search/types.ts";
import type {
  AlertDetail,
  AlertList,
  HistoryBody,
  HistoryList,
  SavedSearch,
  SavedSearchList,
  SaveSearchBody,
  Watch,
  WatchBody,
  WatchList,
} from "@zhichan/shared";
import { WATCH_LIMITS } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import { type Clock, isoNow } from "../accounts/clock.js";
import type { CommittedBatch } from "../imports/imports.service.js";
import type { MailService } from "../mail/mail.service.js";
import { type BatchMatcher, throwawayMatcher } from "../search/search.service.js";
import { type DigestMade, sweepDigests } from "./digest.repository.js";
import { type EvaluationResult, evaluateBatch } from "./watch-evaluation.js";
import { toAlert, toAlertDetail, toHistory, toSavedSearch, toWatch } from "./watches.presenter.js";
import { WatchesRepository } from "./watches.repository.js";

export interface WatchesDeps {
  /** Throws the engine's QUERY_SYNTAX error for a query that does not parse (checked before it is saved). */
  checkQuery?: (q: string) => void;
  /** Matches watched queries against a batch's inserted patents: the live index in the server, else a throwaway one. */
  matcher?: BatchMatcher;
  /** For the throwaway matcher (REGION= in saved queries). */
  regionResolver?: RegionResolver;
  /** Alert, history and digest times. */
  clock: Clock;
  /** The e-mail outbox: each digest goes to its user in their language, if they gave an address and want alerts. */
  mail?: Pick<MailService, "enqueueForUser">;
}

const notFound = (what: string) => new AppError("NOT_FOUND", what);

/**
 * Saved searches, search history, watches and alerts (专利预警; README beside). Every method takes the signed-in
 * user's id and reads and writes that user's rows only.
 */
export class WatchesService {
  private readonly repo: WatchesRepository;
  private readonly matcher: BatchMatcher;
  /** Evaluations run one after another, in batch order (an import's batches commit faster than the index follows). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly deps: WatchesDeps,
  ) {
    this.repo = new WatchesRepository(db);
    this.matcher = deps.matcher ?? throwawayMatcher(db, deps.regionResolver);
  }

  private now(): string {
    return isoNow(this.deps.clock);
  }

  searches(userId: number): SavedSearchList {
    return { items: this.repo.savedSearches(userId).map(toSavedSearch) };
  }

  saveSearch(userId: number, body: SaveSearchBody): SavedSearch {
    const group = body.group ?? "publication";
    this.deps.checkQuery?.(body.q);
    if (this.repo.countSavedSearches(userId) >= WATCH_LIMITS.savedSearches)
      throw new AppError(
        "BAD_REQUEST",
        `最多保存 ${WATCH_LIMITS.savedSearches} 个检索式，请先删除不用的 · at most ${WATCH_LIMITS.savedSearches} saved searches: delete some first`,
      );
    const id = this.repo.transaction(() => {
      const at = this.now();
      const saved = this.repo.insertSavedSearch({
        user_id: userId,
        name: body.name.trim(),
        q: body.q.trim(),
        group_by: group,
        params_json: JSON.stringify(body.sort ? { sort: body.sort } : {}),
        created_at: at,
      });
      if (body.watch) this.addWatch(userId, { kind: "search", savedSearchId: saved });
      return saved;
    });
    const row = this.repo.savedSearch(userId, id);
    if (!row) throw new Error("saved search vanished");
    return toSavedSearch(row);
  }

  deleteSearch(userId: number, id: number): void {
    if (!this.repo.deleteSavedSearch(userId, id)) throw notFound(`没有这个检索式 · no saved search #${id}`);
  }

  history(userId: number): HistoryList {
    return { items: this.repo.history(userId, WATCH_LIMITS.history).map(toHistory) };
  }

  recordHistory(userId: number, body: HistoryBody): HistoryList {
    this.repo.transaction(() =>
      this.repo.addHistory(userId, body.q.trim(), body.group ?? "publication", this.now(), WATCH_LIMITS.history),
    );
    return this.history(userId);
  }

  /** One entry, or (id null) the whole history. */
  deleteHistory(userId: number, id: number | null): void {
    if (this.repo.deleteHistory(userId, id) === 0 && id !== null)
      throw notFound(`没有这条检索历史 · no history entry #${id}`);
  }

  watches(userId: number): WatchList {
    return { items: this.repo.watches(userId).map(toWatch) };
  }

  /** Watches a saved search (own only), a patent or an applicant entity; watching it again returns the same watch. */
  watch(userId: number, body: WatchBody): Watch {
    const id = this.repo.transaction(() => this.addWatch(userId, body));
    const row = this.repo.watch(userId, id);
    if (!row) throw new Error("watch vanished");
    return toWatch(row);
  }

  private addWatch(userId: number, body: WatchBody): number {
    const target = { search: null as number | null, patent: null as number | null, applicant: null as number | null };
    if (body.kind === "search") {
      if (!this.repo.savedSearch(userId, body.savedSearchId))
        throw notFound(`没有这个检索式 · no saved search #${body.savedSearchId}`);
      target.search = body.savedSearchId;
    } else if (body.kind === "patent") {
      if (!this.repo.patentExists(body.patentId)) throw notFound(`没有这件专利 · no patent #${body.patentId}`);
      target.patent = body.patentId;
    } else {
      if (!this.repo.applicantExists(body.applicantId))
        throw notFound(`没有这个申请人 · no applicant #${body.applicantId}`);
      target.applicant = body.applicantId;
    }
    if (this.repo.countWatches(userId) >= WATCH_LIMITS.watches)
      throw new AppError(
        "BAD_REQUEST",
        `最多关注 ${WATCH_LIMITS.watches} 项，请先取消不用的 · at most ${WATCH_LIMITS.watches} watches: remove some first`,
      );
    return this.repo.insertWatch(userId, body.kind, target, this.now());
  }

  unwatch(userId: number, id: number): void {
    if (!this.repo.deleteWatch(userId, id)) throw notFound(`没有这个关注 · no watch #${id}`);
  }

  alerts(userId: number, limit = 50): AlertList {
    const rows = this.repo.alerts(userId, limit);
    return {
      items: rows.map((r) => toAlert(r, this.alertCountOf(r))),
      unread: this.repo.unreadAlerts(userId),
    };
  }

  alert(userId: number, id: number): AlertDetail {
    const row = this.repo.alert(userId, id);
    if (!row) throw notFound(`没有这条预警 · no alert #${id}`);
    // opening an alert reads it (the bell's count drops); the answer still says it was unread until now
    if (row.read_at === null) this.repo.markAlertRead(userId, id, this.now());
    return toAlertDetail(row, this.alertCountOf(row), this.repo.alertRecords(id, WATCH_LIMITS.alertRecords));
  }

  deleteAlert(userId: number, id: number): void {
    if (!this.repo.deleteAlert(userId, id)) throw notFound(`没有这条预警 · no alert #${id}`);
  }

  markAlertsRead(userId: number, upTo: number): void {
    this.repo.markAlertsRead(userId, upTo, this.now());
  }

  unreadAlerts(userId: number): number {
    return this.repo.unreadAlerts(userId);
  }

  private alertCountOf(r: { kind: string; user_id: number; digest_day: string | null }): number | null {
    return r.kind === "digest" && r.digest_day ? this.repo.alertsOfDay(r.user_id, r.digest_day) : null;
  }

  /**
   * The import hook: every watch against what one committed batch wrote (watch-evaluation.ts). Called without
   * waiting by the importer; evaluations are queued so they run in batch order.
   */
  afterBatch(batch: CommittedBatch): Promise<EvaluationResult> {
    const run = this.queue.then(() => evaluateBatch(this.db, batch, { matcher: this.matcher, now: this.now() }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every evaluation asked for so far has run (the CLI waits for it before closing the database). */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** The daily digests due now (digest.ts), each also e-mailed (once: the outbox dedupes on the digest's id). */
  sweepDigests(): DigestMade[] {
    const made = sweepDigests(this.db, new Date(this.deps.clock.now()));
    for (const d of made)
      this.deps.mail?.enqueueForUser(d.userId, {
        kind: "alert",
        ...digestMessage(d),
        dedupeKey: `alert-digest:${d.alertId}`,
      });
    return made;
  }
}

/** A digest in both languages, with the link to its page, for the e-mail outbox. */
export function digestMessage(d: DigestMade): {
  subject: Record<"zh" | "en", string>;
  text: Record<"zh" | "en", string>;
  link: string;
} {
  return {
    subject: { zh: `专利预警日报 ${d.day}`, en: `Patent alerts digest ${d.day}` },
    text: {
      zh: `${d.day} 您关注的检索式、专利和申请人共有 ${d.alerts} 条预警，涉及 ${d.records} 件专利。`,
      en: `On ${d.day} your watched searches, patents and applicants raised ${d.alerts} alerts covering ${d.records} patents.`,
    },
    link: `/alerts/${d.alertId}`,
  };
}
