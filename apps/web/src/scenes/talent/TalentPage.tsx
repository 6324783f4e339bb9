import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { AreaServices } from "../cases/AreaServices";
import { ExpertDrawPanel } from "./ExpertDrawPanel";
import { TrainingPanel } from "./TrainingPanel";

/** 人才: reward applications and, for officials, the expert database with its audited random draw. */
export function TalentPage() {
  const { t } = useTranslation();
  return (
    <AreaServices
      areas={["talent"]}
      intro={<Typography.Title level={3}>{t("services.talent.title")}</Typography.Title>}
    >
      <TrainingPanel />
      <ExpertDrawPanel />
    </AreaServices>
  );
}
