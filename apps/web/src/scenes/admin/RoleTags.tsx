import type { RoleGrant } from "@zhichan/shared";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const ADMIN = new Set(["sysadmin", "secadmin", "auditadmin"]);

/** A user's roles in words; an official's with the district it serves (or the whole city). */
export function RoleTags({
  roles,
  districtName,
}: {
  roles: RoleGrant[];
  districtName: (code: string | null) => string;
}) {
  const { t } = useTranslation();
  if (roles.length === 0) return <span className="admin-muted">{t("admin.users.noRole")}</span>;
  return (
    <span>
      {roles.map((g) => (
        <Tag key={g.role} color={ADMIN.has(g.role) ? "purple" : "blue"} style={{ marginBottom: 4 }}>
          {g.role === "official"
            ? t("admin.users.roleInDistrict", { role: t("admin.roles.official"), district: districtName(g.district) })
            : t(`admin.roles.${g.role}`)}
        </Tag>
      ))}
    </span>
  );
}

export const isAdminAccount = (roles: RoleGrant[]) => roles.some((g) => ADMIN.has(g.role));
