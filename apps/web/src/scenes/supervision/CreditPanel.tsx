import { Button, Table, Tag } from "antd";
import { Link } from "react-router-dom";
import { decideBrand, listBrandApplications, listCredit } from "../../api/registry";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";
import { districtName, label } from "../registry/labels";
import { useText } from "../signin/useText";

export const GRADE_COLOR: Record<string, string> = { "A+": "green", A: "cyan", B: "blue", C: "orange", D: "red" };

/** Credit grades of registered service agencies, lowest score first, each linking to its reasons. */
export function CreditPanel() {
  const tx = useText();
  const d = useAsync((s) => listCredit(s), []);
  if (d.error) return <ErrorView error={d.error} onRetry={d.reload} />;
  return (
    <Table
      size="small"
      rowKey="orgId"
      loading={d.loading}
      dataSource={d.data?.items ?? []}
      locale={{ emptyText: tx("登记簿中还没有有效的服务机构", "No confirmed service agencies in the registry yet") }}
      columns={[
        {
          title: tx("机构", "Agency"),
          dataIndex: "orgName",
          render: (n: string, r) => <Link to={`/supervision/credit/${r.orgId}`}>{n}</Link>,
        },
        { title: tx("类别", "Category"), dataIndex: "category", render: label },
        { title: tx("区县", "District"), dataIndex: "districtCode", render: districtName },
        { title: tx("得分", "Score"), dataIndex: "score" },
        {
          title: tx("等级", "Grade"),
          dataIndex: "grade",
          render: (g: string) => (
            <Tag className="grade-tag" color={GRADE_COLOR[g]}>
              {g}
            </Tag>
          ),
        },
        { title: tx("违规记录", "Violations"), dataIndex: "violations" },
      ]}
    />
  );
}

/** Brand-agency grading applications waiting for a decision, with the applicant's current grade. */
export function BrandPanel() {
  const tx = useText();
  const d = useAsync((s) => listBrandApplications(s), []);
  if (d.error) return <ErrorView error={d.error} onRetry={d.reload} />;
  const decide = async (id: number, approve: boolean) => {
    const note = window.prompt(tx("审核意见（必填）", "Decision note (required)"));
    if (!note || note.trim().length < 2) return;
    await decideBrand(id, approve, note);
    d.reload();
  };
  return (
    <Table
      size="small"
      rowKey="id"
      loading={d.loading}
      dataSource={d.data?.items ?? []}
      locale={{ emptyText: tx("暂无品牌机构评定申请", "No applications") }}
      columns={[
        { title: tx("机构", "Agency"), dataIndex: "orgName" },
        {
          title: tx("申请级别", "Level"),
          dataIndex: "level",
          render: (l: string) => (l === "national" ? "国家级" : "省级"),
        },
        {
          title: tx("当前信用等级", "Grade"),
          dataIndex: "grade",
          render: (g: string) => <Tag color={GRADE_COLOR[g]}>{g}</Tag>,
        },
        { title: tx("申请说明", "Statement"), dataIndex: "statement", ellipsis: true },
        { title: tx("提交时间", "Submitted"), dataIndex: "submittedAt", render: (s: string) => s.slice(0, 10) },
        {
          title: tx("状态", "Status"),
          dataIndex: "status",
          render: (s: string, r) =>
            s === "submitted" ? (
              <>
                <Button size="small" type="primary" onClick={() => decide(r.id, true)}>
                  {tx("通过", "Approve")}
                </Button>{" "}
                <Button size="small" danger onClick={() => decide(r.id, false)}>
                  {tx("不通过", "Reject")}
                </Button>
              </>
            ) : (
              <Tag>
                {s === "approved" ? "已通过" : "未通过"}：{r.decisionNote}
              </Tag>
            ),
        },
      ]}
    />
  );
}
