import { Typography } from "antd";
import { AreaServices } from "../cases/AreaServices";
import { useText } from "../signin/useText";
import { ExpertDrawPanel } from "./ExpertDrawPanel";
import { TrainingPanel } from "./TrainingPanel";

/** 人才: reward applications and, for officials, the expert database with its audited random draw. */
export function TalentPage() {
  const tx = useText();
  return (
    <AreaServices
      areas={["talent"]}
      intro={<Typography.Title level={3}>{tx("知识产权人才", "IP talent")}</Typography.Title>}
    >
      <TrainingPanel />
      <ExpertDrawPanel />
    </AreaServices>
  );
}
