import { Alert, Button, Card, Form, Input, Result, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { createAdmin } from "../../api/accounts";
import { PolicyHint, usePasswordPolicy } from "./PasswordChangeForm";
import { errorText } from "./signin-util";
import { useText } from "./useText";

const ROLE_NAMES: Record<string, [string, string]> = {
  sysadmin: ["系统管理员", "system administrator"],
  secadmin: ["安全管理员", "security administrator"],
  auditadmin: ["审计管理员", "audit administrator"],
};

/** /setup?code=…: the one-time code printed at first start (or by `zhichan admin create`) creates an administrator. */
export function SetupPage() {
  const tx = useText();
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
      setError(errorText(e, tx));
    } finally {
      setBusy(false);
    }
  };

  if (role) {
    const [zh, en] = ROLE_NAMES[role] ?? [role, role];
    return (
      <Result
        status="success"
        title={tx(`${zh}账户已创建`, `The ${en} account is created`)}
        subTitle={tx("登录后需绑定动态口令（TOTP）", "You will set up a TOTP second factor at first sign-in")}
        extra={<Link to="/signin">{tx("去登录", "Sign in")}</Link>}
      />
    );
  }

  return (
    <div style={{ maxWidth: 520, margin: "32px auto" }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {tx("创建管理员", "Create an administrator")}
          </Typography.Title>
        }
      >
        <Typography.Paragraph type="secondary">
          {tx(
            "平台没有默认账户。请输入启动时打印的一次性设置码（24 小时内有效，仅可使用一次）。",
            "There are no default accounts. Enter the one-time code printed at start (valid 24 hours, once).",
          )}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          initialValues={{ code: params.get("code") ?? "" }}
        >
          <Form.Item name="code" label={tx("设置码", "Setup code")} rules={[{ required: true, min: 8 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="username"
            label={tx("用户名", "Username")}
            rules={[{ required: true, pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]{2,31}$/ }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="displayName" label={tx("姓名", "Name")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <PolicyHint policy={policy} />
          <Form.Item
            name="password"
            label={tx("密码", "Password")}
            rules={[{ required: true, min: policy?.minLength ?? 8 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {tx("创建", "Create")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
