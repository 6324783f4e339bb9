import type { QuerySyntaxDetails } from "@zhichan/shared";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { expectedText, foundText } from "./querySyntax";

/**
 * A query's syntax error in the UI language, with the offending spot marked. The sentence is built here from the
 * server's {position, expected, found}; the server's own message (Chinese and English) is not shown.
 */
export function QuerySyntaxError({ query, details }: { query: string; details: QuerySyntaxDetails }) {
  const { t, i18n } = useTranslation();
  // position is a string index into the (trimmed) query the server parsed.
  const pos = Math.max(0, Math.min(details.position, query.length));
  const before = query.slice(0, pos);
  const at = query[pos];
  const after = query.slice(pos + 1);
  const words = { expected: expectedText(details.expected, t, i18n.language), found: foundText(details.found, t) };
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
            {pos >= query.length ? t("errors.syntaxAtEnd", words) : t("errors.syntaxAt", { pos: pos + 1, ...words })}
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
