import { BellOutlined } from "@ant-design/icons";
import type { BellItem, BellList, CaseTypeInfo, NotificationItem } from "@zhichan/shared";
import { Badge, Button, Empty, Popover } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getCaseTypes } from "../../api/cases";
import { getBell, markBellRead } from "../../api/watches";
import { alertHeadline } from "../../scenes/watches/alertText";

const POLL_MS = 60_000;
/**
 * Every request counts as activity for the session's idle timeout (30 minutes), so polling must stop when nobody is
 * at the page: after 10 minutes without a key press, click or scroll the bell waits for the person to come back.
 */
const AWAY_MS = 10 * 60_000;
let lastInteraction = Date.now();
for (const type of ["pointerdown", "keydown", "scroll"])
  window.addEventListener(type, () => (lastInteraction = Date.now()), { passive: true, capture: true });
const SHOWN = 8;
const ENGINE_EVENTS = new Set(["created", "assigned", "overdue", "escalated"]);

/** What happened, in words: the engine's own events from the catalogue, a transition by its case type's label. */
function useEventText(): (n: NotificationItem) => string {
  const { t, i18n } = useTranslation();
  const [types, setTypes] = useState<CaseTypeInfo[]>([]);
  useEffect(() => {
    getCaseTypes().then(setTypes, () => setTypes([]));
  }, []);
  return (n) => {
    if (ENGINE_EVENTS.has(n.event)) return t(`shell.bell.events.${n.event}`);
    const label = types.find((ty) => ty.key === n.type)?.transitions.find((tr) => tr.key === n.event)?.label;
    return label ? (i18n.language === "en" ? label.en : label.zh) : t("shell.bell.events.other");
  };
}

/**
 * The unread count of one's case notifications and alerts (专利预警, GET /api/me/notifications), and the newest ones a
 * click away; asked again every minute.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const eventText = useEventText();
  const [list, setList] = useState<BellList | null>(null);
  const [open, setOpen] = useState(false);

  const load = useCallback(() => {
    if (document.visibilityState !== "visible" || Date.now() - lastInteraction > AWAY_MS) return;
    getBell().then(setList, () => undefined);
  }, []);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const unread = list?.unread ?? 0;
  const items = list?.items.slice(0, SHOWN) ?? [];
  const markAll = async () => {
    const newest = (source: BellItem["source"]) => list?.items.find((n) => n.source === source)?.id;
    // escalated questions stay in the bell until answered: nothing to mark
    const caseUpTo = newest("case");
    const alertUpTo = newest("alert");
    if (!caseUpTo && !alertUpTo) return;
    await markBellRead({ caseUpTo, alertUpTo }).catch(() => undefined);
    load();
  };
  const linkOf = (n: BellItem) =>
    n.source === "case"
      ? `/cases/${n.caseId}`
      : n.source === "alert"
        ? `/alerts/${n.id}`
        : "/consult/queue?status=overdue";
  const textOf = (n: BellItem) =>
    n.source === "case" ? n.title : n.source === "alert" ? alertHeadline(t, n) : n.question;
  const when = (n: BellItem) => dayjs(n.at).format("YYYY-MM-DD HH:mm");
  const metaOf = (n: BellItem) =>
    n.source === "case"
      ? `${eventText(n)} · ${n.ref} · ${when(n)}`
      : n.source === "alert"
        ? `${t(`watches.alertKinds.${n.kind}`)} · ${when(n)}`
        : `${t("shell.bell.events.consultation")} · ${when(n)}`;

  const content = (
    <div className="bell-panel" data-testid="bell-panel">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("shell.bell.empty")} />
      ) : (
        <ul className="bell-list">
          {items.map((n) => (
            <li
              key={`${n.source}-${n.id}`}
              className={n.unread ? "bell-item unread" : "bell-item"}
              data-testid={`bell-${n.source}`}
            >
              <Link to={linkOf(n)} onClick={() => setOpen(false)}>
                <span className="bell-title">
                  {n.unread && (
                    <>
                      <span className="bell-dot" aria-hidden="true" />
                      <span className="sr-only">{t("shell.bell.unreadMark")}</span>
                    </>
                  )}
                  {textOf(n)}
                </span>
                <span className="bell-meta">{metaOf(n)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="bell-foot">
        <Button size="small" type="link" disabled={unread === 0} onClick={markAll}>
          {t("shell.bell.markAll")}
        </Button>
      </div>
    </div>
  );

  return (
    <Popover
      content={content}
      title={t("shell.bell.title")}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) load();
      }}
    >
      <button
        type="button"
        className="app-icon-button"
        data-testid="bell"
        aria-label={unread ? t("shell.bell.labelUnread", { n: unread }) : t("shell.bell.title")}
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="app-icon" />
        </Badge>
      </button>
    </Popover>
  );
}
