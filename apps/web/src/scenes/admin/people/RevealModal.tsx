import type { UserDetail } from "@zhichan/shared";
import { Alert, App, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { revealPerson } from "../../../api/admin";
import { apiErrorText } from "../../../i18n/apiErrors";

export interface Revealed {
  phone: string | null;
  idNumber: string | null;
}

/** Asks why before revealing one person's phone and ID number; the reason goes into the audit log with the reveal. */
export function RevealModal({
  user,
  onClose,
  onRevealed,
}: {
  user: UserDetail | null;
  onClose: () => void;
  onRevealed: (id: number, r: Revealed) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ reason }: { reason: string }) => {
    if (!user) return;
    setBusy(true);
    try {
      onRevealed(user.id, await revealPerson(user.id, reason.trim()));
      form.resetFields();
      onClose();
    } catch (e) {
      message.error(apiErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={user !== null}
      title={user ? t("admin.people.revealTitle", { name: user.displayName }) : ""}
      okText={t("admin.people.revealSubmit")}
      cancelText={t("admin.common.cancel")}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t("admin.people.reason")}
          rules={[
            { required: true, whitespace: true, message: t("admin.people.reasonRequired") },
            { min: 2, max: 200, message: t("admin.people.reasonRequired") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t("admin.people.reasonPlaceholder")} />
        </Form.Item>
      </Form>
      <Alert type="warning" showIcon message={t("admin.people.revealNote")} />
    </Modal>
  );
}
