import type { QuerySyntaxDetails } from "@zhichan/shared";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";

/** Shows the server's syntax message and the query with the offending spot marked. */
export function QuerySyntaxError({
  query,
  details,
  message,
}: {
  query: string;
  details: QuerySyntaxDetails;
  message: string;
}) {
  const { t } = useTranslation();
  // position is a string index into the (trimmed) query the server parsed.
  const pos = Math.max(0, Math.min(details.position, query.length));
  const before = query.slice(0, pos);
  const at = query[pos];
  const after = query.slice(pos + 1);
  const found = details.found || t("errors.endOfQuery");
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="syntax-error"
      message={t("errors.QUERY_SYNTAX")}
      description={
        <div>
          <div className="syntax-message" data-testid="syntax-message">
            {message}
          </div>
          <div className="syntax-where">
            {pos >= query.length
              ? t("errors.syntaxAtEnd", { expected: details.expected, found })
              : t("errors.syntaxAt", { pos: pos + 1, expected: details.expected, found })}
          </div>
          <pre className="syntax-query" data-testid="syntax-query">
            {before}
            <mark className="syntax-caret" data-testid="syntax-caret" data-position={pos}>
              {at ?? "\u00a0"}
            </mark>
            {after}
          </pre>
        </div>
      }
    />
  );
}
