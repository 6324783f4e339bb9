import type { FacetBucket, FacetName } from "@zhichan/shared";
import { Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Bi } from "../../components/Bi";
import { facetLabel } from "./facetLabel";
import { facetClause } from "./queryText";

export const LIST_FACETS: FacetName[] = [
  "type",
  "status",
  "year",
  "ipc_subclass",
  "applicant",
  "city",
  "district",
  "sei",
  "agency",
];

interface Props {
  facets: Record<string, FacetBucket[]> | undefined;
  loading: boolean;
  onAdd: (clause: string) => void;
}

function ordered(facet: FacetName, buckets: FacetBucket[]): FacetBucket[] {
  return facet === "year" ? [...buckets].sort((a, b) => b.value.localeCompare(a.value)) : buckets;
}

/** Facet counts of the whole hit set; clicking a bucket adds its clause to the query. */
export function FacetPanel({ facets, loading, onAdd }: Props) {
  const { t } = useTranslation();
  if (!facets) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <nav className="facet-panel" aria-label={t("search.facetsTitle")}>
      <h2 className="facet-panel-title">
        <Bi k="search.facetsTitle" />
      </h2>
      {LIST_FACETS.map((facet) => {
        const buckets = facets[facet] ?? [];
        if (buckets.length === 0) return null;
        return (
          <section key={facet} className="facet-group" data-facet={facet} aria-busy={loading}>
            <h3>
              <Bi k={`facets.${facet}`} />
            </h3>
            <ul>
              {ordered(facet, buckets).map((b) => {
                const label = facetLabel(facet, b, t);
                const clause = facetClause(facet, b);
                return (
                  <li key={b.value}>
                    <button
                      type="button"
                      className="facet-bucket"
                      title={t("search.facetAdd", { clause })}
                      data-value={b.value}
                      data-count={b.count}
                      onClick={() => onAdd(clause)}
                    >
                      <span className="facet-bucket-label" title={label}>
                        {label}
                      </span>
                      <span className="facet-bucket-count">{b.count.toLocaleString()}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
