import type { CountUnit } from "@zhichan/shared";
import { Switch, Tooltip } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import "./unitToggle.css";

/**
 * "按申请合并 / Group by application": on, hits and counts are in applications (the A and B of one application
 * once); off, in publication records.
 */
export function UnitToggle({ unit, onChange }: { unit: CountUnit; onChange: (unit: CountUnit) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Tooltip title={t("grouping.toggleHint")}>
      <span className="unit-toggle">
        <Switch
          id={id}
          size="small"
          checked={unit === "invention"}
          onChange={(on) => onChange(on ? "invention" : "publication")}
          data-testid="group-toggle"
        />
        <label htmlFor={id}>{t("grouping.toggle")}</label>
      </span>
    </Tooltip>
  );
}
