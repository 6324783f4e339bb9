import { z } from "zod";

/**
 * The signed-in shell (issue #15 item 2): one's own active sessions in the personal centre, and the case
 * notifications behind the header's bell.
 */

/** One of the caller's live sessions. `id` is an opaque reference, not the cookie or its hash. */
export const MySession = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The browser and system in words ("Chrome 124 · Windows"), or null when the session did not say. */
  device: z.string().nullable(),
  /** The address, masked: 192.168.1.* or 2001:db8:85a3:*. */
  ip: z.string().nullable(),
  current: z.boolean(),
});
export type MySession = z.infer<typeof MySession>;

export const MySessionList = z.object({ items: z.array(MySession) });
export type MySessionList = z.infer<typeof MySessionList>;

export const SessionRefParams = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/, "a session reference") });

/** What revoking did; `signedOut` when the caller ended the session it was using. */
export const RevokeSessionsResponse = z.object({ ended: z.number().int(), signedOut: z.boolean() });
export type RevokeSessionsResponse = z.infer<typeof RevokeSessionsResponse>;

export const NotificationItem = z.object({
  id: z.number(),
  caseId: z.number(),
  ref: z.string(),
  title: z.string(),
  /** The case type's key (its labels and transitions: GET /api/cases/types). */
  type: z.string(),
  /** The case event: created, assigned, overdue, escalated, or a transition's key. */
  event: z.string(),
  at: z.number(),
  unread: z.boolean(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationList = z.object({ items: z.array(NotificationItem), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;

/** Marks every notification up to this id as read (the newest one shown, so later arrivals stay unread). */
export const MarkNotificationsRead = z.object({
  upTo: z
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});
