import type { AuditEntry } from "@zhichan/shared";
import { Card, List, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { dateTime } from "../adminText";
import { type AuditWords, actionWords, actorWords, detailLines, targetWords } from "./auditWords";

const OUTCOME_COLOR = { success: "green", failure: "orange", denied: "red" } as const;

function Outcome({ e }: { e: AuditEntry }) {
  const { t } = useTranslation();
  return <Tag color={OUTCOME_COLOR[e.outcome]}>{t(`admin.audit.outcome.${e.outcome}`)}</Tag>;
}

/** The details as "what: value" lines. */
function Details({ e, words }: { e: AuditEntry; words: AuditWords }) {
  const { t } = useTranslation();
  const lines = detailLines(e, words);
  if (!lines.length) return <span className="admin-muted">—</span>;
  return (
    <ul className="admin-lines">
      {lines.map((l) => (
        <li key={l.key}>
          <span className="admin-line-label">
            {l.label}
            {t("admin.common.colon")}
          </span>
          {l.value}
        </li>
      ))}
    </ul>
  );
}

/** The log as a table (wide screens), scrolling inside its card. */
export function AuditTable({
  entries,
  loading,
  words,
}: {
  entries: AuditEntry[];
  loading: boolean;
  words: AuditWords;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table<AuditEntry>
      rowKey="seq"
      size="small"
      loading={loading}
      dataSource={entries}
      pagination={false}
      scroll={{ x: 1080 }}
      locale={{ emptyText: t("admin.audit.empty") }}
      columns={[
        {
          title: t("admin.audit.col.time"),
          width: 160,
          render: (_, e) => <span className="admin-nowrap">{dateTime(e.at, i18n.language)}</span>,
        },
        { title: t("admin.audit.col.actor"), width: 130, render: (_, e) => actorWords(e, words) },
        { title: t("admin.audit.col.action"), width: 190, render: (_, e) => actionWords(e.action, words) },
        { title: t("admin.audit.col.target"), width: 170, render: (_, e) => targetWords(e, words) },
        { title: t("admin.audit.col.outcome"), width: 80, render: (_, e) => <Outcome e={e} /> },
        { title: t("admin.audit.col.ip"), width: 120, render: (_, e) => e.ip ?? "—" },
        { title: t("admin.audit.col.details"), render: (_, e) => <Details e={e} words={words} /> },
      ]}
    />
  );
}

/** The log as cards (phones): what happened as the title, then who, when, what it concerned and the details. */
export function AuditCards({
  entries,
  loading,
  words,
}: {
  entries: AuditEntry[];
  loading: boolean;
  words: AuditWords;
}) {
  const { t, i18n } = useTranslation();
  const line = (label: string, value: string) => (
    <li>
      <span className="admin-line-label">
        {label}
        {t("admin.common.colon")}
      </span>
      {value}
    </li>
  );
  return (
    <List
      loading={loading}
      dataSource={entries}
      locale={{ emptyText: t("admin.audit.empty") }}
      renderItem={(e) => (
        <Card size="small" className="admin-item-card" title={actionWords(e.action, words)} extra={<Outcome e={e} />}>
          <ul className="admin-lines">
            {line(t("admin.audit.col.time"), dateTime(e.at, i18n.language))}
            {line(t("admin.audit.col.actor"), actorWords(e, words))}
            {line(t("admin.audit.col.target"), targetWords(e, words))}
            {e.ip && line(t("admin.audit.col.ip"), e.ip)}
          </ul>
          <div style={{ marginTop: 6 }}>
            <Details e={e} words={words} />
          </div>
        </Card>
      )}
    />
  );
}
