import { Button, Card, Result, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { getCaseTypes } from "../../api/cases";
import { getGuide } from "../../api/content";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { formatDay } from "./formatDay";
import { GuideView } from "./GuideView";
import { PublicLinks } from "./PublicLinks";
import "./content.css";

/** 办事指南 of one service, read before applying; the apply link goes on to the form. */
export function GuidePage() {
  const { caseType = "" } = useParams();
  const { t, i18n } = useTranslation();
  const { pick } = useCodes();
  const types = useAsync(() => getCaseTypes(), []);
  const guide = useAsync((s) => getGuide(caseType, s), [caseType]);
  if (guide.error || types.error) {
    const e = guide.error ?? types.error;
    if ((e as { status?: number }).status === 404 || (e as { status?: number }).status === 400)
      return <Result status="404" title={t("forms.apply.noType")} />;
    return <ErrorView error={e} onRetry={guide.reload} />;
  }
  if (!guide.data || !types.data) return <PageLoading />;
  const info = types.data.find((x) => x.key === caseType);
  return (
    <div className="content-page" data-testid="guide-page">
      <PublicLinks />
      <Card
        title={
          <Space direction="vertical" size={0}>
            <Typography.Text type="secondary">{t("publicInfo.guide.title")}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {info ? pick(info.label) : caseType}
            </Typography.Title>
          </Space>
        }
        extra={
          <Link to={`/cases/new/${caseType}`}>
            <Button type="primary">{t("publicInfo.guide.apply")}</Button>
          </Link>
        }
      >
        {guide.data.updatedAt && (
          <Typography.Paragraph type="secondary">
            {t("publicInfo.guide.updated", { date: formatDay(guide.data.updatedAt, i18n.language) })}
          </Typography.Paragraph>
        )}
        <GuideView guide={guide.data} />
      </Card>
    </div>
  );
}
