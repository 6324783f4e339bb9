import type { PatentDetail } from "@zhichan/shared";
import { Card, Tag, Timeline } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { StatusTag } from "../../components/PatentTags";
import { sourceLabel } from "./sourceLabel";

interface Entry {
  date: string;
  body: ReactNode;
}

/**
 * The patent's history, newest first: dated legal-status changes imports recorded (实质审查 → 驳回 …) and the other
 * legal events of CNIPA legal-status records (transfer, licence, pledge … in words, with code and the record's text).
 */
export function StatusHistory({ p }: { p: PatentDetail }) {
  const { t } = useTranslation();
  const source = (s: string) => (
    <div className="raw-value">
      {t("patent.historySource")}: {sourceLabel(s, t)}
    </div>
  );
  const entries: Entry[] = [
    ...p.history.map((e) => ({
      date: e.date,
      body: (
        <>
          {e.from ? <StatusTag status={e.from} /> : <span className="raw-value">{t("patent.historyFirst")}</span>}
          {" → "}
          {e.to ? <StatusTag status={e.to} /> : "—"}
          {e.toRaw ? <span className="raw-value"> ({e.toRaw})</span> : null}
          {source(e.source)}
        </>
      ),
    })),
    ...p.legalEvents.map((e) => ({
      date: e.date,
      body: (
        <span data-testid="legal-event">
          <Tag color="blue">{t(`imports.legalEvent.${e.category ?? "other"}`)}</Tag>
          <span className="raw-value">{t("imports.legalEventCode", { code: e.code })}</span>
          {e.text ? <div>{e.text}</div> : null}
          {source(e.source)}
        </span>
      ),
    })),
  ];
  if (!entries.length) return null;
  const withEvents = p.legalEvents.length > 0;
  // Oldest first from the server in each list; a stable sort keeps same-day entries in recorded order.
  const items = entries
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => (a.date === b.date ? a.i - b.i : a.date < b.date ? -1 : 1))
    .reverse()
    .map((e) => ({
      key: `${e.date}-${e.i}`,
      children: (
        <div className="status-event">
          <strong>{e.date}</strong> {e.body}
        </div>
      ),
    }));
  return (
    <Card
      size="small"
      title={t(withEvents ? "imports.historyTitle" : "patent.history")}
      extra={<span className="raw-value">{t(withEvents ? "imports.historyHint" : "patent.historyHint")}</span>}
    >
      <Timeline items={items} data-testid="status-history" />
    </Card>
  );
}
