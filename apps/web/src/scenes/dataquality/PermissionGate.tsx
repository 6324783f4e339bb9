import { Button, Result, Skeleton } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { usePermission } from "../../components/usePermission";

/** The page for officials holding `data:import`; anyone else is told so and offered sign-in (the server checks too). */
export function DataImportGate({ next, children }: { next: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { known, allowed } = usePermission("data:import");
  if (!known) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!allowed)
    return (
      <Result
        status="403"
        title={t("dataQuality.needPermission")}
        extra={
          <Link to={`/signin?next=${encodeURIComponent(next)}`}>
            <Button type="primary">{t("dataQuality.signIn")}</Button>
          </Link>
        }
      />
    );
  return <>{children}</>;
}
