import { Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { allowed, PERSONAL_LINKS } from "./shellLinks";
import { useSession } from "./useSession";

const CASE_LISTS = new Set(["mine", "queue", "assigned"]);

/**
 * The case lists the signed-in user may open (my applications, the office queue, assigned to me): an official is
 * not offered "my applications", a visitor none of them, so no link ends in "no permission".
 */
export function CaseListLinks() {
  const { t } = useTranslation();
  const { can } = useSession();
  const links = allowed(
    PERSONAL_LINKS.filter((l) => CASE_LISTS.has(l.key)),
    can,
  );
  if (links.length === 0) return null;
  return (
    <Space wrap data-testid="case-list-links">
      {links.map((l) => (
        <Link key={l.key} to={l.to}>
          {t(l.label)}
        </Link>
      ))}
    </Space>
  );
}
