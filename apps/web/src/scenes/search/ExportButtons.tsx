import { DownloadOutlined } from "@ant-design/icons";
import type { CountUnit, SearchSort } from "@zhichan/shared";
import { Alert, Button, Modal, Progress, Space, Tooltip } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, isAbort } from "../../api/client";
import { type ExportProgress, saveBlob, streamExport } from "../../api/exportStream";
import type { CrossLanguage, ExportFormat } from "../../api/search";
import { localMessage } from "../../i18n/apiErrors";
import { ExportColumnsDialog } from "./ExportColumnsDialog";
import { loadExportColumns, saveExportColumns } from "./exportColumnsStore";

type Phase = "idle" | "running" | "done" | "failed";

function percent(p: ExportProgress | null, phase: Phase): number {
  if (phase === "done") return 100;
  if (!p?.total) return 0;
  if (p.rows !== null) return Math.min(99, Math.floor((p.rows / p.total) * 100));
  // XLSX: rows cannot be counted while streaming; estimate ~300 compressed bytes a row.
  return Math.min(95, Math.floor((p.bytes / (p.total * 300)) * 100));
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Export CSV / Excel of every hit with a progress bar, then hand the file to the browser. */
export function ExportButtons({
  query,
  sort,
  total,
  group,
  crossLanguage,
}: {
  query: string;
  sort: SearchSort;
  total: number;
  /** invention: one row per application. */
  group?: CountUnit;
  /** The page's cross-language words: the export holds the same hits. */
  crossLanguage?: CrossLanguage;
}) {
  const { t } = useTranslation();
  const [columns, setColumns] = useState(() => loadExportColumns());
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string>("");
  const [capped, setCapped] = useState<string | null>(null);
  const ctl = useRef<AbortController | null>(null);

  const run = async (format: ExportFormat) => {
    ctl.current = new AbortController();
    setPhase("running");
    setProgress(null);
    setError("");
    setCapped(null);
    try {
      const res = await streamExport(query, format, sort, setProgress, ctl.current.signal, group, {
        crossLanguage,
        columns,
      });
      saveBlob(res.blob, res.filename);
      // the server's note is "中文 · English": the half in the UI's language
      setCapped(res.cappedNote && (localMessage(res.cappedNote) ?? res.cappedNote));
      setPhase("done");
    } catch (e) {
      if (isAbort(e)) {
        setPhase("idle");
        return;
      }
      setError(e instanceof ApiError ? t(`errors.${e.code}`, { defaultValue: e.message }) : String(e));
      setPhase("failed");
    }
  };

  const close = () => {
    ctl.current?.abort();
    setPhase("idle");
  };

  const rowsText =
    progress?.rows !== null && progress?.rows !== undefined
      ? t("export.progress", {
          rows: progress.rows.toLocaleString(),
          total: (progress.total ?? total).toLocaleString(),
        })
      : progress
        ? t("export.bytes", { size: formatBytes(progress.bytes) })
        : t("export.preparing");

  return (
    <>
      <Tooltip title={t("export.tooltip")}>
        <Space.Compact>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => run("csv")}
            disabled={total === 0}
            data-testid="export-csv"
          >
            {t("export.csv")}
          </Button>
          <Button onClick={() => run("xlsx")} disabled={total === 0} data-testid="export-xlsx">
            {t("export.xlsx")}
          </Button>
        </Space.Compact>
      </Tooltip>
      <ExportColumnsDialog
        columns={columns}
        onChange={(c) => {
          setColumns(c);
          saveExportColumns(c);
        }}
      />
      <Modal
        title={t("export.title")}
        open={phase !== "idle"}
        onCancel={close}
        maskClosable={false}
        footer={
          <Button onClick={close} data-testid="export-close">
            {phase === "running" ? t("export.cancel") : t("export.close")}
          </Button>
        }
      >
        <Progress
          percent={percent(progress, phase)}
          status={phase === "failed" ? "exception" : phase === "done" ? "success" : "active"}
          data-testid="export-progress"
        />
        <p aria-live="polite" data-testid="export-status">
          {phase === "done" ? t("export.done", { total: (progress?.total ?? total).toLocaleString() }) : rowsText}
        </p>
        {phase === "done" && capped && <Alert type="warning" showIcon message={capped} data-testid="export-capped" />}
        {phase === "failed" && <Alert type="error" showIcon message={t("export.failed", { message: error })} />}
      </Modal>
    </>
  );
}
