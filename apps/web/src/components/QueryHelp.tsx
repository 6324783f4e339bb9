import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { HELP_EXAMPLES, HELP_OPS, QUERY_FIELDS } from "../scenes/search/queryFields";

/** The query language at a glance: fields, operators and clickable examples. */
export function QueryHelp({ onPick }: { onPick?: (query: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="query-help">
      <Typography.Paragraph className="query-help-intro">{t("help.intro")}</Typography.Paragraph>
      <div className="query-help-grid">
        <section aria-labelledby="qh-fields">
          <h3 id="qh-fields">{t("help.fieldsTitle")}</h3>
          <ul className="qh-fields">
            {QUERY_FIELDS.map((f) => (
              <li key={f}>
                <code>{f}=</code> {t(`builder.fields.${f}`)}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="qh-ops">
          <h3 id="qh-ops">{t("help.opsTitle")}</h3>
          <ul className="qh-ops">
            {HELP_OPS.map((o) => (
              <li key={o}>{t(`help.ops.${o}`)}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="qh-examples">
          <h3 id="qh-examples">{t("help.examplesTitle")}</h3>
          <ul className="qh-examples">
            {HELP_EXAMPLES.map((e) => {
              const q = t(`help.examples.${e}`);
              return (
                <li key={e}>
                  {onPick ? (
                    <button type="button" className="link-button" onClick={() => onPick(q)}>
                      <code>{q}</code>
                    </button>
                  ) : (
                    <code>{q}</code>
                  )}
                  <div className="qh-example-desc">{t(`help.exampleDesc.${e}`)}</div>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </div>
  );
}
