import type { RegisterRequest } from "@zhichan/shared";
import { Alert, Button, Card, Form, Input, Radio, Result, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { register } from "../../api/accounts";
import { localMessage } from "../../i18n/apiErrors";
import { useFormRules } from "../../i18n/formRules";
import { PolicyHint, usePasswordPolicy } from "./PasswordChangeForm";
import { errorText } from "./signin-util";

/** 注册: an enterprise or service agency registers its first user, who becomes the organisation's owner. */
export function RegisterPage() {
  const { t } = useTranslation();
  const rule = useFormRules();
  const policy = usePasswordPolicy();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: RegisterRequest & { again?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { again: _again, ...body } = v;
      // One answer for every registration (known organisation or not): the server's message, in the UI language.
      const res = await register({ ...body, phone: body.phone || undefined, idNumber: body.idNumber || undefined });
      setDone(localMessage(res.message) ?? "");
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (done !== null) {
    return (
      <Result
        status="success"
        title={t("signin.register.submitted")}
        subTitle={done}
        extra={<Link to="/signin">{t("signin.register.goSignIn")}</Link>}
      />
    );
  }

  return (
    <div style={{ maxWidth: 560, margin: "32px auto" }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("signin.register.title")}
          </Typography.Title>
        }
      >
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ orgKind: "enterprise" }}>
          <Form.Item name="orgKind" label={t("signin.register.orgKind")}>
            <Radio.Group>
              <Radio.Button value="enterprise">{t("codes.orgKind.enterprise")}</Radio.Button>
              <Radio.Button value="agency">{t("codes.orgKind.agency")}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="orgName"
            label={t("signin.register.orgName")}
            rules={[rule.required(t("signin.register.orgName")), rule.minLength(t("signin.register.orgName"), 2)]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="orgCode"
            label={t("signin.register.orgCode")}
            rules={[
              rule.required(t("signin.register.orgCode")),
              { len: 18, message: t("validation.domain.creditCode") },
            ]}
          >
            <Input maxLength={18} style={{ textTransform: "uppercase" }} />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t("signin.register.displayName")}
            rules={[rule.required(t("signin.register.displayName"))]}
          >
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="phone" label={t("signin.register.phone")}>
            <Input autoComplete="tel" inputMode="tel" />
          </Form.Item>
          <Form.Item
            name="username"
            label={t("signin.register.username")}
            rules={[
              rule.required(t("signin.register.username")),
              { pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]{2,31}$/, message: t("validation.domain.username") },
            ]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <PolicyHint policy={policy} />
          <Form.Item
            name="password"
            label={t("signin.register.password")}
            rules={[
              rule.required(t("signin.register.password")),
              rule.minLength(t("signin.register.password"), policy?.minLength ?? 8),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="again"
            label={t("signin.register.again")}
            dependencies={["password"]}
            rules={[
              rule.required(t("signin.register.again")),
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v === getFieldValue("password")
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("validation.mismatch"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t("signin.register.submit")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
