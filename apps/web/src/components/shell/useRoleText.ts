import type { RoleGrant, RoleName } from "@zhichan/shared";
import { useTranslation } from "react-i18next";

/** Role codes in words in the UI language (roles.* in the catalogues); never the code itself. */
export function useRoleText(): {
  role: (role: RoleName) => string;
  roles: (grants: readonly RoleGrant[]) => string;
} {
  const { t } = useTranslation();
  const role = (r: RoleName) => t(`roles.${r}`, { defaultValue: t("roles.unknown") });
  return {
    role,
    roles: (grants) => [...new Set(grants.map((g) => role(g.role)))].join(t("shell.listSeparator")),
  };
}
