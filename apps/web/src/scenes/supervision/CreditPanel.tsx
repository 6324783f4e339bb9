import { Button, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { decideBrand, listBrandApplications, listCredit } from "../../api/registry";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { useRegistryLabels } from "../registry/labels";

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
  if (d.error) return <ErrorView error={d.error} onRetry={d.reload} />;
  const decide = async (id: number, approve: boolean) => {
    const note = window.prompt(t("supervision.brand.decisionNote"));
    if (!note || note.trim().length < 2) return;
    await decideBrand(id, approve, note);
    d.reload();
  };
  return (
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
          render: (g: string) => <Tag color={GRADE_COLOR[g]}>{g}</Tag>,
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
              <>
                <Button size="small" type="primary" onClick={() => decide(r.id, true)}>
                  {t("supervision.brand.approve")}
                </Button>{" "}
                <Button size="small" danger onClick={() => decide(r.id, false)}>
                  {t("supervision.brand.reject")}
                </Button>
              </>
            ) : (
              <Tag>
                {t("supervision.brand.decided", { status: code("brandStatus", s), note: r.decisionNote ?? "" })}
              </Tag>
            ),
        },
      ]}
    />
  );
}
