import type { PasswordPolicyInfo, SessionResponse } from "@zhichan/shared";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { changePassword, getPasswordPolicy } from "../../api/accounts";
import { useFormRules } from "../../i18n/formRules";
import { errorText } from "./signin-util";

export function PolicyHint({ policy }: { policy: PasswordPolicyInfo | null }) {
  const { t } = useTranslation();
  if (!policy) return null;
  const parts = [t("signin.policy.minLength", { n: policy.minLength })];
  if (policy.minClasses) parts.push(t("signin.policy.minClasses", { n: policy.minClasses }));
  if (policy.historyCount) parts.push(t("signin.policy.history", { n: policy.historyCount }));
  if (policy.maxAgeDays) parts.push(t("signin.policy.maxAge", { n: policy.maxAgeDays }));
  return <Typography.Paragraph type="secondary">{parts.join(t("common.sentenceSep"))}</Typography.Paragraph>;
}

export function usePasswordPolicy(): PasswordPolicyInfo | null {
  const [policy, setPolicy] = useState<PasswordPolicyInfo | null>(null);
  useEffect(() => {
    getPasswordPolicy()
      .then(setPolicy)
      .catch(() => setPolicy(null));
  }, []);
  return policy;
}

export function PasswordChangeForm({ onDone }: { onDone: (s: SessionResponse) => void }) {
  const { t } = useTranslation();
  const rule = useFormRules();
  const policy = usePasswordPolicy();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { current: string; next: string }) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await changePassword(v.current, v.next));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false}>
      <PolicyHint policy={policy} />
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item
        name="current"
        label={t("signin.password.current")}
        rules={[rule.required(t("signin.password.current"))]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="next"
        label={t("signin.password.next")}
        rules={[
          rule.required(t("signin.password.next")),
          rule.minLength(t("signin.password.next"), policy?.minLength ?? 8),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="again"
        label={t("signin.password.again")}
        dependencies={["next"]}
        rules={[
          rule.required(t("signin.password.again")),
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              v === getFieldValue("next") ? Promise.resolve() : Promise.reject(new Error(t("validation.mismatch"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        {t("signin.password.submit")}
      </Button>
    </Form>
  );
}
