import { type AskQuestionInput, type AskQuestionResult, CONSULT_TOPICS } from "@zhichan/shared";
import { Alert, Button, Form, Input, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { askQuestion, consultDistricts } from "../../api/serviceDesk";
import { useAsync } from "../../components/useAsync";
import { useLocalError } from "../../components/useLocalError";

interface Values {
  topic: AskQuestionInput["topic"];
  district?: string;
  question: string;
  name?: string;
  email?: string;
  phone?: string;
}

/** The question form: signed-in askers give only the question; the public also a name and an e-mail or phone. */
export function AskForm({ signedIn, onAsked }: { signedIn: boolean; onAsked: (r: AskQuestionResult) => void }) {
  const { t, i18n } = useTranslation();
  const localError = useLocalError();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // anyone may name a district: protection questions go to its workstation, as for signed-in askers
  const districts = useAsync((s) => consultDistricts(s), []);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const lang = i18n.language === "en" ? "en" : "zh";
      onAsked(await askQuestion({ ...v, email: v.email || undefined, phone: v.phone || undefined, language: lang }));
      form.resetFields(["question"]);
    } catch (e) {
      setError(localError(e));
    } finally {
      setBusy(false);
    }
  };
  const required = (key: string) => ({
    required: true,
    message: t("validation.required", { field: t(`serviceDesk.consult.${key}`) }),
  });
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ topic: "patent" }} data-testid="ask-form">
      <Form.Item name="topic" label={t("serviceDesk.consult.topic")} rules={[required("topic")]}>
        <Select
          options={CONSULT_TOPICS.map((k) => ({ value: k, label: t(`serviceDesk.consult.topics.${k}`) }))}
          data-testid="ask-topic"
        />
      </Form.Item>
      <Form.Item
        name="district"
        label={t("serviceDesk.consult.district")}
        extra={t("serviceDesk.consult.districtHint")}
      >
        <Select
          allowClear
          placeholder={t("serviceDesk.consult.anyDistrict")}
          options={(districts.data?.districts ?? []).map((d) => ({
            value: d.code,
            label: i18n.language === "en" ? d.nameEn : d.name,
          }))}
          data-testid="ask-district"
        />
      </Form.Item>
      <Form.Item
        name="question"
        label={t("serviceDesk.consult.question")}
        rules={[required("question"), { min: 5, message: t("serviceDesk.consult.questionHint") }]}
      >
        <Input.TextArea rows={4} maxLength={2000} placeholder={t("serviceDesk.consult.questionHint")} />
      </Form.Item>
      {!signedIn && (
        <>
          <Form.Item name="name" label={t("serviceDesk.consult.name")} rules={[required("name")]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t("serviceDesk.consult.contactHint")}</Typography.Paragraph>
          <Form.Item
            name="email"
            label={t("serviceDesk.consult.email")}
            rules={[{ type: "email", message: t("validation.format", { field: t("serviceDesk.consult.email") }) }]}
          >
            <Input maxLength={254} autoComplete="email" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t("serviceDesk.consult.phone")}
            rules={[{ pattern: /^1\d{10}$/, message: t("validation.domain.mobile") }]}
          >
            <Input maxLength={11} autoComplete="tel" />
          </Form.Item>
        </>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="ask-submit">
        {t("serviceDesk.consult.submit")}
      </Button>
    </Form>
  );
}
