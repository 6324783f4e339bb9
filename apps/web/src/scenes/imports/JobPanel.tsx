import type { PatentImportJobDetail } from "@zhichan/shared";
import { Alert, Button, Card, Progress, Tag } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { messageInLanguage, useLocalError } from "../../components/useLocalError";
import { useDataLabels } from "../dataquality/labels";
import { ImportReportView } from "./ImportReportView";
import { useImportJob } from "./useImportJob";

/** A started import: progress while it runs (polled), then its result; `onAnother` starts over with a new file. */
export function JobPanel({
  initial,
  onStatus,
  onAnother,
}: {
  initial: PatentImportJobDetail;
  /** Each status the job passes through (queued, running, done, failed). */
  onStatus?: (status: PatentImportJobDetail["status"]) => void;
  onAnother?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useLocalError();
  const labels = useDataLabels();
  const { job, error } = useImportJob(initial);
  const active = job?.status === "queued" || job?.status === "running";
  useEffect(() => {
    if (job) onStatus?.(job.status);
  }, [job?.status]);
  if (!job) return null;
  const another = onAnother ? (
    <Button onClick={onAnother} data-action="import-another">
      {t("imports.job.another")}
    </Button>
  ) : null;
  const { done, total } = job.progress;
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <Card
      size="small"
      title={`${t(active ? "imports.job.title" : "imports.result.title")} · ${job.fileName}`}
      extra={<Tag data-testid="job-status">{labels.runStatus(job.status)}</Tag>}
      data-testid="import-job"
    >
      {active && (
        <div data-testid="job-progress">
          <Progress percent={percent} status="active" />
          <div className="raw-value">
            {job.status === "queued"
              ? t("imports.job.queued")
              : total
                ? t("imports.job.running", { done: done.toLocaleString(), total: total.toLocaleString() })
                : t("imports.job.reading")}
          </div>
        </div>
      )}
      {error ? <Alert type="warning" showIcon message={errorText(error)} className="imp-error" /> : null}
      {job.status === "failed" && (
        <Alert
          type="error"
          showIcon
          message={t("imports.job.failed")}
          description={job.message ? messageInLanguage(job.message, i18n.language) : undefined}
        />
      )}
      {job.status === "done" && job.report ? (
        <ImportReportView job={job} report={job.report} extraAction={another} />
      ) : !active && another ? (
        <div className="imp-report-actions">{another}</div>
      ) : null}
    </Card>
  );
}
