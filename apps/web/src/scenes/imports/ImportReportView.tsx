import { DownloadOutlined, SearchOutlined } from "@ant-design/icons";
import type { PatentImportJobDetail, PatentImportReport } from "@zhichan/shared";
import { Alert, Button, Statistic } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useDataLabels } from "../dataquality/labels";
import { useIssueWords } from "./issueText";

/** Field → count as a list of words, largest first. */
function FieldCounts({ counts, empty }: { counts: Record<string, number>; empty: string }) {
  const labels = useDataLabels();
  const { t } = useTranslation();
  const rows = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  if (!rows.length) return <p className="raw-value">{empty}</p>;
  return (
    <ul className="imp-field-counts">
      {rows.map(([field, n]) => (
        <li key={field}>
          <span>{labels.field(field)}</span>
          <span className="imp-count">{t("imports.result.records", { n: n.toLocaleString() })}</span>
        </li>
      ))}
    </ul>
  );
}

/** A finished import: new / updated / unchanged / rejected, per-field changes and conflicts, events, rejected rows. */
export function ImportReportView({
  job,
  report,
  extraAction,
}: {
  job: PatentImportJobDetail;
  report: PatentImportReport;
  /** Shown beside the download and search buttons (e.g. "import another file"). */
  extraAction?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const words = useIssueWords();
  const r = report;
  const figures = [
    ["inserted", r.inserted],
    ["updated", r.updated],
    ["unchanged", r.unchanged],
    ["rejected", r.rejected],
    ["warnings", r.warnings],
  ] as const;
  return (
    <div className="imp-report" data-testid="import-report">
      {r.status === "skipped" ? <Alert type="info" showIcon message={t("imports.result.skipped")} /> : null}
      <div className="imp-figures">
        {figures.map(([k, v]) => (
          <div key={k} className={`imp-figure imp-figure-${k}`} data-count={k}>
            <Statistic title={t(`imports.result.${k}`)} value={v} />
          </div>
        ))}
      </div>
      <p className="raw-value">
        {[
          t("imports.result.seconds", { s: r.seconds.toFixed(1) }),
          r.asOf ? t("imports.result.asOf", { date: r.asOf }) : null,
          r.resumedAfterRow ? t("imports.result.resumed", { row: r.resumedAfterRow }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <div className="imp-report-grid">
        <div>
          <h4 className="imp-subtitle">{t("imports.result.fieldChanges")}</h4>
          <FieldCounts counts={r.fieldChanges} empty={t("imports.result.noChanges")} />
          <p data-testid="status-events">{t("imports.result.statusEvents", { n: r.statusEvents })}</p>
        </div>
        <div>
          <h4 className="imp-subtitle">{t("imports.result.conflicts")}</h4>
          <FieldCounts counts={r.conflicts} empty={t("imports.result.noConflicts")} />
        </div>
      </div>
      {r.firstIssues.length > 0 && (
        <>
          <h4 className="imp-subtitle">{t("imports.result.issues")}</h4>
          <ul className="imp-issues">
            {r.firstIssues.map((i) => (
              <li key={`${i.row}-${i.reason}`} className={i.severity === "error" ? "imp-problem error" : "imp-problem"}>
                {t("imports.result.issueRow", { row: i.row })} · {t(`imports.preview.${i.severity}`)}
                {i18n.language === "en" ? ": " : "："}
                {words.rowIssue(i)}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="imp-report-actions">
        {job.rejectedUrl ? (
          <Button
            icon={<DownloadOutlined />}
            // The workbook's headings and reasons in the page's language.
            href={`${job.rejectedUrl}?lang=${i18n.language === "en" ? "en" : "zh"}`}
            data-action="download-rejected"
          >
            {t("imports.result.downloadRejected")}
          </Button>
        ) : null}
        {r.inserted + r.updated > 0 && (
          <Link to="/search">
            <Button icon={<SearchOutlined />}>{t("imports.result.search")}</Button>
          </Link>
        )}
        {extraAction}
      </div>
    </div>
  );
}
