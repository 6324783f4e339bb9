import { FilterOutlined } from "@ant-design/icons";
import { type CountUnit, type SearchSort, SORTS } from "@zhichan/shared";
import { Button, Drawer, Select, Space } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CrossLanguage, search } from "../../api/search";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";
import { MatrixLink } from "../matrix/MatrixLink";
import { CrossLanguageChips } from "./CrossLanguageBar";
import { CursorPager } from "./CursorPager";
import { ExportButtons } from "./ExportButtons";
import { FacetPanel, LIST_FACET_SIZE, LIST_FACETS } from "./FacetPanel";
import { NoHitSuggestions } from "./NoHitSuggestions";
import { ResultCards } from "./ResultCards";
import { ResultTable } from "./ResultTable";
import { useNarrow } from "./useNarrow";

/** Below this width the facets move into a drawer; below CARDS_WIDTH the hits become cards. */
const DRAWER_WIDTH = 1100;
const CARDS_WIDTH = 900;

interface Props {
  q: string;
  /** invention: one row per application (the toggle 按申请合并). */
  group: CountUnit;
  sort: SearchSort;
  size: number;
  /** 1-based page and the cursor that fetches it (URL state). */
  page: number;
  cursor: string;
  /** Cursors of the pages before this one (history state); shorter than page - 1 when opened from a link. */
  trail: string[];
  onPage: (page: number, cursor: string, trail: string[]) => void;
  onSort: (sort: SearchSort) => void;
  onSize: (size: number) => void;
  onAddClause: (clause: string) => void;
  /** Cross-language search and the added words removed; onXlDrop changes that list. */
  crossLanguage: CrossLanguage;
  onXlDrop: (drop: string[]) => void;
  /** A no-hit suggestion clicked: search that query instead. */
  onSearch: (q: string) => void;
}

/** Result list for one query/sort/size/page: facets, hits (table, or cards on a phone), pager and export. */
export function ResultsView({
  q,
  group,
  sort,
  size,
  page,
  cursor,
  trail,
  onPage,
  onSort,
  onSize,
  onAddClause,
  crossLanguage,
  onXlDrop,
  onSearch,
}: Props) {
  const { t } = useTranslation();
  const drawerFacets = useNarrow(DRAWER_WIDTH);
  const cards = useNarrow(CARDS_WIDTH);
  const [facetsOpen, setFacetsOpen] = useState(false);
  const top = useRef<HTMLElement>(null);
  const res = useAsync(
    (signal) =>
      search(
        {
          q,
          sort,
          limit: size,
          cursor: cursor || undefined,
          facets: LIST_FACETS,
          facetSize: LIST_FACET_SIZE,
          group,
          crossLanguage,
        },
        signal,
      ),
    [q, sort, size, cursor, crossLanguage.on, crossLanguage.drop.join(",")],
  );
  const data = res.data;

  if (res.error) return <ErrorView error={res.error} query={q} onRetry={res.reload} />;

  const go = (nextPage: number, nextCursor: string, nextTrail: string[]) => {
    onPage(nextPage, nextCursor, nextTrail);
    top.current?.scrollIntoView({ block: "start" });
  };
  const canPrev = page > 1 && trail.length === page - 1;
  const addClause = (clause: string) => {
    setFacetsOpen(false);
    onAddClause(clause);
  };
  const facets = <FacetPanel q={q} facets={data?.facets} onAdd={addClause} bare={drawerFacets} />;

  return (
    <div className={drawerFacets ? "results-layout results-layout-single" : "results-layout"}>
      {!drawerFacets && <aside className="results-facets">{facets}</aside>}
      <section className="results-main" aria-busy={res.loading} ref={top} aria-label={t("search.tabList")}>
        <div className="results-bar">
          <div className="results-summary" aria-live="polite">
            {data ? (
              <>
                <strong data-testid="total" data-total={data.total}>
                  {t(group === "invention" ? "grouping.total" : "search.total", { total: data.total.toLocaleString() })}
                </strong>
                <span className="muted">{t("search.took", { ms: Math.round(data.tookMs) })}</span>
              </>
            ) : (
              <span className="muted">{t("search.loading")}</span>
            )}
          </div>
          <Space wrap>
            {drawerFacets && (
              <Button icon={<FilterOutlined />} onClick={() => setFacetsOpen(true)} data-testid="facets-open">
                {t("searchUi.filters")}
              </Button>
            )}
            <label className="inline-label" htmlFor="sort-select">
              {t("search.sort")}
            </label>
            <Select
              id="sort-select"
              value={sort}
              onChange={onSort}
              style={{ minWidth: 150 }}
              options={SORTS.map((s) => ({ value: s, label: t(`search.sorts.${s}`) }))}
            />
            <ExportButtons query={q} sort={sort} total={data?.total ?? 0} group={group} crossLanguage={crossLanguage} />
            <MatrixLink q={q} group={group} />
          </Space>
        </div>
        {data?.crossLanguage && (
          <CrossLanguageChips
            words={data.crossLanguage}
            dropped={crossLanguage.drop}
            onDrop={(w) => onXlDrop([...crossLanguage.drop, w])}
            onRestore={() => onXlDrop([])}
          />
        )}
        {data && data.total === 0 ? (
          <NoHitSuggestions suggestions={data.suggestions ?? []} onSearch={onSearch} />
        ) : (
          <>
            {cards ? (
              <ResultCards hits={data?.hits ?? []} offset={(page - 1) * size} loading={res.loading} />
            ) : (
              <ResultTable hits={data?.hits ?? []} offset={(page - 1) * size} loading={res.loading} />
            )}
            {data && (
              <CursorPager
                page={page}
                total={data.total}
                size={size}
                hasNext={Boolean(data.nextCursor)}
                canPrev={canPrev}
                loading={res.loading}
                onPrev={() => go(page - 1, trail[page - 2] ?? "", trail.slice(0, page - 2))}
                onNext={() => data.nextCursor && go(page + 1, data.nextCursor, [...trail, cursor])}
                onFirst={() => go(1, "", [])}
                onSize={onSize}
              />
            )}
          </>
        )}
      </section>
      {drawerFacets && (
        <Drawer
          title={t("searchUi.filtersTitle")}
          open={facetsOpen}
          onClose={() => setFacetsOpen(false)}
          placement="right"
          width="min(360px, 100vw)"
          data-testid="facets-drawer"
        >
          {facets}
        </Drawer>
      )}
    </div>
  );
}
