import type { CreateUserRequest } from "@zhichan/shared";
import { Alert, App, Form, Input, Modal, Radio, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { getPasswordPolicy } from "../../../api/accounts";
import { createUser } from "../../../api/admin";
import { useAsync } from "../../../components/useAsync";
import { apiErrorText } from "../../../i18n/apiErrors";

type Kind = "user" | "sysadmin" | "secadmin" | "auditadmin";
interface Values {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  idNumber?: string;
  kind: Kind;
}

const USERNAME = /^[a-z0-9][a-z0-9_.-]{2,31}$/;

/**
 * The system administrator's new account: an ordinary account at once (the security administrator then grants its
 * business roles), or — for an administrator account — a request that a second administrator approves.
 */
export function CreateUserModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch("kind", form) ?? "user";
  const policy = useAsync(open ? () => getPasswordPolicy() : null, [open]);
  const rule = policy.data
    ? policy.data.minClasses > 0
      ? t("admin.create.passwordRule", { min: policy.data.minLength, classes: policy.data.minClasses })
      : t("admin.create.passwordRuleLength", { min: policy.data.minLength })
    : "";

  const submit = async (v: Values) => {
    setBusy(true);
    const body: CreateUserRequest = {
      username: v.username.trim().toLowerCase(),
      displayName: v.displayName.trim(),
      password: v.password,
      phone: v.phone?.trim() || undefined,
      idNumber: v.idNumber?.trim() || undefined,
      adminRole: v.kind === "user" ? undefined : v.kind,
    };
    try {
      const out = await createUser(body);
      form.resetFields();
      onClose();
      onDone();
      if ("kind" in out)
        // the app's modals render outside the router: navigate from the button instead of a link in the content
        modal.confirm({
          title: t("admin.create.requested", { name: body.username }),
          okText: t("admin.create.goRequests"),
          cancelText: t("admin.common.close"),
          onOk: () => navigate("/admin/requests"),
        });
      else message.success(t("admin.create.created", { name: body.username }));
    } catch (e) {
      message.error(apiErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("admin.create.title")}
      okText={kind === "user" ? t("admin.create.submit") : t("admin.create.submitRequest")}
      cancelText={t("admin.common.cancel")}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: "user" }} onFinish={submit} requiredMark="optional">
        <Form.Item
          name="username"
          label={t("admin.create.username")}
          extra={t("admin.create.usernameHint")}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                v && USERNAME.test(v.trim().toLowerCase())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("admin.create.usernameInvalid"))),
            },
          ]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("admin.create.displayName")}
          rules={[{ required: true, whitespace: true, message: t("admin.create.displayNameRequired") }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("admin.create.password")}
          extra={[t("admin.create.passwordHint"), rule].filter(Boolean).join(" ")}
          rules={[{ required: true, message: t("admin.create.passwordRequired") }]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item name="phone" label={t("admin.create.phone")}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="idNumber" label={t("admin.create.idNumber")} extra={t("admin.create.pii")}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="kind" label={t("admin.create.kind")}>
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="user">{t("admin.create.kindUser")}</Radio>
              {(["sysadmin", "secadmin", "auditadmin"] as const).map((r) => (
                <Radio key={r} value={r}>
                  {t("admin.create.kindAdmin", { role: t(`admin.roles.${r}`) })}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {kind !== "user" && <Alert type="info" showIcon message={t("admin.create.adminFlow")} />}
      </Form>
    </Modal>
  );
}
