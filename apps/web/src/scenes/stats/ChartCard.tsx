import { Card, Empty } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A titled card holding one chart, or an empty state when there is nothing to draw. */
export function ChartCard({
  title,
  empty,
  children,
  extra,
  className,
}: {
  title: ReactNode;
  empty?: boolean;
  children: ReactNode;
  extra?: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card title={title} size="small" className={`chart-card ${className ?? ""}`} extra={extra}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("stats.noData")} /> : children}
    </Card>
  );
}
