import {
  AlertDetail,
  AlertList,
  BellList,
  ErrorBody,
  HistoryBody,
  HistoryList,
  MarkAlertsRead,
  MarkBellRead,
  SavedSearch,
  SavedSearchList,
  SaveSearchBody,
  Watch,
  WatchBody,
  WatchIdParam,
  WatchList,
} from "@zhichan/shared";
import { z } from "zod";
import { actorOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { CasesServices } from "../cases/cases.module.js";
import type { ConsultationsService } from "../service-desk/consultations.service.js";
import type { WatchesService } from "./watches.service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["watches"];
const ok = { 200: z.object({ ok: z.literal(true) }), ...errors };
const access = "authenticated" as const;
/** Like the case notifications: an official's bell also holds the office inbox of their district scope. */
const officeOf = (actor: Actor) => (actor.permissions.has("case:read") ? { district: actor.district } : null);

/** Saved searches, history, watches, alerts and the combined bell: every route is the signed-in user's own. */
export function watchRoutes(
  app: ZodApp,
  s: WatchesService,
  cases: CasesServices,
  consultations: ConsultationsService,
): void {
  const me = (req: Parameters<typeof actorOf>[0]) => actorOf(req).userId;
  app.get(
    "/api/me/searches",
    {
      config: { access },
      schema: { tags, summary: "我的检索式 My saved searches", response: { 200: SavedSearchList } },
    },
    async (req) => s.searches(me(req)),
  );
  app.post(
    "/api/me/searches",
    {
      config: { access },
      schema: {
        tags,
        summary: "保存检索式 Save a search",
        body: SaveSearchBody,
        response: { 200: SavedSearch, ...errors },
      },
    },
    async (req) => s.saveSearch(me(req), req.body),
  );
  app.delete(
    "/api/me/searches/:id",
    {
      config: { access },
      schema: { tags, summary: "删除检索式 Delete a saved search", params: WatchIdParam, response: ok },
    },
    async (req) => {
      s.deleteSearch(me(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/me/search-history",
    { config: { access }, schema: { tags, summary: "检索历史 My last 50 queries", response: { 200: HistoryList } } },
    async (req) => s.history(me(req)),
  );
  app.post(
    "/api/me/search-history",
    {
      config: { access },
      schema: {
        tags,
        summary: "记入检索历史 Add a query to my history",
        body: HistoryBody,
        response: { 200: HistoryList, ...errors },
      },
    },
    async (req) => s.recordHistory(me(req), req.body),
  );
  app.delete(
    "/api/me/search-history",
    { config: { access }, schema: { tags, summary: "清空检索历史 Clear my history", response: ok } },
    async (req) => {
      s.deleteHistory(me(req), null);
      return { ok: true as const };
    },
  );
  app.delete(
    "/api/me/search-history/:id",
    {
      config: { access },
      schema: { tags, summary: "删除一条历史 Delete a history entry", params: WatchIdParam, response: ok },
    },
    async (req) => {
      s.deleteHistory(me(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/me/watches",
    { config: { access }, schema: { tags, summary: "我的关注 My watches", response: { 200: WatchList } } },
    async (req) => s.watches(me(req)),
  );
  app.post(
    "/api/me/watches",
    {
      config: { access },
      schema: {
        tags,
        summary: "关注 Watch a saved search, a patent or an applicant",
        body: WatchBody,
        response: { 200: Watch, ...errors },
      },
    },
    async (req) => s.watch(me(req), req.body),
  );
  app.delete(
    "/api/me/watches/:id",
    { config: { access }, schema: { tags, summary: "取消关注 Stop watching", params: WatchIdParam, response: ok } },
    async (req) => {
      s.unwatch(me(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/me/alerts",
    { config: { access }, schema: { tags, summary: "预警 My newest 50 alerts", response: { 200: AlertList } } },
    async (req) => s.alerts(me(req)),
  );
  app.get(
    "/api/me/alerts/:id",
    {
      config: { access },
      schema: {
        tags,
        summary: "预警详情 An alert and exactly its records",
        params: WatchIdParam,
        response: { 200: AlertDetail, ...errors },
      },
    },
    async (req) => s.alert(me(req), req.params.id),
  );
  app.delete(
    "/api/me/alerts/:id",
    { config: { access }, schema: { tags, summary: "删除预警 Delete an alert", params: WatchIdParam, response: ok } },
    async (req) => {
      s.deleteAlert(me(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    "/api/me/alerts/read",
    {
      config: { access },
      schema: { tags, summary: "预警标为已读 Mark my alerts read up to an id", body: MarkAlertsRead, response: ok },
    },
    async (req) => {
      s.markAlertsRead(me(req), req.body.upTo);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/me/notifications",
    {
      config: { access },
      schema: {
        tags,
        summary: "通知 The bell: my case notifications, alerts and escalated questions, newest first, one unread count",
        response: { 200: BellList },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const inbox = cases.cases.notifier.inbox(actor.userId, officeOf(actor));
      const alerts = s.alerts(actor.userId);
      const escalated = consultations.escalatedNotices(actor);
      const items = [
        ...inbox.rows.map((r) => ({
          source: "case" as const,
          id: r.id,
          caseId: r.case_id,
          ref: r.ref,
          title: r.title,
          type: r.type,
          event: r.event,
          at: r.at,
          unread: r.unread,
        })),
        ...alerts.items.map((a) => ({ ...a, source: "alert" as const, at: Date.parse(a.createdAt) })),
        ...escalated.map((q) => ({ ...q, source: "consultation" as const, unread: true as const })),
      ].sort((a, b) => b.at - a.at);
      return {
        items: items.slice(0, 50),
        unread: inbox.unread + alerts.unread + escalated.length,
        caseUnread: inbox.unread,
        alertUnread: alerts.unread,
        consultationUnread: escalated.length,
      };
    },
  );
  app.post(
    "/api/me/notifications/read",
    {
      config: { access },
      schema: {
        tags,
        summary: "全部标为已读 Mark my notifications and alerts read up to the ids shown",
        body: MarkBellRead,
        response: ok,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (req.body.caseUpTo) cases.cases.notifier.markRead(actor.userId, officeOf(actor), req.body.caseUpTo);
      if (req.body.alertUpTo) s.markAlertsRead(actor.userId, req.body.alertUpTo);
      return { ok: true as const };
    },
  );
}
