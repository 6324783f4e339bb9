import { Alert, Button, Card, Form, Input, Result, Space, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { signIn, signOut } from "../../api/accounts";
import { refreshSession, useSession } from "../../components/shell/useSession";
import { useFormRules } from "../../i18n/formRules";
import { useCodes } from "../../i18n/useCodes";
import { PasswordChangeForm } from "./PasswordChangeForm";
import { errorText, safeNext } from "./signin-util";
import { TotpStep } from "./TotpStep";

/** 登录: password, then the second factor or a forced password change when the session needs one. */
export function SignInPage() {
  const { t } = useTranslation();
  const rule = useFormRules();
  const { code, region } = useCodes();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  // The shared session (sessionStore): every step's answer — sign-in, second factor, password change, sign-out — is
  // published there by the API client, so the page moves on by itself.
  const { session, error: sessionError } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stepDone = () => undefined;

  useEffect(() => {
    void refreshSession(); // the stage now, not one learned before this page opened
  }, []);

  useEffect(() => {
    if (session?.stage === "ok" && params.get("next")) navigate(next, { replace: true });
  }, [session, next, navigate, params]);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username, v.password);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const out = async () => {
    await signOut().catch(() => undefined);
    await refreshSession();
  };

  if (!session) return <Spin />;
  if (sessionError) return <Alert type="error" showIcon message={errorText(sessionError)} />;

  return (
    <div className="signin-page" style={{ maxWidth: 440, margin: "32px auto" }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("signin.title")}
          </Typography.Title>
        }
      >
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        {session.stage === "anonymous" && (
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="username" label={t("fields.username")} rules={[rule.required(t("fields.username"))]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t("fields.password")} rules={[rule.required(t("fields.password"))]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t("signin.submit")}
            </Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
              {t("signin.noAccount")} <Link to="/register">{t("signin.registerLink")}</Link>
            </Typography.Paragraph>
          </Form>
        )}
        {(session.stage === "totp_required" || session.stage === "totp_setup_required") && (
          <TotpStep enrol={session.stage === "totp_setup_required"} onDone={stepDone} />
        )}
        {session.stage === "password_change_required" && (
          <>
            <Alert type="warning" showIcon message={t("signin.passwordExpired")} style={{ marginBottom: 16 }} />
            <PasswordChangeForm onDone={stepDone} />
          </>
        )}
        {session.stage === "ok" && session.user && (
          <Result
            status="success"
            title={
              <>
                {t("signin.signedInAs")} <span data-content>{session.user.displayName}</span>
              </>
            }
            subTitle={session.user.roles
              .map((r) =>
                r.district
                  ? t("signin.roleInDistrict", { role: code("role", r.role), district: region(r.district) })
                  : code("role", r.role),
              )
              .join(t("common.listSep"))}
            extra={
              <Space>
                <Button type="primary" onClick={() => navigate(next)}>
                  {t("signin.continue")}
                </Button>
                {session.user.permissions.includes("audit:read") && <Link to="/audit">{t("signin.auditLog")}</Link>}
                {session.user.permissions.includes("org:members") && <Link to="/orgs">{t("signin.myOrgs")}</Link>}
                {session.user.permissions.includes("role:assign") && (
                  <Link to="/admin/requests">{t("signin.adminApprovals")}</Link>
                )}
                <Button onClick={out}>{t("signin.signOut")}</Button>
              </Space>
            }
          />
        )}
        {session.stage !== "anonymous" && session.stage !== "ok" && (
          <div style={{ marginTop: 16 }}>
            <Button type="link" onClick={out} style={{ padding: 0 }}>
              {t("signin.signOut")}
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
