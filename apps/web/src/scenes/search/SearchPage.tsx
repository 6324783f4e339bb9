import { Button, Empty, Tabs } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { PageLoading } from "../../components/PageLoading";
import { UnitToggle } from "../../components/UnitToggle";
import { LookupView } from "./LookupView";
import { appendClause } from "./queryText";
import { ResultsView } from "./ResultsView";
import { SearchForm } from "./SearchForm";
import { MATCH_ALL, type SearchTab, useSearchUrl } from "./useSearchUrl";

const StatsView = lazy(() => import("../stats/StatsView"));

/**
 * Patent search: query form, then results (facets, hits, pager, export) or statistics of the hit set. Statistics
 * without a query chart every patent (the match-all query `*`).
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [state, update, history] = useSearchUrl();
  const { q, sort, size, tab, mode, page, cursor } = state;
  // the list shows every publication unless grouped; statistics count applications unless told otherwise
  const unit = state.group ?? (tab === "stats" ? "invention" : "publication");

  const content =
    tab === "lookup" ? (
      <LookupView />
    ) : tab === "stats" ? (
      <Suspense fallback={<PageLoading />}>
        <StatsView key={`${q}\u0000${unit}`} q={q || MATCH_ALL} all={!q || q === MATCH_ALL} unit={unit} />
      </Suspense>
    ) : !q ? (
      <Empty className="search-empty" description={t("search.noQuery")}>
        <Button onClick={() => update({ q: MATCH_ALL })} data-testid="browse-all">
          {t("searchUi.browseAll")}
        </Button>
      </Empty>
    ) : (
      <ResultsView
        key={`${q}\u0000${sort}\u0000${size}\u0000${unit}`}
        q={q}
        group={unit}
        sort={sort}
        size={size}
        page={page}
        cursor={cursor}
        trail={history.trail ?? []}
        onPage={(p, c, trail) => update({ page: p, cursor: c }, { trail })}
        onSort={(s) => update({ sort: s })}
        onSize={(n) => update({ size: n })}
        onAddClause={(clause) => update({ q: appendClause(q === MATCH_ALL ? "" : q, clause) })}
      />
    );

  return (
    <div className="page search-page">
      <h1 className="page-title">{t("search.title")}</h1>
      {/* a search typed while the batch lookup is open shows its results */}
      <SearchForm
        query={q}
        mode={mode}
        onMode={(m) => update({ mode: m })}
        onSearch={(nq) => update(tab === "lookup" ? { q: nq, tab: undefined } : { q: nq })}
      />
      {/* the toggle sits beside the tab bar, not in it: a tablist may hold only tabs (axe aria-required-children) */}
      <div className="search-tabs-bar">
        <Tabs
          className="search-tabs"
          activeKey={tab}
          onChange={(k) => update({ tab: k === "list" ? undefined : k } as { tab?: SearchTab })}
          items={[
            { key: "list", label: t("search.tabList") },
            { key: "stats", label: t("search.tabStats") },
            { key: "lookup", label: t("lookup.tab") },
          ]}
        />
        {tab !== "lookup" && (
          <div className="search-tabs-extra">
            <UnitToggle unit={unit} onChange={(u) => update({ group: u })} />
          </div>
        )}
      </div>
      {content}
    </div>
  );
}
