import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";

/** A cell the server withheld (value null), with why: too few respondents, or it would give one away. */
export function SuppressedCell({ reason, min }: { reason: "small_group" | "complementary"; min: number }) {
  const { t } = useTranslation();
  const why = t(`publicStats.reason.${reason}`, { min });
  return (
    <Tooltip title={why}>
      <Tag className="suppressed-cell" aria-label={why} data-testid="suppressed-cell">
        {t("publicStats.withheld")}
      </Tag>
    </Tooltip>
  );
}
