import { Card, Empty, Rate, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { getCaseTypes } from "../../api/cases";
import { serviceQuality } from "../../api/serviceDesk";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import "./desk.css";

/** 服务质量: 好差评 averages per service and per window, and the poor ratings, in the official's district scope. */
export function ServiceQualityPage() {
  const { t, i18n } = useTranslation();
  const q = useAsync((s) => serviceQuality(s), []);
  const types = useAsync(() => getCaseTypes(), []);
  if (q.error) return <ErrorView error={q.error} onRetry={q.reload} />;
  if (!q.data) return <PageLoading />;
  const serviceName = (key: string) => {
    const [kind, sub] = key.split(":");
    if (kind === "consultation")
      return t("serviceDesk.quality.services.consultation", { topic: t(`serviceDesk.consult.topics.${sub}`) });
    if (kind === "case") {
      const type = types.data?.find((x) => x.key === sub);
      return t("serviceDesk.quality.services.case", {
        type: type ? (i18n.language === "en" ? type.label.en : type.label.zh) : sub,
      });
    }
    return t("serviceDesk.quality.services.appointment");
  };
  const avg = (v: number) => (
    <span className="desk-avg">
      <Rate disabled allowHalf value={Math.round(v * 2) / 2} style={{ fontSize: 14 }} /> {v.toFixed(2)}
    </span>
  );
  return (
    <div className="desk-page" data-testid="quality-page">
      <h1>{t("serviceDesk.quality.title")}</h1>
      <div className="desk-intro">{t("serviceDesk.quality.intro")}</div>
      <div className="desk-grid">
        <Card title={t("serviceDesk.quality.byService")}>
          <Table
            size="small"
            pagination={false}
            rowKey="service"
            scroll={{ x: "max-content" }}
            locale={{ emptyText: t("serviceDesk.quality.none") }}
            dataSource={q.data.byService}
            columns={[
              { title: t("serviceDesk.quality.service"), dataIndex: "service", render: serviceName },
              { title: t("serviceDesk.quality.count"), dataIndex: "count" },
              { title: t("serviceDesk.quality.average"), dataIndex: "average", render: avg },
            ]}
          />
        </Card>
        <Card title={t("serviceDesk.quality.byWindow")}>
          <Table
            size="small"
            pagination={false}
            rowKey="windowId"
            scroll={{ x: "max-content" }}
            locale={{ emptyText: t("serviceDesk.quality.none") }}
            dataSource={q.data.byWindow}
            columns={[
              { title: t("serviceDesk.appointments.window"), dataIndex: "name" },
              { title: t("serviceDesk.quality.count"), dataIndex: "count" },
              { title: t("serviceDesk.quality.average"), dataIndex: "average", render: avg },
            ]}
          />
        </Card>
      </div>
      <Card title={t("serviceDesk.quality.bad")} style={{ marginTop: 16 }} data-testid="bad-ratings">
        {q.data.bad.length === 0 ? (
          <Empty description={t("serviceDesk.quality.noBad")} />
        ) : (
          <Table
            size="small"
            rowKey={(r) => `${r.subject}-${r.id}`}
            scroll={{ x: "max-content" }}
            dataSource={q.data.bad}
            columns={[
              {
                title: t("serviceDesk.quality.at"),
                dataIndex: "at",
                render: (v: string) => dayjs(v).format("YYYY-MM-DD HH:mm"),
              },
              { title: t("serviceDesk.quality.service"), dataIndex: "service", render: serviceName },
              {
                title: t("serviceDesk.rating.title"),
                dataIndex: "score",
                render: (v: number) => <Tag color="red">{t(`serviceDesk.rating.scores.${v}`)}</Tag>,
              },
              { title: t("serviceDesk.quality.comment"), dataIndex: "comment", render: (v: string | null) => v ?? "—" },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
