import { PlayCircleOutlined } from "@ant-design/icons";
import { type PatentImportAuthority, PatentImportSourceTag, type PatentImportStartBody } from "@zhichan/shared";
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Radio } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocalError } from "../../components/useLocalError";

interface Values {
  source: string;
  authority: PatentImportAuthority;
  exportDate?: Dayjs | null;
  force?: boolean;
}

/** Source tag, authority, export date (and re-import), then start: the server queues a durable job. */
export function StartForm({
  defaultSource,
  defaultAuthority,
  disabledReason,
  onStart,
}: {
  defaultSource: string;
  defaultAuthority: PatentImportAuthority;
  /** Why starting makes no sense yet (no publication-number column, every preview row rejected), or null. */
  disabledReason: string | null;
  onStart: (body: Omit<PatentImportStartBody, "mapping" | "profileId">) => Promise<void>;
}) {
  const { t } = useTranslation();
  const errorText = useLocalError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await onStart({
        source: v.source.trim(),
        authority: v.authority,
        exportDate: v.exportDate ? v.exportDate.format("YYYY-MM-DD") : undefined,
        force: v.force || undefined,
      });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t("imports.start.title")} data-testid="import-start">
      {/* No submit button inside the form: Enter in a field (the date picker takes Enter) never starts an import. */}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ source: defaultSource, authority: defaultAuthority }}
        onFinish={submit}
        className="imp-start-form"
      >
        <Form.Item
          name="source"
          label={t("imports.start.source")}
          extra={t("imports.start.sourceHint")}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                PatentImportSourceTag.safeParse(v ?? "").success
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("imports.start.sourceInvalid"))),
            },
          ]}
        >
          <Input maxLength={60} data-field="source" />
        </Form.Item>
        <Form.Item name="authority" label={t("imports.start.authority")} extra={t("imports.start.officialHint")}>
          <Radio.Group
            options={[
              { value: "vendor", label: t("imports.start.vendor") },
              { value: "official", label: t("imports.start.official") },
            ]}
          />
        </Form.Item>
        <Form.Item name="exportDate" label={t("imports.start.exportDate")} extra={t("imports.start.exportDateHint")}>
          <DatePicker format="YYYY-MM-DD" data-field="export-date" />
        </Form.Item>
        <Form.Item name="force" valuePropName="checked">
          <Checkbox>{t("imports.start.force")}</Checkbox>
        </Form.Item>
        {disabledReason ? <Alert type="warning" showIcon message={disabledReason} className="imp-error" /> : null}
        {error ? <Alert type="error" showIcon message={error} role="alert" className="imp-error" /> : null}
        <Button
          type="primary"
          onClick={() => form.submit()}
          icon={<PlayCircleOutlined />}
          loading={busy}
          disabled={!!disabledReason}
          data-action="start-import"
        >
          {t("imports.start.submit")}
        </Button>
      </Form>
    </Card>
  );
}
