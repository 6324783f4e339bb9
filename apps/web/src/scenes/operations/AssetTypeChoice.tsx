import { DECLARED_ASSET_TYPES } from "@zhichan/shared";
import { Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useCodes } from "../../i18n/useCodes";

export type ValuedAssetType = "patent" | (typeof DECLARED_ASSET_TYPES)[number];

/**
 * Which right to value: a patent is scored from the platform's own records (/valuation), every other right from
 * what its owner declares (/valuation/assets?type=…), so the choice moves between the two pages.
 */
export function AssetTypeChoice({ current }: { current: ValuedAssetType }) {
  const { t } = useTranslation();
  const { code } = useCodes();
  const navigate = useNavigate();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <label htmlFor="valuation-asset-type">{t("services.assetValuation.assetType")}</label>
      <Select<ValuedAssetType>
        id="valuation-asset-type"
        value={current}
        style={{ width: 220 }}
        onChange={(x) => navigate(x === "patent" ? "/valuation" : `/valuation/assets?type=${x}`)}
        options={(["patent", ...DECLARED_ASSET_TYPES] as const).map((x) => ({
          value: x,
          label: code("caseOption", x),
        }))}
      />
    </Space>
  );
}
