import { Button, Empty, Tabs } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { PageLoading } from "../../components/PageLoading";
import { UnitToggle } from "../../components/UnitToggle";
import { CrossLanguageToggle } from "./CrossLanguageBar";
import { IpcBrowseView } from "./IpcBrowseView";
import { LookupView } from "./LookupView";
import { appendClause } from "./queryText";
import { ResultsView } from "./ResultsView";
import { SearchForm } from "./SearchForm";
import { SearchSaveBar } from "./SearchSaveBar";
import { MATCH_ALL, type SearchTab, useSearchUrl } from "./useSearchUrl";
import "./searchAssist.css";

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
  const crossLanguage = { on: state.xl, drop: state.xlDrop ? state.xlDrop.split(",") : [] };

  const content =
    tab === "lookup" ? (
      <LookupView />
    ) : tab === "ipc" ? (
      <IpcBrowseView
        q={q}
        group={unit}
        crossLanguage={crossLanguage}
        parent={state.ipc}
        onOpen={(code) => update({ ipc: code })}
        onFilter={(code) =>
          update({ q: appendClause(q === MATCH_ALL ? "" : q, `IPC=${code}`), tab: undefined, ipc: undefined })
        }
      />
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
        crossLanguage={crossLanguage}
        onXlDrop={(drop) => update({ xlDrop: drop.join(",") })}
        onSearch={(nq) => update({ q: nq })}
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
      {/* signed in: save the query, watch it, pick from the history (scenes/watches) */}
      <SearchSaveBar
        q={q}
        group={unit}
        sort={sort}
        ran={!!q && q !== MATCH_ALL && tab !== "lookup"}
        onPick={(nq, g) => update({ q: nq, group: g, tab: undefined })}
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
            { key: "ipc", label: t("searchAssist.ipcTab") },
            { key: "lookup", label: t("lookup.tab") },
          ]}
        />
        {tab !== "lookup" && (
          <div className="search-tabs-extra">
            <CrossLanguageToggle on={state.xl} onChange={(on) => update({ xl: on, xlDrop: undefined })} />
            <UnitToggle unit={unit} onChange={(u) => update({ group: u })} />
          </div>
        )}
      </div>
      {content}
    </div>
  );
}
