import type { UserSummary } from "@zhichan/shared";
import { App, Button, Popconfirm, Space, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { setUserStatus, unlockUser } from "../../../api/admin";
import { apiErrorText } from "../../../i18n/apiErrors";
import { isAdminAccount } from "../RoleTags";
import type { UserListProps } from "./UserList";

/**
 * What this administrator may do to one account: details for all; roles for the security administrator (business
 * accounts only); unlock when locked; disable or enable for the system administrator — for an administrator account
 * that is a request a second administrator approves.
 */
export function UserActions({ user, admin, onView, onRoles, onChanged }: UserListProps & { user: UserSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const name = user.username;
  const self = admin.session?.user?.id === user.id;
  const adminAccount = isAdminAccount(user.roles);

  const run = async (call: () => Promise<unknown>, done: (out: unknown) => string) => {
    setBusy(true);
    try {
      message.success(done(await call()));
      onChanged();
    } catch (e) {
      message.error(apiErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  // 202: an administrator account's change waits for a second administrator (AdminRequestView has `kind`)
  const statusDone = (to: "disable" | "enable") => (out: unknown) =>
    out && typeof out === "object" && "kind" in out
      ? t("admin.users.requested")
      : t(to === "disable" ? "admin.users.disabled" : "admin.users.enabled", { name });

  return (
    <Space wrap size={4}>
      <Button size="small" onClick={() => onView(user)}>
        {t("admin.users.detail")}
      </Button>
      {admin.can("role:assign") &&
        (adminAccount ? (
          <Tooltip title={t("admin.users.adminRolesFixed")}>
            <Button size="small" disabled>
              {t("admin.users.setRoles")}
            </Button>
          </Tooltip>
        ) : (
          <Button size="small" onClick={() => onRoles(user)}>
            {t("admin.users.setRoles")}
          </Button>
        ))}
      {admin.can("user:unlock") && user.locked && (
        <Popconfirm
          title={t("admin.users.unlockConfirm", { name })}
          onConfirm={() =>
            run(
              () => unlockUser(user.id),
              () => t("admin.users.unlocked", { name }),
            )
          }
        >
          <Button size="small" loading={busy}>
            {t("admin.users.unlock")}
          </Button>
        </Popconfirm>
      )}
      {admin.can("user:disable") &&
        !self &&
        (user.status === "active" ? (
          <Popconfirm
            title={t("admin.users.disableConfirm", { name })}
            onConfirm={() => run(() => setUserStatus(user.id, "disable"), statusDone("disable"))}
          >
            <Button size="small" danger loading={busy}>
              {t("admin.users.disable")}
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            title={t("admin.users.enableConfirm", { name })}
            onConfirm={() => run(() => setUserStatus(user.id, "enable"), statusDone("enable"))}
          >
            <Button size="small" loading={busy}>
              {t("admin.users.enable")}
            </Button>
          </Popconfirm>
        ))}
    </Space>
  );
}
