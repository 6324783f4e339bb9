import { MAIL_KINDS, type MailKind, type MyMailSettings } from "@zhichan/shared";
import { Alert, App, Button, Card, Checkbox, Input, Radio, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { myMail, saveMyMail } from "../../api/serviceDesk";
import { useAsync } from "../../components/useAsync";
import { useLocalError } from "../../components/useLocalError";

/** 邮件通知: one's address (stored encrypted, shown masked), the e-mails' language, and on/off per kind. */
export function MailCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localError = useLocalError();
  const current = useAsync((s) => myMail(s), []);
  const [email, setEmail] = useState("");
  const [draft, setDraft] = useState<MyMailSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(current.data ?? null), [current.data]);
  if (!draft) return <Card title={t("serviceDesk.mail.title")} loading />;
  const save = async (emailChange?: string | null) => {
    setError(null);
    try {
      const next = await saveMyMail({
        ...(emailChange !== undefined ? { email: emailChange } : {}),
        language: draft.language,
        kinds: draft.kinds,
      });
      setDraft(next);
      setEmail("");
      message.success(t("serviceDesk.mail.saved"));
    } catch (e) {
      setError(localError(e));
    }
  };
  return (
    <Card title={t("serviceDesk.mail.title")} data-testid="me-mail">
      <Space direction="vertical" size={12} style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("serviceDesk.mail.intro")}</Typography.Text>
        {!draft.serverConfigured && <Alert type="info" showIcon message={t("serviceDesk.mail.serverOff")} />}
        <Typography.Text data-testid="mail-current">
          {draft.email ? t("serviceDesk.mail.current", { email: draft.email }) : t("serviceDesk.mail.noAddress")}
        </Typography.Text>
        <Space.Compact style={{ width: "100%" }}>
          <Input
            type="email"
            value={email}
            maxLength={254}
            placeholder={t("serviceDesk.mail.change")}
            aria-label={t("serviceDesk.mail.address")}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="mail-address"
          />
          <Button
            type="primary"
            disabled={!email.trim()}
            onClick={() => save(email.trim())}
            data-testid="mail-save-address"
          >
            {t("serviceDesk.mail.save")}
          </Button>
        </Space.Compact>
        {draft.email && (
          <Button size="small" onClick={() => save(null)} style={{ alignSelf: "flex-start" }}>
            {t("serviceDesk.mail.remove")}
          </Button>
        )}
        <div>
          <Typography.Text strong>{t("serviceDesk.mail.language")}</Typography.Text>{" "}
          <Radio.Group
            value={draft.language}
            onChange={(e) => setDraft({ ...draft, language: e.target.value })}
            options={(["zh", "en"] as const).map((l) => ({ value: l, label: t(`serviceDesk.mail.languages.${l}`) }))}
          />
        </div>
        <Space wrap>
          {MAIL_KINDS.map((k: MailKind) => (
            <Checkbox
              key={k}
              checked={draft.kinds[k]}
              onChange={(e) => setDraft({ ...draft, kinds: { ...draft.kinds, [k]: e.target.checked } })}
            >
              {t(`serviceDesk.mail.kinds.${k}`)}
            </Checkbox>
          ))}
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        <Button onClick={() => save()} style={{ alignSelf: "flex-start" }} data-testid="mail-save">
          {t("serviceDesk.mail.saveChoices")}
        </Button>
      </Space>
    </Card>
  );
}
