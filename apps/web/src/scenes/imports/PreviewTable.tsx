import type { PatentImportPreview, PatentImportPreviewRow } from "@zhichan/shared";
import { Card, Table, Tag, Tooltip } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { useDataLabels } from "../dataquality/labels";
import { useIssueWords } from "./issueText";

/** The first rows as they will be stored (normalised values; the source's words beside them); nothing written. */
export function PreviewTable({ p, loading }: { p: PatentImportPreview; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = useDataLabels();
  const words = useIssueWords();
  const sep = i18n.language === "en" ? "; " : "；";
  const hasWhere = p.rows.some((r) => r.place);
  const word = (section: "types" | "statuses", code: string | null, raw: string | null) =>
    code ? t(`${section}.${code}`, { defaultValue: raw ?? code }) : (raw ?? "—");
  const columns: ColumnsType<PatentImportPreviewRow> = [
    { title: t("imports.preview.row"), dataIndex: "row", width: 64, fixed: "left" },
    ...(hasWhere
      ? [
          {
            title: t("imports.preview.where"),
            key: "where",
            width: 140,
            render: (_: unknown, r: PatentImportPreviewRow) => <span className="dq-file">{words.place(r.place)}</span>,
          },
        ]
      : []),
    {
      title: t("imports.preview.result"),
      key: "ok",
      width: 150,
      render: (_, r) => (
        <div className="imp-row-result">
          <Tag color={r.ok ? "green" : "red"}>{r.ok ? t("imports.preview.ok") : t("imports.preview.rejected")}</Tag>
          {r.problems.map((x) => (
            <div key={x.message} className={x.severity === "error" ? "imp-problem error" : "imp-problem"}>
              {t(`imports.preview.${x.severity}`)}
              {i18n.language === "en" ? ": " : "："}
              {words.problem(x)}
            </div>
          ))}
        </div>
      ),
    },
    {
      title: t("imports.preview.pubNo"),
      key: "pubNo",
      width: 150,
      render: (_, r) => r.patent?.pubNo ?? r.legalStatus?.appNo ?? "—",
    },
    {
      title: t("imports.preview.titleCol"),
      key: "title",
      width: 260,
      render: (_, r) =>
        r.patent ? (
          <>
            <div>{r.patent.title}</div>
            {r.patent.titleEn && r.patent.titleEn !== r.patent.title ? (
              <div className="raw-value">{r.patent.titleEn}</div>
            ) : null}
          </>
        ) : r.legalStatus ? (
          <>
            <Tag>{t("imports.preview.legalStatus")}</Tag> {r.legalStatus.code} {r.legalStatus.information}
          </>
        ) : (
          "—"
        ),
    },
    {
      title: t("imports.preview.type"),
      key: "type",
      width: 110,
      render: (_, r) => (r.patent ? word("types", r.patent.type, r.patent.typeRaw) : "—"),
    },
    {
      title: t("imports.preview.status"),
      key: "status",
      width: 120,
      render: (_, r) =>
        r.patent ? (
          <>
            {word("statuses", r.patent.status, r.patent.statusRaw)}
            {r.patent.statusRaw && r.patent.status ? <div className="raw-value">{r.patent.statusRaw}</div> : null}
          </>
        ) : (
          "—"
        ),
    },
    {
      title: t("imports.preview.appDate"),
      key: "appDate",
      width: 110,
      render: (_, r) => r.patent?.appDate ?? r.legalStatus?.date ?? "—",
    },
    {
      title: t("imports.preview.applicants"),
      key: "applicants",
      width: 200,
      render: (_, r) => (r.patent?.applicants.length ? r.patent.applicants.join(sep) : "—"),
    },
    {
      title: t("imports.preview.inventors"),
      key: "inventors",
      width: 160,
      render: (_, r) => (r.patent?.inventors.length ? r.patent.inventors.join(sep) : "—"),
    },
    { title: t("imports.preview.ipc"), key: "ipc", width: 110, render: (_, r) => r.patent?.ipcMain ?? "—" },
    {
      title: t("imports.preview.region"),
      key: "region",
      width: 150,
      render: (_, r) =>
        r.patent?.regionCode ? (
          <>
            {r.patent.regionName ?? r.patent.regionCode}
            <div className="raw-value">{labels.regionRule(r.patent.regionRule)}</div>
          </>
        ) : (
          "—"
        ),
    },
    { title: t("imports.preview.agency"), key: "agency", width: 160, render: (_, r) => r.patent?.agency ?? "—" },
    {
      title: t("imports.preview.other"),
      key: "other",
      width: 200,
      render: (_, r) => {
        const entries = Object.entries(r.patent?.otherFields ?? {});
        if (!entries.length) return "—";
        const text = entries.map(([k, v]) => `${k}: ${v}`).join(sep);
        return (
          <Tooltip title={text}>
            <span className="imp-other">{text}</span>
          </Tooltip>
        );
      },
    },
  ];
  return (
    <Card size="small" title={t("imports.preview.title")} className="dq-table-card" data-testid="import-preview">
      <p className="raw-value">
        {t("imports.preview.hint", { n: p.rowsTotal.toLocaleString(), shown: p.rows.length })}
      </p>
      <Table<PatentImportPreviewRow>
        size="small"
        rowKey={(r) => `${r.where}:${r.row}`}
        loading={loading}
        dataSource={p.rows}
        columns={columns}
        pagination={false}
        // Scrolls inside its card, never the page: the preview is as wide as the data.
        scroll={{ x: 1900 }}
        rowClassName={(r) => (r.ok ? "" : "imp-row-rejected")}
      />
    </Card>
  );
}
