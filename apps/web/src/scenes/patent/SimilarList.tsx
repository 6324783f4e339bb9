import { Card, Empty, List, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getSimilar } from "../../api/patents";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";

/** Patents most like this one, from /api/patents/:id/similar. */
export function SimilarList({ id }: { id: string }) {
  const { t } = useTranslation();
  const res = useAsync((signal) => getSimilar(id, 10, signal), [id]);
  return (
    <Card size="small" title={t("patent.similar")} className="similar-card">
      {res.error ? (
        <ErrorView error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Skeleton active />
      ) : res.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("patent.noSimilar")} />
      ) : (
        <List
          size="small"
          dataSource={res.data}
          renderItem={(h) => (
            <List.Item key={h.id}>
              <div className="similar-item">
                <Link to={`/patents/${h.id}`}>{h.title}</Link>
                <div className="muted small">
                  {h.publicationNumber} · {h.applicationDate ?? "—"} · {h.applicants.map((a) => a.name).join("；")}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
