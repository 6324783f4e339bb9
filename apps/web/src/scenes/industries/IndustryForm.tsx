import type { Industry, IndustryInput } from "@zhichan/shared";
import { App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createIndustry, updateIndustry } from "../../api/analytics";
import { apiErrorText } from "../../i18n/apiErrors";
import { useFormRules } from "../../i18n/formRules";

const tags = (placeholder: string) => (
  <Select mode="tags" tokenSeparators={[",", "，", ";", " "]} placeholder={placeholder} />
);

/** Create or edit an industry definition (officials: industry:write). */
export function IndustryForm({
  open,
  industry,
  onClose,
  onSaved,
}: {
  open: boolean;
  industry: Industry | null;
  onClose: () => void;
  onSaved: (i: Industry) => void;
}) {
  const { t } = useTranslation();
  const rule = useFormRules();
  const [form] = Form.useForm<IndustryInput>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const input: IndustryInput = {
        name: v.name,
        seiCode: v.seiCode || null,
        ipcPrefixes: (v.ipcPrefixes ?? []).map((s) => s.toUpperCase().replace(/\s+/g, "")),
        keywords: v.keywords ?? [],
        exclusions: v.exclusions ?? [],
        notes: v.notes ?? "",
      };
      const saved = industry ? await updateIndustry(industry.id, input) : await createIndustry(input);
      message.success(t("common.saved"));
      onSaved(saved);
    } catch (e) {
      message.error(apiErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={industry ? t("industries.form.editTitle", { name: industry.name }) : t("industries.form.newTitle")}
      onCancel={onClose}
      onOk={save}
      confirmLoading={busy}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={industry ?? { ipcPrefixes: [], keywords: [], exclusions: [] }}>
        <Form.Item
          name="name"
          label={t("industries.form.name")}
          rules={[rule.required(t("industries.form.name")), rule.maxLength(t("industries.form.name"), 100)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="seiCode"
          label={t("industries.form.seiCode")}
          rules={[{ pattern: /^\d(\.\d{1,2})?$/, message: t("validation.domain.seiCode") }]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="ipcPrefixes" label={t("industries.form.ipcPrefixes")}>
          {tags(t("industries.form.tagsPlaceholder"))}
        </Form.Item>
        <Form.Item name="keywords" label={t("industries.form.keywords")}>
          {tags(t("industries.form.tagsPlaceholder"))}
        </Form.Item>
        <Form.Item name="exclusions" label={t("industries.form.exclusions")}>
          {tags(t("industries.form.tagsPlaceholder"))}
        </Form.Item>
        <Form.Item name="notes" label={t("industries.form.notes")}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
