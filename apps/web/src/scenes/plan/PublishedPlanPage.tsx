import { Alert, Card, Empty } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { getPublishedPlan } from "../../api/plan";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import "./officials.css";
import { TargetCards } from "./TargetCards";

/** 规划进展 (public): the plan's targets against live figures, city-wide, while an official has them published. */
export function PublishedPlanPage() {
  const { t, i18n } = useTranslation();
  const [selected, setSelected] = useState<string | null>(null);
  const { data, error, loading, reload } = useAsync((s) => getPublishedPlan(s), []);
  if (error instanceof ApiError && error.code === "NOT_FOUND")
    return (
      <Card title={t("ipAssets.planPublicTitle")}>
        <Empty description={t("ipAssets.planNotPublished")} />
      </Card>
    );
  if (error) return <ErrorView error={error} onRetry={reload} />;
  if (!data || loading) return <PageLoading />;
  return (
    <div className="off-page" data-testid="plan-published">
      <div className="off-head">
        <div>
          <h1>{t("ipAssets.planPublicTitle")}</h1>
          <div className="off-sub">
            <span data-content>{data.plan.name}</span> · {t("plan.asOf", { date: data.asOf })}
            {data.publishedAt &&
              ` · ${t("ipAssets.planPublishedOn", { date: new Date(data.publishedAt).toLocaleDateString(i18n.language) })}`}
          </div>
        </div>
      </div>
      <Alert className="off-notice" type="info" showIcon message={t("ipAssets.planPublicNote")} />
      <TargetCards targets={data.targets} selected={selected} onSelect={setSelected} />
    </div>
  );
}
