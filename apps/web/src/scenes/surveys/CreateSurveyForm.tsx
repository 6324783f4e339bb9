import { ORG_CATEGORIES, type Survey } from "@zhichan/shared";
import { Alert, App, Button, type ButtonProps, Checkbox, DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { createSurvey, getStandardQuestions, type SurveyQuestion } from "../../api/registry";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { serverErrors } from "../cases/serverErrors";
import "./surveys.css";

const QUESTION_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const day = (d: Dayjs) => d.format("YYYY-MM-DD");

/**
 * 发起统计调查: title, period (a date range), due date, who answers, and the questions (the standard set, editable).
 * Each field is checked as the server checks it, in the UI language; the new survey is handed back to be opened.
 */
export function CreateSurveyForm({ onClose, onCreated }: { onClose: () => void; onCreated: (s: Survey) => void }) {
  const { t, code } = useCodes();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const standard = useAsync(() => getStandardQuestions(), []);
  useEffect(() => {
    if (standard.data) form.setFieldValue("questions", standard.data.questions);
  }, [standard.data, form]);
  const label = (k: string) => t(`forms.survey.${k}`);
  const required = (k: string, choose = false) => ({
    required: true,
    message: t(choose ? "validation.choose" : "validation.required", { field: label(k) }),
  });
  const max = (k: string, n: number) => ({ max: n, message: t("validation.maxLength", { field: label(k), max: n }) });

  const create = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    // The whole store: a standard question keeps fields the form does not show (min, labelEn).
    const all = form.getFieldsValue(true) as {
      title: string;
      period: [Dayjs, Dayjs];
      dueDate: Dayjs;
      categories: string[];
      questions: SurveyQuestion[];
    };
    const questions = all.questions.map((q) => (q.type === "text" ? q : { ...q, min: q.min ?? 0 }));
    const keys = new Set(questions.map((q) => q.key));
    // The standard cross-field rule (attorneys ≤ staff) is kept while both questions remain.
    const rules = (standard.data?.rules ?? []).filter((r) => keys.has(r.left) && keys.has(r.right));
    setBusy(true);
    setError(null);
    try {
      const survey = await createSurvey({
        title: all.title.trim(),
        periodStart: day(all.period[0]),
        periodEnd: day(all.period[1]),
        dueDate: day(all.dueDate),
        categories: all.categories,
        questions,
        rules,
      });
      form.resetFields();
      message.success(t("forms.survey.created", { title: survey.title }));
      onCreated(survey);
      onClose();
    } catch (e) {
      const names = ["title", "period", "dueDate", "categories"];
      const r = serverErrors(e, names, label, t);
      form.setFields(r.fields);
      setError(r.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={860}
      title={label("newTitle")}
      okText={label("create")}
      cancelText={label("cancel")}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "survey-create" } as ButtonProps}
      onCancel={onClose}
      onOk={create}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ categories: ["patent_agency"], questions: [] }}>
        <Form.Item
          name="title"
          label={label("title")}
          rules={[
            { ...required("title"), whitespace: true },
            { min: 2, message: t("validation.minLength", { field: label("title"), min: 2 }) },
            max("title", 200),
          ]}
        >
          <Input placeholder={label("titlePlaceholder")} data-field="title" />
        </Form.Item>
        <div className="survey-dates">
          <Form.Item name="period" label={label("period")} rules={[required("period", true)]}>
            <DatePicker.RangePicker
              placeholder={[t("forms.pickers.start"), t("forms.pickers.end")]}
              style={{ width: "100%" }}
              data-field="period"
            />
          </Form.Item>
          <Form.Item name="dueDate" label={label("due")} rules={[required("due", true)]}>
            <DatePicker placeholder={t("forms.pickers.date")} style={{ width: "100%" }} data-field="dueDate" />
          </Form.Item>
        </div>
        <Form.Item name="categories" label={label("categories")} rules={[required("categories", true)]}>
          <Select mode="multiple" options={ORG_CATEGORIES.map((c) => ({ value: c, label: code("registry", c) }))} />
        </Form.Item>
        <p className="off-sub">{label("questions")}</p>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} className="survey-question">
                  <Form.Item
                    name={[f.name, "key"]}
                    rules={[required("key"), { pattern: QUESTION_KEY, message: t("validation.domain.questionKey") }]}
                  >
                    <Input placeholder={label("key")} aria-label={label("key")} />
                  </Form.Item>
                  <Form.Item name={[f.name, "labelZh"]} rules={[required("question"), max("question", 100)]}>
                    <Input placeholder={label("question")} aria-label={label("question")} />
                  </Form.Item>
                  <Form.Item name={[f.name, "type"]} rules={[required("type", true)]}>
                    <Select
                      aria-label={label("type")}
                      options={["integer", "number", "text"].map((v) => ({ value: v, label: code("questionType", v) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, "unit"]} rules={[max("unit", 20)]}>
                    <Input placeholder={label("unit")} aria-label={label("unit")} />
                  </Form.Item>
                  <Form.Item name={[f.name, "required"]} valuePropName="checked" initialValue={true}>
                    <Checkbox>{label("required")}</Checkbox>
                  </Form.Item>
                  <Button size="small" onClick={() => remove(f.name)} className="survey-question-remove">
                    {label("remove")}
                  </Button>
                </div>
              ))}
              <div>
                <Button size="small" onClick={() => add({ type: "integer", required: true, min: 0 })}>
                  {label("add")}
                </Button>
              </div>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
