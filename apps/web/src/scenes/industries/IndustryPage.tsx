import { Button, Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { getSession } from "../../api/accounts";
import { getIndustry } from "../../api/analytics";
import { EChart } from "../../charts/EChart";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { growthText } from "./IndustriesPage";
import { IndustryForm } from "./IndustryForm";
import "../navigation/analytics.css";

/** One industry database: its definition, compiled query, live size by year and top applicants. */
export function IndustryPage() {
  const id = Number(useParams().id);
  const [tick, setTick] = useState(0);
  const ind = useAsync((s) => getIndustry(id, s), [id, tick]);
  const session = useAsync((s) => getSession(s).catch(() => null), []);
  const canWrite = !!session.data?.user?.permissions.includes("industry:write");
  const [editing, setEditing] = useState(false);
  const i = ind.data;
  const option = useMemo(
    () =>
      i?.stats
        ? {
            grid: { left: 48, right: 16, top: 24, bottom: 32 },
            tooltip: { trigger: "axis" },
            xAxis: { type: "category", data: i.stats.byYear.slice(-25).map((y) => String(y.year)) },
            yAxis: { type: "value" },
            series: [{ type: "bar", name: "申请量", data: i.stats.byYear.slice(-25).map((y) => y.count) }],
          }
        : null,
    [i],
  );
  if (ind.error && !i) return <ErrorView error={ind.error} />;
  if (!i) return <PageLoading />;
  return (
    <div className="page industry-page">
      <Space style={{ justifyContent: "space-between", width: "100%" }} align="baseline">
        <Typography.Title level={2}>
          {i.seiCode && <Tag>{i.seiCode}</Tag>}
          {i.name}
        </Typography.Title>
        <Space>
          <Link to={`/search?q=${encodeURIComponent(i.query)}`}>
            <Button>检索文献</Button>
          </Link>
          <Link to={`/navigation?industry=${i.id}`}>
            <Button type="primary">生成导航报告</Button>
          </Link>
          {canWrite && <Button onClick={() => setEditing(true)}>编辑定义</Button>}
        </Space>
      </Space>
      <Descriptions size="small" bordered column={1} styles={{ label: { width: 200, whiteSpace: "nowrap" } }}>
        {i.majorName && <Descriptions.Item label="产业大类">{i.majorName}</Descriptions.Item>}
        <Descriptions.Item label="文献量">{i.stats?.size ?? "—"}</Descriptions.Item>
        <Descriptions.Item
          label={`增长（${(i.stats?.lastCompleteYear ?? 0) - 2}–${i.stats?.lastCompleteYear} 对比前三年）`}
        >
          {i.stats ? `${i.stats.previous} → ${i.stats.recent} 件（${growthText(i.stats.growth)}）` : "—"}
        </Descriptions.Item>
        <Descriptions.Item label="IPC">{i.ipcPrefixes.join("、") || "—"}</Descriptions.Item>
        <Descriptions.Item label="关键词">{i.keywords.join("、") || "—"}</Descriptions.Item>
        <Descriptions.Item label="排除项">{i.exclusions.join("、") || "—"}</Descriptions.Item>
        <Descriptions.Item label="检索式">
          <code className="report-query">{i.query}</code>
        </Descriptions.Item>
        <Descriptions.Item label="说明">{i.notes || "—"}</Descriptions.Item>
      </Descriptions>
      <Card title="年度申请量" size="small" style={{ marginTop: 16 }}>
        {option && <EChart option={option} height={260} label="年度申请量" />}
      </Card>
      <Card title="主要申请人" size="small" style={{ marginTop: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={i.stats?.topApplicants ?? []}
          columns={[
            {
              title: "申请人",
              dataIndex: "name",
              render: (v: string, a) => <Link to={`/applicants/${a.key}`}>{v}</Link>,
            },
            { title: "件数", dataIndex: "count", align: "right" },
          ]}
        />
      </Card>
      <IndustryForm
        open={editing}
        industry={i}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          setTick((x) => x + 1);
        }}
      />
    </div>
  );
}
