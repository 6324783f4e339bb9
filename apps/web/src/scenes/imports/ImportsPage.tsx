import type { PatentImportJobDetail, PatentImportPreview, PatentImportPreviewBody } from "@zhichan/shared";
import { App, Button, Card, Steps } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import {
  getImportFields,
  getImportJob,
  getImportProfiles,
  listImportJobs,
  previewImport,
  startImport,
} from "../../api/imports";
import { useAsync } from "../../components/useAsync";
import { useLocalError } from "../../components/useLocalError";
import { DataImportGate } from "../dataquality/PermissionGate";
import { DetectedCard } from "./DetectedCard";
import { FilePicker } from "./FilePicker";
import { ImportJobsTable } from "./ImportJobsTable";
import { JobPanel } from "./JobPanel";
import { MappingEditor } from "./MappingEditor";
import { PreviewTable } from "./PreviewTable";
import { StartForm } from "./StartForm";
import "../dataquality/dataQuality.css";
import "./imports.css";

/** /imports — officials load patent files in the web app: upload, check, map, start, follow, result (issue #14). */
export function ImportsPage() {
  return (
    <div className="page dq-page imp-page">
      <DataImportGate next="/imports">
        <ImportFlow />
      </DataImportGate>
    </div>
  );
}

function ImportFlow() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useLocalError();
  const fields = useAsync((s) => getImportFields(s), []);
  const profiles = useAsync((s) => getImportProfiles(s), []);
  const jobs = useAsync((s) => listImportJobs(s), []);
  const [preview, setPreview] = useState<PatentImportPreview | null>(null);
  const [remapping, setRemapping] = useState(false);
  const [job, setJob] = useState<PatentImportJobDetail | null>(null);
  const [jobStatus, setJobStatus] = useState<PatentImportJobDetail["status"] | null>(null);
  const onJobStatus = (status: PatentImportJobDetail["status"]) => {
    setJobStatus(status);
    // Once it ends, the import list beside it is out of date.
    if (status === "done" || status === "failed") jobs.reload();
  };

  const remap = async (body: PatentImportPreviewBody) => {
    if (!preview) return;
    setRemapping(true);
    try {
      setPreview(await previewImport(preview.upload.id, body));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setRemapping(false);
    }
  };
  const start = async (body: Parameters<typeof startImport>[1]) => {
    if (!preview) return;
    const started = await startImport(preview.upload.id, {
      ...body,
      mapping: Object.keys(preview.mapping).length ? preview.mapping : undefined,
      profileId: preview.profileId ?? undefined,
    });
    setJob(started);
    setPreview(null);
    jobs.reload();
  };
  const startOver = () => {
    setJob(null);
    setPreview(null);
  };
  const open = (id: number) =>
    getImportJob(id).then(
      (j) => {
        setPreview(null);
        setJob(j);
        window.scrollTo({ top: 0 });
      },
      (e) => message.error(errorText(e)),
    );

  const step = job ? (jobStatus === "done" || jobStatus === "failed" ? 3 : 2) : preview ? 1 : 0;
  const allRejected = !!preview && preview.rows.length > 0 && preview.rows.every((r) => !r.ok);
  // The server refuses to start while no column gives the publication number: say so before the button is pressed.
  const noKey = !!preview && preview.problems.some((x) => x.code === "no_pub_no_column");
  return (
    <>
      <div className="dq-head">
        <div>
          <h1 className="page-title">{t("imports.title")}</h1>
          <div className="muted imp-intro">{t("imports.intro")}</div>
        </div>
        <Link to="/data-quality">
          <Button>{t("dataQuality.title")}</Button>
        </Link>
      </div>
      <Steps
        size="small"
        current={step}
        className="imp-steps"
        items={[
          { title: t("imports.steps.upload") },
          { title: t("imports.steps.check") },
          { title: t("imports.steps.start") },
          { title: t("imports.steps.result") },
        ]}
      />
      <div className="imp-flow">
        {job ? (
          <JobPanel initial={job} onStatus={onJobStatus} onAnother={startOver} />
        ) : preview ? (
          <>
            <DetectedCard
              p={preview}
              extra={
                <Button size="small" onClick={startOver} data-action="another-file">
                  {t("imports.upload.another")}
                </Button>
              }
            />
            <MappingEditor
              p={preview}
              fields={fields.data?.fields ?? []}
              profiles={profiles.data?.items ?? []}
              busy={remapping}
              onRemap={remap}
              onProfilesChanged={profiles.reload}
            />
            <PreviewTable p={preview} loading={remapping} />
            <StartForm
              key={preview.upload.id}
              defaultSource={`${preview.detected.layout === "unknown" ? "upload" : preview.detected.layout}-${dayjs().format("YYYYMMDD")}`}
              defaultAuthority={preview.upload.kind === "xml" ? "official" : "vendor"}
              disabledReason={noKey ? t("imports.start.noKey") : allRejected ? t("imports.start.nothing") : null}
              onStart={start}
            />
          </>
        ) : (
          <Card size="small" title={t("imports.steps.upload")}>
            <FilePicker profiles={profiles.data?.items ?? []} onUploaded={setPreview} />
          </Card>
        )}
        <Card size="small" title={t("imports.history.title")} className="dq-table-card">
          <ImportJobsTable jobs={jobs.data?.items ?? []} loading={jobs.loading} onOpen={open} />
        </Card>
      </div>
    </>
  );
}
