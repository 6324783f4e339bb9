import type { SecurityPolicy } from "@zhichan/shared";
import { Alert, Card, Descriptions, Spin, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { getSecurityPolicy } from "../../../api/admin";
import { useAsync } from "../../../components/useAsync";
import { apiErrorText } from "../../../i18n/apiErrors";
import { AdminFrame } from "../AdminFrame";
import { durationWords } from "../adminText";

/** 安全策略: the security administrator reads the settings in force (read-only: they come from the deployment). */
export function SecurityPage() {
  return <AdminFrame page="security">{() => <SecurityView />}</AdminFrame>;
}

function SecurityView() {
  const { t } = useTranslation();
  const policy = useAsync((signal) => getSecurityPolicy(signal), []);
  if (policy.error) return <Alert type="error" showIcon message={apiErrorText(policy.error, t)} />;
  if (!policy.data) return <Spin />;
  return (
    <>
      <Typography.Paragraph className="admin-intro">{t("admin.security.intro")}</Typography.Paragraph>
      <PolicyCards p={policy.data} />
    </>
  );
}

function PolicyCards({ p }: { p: SecurityPolicy }) {
  const { t } = useTranslation();
  const span = (minutes: number) => durationWords(minutes, t);
  const item = (label: string, value: string) => (
    <Descriptions.Item key={label} label={label}>
      {value}
    </Descriptions.Item>
  );
  const card = (title: string, items: [string, string][]) => (
    <Card className="admin-card" size="small" title={title}>
      <Descriptions column={1} size="small" bordered>
        {items.map(([l, v]) => item(l, v))}
      </Descriptions>
    </Card>
  );
  return (
    <>
      {card(t("admin.security.password"), [
        [t("admin.security.policyName"), t(`admin.security.policyNames.${p.password.name}`)],
        [t("admin.security.minLength"), t("admin.security.chars", { n: p.password.minLength })],
        [t("admin.security.maxLength"), t("admin.security.chars", { n: p.password.maxLength })],
        [
          t("admin.security.classes"),
          p.password.minClasses > 0
            ? t("admin.security.classesValue", { n: p.password.minClasses })
            : t("admin.security.classesNone"),
        ],
        [
          t("admin.security.maxAge"),
          p.password.maxAgeDays
            ? t("admin.security.maxAgeValue", { n: p.password.maxAgeDays })
            : t("admin.security.maxAgeNone"),
        ],
        [t("admin.security.history"), t("admin.security.historyValue", { n: p.password.historyCount })],
      ])}
      {card(t("admin.security.sessions"), [
        [t("admin.security.idle"), span(p.sessions.idleMinutes)],
        [t("admin.security.absolute"), span(p.sessions.absoluteMinutes)],
        [
          t("admin.security.lockout"),
          t("admin.security.lockoutValue", { n: p.lockout.maxFailures, minutes: p.lockout.lockMinutes }),
        ],
      ])}
      {card(t("admin.security.rates"), [
        [t("admin.security.perMinute"), t("admin.security.times", { n: p.rateLimits.perMinute })],
        [t("admin.security.authPerMinute"), t("admin.security.times", { n: p.rateLimits.authPerMinute })],
      ])}
      {card(t("admin.security.privacy"), [
        [
          t("admin.security.reveals"),
          t("admin.security.revealsValue", { n: p.reveals.max, window: span(p.reveals.windowMinutes) }),
        ],
        [t("admin.security.retention"), t("admin.security.retentionValue", { n: p.auditRetentionDays })],
      ])}
      <Card className="admin-card" size="small" title={t("admin.security.separation")}>
        <Table
          rowKey="role"
          size="small"
          pagination={false}
          dataSource={p.rolePermissions}
          scroll={{ x: 640 }}
          columns={[
            {
              title: t("admin.security.role"),
              width: 180,
              render: (_, r) => <span className="admin-nowrap">{t(`admin.roles.${r.role}`)}</span>,
            },
            {
              title: t("admin.security.totp"),
              width: 110,
              render: (_, r) =>
                p.totpRoles.includes(r.role) ? (
                  <Tag color="blue">{t("admin.security.totpRequired")}</Tag>
                ) : (
                  <span className="admin-muted">{t("admin.security.totpOptional")}</span>
                ),
            },
            {
              title: t("admin.security.rolePermissions"),
              render: (_, r) =>
                r.permissions
                  .map((perm) => t(`admin.permissions.${perm.replace(":", ".")}`))
                  .join(t("admin.common.listSep")),
            },
          ]}
        />
      </Card>
    </>
  );
}
