import type { QuerySuggestion } from "@zhichan/shared/search-assist.ts";
import { Empty } from "antd";
import { useTranslation } from "react-i18next";

/** No dead ends: a query without hits lists the sub-queries that do hit, each a link that searches it. */
export function NoHitSuggestions({
  suggestions,
  onSearch,
}: {
  suggestions: QuerySuggestion[];
  onSearch: (q: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Empty description={t("search.empty")}>
      {suggestions.length > 0 && (
        <div className="no-hit-suggestions" data-testid="suggestions">
          <p>{t("searchAssist.tryInstead")}</p>
          <ul>
            {suggestions.map((s) => (
              <li key={s.query}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onSearch(s.query)}
                  data-testid="suggestion"
                  data-query={s.query}
                >
                  {s.query}
                </button>{" "}
                <span className="muted">
                  {t(s.kind === "widen" ? "searchAssist.widened" : "searchAssist.dropped", { part: s.part })} ·{" "}
                  {t("searchAssist.hits", { n: s.count.toLocaleString() })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Empty>
  );
}
