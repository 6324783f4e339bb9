import type { SessionResponse, TotpSetupResponse } from "@zhichan/shared";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmTotp, startTotpSetup, verifyTotp } from "../../api/accounts";
import { TotpQr } from "../me/TotpQr";
import { errorText } from "./signin-util";

/** The second factor: enrolment (secret to add to an authenticator app, then a first code) or a code. */
export function TotpStep({ enrol, onDone }: { enrol: boolean; onDone: (s: SessionResponse) => void }) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (enrol && !setup) {
    return (
      <>
        <Typography.Paragraph>{t("signin.totp.required")}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} />}
        <Button type="primary" loading={busy} onClick={() => run(async () => setSetup(await startTotpSetup()))}>
          {t("signin.totp.start")}
        </Button>
      </>
    );
  }

  return (
    <Form
      layout="vertical"
      requiredMark={false}
      onFinish={(v: { code: string }) =>
        run(async () => onDone(await (enrol ? confirmTotp(v.code) : verifyTotp(v.code))))
      }
    >
      {setup && (
        <>
          <Typography.Paragraph>{t("me.totp.scan")}</Typography.Paragraph>
          <TotpQr uri={setup.otpauthUri} label={t("me.totp.qrLabel")} />
          <Typography.Paragraph>{t("signin.totp.addKey")}</Typography.Paragraph>
          <Typography.Paragraph copyable code style={{ wordBreak: "break-all" }}>
            {setup.secret}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <a href={setup.otpauthUri}>{t("signin.totp.openApp")}</a>
          </Typography.Paragraph>
        </>
      )}
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item
        name="code"
        label={t("signin.totp.code")}
        rules={[{ required: true }, { pattern: /^\d{6}$/, message: t("signin.totp.codeFormat") }]}
      >
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        {t("signin.totp.verify")}
      </Button>
    </Form>
  );
}
