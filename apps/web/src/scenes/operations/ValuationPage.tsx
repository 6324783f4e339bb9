import type { ValuationReport } from "@zhichan/shared";
import { Alert, Card, Input, Segmented, Space, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { getValuation } from "../../api/cases";
import { useAsync } from "../../components/useAsync";
import { errorText } from "../signin/signin-util";
import { useText } from "../signin/useText";

const DIMENSIONS: Record<string, [string, string]> = {
  legal: ["法律价值", "legal"],
  technical: ["技术价值", "technical"],
  economic: ["经济价值", "economic"],
};

/** 专利价值评估: GB/T 42748-2023 indicators scored from the patent record, weights per purpose, line by line. */
export function ValuationPage() {
  const tx = useText();
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
    <Card title={tx("专利价值评估（GB/T 42748-2023 指标体系）", "Patent valuation (GB/T 42748-2023 indicators)")}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(x) => set("patent", x.trim())}
          placeholder={tx("公开号或申请号", "Publication or application number")}
          style={{ width: 280 }}
          enterButton={tx("评估", "Assess")}
        />
        <Segmented
          value={purpose}
          onChange={(x) => set("purpose", String(x))}
          options={[
            { value: "financing", label: tx("质押融资", "financing") },
            { value: "transfer", label: tx("转让", "transfer") },
            { value: "licensing", label: tx("许可", "licensing") },
          ]}
        />
      </Space>
      {r.error ? <Alert type="error" showIcon message={errorText(r.error)} /> : null}
      {v && (
        <>
          <Typography.Title level={5}>
            {v.patent.pubNo} {v.patent.title}
          </Typography.Title>
          <Space size="large" wrap>
            <Statistic title={tx("综合得分", "Score")} value={v.score} suffix={`/ 100 · ${v.grade}`} />
            {Object.entries(v.dimensions).map(([k, d]) => (
              <Statistic key={k} title={`${tx(...DIMENSIONS[k])} ×${d.weight}`} value={d.score ?? "—"} />
            ))}
          </Space>
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="indicator"
            pagination={false}
            dataSource={v.lines}
            columns={[
              { title: tx("维度", "Dimension"), dataIndex: "dimension", render: (x: string) => tx(...DIMENSIONS[x]) },
              { title: tx("指标", "Indicator"), dataIndex: "label" },
              { title: tx("依据", "Input"), dataIndex: "input" },
              { title: tx("得分", "Score"), dataIndex: "score", render: (x: number | null) => x ?? tx("未评", "n/a") },
              { title: tx("权重", "Weight"), dataIndex: "weight" },
              { title: tx("贡献", "Contribution"), dataIndex: "contribution" },
              { title: tx("说明", "Explanation"), dataIndex: "explanation" },
            ]}
          />
          {v.notes.map((n) => (
            <Typography.Paragraph key={n} type="secondary" style={{ marginTop: 8 }}>
              {n}
            </Typography.Paragraph>
          ))}
        </>
      )}
    </Card>
  );
}
