import type { UserSummary } from "@zhichan/shared";
import { Alert, Button, Card, Grid, Pagination, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { getUsers, type UserFilters } from "../../../api/admin";
import { useAsync } from "../../../components/useAsync";
import { apiErrorText } from "../../../i18n/apiErrors";
import { AdminFrame } from "../AdminFrame";
import type { AdminSession } from "../useAdminSession";
import { useDistricts } from "../useDistricts";
import { CreateUserModal } from "./CreateUserModal";
import { RolesModal } from "./RolesModal";
import { UserDrawer } from "./UserDrawer";
import { UserFilterBar } from "./UserFilterBar";
import { UserCards, UserTable } from "./UserList";

const PAGE_SIZE = 20;

/** 用户管理: the system and security administrators' list of accounts, each acting within its own permissions. */
export function UsersPage() {
  return <AdminFrame page="users">{(admin) => <UsersView admin={admin} />}</AdminFrame>;
}

/** Filters and page live in the address, so back, reload and a shared link keep the place. */
function readFilters(p: URLSearchParams): UserFilters {
  const status = p.get("status");
  return {
    q: p.get("q") || undefined,
    role: p.get("role") || undefined,
    status: status === "active" || status === "disabled" || status === "locked" ? status : undefined,
    district: p.get("district") || undefined,
  };
}

function UsersView({ admin }: { admin: AdminSession }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const narrow = Grid.useBreakpoint().md === false;
  const districts = useDistricts();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const key = params.toString();
  const list = useAsync((signal) => getUsers(filters, (page - 1) * PAGE_SIZE, PAGE_SIZE, signal), [key]);

  const go = (f: UserFilters, p = 1) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) next.set(k, v);
    if (p > 1) next.set("page", String(p));
    setParams(next);
  };
  const shared = {
    users: list.data?.users ?? [],
    admin,
    districtName: districts.name,
    onView: (u: UserSummary) => setViewing(u.id),
    onRoles: (u: UserSummary) => setEditing(u),
    onChanged: list.reload,
  };

  return (
    <>
      <Typography.Paragraph className="admin-intro">{t("admin.users.intro")}</Typography.Paragraph>
      <Card className="admin-card" size="small">
        <UserFilterBar value={filters} districts={districts.options} onSearch={(f) => go(f)} />
      </Card>
      <Card className="admin-card" size="small">
        <div className="admin-toolbar">
          <span>{list.data ? t("admin.users.total", { n: list.data.total }) : "\u00a0"}</span>
          {admin.can("user:create") && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t("admin.users.create")}
            </Button>
          )}
        </div>
        {list.error ? (
          <Alert type="error" showIcon message={apiErrorText(list.error, t)} />
        ) : narrow ? (
          <UserCards {...shared} loading={list.loading} />
        ) : (
          <UserTable {...shared} loading={list.loading} />
        )}
        {(list.data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            style={{ marginTop: 12 }}
            size="small"
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data?.total}
            showSizeChanger={false}
            onChange={(p) => go(filters, p)}
          />
        )}
      </Card>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onDone={list.reload} />
      <RolesModal user={editing} districts={districts.options} onClose={() => setEditing(null)} onDone={list.reload} />
      <UserDrawer userId={viewing} districtName={districts.name} onClose={() => setViewing(null)} />
    </>
  );
}
