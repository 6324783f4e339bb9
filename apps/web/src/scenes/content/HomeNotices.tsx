import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { listContent } from "../../api/content";
import { useAsync } from "../../components/useAsync";
import { formatDay } from "./formatDay";
import { PUBLIC_LINKS } from "./PublicLinks";
import "./content.css";

/** The home page's public side: the latest notices, and the way to guides, directories and published statistics. */
export function HomeNotices() {
  const { t, i18n } = useTranslation();
  const latest = useAsync((s) => listContent({ pageSize: 6 }, s), []);
  const items = latest.data?.items ?? [];
  return (
    <section className="home-notices" aria-labelledby="home-notices-title" data-testid="home-notices">
      <div className="home-notices-grid">
        <Card
          size="small"
          title={
            <h2 id="home-notices-title" style={{ fontSize: 16, margin: 0 }}>
              {t("publicInfo.latest")}
            </h2>
          }
          extra={<Link to="/notices">{t("publicInfo.more")}</Link>}
        >
          {items.length === 0 ? (
            <p className="content-date">{latest.data ? t("publicInfo.none") : "…"}</p>
          ) : (
            <ul className="home-notices-list">
              {items.map((i) => (
                <li key={i.id}>
                  <Link to={`/notices/${i.id}`}>{i.title}</Link>
                  <span className="content-date">{formatDay(i.publishAt ?? i.updatedAt, i18n.language)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("publicInfo.quickLinks")}</h2>}>
          <nav className="home-notices-links" aria-label={t("publicInfo.quickLinks")}>
            {PUBLIC_LINKS.map((l) => (
              <Link key={l.key} to={l.to} data-public-link={l.key}>
                {t(`publicInfo.links.${l.key}`)}
              </Link>
            ))}
          </nav>
        </Card>
      </div>
    </section>
  );
}
