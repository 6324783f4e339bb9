import { DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import { REPORT_SECTIONS, type ReportData, type ReportDetail, reportCharts } from "@zhichan/shared";
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Space, Table, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { getReport, reportPdfUrl, reportPrintUrl, reportXlsxUrl } from "../../api/analytics";
import { EChart } from "../../charts/EChart";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import "./analytics.css";
import "./reportEcharts";

const pct = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${(x * 100).toFixed(1)}%`);

/** One navigation report: progress while its job runs, then every section with its reading, charts and numbers. */
export function ReportPage() {
  const id = Number(useParams().id);
  const [tick, setTick] = useState(0);
  const report = useAsync((s) => getReport(id, s), [id, tick]);
  const r = report.data;
  const running = r && (r.status === "queued" || r.status === "running");
  useEffect(() => {
    if (!running) return;
    const t = setTimeout(() => setTick((x) => x + 1), 800);
    return () => clearTimeout(t);
  }, [running]);

  if (report.error && !r) return <ErrorView error={report.error} />;
  if (!r) return <PageLoading />;
  return (
    <div className="page report-page">
      <Typography.Title level={2}>{r.title}</Typography.Title>
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 120, whiteSpace: "nowrap" } }}>
        <Descriptions.Item label="检索式">
          <code className="report-query">{r.params.q}</code>
        </Descriptions.Item>
        {r.params.industryName && <Descriptions.Item label="产业专题库">{r.params.industryName}</Descriptions.Item>}
        {r.params.focusName && (
          <Descriptions.Item label="聚焦地区">{`${r.params.focusName}（${r.params.focus}）`}</Descriptions.Item>
        )}
        <Descriptions.Item label="数据快照">
          {r.snapshotAt ? `${r.snapshotAt.slice(0, 19).replace("T", " ")} UTC · 数据序号 ${r.snapshotSeq}` : "—"}
          {r.tookMs !== null && ` · 用时 ${(r.tookMs / 1000).toFixed(1)} 秒`}
        </Descriptions.Item>
      </Descriptions>
      {running && (
        <Card size="small" style={{ marginTop: 12 }}>
          <Progress percent={Math.round(r.progress * 100)} status="active" />
          <Typography.Text type="secondary">{r.message ?? "排队中 · queued"}</Typography.Text>
        </Card>
      )}
      {r.status === "failed" && (
        <Alert type="error" showIcon message={`报告失败：${r.message ?? ""}`} style={{ marginTop: 12 }} />
      )}
      {r.status === "done" && r.data && (
        <>
          <Space style={{ margin: "12px 0" }} wrap>
            <Button icon={<DownloadOutlined />} href={reportPdfUrl(r.id)} type="primary">
              导出 PDF
            </Button>
            <Button icon={<DownloadOutlined />} href={reportXlsxUrl(r.id)}>
              导出 XLSX
            </Button>
            <Button icon={<PrinterOutlined />} href={reportPrintUrl(r.id)} target="_blank">
              打印版
            </Button>
          </Space>
          <ReportBody r={r} data={r.data} />
        </>
      )}
    </div>
  );
}

function Reading({ lines }: { lines: string[] }) {
  return (
    <ul className="report-reading">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

function ReportBody({ r, data }: { r: ReportDetail; data: ReportData }) {
  const charts = useMemo(() => reportCharts(data), [data]);
  return (
    <>
      {REPORT_SECTIONS.map((s) => {
        if (s.key === "conclusions")
          return (
            <Card key={s.key} title={s.title} size="small" className="report-section">
              <ol>
                {data.conclusions.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ol>
            </Card>
          );
        const sec = data[s.key] as { reading: string[] };
        const mine = charts.filter((c) => c.section === s.key);
        return (
          <Card key={s.key} title={s.title} size="small" className="report-section">
            <Reading lines={s.key === "scope" ? [...sec.reading, ...(r.strategy?.notes ?? [])] : sec.reading} />
            <Row gutter={16}>
              {mine.map((c) => (
                <Col key={c.id} xs={24} lg={mine.length > 1 ? 12 : 24}>
                  <Typography.Text strong>{c.title}</Typography.Text>
                  <EChart option={c.option} height={c.height} label={c.title} testId={`report-chart-${c.id}`} />
                </Col>
              ))}
            </Row>
            <SectionTable k={s.key} r={r} data={data} />
          </Card>
        );
      })}
    </>
  );
}

function SectionTable({ k, r, data }: { k: keyof ReportData; r: ReportDetail; data: ReportData }) {
  const small = { size: "small" as const, pagination: false as const, style: { marginTop: 8 } };
  switch (k) {
    case "scope":
      return (
        <Table
          {...small}
          rowKey="label"
          dataSource={r.strategy?.clauses ?? []}
          columns={[
            { title: "条件", dataIndex: "label", width: 220 },
            { title: "检索式", dataIndex: "query", ellipsis: true },
            { title: "命中", dataIndex: "count", width: 90, align: "right" },
          ]}
        />
      );
    case "applicants":
      return (
        <Table
          {...small}
          rowKey="key"
          dataSource={data.applicants.top}
          columns={[
            { title: "申请人", dataIndex: "name" },
            { title: "件数", dataIndex: "count", align: "right" },
            { title: "占比", dataIndex: "share", render: pct, align: "right" },
            { title: "首次申请", dataIndex: "firstYear" },
            { title: "近三年 / 前三年", render: (_, a) => `${a.recent} / ${a.previous}` },
            { title: "增长", dataIndex: "growth", render: pct, align: "right" },
            { title: "主要 IPC", render: (_, a) => a.ipcMix.map((m) => `${m.code}(${m.count})`).join(" ") },
          ]}
        />
      );
    case "concentration":
      return (
        <Descriptions size="small" column={4}>
          <Descriptions.Item label="申请人数">{data.concentration.applicants}</Descriptions.Item>
          <Descriptions.Item label="CR4">{pct(data.concentration.cr4)}</Descriptions.Item>
          <Descriptions.Item label="CR8">{pct(data.concentration.cr8)}</Descriptions.Item>
          <Descriptions.Item label="HHI">{Math.round(data.concentration.hhi)}</Descriptions.Item>
        </Descriptions>
      );
    case "inventors":
      return (
        <Table
          {...small}
          rowKey={(t) => t.members.join(",")}
          dataSource={data.inventors.teams}
          columns={[
            { title: "团队（前 6 名成员）", render: (_, t) => t.members.join("、") },
            { title: "人数", dataIndex: "size", align: "right" },
            { title: "共同完成件数", dataIndex: "patents", align: "right" },
          ]}
        />
      );
    case "regions":
      return data.regions.focus ? (
        <Table
          {...small}
          rowKey="code"
          dataSource={data.regions.focus.rta}
          columns={[
            { title: "IPC 小类", dataIndex: "code" },
            { title: `${data.regions.focus.name}件数`, dataIndex: "focusCount", align: "right" },
            { title: "命中件数", dataIndex: "totalCount", align: "right" },
            { title: "本地占比", dataIndex: "focusShare", render: pct, align: "right" },
            { title: "RTA", dataIndex: "rta", align: "right" },
          ]}
        />
      ) : null;
    case "citations":
      return (
        <Table
          {...small}
          rowKey="id"
          dataSource={data.citations.top}
          columns={[
            {
              title: "公开号",
              dataIndex: "pubNo",
              width: 180,
              render: (v: string, c) => <a href={`/patents/${c.id}`}>{v}</a>,
            },
            { title: "标题", dataIndex: "title" },
            { title: "被引", dataIndex: "citedBy", align: "right", width: 80 },
          ]}
        />
      );
    default:
      return null;
  }
}
