import type { RoleGrant, UserSummary } from "@zhichan/shared";
import { App, Button, Form, Modal, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { setUserRoles } from "../../../api/admin";
import { apiErrorText } from "../../../i18n/apiErrors";

const BUSINESS = ["enterprise", "agency", "official", "expert", "mediator", "investigator"] as const;
type Business = (typeof BUSINESS)[number];
interface Row {
  role?: Business;
  district?: string | null;
}

/**
 * The security administrator sets a user's business roles; an official may be limited to one district (picked by
 * name). Saving ends the user's sessions, so the new roles apply from the next sign-in.
 */
export function RolesModal({
  user,
  districts,
  onClose,
  onDone,
}: {
  user: UserSummary | null;
  districts: { value: string; label: string }[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: Row[] }>();
  const [busy, setBusy] = useState(false);
  const rows = Form.useWatch("roles", form) ?? [];

  useEffect(() => {
    if (user)
      form.setFieldsValue({ roles: user.roles.map((g) => ({ role: g.role as Business, district: g.district })) });
  }, [user, form]);

  const save = async (v: { roles?: Row[] }) => {
    if (!user) return;
    const grants: RoleGrant[] = (v.roles ?? [])
      .filter((r): r is Row & { role: Business } => !!r.role)
      .map((r) => ({ role: r.role, district: r.role === "official" ? (r.district ?? null) : null }));
    setBusy(true);
    try {
      await setUserRoles(user.id, grants);
      message.success(t("admin.roleEdit.saved", { name: user.username }));
      onClose();
      onDone();
    } catch (e) {
      message.error(apiErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const taken = new Set(rows.map((r) => r?.role).filter(Boolean));
  return (
    <Modal
      open={user !== null}
      title={
        user
          ? t("admin.roleEdit.title", {
              name: t("admin.common.nameWithUsername", { name: user.displayName, username: user.username }),
            })
          : ""
      }
      okText={t("admin.roleEdit.save")}
      cancelText={t("admin.common.cancel")}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph className="admin-muted">{t("admin.roleEdit.intro")}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && <Typography.Paragraph>{t("admin.roleEdit.empty")}</Typography.Paragraph>}
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: "flex", marginBottom: 4 }}>
                  <Form.Item
                    name={[f.name, "role"]}
                    label={t("admin.roleEdit.role")}
                    rules={[{ required: true, message: t("admin.roleEdit.roleRequired") }]}
                  >
                    <Select
                      style={{ width: 190 }}
                      aria-label={t("admin.roleEdit.role")}
                      options={BUSINESS.map((r) => ({
                        value: r,
                        label: t(`admin.roles.${r}`),
                        disabled: taken.has(r) && rows[f.name]?.role !== r,
                      }))}
                    />
                  </Form.Item>
                  {rows[f.name]?.role === "official" && (
                    <Form.Item name={[f.name, "district"]} label={t("admin.roleEdit.district")}>
                      <Select
                        allowClear
                        showSearch
                        optionFilterProp="label"
                        style={{ width: 190 }}
                        aria-label={t("admin.roleEdit.district")}
                        placeholder={t("admin.roleEdit.districtPlaceholder")}
                        options={districts}
                      />
                    </Form.Item>
                  )}
                  <Form.Item label=" ">
                    <Button onClick={() => remove(f.name)}>{t("admin.roleEdit.remove")}</Button>
                  </Form.Item>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({})} disabled={fields.length >= BUSINESS.length}>
                {t("admin.roleEdit.add")}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
