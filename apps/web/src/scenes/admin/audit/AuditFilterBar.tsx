import { Button, DatePicker, Form, Input, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { type AuditFilters, auditExportUrl } from "../../../api/accounts";
import { type AuditWords, actionOptions } from "./auditWords";

interface Values {
  action?: string;
  actor?: string;
  outcome?: AuditFilters["outcome"];
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Action (in words, by group), who, outcome and a date range; export what is filtered; verify the whole chain. */
export function AuditFilterBar({
  words,
  canExport,
  filters,
  verifying,
  onFilter,
  onVerify,
}: {
  words: AuditWords;
  canExport: boolean;
  filters: AuditFilters;
  verifying: boolean;
  onFilter: (f: AuditFilters) => void;
  onVerify: () => void;
}) {
  const { t } = useTranslation();
  const submit = (v: Values) =>
    onFilter({
      action: v.action || undefined,
      actor: v.actor?.trim().toLowerCase() || undefined,
      outcome: v.outcome || undefined,
      from: v.range?.[0]?.format("YYYY-MM-DD"),
      to: v.range?.[1]?.format("YYYY-MM-DD"),
    });
  return (
    <Form layout="vertical" className="admin-filters" onFinish={submit}>
      <Form.Item name="action" label={t("admin.audit.filterAction")} className="admin-filter-wide">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t("admin.common.all")}
          options={actionOptions(words)}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item name="actor" label={t("admin.audit.filterActor")}>
        <Input allowClear maxLength={64} placeholder={t("admin.audit.filterActorPlaceholder")} />
      </Form.Item>
      <Form.Item name="outcome" label={t("admin.audit.filterOutcome")}>
        <Select
          allowClear
          placeholder={t("admin.common.all")}
          options={(["success", "failure", "denied"] as const).map((o) => ({
            value: o,
            label: t(`admin.audit.outcome.${o}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="range" label={t("admin.audit.filterDates")} className="admin-filter-wide">
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t("admin.audit.startDate"), t("admin.audit.endDate")]}
          style={{ width: "100%" }}
        />
      </Form.Item>
      <Form.Item className="admin-filter-buttons">
        <Space wrap>
          <Button type="primary" htmlType="submit">
            {t("admin.audit.filter")}
          </Button>
          {canExport && (
            <Button href={auditExportUrl(filters)} download>
              {t("admin.audit.export")}
            </Button>
          )}
          <Button onClick={onVerify} loading={verifying}>
            {t("admin.audit.verify")}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
