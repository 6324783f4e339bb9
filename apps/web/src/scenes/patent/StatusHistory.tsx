import type { PatentDetail } from "@zhichan/shared";
import { Card, Timeline } from "antd";
import { useTranslation } from "react-i18next";
import { StatusTag } from "../../components/PatentTags";

/** The dated legal-status changes imports recorded (实质审查 → 驳回 …), newest first, each with its source. */
export function StatusHistory({ p }: { p: PatentDetail }) {
  const { t } = useTranslation();
  if (!p.history.length) return null;
  const items = [...p.history].reverse().map((e, i) => ({
    key: `${e.date}-${i}`,
    children: (
      <div className="status-event">
        <strong>{e.date}</strong>{" "}
        {e.from ? <StatusTag status={e.from} /> : <span className="raw-value">{t("patent.historyFirst")}</span>}
        {" → "}
        {e.to ? <StatusTag status={e.to} /> : "—"}
        {e.toRaw ? <span className="raw-value"> ({e.toRaw})</span> : null}
        <div className="raw-value">
          {t("patent.historySource")}: {e.source}
        </div>
      </div>
    ),
  }));
  return (
    <Card size="small" title={t("patent.history")} extra={<span className="raw-value">{t("patent.historyHint")}</span>}>
      <Timeline items={items} data-testid="status-history" />
    </Card>
  );
}
