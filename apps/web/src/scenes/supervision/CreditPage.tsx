import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { addViolation, getCredit, getCreditRules } from "../../api/registry";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { useFormRules } from "../../i18n/formRules";
import { useCodes } from "../../i18n/useCodes";
import "../plan/officials.css";
import { errorText } from "../signin/signin-util";
import { GRADE_COLOR } from "./CreditPanel";

/** One agency's credit grade with every reason, and the form to record a violation (with its evidence). */
export function CreditPage() {
  const { t } = useTranslation();
  const { pick } = useCodes();
  const rule = useFormRules();
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
            <span data-content>{c.orgName}</span>{" "}
            <Tag className="grade-tag" color={GRADE_COLOR[c.grade]}>
              {c.grade}
            </Tag>
          </h1>
          <div className="off-sub">{t("supervision.credit.scoreLine", { score: c.score, date: c.asOf })}</div>
        </div>
        <Link to="/supervision?tab=credit">{t("common.back")}</Link>
      </div>
      <Card size="small" title={t("supervision.credit.reasons")} style={{ marginBottom: 12 }}>
        <Table
          scroll={{ x: "max-content" }}
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={c.reasons}
          columns={[
            {
              title: t("supervision.credit.item"),
              key: "label",
              render: (_: unknown, r) => pick({ zh: r.labelZh, en: r.labelEn }),
            },
            { title: t("supervision.credit.date"), dataIndex: "date", render: (x?: string) => x ?? "—" },
            {
              title: t("supervision.credit.points"),
              dataIndex: "points",
              render: (p: number, r) => (r.kind === "expired" ? t("supervision.credit.expired") : p > 0 ? `+${p}` : p),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("supervision.credit.violations")} style={{ marginBottom: 12 }}>
        <Table
          scroll={{ x: "max-content" }}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.violations}
          locale={{ emptyText: t("supervision.credit.noViolations") }}
          columns={[
            { title: t("supervision.credit.date"), dataIndex: "date" },
            {
              title: t("supervision.credit.kind"),
              dataIndex: "kind",
              render: (k: string) => {
                const rule = rules.data?.violations.find((r) => r.kind === k);
                return rule ? pick({ zh: rule.labelZh, en: rule.labelEn }) : k;
              },
            },
            { title: t("supervision.credit.description"), dataIndex: "description" },
            {
              title: t("supervision.credit.evidence"),
              dataIndex: "evidence",
              render: (e: string | null) => e ?? "—",
            },
            { title: t("supervision.credit.recordedBy"), dataIndex: "recordedBy" },
          ]}
        />
      </Card>
      <Card size="small" title={t("supervision.credit.recordTitle")}>
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
          <Form.Item name="kind" rules={[rule.required(t("supervision.credit.kind"), true)]}>
            <Select
              style={{ width: 220 }}
              placeholder={t("supervision.credit.kind")}
              options={
                rules.data?.violations.map((r) => ({
                  value: r.kind,
                  label: t("supervision.credit.kindOption", {
                    label: pick({ zh: r.labelZh, en: r.labelEn }),
                    points: r.points,
                  }),
                })) ?? []
              }
            />
          </Form.Item>
          <Form.Item name="date" rules={[rule.required(t("supervision.credit.date"), true)]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="points">
            <InputNumber
              min={0}
              max={100}
              placeholder={t("supervision.credit.pointsPlaceholder")}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item
            name="description"
            rules={[
              rule.required(t("supervision.credit.factsPlaceholder")),
              rule.minLength(t("supervision.credit.factsPlaceholder"), 2),
            ]}
          >
            <Input style={{ width: 280, maxWidth: "100%" }} placeholder={t("supervision.credit.factsPlaceholder")} />
          </Form.Item>
          <Form.Item name="evidence">
            <Input style={{ width: 220, maxWidth: "100%" }} placeholder={t("supervision.credit.evidencePlaceholder")} />
          </Form.Item>
          <Space>
            <Button htmlType="submit" type="primary">
              {t("supervision.credit.record")}
            </Button>
          </Space>
        </Form>
        {error && <Alert style={{ marginTop: 8 }} type="error" message={error} />}
      </Card>
    </div>
  );
}
