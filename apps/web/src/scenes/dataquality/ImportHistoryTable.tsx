import type { DataQuality } from "@zhichan/shared";
import { Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { localTime, useDataLabels } from "./labels";

export type ImportRunRow = DataQuality["imports"][number];

const STATUS_COLOR: Record<string, string> = { done: "green", running: "blue", failed: "red", queued: "gold" };

/** Import runs, newest first: file, source, authority, layout, status, rows accepted/rejected, the file's SHA-256. */
export function ImportHistoryTable({ runs, loading }: { runs: ImportRunRow[]; loading?: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = useDataLabels();
  return (
    <Table<ImportRunRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={runs}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      // The table scrolls inside its card: never the page (390 px phones).
      scroll={{ x: 980 }}
      locale={{ emptyText: t("dataQuality.noImports") }}
      data-testid="import-history"
      columns={[
        {
          title: t("dataQuality.col.file"),
          dataIndex: "file",
          width: 200,
          render: (v: string) => <span className="dq-file">{v}</span>,
        },
        { title: t("dataQuality.col.source"), dataIndex: "source", width: 120 },
        {
          title: t("dataQuality.col.authority"),
          dataIndex: "authority",
          width: 100,
          render: (v: string) => labels.authority(v),
        },
        {
          title: t("dataQuality.col.layout"),
          dataIndex: "layout",
          width: 140,
          render: (v: string | null) => labels.layout(v),
        },
        {
          title: t("dataQuality.col.status"),
          dataIndex: "status",
          width: 100,
          render: (v: string) => <Tag color={STATUS_COLOR[v]}>{labels.runStatus(v)}</Tag>,
        },
        {
          title: t("dataQuality.col.ok"),
          dataIndex: "rowsOk",
          width: 80,
          align: "right",
          render: (v: number) => v.toLocaleString(),
        },
        {
          title: t("dataQuality.col.bad"),
          dataIndex: "rowsBad",
          width: 80,
          align: "right",
          render: (v: number) => (v ? <Typography.Text type="danger">{v.toLocaleString()}</Typography.Text> : 0),
        },
        {
          title: t("dataQuality.col.startedAt"),
          dataIndex: "startedAt",
          width: 140,
          render: (v: string) => localTime(v, i18n.language),
        },
        {
          title: t("dataQuality.col.sha256"),
          dataIndex: "sha256",
          width: 130,
          render: (v: string) => (
            <Typography.Text
              className="dq-sha"
              copyable={{ text: v, tooltips: [t("dataQuality.copy"), t("dataQuality.copied")] }}
              title={v}
            >
              {v.slice(0, 10)}…
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
