import { z } from "zod";
import { LegalStatus, PatentType } from "./patent.js";
import { CountUnit, SEARCH_LIMITS, SearchSort } from "./search.js";
import { NotificationItem } from "./shell.js";

/**
 * Saved searches, search history, watches and alerts (专利预警, issue #16 item 3). Everything here is the signed-in
 * user's own: another user's ids answer 404.
 */
export const WATCH_LIMITS = {
  nameLength: 100,
  savedSearches: 200,
  watches: 500,
  history: 50,
  /** Records listed on an alert's page (its record count stays exact). */
  alertRecords: 500,
} as const;

const Query = z.string().trim().min(1, "query is empty").max(SEARCH_LIMITS.maxQueryLength);
export const WatchIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

export const SaveSearchBody = z.object({
  name: z.string().trim().min(1).max(WATCH_LIMITS.nameLength),
  q: Query,
  group: CountUnit.default("publication"),
  sort: SearchSort.optional(),
  /** Also watch it for new hits (one step from the search page). */
  watch: z.boolean().optional(),
});
export type SaveSearchBody = z.input<typeof SaveSearchBody>;

export const SavedSearch = z.object({
  id: z.number().int(),
  name: z.string(),
  q: z.string(),
  group: CountUnit,
  sort: SearchSort.nullable(),
  createdAt: z.string(),
  /** The watch on it, when there is one. */
  watchId: z.number().int().nullable(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;
export const SavedSearchList = z.object({ items: z.array(SavedSearch) });
export type SavedSearchList = z.infer<typeof SavedSearchList>;

export const HistoryBody = z.object({ q: Query, group: CountUnit.default("publication") });
export type HistoryBody = z.input<typeof HistoryBody>;
export const HistoryItem = z.object({ id: z.number().int(), q: z.string(), group: CountUnit, at: z.string() });
export type HistoryItem = z.infer<typeof HistoryItem>;
export const HistoryList = z.object({ items: z.array(HistoryItem) });
export type HistoryList = z.infer<typeof HistoryList>;

export const WATCH_KINDS = ["search", "patent", "applicant"] as const;
export const WatchKind = z.enum(WATCH_KINDS);
export type WatchKind = z.infer<typeof WatchKind>;

const TargetId = z
  .number()
  .int()
  .positive()
  .max(2 ** 31);
export const WatchBody = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("search"), savedSearchId: TargetId }),
  z.object({ kind: z.literal("patent"), patentId: TargetId }),
  z.object({ kind: z.literal("applicant"), applicantId: TargetId }),
]);
export type WatchBody = z.infer<typeof WatchBody>;

export const Watch = z.object({
  id: z.number().int(),
  kind: WatchKind,
  /** The saved search's, patent's or applicant entity's id. */
  targetId: z.number().int(),
  /** In words: the search's name, the publication number and title, the applicant's name. */
  label: z.string(),
  /** The search's query, or the publication number. */
  detail: z.string().nullable(),
  createdAt: z.string(),
});
export type Watch = z.infer<typeof Watch>;
export const WatchList = z.object({ items: z.array(Watch) });
export type WatchList = z.infer<typeof WatchList>;

export const ALERT_KINDS = ["new_hits", "legal_events", "digest"] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;

export const AlertSummary = z.object({
  id: z.number().int(),
  kind: AlertKind,
  /** The watch's label when the alert was made (a digest: its day, YYYY-MM-DD). */
  title: z.string(),
  watchKind: WatchKind.nullable(),
  recordCount: z.number().int(),
  /** A digest: how many alerts of its day it sums up. */
  alertCount: z.number().int().nullable(),
  createdAt: z.string(),
  unread: z.boolean(),
});
export type AlertSummary = z.infer<typeof AlertSummary>;
export const AlertList = z.object({ items: z.array(AlertSummary), unread: z.number().int() });
export type AlertList = z.infer<typeof AlertList>;

export const AlertRecord = z.object({
  patentId: z.number().int(),
  publicationNumber: z.string(),
  title: z.string(),
  type: PatentType,
  status: LegalStatus,
  publicationDate: z.string().nullable(),
  /** The history event that caused it (legal-status watches): date, code or status, wording. */
  event: z
    .object({
      date: z.string().nullable(),
      kind: z.enum(["legal_status", "legal_event"]),
      value: z.string().nullable(),
      text: z.string().nullable(),
    })
    .nullable(),
});
export type AlertRecord = z.infer<typeof AlertRecord>;

export const AlertDetail = AlertSummary.extend({
  records: z.array(AlertRecord),
  /** A search listing exactly these publications (their numbers), when there are at most 200. */
  searchQuery: z.string().nullable(),
});
export type AlertDetail = z.infer<typeof AlertDetail>;

export const MarkAlertsRead = z.object({
  upTo: z
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});

/**
 * The header's bell: case notifications, alerts and (for supervising officials) escalated questions, newest first,
 * with one unread count. An escalated question stays unread until it is answered: it is work, not news.
 */
export const BellItem = z.discriminatedUnion("source", [
  NotificationItem.extend({ source: z.literal("case") }),
  AlertSummary.extend({ source: z.literal("alert"), at: z.number() }),
  z.object({
    source: z.literal("consultation"),
    id: z.number().int(),
    question: z.string(),
    at: z.number(),
    unread: z.literal(true),
  }),
]);
export type BellItem = z.infer<typeof BellItem>;
export const BellList = z.object({
  items: z.array(BellItem),
  unread: z.number().int(),
  caseUnread: z.number().int(),
  alertUnread: z.number().int(),
  /** Open escalated questions the caller supervises. */
  consultationUnread: z.number().int(),
});
export type BellList = z.infer<typeof BellList>;
export const MarkBellRead = z.object({
  caseUpTo: z
    .number()
    .int()
    .positive()
    .max(2 ** 53)
    .optional(),
  alertUpTo: z
    .number()
    .int()
    .positive()
    .max(2 ** 53)
    .optional(),
});
export type MarkBellRead = z.infer<typeof MarkBellRead>;
