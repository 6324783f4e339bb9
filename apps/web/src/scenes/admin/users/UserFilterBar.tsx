import { ROLE_NAMES } from "@zhichan/shared";
import { Button, Form, Input, Select, Space } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { UserFilters } from "../../../api/admin";

/** Username or name, role, status, district: the filters of the user list (empty = all). */
export function UserFilterBar({
  value,
  districts,
  onSearch,
}: {
  value: UserFilters;
  districts: { value: string; label: string }[];
  onSearch: (f: UserFilters) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFilters>();
  // the address may change under the form (back button): show what is applied
  const applied = JSON.stringify(value);
  useEffect(() => {
    form.setFieldsValue({
      q: undefined,
      role: undefined,
      status: undefined,
      district: undefined,
      ...JSON.parse(applied),
    });
  }, [applied, form]);
  const clean = (f: UserFilters): UserFilters => ({ ...f, q: f.q?.trim() || undefined });
  return (
    <Form form={form} layout="vertical" className="admin-filters" onFinish={(f) => onSearch(clean(f))}>
      <Form.Item name="q" label={t("admin.users.filterQ")} className="admin-filter-wide">
        <Input allowClear placeholder={t("admin.users.filterQPlaceholder")} maxLength={64} />
      </Form.Item>
      <Form.Item name="role" label={t("admin.users.filterRole")}>
        <Select
          allowClear
          placeholder={t("admin.common.all")}
          options={ROLE_NAMES.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="status" label={t("admin.users.filterStatus")}>
        <Select
          allowClear
          placeholder={t("admin.common.all")}
          options={(["active", "disabled", "locked"] as const).map((s) => ({
            value: s,
            label: t(`admin.status.${s}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="district" label={t("admin.users.filterDistrict")}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t("admin.common.all")}
          options={districts}
        />
      </Form.Item>
      <Form.Item className="admin-filter-buttons">
        <Space>
          <Button type="primary" htmlType="submit">
            {t("admin.common.search")}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t("admin.common.reset")}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
