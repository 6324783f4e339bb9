import type { ValuationReport } from "@zhichan/shared";
import { Space, Statistic, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useCodes } from "../../i18n/useCodes";

type Line = ValuationReport["lines"][number];

export interface ValuationWording {
  input: (l: Line) => string;
  explanation: (l: Line) => string;
  note: (n: string) => string | null;
}

/**
 * A valuation's score, its three dimensions and its lines (indicator, input, score, weight, contribution, why),
 * with the report's notes on method and assumptions; shared by the patent and the declared-asset pages, which
 * word the inputs and explanations each for their own rights.
 */
export function ValuationResult({ v, wording }: { v: Omit<ValuationReport, "patent">; wording: ValuationWording }) {
  const { t } = useTranslation();
  const { code } = useCodes();
  return (
    <>
      <Space size="large" wrap>
        <Statistic
          title={t("services.valuation.score")}
          value={v.score}
          suffix={t("services.valuation.scoreSuffix", { grade: v.grade })}
        />
        {Object.entries(v.dimensions).map(([k, d]) => (
          <Statistic
            key={k}
            title={`${code("valuationDimension", k)} ${t("services.valuation.weight", { w: d.weight })}`}
            value={d.score ?? "—"}
          />
        ))}
      </Space>
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey="indicator"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={v.lines}
        columns={[
          {
            title: t("services.valuation.col.dimension"),
            dataIndex: "dimension",
            render: (x: string) => code("valuationDimension", x),
          },
          {
            title: t("services.valuation.col.indicator"),
            dataIndex: "indicator",
            render: (x: string) => t(`services.valuation.indicators.${x}`, { defaultValue: x }),
          },
          { title: t("services.valuation.col.input"), key: "input", render: (_: unknown, l) => wording.input(l) },
          {
            title: t("services.valuation.col.score"),
            dataIndex: "score",
            render: (x: number | null) => x ?? t("services.valuation.notAssessed"),
          },
          { title: t("services.valuation.col.weight"), dataIndex: "weight" },
          { title: t("services.valuation.col.contribution"), dataIndex: "contribution" },
          {
            title: t("services.valuation.col.explanation"),
            key: "explanation",
            render: (_: unknown, l) => wording.explanation(l),
          },
        ]}
      />
      {v.notes.map((n) => {
        const note = wording.note(n);
        return note ? (
          <Typography.Paragraph key={n} type="secondary" style={{ marginTop: 8 }}>
            {note}
          </Typography.Paragraph>
        ) : null;
      })}
    </>
  );
}
