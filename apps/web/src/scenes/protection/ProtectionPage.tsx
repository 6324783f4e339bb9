import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { AreaServices } from "../cases/AreaServices";

/** 维权保护: registration, pre-examination, assistance, complaints, mediation, overseas guidance, investigators. */
export function ProtectionPage() {
  const { t } = useTranslation();
  return (
    <AreaServices
      areas={["protection"]}
      intro={
        <>
          <Typography.Title level={3}>{t("services.protection.title")}</Typography.Title>
          <Typography.Paragraph type="secondary">{t("services.protection.intro")}</Typography.Paragraph>
        </>
      }
    />
  );
}
