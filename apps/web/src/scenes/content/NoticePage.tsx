import { Button, List, Result, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { contentFileUrl, getContent } from "../../api/content";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { formatDay } from "./formatDay";
import { RichText } from "./RichText";
import "./content.css";

/** One published item: its text (sanitised by the server when it was saved) and its attachments. */
export function NoticePage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const item = useAsync((s) => getContent(Number(id), s), [id]);
  if (item.error instanceof ApiError && (item.error.status === 404 || item.error.status === 400))
    return (
      <Result status="404" title={t("publicInfo.notFound")} extra={<Link to="/notices">{t("publicInfo.back")}</Link>} />
    );
  if (item.error) return <ErrorView error={item.error} onRetry={item.reload} />;
  if (!item.data) return <PageLoading />;
  const c = item.data;
  return (
    <article className="content-page content-article" data-testid="notice-page">
      <Link to={`/notices?kind=${c.kind}`}>← {t("publicInfo.back")}</Link>
      <Typography.Title level={2} data-content>
        {c.title}
      </Typography.Title>
      <div className="content-date">
        <Tag color="blue">{t(`publicInfo.kinds.${c.kind}`)}</Tag>
        {t("publicInfo.publishedAt")}
        {t("common.colon")}
        {formatDay(c.publishAt ?? c.updatedAt, i18n.language)}
        {c.category ? ` · ${c.category}` : ""}
      </div>
      <RichText html={c.bodyHtml} />
      {c.attachments.length > 0 && (
        <List
          header={<strong>{t("publicInfo.attachments")}</strong>}
          dataSource={c.attachments}
          renderItem={(f) => (
            <List.Item key={f.id}>
              <Button type="link" href={contentFileUrl(c.id, f.id)} download={f.fileName}>
                {f.fileName}
              </Button>
              <span className="content-date">{(f.size / 1024).toFixed(0)} KB</span>
            </List.Item>
          )}
        />
      )}
    </article>
  );
}
