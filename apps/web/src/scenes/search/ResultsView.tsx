import { type SearchSort, SORTS } from "@zhichan/shared";
import { Empty, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { search } from "../../api/search";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";
import { CursorPager } from "./CursorPager";
import { ExportButtons } from "./ExportButtons";
import { FacetPanel, LIST_FACET_SIZE, LIST_FACETS } from "./FacetPanel";
import { ResultTable } from "./ResultTable";

interface Props {
  q: string;
  sort: SearchSort;
  size: number;
  onSort: (sort: SearchSort) => void;
  onSize: (size: number) => void;
  onAddClause: (clause: string) => void;
}

/** Result list for one query/sort/size; a cursor stack walks every page (remount resets it). */
export function ResultsView({ q, sort, size, onSort, onSize, onAddClause }: Props) {
  const { t } = useTranslation();
  // cursors[i] is the cursor that fetches page i; page 0 has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const cursor = cursors[page];
  const res = useAsync(
    (signal) => search({ q, sort, limit: size, cursor, facets: LIST_FACETS, facetSize: LIST_FACET_SIZE }, signal),
    [q, sort, size, cursor],
  );
  const data = res.data;

  if (res.error) return <ErrorView error={res.error} query={q} onRetry={res.reload} />;

  return (
    <div className="results-layout">
      <aside className="results-facets">
        <FacetPanel q={q} facets={data?.facets} onAdd={onAddClause} />
      </aside>
      <section className="results-main" aria-busy={res.loading}>
        <div className="results-bar">
          <div className="results-summary" aria-live="polite">
            {data ? (
              <>
                <strong data-testid="total" data-total={data.total}>
                  {t("search.total", { total: data.total.toLocaleString() })}
                </strong>
                <span className="muted">{t("search.took", { ms: Math.round(data.tookMs) })}</span>
              </>
            ) : (
              <span className="muted">{t("search.loading")}</span>
            )}
          </div>
          <Space wrap>
            <label className="inline-label" htmlFor="sort-select">
              {t("search.sort")}
            </label>
            <Select
              id="sort-select"
              value={sort}
              onChange={onSort}
              style={{ minWidth: 160 }}
              options={SORTS.map((s) => ({ value: s, label: t(`search.sorts.${s}`) }))}
            />
            <ExportButtons query={q} sort={sort} total={data?.total ?? 0} />
          </Space>
        </div>
        {data && data.total === 0 ? (
          <Empty description={t("search.empty")} />
        ) : (
          <>
            <ResultTable hits={data?.hits ?? []} offset={page * size} loading={res.loading} />
            {data && (
              <CursorPager
                page={page}
                total={data.total}
                size={size}
                hasNext={Boolean(data.nextCursor)}
                loading={res.loading}
                onPrev={() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c))}
                onNext={() => data.nextCursor && setCursors((c) => [...c, data.nextCursor ?? undefined])}
                onFirst={() => setCursors([undefined])}
                onSize={onSize}
              />
            )}
          </>
        )}
      </section>
    </div>
  );
}
