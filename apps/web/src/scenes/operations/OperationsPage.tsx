import { Space, Typography } from "antd";
import { Link } from "react-router-dom";
import { AreaServices } from "../cases/AreaServices";
import { useText } from "../signin/useText";

/** 运营交易: listings and the marketplace, pledge financing, valuation. */
export function OperationsPage() {
  const tx = useText();
  return (
    <AreaServices
      areas={["operations"]}
      intro={
        <>
          <Typography.Title level={3}>{tx("知识产权运营交易", "IP operations")}</Typography.Title>
          <Space wrap>
            <Link to="/marketplace">{tx("交易大厅", "Marketplace")}</Link>
            <Link to="/valuation">{tx("专利价值评估", "Patent valuation")}</Link>
          </Space>
        </>
      }
    />
  );
}
