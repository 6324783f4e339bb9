import type { SessionResponse } from "@zhichan/shared";
import { Alert, Button, Card, Form, Input, Result, Space, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { getSession, signIn, signOut } from "../../api/accounts";
import { PasswordChangeForm } from "./PasswordChangeForm";
import { errorText, safeNext } from "./signin-util";
import { TotpStep } from "./TotpStep";
import { useText } from "./useText";

/** 登录: password, then the second factor or a forced password change when the session needs one. */
export function SignInPage() {
  const tx = useText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [session, setSession] = useState<SessionResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getSession()
      .then(setSession)
      .catch((e) => setError(errorText(e)));
  }, []);

  useEffect(() => {
    if (session?.stage === "ok" && params.get("next")) navigate(next, { replace: true });
  }, [session, next, navigate, params]);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      setSession(await signIn(v.username, v.password));
    } catch (e) {
      setError(errorText(e, tx));
    } finally {
      setBusy(false);
    }
  };

  const out = async () => {
    await signOut().catch(() => undefined);
    setSession(await getSession());
  };

  if (!session) return error ? <Alert type="error" showIcon message={error} /> : <Spin />;

  return (
    <div className="signin-page" style={{ maxWidth: 440, margin: "32px auto" }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {tx("登录", "Sign in")}
          </Typography.Title>
        }
      >
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        {session.stage === "anonymous" && (
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="username" label={tx("用户名", "Username")} rules={[{ required: true }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={tx("密码", "Password")} rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {tx("登录", "Sign in")}
            </Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
              {tx("企业或服务机构？", "An enterprise or agency?")}{" "}
              <Link to="/register">{tx("注册账户", "Register")}</Link>
            </Typography.Paragraph>
          </Form>
        )}
        {(session.stage === "totp_required" || session.stage === "totp_setup_required") && (
          <TotpStep enrol={session.stage === "totp_setup_required"} onDone={setSession} />
        )}
        {session.stage === "password_change_required" && (
          <>
            <Alert
              type="warning"
              showIcon
              message={tx(
                "密码已到期或为初始密码，请先修改",
                "Your password expired or was set for you: change it first",
              )}
              style={{ marginBottom: 16 }}
            />
            <PasswordChangeForm onDone={setSession} />
          </>
        )}
        {session.stage === "ok" && session.user && (
          <Result
            status="success"
            title={tx(`已登录：${session.user.displayName}`, `Signed in as ${session.user.displayName}`)}
            subTitle={session.user.roles.map((r) => r.role + (r.district ? ` (${r.district})` : "")).join(", ")}
            extra={
              <Space>
                <Button type="primary" onClick={() => navigate(next)}>
                  {tx("继续", "Continue")}
                </Button>
                {session.user.permissions.includes("audit:read") && (
                  <Link to="/audit">{tx("审计日志", "Audit log")}</Link>
                )}
                {session.user.permissions.includes("org:members") && (
                  <Link to="/orgs">{tx("我的机构", "My organisations")}</Link>
                )}
                {session.user.permissions.includes("role:assign") && (
                  <Link to="/admin/requests">{tx("管理员账户审批", "Administrator approvals")}</Link>
                )}
                <Button onClick={out}>{tx("退出", "Sign out")}</Button>
              </Space>
            }
          />
        )}
        {session.stage !== "anonymous" && session.stage !== "ok" && (
          <div style={{ marginTop: 16 }}>
            <Button type="link" onClick={out} style={{ padding: 0 }}>
              {tx("退出", "Sign out")}
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
