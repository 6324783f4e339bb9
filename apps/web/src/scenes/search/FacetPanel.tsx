import { COMPARE_LIMITS, type FacetBucket, type FacetName } from "@zhichan/shared";
import { Skeleton } from "antd";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { FacetGroup } from "./FacetGroup";

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
export const LIST_FACET_SIZE = 10;

interface Props {
  q: string;
  facets: Record<string, FacetBucket[]> | undefined;
  onAdd: (clause: string) => void;
  /** Inside the phone's drawer, whose own title already says what this is: no frame, heading for readers only. */
  bare?: boolean;
}

/** Facet counts of the whole hit set; clicking a bucket adds its clause to the query. */
export function FacetPanel({ q, facets, onAdd, bare = false }: Props) {
  const { t } = useTranslation();
  if (!facets) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <nav className={bare ? "facet-panel facet-panel-bare" : "facet-panel"} aria-label={t("search.facetsTitle")}>
      <h2 className={bare ? "facet-panel-title visually-hidden" : "facet-panel-title"}>{t("search.facetsTitle")}</h2>
      {LIST_FACETS.map((facet) => {
        const buckets = facets[facet] ?? [];
        if (buckets.length === 0) return null;
        const group = (
          <FacetGroup key={facet} q={q} facet={facet} buckets={buckets} pageSize={LIST_FACET_SIZE} onAdd={onAdd} />
        );
        // the largest applicants of the hit set, side by side (applicant bucket values are entity ids)
        const compared = facet === "applicant" ? buckets.slice(0, COMPARE_LIMITS.max).map((b) => b.value) : [];
        return compared.length >= COMPARE_LIMITS.min ? (
          <Fragment key={facet}>
            {group}
            <Link
              className="facet-compare"
              style={{ display: "block", margin: "-4px 0 12px" }}
              to={`/applicants/compare?ids=${compared.join(",")}`}
              data-testid="facet-compare"
            >
              {t("compare.compareTop", { n: compared.length })}
            </Link>
          </Fragment>
        ) : (
          group
        );
      })}
    </nav>
  );
}
