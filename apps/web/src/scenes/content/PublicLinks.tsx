import { useTranslation } from "react-i18next";
import { NavLink } from "react-router-dom";

export const PUBLIC_LINKS = [
  { key: "notices", to: "/notices" },
  { key: "guides", to: "/guides" },
  { key: "directory", to: "/directory" },
  { key: "statistics", to: "/statistics/published" },
] as const;

/** The public side's own pages, one row of links above each of them. */
export function PublicLinks() {
  const { t } = useTranslation();
  return (
    <nav className="public-links" aria-label={t("publicInfo.quickLinks")}>
      {PUBLIC_LINKS.map((l) => (
        <NavLink key={l.key} to={l.to} className="public-link">
          {t(`publicInfo.links.${l.key}`)}
        </NavLink>
      ))}
    </nav>
  );
}
