import type { ValuationReport } from "@zhichan/shared";
import { Alert, Card, Input, Segmented, Space, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { getValuation } from "../../api/cases";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { errorText } from "../signin/signin-util";
import { valuationExplanation, valuationInput, valuationNote } from "./valuationText";

const PURPOSES = ["financing", "transfer", "licensing"] as const;

/** 专利价值评估: GB/T 42748-2023 indicators scored from the patent record, weights per purpose, line by line. */
export function ValuationPage() {
  const { t } = useTranslation();
  const { code } = useCodes();
  const [params, setParams] = useSearchParams();
  const patent = params.get("patent") ?? "";
  const purpose = params.get("purpose") ?? "financing";
  const [draft, setDraft] = useState(patent);
  const r = useAsync(patent ? (signal) => getValuation(patent, purpose, signal) : null, [patent, purpose]);
  const set = (k: string, v: string) =>
    setParams((p) => {
      p.set(k, v);
      return p;
    });
  const v: ValuationReport | undefined = r.data;
  return (
    <Card title={t("services.valuation.title")}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(x) => set("patent", x.trim())}
          placeholder={t("services.valuation.patent")}
          style={{ width: 280, maxWidth: "100%" }}
          enterButton={t("services.valuation.assess")}
        />
        <Segmented
          value={purpose}
          onChange={(x) => set("purpose", String(x))}
          options={PURPOSES.map((p) => ({ value: p, label: code("valuationPurpose", p) }))}
        />
      </Space>
      {r.error ? <Alert type="error" showIcon message={errorText(r.error)} /> : null}
      {v && (
        <>
          <Typography.Title level={5}>
            {v.patent.pubNo} <span data-content>{v.patent.title}</span>
          </Typography.Title>
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
              {
                title: t("services.valuation.col.input"),
                key: "input",
                render: (_: unknown, l) => valuationInput(l, t),
              },
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
                render: (_: unknown, l) => valuationExplanation(l, t),
              },
            ]}
          />
          {v.notes.map((n) => {
            const note = valuationNote(n, t);
            return note ? (
              <Typography.Paragraph key={n} type="secondary" style={{ marginTop: 8 }}>
                {note}
              </Typography.Paragraph>
            ) : null;
          })}
        </>
      )}
    </Card>
  );
}
