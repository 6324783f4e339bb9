import type { UserOrg } from "@zhichan/shared";
import { Alert, Descriptions, Drawer, Grid, List, Spin, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { getUser } from "../../../api/admin";
import { useAsync } from "../../../components/useAsync";
import { apiErrorText } from "../../../i18n/apiErrors";
import { dateTime } from "../adminText";
import { RoleTags } from "../RoleTags";
import { StatusTags } from "./UserList";

/** One account: its facts (personal data masked), roles with districts, and the organisations it belongs to. */
export function UserDrawer({
  userId,
  districtName,
  onClose,
}: {
  userId: number | null;
  districtName: (code: string | null) => string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const narrow = Grid.useBreakpoint().md === false;
  const user = useAsync(userId === null ? null : (signal) => getUser(userId, signal), [userId]);
  const u = user.data;
  const orgLine = (o: UserOrg) => (
    <List.Item>
      <div style={{ minWidth: 0 }}>
        <div style={{ fontWeight: 600 }}>{o.name}</div>
        <div className="admin-muted">
          {[t(`admin.orgKind.${o.kind}`), districtName(o.district)].join(t("admin.common.listSep"))}{" "}
          <Tag>{t(`admin.orgRole.${o.orgRole}`)}</Tag>
        </div>
      </div>
    </List.Item>
  );
  return (
    <Drawer open={userId !== null} onClose={onClose} title={t("admin.detail.title")} width={narrow ? "100%" : 560}>
      {user.error ? (
        <Alert type="error" showIcon message={apiErrorText(user.error, t)} />
      ) : !u ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t("admin.detail.username")}>{u.username}</Descriptions.Item>
            <Descriptions.Item label={t("admin.detail.displayName")}>{u.displayName}</Descriptions.Item>
            <Descriptions.Item label={t("admin.detail.status")}>
              <StatusTags user={u} />
            </Descriptions.Item>
            <Descriptions.Item label={t("admin.detail.roles")}>
              <RoleTags roles={u.roles} districtName={districtName} />
            </Descriptions.Item>
            <Descriptions.Item label={t("admin.detail.phone")}>{u.phone ?? t("admin.common.none")}</Descriptions.Item>
            <Descriptions.Item label={t("admin.detail.idNumber")}>
              {u.idNumber ?? t("admin.common.none")}
            </Descriptions.Item>
            <Descriptions.Item label={t("admin.detail.totp")}>
              {u.totpEnabled ? t("admin.users.totpOn") : t("admin.users.totpOff")}
            </Descriptions.Item>
            <Descriptions.Item label={t("admin.detail.createdAt")}>
              {dateTime(u.createdAt, i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t("admin.detail.lastSignIn")}>
              {u.lastSignInAt ? dateTime(u.lastSignInAt, i18n.language) : t("admin.common.never")}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph className="admin-muted" style={{ marginTop: 8 }}>
            {t("admin.detail.masked")}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t("admin.detail.orgs")}</Typography.Title>
          <List
            size="small"
            bordered
            dataSource={u.orgs}
            locale={{ emptyText: t("admin.detail.noOrgs") }}
            renderItem={orgLine}
          />
        </>
      )}
    </Drawer>
  );
}
