import type { CaseDetail } from "@zhichan/shared";
import { Alert, Button, Form, Input, Modal, Space } from "antd";
import type React from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { takeTransition } from "../../api/cases";
import { useCodes } from "../../i18n/useCodes";
import { errorText } from "../signin/signin-util";
import { cleanValues, FormFields } from "./FormFields";
import { inputFields, validateForm } from "./formFields";

type Action = CaseDetail["actions"][number];

/** The transitions the caller may take now; each asks for a note and the transition's input when it needs them. */
export function CaseActions({ c, onChange }: { c: CaseDetail; onChange: (c: CaseDetail) => void }) {
  const { t } = useTranslation();
  const { pick } = useCodes();
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
            {pick(a.label)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!open}
        title={open ? pick(open.label) : ""}
        onCancel={() => setOpen(null)}
        onOk={submit}
        okText={t("cases.actions.confirm")}
        okButtonProps={{ loading: busy, "data-testid": "confirm-action" } as React.ComponentProps<typeof Button>}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <FormFields fields={fields} issues={issues} />
          <Form.Item
            name="comment"
            label={open?.requiresComment ? t("cases.actions.reasonRequired") : t("cases.actions.noteOptional")}
          >
            <Input.TextArea rows={3} data-field="comment" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
