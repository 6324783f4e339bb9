import type { LegalStatus, PatentType } from "@zhichan/shared";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const TYPE_COLORS: Record<PatentType, string> = {
  invention_application: "geekblue",
  invention_grant: "blue",
  utility_model: "cyan",
  design: "purple",
};
const STATUS_COLORS: Record<LegalStatus, string> = {
  valid: "green",
  pending: "gold",
  lapsed: "default",
  rejected: "red",
  withdrawn: "orange",
  invalidated: "volcano",
  pct_pending: "lime",
  pct_expired: "default",
  unknown: "default",
};

export function TypeTag({ type }: { type: PatentType }) {
  const { t } = useTranslation();
  return <Tag color={TYPE_COLORS[type]}>{t(`types.${type}`)}</Tag>;
}

export function StatusTag({ status }: { status: LegalStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`statuses.${status}`)}</Tag>;
}
