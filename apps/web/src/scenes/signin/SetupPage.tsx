import { Alert, Button, Card, Form, Input, Result, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { createAdmin } from "../../api/accounts";
import { useFormRules } from "../../i18n/formRules";
import { useCodes } from "../../i18n/useCodes";
import { PolicyHint, usePasswordPolicy } from "./PasswordChangeForm";
import { errorText } from "./signin-util";

/** /setup?code=…: the one-time code printed at first start (or by `zhichan admin create`) creates an administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const rule = useFormRules();
  const { code } = useCodes();
  const [params] = useSearchParams();
  const policy = usePasswordPolicy();
  const [error, setError] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { code: string; username: string; displayName: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      setRole((await createAdmin(v)).role);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (role) {
    return (
      <Result
        status="success"
        title={t("signin.setup.created", { role: code("role", role) })}
        subTitle={t("signin.setup.totpNext")}
        extra={<Link to="/signin">{t("signin.setup.goSignIn")}</Link>}
      />
    );
  }

  return (
    <div style={{ maxWidth: 520, margin: "32px auto" }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("signin.setup.title")}
          </Typography.Title>
        }
      >
        <Typography.Paragraph type="secondary">{t("signin.setup.intro")}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          initialValues={{ code: params.get("code") ?? "" }}
        >
          <Form.Item
            name="code"
            label={t("signin.setup.code")}
            rules={[rule.required(t("signin.setup.code")), rule.minLength(t("signin.setup.code"), 8)]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="username"
            label={t("signin.setup.username")}
            rules={[
              rule.required(t("signin.setup.username")),
              { pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]{2,31}$/, message: t("validation.domain.username") },
            ]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t("signin.setup.displayName")}
            rules={[rule.required(t("signin.setup.displayName"))]}
          >
            <Input />
          </Form.Item>
          <PolicyHint policy={policy} />
          <Form.Item
            name="password"
            label={t("signin.setup.password")}
            rules={[
              rule.required(t("signin.setup.password")),
              rule.minLength(t("signin.setup.password"), policy?.minLength ?? 8),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t("signin.setup.submit")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
