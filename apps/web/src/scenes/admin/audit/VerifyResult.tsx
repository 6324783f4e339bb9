import type { AuditVerifyResponse } from "@zhichan/shared";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";

/** The chain check in words: intact (how many entries, how many checkpoints) or where and what went wrong. */
export function VerifyResult({ check }: { check: AuditVerifyResponse }) {
  const { t } = useTranslation();
  if (check.ok) {
    const extra = check.checkpointsMissing
      ? t("admin.audit.verifyNoCheckpoints")
      : check.checkpoints > 0
        ? t("admin.audit.verifyOkCheckpoints", { n: check.checkpoints })
        : "";
    return (
      <Alert
        role="status"
        style={{ marginBottom: 16 }}
        showIcon
        type={check.checkpointsMissing ? "warning" : "success"}
        message={t("admin.audit.verifyOk", { n: check.checked })}
        description={extra || undefined}
      />
    );
  }
  const problem = check.problem ? t(`admin.audit.problem.${check.problem}`) : t("admin.audit.unknownProblem");
  return (
    <Alert
      role="alert"
      style={{ marginBottom: 16 }}
      showIcon
      type="error"
      message={check.firstBadSeq ? t("admin.audit.verifyBad", { seq: check.firstBadSeq }) : problem}
      description={[problem, check.checked > 0 ? t("admin.audit.verifyChecked", { n: check.checked }) : ""]
        .filter(Boolean)
        .join(" ")}
    />
  );
}
