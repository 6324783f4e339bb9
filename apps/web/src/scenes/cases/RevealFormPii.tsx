import { CASE_FORM_PII, type CaseDetail, type CaseTypeKey } from "@zhichan/shared";
import { Alert, Button, Input, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { revealCasePii } from "../../api/cases";
import { errorText } from "../signin/signin-util";

/**
 * 查看完整信息: the form's masked personal data (a registration's contact phone) in full, for an official in the
 * case's district; the server wants a reason, counts the reveal against the official's allowance and audits it.
 */
export function RevealFormPii({
  c,
  onRevealed,
}: {
  c: CaseDetail;
  onRevealed: (v: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!c.parties.includes("official") || !CASE_FORM_PII[c.type as CaseTypeKey]?.length) return null;
  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      onRevealed((await revealCasePii(c.id, reason)).fields);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ marginTop: 8, width: "100%" }}>
      <Space.Compact style={{ maxWidth: 480, width: "100%" }}>
        <Input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("cases.detail.revealReason")}
          maxLength={200}
          data-field="revealReason"
        />
        <Button onClick={reveal} loading={busy} disabled={reason.trim().length < 2} data-testid="reveal-pii">
          {t("cases.detail.reveal")}
        </Button>
      </Space.Compact>
      {error && <Alert type="error" showIcon message={error} />}
    </Space>
  );
}
