import type { HealthResponse } from "@zhichan/shared";
import { Collapse, Input } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { getHealth } from "../../api/health";
import { QueryHelp } from "../../components/QueryHelp";
import { HomeNotices } from "../content/HomeNotices";
import { HELP_EXAMPLES } from "../search/queryFields";
import { ModuleCards } from "./ModuleCards";

/** Portal home: one big search box with help and examples, then every module of the platform. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const [health, setHealth] = useState<HealthResponse | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    getHealth(ctl.signal).then(setHealth, () => undefined);
    return () => ctl.abort();
  }, []);

  const go = (q: string) => {
    const trimmed = q.trim();
    if (trimmed) navigate(`/search?q=${encodeURIComponent(trimmed)}`);
  };

  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title" className="hero-title">
          {t("home.heroTitle")}
        </h1>
        <p className="hero-sub">{t("home.heroSub")}</p>
        <label htmlFor="home-query" className="hero-label">
          {t("home.searchLabel")}
        </label>
        <Input.Search
          id="home-query"
          className="hero-search"
          size="large"
          enterButton={t("home.searchButton")}
          placeholder={t("home.placeholder")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onSearch={go}
          allowClear
        />
        <fieldset className="hero-examples">
          <legend className="hero-examples-label">
            {t("home.examples")}
            {i18n.language === "en" ? ":" : "："}
          </legend>
          {HELP_EXAMPLES.slice(0, 5).map((e) => {
            const q = t(`help.examples.${e}`);
            return (
              <button key={e} type="button" className="example-chip" onClick={() => go(q)}>
                {q}
              </button>
            );
          })}
        </fieldset>
        {health && (
          <p className="hero-health">{t("home.indexed", { n: health.patents.toLocaleString(i18n.language) })}</p>
        )}
        <Collapse
          className="hero-help"
          items={[
            {
              key: "help",
              label: t("home.help"),
              children: <QueryHelp onPick={(q) => setQuery(q)} />,
            },
          ]}
        />
      </section>
      <HomeNotices />
      <ModuleCards />
    </div>
  );
}
