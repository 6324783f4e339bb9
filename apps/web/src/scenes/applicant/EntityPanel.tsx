import type { ApplicantProfile } from "@zhichan/shared";
import { Card, Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import { usePermission } from "../../components/usePermission";
import { useDataLabels } from "../dataquality/labels";
import { MergeList } from "../dataquality/MergeList";
import { EntityAdminActions } from "./EntityAdminActions";
import "../dataquality/dataQuality.css";

/**
 * The applicant as an entity: where its name and region come from, the merges that formed it with their rule and
 * evidence, and — for officials with data:import — merge, split and rename.
 */
export function EntityPanel({ a, onChanged }: { a: ApplicantProfile; onChanged: () => void }) {
  const { t } = useTranslation();
  const labels = useDataLabels();
  const { allowed } = usePermission("data:import");
  const e = a.entity;
  if (!e) return null;
  if (!allowed && e.merges.length === 0) return null;
  return (
    <Card
      size="small"
      className="entity-panel"
      title={allowed ? t("entityAdmin.title") : t("entityAdmin.merges")}
      data-testid="entity-panel"
    >
      {allowed && (
        <>
          <p className="raw-value">{t("entityAdmin.hint")}</p>
          <EntityAdminActions a={a} onChanged={onChanged} />
          <Descriptions
            size="small"
            column={1}
            className="entity-facts"
            items={[
              {
                key: "name",
                label: t("entityAdmin.nameFrom"),
                children: t(`entityAdmin.nameSource.${e.nameSource === "official" ? "official" : "automatic"}`),
              },
              { key: "region", label: t("entityAdmin.regionRule"), children: labels.regionRule(e.regionRule) },
            ]}
          />
          <h3 className="entity-subtitle">{t("entityAdmin.merges")}</h3>
        </>
      )}
      <MergeList merges={e.merges} emptyText={t("entityAdmin.noMerges")} initial={5} />
    </Card>
  );
}
