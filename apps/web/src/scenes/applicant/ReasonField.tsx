import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";

/** The reason every entity change needs (kept in the audit row and, for merges, in the evidence). */
export function ReasonField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={t("entityAdmin.reason")}
      rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t("entityAdmin.reasonRequired") }]}
    >
      <Input.TextArea rows={2} maxLength={500} placeholder={t("entityAdmin.reasonPlaceholder")} data-field="reason" />
    </Form.Item>
  );
}
