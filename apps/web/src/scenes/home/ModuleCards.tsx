import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { type SessionState, useSession } from "../../components/shell/useSession";
import { PLATFORM_MODULES, type PlatformModule } from "./modules";

function ModuleCard({ m, can }: { m: PlatformModule; can: SessionState["can"] }) {
  const { t } = useTranslation();
  // an officials' tool is described to everyone but links only for those it opens to (no "sign in" dead end)
  const to = m.need && !can(m.need) ? null : m.to;
  const state = !m.to ? "building" : to ? "available" : "officialsOnly";
  const body = (
    <>
      <span className="module-icon" aria-hidden="true">
        <m.Icon />
      </span>
      <span className="module-title">{t(`modules.${m.key}.title`)}</span>
      <span className="module-desc">{t(`modules.${m.key}.desc`)}</span>
      {state === "available" ? (
        <Tag color="blue" className="module-state">
          {t("modules.available")}
        </Tag>
      ) : (
        <Tag className="module-state module-state-off">{t(`modules.${state}`)}</Tag>
      )}
    </>
  );
  if (to) {
    return (
      <Link to={to} className="module-card" data-module={m.key}>
        {body}
      </Link>
    );
  }
  return (
    <div className="module-card module-card-disabled" aria-disabled="true" data-module={m.key} data-state={state}>
      {body}
    </div>
  );
}

/** Entry cards for every module; unbuilt ones and officials' tools (for others) are plainly marked, not links. */
export function ModuleCards() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <section className="module-section" aria-labelledby="modules-title">
      <h2 id="modules-title" className="section-title">
        {t("modules.title")}
      </h2>
      <div className="module-grid">
        {PLATFORM_MODULES.map((m) => (
          <ModuleCard key={m.key} m={m} can={can} />
        ))}
      </div>
    </section>
  );
}
