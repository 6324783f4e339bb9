import { Button, Space, Table, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { type BrandApplicationRow, listBrandApplications, listCredit } from "../../api/registry";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { useRegistryLabels } from "../registry/labels";
import { BrandDecisionModal } from "./BrandDecisionModal";

export const GRADE_COLOR: Record<string, string> = { "A+": "green", A: "cyan", B: "blue", C: "orange", D: "red" };

/** Credit grades of registered service agencies, lowest score first, each linking to its reasons. */
export function CreditPanel() {
  const { t } = useTranslation();
  const { label, districtName } = useRegistryLabels();
  const d = useAsync((s) => listCredit(s), []);
  if (d.error) return <ErrorView error={d.error} onRetry={d.reload} />;
  return (
    <Table
      scroll={{ x: "max-content" }}
      size="small"
      rowKey="orgId"
      loading={d.loading}
      dataSource={d.data?.items ?? []}
      locale={{ emptyText: t("supervision.credit.empty") }}
      columns={[
        {
          title: t("supervision.credit.col.agency"),
          dataIndex: "orgName",
          render: (n: string, r) => <Link to={`/supervision/credit/${r.orgId}`}>{n}</Link>,
        },
        { title: t("supervision.credit.col.category"), dataIndex: "category", render: label },
        { title: t("supervision.credit.col.district"), dataIndex: "districtCode", render: districtName },
        { title: t("supervision.credit.col.score"), dataIndex: "score" },
        {
          title: t("supervision.credit.col.grade"),
          dataIndex: "grade",
          render: (g: string) => (
            <Tag className="grade-tag" color={GRADE_COLOR[g]}>
              {g}
            </Tag>
          ),
        },
        { title: t("supervision.credit.col.violations"), dataIndex: "violations" },
      ]}
    />
  );
}

/** Brand-agency grading applications waiting for a decision, with the applicant's current grade. */
export function BrandPanel() {
  const { t } = useTranslation();
  const { code } = useCodes();
  const d = useAsync((s) => listBrandApplications(s), []);
  const [deciding, setDeciding] = useState<{ row: BrandApplicationRow; approve: boolean } | null>(null);
  if (d.error) return <ErrorView error={d.error} onRetry={d.reload} />;
  return (
    <>
      <Table
        scroll={{ x: "max-content" }}
        size="small"
        rowKey="id"
        loading={d.loading}
        dataSource={d.data?.items ?? []}
        locale={{ emptyText: t("supervision.brand.empty") }}
        columns={[
          { title: t("supervision.brand.col.agency"), dataIndex: "orgName" },
          {
            title: t("supervision.brand.col.level"),
            dataIndex: "level",
            render: (l: string) => code("brandLevel", l),
          },
          {
            title: t("supervision.brand.col.grade"),
            dataIndex: "grade",
            render: (g: string, r) => (
              <>
                <Tag color={GRADE_COLOR[g]}>{g}</Tag>
                {r.status === "submitted" && r.needsReason && (
                  <Tag color="orange">{t("supervision.brand.reasonTag")}</Tag>
                )}
              </>
            ),
          },
          { title: t("supervision.brand.col.statement"), dataIndex: "statement", ellipsis: true },
          {
            title: t("supervision.brand.col.submitted"),
            dataIndex: "submittedAt",
            render: (s: string) => s.slice(0, 10),
          },
          {
            title: t("supervision.brand.col.status"),
            dataIndex: "status",
            render: (s: string, r) =>
              s === "submitted" ? (
                <Space size={4} wrap>
                  <Tooltip title={r.withinAuthority ? null : t("supervision.brand.beyondAuthority")}>
                    <Button
                      size="small"
                      type="primary"
                      disabled={!r.withinAuthority}
                      onClick={() => setDeciding({ row: r, approve: true })}
                    >
                      {t("supervision.brand.approve")}
                    </Button>
                  </Tooltip>
                  <Button size="small" danger onClick={() => setDeciding({ row: r, approve: false })}>
                    {t("supervision.brand.reject")}
                  </Button>
                </Space>
              ) : (
                <Space direction="vertical" size={2}>
                  <Tag>
                    {t("supervision.brand.decided", { status: code("brandStatus", s), note: r.decisionNote ?? "" })}
                  </Tag>
                  {r.overrideReason && (
                    <span className="off-sub">{t("supervision.brand.overridden", { reason: r.overrideReason })}</span>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {deciding && (
        <BrandDecisionModal
          row={deciding.row}
          approve={deciding.approve}
          onClose={() => setDeciding(null)}
          onDecided={d.reload}
        />
      )}
    </>
  );
}
