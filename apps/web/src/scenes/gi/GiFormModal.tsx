import { GI_KINDS, GI_STAGES, type GiProduct, type GiProductInput } from "@zhichan/shared";
import { Alert, App, Form, Input, InputNumber, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createGi, updateGi } from "../../api/gi";
import { apiErrorText } from "../../i18n/apiErrors";

type Values = Omit<GiProductInput, "cityCode" | "districtCode">;

/** Adds or changes a GI entry (officials with registry:write; the server audits it and checks the district). */
export function GiFormModal({
  entry,
  onClose,
  onSaved,
}: {
  entry: GiProduct | null;
  onClose: () => void;
  onSaved: (g: GiProduct) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const required = (label: string) => [
    { required: true, whitespace: true, message: t("validation.required", { field: label }) },
  ];
  const submit = async () => {
    const v = await form.validateFields();
    const clean = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
    const input: GiProductInput = {
      ...v,
      prefecture: clean(v.prefecture),
      area: clean(v.area),
      announcement: clean(v.announcement),
      officialId: clean(v.officialId),
      sourceUrl: clean(v.sourceUrl),
      notes: clean(v.notes),
      recognisedOn: clean(v.recognisedOn),
      year: v.year ?? null,
      // codes follow the names (the server matches them in the division table)
      cityCode: null,
      districtCode: null,
    };
    setSaving(true);
    setError(null);
    try {
      const saved = entry ? await updateGi(entry.id, input) : await createGi(input);
      message.success(t("gi.saved"));
      onSaved(saved);
    } catch (e) {
      setError(apiErrorText(e, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t(entry ? "gi.formTitleEdit" : "gi.formTitleNew")}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          entry
            ? { ...entry, year: entry.year ?? undefined }
            : { kind: "gi_product", stage: "registered", prefecture: "郑州市" }
        }
        data-testid="gi-form"
      >
        <Form.Item name="name" label={t("gi.name")} rules={required(t("gi.name"))}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t("gi.kind")}>
          <Select options={GI_KINDS.map((k) => ({ value: k, label: t(`gi.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="stage" label={t("gi.stage")}>
          <Select options={GI_STAGES.map((k) => ({ value: k, label: t(`gi.stages.${k}`) }))} />
        </Form.Item>
        <Form.Item name="prefecture" label={t("gi.prefecture")} extra={t("gi.codesHint")}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="area" label={t("gi.areaName")}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="announcement" label={t("gi.announcement")}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="year" label={t("gi.year")}>
          <InputNumber min={1980} max={2100} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="recognisedOn"
          label={t("gi.recognisedOn")}
          rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t("validation.domain.date") }]}
        >
          <Input placeholder="2025-11-05" maxLength={10} />
        </Form.Item>
        <Form.Item name="officialId" label={t("gi.officialId")}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="sourceUrl"
          label={t("gi.sourceUrl")}
          rules={[{ pattern: /^https?:\/\/\S+$/, message: t("validation.format", { field: t("gi.sourceUrl") }) }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="notes" label={t("gi.notes")}>
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
