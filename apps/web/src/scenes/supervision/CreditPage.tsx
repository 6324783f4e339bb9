import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { addViolation, getCredit, getCreditRules } from "../../api/registry";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import "../plan/officials.css";
import { errorText } from "../signin/signin-util";
import { useText } from "../signin/useText";
import { GRADE_COLOR } from "./CreditPanel";

/** One agency's credit grade with every reason, and the form to record a violation (with its evidence). */
export function CreditPage() {
  const tx = useText();
  const id = Number(useParams().id);
  const d = useAsync(() => getCredit(id), [id]);
  const rules = useAsync(() => getCreditRules(), []);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  if (d.error)
    return (
      <div className="off-page">
        <ErrorView error={d.error} />
      </div>
    );
  if (!d.data) return <PageLoading />;
  const c = d.data;
  return (
    <div className="off-page">
      <div className="off-head">
        <div>
          <h1>
            {c.orgName}{" "}
            <Tag className="grade-tag" color={GRADE_COLOR[c.grade]}>
              {c.grade}
            </Tag>
          </h1>
          <div className="off-sub">
            {tx(
              `信用得分 ${c.score}（评价日 ${c.asOf}；基础分 100，近三年违规扣分，品牌机构加分）`,
              `Score ${c.score} as of ${c.asOf}`,
            )}
          </div>
        </div>
        <Link to="/supervision?tab=credit">{tx("返回", "Back")}</Link>
      </div>
      <Card size="small" title={tx("得分理由", "Reasons")} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={c.reasons}
          columns={[
            { title: tx("项目", "Item"), dataIndex: "labelZh" },
            { title: tx("日期", "Date"), dataIndex: "date", render: (x?: string) => x ?? "—" },
            {
              title: tx("分值", "Points"),
              dataIndex: "points",
              render: (p: number, r) =>
                r.kind === "expired" ? tx("已超过三年，不计", "expired") : p > 0 ? `+${p}` : p,
            },
          ]}
        />
      </Card>
      <Card size="small" title={tx("违规记录", "Recorded violations")} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.violations}
          locale={{ emptyText: tx("无违规记录", "None") }}
          columns={[
            { title: tx("日期", "Date"), dataIndex: "date" },
            {
              title: tx("类型", "Kind"),
              dataIndex: "kind",
              render: (k: string) => rules.data?.violations.find((r) => r.kind === k)?.labelZh ?? k,
            },
            { title: tx("情况", "Description"), dataIndex: "description" },
            { title: tx("证据", "Evidence"), dataIndex: "evidence", render: (e: string | null) => e ?? "—" },
            { title: tx("记录人", "By"), dataIndex: "recordedBy" },
          ]}
        />
      </Card>
      <Card size="small" title={tx("记录违规（须写明事实与证据）", "Record a violation (facts and evidence)")}>
        <Form
          form={form}
          layout="inline"
          onFinish={async (v) => {
            setError(null);
            try {
              await addViolation(id, {
                kind: v.kind,
                date: v.date.format("YYYY-MM-DD"),
                description: v.description,
                evidence: v.evidence ?? null,
                points: v.points ?? null,
              });
              form.resetFields();
              d.reload();
            } catch (e) {
              setError(errorText(e));
            }
          }}
        >
          <Form.Item name="kind" rules={[{ required: true }]}>
            <Select
              style={{ width: 220 }}
              placeholder={tx("类型", "Kind")}
              options={
                rules.data?.violations.map((r) => ({ value: r.kind, label: `${r.labelZh}（-${r.points}）` })) ?? []
              }
            />
          </Form.Item>
          <Form.Item name="date" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="points">
            <InputNumber min={0} max={100} placeholder={tx("扣分（默认按规则）", "points")} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="description" rules={[{ required: true, min: 2 }]}>
            <Input style={{ width: 280 }} placeholder={tx("违规事实", "What happened")} />
          </Form.Item>
          <Form.Item name="evidence">
            <Input style={{ width: 220 }} placeholder={tx("证据（文号、链接）", "Evidence")} />
          </Form.Item>
          <Space>
            <Button htmlType="submit" type="primary">
              {tx("记录", "Record")}
            </Button>
          </Space>
        </Form>
        {error && <Alert style={{ marginTop: 8 }} type="error" message={error} />}
      </Card>
    </div>
  );
}
