import type { CaseDetail, CaseTypeInfo } from "@zhichan/shared";
import { Alert, Button, Checkbox, Input, List, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { assignCase, attachmentUrl, attachToCase, commentOnCase, fileToBase64, getAssignable } from "../../api/cases";
import { useCodes } from "../../i18n/useCodes";
import { errorText } from "../signin/signin-util";

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
  const closed = type?.states.find((s) => s.key === c.state)?.terminal;
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      onChange(await attachToCase(c.id, { kind, filename: file.name, contentBase64: await fileToBase64(file) }));
    } catch (e) {
      setError(errorText(e));
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
          <input
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.docx"
            aria-label={t("forms.apply.stepAttachments")}
            data-testid="attachment-file"
            onChange={(e) => void upload(e.target.files?.[0])}
          />
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
