import type { SessionResponse, TotpSetupResponse } from "@zhichan/shared";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { confirmTotp, startTotpSetup, verifyTotp } from "../../api/accounts";
import { errorText } from "./signin-util";
import { useText } from "./useText";

/** The second factor: enrolment (secret to add to an authenticator app, then a first code) or a code. */
export function TotpStep({ enrol, onDone }: { enrol: boolean; onDone: (s: SessionResponse) => void }) {
  const tx = useText();
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
        <Typography.Paragraph>
          {tx(
            "您的角色需要动态口令（TOTP）。请用身份验证器应用绑定。",
            "Your role requires a TOTP second factor. Set it up with an authenticator app.",
          )}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} />}
        <Button type="primary" loading={busy} onClick={() => run(async () => setSetup(await startTotpSetup()))}>
          {tx("开始绑定", "Start setup")}
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
          <Typography.Paragraph>
            {tx("在应用中手动添加以下密钥，或打开链接：", "Add this key in your app, or open the link:")}
          </Typography.Paragraph>
          <Typography.Paragraph copyable code style={{ wordBreak: "break-all" }}>
            {setup.secret}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <a href={setup.otpauthUri}>{tx("用验证器打开", "Open in authenticator")}</a>
          </Typography.Paragraph>
        </>
      )}
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item
        name="code"
        label={tx("6 位动态口令", "6-digit code")}
        rules={[{ required: true, pattern: /^\d{6}$/ }]}
      >
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        {tx("验证", "Verify")}
      </Button>
    </Form>
  );
}
