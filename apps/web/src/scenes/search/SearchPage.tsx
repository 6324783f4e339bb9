import { Empty, Tabs } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { PageLoading } from "../../components/PageLoading";
import { appendClause } from "./queryText";
import { ResultsView } from "./ResultsView";
import { SearchForm } from "./SearchForm";
import { type SearchTab, useSearchUrl } from "./useSearchUrl";

const StatsView = lazy(() => import("../stats/StatsView"));

/** Patent search: query form, then results (facets, table, pager, export) or statistics of the hit set. */
export function SearchPage() {
  const { t } = useTranslation();
  const [state, update] = useSearchUrl();
  const { q, sort, size, tab, mode } = state;

  const content = !q ? (
    <Empty className="search-empty" description={t("search.noQuery")} />
  ) : tab === "stats" ? (
    <Suspense fallback={<PageLoading />}>
      <StatsView key={q} q={q} />
    </Suspense>
  ) : (
    <ResultsView
      key={`${q}\u0000${sort}\u0000${size}`}
      q={q}
      sort={sort}
      size={size}
      onSort={(s) => update({ sort: s })}
      onSize={(n) => update({ size: n })}
      onAddClause={(clause) => update({ q: appendClause(q, clause) })}
    />
  );

  return (
    <div className="page search-page">
      <h1 className="page-title">{t("search.title")}</h1>
      <SearchForm query={q} mode={mode} onMode={(m) => update({ mode: m })} onSearch={(nq) => update({ q: nq })} />
      <Tabs
        className="search-tabs"
        activeKey={tab}
        onChange={(k) => update({ tab: k === "stats" ? "stats" : undefined } as { tab?: SearchTab })}
        items={[
          { key: "list", label: t("search.tabList") },
          { key: "stats", label: t("search.tabStats") },
        ]}
      />
      {content}
    </div>
  );
}
