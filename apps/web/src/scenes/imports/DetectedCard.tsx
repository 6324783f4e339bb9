import type { PatentImportPreview } from "@zhichan/shared";
import { Alert, Card, Descriptions, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useDataLabels } from "../dataquality/labels";
import { fileSize, useDetectionLabels } from "./importLabels";
import { useIssueWords } from "./issueText";

/** What the server found in the file: layout (and why), encoding, delimiter, header row, rows, ZIP entries. */
export function DetectedCard({ p, extra }: { p: PatentImportPreview; extra?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const labels = useDataLabels();
  const words = useDetectionLabels();
  const issueWords = useIssueWords();
  const colon = i18n.language === "en" ? ": " : "：";
  const d = p.detected;
  const sep = i18n.language === "en" ? ", " : "、";
  return (
    <Card size="small" title={t("imports.detected.title")} extra={extra} data-testid="import-detected">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: "file",
            label: t("imports.detected.file"),
            children: <span className="dq-file">{p.upload.fileName}</span>,
          },
          {
            key: "kind",
            label: t("imports.detected.kind"),
            children: `${words.kind(p.upload.kind)}${p.upload.gzipped ? t("imports.detected.gzipped") : ""}`,
          },
          { key: "size", label: t("imports.detected.size"), children: fileSize(p.upload.size) },
          {
            key: "layout",
            label: t("imports.detected.layout"),
            children: <span data-testid="detected-layout">{labels.layout(d.layout)}</span>,
          },
          ...(d.layoutEvidence.length
            ? [{ key: "evidence", label: t("imports.detected.evidence"), children: d.layoutEvidence.join(sep) }]
            : []),
          { key: "encoding", label: t("imports.detected.encoding"), children: words.encoding(d.encoding) },
          { key: "delimiter", label: t("imports.detected.delimiter"), children: words.delimiter(d.delimiter) },
          {
            key: "header",
            label: t("imports.detected.headerRow"),
            children:
              d.headerRow > 0
                ? t("imports.detected.headerRowValue", { n: d.headerRow })
                : t("imports.detected.noHeader"),
          },
          {
            key: "rows",
            label: t("imports.detected.rows"),
            children: <span data-testid="detected-rows">{p.rowsTotal.toLocaleString()}</span>,
          },
          ...(d.replacedBytes
            ? [
                {
                  key: "replaced",
                  label: t("imports.detected.replacedBytes"),
                  children: t("imports.detected.replacedBytesValue", { n: d.replacedBytes }),
                },
              ]
            : []),
          {
            key: "sha",
            label: "SHA-256",
            children: (
              <Typography.Text
                className="dq-sha"
                copyable={{ text: p.upload.sha256, tooltips: [t("dataQuality.copy"), t("dataQuality.copied")] }}
              >
                {p.upload.sha256.slice(0, 16)}…
              </Typography.Text>
            ),
          },
        ]}
      />
      {d.entries?.length ? (
        <>
          <h4 className="imp-subtitle">{t("imports.detected.entries")}</h4>
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={d.entries}
            scroll={{ x: 560 }}
            columns={[
              {
                title: t("imports.detected.entryName"),
                dataIndex: "name",
                render: (v: string) => <span className="dq-file">{v}</span>,
              },
              {
                title: t("imports.detected.entryKind"),
                dataIndex: "kind",
                render: (v: string) => t(`imports.detected.entryKinds.${v}`, { defaultValue: v }),
              },
              {
                title: t("imports.detected.layout"),
                key: "layout",
                render: (_, e) => labels.layout(e.detected.layout),
              },
              {
                title: t("imports.detected.encoding"),
                key: "enc",
                render: (_, e) => words.encoding(e.detected.encoding),
              },
              { title: t("imports.detected.entryRows"), dataIndex: "rows", align: "right" },
            ]}
          />
        </>
      ) : null}
      {p.problems.length > 0 && (
        <Alert
          className="imp-warnings"
          // A missing publication-number column is an error: the import cannot start until a column is mapped.
          type={p.problems.some((x) => x.severity === "error") ? "error" : "warning"}
          showIcon
          message={t("imports.detected.warnings")}
          data-testid="import-problems"
          description={
            <ul>
              {p.problems.map((x) => (
                <li key={`${x.code}:${x.place?.file ?? ""}:${x.message}`} data-problem={x.code ?? undefined}>
                  {x.place ? `${issueWords.place(x.place)}${colon}` : null}
                  {issueWords.problem(x)}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
