import { PlusOutlined } from "@ant-design/icons";
import type { Industry } from "@zhichan/shared";
import { Button, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { listIndustries } from "../../api/analytics";
import { ErrorView } from "../../components/ErrorView";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { IndustryForm } from "./IndustryForm";
import "../navigation/analytics.css";

export const growthText = (g: number | null | undefined) =>
  g === null || g === undefined ? "—" : `${g >= 0 ? "+" : ""}${(g * 100).toFixed(0)}%`;

/** 产业专题库: every industry definition with its live size, growth and top applicants. */
export function IndustriesPage() {
  const { t } = useTranslation();
  const [tick, setTick] = useState(0);
  const list = useAsync((s) => listIndustries(s), [tick]);
  const canWrite = useSession().can("industry:write");
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

  if (list.error && !list.data) return <ErrorView error={list.error} />;
  return (
    <div className="page industries-page">
      <Space style={{ justifyContent: "space-between", width: "100%" }} align="baseline">
        <Typography.Title level={2}>{t("industries.title")}</Typography.Title>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("industries.create")}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        {t("industries.intro")} <span data-testid="industries-unit">{t("industries.unitNote")}</span>
      </Typography.Paragraph>
      <Table<Industry>
        scroll={{ x: "max-content" }}
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t("industries.col.code"),
            dataIndex: "seiCode",
            width: 70,
            render: (v: string | null) => v ?? <Tag>{t("industries.custom")}</Tag>,
          },
          {
            title: t("industries.col.name"),
            render: (_, i) => (
              <>
                <Link to={`/industries/${i.id}`}>{i.name}</Link>
                {i.majorName && <div className="muted">{i.majorName}</div>}
              </>
            ),
          },
          {
            title: t("industries.col.size"),
            width: 120,
            align: "right",
            render: (_, i) => i.stats?.size ?? "—",
            sorter: (a, b) => (a.stats?.size ?? 0) - (b.stats?.size ?? 0),
          },
          {
            title: t("industries.col.growth"),
            width: 110,
            align: "right",
            render: (_, i) => growthText(i.stats?.growth),
            sorter: (a, b) => (a.stats?.growth ?? -9) - (b.stats?.growth ?? -9),
          },
          {
            title: t("industries.col.topApplicants"),
            render: (_, i) =>
              i.stats?.topApplicants
                .slice(0, 3)
                .map((a) => t("industries.applicantCount", { name: a.name, n: a.count }))
                .join(t("common.sentenceSep")),
          },
          {
            title: "",
            width: 100,
            render: (_, i) => (
              <Button size="small" onClick={() => navigate(`/navigation?industry=${i.id}`)}>
                {t("industries.navigationReport")}
              </Button>
            ),
          },
        ]}
      />
      <IndustryForm
        open={creating}
        industry={null}
        onClose={() => setCreating(false)}
        onSaved={(i) => {
          setCreating(false);
          setTick((x) => x + 1);
          navigate(`/industries/${i.id}`);
        }}
      />
    </div>
  );
}
