import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PLATFORM_MODULES, type PlatformModule } from "./modules";

function ModuleCard({ m }: { m: PlatformModule }) {
  const { t } = useTranslation();
  const body = (
    <>
      <span className="module-icon" aria-hidden="true">
        <m.Icon />
      </span>
      <span className="module-title">{t(`modules.${m.key}.title`)}</span>
      <span className="module-desc">{t(`modules.${m.key}.desc`)}</span>
      {m.to ? (
        <Tag color="blue" className="module-state">
          {t("modules.available")}
        </Tag>
      ) : (
        <Tag className="module-state module-state-off">{t("modules.building")}</Tag>
      )}
    </>
  );
  if (m.to) {
    return (
      <Link to={m.to} className="module-card" data-module={m.key}>
        {body}
      </Link>
    );
  }
  return (
    <div className="module-card module-card-disabled" aria-disabled="true" data-module={m.key}>
      {body}
    </div>
  );
}

/** Entry cards for every module; unbuilt ones are plainly marked and not clickable. */
export function ModuleCards() {
  const { t } = useTranslation();
  return (
    <section className="module-section" aria-labelledby="modules-title">
      <h2 id="modules-title" className="section-title">
        {t("modules.title")}
      </h2>
      <div className="module-grid">
        {PLATFORM_MODULES.map((m) => (
          <ModuleCard key={m.key} m={m} />
        ))}
      </div>
    </section>
  );
}
