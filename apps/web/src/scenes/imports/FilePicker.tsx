import { InboxOutlined } from "@ant-design/icons";
import {
  PATENT_IMPORT_ACCEPT,
  PATENT_IMPORT_MAX_UPLOAD_BYTES,
  type PatentImportPreview,
  type PatentImportProfile,
} from "@zhichan/shared";
import { Alert, Button, Progress, Select, Space, Upload } from "antd";
import type { TFunction } from "i18next";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isAbort } from "../../api/client";
import { type UploadHandle, uploadImportFile } from "../../api/imports";
import { useLocalError } from "../../components/useLocalError";

const MB = PATENT_IMPORT_MAX_UPLOAD_BYTES / 1048576;
const ACCEPTED = PATENT_IMPORT_ACCEPT.split(",");

/** The checks the server makes first, made here too so a wrong file is named before a byte is sent. */
function clientProblem(file: File, t: TFunction): string | null {
  const name = file.name.toLowerCase();
  if (!ACCEPTED.some((ext) => name.endsWith(ext))) return t("imports.upload.badType", { name: file.name });
  if (file.size > PATENT_IMPORT_MAX_UPLOAD_BYTES) return t("imports.upload.tooLarge", { name: file.name, mb: MB });
  if (file.size === 0) return t("imports.upload.empty", { name: file.name });
  return null;
}

/** Step 1: choose a file (type and size checked here), upload it with a progress bar, get detection + preview. */
export function FilePicker({
  profiles,
  onUploaded,
}: {
  profiles: PatentImportProfile[];
  onUploaded: (p: PatentImportPreview) => void;
}) {
  const { t } = useTranslation();
  const errorText = useLocalError();
  const [profileId, setProfileId] = useState<number | undefined>(undefined);
  const [sending, setSending] = useState<{ name: string; share: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const handle = useRef<UploadHandle | null>(null);

  const send = (file: File) => {
    const problem = clientProblem(file, t);
    setError(problem);
    if (problem) return;
    setSending({ name: file.name, share: 0 });
    const h = uploadImportFile(file, profileId, (share) => setSending({ name: file.name, share }));
    handle.current = h;
    h.done.then(onUploaded, (e) => {
      if (!isAbort(e)) setError(errorText(e));
    });
    h.done.finally(() => {
      handle.current = null;
      setSending(null);
    });
  };

  return (
    <div className="imp-picker" data-testid="import-picker">
      {profiles.length > 0 && (
        <Space wrap className="imp-picker-profile">
          <span>{t("imports.upload.withProfile")}</span>
          <Select
            allowClear
            value={profileId}
            onChange={setProfileId}
            placeholder={t("imports.upload.noProfile")}
            options={profiles.map((p) => ({ value: p.id, label: p.name }))}
            style={{ minWidth: 220, maxWidth: "100%" }}
          />
        </Space>
      )}
      {sending ? (
        <div className="imp-sending" data-testid="upload-progress">
          <div>
            {sending.share < 1 ? t("imports.upload.uploading", { name: sending.name }) : t("imports.upload.reading")}
          </div>
          <Progress percent={Math.round(sending.share * 100)} status="active" />
          {sending.share < 1 && (
            <Button size="small" onClick={() => handle.current?.abort()}>
              {t("imports.upload.cancel")}
            </Button>
          )}
        </div>
      ) : (
        <Upload.Dragger
          accept={PATENT_IMPORT_ACCEPT}
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            send(file);
            return Upload.LIST_IGNORE;
          }}
          data-testid="import-dragger"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t("imports.upload.drag")}</p>
          <p className="ant-upload-hint">{t("imports.upload.hint", { mb: MB })}</p>
        </Upload.Dragger>
      )}
      {error ? <Alert type="error" showIcon message={error} role="alert" className="imp-error" /> : null}
    </div>
  );
}
