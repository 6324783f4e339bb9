import type { AlertRecord } from "@zhichan/shared";
import { Button, Result, Skeleton, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { getAlert } from "../../api/watches";
import { ErrorView } from "../../components/ErrorView";
import { StatusTag } from "../../components/PatentTags";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { alertHeadline } from "./alertText";
import { searchUrl } from "./WatchesPage";
import "./watches.css";

/** /alerts/:id — exactly the records one alert found, with the event that caused each, and a search of them. */
export function AlertPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const res = useAsync(user && /^\d+$/.test(id) ? (s) => getAlert(Number(id), s) : null, [id, user?.id]);
  const a = res.data;
  if (!user || !/^\d+$/.test(id))
    return <Result status="info" title={user ? t("watches.alert.notFound") : t("watches.signInFirst")} />;
  if (res.error) return <ErrorView error={res.error} onRetry={res.reload} />;
  if (!a) return <Skeleton active paragraph={{ rows: 8 }} />;

  const eventText = (r: AlertRecord) =>
    r.event
      ? [
          r.event.date,
          r.event.kind === "legal_status"
            ? t(`statuses.${r.event.value}`, { defaultValue: r.event.value ?? "" })
            : r.event.value,
          r.event.text,
        ]
          .filter(Boolean)
          .join(" · ")
      : "";
  return (
    <div className="page alert-page" data-testid="alert-page">
      <Link to="/me/watches" className="back-link">
        ← {t("watches.alert.back")}
      </Link>
      <h1 className="page-title">
        <Tag>{t(`watches.alertKinds.${a.kind}`)}</Tag>
        {alertHeadline(t, a)}
      </h1>
      <p className="watch-meta">
        {dayjs(a.createdAt).format("YYYY-MM-DD HH:mm")}
        {a.alertCount !== null ? ` · ${t("watches.digestOf", { day: a.title, n: a.alertCount })}` : ""}
        {a.records.length < a.recordCount
          ? ` · ${t("watches.alert.shown", { shown: a.records.length, total: a.recordCount })}`
          : ""}
      </p>
      {a.searchQuery && (
        <Link to={searchUrl(a.searchQuery)} data-testid="alert-search">
          <Button type="primary">{t("watches.alert.openSearch")}</Button>
        </Link>
      )}
      <Table<AlertRecord>
        className="alert-records"
        size="small"
        rowKey={(r) => `${r.patentId}-${r.event?.date ?? ""}-${r.event?.value ?? ""}`}
        pagination={false}
        scroll={{ x: true }}
        dataSource={a.records}
        columns={[
          {
            title: t("watches.alert.publication"),
            key: "pn",
            render: (_, r) => <Link to={`/patents/${r.patentId}`}>{r.publicationNumber}</Link>,
          },
          { title: t("watches.alert.patentTitle"), dataIndex: "title", key: "title" },
          { title: t("watches.alert.status"), key: "status", render: (_, r) => <StatusTag status={r.status} /> },
          ...(a.kind === "new_hits"
            ? [{ title: t("watches.alert.date"), dataIndex: "publicationDate", key: "date" }]
            : [
                {
                  title: t("watches.alert.event"),
                  key: "event",
                  render: (_: unknown, r: AlertRecord) => <span className="alert-event">{eventText(r)}</span>,
                },
              ]),
        ]}
      />
    </div>
  );
}
