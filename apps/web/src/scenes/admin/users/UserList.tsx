import type { UserSummary } from "@zhichan/shared";
import { Card, List, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { dateTime } from "../adminText";
import { RoleTags } from "../RoleTags";
import type { AdminSession } from "../useAdminSession";
import { UserActions } from "./UserActions";

export interface UserListProps {
  users: UserSummary[];
  loading: boolean;
  admin: AdminSession;
  districtName: (code: string | null) => string;
  onView: (u: UserSummary) => void;
  onRoles: (u: UserSummary) => void;
  onChanged: () => void;
}

export function StatusTags({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  return (
    <span>
      <Tag color={user.status === "active" ? "green" : "default"}>{t(`admin.status.${user.status}`)}</Tag>
      {user.locked && <Tag color="red">{t("admin.status.locked")}</Tag>}
    </span>
  );
}

/** The user list as a table (wide screens); it scrolls inside its card rather than widening the page. */
export function UserTable(p: UserListProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table<UserSummary>
      rowKey="id"
      size="small"
      loading={p.loading}
      dataSource={p.users}
      pagination={false}
      scroll={{ x: 980 }}
      locale={{ emptyText: t("admin.users.empty") }}
      columns={[
        {
          title: t("admin.users.col.user"),
          render: (_, u) => (
            <div>
              <div style={{ fontWeight: 600 }}>{u.displayName}</div>
              <div className="admin-muted">{u.username}</div>
            </div>
          ),
        },
        {
          title: t("admin.users.col.roles"),
          render: (_, u) => <RoleTags roles={u.roles} districtName={p.districtName} />,
        },
        { title: t("admin.users.col.status"), width: 130, render: (_, u) => <StatusTags user={u} /> },
        { title: t("admin.users.col.phone"), width: 120, render: (_, u) => u.phone ?? "—" },
        {
          title: t("admin.users.col.totp"),
          width: 100,
          render: (_, u) => (u.totpEnabled ? t("admin.users.totpOn") : t("admin.users.totpOff")),
        },
        {
          title: t("admin.users.col.lastSignIn"),
          width: 170,
          render: (_, u) => (u.lastSignInAt ? dateTime(u.lastSignInAt, i18n.language) : t("admin.common.never")),
        },
        { title: t("admin.common.actions"), width: 230, render: (_, u) => <UserActions {...p} user={u} /> },
      ]}
    />
  );
}

/** The user list as cards (phones): one card per account, the same facts and actions. */
export function UserCards(p: UserListProps) {
  const { t, i18n } = useTranslation();
  return (
    <List
      loading={p.loading}
      dataSource={p.users}
      locale={{ emptyText: t("admin.users.empty") }}
      renderItem={(u) => (
        <Card
          size="small"
          className="admin-item-card"
          title={
            <span>
              {u.displayName} <span className="admin-muted">{u.username}</span>
            </span>
          }
        >
          <ul className="admin-lines">
            <li>
              <RoleTags roles={u.roles} districtName={p.districtName} />
            </li>
            <li>
              <StatusTags user={u} />
            </li>
            <li>
              <span className="admin-line-label">
                {t("admin.users.col.phone")}
                {t("admin.common.colon")}
              </span>
              {u.phone ?? "—"}
            </li>
            <li>
              <span className="admin-line-label">
                {t("admin.users.col.totp")}
                {t("admin.common.colon")}
              </span>
              {u.totpEnabled ? t("admin.users.totpOn") : t("admin.users.totpOff")}
            </li>
            <li>
              <span className="admin-line-label">
                {t("admin.users.col.lastSignIn")}
                {t("admin.common.colon")}
              </span>
              {u.lastSignInAt ? dateTime(u.lastSignInAt, i18n.language) : t("admin.common.never")}
            </li>
          </ul>
          <div style={{ marginTop: 8 }}>
            <UserActions {...p} user={u} />
          </div>
        </Card>
      )}
    />
  );
}
