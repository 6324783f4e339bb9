import { UploadOutlined } from "@ant-design/icons";
import type { CaseDetail, CaseTypeInfo } from "@zhichan/shared";
import { Alert, Button, Checkbox, Input, List, Select, Space, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { assignCase, attachmentUrl, attachToCase, commentOnCase, getAssignable } from "../../api/cases";
import { fileToBase64 } from "../../api/client";
import { useCodes } from "../../i18n/useCodes";
import { errorText } from "../signin/signin-util";
import { type AttachmentRule, acceptOf, fileProblem, formatBytes } from "./attachmentCheck";

/** What the server accepts for the kind "other" (attachment-store.ts: any of the four types, 10 MB). */
const OTHER_KIND: AttachmentRule = {
  kind: "other",
  label: { zh: "其他", en: "other" },
  types: ["pdf", "png", "jpeg", "docx"],
  requiredBefore: null,
  maxBytes: 10 * 1024 * 1024,
  atApplication: null,
};

type Props = { c: CaseDetail; type: CaseTypeInfo | undefined; onChange: (c: CaseDetail) => void };

/** Attachments: listed with checksums, uploaded as base64 (the server checks the bytes, not the name). */
export function CaseAttachments({ c, type, onChange }: Props) {
  const { t } = useTranslation();
  const { pick } = useCodes();
  const kinds = [
    ...(type?.attachments ?? []).map((a) => ({ value: a.kind, label: pick(a.label) })),
    { value: "other", label: t("cases.side.otherKind") },
  ];
  // the first kind the type declares until the person picks one (the types may load after the case)
  const [picked, setKind] = useState<string | null>(null);
  const kind = picked ?? kinds[0].value;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closed = type?.states.find((s) => s.key === c.state)?.terminal;
  const rule = type?.attachments.find((a) => a.kind === kind) ?? OTHER_KIND;
  const typesText = rule.types.map((x) => t(`forms.attachments.types.${x}`)).join(t("forms.attachments.sep"));
  // checked as the server will check it (type by its first bytes, size, not empty) before it is sent
  const upload = async (file: File) => {
    setError(null);
    const problem = fileProblem(file, new Uint8Array(await file.slice(0, 8).arrayBuffer()), rule);
    if (problem) {
      const vars = { name: file.name, types: typesText, size: formatBytes(file.size), max: formatBytes(rule.maxBytes) };
      setError(t(`forms.attachments.${problem}`, vars));
      return;
    }
    setBusy(true);
    try {
      onChange(await attachToCase(c.id, { kind, filename: file.name, contentBase64: await fileToBase64(file) }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <List
        size="small"
        dataSource={c.attachments}
        locale={{ emptyText: t("cases.side.noAttachments") }}
        renderItem={(a) => (
          <List.Item>
            <a href={attachmentUrl(c.id, a.id)} data-content>
              {a.filename}
            </a>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("cases.side.attachmentMeta", {
                kind: kinds.find((k) => k.value === a.kind)?.label ?? a.kind,
                size: Math.ceil(a.size / 1024),
                hash: a.sha256.slice(0, 12),
              })}
            </Typography.Text>
          </List.Item>
        )}
      />
      {!closed && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select
            value={kind}
            onChange={setKind}
            options={kinds}
            style={{ width: 200 }}
            aria-label={t("fields.kind")}
            data-testid="attachment-kind"
          />
          {/* antd's Upload, not a bare file input: its button speaks the UI's language, not the browser's */}
          <span data-testid="attachment-file">
            <Upload
              accept={acceptOf(rule)}
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return Upload.LIST_IGNORE; // sent by attachToCase, not by antd
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy}>
                {t("forms.attachments.choose")}
              </Button>
            </Upload>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("forms.attachments.rule", { types: typesText, size: formatBytes(rule.maxBytes) })}
          </Typography.Text>
        </Space>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
    </>
  );
}

/** The office assigns the mediator, expert or investigator the case type calls for. */
export function CaseAssign({ c, type, onChange }: Props) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<{ id: number; name: string }[]>([]);
  const [pick, setPick] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const can = c.parties.includes("official") && !!type?.assigneeRole;
  useEffect(() => {
    if (can)
      getAssignable(c.id).then(
        (r) => setUsers(r.users),
        (e) => setError(errorText(e)),
      );
  }, [can, c.id]);
  if (!can) return null;
  return (
    <Space wrap>
      <Select
        placeholder={t("cases.side.chooseAssignee")}
        aria-label={t("cases.side.chooseAssignee")}
        style={{ width: 220 }}
        value={pick}
        onChange={setPick}
        options={users.map((u) => ({ value: u.id, label: u.name }))}
      />
      <Button
        disabled={pick === null}
        onClick={() => pick !== null && assignCase(c.id, pick).then(onChange, (e) => setError(errorText(e)))}
      >
        {t("cases.side.assign")}
      </Button>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}

export function CaseComment({ c, onChange }: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    try {
      onChange(await commentOnCase(c.id, body.trim(), internal));
      setBody("");
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Input.TextArea
        rows={2}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={t("cases.side.comment")}
        maxLength={4000}
      />
      <Space>
        <Button onClick={send} disabled={!body.trim()}>
          {t("cases.side.send")}
        </Button>
        {c.parties.includes("official") && (
          <Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)}>
            {t("cases.side.internal")}
          </Checkbox>
        )}
      </Space>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}
