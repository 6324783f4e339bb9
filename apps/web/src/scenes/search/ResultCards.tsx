import type { SearchHit } from "@zhichan/shared";
import { Spin } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Highlighted } from "../../components/Highlighted";
import { StatusTag, TypeTag } from "../../components/PatentTags";
import { InventionPublications } from "./ResultTable";

interface Props {
  hits: SearchHit[];
  offset: number;
  loading: boolean;
}

/** One page of hits as cards, for a phone: the same facts as the table's columns, stacked. */
export function ResultCards({ hits, offset, loading }: Props) {
  const { t } = useTranslation();
  return (
    <Spin spinning={loading}>
      <ol className="hit-cards" start={offset + 1} data-testid="hit-cards">
        {hits.map((h) => (
          <li key={h.id} className="hit-card">
            <Link to={`/patents/${h.id}`} className="hit-title" data-testid="hit-title" data-content>
              <Highlighted html={h.titleHighlight || h.title} />
            </Link>
            <div className="hit-card-tags">
              <TypeTag type={h.type} />
              <StatusTag status={h.status} />
            </div>
            <dl className="hit-card-facts">
              <dt>{t("searchUi.card.publicationNumber")}</dt>
              <dd className="hit-numbers">{h.publicationNumber}</dd>
              {h.invention && h.invention.publicationCount > 1 && (
                <dd className="hit-card-publications">
                  <InventionPublications hit={h} />
                </dd>
              )}
              {h.applicationNumber && (
                <>
                  <dt>{t("searchUi.card.applicationNumber")}</dt>
                  <dd className="hit-numbers">{h.applicationNumber}</dd>
                </>
              )}
              {h.applicationDate && (
                <>
                  <dt>{t("searchUi.card.date")}</dt>
                  <dd>{h.applicationDate}</dd>
                </>
              )}
              {h.ipcMain && (
                <>
                  <dt>{t("searchUi.card.ipc")}</dt>
                  <dd className="hit-numbers">{h.ipcMain}</dd>
                </>
              )}
              {h.applicants.length > 0 && (
                <>
                  <dt>{t("search.col.applicants")}</dt>
                  <dd className="hit-card-applicants">
                    {h.applicants.slice(0, 3).map((a) => (
                      <Link key={a.id} to={`/applicants/${a.id}`} data-content>
                        {a.name}
                      </Link>
                    ))}
                    {h.applicants.length > 3 && <span className="muted">+{h.applicants.length - 3}</span>}
                  </dd>
                </>
              )}
            </dl>
            {h.snippet && (
              <div className="hit-snippet" data-content>
                <Highlighted html={h.snippet} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </Spin>
  );
}
