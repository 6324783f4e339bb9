import type { CaseDetail } from "@zhichan/shared";
import { Alert, Button, Form, Input, Modal, Space } from "antd";
import type React from "react";
import { useState } from "react";
import { takeTransition } from "../../api/cases";
import { errorText } from "../signin/signin-util";
import { useShortText, useText } from "../signin/useText";
import { cleanValues, FormFields } from "./FormFields";
import { inputFields, validateForm } from "./formFields";

type Action = CaseDetail["actions"][number];

/** The transitions the caller may take now; each asks for a note and the transition's input when it needs them. */
export function CaseActions({ c, onChange }: { c: CaseDetail; onChange: (c: CaseDetail) => void }) {
  const tx = useText();
  const short = useShortText();
  const [open, setOpen] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  if (c.actions.length === 0) return null;

  const fields = open?.input ? inputFields(open.input) : [];
  const submit = async () => {
    if (!open) return;
    const v = form.getFieldsValue() as Record<string, unknown>;
    let input: Record<string, unknown> | undefined;
    if (open.input) {
      const checked = validateForm("input", open.input, cleanValues(fields, v));
      if (!checked.ok) return setIssues(checked.issues);
      input = checked.data;
    }
    setBusy(true);
    setError(null);
    try {
      onChange(
        await takeTransition(c.id, open.key, {
          comment: (v.comment as string | undefined)?.trim() || undefined,
          input,
        }),
      );
      setOpen(null);
      form.resetFields();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space wrap>
        {c.actions.map((a) => (
          <Button
            key={a.key}
            type={["reject", "return", "withdraw", "fail", "dismiss"].includes(a.key) ? "default" : "primary"}
            danger={a.key === "reject"}
            data-action={a.key}
            onClick={() => {
              setIssues({});
              setError(null);
              setOpen(a);
            }}
          >
            {short(a.label.zh, a.label.en)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!open}
        title={open ? short(open.label.zh, open.label.en) : ""}
        onCancel={() => setOpen(null)}
        onOk={submit}
        okText={tx("确认", "Confirm")}
        okButtonProps={{ loading: busy, "data-testid": "confirm-action" } as React.ComponentProps<typeof Button>}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <FormFields fields={fields} issues={issues} />
          <Form.Item
            name="comment"
            label={
              open?.requiresComment
                ? tx("理由（必填）", "Reason (required)")
                : tx("办理意见（可选）", "Note (optional)")
            }
          >
            <Input.TextArea rows={3} data-field="comment" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
