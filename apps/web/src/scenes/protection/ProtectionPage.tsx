import { Typography } from "antd";
import { AreaServices } from "../cases/AreaServices";
import { useText } from "../signin/useText";

/** 维权保护: registration, pre-examination, assistance, complaints, mediation, overseas guidance, investigators. */
export function ProtectionPage() {
  const tx = useText();
  return (
    <AreaServices
      areas={["protection"]}
      intro={
        <>
          <Typography.Title level={3}>{tx("知识产权维权保护", "IP protection")}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {tx(
              "向保护中心备案、申请专利快速预审、维权援助、侵权投诉、纠纷调解（可申请司法确认）、海外纠纷应对指导和技术调查官指派。",
              "Register with the protection centre, request pre-examination, assistance, complaints, mediation (with court confirmation), overseas guidance and technical investigators.",
            )}
          </Typography.Paragraph>
        </>
      }
    />
  );
}
