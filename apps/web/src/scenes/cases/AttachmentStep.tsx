import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import type { CaseStagedUpload } from "@zhichan/shared";
import { Alert, Button, Progress, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { discardStagedUpload, stageUpload } from "../../api/caseUploads";
import { apiErrorText } from "../../i18n/apiErrors";
import { useCodes } from "../../i18n/useCodes";
import { type AttachmentRule, acceptOf, fileProblem, formatBytes, missingKinds } from "./attachmentCheck";
import "./apply.css";

/** The server's English labels are written to sit inside sentences ("business licence"); a heading starts upper-case. */
const heading = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

interface InFlight {
  uid: string;
  kind: string;
  name: string;
  percent: number;
  error: string | null;
}

/**
 * 上传材料: one block per attachment kind the application needs (required first), each file checked in the browser
 * as the server will check it (type by its first bytes, size, not empty), then uploaded with its progress shown. The
 * uploads are the server's (staged for this person and case type), so a reloaded form finds them again.
 */
export function AttachmentStep({
  type,
  rules,
  uploads,
  onUploaded,
  onRemoved,
}: {
  type: string;
  rules: AttachmentRule[];
  uploads: CaseStagedUpload[];
  onUploaded: (u: CaseStagedUpload) => void;
  onRemoved: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useCodes();
  const [inFlight, setInFlight] = useState<InFlight[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const sep = t("forms.attachments.sep");
  const typesText = (r: AttachmentRule) => r.types.map((x) => t(`forms.attachments.types.${x}`)).join(sep);
  const update = (uid: string, patch: Partial<InFlight>) =>
    setInFlight((list) => list.map((f) => (f.uid === uid ? { ...f, ...patch } : f)));

  const choose = async (rule: AttachmentRule, file: File & { uid: string }) => {
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    const problem = fileProblem(file, head, rule);
    setProblems((p) => ({ ...p, [rule.kind]: "" }));
    if (problem) {
      const vars = {
        name: file.name,
        types: typesText(rule),
        size: formatBytes(file.size),
        max: formatBytes(rule.maxBytes),
      };
      setProblems((p) => ({ ...p, [rule.kind]: t(`forms.attachments.${problem}`, vars) }));
      return;
    }
    setInFlight((list) => [...list, { uid: file.uid, kind: rule.kind, name: file.name, percent: 0, error: null }]);
    try {
      const staged = await stageUpload({ type, kind: rule.kind, file }, (percent) => update(file.uid, { percent }));
      setInFlight((list) => list.filter((f) => f.uid !== file.uid));
      onUploaded(staged);
    } catch (e) {
      update(file.uid, { error: t("forms.attachments.failed", { reason: apiErrorText(e) }) });
    }
  };

  const remove = async (u: CaseStagedUpload) => {
    try {
      await discardStagedUpload(u.id);
    } catch {
      /* already gone (expired): drop it from the list all the same */
    }
    onRemoved(u.id);
  };

  const missing = missingKinds(rules, uploads);
  return (
    <div className="apply-attachments" data-testid="attachment-step">
      <Typography.Paragraph type="secondary">{t("forms.attachments.intro")}</Typography.Paragraph>
      {rules.map((rule) => (
        <section key={rule.kind} className="apply-attachment" data-testid={`attach-${rule.kind}`}>
          <div className="apply-attachment-head">
            <strong>{heading(pick(rule.label))}</strong>
            <Tag color={rule.atApplication === "required" ? "red" : "default"}>
              {t(rule.atApplication === "required" ? "forms.attachments.required" : "forms.attachments.optional")}
            </Tag>
          </div>
          <Typography.Text type="secondary" className="apply-attachment-rule">
            {t("forms.attachments.rule", { types: typesText(rule), size: formatBytes(rule.maxBytes) })}
          </Typography.Text>
          {uploads
            .filter((u) => u.kind === rule.kind)
            .map((u) => (
              <div key={u.id} className="apply-file" data-testid="upload-row" data-status="done">
                <PaperClipOutlined />
                <span className="apply-file-name">{u.filename}</span>
                <span className="apply-file-size">{formatBytes(u.size)}</span>
                <Progress percent={100} size="small" status="success" className="apply-file-progress" />
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`${t("forms.attachments.remove")} ${u.filename}`}
                  onClick={() => remove(u)}
                />
              </div>
            ))}
          {inFlight
            .filter((f) => f.kind === rule.kind)
            .map((f) => (
              <div
                key={f.uid}
                className="apply-file"
                data-testid="upload-row"
                data-status={f.error ? "error" : "uploading"}
              >
                <PaperClipOutlined />
                <span className="apply-file-name">{f.name}</span>
                <Progress
                  percent={f.percent}
                  size="small"
                  status={f.error ? "exception" : "active"}
                  className="apply-file-progress"
                  aria-label={t("forms.attachments.uploading")}
                />
                {f.error && (
                  <Button
                    size="small"
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t("forms.attachments.remove")}
                    onClick={() => setInFlight((list) => list.filter((x) => x.uid !== f.uid))}
                  />
                )}
                {f.error && <div className="apply-file-error">{f.error}</div>}
              </div>
            ))}
          {problems[rule.kind] && (
            <Alert type="error" showIcon message={problems[rule.kind]} className="apply-problem" />
          )}
          <Upload
            accept={acceptOf(rule)}
            showUploadList={false}
            beforeUpload={(file) => {
              void choose(rule, file);
              return Upload.LIST_IGNORE; // the upload is ours (with progress), not antd's
            }}
          >
            <Button icon={<UploadOutlined />} data-testid={`choose-${rule.kind}`}>
              {t("forms.attachments.choose")}
            </Button>
          </Upload>
        </section>
      ))}
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="attachments-missing"
          message={t("forms.attachments.missing", { kinds: missing.map((r) => pick(r.label)).join(sep) })}
        />
      ) : (
        rules.some((r) => r.atApplication === "required") && (
          <Alert type="success" showIcon data-testid="attachments-complete" message={t("forms.attachments.complete")} />
        )
      )}
      <Typography.Paragraph type="secondary" className="apply-kept">
        {t("forms.attachments.kept")}
      </Typography.Paragraph>
    </div>
  );
}
