import { DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import { REPORT_SECTIONS, type ReportData, type ReportDetail, reportCharts } from "@zhichan/shared";
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Space, Table, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { getReport, reportPdfUrl, reportPrintUrl, reportXlsxUrl } from "../../api/analytics";
import { EChart } from "../../charts/EChart";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { localMessage } from "../../i18n/apiErrors";
import { useCodes } from "../../i18n/useCodes";
import "./analytics.css";
import "./reportEcharts";

const pct = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${(x * 100).toFixed(1)}%`);
const time = (v: string) => v.slice(0, 19).replace("T", " ");

/**
 * One navigation report: progress while its job runs, then every section with its reading, charts and numbers.
 * The report's own text (title, readings, chart titles, conclusions) is generated in Chinese as the standard's report
 * is: it is marked as content (data-content, lang) and the English UI says so; headings and tables are translated.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { code, region } = useCodes();
  const id = Number(useParams().id);
  const [tick, setTick] = useState(0);
  const report = useAsync((s) => getReport(id, s), [id, tick]);
  const r = report.data;
  const running = r && (r.status === "queued" || r.status === "running");
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setTick((x) => x + 1), 800);
    return () => clearTimeout(timer);
  }, [running]);

  if (report.error && !r) return <ErrorView error={report.error} />;
  if (!r) return <PageLoading />;
  return (
    <div className="page report-page">
      <Typography.Title level={2}>
        <span data-content lang="zh-CN">
          {r.title}
        </span>
      </Typography.Title>
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 120, whiteSpace: "nowrap" } }}>
        <Descriptions.Item label={t("report.query")}>
          <code className="report-query">{r.params.q}</code>
        </Descriptions.Item>
        {r.params.industryName && (
          <Descriptions.Item label={t("report.industry")}>
            <span data-content>{r.params.industryName}</span>
          </Descriptions.Item>
        )}
        {r.params.focus && (
          <Descriptions.Item label={t("report.focus")}>{region(r.params.focus, r.params.focusName)}</Descriptions.Item>
        )}
        <Descriptions.Item label={t("grouping.reportUnit")}>
          <span data-testid="report-unit">{t(`grouping.reportUnits.${r.params.unit ?? "publication"}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("report.snapshot")}>
          {r.snapshotAt ? t("report.snapshotValue", { at: time(r.snapshotAt), seq: r.snapshotSeq }) : "—"}
          {r.tookMs !== null && t("report.took", { s: (r.tookMs / 1000).toFixed(1) })}
        </Descriptions.Item>
      </Descriptions>
      {running && (
        <Card size="small" style={{ marginTop: 12 }}>
          <Progress percent={Math.round(r.progress * 100)} status="active" />
          <Typography.Text type="secondary">
            {(r.message && localMessage(r.message)) || code("reportStatus", r.status)}
          </Typography.Text>
        </Card>
      )}
      {r.status === "failed" && (
        <Alert
          type="error"
          showIcon
          message={t("report.failed", { message: (r.message && localMessage(r.message)) || "" })}
          style={{ marginTop: 12 }}
        />
      )}
      {r.status === "done" && r.data && (
        <>
          <Space style={{ margin: "12px 0" }} wrap>
            <Button icon={<DownloadOutlined />} href={reportPdfUrl(r.id)} type="primary">
              {t("report.exportPdf")}
            </Button>
            <Button icon={<DownloadOutlined />} href={reportXlsxUrl(r.id)}>
              {t("report.exportXlsx")}
            </Button>
            <Button icon={<PrinterOutlined />} href={reportPrintUrl(r.id)} target="_blank">
              {t("report.print")}
            </Button>
          </Space>
          {t("report.languageNote") && (
            <Alert type="info" showIcon message={t("report.languageNote")} style={{ marginBottom: 12 }} />
          )}
          <ReportBody r={r} data={r.data} />
        </>
      )}
    </div>
  );
}

