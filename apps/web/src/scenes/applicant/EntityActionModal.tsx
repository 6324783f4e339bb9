import { Alert, type ButtonProps, Form, type FormInstance, Modal } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocalError } from "../../components/useLocalError";

/** A modal form for one entity action: validates, calls the server, shows its refusal in the UI's language. */
export function EntityActionModal<V extends object>({
  title,
  open,
  onClose,
  onSubmit,
  children,
  testId,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  /** Resolves when the server accepted the change. */
  onSubmit: (values: V) => Promise<void>;
  children: (form: FormInstance<V>) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const errorText = useLocalError();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      form.resetFields();
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t("entityAdmin.confirm")}
      cancelText={t("entityAdmin.cancel")}
      okButtonProps={{ "data-testid": `${testId}-confirm` } as ButtonProps}
      destroyOnHidden
      data-testid={testId}
    >
      <Form form={form} layout="vertical" preserve={false}>
        {children(form)}
      </Form>
      {error ? <Alert type="error" showIcon message={error} role="alert" /> : null}
    </Modal>
  );
}
