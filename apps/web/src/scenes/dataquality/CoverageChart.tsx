import type { DataQuality } from "@zhichan/shared";
import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../../charts/EChart";
import { percent, useDataLabels } from "./labels";

type Coverage = DataQuality["coverage"];

/** Share of patents holding each field, fullest on top: the gaps are the short bars at the bottom. */
export function CoverageChart({ coverage, total }: { coverage: Coverage; total: number }) {
  const { t } = useTranslation();
  const labels = useDataLabels();
  const rows = useMemo(() => [...coverage].sort((a, b) => a.share - b.share), [coverage]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (ps: Array<{ dataIndex: number }>) => {
          const r = rows[ps[0]?.dataIndex ?? 0];
          if (!r) return "";
          const of = t("dataQuality.filledOf", { filled: r.filled.toLocaleString(), total: total.toLocaleString() });
          return `${labels.field(r.field)}<br/>${percent(r.share)} (${of})`;
        },
      },
      grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      yAxis: {
        type: "category",
        data: rows.map((r) => labels.field(r.field)),
        axisLabel: { width: 140, overflow: "truncate" },
      },
      series: [
        {
          name: t("dataQuality.share"),
          type: "bar",
          barMaxWidth: 16,
          data: rows.map((r) => ({
            value: Number((r.share * 100).toFixed(2)),
            // Below half filled stands out: those are the fields reports cannot rely on.
            itemStyle: { color: r.share < 0.5 ? "#d9822b" : "#0b4f9c" },
          })),
          label: { show: true, position: "right", formatter: (p: { value: number }) => `${p.value.toFixed(1)}%` },
        },
      ],
    }),
    [rows, total, t, labels],
  );
  return (
    <EChart
      option={option}
      height={Math.max(200, rows.length * 24 + 50)}
      label={t("dataQuality.coverage")}
      testId="coverage-chart"
    />
  );
}
