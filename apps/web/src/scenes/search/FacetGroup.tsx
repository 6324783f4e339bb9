import type { FacetBucket, FacetName } from "@zhichan/shared";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { search } from "../../api/search";
import { facetLabel } from "./facetLabel";
import { facetClause } from "./queryText";

const MORE_SIZE = 100;

function ordered(facet: FacetName, buckets: FacetBucket[]): FacetBucket[] {
  return facet === "year" ? [...buckets].sort((a, b) => b.value.localeCompare(a.value)) : buckets;
}

interface Props {
  q: string;
  facet: FacetName;
  buckets: FacetBucket[];
  pageSize: number;
  onAdd: (clause: string) => void;
}

/** One facet's buckets; "more" fetches up to 100 buckets of just this facet. */
export function FacetGroup({ q, facet, buckets, pageSize, onAdd }: Props) {
  const { t } = useTranslation();
  const [more, setMore] = useState<FacetBucket[] | null>(null);
  const [loading, setLoading] = useState(false);
  const shown = ordered(facet, more ?? buckets);

  const loadMore = async () => {
    setLoading(true);
    try {
      const res = await search({ q, limit: 0, facets: [facet], facetSize: MORE_SIZE });
      setMore(res.facets[facet] ?? buckets);
    } catch {
      setMore(null);
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="facet-group" data-facet={facet}>
      <h3>{t(`facets.${facet}`)}</h3>
      <ul className={more ? "facet-list-long" : undefined}>
        {shown.map((b) => {
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
                <span className="facet-bucket-label" data-content>
                  {label}
                </span>
                <span className="facet-bucket-count">{b.count.toLocaleString()}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {!more && buckets.length >= pageSize && (
        <Button type="link" size="small" loading={loading} onClick={loadMore} className="facet-more">
          {t("search.facetMore")}
        </Button>
      )}
      {more && (
        <Button type="link" size="small" onClick={() => setMore(null)} className="facet-more">
          {t("search.facetLess")}
        </Button>
      )}
    </section>
  );
}
