import type { PatentImportJob } from "@zhichan/shared";
import { Button, Progress, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { localTime, useDataLabels } from "../dataquality/labels";

const STATUS_COLOR: Record<string, string> = { done: "green", running: "blue", failed: "red", queued: "gold" };

/** Imports made in the web app, newest first; "open" shows one's progress or result. */
export function ImportJobsTable({
  jobs,
  loading,
  onOpen,
}: {
  jobs: PatentImportJob[];
  loading: boolean;
  onOpen: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = useDataLabels();
  return (
    <Table<PatentImportJob>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={jobs}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t("imports.history.empty") }}
      data-testid="import-jobs"
      columns={[
        {
          title: t("imports.history.file"),
          dataIndex: "fileName",
          width: 200,
          render: (v: string) => <span className="dq-file">{v}</span>,
        },
        { title: t("imports.history.source"), dataIndex: "source", width: 130 },
        {
          title: t("imports.history.authority"),
          dataIndex: "authority",
          width: 100,
          render: (v: string) => labels.authority(v),
        },
        {
          title: t("imports.history.status"),
          dataIndex: "status",
          width: 90,
          render: (v: string) => <Tag color={STATUS_COLOR[v]}>{labels.runStatus(v)}</Tag>,
        },
        {
          title: t("imports.history.progress"),
          key: "progress",
          width: 120,
          render: (_, j) =>
            j.status === "done" ? null : (
              <Progress
                size="small"
                percent={j.progress.total ? Math.round((j.progress.done / j.progress.total) * 100) : 0}
              />
            ),
        },
        {
          title: t("imports.history.counts"),
          key: "counts",
          width: 230,
          render: (_, j) =>
            j.counts
              ? t("imports.history.countsValue", {
                  inserted: j.counts.inserted.toLocaleString(),
                  updated: j.counts.updated.toLocaleString(),
                  unchanged: j.counts.unchanged.toLocaleString(),
                  rejected: j.counts.rejected.toLocaleString(),
                })
              : "—",
        },
        {
          title: t("imports.history.createdAt"),
          dataIndex: "createdAt",
          width: 140,
          render: (v: string) => localTime(v, i18n.language),
        },
        { title: t("imports.history.by"), key: "by", width: 100, render: (_, j) => j.createdBy?.name ?? "—" },
        {
          title: "",
          key: "open",
          width: 70,
          render: (_, j) => (
            <Button size="small" type="link" onClick={() => onOpen(j.id)}>
              {t("imports.history.view")}
            </Button>
          ),
        },
      ]}
    />
  );
}
