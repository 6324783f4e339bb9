import { DeleteOutlined } from "@ant-design/icons";
import type { SavedSearch } from "@zhichan/shared";
import { App, Badge, Button, Card, Empty, List, Popconfirm, Result, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import {
  addWatch,
  deleteHistory,
  deleteSavedSearch,
  getAlerts,
  getHistory,
  getSavedSearches,
  getWatches,
  removeWatch,
} from "../../api/watches";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { apiErrorText } from "../../i18n/apiErrors";
import { alertHeadline } from "./alertText";
import "./watches.css";

/** The search page's URL of a saved query (its unit and sort with it). */
export function searchUrl(q: string, group?: string, sort?: string | null): string {
  const p = new URLSearchParams({ q });
  if (group === "invention") p.set("group", group);
  if (sort && sort !== "relevance") p.set("sort", sort);
  return `/search?${p}`;
}

/** /me/watches — 我的检索与预警: alerts, saved searches, watches and the search history. */
export function WatchesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { session, user } = useSession();
  const alerts = useAsync(user ? (s) => getAlerts(s) : null, [user?.id]);
  const searches = useAsync(user ? (s) => getSavedSearches(s) : null, [user?.id]);
  const watches = useAsync(user ? (s) => getWatches(s) : null, [user?.id]);
  const history = useAsync(user ? (s) => getHistory(s) : null, [user?.id]);

  if (session === undefined) return <PageLoading />;
  if (!user)
    return (
      <Result
        status="info"
        title={t("watches.signInFirst")}
        extra={
          <Button type="primary" onClick={() => navigate("/signin?next=/me/watches")}>
            {t("nav.signin")}
          </Button>
        }
      />
    );
  const error = alerts.error ?? searches.error ?? watches.error ?? history.error;
  if (error)
    return (
      <ErrorView
        error={error}
        onRetry={() => {
          for (const a of [alerts, searches, watches, history]) a.reload();
        }}
      />
    );

  const act = async (f: () => Promise<unknown>, reload: Array<{ reload: () => void }>) => {
    try {
      await f();
      for (const r of reload) r.reload();
    } catch (e) {
      message.error(apiErrorText(e));
    }
  };
  const toggleWatch = (s: SavedSearch) =>
    act(
      () => (s.watchId ? removeWatch(s.watchId) : addWatch({ kind: "search", savedSearchId: s.id })),
      [searches, watches],
    );
  const watchLink = (kind: string, id: number, detail: string | null) =>
    kind === "patent" ? `/patents/${id}` : kind === "applicant" ? `/applicants/${id}` : searchUrl(detail ?? "*");

  return (
    <div className="page watches-page" data-testid="watches-page">
      <h1 className="page-title">{t("watches.title")}</h1>
      <div className="watches-grid">
        <Card title={t("watches.alerts")} className="watches-wide">
          <List
            dataSource={alerts.data?.items ?? []}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("watches.alertsEmpty")} />,
            }}
            renderItem={(a) => (
              <List.Item data-testid="alert-row">
                <Link to={`/alerts/${a.id}`} className="watch-row">
                  <span className="watch-main">
                    {a.unread && <Badge status="processing" className="watch-unread" />}
                    <Tag color={a.kind === "new_hits" ? "blue" : a.kind === "digest" ? "default" : "orange"}>
                      {t(`watches.alertKinds.${a.kind}`)}
                    </Tag>
                    {alertHeadline(t, a)}
                  </span>
                  <span className="watch-meta">{dayjs(a.createdAt).format("YYYY-MM-DD HH:mm")}</span>
                </Link>
              </List.Item>
            )}
          />
        </Card>
        <Card title={t("watches.searches")}>
          <List
            dataSource={searches.data?.items ?? []}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("watches.searchesEmpty")} />,
            }}
            renderItem={(s) => (
              <List.Item
                data-testid="saved-search-row"
                actions={[
                  <Button key="w" size="small" type={s.watchId ? "primary" : "default"} onClick={() => toggleWatch(s)}>
                    {s.watchId ? t("watches.watching") : t("watches.watch")}
                  </Button>,
                  <Popconfirm
                    key="d"
                    title={t("watches.deleteConfirm", { name: s.name })}
                    onConfirm={() => act(() => deleteSavedSearch(s.id), [searches, watches])}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t("watches.delete")} />
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta
                  title={<Link to={searchUrl(s.q, s.group, s.sort)}>{s.name}</Link>}
                  description={
                    <code className="saved-query">
                      {s.q}
                      {s.group === "invention" ? ` · ${t("watches.unitInvention")}` : ""}
                    </code>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
        <Card title={t("watches.watchList")}>
          <List
            dataSource={watches.data?.items ?? []}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("watches.watchesEmpty")} />,
            }}
            renderItem={(w) => (
              <List.Item
                data-testid="watch-row"
                actions={[
                  <Button key="u" size="small" onClick={() => act(() => removeWatch(w.id), [watches, searches])}>
                    {t("watches.unwatch")}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <span>
                      <Tag>{t(`watches.kinds.${w.kind}`)}</Tag>
                      <Link to={watchLink(w.kind, w.targetId, w.detail)}>{w.label}</Link>
                    </span>
                  }
                  description={w.detail ? <code className="saved-query">{w.detail}</code> : null}
                />
              </List.Item>
            )}
          />
        </Card>
        <Card
          title={t("watches.history")}
          className="watches-wide"
          extra={
            (history.data?.items.length ?? 0) > 0 && (
              <Button size="small" onClick={() => act(() => deleteHistory(), [history])}>
                {t("watches.clearHistory")}
              </Button>
            )
          }
        >
          <List
            size="small"
            dataSource={history.data?.items ?? []}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("watches.historyEmpty")} />,
            }}
            renderItem={(h) => (
              <List.Item
                actions={[
                  <Button
                    key="d"
                    size="small"
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t("watches.deleteEntry")}
                    onClick={() => act(() => deleteHistory(h.id), [history])}
                  />,
                ]}
              >
                <Link to={searchUrl(h.q, h.group)} className="history-q">
                  {h.q}
                </Link>
                <span className="watch-meta">{dayjs(h.at).format("MM-DD HH:mm")}</span>
              </List.Item>
            )}
          />
        </Card>
      </div>
    </div>
  );
}
