import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Tag, Upload } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client";
import { type AgencySurveyItem, answerSheetUrl, answerSurvey, answerSurveyExcel } from "../../api/registry";
import { apiErrorText, localMessage } from "../../i18n/apiErrors";
import { useCodes } from "../../i18n/useCodes";

type Question = AgencySurveyItem["survey"]["questions"][number];

/** Problems the server named for each answer (answers are refused whole, every problem listed), in the UI language. */
function problemsOf(e: unknown, row: (n: number) => string): string[] {
  const details =
    e instanceof ApiError ? (e.details as { problems?: { message: string; row?: number | null }[] }) : null;
  const p = details?.problems ?? [];
  if (p.length) return p.map((x) => `${x.row ? row(x.row) : ""}${localMessage(x.message) ?? x.message}`);
  return [apiErrorText(e)];
}

/**
 * An agency answers one survey online (or by its Excel sheet): each answer checked as the survey defines it (required,
 * whole number, bounds) before sending; what the server still refuses is listed.
 */
export function SurveyAnswerForm({ item, onDone }: { item: AgencySurveyItem; onDone: () => void }) {
  const { t, code, en } = useCodes();
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const labelOf = (q: Question) => {
    const name = en && q.labelEn ? q.labelEn : q.labelZh;
    return q.unit ? t("surveys.withUnit", { name, unit: code("unit", q.unit) }) : name;
  };
  const rulesOf = (q: Question) => {
    const field = en && q.labelEn ? q.labelEn : q.labelZh;
    const rules: object[] = [];
    if (q.required)
      rules.push({
        required: true,
        message: t(q.type === "choice" ? "validation.choose" : "validation.required", { field }),
      });
    if (q.type === "integer" || q.type === "number") {
      rules.push({
        validator: (_: unknown, v: unknown) => {
          if (v === undefined || v === null || v === "") return Promise.resolve();
          const n = Number(v);
          if (q.type === "integer" && !Number.isInteger(n))
            return Promise.reject(new Error(t("validation.integer", { field })));
          if (q.min !== undefined && n < q.min)
            return Promise.reject(new Error(t("validation.min", { field, min: q.min })));
          if (q.max !== undefined && n > q.max)
            return Promise.reject(new Error(t("validation.max", { field, max: q.max })));
          return Promise.resolve();
        },
      });
    }
    return rules;
  };
  const refused = (e: unknown) => setProblems(problemsOf(e, (n) => t("forms.survey.row", { n })));

  return (
    <Card
      size="small"
      title={`${item.survey.title} · ${item.orgName}`}
      extra={
        <Space wrap>
          <Tag color={item.status === "missing" ? "red" : "blue"}>{code("responseStatus", item.status)}</Tag>
          <span className="off-sub">
            {t("forms.survey.due")} {item.survey.dueDate}
          </span>
        </Space>
      }
      style={{ marginBottom: 12 }}
    >
      <Form
        layout="vertical"
        initialValues={item.answers ?? {}}
        className="survey-answers"
        onFinish={async (v) => {
          setProblems([]);
          setSaved(false);
          try {
            await answerSurvey(item.survey.id, item.orgId, v);
            setSaved(true);
            onDone();
          } catch (e) {
            refused(e);
          }
        }}
      >
        {item.survey.questions.map((q) => (
          <Form.Item key={q.key} name={q.key} label={labelOf(q)} rules={rulesOf(q)}>
            {q.type === "text" ? (
              <Input />
            ) : q.type === "choice" ? (
              <Select options={(q.choices ?? []).map((c) => ({ value: c, label: c }))} />
            ) : (
              <InputNumber
                style={{ width: "100%" }}
                min={q.min}
                max={q.max}
                precision={q.type === "integer" ? 0 : undefined}
              />
            )}
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit">
          {t("forms.survey.answerSubmit")}
        </Button>
      </Form>
      <Space style={{ marginTop: 8 }} wrap>
        <a href={answerSheetUrl(item.survey.id)}>{t("forms.survey.sheet")}</a>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={async (file) => {
            setProblems([]);
            setSaved(false);
            try {
              await answerSurveyExcel(item.survey.id, item.orgId, file);
              setSaved(true);
              onDone();
            } catch (e) {
              refused(e);
            }
            return false;
          }}
        >
          <Button size="small">{t("forms.survey.uploadSheet")}</Button>
        </Upload>
      </Space>
      {saved && <Alert style={{ marginTop: 8 }} type="success" showIcon message={t("forms.survey.answerSaved")} />}
      {problems.length > 0 && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          message={t("forms.survey.answerRefused")}
          description={
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
