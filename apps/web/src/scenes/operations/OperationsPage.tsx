import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { AreaServices } from "../cases/AreaServices";

/** 运营交易: listings and the marketplace, pledge financing, valuation. */
export function OperationsPage() {
  const { t } = useTranslation();
  return (
    <AreaServices
      areas={["operations"]}
      intro={
        <>
          <Typography.Title level={3}>{t("services.operations.title")}</Typography.Title>
          <Space wrap>
            <Link to="/marketplace">{t("services.operations.marketplace")}</Link>
            <Link to="/valuation">{t("services.operations.valuation")}</Link>
            <Link to="/valuation/assets">{t("services.operations.assetValuation")}</Link>
          </Space>
        </>
      }
    />
  );
}