function Reading({ lines }: { lines: string[] }) {
  return (
    <ul className="report-reading" data-content lang="zh-CN">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

function ReportBody({ r, data }: { r: ReportDetail; data: ReportData }) {
  const { t } = useTranslation();
  const charts = useMemo(() => reportCharts(data), [data]);
  return (
    <>
      {REPORT_SECTIONS.map((s) => {
        if (s.key === "conclusions")
          return (
            <Card key={s.key} title={t(`report.sections.${s.key}`)} size="small" className="report-section">
              <ol data-content lang="zh-CN">
                {data.conclusions.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ol>
            </Card>
          );
        const sec = data[s.key] as { reading: string[] } | undefined;
        if (!sec) return null; // a section added after the report was made
        const mine = charts.filter((c) => c.section === s.key);
        return (
          <Card key={s.key} title={t(`report.sections.${s.key}`)} size="small" className="report-section">
            <Reading lines={s.key === "scope" ? [...sec.reading, ...(r.strategy?.notes ?? [])] : sec.reading} />
            <Row gutter={16}>
              {mine.map((c) => (
                <Col key={c.id} xs={24} lg={mine.length > 1 ? 12 : 24}>
                  <Typography.Text strong data-content lang="zh-CN">
                    {c.title}
                  </Typography.Text>
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
  const { t } = useTranslation();
  const { region } = useCodes();
  const small = { size: "small" as const, pagination: false as const, style: { marginTop: 8 } };
  switch (k) {
    case "scope":
      return (
        <Table
          {...small}
          rowKey="label"
          dataSource={r.strategy?.clauses ?? []}
          columns={[
            {
              title: t("report.col.condition"),
              dataIndex: "label",
              width: 220,
              render: (v: string) => localMessage(v) ?? v,
            },
            { title: t("report.col.query"), dataIndex: "query", ellipsis: true },
            { title: t("report.col.hits"), dataIndex: "count", width: 90, align: "right" },
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
            { title: t("report.col.applicant"), dataIndex: "name" },
            { title: t("report.col.count"), dataIndex: "count", align: "right" },
            { title: t("report.col.share"), dataIndex: "share", render: pct, align: "right" },
            { title: t("report.col.firstYear"), dataIndex: "firstYear" },
            { title: t("report.col.recentPrevious"), render: (_, a) => `${a.recent} / ${a.previous}` },
            { title: t("report.col.growth"), dataIndex: "growth", render: pct, align: "right" },
            {
              title: t("report.col.mainIpc"),
              render: (_, a) => a.ipcMix.map((m) => `${m.code}(${m.count})`).join(" "),
            },
          ]}
        />
      );
    case "concentration":
      return (
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={t("report.col.applicants")}>{data.concentration.applicants}</Descriptions.Item>
          <Descriptions.Item label="CR4">{pct(data.concentration.cr4)}</Descriptions.Item>
          <Descriptions.Item label="CR8">{pct(data.concentration.cr8)}</Descriptions.Item>
          <Descriptions.Item label="HHI">{Math.round(data.concentration.hhi)}</Descriptions.Item>
        </Descriptions>
      );
    case "inventors":
      return (
        <Table
          {...small}
          rowKey={(team) => team.members.join(",")}
          dataSource={data.inventors.teams}
          columns={[
            { title: t("report.col.team"), render: (_, team) => team.members.join("、") },
            { title: t("report.col.size"), dataIndex: "size", align: "right" },
            { title: t("report.col.jointPatents"), dataIndex: "patents", align: "right" },
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
            { title: t("report.col.ipcSubclass"), dataIndex: "code" },
            {
              title: t("report.col.focusCount", { name: region(r.params.focus, data.regions.focus.name) }),
              dataIndex: "focusCount",
              align: "right",
            },
            { title: t("report.col.totalCount"), dataIndex: "totalCount", align: "right" },
            { title: t("report.col.focusShare"), dataIndex: "focusShare", render: pct, align: "right" },
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
              title: t("report.col.pubNo"),
              dataIndex: "pubNo",
              width: 180,
              render: (v: string, c) => <a href={`/patents/${c.id}`}>{v}</a>,
            },
            { title: t("report.col.title"), dataIndex: "title" },
            { title: t("report.col.citedBy"), dataIndex: "citedBy", align: "right", width: 90 },
          ]}
        />
      );
    case "techEffect":
      // the interactive matrix of the same hit set: cells open their hits, branches and effects can be edited
      return (
        <Link
          to={`/matrix?q=${encodeURIComponent(r.params.q)}&group=${r.params.unit ?? "publication"}`}
          data-testid="report-open-matrix"
        >
          {t("matrix.openFromReport")}
        </Link>
      );
    default:
      return null;
  }
}
