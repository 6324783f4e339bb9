import type { TotpSetupResponse } from "@zhichan/shared";
import { Alert, App, Button, Card, Form, Input, Steps, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmTotp, startTotpSetup } from "../../api/accounts";
import { apiErrorText } from "../../i18n/apiErrors";
import { TotpQr } from "./TotpQr";

/** The secret in groups of four, as authenticator apps show keys (they ignore the spaces when typed in). */
const groupsOfFour = (s: string) => s.replace(/(.{4})(?=.)/g, "$1 ");

/**
 * Two-factor enrolment: the server's new secret as a QR code and as text for typing in, then a first code from the
 * app to confirm. Confirming gives this session a new id (the server elevates it); api/accounts keeps its token.
 */
export function TotpCard({
  enabled,
  required,
  onEnrolled,
}: {
  enabled: boolean;
  required: boolean;
  onEnrolled: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(apiErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  const confirm = (v: { code: string }) =>
    run(async () => {
      await confirmTotp(v.code);
      setSetup(null);
      message.success(t("me.totp.done"));
      onEnrolled();
    });

  return (
    <Card title={t("me.totp.title")} data-testid="me-totp">
      {enabled ? (
        <Typography.Paragraph>
          <Tag color="green">{t("me.totp.on")}</Tag> {t("me.totp.enabled")}
        </Typography.Paragraph>
      ) : !setup ? (
        <>
          <Typography.Paragraph>
            {required && `${t("me.totp.required")} `}
            {t("me.totp.notEnabled")}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
          <Button type="primary" loading={busy} onClick={() => run(async () => setSetup(await startTotpSetup()))}>
            {t("me.totp.start")}
          </Button>
        </>
      ) : (
        <Steps
          direction="vertical"
          size="small"
          current={1}
          items={[
            {
              title: t("me.totp.scan"),
              description: (
                <div className="totp-setup">
                  <TotpQr uri={setup.otpauthUri} label={t("me.totp.qrLabel")} />
                  <div>
                    <Typography.Paragraph type="secondary">{t("me.totp.manual")}</Typography.Paragraph>
                    <Typography.Paragraph
                      copyable={{ text: setup.secret }}
                      code
                      className="totp-secret"
                      data-testid="totp-secret"
                    >
                      {groupsOfFour(setup.secret)}
                    </Typography.Paragraph>
                  </div>
                </div>
              ),
            },
            {
              title: t("me.totp.confirm"),
              description: (
                <Form layout="vertical" requiredMark={false} onFinish={confirm} className="totp-form">
                  {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
                  <Form.Item
                    name="code"
                    label={t("me.totp.code")}
                    rules={[{ required: true, pattern: /^\d{6}$/, message: t("me.totp.codeFormat") }]}
                  >
                    <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="totp-code" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-submit">
                    {t("me.totp.submit")}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
