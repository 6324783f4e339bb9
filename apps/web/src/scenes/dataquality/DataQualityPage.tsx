import { ReloadOutlined } from "@ant-design/icons";
import type { DataQuality } from "@zhichan/shared";
import { Alert, Button, Card, Skeleton, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getDataQuality } from "../../api/dataQuality";
import { useAsync } from "../../components/useAsync";
import { useLocalError } from "../../components/useLocalError";
import { CoverageChart } from "./CoverageChart";
import { ImportHistoryTable } from "./ImportHistoryTable";
import { percent, useDataLabels } from "./labels";
import { MergeList } from "./MergeList";
import { DataImportGate } from "./PermissionGate";
import { SuggestionList } from "./SuggestionList";
import "./dataQuality.css";

/** /data-quality — what the loaded data holds and lacks, for the officials who import it (issue #14 item 9). */
export function DataQualityPage() {
  return (
    <div className="page dq-page">
      <DataImportGate next="/data-quality">
        <DataQualityReport />
      </DataImportGate>
    </div>
  );
}

function DataQualityReport() {
  const { t } = useTranslation();
  const errorText = useLocalError();
  const res = useAsync((s) => getDataQuality(s), []);
  const d = res.data;
  return (
    <>
      <div className="dq-head">
        <div>
          <h1 className="page-title">{t("dataQuality.title")}</h1>
          {d && <div className="muted">{t("dataQuality.intro", { n: d.patents.toLocaleString() })}</div>}
        </div>
        <Button icon={<ReloadOutlined />} onClick={res.reload} loading={res.loading}>
          {t("dataQuality.reload")}
        </Button>
      </div>
      {res.error ? <Alert type="error" showIcon message={errorText(res.error)} /> : null}
      {!d ? res.error ? null : <Skeleton active paragraph={{ rows: 12 }} /> : <Report d={d} reload={res.reload} />}
    </>
  );
}

function Report({ d, reload }: { d: DataQuality; reload: () => void }) {
  const { t } = useTranslation();
  const labels = useDataLabels();
  const ruleTotal = d.regionRules.reduce((n, r) => n + r.count, 0) || 1;
  return (
    <div className="dq-grid">
      <Card
        size="small"
        title={t("dataQuality.coverage")}
        extra={<span className="raw-value">{t("dataQuality.coverageHint")}</span>}
        className="dq-wide"
      >
        <CoverageChart coverage={d.coverage} total={d.patents} />
      </Card>

      <div className="dq-column">
        <Card
          size="small"
          title={t("dataQuality.regionRules")}
          extra={<span className="raw-value">{t("dataQuality.regionRulesHint")}</span>}
        >
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => r.value ?? "unknown"}
            dataSource={d.regionRules}
            data-testid="region-rules"
            columns={[
              { title: t("dataQuality.rule"), dataIndex: "value", render: (v: string | null) => labels.regionRule(v) },
              {
                title: t("dataQuality.count"),
                dataIndex: "count",
                align: "right",
                render: (v: number) => v.toLocaleString(),
              },
              {
                title: t("dataQuality.share"),
                dataIndex: "count",
                key: "share",
                align: "right",
                render: (v: number) => percent(v / ruleTotal),
              },
            ]}
          />
        </Card>

        <Card size="small" title={t("dataQuality.unknownStatuses")}>
          <p className="raw-value">{t("dataQuality.unknownTotal", { n: d.unknownStatuses.total.toLocaleString() })}</p>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => r.value ?? ""}
            dataSource={d.unknownStatuses.top}
            locale={{ emptyText: t("dataQuality.none") }}
            data-testid="unknown-statuses"
            columns={[
              {
                title: t("dataQuality.rawValue"),
                dataIndex: "value",
                render: (v: string | null) => v ?? <span className="raw-value">{t("dataQuality.blankValue")}</span>,
              },
              {
                title: t("dataQuality.count"),
                dataIndex: "count",
                align: "right",
                render: (v: number) => v.toLocaleString(),
              },
            ]}
          />
        </Card>

        <Card size="small" title={t("dataQuality.withoutRegion")}>
          <p className="raw-value">
            {t("dataQuality.withoutRegionTotal", { n: d.applicantsWithoutRegion.total.toLocaleString() })}
          </p>
          <Table
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            rowKey="id"
            dataSource={d.applicantsWithoutRegion.top}
            locale={{ emptyText: t("dataQuality.none") }}
            data-testid="applicants-without-region"
            columns={[
              {
                title: t("dataQuality.applicant"),
                dataIndex: "name",
                render: (v: string, r) => <Link to={`/applicants/${r.id}`}>{v}</Link>,
              },
              { title: t("dataQuality.patents"), dataIndex: "patents", align: "right", width: 90 },
            ]}
          />
        </Card>
      </div>
      <div className="dq-column">
        <Card size="small" title={t("mergeSuggestions.title")} data-testid="merge-suggestions">
          <p className="raw-value">{t("mergeSuggestions.hint")}</p>
          {/* A decision changes the recorded merges below: the report reloads with the list. */}
          <SuggestionList onDecided={reload} />
        </Card>
        <Card size="small" title={t("dataQuality.merges")}>
          <p className="raw-value">{t("dataQuality.mergesHint")}</p>
          {d.merges.byRule.length > 0 && (
            <div className="dq-rule-tags">
              <span className="raw-value">{t("dataQuality.mergesByRule")}:</span>
              {d.merges.byRule.map((r) => (
                <Tag key={r.value ?? ""}>
                  {labels.mergeRule(r.value ?? "")} · {r.count.toLocaleString()}
                </Tag>
              ))}
            </div>
          )}
          <MergeList merges={d.merges.recent} emptyText={t("dataQuality.noMerges")} />
        </Card>
      </div>

      <Card size="small" title={t("dataQuality.imports")} className="dq-wide dq-table-card">
        <p className="raw-value">{t("dataQuality.importsHint")}</p>
        <ImportHistoryTable runs={d.imports} />
      </Card>
    </div>
  );
}
