import type { PasswordPolicyInfo, SessionResponse } from "@zhichan/shared";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { changePassword, getPasswordPolicy } from "../../api/accounts";
import { errorText } from "./signin-util";
import { useText } from "./useText";

export function PolicyHint({ policy }: { policy: PasswordPolicyInfo | null }) {
  const tx = useText();
  if (!policy) return null;
  const parts = [tx(`至少 ${policy.minLength} 位`, `at least ${policy.minLength} characters`)];
  if (policy.minClasses)
    parts.push(
      tx(
        `包含大写、小写、数字、符号中至少 ${policy.minClasses} 类`,
        `${policy.minClasses} of upper, lower, digit, symbol`,
      ),
    );
  if (policy.historyCount)
    parts.push(tx(`不能与最近 ${policy.historyCount} 次相同`, `not one of your last ${policy.historyCount}`));
  if (policy.maxAgeDays) parts.push(tx(`每 ${policy.maxAgeDays} 天更换`, `changed every ${policy.maxAgeDays} days`));
  return <Typography.Paragraph type="secondary">{parts.join("; ")}</Typography.Paragraph>;
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
  const tx = useText();
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
      <Form.Item name="current" label={tx("当前密码", "Current password")} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="next"
        label={tx("新密码", "New password")}
        rules={[{ required: true, min: policy?.minLength ?? 8 }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="again"
        label={tx("再次输入新密码", "New password again")}
        dependencies={["next"]}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              v === getFieldValue("next")
                ? Promise.resolve()
                : Promise.reject(new Error(tx("两次输入不一致", "Does not match"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        {tx("修改密码", "Change password")}
      </Button>
    </Form>
  );
}
